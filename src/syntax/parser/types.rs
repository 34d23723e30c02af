//! Type names and attributes in brackets: `[int]`, `[string[]]`,
//! `[System.Collections.Generic.List[string]]`, `[Parameter(Mandatory, Position = 0)]`.
//! Type names are kept as written (blanks removed); resolving them is the engine's job.

use super::lexical::is_name_char;
use super::{PResult, Parser};
use crate::syntax::ast::{Attribute, Expr, Span, TypeName};
use crate::syntax::error::ParseError;

/// `[Name]` or `[Name(args)]`, as met in front of a parameter or a value.
pub(super) enum Bracketed {
    Type(TypeName),
    Attribute(Attribute),
}

/// An attribute's positional arguments, and its named ones (`Flag` or `Name = value`).
type AttributeArguments = (Vec<Expr>, Vec<(String, Option<Expr>)>);

impl Parser<'_> {
    /// `[Name]`, `[Name[]]`, `[Generic[Arg1,Arg2]]` or `[Name(args)]` at the cursor.
    pub(super) fn bracketed(&mut self) -> PResult<Bracketed> {
        let start = self.pos;
        self.bump();
        self.skip_ws();
        let name = self.type_name_text(start)?;
        self.skip_ws();
        if self.peek() == Some('(') {
            let (positional, named) = self.attribute_arguments()?;
            self.skip_ws_nl();
            if !self.eat("]") {
                return Err(self.missing_bracket(
                    start,
                    "EndSquareBracketExpectedAtEndOfAttribute",
                    "Missing ] at end of attribute or type literal.",
                ));
            }
            return Ok(Bracketed::Attribute(Attribute {
                name,
                positional,
                named,
                span: self.span_from(start),
            }));
        }
        if !self.eat("]") {
            return Err(self.missing_bracket(
                start,
                "EndSquareBracketExpectedAtEndOfType",
                "Missing ] at end of type token.",
            ));
        }
        Ok(Bracketed::Type(TypeName {
            name,
            span: self.span_from(start),
        }))
    }

    fn missing_bracket(&self, start: usize, id: &'static str, message: &str) -> ParseError {
        self.at_end_if_incomplete(ParseError::new(
            id,
            message,
            Span::new(start, self.pos.max(start + 1)),
        ))
    }

    /// A type name, with generic arguments and array ranks, normalised without blanks.
    fn type_name_text(&mut self, open: usize) -> PResult<String> {
        let name_start = self.pos;
        while self
            .eat_if(|c| is_name_char(c) || matches!(c, '.' | '`' | '+' | '#'))
            .is_some()
        {}
        if self.pos == name_start {
            let err = ParseError::new(
                "MissingTypename",
                "Missing type name after '['.",
                Span::new(
                    open,
                    open + self.src[open..].chars().next().map_or(0, char::len_utf8),
                ),
            );
            return Err(self.at_end_if_incomplete(err));
        }
        let mut name = self.src[name_start..self.pos].to_string();
        while self.peek() == Some('[') {
            let save = self.pos;
            self.bump();
            self.skip_ws();
            match self.peek() {
                Some(']') | Some(',') => {
                    name.push('[');
                    while self.eat(",") {
                        name.push(',');
                        self.skip_ws();
                    }
                    if !self.eat("]") {
                        return Err(self.missing_bracket(
                            open,
                            "EndSquareBracketExpectedAtEndOfType",
                            "Missing ] at end of type token.",
                        ));
                    }
                    name.push(']');
                }
                Some(c) if is_name_char(c) || c == '[' => {
                    name.push('[');
                    loop {
                        self.skip_ws();
                        let nested_open = self.pos;
                        let arg = if self.peek() == Some('[') {
                            self.bump();
                            self.skip_ws();
                            let inner = self.nested(|p| p.type_name_text(nested_open))?;
                            self.skip_ws();
                            if !self.eat("]") {
                                return Err(self.missing_bracket(
                                    open,
                                    "EndSquareBracketExpectedAtEndOfType",
                                    "Missing ] at end of type token.",
                                ));
                            }
                            inner
                        } else {
                            self.nested(|p| p.type_name_text(nested_open))?
                        };
                        name.push_str(&arg);
                        self.skip_ws();
                        if self.eat(",") {
                            name.push(',');
                            continue;
                        }
                        if self.eat("]") {
                            name.push(']');
                            break;
                        }
                        return Err(self.missing_bracket(
                            open,
                            "EndSquareBracketExpectedAtEndOfType",
                            "Missing ] at end of type token.",
                        ));
                    }
                }
                _ => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(name)
    }

    /// `(positional, Named = value, Flag)` of an attribute, the cursor at `(`.
    fn attribute_arguments(&mut self) -> PResult<AttributeArguments> {
        let open = self.pos;
        self.bump();
        let mut positional = Vec::new();
        let mut named = Vec::new();
        loop {
            self.skip_ws_nl();
            if self.eat(")") {
                break;
            }
            let save = self.pos;
            // A named argument starts like an identifier; `1` in `ValidateRange(1, 5)` is a
            // positional number even though digits are name characters.
            let starts_name = self.peek().is_some_and(|c| c.is_alphabetic() || c == '_');
            let name = if starts_name {
                self.name().map(str::to_string)
            } else {
                None
            };
            if let Some(name) = name {
                self.skip_ws();
                if self.peek() == Some('=') {
                    self.bump();
                    self.skip_ws_nl();
                    let value = self.expression_no_comma()?;
                    named.push((name, Some(value)));
                } else if matches!(self.peek(), Some(',') | Some(')')) || self.at_newline() {
                    named.push((name, None));
                } else {
                    self.pos = save;
                    positional.push(self.expression_no_comma()?);
                }
            } else {
                positional.push(self.expression_no_comma()?);
            }
            self.skip_ws_nl();
            if self.eat(",") {
                continue;
            }
            if self.eat(")") {
                break;
            }
            let err = ParseError::new(
                "MissingEndParenthesisInMethodCall",
                "Missing ')' in method call.",
                Span::new(open, self.pos),
            );
            return Err(self.at_end_if_incomplete(err));
        }
        Ok((positional, named))
    }
}
