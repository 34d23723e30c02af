//! Pipelines and commands in argument mode: `Get-X -Name value -Switch pos1 | Select a,b`.
//!
//! In argument mode a bare word is a string (`unlimited`, `Imap*`, `adam@contoso.com`,
//! `Contoso\Jill`, `2+2`), a word with `$` in it expands (`a$b`), a word that is exactly a
//! number is a number (`50GB`), `a,b` is an array, and a dash followed by a letter starts
//! a parameter (`-Identity`, `-Param:value`). Variables, `(...)`, `$(...)`, `@(...)`,
//! `@{...}`, `{...}` and quoted strings keep their expression meaning.

use super::lexical::{
    is_arg_terminator, is_blank, is_dash, is_double_quote, is_name_char, is_newline, is_quote,
    is_single_quote,
};
use super::numbers::parse_number_literal;
use super::strings::{PartsBuilder, escape_char};
use super::{PResult, Parser};
use crate::syntax::ast::{
    Command, CommandElement, CommandName, Expr, ExprKind, Invocation, Pipeline, PipelineElement,
    RedirectStream, RedirectTarget, Redirection, Span, StringPart, VariablePath,
};
use crate::syntax::error::ParseError;

fn stream_of(c: char) -> Option<RedirectStream> {
    Some(match c {
        '1' => RedirectStream::Output,
        '2' => RedirectStream::Error,
        '3' => RedirectStream::Warning,
        '4' => RedirectStream::Verbose,
        '5' => RedirectStream::Debug,
        '6' => RedirectStream::Information,
        '*' => RedirectStream::All,
        _ => return None,
    })
}

fn empty_pipe_element(pos: usize, at_end: bool) -> ParseError {
    let err = ParseError::new(
        "EmptyPipeElement",
        "An empty pipe element is not allowed.",
        Span::new(pos, pos),
    );
    if at_end { err.incomplete() } else { err }
}

