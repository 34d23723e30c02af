//! Characters and trivia: which characters are blanks, newlines, dashes and quotes in
//! PowerShell (it accepts the typographic dashes and quotes that word processors put into
//! documentation), and skipping whitespace, comments and backtick line continuations.

use nom::IResult;
use nom::Parser as _;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while, take_while1};

use super::Parser;
use crate::syntax::ast::Span;
use crate::syntax::error::ParseError;

/// Whitespace inside a line (not a newline).
pub(super) fn is_blank(c: char) -> bool {
    c != '\n' && c != '\r' && (c.is_whitespace() || c == '\u{feff}')
}

pub(super) fn is_newline(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// `-` and the en dash, em dash and horizontal bar, which pwsh treats as dashes.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// `"` and the typographic double quotes pwsh accepts.
pub(super) fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// `'` and the typographic single quotes pwsh accepts.
pub(super) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

pub(super) fn is_quote(c: char) -> bool {
    is_double_quote(c) || is_single_quote(c)
}

/// A character of a plain variable name (`$name`) or member name (`.Name`).
pub(super) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that end a bare word in argument mode (besides blanks and newlines).
pub(super) fn is_arg_terminator(c: char) -> bool {
    is_blank(c)
        || is_newline(c)
        || matches!(c, ';' | ',' | '|' | '(' | ')' | '{' | '}' | '&' | '>' | '<')
}

/// Characters that end the text of a token quoted in an error message.
fn is_token_delimiter(c: char) -> bool {
    is_blank(c) || is_newline(c) || "(){}[];,|&\"'$@.=".contains(c)
}

/// One blank run, comment or line continuation (nom): `<# ... #>`, `# ...`, `` `⏎ ``.
fn trivia(input: &str) -> IResult<&str, &str> {
    alt((
        take_while1(is_blank),
        line_comment,
        block_comment,
        line_continuation,
    ))
    .parse(input)
}

fn line_comment(input: &str) -> IResult<&str, &str> {
    let (rest, _) = tag("#")(input)?;
    let (rest, _) = take_while(|c| !is_newline(c))(rest)?;
    Ok((rest, &input[..input.len() - rest.len()]))
}

fn block_comment(input: &str) -> IResult<&str, &str> {
    let (rest, _) = tag("<#")(input)?;
    let (rest, _) = take_until("#>")(rest)?;
    Ok((&rest[2..], &input[..input.len() - rest.len() + 2]))
}

fn line_continuation(input: &str) -> IResult<&str, &str> {
    let (rest, _) = tag("`")(input)?;
    let (rest, _) = alt((tag("\r\n"), tag("\n"), tag("\r"))).parse(rest)?;
    Ok((rest, &input[..input.len() - rest.len()]))
}

impl Parser<'_> {
    /// Skips blanks, comments and backtick line continuations; stops at a newline.
    /// An unterminated `<#` comment is remembered as an (incomplete-input) error.
    pub(super) fn skip_ws(&mut self) {
        loop {
            match trivia(self.rest()) {
                Ok((rest, _)) => self.pos = self.src.len() - rest.len(),
                Err(_) => {
                    if self.rest().starts_with("<#") {
                        self.unterminated_comment();
                    }
                    return;
                }
            }
        }
    }

    fn unterminated_comment(&mut self) {
        let start = self.pos;
        self.pos = self.src.len();
        if self.pending.is_none() {
            self.pending = Some(
                ParseError::new(
                    "MissingTerminatorMultiLineComment",
                    "The terminator '#>' is missing from the multiline comment.",
                    Span::new(start, self.pos),
                )
                .incomplete(),
            );
        }
    }

    /// Skips blanks, comments and newlines.
    pub(super) fn skip_ws_nl(&mut self) {
        loop {
            self.skip_ws();
            if self.eat_if(is_newline).is_none() {
                return;
            }
        }
    }

    /// Skips blanks, comments, newlines and `;` (between statements).
    pub(super) fn skip_separators(&mut self) {
        loop {
            self.skip_ws_nl();
            if !self.eat(";") {
                return;
            }
        }
    }

    pub(super) fn at_newline(&self) -> bool {
        self.peek().is_some_and(is_newline)
    }

    /// The text of the token at the cursor, for error messages.
    pub(super) fn token_text(&self) -> &str {
        let rest = self.rest();
        for two in [
            "@{", "@(", "$(", "&&", "||", "..", "::", "++", "--", "+=", "-=", "*=", "/=", "%=",
        ] {
            if rest.starts_with(two) {
                return &rest[..2];
            }
        }
        match rest.chars().next() {
            None => "",
            Some(c) if is_token_delimiter(c) || is_newline(c) => &rest[..c.len_utf8()],
            Some(_) => {
                let end = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(_, c)| is_token_delimiter(c) && c != '.' && c != '$')
                    .map_or(rest.len(), |(i, _)| i);
                &rest[..end]
            }
        }
    }

    /// A run of name characters (`[A-Za-z0-9_]`, Unicode letters) at the cursor.
    pub(super) fn name(&mut self) -> Option<&str> {
        let rest = self.rest();
        let res: IResult<&str, &str> = take_while1(is_name_char)(rest);
        match res {
            Ok((after, name)) => {
                self.pos += rest.len() - after.len();
                Some(name)
            }
            Err(_) => None,
        }
    }

    /// True when the cursor is at `word` (case-insensitive) followed by a non-name char.
    pub(super) fn at_keyword(&self, word: &str) -> bool {
        let rest = self.rest();
        rest.len() >= word.len()
            && rest.is_char_boundary(word.len())
            && rest[..word.len()].eq_ignore_ascii_case(word)
            && !rest[word.len()..]
                .chars()
                .next()
                .is_some_and(|c| is_name_char(c) || is_dash(c) || c == '\\' || c == '.' || c == ':')
    }

    /// Consumes `word` if [`Self::at_keyword`].
    pub(super) fn eat_keyword(&mut self, word: &str) -> bool {
        if self.at_keyword(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }
}
