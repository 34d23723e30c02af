//! Text → AST: a recursive-descent parser over one cursor, with nom doing the lexical work
//! (numbers, names, operators, whitespace). One file per grammar chapter:
//! `statements`, `functions` (script blocks, `param()`, function definitions),
//! `commands` (pipelines and argument mode), `expressions`,
//! `strings`, `numbers`, `types` (type names and attributes), and `lexical`
//! (characters, whitespace, comments).
//!
//! PowerShell's grammar depends on context (argument mode vs expression mode, newlines
//! that end a statement here and not there), so the parser is a set of methods on
//! `Parser`, which holds the source and the position; each chapter adds its methods.
//! The first error stops the parse, as pwsh's ConciseView shows one error anyway.

mod commands;
mod expressions;
mod functions;
mod lexical;
mod numbers;
#[cfg(test)]
mod robustness;
mod statements;
mod strings;
#[cfg(test)]
mod tests;
mod types;

use super::ast::{ScriptBlock, Span};
use super::error::ParseError;

pub use numbers::parse_number_literal;

/// Parses a whole script. On failure returns every error found (at least one).
///
/// Needs about [`STACK_BUDGET`] plus a little of the calling thread's stack: deeper
/// nesting is refused with `ScriptTooComplicated` rather than overflowing.
pub fn parse_script(text: &str) -> Result<ScriptBlock, Vec<ParseError>> {
    let mut parser = Parser::new(text);
    parser.script().map_err(|e| vec![e])
}

/// How deeply constructs may nest (parentheses, blocks, operators). Deeper input gets an
/// error instead of exhausting the stack, as pwsh stops with `ScriptTooComplicated`.
const MAX_DEPTH: usize = 1000;

/// How much stack the parser may use (bytes). Like pwsh's `EnsureSufficientExecutionStack`
/// it measures rather than guesses: frame sizes differ a lot between debug and release
/// builds, so a fixed depth limit would be either too low or unsafe.
pub const STACK_BUDGET: usize = 1024 * 1024;

/// An address on the current stack, to measure how deep the parser has recursed.
fn stack_position() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

type PResult<T> = Result<T, ParseError>;

/// The parser state: the whole source and the byte position of the cursor.
pub(crate) struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// An error found while skipping trivia (an unterminated `<#` comment), reported
    /// when the parse ends.
    pending: Option<ParseError>,
    /// [`stack_position`] when the parse started.
    stack_base: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            depth: 0,
            pending: None,
            stack_base: stack_position(),
        }
    }

    /// The unparsed rest of the source.
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The character `n` characters ahead (0 = the current one).
    fn peek_nth(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Consumes `s` if the input starts with it (exact case).
    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Consumes one character if it satisfies `f`.
    fn eat_if(&mut self, f: impl Fn(char) -> bool) -> Option<char> {
        match self.peek() {
            Some(c) if f(c) => {
                self.pos += c.len_utf8();
                Some(c)
            }
            _ => None,
        }
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.pos)
    }

    /// Enters one level of nesting; errors out past [`MAX_DEPTH`].
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.stack_base.abs_diff(stack_position()) > STACK_BUDGET {
            return Err(ParseError::new(
                "ScriptTooComplicated",
                "Processing was stopped because the script is too complex.",
                Span::new(self.pos, self.pos),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `f` one nesting level deeper.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let result = f(self);
        self.leave();
        result
    }

    /// An error at the current position, covering the token there.
    fn error_here(&self, id: &'static str, message: impl Into<String>) -> ParseError {
        let len = self.token_text().len();
        ParseError::new(id, message, Span::new(self.pos, self.pos + len))
    }

    /// "Something is missing": an error just after the previous token, as pwsh reports
    /// most of them (`After(token)`); incomplete when only trivia is left.
    fn missing(&mut self, id: &'static str, message: impl Into<String>) -> ParseError {
        let mut after = self.pos;
        while let Some(c) = self.src[..after].chars().next_back() {
            if !c.is_whitespace() {
                break;
            }
            after -= c.len_utf8();
        }
        self.skip_ws_nl();
        self.at_end_if_incomplete(ParseError::new(id, message, Span::new(after, after)))
    }

    /// An error at the next token (after blanks and newlines), incomplete at the end: for
    /// the few errors pwsh reports at the token it found instead of the one it wanted.
    fn missing_here(&mut self, id: &'static str, message: impl Into<String>) -> ParseError {
        self.skip_ws_nl();
        self.at_end_if_incomplete(self.error_here(id, message))
    }

    /// Marks `err` incomplete when the cursor is at the end of the text: the error is
    /// about something missing that more input (the REPL's next line) could supply.
    fn at_end_if_incomplete(&self, err: ParseError) -> ParseError {
        if self.at_end() { err.incomplete() } else { err }
    }

    /// `Unexpected token 'x' in expression or statement.` at the cursor.
    fn unexpected_token(&self) -> ParseError {
        let text = self.token_text();
        self.error_here(
            "UnexpectedToken",
            format!("Unexpected token '{text}' in expression or statement."),
        )
    }
}