impl Parser<'_> {
    /// True at something that ends a command's elements (and so a pipeline element).
    fn at_element_end(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) => {
                is_newline(c) || matches!(c, ';' | ')' | '}' | '|') || self.rest().starts_with("&&")
            }
        }
    }

    /// A pipeline whose first element may already be parsed (an expression the caller
    /// read while looking for an assignment).
    pub(super) fn pipeline_from(&mut self, start: usize, first: Option<Expr>) -> PResult<Pipeline> {
        let mut elements = Vec::new();
        match first {
            Some(expr) => {
                let redirections = self.redirections()?;
                elements.push(PipelineElement::Expression { expr, redirections });
            }
            None => {
                if self.peek() == Some('|') {
                    return Err(empty_pipe_element(self.pos, false));
                }
                elements.push(self.pipeline_element(true)?);
            }
        }
        loop {
            let save = self.pos;
            self.skip_ws();
            if self.peek() != Some('|') || self.rest().starts_with("||") {
                self.pos = save;
                break;
            }
            let bar = self.pos;
            self.bump();
            self.skip_ws_nl();
            if self.at_element_end() {
                return Err(empty_pipe_element(bar + 1, self.at_end()));
            }
            elements.push(self.pipeline_element(false)?);
        }
        Ok(Pipeline {
            elements,
            span: self.span_from(start),
        })
    }

    /// A pipeline at the cursor (no assignment).
    pub(super) fn pipeline(&mut self) -> PResult<Pipeline> {
        let start = self.pos;
        self.pipeline_from(start, None)
    }

    fn pipeline_element(&mut self, first: bool) -> PResult<PipelineElement> {
        if self.starts_expression() {
            if !first {
                return Err(self.error_here(
                    "ExpressionsMustBeFirstInPipeline",
                    "Expressions are only allowed as the first element of a pipeline.",
                ));
            }
            let expr = self.expression()?;
            let redirections = self.redirections()?;
            return Ok(PipelineElement::Expression { expr, redirections });
        }
        self.command().map(PipelineElement::Command)
    }

    /// Redirections after an expression (`"x" > file`, `$x 2>&1`).
    fn redirections(&mut self) -> PResult<Vec<Redirection>> {
        let mut out = Vec::new();
        loop {
            let save = self.pos;
            self.skip_ws();
            if !self.at_redirection() {
                self.pos = save;
                return Ok(out);
            }
            out.push(self.redirection()?);
        }
    }

    fn at_redirection(&self) -> bool {
        match (self.peek(), self.peek_nth(1)) {
            (Some('>'), _) | (Some('<'), _) => true,
            (Some(c), Some('>')) => stream_of(c).is_some(),
            _ => false,
        }
    }

    /// `>`, `>>`, `2>`, `2>>`, `2>&1`, `*>`, ... at the cursor.
    fn redirection(&mut self) -> PResult<Redirection> {
        let start = self.pos;
        if self.peek() == Some('<') {
            return Err(self.error_here(
                "RedirectionNotSupported",
                "The '<' operator is reserved for future use.",
            ));
        }
        let from = match self.peek().and_then(stream_of) {
            Some(s) => {
                self.bump();
                s
            }
            None => RedirectStream::Output,
        };
        self.bump();
        let append = self.eat(">");
        if !append && self.peek() == Some('&') {
            self.bump();
            let to = self.peek().and_then(stream_of);
            match to {
                Some(to) if to != RedirectStream::All => {
                    self.bump();
                    return Ok(Redirection {
                        from,
                        target: RedirectTarget::Merge(to),
                        span: self.span_from(start),
                    });
                }
                _ => return Err(self.unexpected_token()),
            }
        }
        self.skip_ws();
        if self.at_element_end() || self.at_redirection() {
            let err = ParseError::new(
                "MissingFileSpecification",
                "Missing file specification after redirection operator.",
                Span::new(start, self.pos),
            );
            return Err(self.at_end_if_incomplete(err));
        }
        let path = self.argument()?;
        Ok(Redirection {
            from,
            target: RedirectTarget::File { path, append },
            span: self.span_from(start),
        })
    }

    /// A command invocation at the cursor: `[&|.] name elements...`.
    fn command(&mut self) -> PResult<Command> {
        let start = self.pos;
        let mut invocation = Invocation::Plain;
        if self.peek() == Some('&') && self.peek_nth(1) != Some('&') {
            invocation = Invocation::Call;
        } else if self.peek() == Some('.')
            && self
                .peek_nth(1)
                .is_some_and(|c| is_blank(c) || c == '$' || c == '{' || c == '(' || is_quote(c))
        {
            invocation = Invocation::DotSource;
        }
        if invocation != Invocation::Plain {
            let op = self.pos;
            self.bump();
            self.skip_ws();
            if self.at_element_end() {
                let text = &self.src[op..op + 1];
                let err = ParseError::new(
                    "MissingExpression",
                    format!("Missing expression after '{text}' in pipeline element."),
                    Span::new(self.pos, self.pos),
                );
                return Err(self.at_end_if_incomplete(err));
            }
        }
        let name = self.command_name(invocation)?;
        let mut elements = Vec::new();
        let mut redirections = Vec::new();
        loop {
            let end = self.pos;
            self.skip_ws();
            if self.at_element_end() {
                self.pos = end;
                break;
            }
            if self.at_redirection() {
                redirections.push(self.redirection()?);
                continue;
            }
            match self.peek() {
                Some('&') => return Err(self.unexpected_token()),
                Some(c) if is_dash(c) => {
                    if self.rest()[c.len_utf8()..].starts_with("-%") {
                        elements.push(self.stop_parsing());
                        continue;
                    }
                    if self
                        .peek_nth(1)
                        .is_some_and(|n| n.is_alphabetic() || n == '_' || n == '?')
                    {
                        elements.push(self.parameter()?);
                        continue;
                    }
                    elements.push(CommandElement::Argument(self.argument_list()?));
                }
                _ => elements.push(CommandElement::Argument(self.argument_list()?)),
            }
        }
        Ok(Command {
            invocation,
            name,
            elements,
            redirections,
            span: self.span_from(start),
        })
    }

    fn command_name(&mut self, invocation: Invocation) -> PResult<CommandName> {
        let c = self.peek();
        let expression_name = c.is_some_and(|c| matches!(c, '$' | '(' | '{' | '@') || is_quote(c));
        if invocation != Invocation::Plain && expression_name {
            return Ok(CommandName::Expr(self.argument()?));
        }
        let word = self.bare_word()?;
        Ok(match word.kind {
            ExprKind::BareWord(name) => CommandName::Bare(name),
            ExprKind::Number(_) => {
                CommandName::Bare(self.src[word.span.start..word.span.end].to_string())
            }
            _ => CommandName::Expr(word),
        })
    }

    /// `--%`: the rest of the line, verbatim.
    fn stop_parsing(&mut self) -> CommandElement {
        let start = self.pos;
        self.eat_if(is_dash);
        self.eat_if(is_dash);
        self.eat("%");
        let text_start = self.pos;
        while self.peek().is_some_and(|c| !is_newline(c)) {
            self.bump();
        }
        let text = self.src[text_start..self.pos].trim_start().to_string();
        CommandElement::StopParsing(text, self.span_from(start))
    }

    /// `-Name`, `-Name:value` or `-Name: value` at the cursor.
    fn parameter(&mut self) -> PResult<CommandElement> {
        let start = self.pos;
        self.bump();
        let name_start = self.pos;
        while self
            .eat_if(|c| !is_arg_terminator(c) && c != ':' && !is_quote(c))
            .is_some()
        {}
        let name = self.src[name_start..self.pos].to_string();
        if !self.eat(":") {
            return Ok(CommandElement::Parameter {
                name,
                colon_arg: None,
                text: self.src[start..self.pos].to_string(),
                span: self.span_from(start),
            });
        }
        let text = self.src[start..self.pos].to_string();
        self.skip_ws();
        if self.at_element_end() || self.peek() == Some(',') {
            let err = ParseError::new(
                "ParameterRequiresArgument",
                format!(
                    "Parameter {} requires an argument.",
                    text.trim_end_matches(':')
                ),
                Span::new(start, self.pos),
            );
            return Err(self.at_end_if_incomplete(err));
        }
        let value = self.argument_list()?;
        Ok(CommandElement::Parameter {
            name,
            colon_arg: Some(value),
            text,
            span: self.span_from(start),
        })
    }

    /// One argument, or several joined by commas (`Name,Alias`, `a, b`) into an array.
    pub(super) fn argument_list(&mut self) -> PResult<Expr> {
        let first = self.argument()?;
        let save = self.pos;
        self.skip_ws();
        if self.peek() != Some(',') {
            self.pos = save;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(",") {
            let after = self.pos;
            self.skip_ws_nl();
            if self.at_element_end() || self.peek() == Some(',') {
                let err = ParseError::new(
                    "MissingArgument",
                    "Missing argument in parameter list.",
                    Span::new(after, after),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            items.push(self.argument()?);
            let save = self.pos;
            self.skip_ws();
            if self.peek() != Some(',') {
                self.pos = save;
            }
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(Expr::new(ExprKind::ArrayLiteral(items), span))
    }

    /// One argument-mode element at the cursor.
    pub(super) fn argument(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let c = self.peek();
        let next = self.peek_nth(1);
        let expression_like = match c {
            Some('$') => next.is_some_and(|n| {
                n == '(' || n == '{' || is_name_char(n) || matches!(n, '?' | '^' | '$')
            }),
            Some('(') | Some('{') => true,
            Some('@') => next.is_some_and(|n| n == '(' || n == '{' || is_quote(n)),
            _ => false,
        };
        if expression_like {
            let primary = self.nested(Self::primary)?;
            let expr = self.postfix(primary)?;
            if self
                .peek()
                .is_some_and(|c| !is_arg_terminator(c) && c != ',')
                && c == Some('$')
            {
                self.pos = start;
                return self.bare_word();
            }
            return Ok(expr);
        }
        match c {
            Some('@') if next.is_some_and(is_name_char) => {
                self.bump();
                let name = self.name().unwrap_or_default().to_string();
                let span = self.span_from(start);
                Ok(Expr::new(
                    ExprKind::Splat(VariablePath {
                        scope: None,
                        name,
                        span,
                    }),
                    span,
                ))
            }
            Some(q) if is_single_quote(q) => self.single_quoted(),
            Some(q) if is_double_quote(q) => self.double_quoted(),
            _ => self.bare_word(),
        }
    }

    /// A bare word: text up to a blank or one of `;,|(){}&<>`, with `$` expansions,
    /// embedded quotes and backtick escapes. A word that is exactly a number is a number.
    fn bare_word(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut parts = PartsBuilder::default();
        let mut quoted = false;
        while let Some(c) = self.peek() {
            if is_arg_terminator(c) || (c == '`' && self.peek_nth(1).is_some_and(is_newline)) {
                break;
            }
            match c {
                '`' => {
                    self.bump();
                    match self.bump() {
                        Some(e) => parts.push_char(escape_char(e)),
                        None => {
                            let err = ParseError::new(
                                "MissingExpression",
                                "Missing expression after '`'.",
                                Span::new(self.pos, self.pos),
                            );
                            return Err(err.incomplete());
                        }
                    }
                }
                '$' => self.dollar_in_string(&mut parts)?,
                q if is_single_quote(q) => {
                    quoted = true;
                    if let ExprKind::StringLiteral(s) = self.single_quoted()?.kind {
                        parts.push_str(&s);
                    }
                }
                q if is_double_quote(q) => {
                    quoted = true;
                    if let ExprKind::ExpandableString(inner) = self.double_quoted()?.kind {
                        for part in inner {
                            match part {
                                StringPart::Literal(s) => parts.push_str(&s),
                                other => parts.push_part(other),
                            }
                        }
                    }
                }
                _ => {
                    self.bump();
                    parts.push_char(c);
                }
            }
        }
        let span = self.span_from(start);
        if span.start == span.end {
            return Err(self.unexpected_token());
        }
        if parts.has_expansions() {
            return Ok(Expr::new(ExprKind::ExpandableString(parts.finish()), span));
        }
        let text = parts.literal_text();
        if !quoted && let Some(n) = word_number(text) {
            return Ok(Expr::new(ExprKind::Number(n), span));
        }
        Ok(Expr::new(ExprKind::BareWord(text.to_string()), span))
    }
}

/// A bare word that is exactly a number, possibly negative (`42`, `-1`, `50GB`).
fn word_number(text: &str) -> Option<crate::syntax::ast::Number> {
    let mut chars = text.chars();
    match chars.next() {
        Some(d) if is_dash(d) => {
            parse_number_literal(chars.as_str()).map(super::expressions::negate)
        }
        Some(_) => parse_number_literal(text),
        None => None,
    }
}
