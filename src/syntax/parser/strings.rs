//! String literals: `'literal'` (`''` is a quote), `"expandable"` with `$var`, `${var}`,
//! `$scope:var`, `$(...)` and backtick escapes, and the here-strings `@'...'@` and
//! `@"..."@` whose delimiters sit on their own lines. Also variable references, which
//! strings and expressions share.

use super::lexical::{is_blank, is_double_quote, is_name_char, is_newline, is_single_quote};
use super::{PResult, Parser};
use crate::syntax::ast::{Expr, ExprKind, Span, StringPart, VariablePath};
use crate::syntax::error::ParseError;

/// Where an expandable text ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// A double quote (a doubled one is a literal quote).
    Quote,
    /// A newline followed by `"@`.
    HereString,
}

/// Collects string parts, merging adjacent literal text.
#[derive(Default)]
pub(super) struct PartsBuilder {
    parts: Vec<StringPart>,
    text: String,
}

impl PartsBuilder {
    pub(super) fn push_char(&mut self, c: char) {
        self.text.push(c);
    }
    pub(super) fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
    pub(super) fn push_part(&mut self, part: StringPart) {
        self.flush();
        self.parts.push(part);
    }
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.parts
                .push(StringPart::Literal(std::mem::take(&mut self.text)));
        }
    }
    /// True when something other than literal text was pushed.
    pub(super) fn has_expansions(&self) -> bool {
        !self.parts.is_empty()
    }
    pub(super) fn literal_text(&self) -> &str {
        &self.text
    }
    pub(super) fn finish(mut self) -> Vec<StringPart> {
        self.flush();
        self.parts
    }
}

/// The character a backtick escape stands for in an expandable string (`` `n `` → newline).
pub(super) fn escape_char(c: char) -> char {
    match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'e' => '\u{1b}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{b}',
        other => other,
    }
}

