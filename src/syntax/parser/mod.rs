//! nom parsers, one file per grammar chapter.

use super::ast::ScriptBlock;
use super::error::ParseError;

/// Parses a whole script. On failure returns every error found (at least one).
pub fn parse_script(_text: &str) -> Result<ScriptBlock, Vec<ParseError>> {
    Err(vec![ParseError::new(
        "NotImplemented",
        "the parser is being written",
        super::Span::default(),
    )])
}