impl Parser<'_> {
    /// The string opened at `start` runs to the end of the text; the error marks its
    /// opening quote.
    fn missing_terminator(&self, start: usize, terminator: &str) -> ParseError {
        let quote_len = self.src[start..].chars().next().map_or(0, char::len_utf8);
        ParseError::new(
            "TerminatorExpectedAtEndOfString",
            format!("The string is missing the terminator: {terminator}."),
            Span::new(start, start + quote_len),
        )
        .incomplete()
    }

    /// `'...'` at the cursor.
    pub(super) fn single_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump() {
                None => return Err(self.missing_terminator(start, "'")),
                Some(c) if is_single_quote(c) => {
                    if self.eat_if(is_single_quote).is_some() {
                        text.push('\'');
                    } else {
                        break;
                    }
                }
                Some(c) => text.push(c),
            }
        }
        Ok(Expr::new(
            ExprKind::StringLiteral(text),
            self.span_from(start),
        ))
    }

    /// `"..."` at the cursor.
    pub(super) fn double_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let parts = self.expandable(End::Quote, start)?;
        Ok(Expr::new(
            ExprKind::ExpandableString(parts),
            self.span_from(start),
        ))
    }

    /// `@'...'@` or `@"..."@` at the cursor.
    pub(super) fn here_string(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let quote = self.bump().unwrap_or('"');
        let expandable = is_double_quote(quote);
        let terminator = if expandable { "\"@" } else { "'@" };
        while self.eat_if(is_blank).is_some() {}
        if !self.eat("\r\n") && self.eat_if(is_newline).is_none() {
            if self.at_end() {
                return Err(self.missing_terminator(start, terminator));
            }
            return Err(self.error_here(
                "UnexpectedCharactersAfterHereStringHeader",
                "No characters are allowed after a here-string header but before the end of the line.",
            ));
        }
        if expandable {
            let parts = if self.eat_here_footer(true) {
                Vec::new()
            } else {
                self.expandable(End::HereString, start)?
            };
            return Ok(Expr::new(
                ExprKind::ExpandableString(parts),
                self.span_from(start),
            ));
        }
        if self.eat_here_footer(false) {
            return Ok(Expr::new(
                ExprKind::StringLiteral(String::new()),
                self.span_from(start),
            ));
        }
        let mut text = String::new();
        loop {
            if self.at_newline() {
                let nl_start = self.pos;
                if !self.eat("\r\n") {
                    self.bump();
                }
                if self.eat_here_footer(false) {
                    break;
                }
                text.push_str(&self.src[nl_start..self.pos]);
                continue;
            }
            match self.bump() {
                None => return Err(self.missing_terminator(start, terminator)),
                Some(c) => text.push(c),
            }
        }
        Ok(Expr::new(
            ExprKind::StringLiteral(text),
            self.span_from(start),
        ))
    }

    /// Consumes `"@` (or `'@`, typographic quotes included) that closes a here-string.
    fn eat_here_footer(&mut self, expandable: bool) -> bool {
        let mut chars = self.rest().chars();
        let is_footer = chars.next().is_some_and(|q| {
            if expandable {
                is_double_quote(q)
            } else {
                is_single_quote(q)
            }
        }) && chars.next() == Some('@');
        if is_footer {
            self.bump();
            self.bump();
        }
        is_footer
    }

    /// The parts of an expandable string up to (and consuming) its terminator.
    fn expandable(&mut self, end: End, start: usize) -> PResult<Vec<StringPart>> {
        let terminator = if end == End::Quote { "\"" } else { "\"@" };
        let mut parts = PartsBuilder::default();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.missing_terminator(start, terminator));
            };
            match c {
                c if end == End::Quote && is_double_quote(c) => {
                    self.bump();
                    if self.eat_if(is_double_quote).is_some() {
                        parts.push_char('"');
                    } else {
                        break;
                    }
                }
                c if end == End::HereString && is_newline(c) => {
                    let nl_start = self.pos;
                    if !self.eat("\r\n") {
                        self.bump();
                    }
                    if self.eat_here_footer(true) {
                        break;
                    }
                    parts.push_str(&self.src[nl_start..self.pos]);
                }
                '`' => {
                    self.bump();
                    match self.bump() {
                        None => return Err(self.missing_terminator(start, terminator)),
                        Some('u') => {
                            let ch = self.unicode_escape()?;
                            parts.push_char(ch);
                        }
                        Some(e) => parts.push_char(escape_char(e)),
                    }
                }
                '$' => self.dollar_in_string(&mut parts)?,
                _ => {
                    self.bump();
                    parts.push_char(c);
                }
            }
        }
        Ok(parts.finish())
    }

    /// `` `u{XXXX} ``, the cursor after the `u`; pwsh 7 refuses any other `` `u ``.
    fn unicode_escape(&mut self) -> PResult<char> {
        const INVALID: &str = "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.";
        let backtick = self.pos - 2;
        if !self.eat("{") {
            return Err(ParseError::new(
                "InvalidUnicodeEscapeSequence",
                INVALID,
                Span::new(backtick, self.pos),
            ));
        }
        let digits_start = self.pos;
        while self.src[digits_start..self.pos].len() < 6
            && self.eat_if(|c| c.is_ascii_hexdigit()).is_some()
        {}
        let digits = &self.src[digits_start..self.pos];
        if self.eat("}") && !digits.is_empty() {
            return u32::from_str_radix(digits, 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    ParseError::new(
                        "InvalidUnicodeEscapeSequenceValue",
                        "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
                        Span::new(backtick, self.pos),
                    )
                });
        }
        let here = Span::new(self.pos, self.pos);
        Err(match self.peek() {
            Some(c) if c.is_ascii_hexdigit() => ParseError::new(
                "TooManyDigitsInUnicodeEscapeSequence",
                "The Unicode escape sequence contains more than the maximum of six hex digits between braces.",
                here,
            ),
            None if !digits.is_empty() => ParseError::new(
                "MissingUnicodeEscapeSequenceTerminator",
                "The Unicode escape sequence is missing the closing '}'.",
                here,
            ),
            _ => ParseError::new("InvalidUnicodeEscapeSequence", INVALID, here),
        })
    }

    /// A `$` inside expandable text: a variable, `${...}`, `$(...)`, or a literal `$`.
    pub(super) fn dollar_in_string(&mut self, parts: &mut PartsBuilder) -> PResult<()> {
        let start = self.pos;
        if self.rest().starts_with("$(") {
            let block = self.subexpression_block()?;
            parts.push_part(StringPart::Subexpression(block));
            return Ok(());
        }
        self.bump();
        match self.variable_after_dollar(start)? {
            Some(var) => parts.push_part(StringPart::Variable(var)),
            None => parts.push_char('$'),
        }
        Ok(())
    }

    /// The variable name after a `$` (the cursor just past it): `name`, `scope:name`,
    /// `{any name}`, `_`, `?`, `^`, `$`. `None` (cursor unmoved) when no name follows.
    pub(super) fn variable_after_dollar(&mut self, start: usize) -> PResult<Option<VariablePath>> {
        if self.peek() == Some('{') {
            return self.braced_variable(start).map(Some);
        }
        if let Some(c) = self.eat_if(|c| matches!(c, '?' | '^' | '$')) {
            return Ok(Some(VariablePath {
                scope: None,
                name: c.to_string(),
                span: self.span_from(start),
            }));
        }
        let Some(first) = self.name().map(str::to_string) else {
            return Ok(None);
        };
        let mut scope = None;
        let mut name = first;
        if self.peek() == Some(':') && self.peek_nth(1).is_some_and(is_name_char) {
            self.bump();
            if let Some(rest) = self.name() {
                scope = Some(std::mem::replace(&mut name, rest.to_string()));
            }
        }
        Ok(Some(VariablePath {
            scope,
            name,
            span: self.span_from(start),
        }))
    }

    /// `${...}`, the cursor at `{`.
    fn braced_variable(&mut self, start: usize) -> PResult<VariablePath> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(ParseError::new(
                        "IncompleteDollarVariableReference",
                        "${variable} reference starting is missing the closing '}'.",
                        Span::new(start, start + 2),
                    )
                    .incomplete());
                }
                Some('}') => break,
                Some('`') => {
                    if let Some(c) = self.bump() {
                        text.push(c);
                    }
                }
                Some(c) => text.push(c),
            }
        }
        if text.is_empty() {
            return Err(ParseError::new(
                "EmptyVariableReference",
                "An empty ${} variable reference was found. A name is required inside the braces.",
                self.span_from(start),
            ));
        }
        let (scope, name) = match text.split_once(':') {
            Some((s, n)) if !s.is_empty() && !n.is_empty() => (Some(s.to_string()), n.to_string()),
            _ => (None, text),
        };
        Ok(VariablePath {
            scope,
            name,
            span: self.span_from(start),
        })
    }
}
