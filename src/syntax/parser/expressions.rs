//! Expression mode: operators with PowerShell's precedence, unary operators, casts and
//! type literals, member access, method calls, indexing, and the primary expressions
//! (variables, literals, `(...)`, `$(...)`, `@(...)`, `@{...}`, `{...}`).
//!
//! Precedence, loosest first (pwsh's `TokenFlags.BinaryPrecedence*`):
//! the ternary `? :` < `-and -or -xor` < `-band -bor -bxor` < comparisons (`-eq`,
//! `-like`, `-match`, `-replace`, `-split`, `-join`, `-is`, `-as`, `-shl`, ...) < `??` <
//! `+ -` < `* / %` < `-f` < `..` < the comma (array literal) < unary operators and casts
//! < postfix (`.`, `::`, `[]`, `()`, `++`).

use std::rc::Rc;

use super::lexical::{
    is_blank, is_dash, is_double_quote, is_name_char, is_newline, is_quote, is_single_quote,
};
use super::numbers::lex_number;
use super::types::Bracketed;
use super::{PResult, Parser};
use crate::syntax::ast::{
    BinaryOp, Case, CompareOp, Expr, ExprKind, Number, Span, Statement, StatementBlock, UnaryOp,
};
use crate::syntax::error::ParseError;

/// The binary operator spelled `-name` (without the dash), with its precedence.
fn dash_operator(name: &str) -> Option<(BinaryOp, u8)> {
    let lower = name.to_ascii_lowercase();
    let simple = match lower.as_str() {
        "and" => Some((BinaryOp::And, 1)),
        "or" => Some((BinaryOp::Or, 1)),
        "xor" => Some((BinaryOp::Xor, 1)),
        "band" => Some((BinaryOp::Band, 2)),
        "bor" => Some((BinaryOp::Bor, 2)),
        "bxor" => Some((BinaryOp::Bxor, 2)),
        "shl" => Some((BinaryOp::Shl, 3)),
        "shr" => Some((BinaryOp::Shr, 3)),
        "is" => Some((BinaryOp::Is, 3)),
        "isnot" => Some((BinaryOp::IsNot, 3)),
        "as" => Some((BinaryOp::As, 3)),
        "join" => Some((BinaryOp::Join, 3)),
        "f" => Some((BinaryOp::Format, 7)),
        _ => None,
    };
    if simple.is_some() {
        return simple;
    }
    if let Some(op) = compare_op(&lower) {
        return Some((BinaryOp::Compare(op, Case::Default), 3));
    }
    let (case, base) = match lower.as_bytes().first() {
        Some(b'c') if lower.len() > 1 => (Case::Sensitive, &lower[1..]),
        Some(b'i') if lower.len() > 1 && lower != "in" && lower != "is" && lower != "isnot" => {
            (Case::Insensitive, &lower[1..])
        }
        _ => (Case::Default, lower.as_str()),
    };
    let op = match base {
        "split" => BinaryOp::Split(case),
        "replace" => BinaryOp::Replace(case),
        other => BinaryOp::Compare(compare_op(other)?, case),
    };
    Some((op, 3))
}

fn compare_op(name: &str) -> Option<CompareOp> {
    Some(match name {
        "eq" => CompareOp::Eq,
        "ne" => CompareOp::Ne,
        "gt" => CompareOp::Gt,
        "ge" => CompareOp::Ge,
        "lt" => CompareOp::Lt,
        "le" => CompareOp::Le,
        "like" => CompareOp::Like,
        "notlike" => CompareOp::NotLike,
        "match" => CompareOp::Match,
        "notmatch" => CompareOp::NotMatch,
        "contains" => CompareOp::Contains,
        "notcontains" => CompareOp::NotContains,
        "in" => CompareOp::In,
        "notin" => CompareOp::NotIn,
        _ => return None,
    })
}

/// The unary operator spelled `-name`.
fn dash_unary(name: &str) -> Option<UnaryOp> {
    match name.to_ascii_lowercase().as_str() {
        "not" => Some(UnaryOp::Not),
        "bnot" => Some(UnaryOp::Bnot),
        "split" | "csplit" | "isplit" => Some(UnaryOp::Split),
        "join" => Some(UnaryOp::Join),
        _ => None,
    }
}

/// Characters that may directly follow a number in expression mode (`1+2`, `1..3`),
/// pwsh's `ForceStartNewTokenAfterNumber`; anything else makes the text one generic
/// token, a command name (`1abc`).
fn ends_number(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => is_blank(c) || is_newline(c) || is_dash(c) || "{}();,|&<>=]+*/%!.#".contains(c),
    }
}

/// Whether a numeric literal's text carries the `l` (long) type suffix, before any
/// `kb`..`pb` multiplier.
fn has_long_suffix(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let base = ["kb", "mb", "gb", "tb", "pb"]
        .iter()
        .find_map(|m| lower.strip_suffix(m))
        .unwrap_or(&lower);
    base.ends_with('l')
}

fn expected_value(op: &str, pos: usize) -> ParseError {
    ParseError::new(
        "ExpectedValueExpression",
        format!("You must provide a value expression following the '{op}' operator."),
        Span::new(pos, pos),
    )
}

impl Parser<'_> {
    /// The letters after a dash at the cursor (`-eq` → `eq`), without consuming.
    fn dash_word(&self) -> Option<&str> {
        let mut chars = self.rest().char_indices();
        let (_, d) = chars.next()?;
        if !is_dash(d) {
            return None;
        }
        let start = d.len_utf8();
        let rest = &self.rest()[start..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !c.is_ascii_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        (end > 0).then(|| &rest[..end])
    }

    /// True when an expression (rather than a command) starts at the cursor.
    pub(super) fn starts_expression(&self) -> bool {
        let Some(c) = self.peek() else { return false };
        let next = self.peek_nth(1);
        match c {
            '$' | '(' | '{' | '[' | '!' | ',' => true,
            '@' => next.is_some_and(|n| n == '(' || n == '{' || is_quote(n) || is_name_char(n)),
            c if is_quote(c) => true,
            c if c.is_ascii_digit() => self.number_ahead(),
            '.' => next.is_some_and(|n| n.is_ascii_digit()) && self.number_ahead(),
            '+' => next.is_some_and(|n| n.is_ascii_digit() || matches!(n, '$' | '(' | '+' | '.')),
            c if is_dash(c) => match next {
                Some(n)
                    if n.is_ascii_digit() || matches!(n, '$' | '(' | '[' | '@') || is_quote(n) =>
                {
                    true
                }
                Some('.') => self.peek_nth(2).is_some_and(|n| n.is_ascii_digit()),
                Some(n) if is_dash(n) => self.peek_nth(2) == Some('$'),
                Some(_) => self.dash_word().is_some_and(|w| dash_unary(w).is_some()),
                None => false,
            },
            _ => false,
        }
    }

    /// A number token (ending where a number may end) at the cursor.
    fn number_ahead(&self) -> bool {
        match lex_number(self.rest()) {
            Some((_, len)) => ends_number(self.rest()[len..].chars().next()),
            None => false,
        }
    }

    /// A full expression, commas included (`1, 2 + 3`).
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| p.ternary(true))
    }

    /// An expression without a top-level comma: a method or attribute argument.
    pub(super) fn expression_no_comma(&mut self) -> PResult<Expr> {
        self.nested(|p| p.ternary(false))
    }

    /// `condition ? if_true : if_false`, the loosest operator. The `?` must stand alone
    /// (blank after it): `$a?` is a variable name and `?.` null-conditional access.
    fn ternary(&mut self, comma: bool) -> PResult<Expr> {
        let condition = self.binary(1, comma)?;
        let save = self.pos;
        self.skip_ws();
        let standalone = self.peek() == Some('?')
            && self
                .peek_nth(1)
                .is_none_or(|c| is_blank(c) || is_newline(c));
        if !standalone {
            self.pos = save;
            return Ok(condition);
        }
        self.bump();
        let if_true = self.ternary_branch("?", comma)?;
        self.skip_ws_nl();
        if self.peek() != Some(':') {
            let err = ParseError::new(
                "MissingColonInTernaryExpression",
                "Missing ':' in the ternary expression.",
                Span::new(self.pos, self.pos),
            );
            return Err(self.at_end_if_incomplete(err));
        }
        self.bump();
        let if_false = self.ternary_branch(":", comma)?;
        let span = condition.span.to(if_false.span);
        Ok(Expr::new(
            ExprKind::Ternary {
                condition: Box::new(condition),
                if_true: Box::new(if_true),
                if_false: Box::new(if_false),
            },
            span,
        ))
    }

    /// The expression after a ternary's `?` or `:` (itself possibly a ternary).
    fn ternary_branch(&mut self, op: &str, comma: bool) -> PResult<Expr> {
        let after = self.pos;
        self.skip_ws_nl();
        if !self.starts_expression() {
            let err = expected_value(op, after);
            return Err(self.at_end_if_incomplete(err));
        }
        self.nested(|p| p.ternary(comma))
    }

    /// Binary operators of precedence `min` and tighter (precedence climbing).
    fn binary(&mut self, min: u8, comma: bool) -> PResult<Expr> {
        let mut left = self.array_literal(comma)?;
        // Each operator deepens the (left-leaning) tree: count it against the depth limit
        // so that walking or dropping the tree cannot exhaust the stack either.
        let mut chained = 0;
        loop {
            let save = self.pos;
            self.skip_ws();
            let Some((op, prec, len)) = self.peek_binary() else {
                self.pos = save;
                break;
            };
            if prec < min {
                self.pos = save;
                break;
            }
            let op_text = self.src[self.pos..self.pos + len].to_string();
            self.pos += len;
            let after_op = self.pos;
            self.skip_ws_nl();
            if !self.starts_expression() {
                let err = expected_value(&op_text, after_op);
                return Err(self.at_end_if_incomplete(err));
            }
            let right = self.nested(|p| p.binary(prec + 1, comma))?;
            self.enter()?;
            chained += 1;
            let span = left.span.to(right.span);
            left = Expr::new(
                ExprKind::Binary {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                span,
            );
        }
        self.depth -= chained;
        Ok(left)
    }

    /// The binary operator at the cursor: operator, precedence, byte length.
    fn peek_binary(&self) -> Option<(BinaryOp, u8, usize)> {
        let rest = self.rest();
        let c = rest.chars().next()?;
        let next = rest[c.len_utf8()..].chars().next();
        if is_dash(c) {
            if let Some(word) = self.dash_word() {
                let (op, prec) = dash_operator(word)?;
                return Some((op, prec, c.len_utf8() + word.len()));
            }
            if next == Some('=') || next.is_some_and(is_dash) {
                return None;
            }
            return Some((BinaryOp::Sub, 5, c.len_utf8()));
        }
        let simple = match c {
            '+' if next != Some('=') && next != Some('+') => (BinaryOp::Add, 5),
            '*' if next != Some('=') => (BinaryOp::Mul, 6),
            '/' if next != Some('=') => (BinaryOp::Div, 6),
            '%' if next != Some('=') => (BinaryOp::Rem, 6),
            '.' if next == Some('.') => return Some((BinaryOp::Range, 8, 2)),
            '?' if next == Some('?') && !rest[2..].starts_with('=') => {
                return Some((BinaryOp::Coalesce, 4, 2));
            }
            _ => return None,
        };
        Some((simple.0, simple.1, 1))
    }

    /// `a, b, c`: unary expressions joined by commas (when `comma` allows).
    fn array_literal(&mut self, comma: bool) -> PResult<Expr> {
        let first = self.unary()?;
        if !comma {
            return Ok(first);
        }
        let save = self.pos;
        self.skip_ws();
        if self.peek() != Some(',') {
            self.pos = save;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek() == Some(',') {
            self.bump();
            let after = self.pos;
            self.skip_ws_nl();
            if !self.starts_expression() {
                let err = ParseError::new(
                    "MissingExpressionAfterToken",
                    "Missing expression after ','.",
                    Span::new(after, after),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            items.push(self.unary()?);
            let save = self.pos;
            self.skip_ws();
            if self.peek() != Some(',') {
                self.pos = save;
            }
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(Expr::new(ExprKind::ArrayLiteral(items), span))
    }

    /// Unary operators, casts, then a postfix expression.
    fn unary(&mut self) -> PResult<Expr> {
        self.nested(Self::unary_inner)
    }

    fn unary_inner(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.error_here("ExpectedValueExpression", "An expression was expected."));
        };
        let next = self.peek_nth(1);
        let prefix = |p: &mut Self, op: UnaryOp, len: usize, text: &str| -> PResult<Expr> {
            p.pos += len;
            let after = p.pos;
            p.skip_ws_nl();
            if !p.starts_expression() {
                let err = ParseError::new(
                    "MissingExpressionAfterOperator",
                    format!("Missing expression after unary operator '{text}'."),
                    Span::new(after, after),
                );
                return Err(p.at_end_if_incomplete(err));
            }
            let operand = p.unary()?;
            let span = Span::new(start, operand.span.end);
            Ok(Expr::new(
                ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                },
                span,
            ))
        };
        match c {
            '!' => prefix(self, UnaryOp::Not, 1, "!"),
            ',' => {
                self.bump();
                self.skip_ws_nl();
                let operand = self.unary()?;
                let span = Span::new(start, operand.span.end);
                Ok(Expr::new(ExprKind::ArrayLiteral(vec![operand]), span))
            }
            '+' if next == Some('+') => prefix(self, UnaryOp::PreIncrement, 2, "++"),
            '+' => prefix(self, UnaryOp::Plus, 1, "+"),
            c if is_dash(c) => {
                let dash_len = c.len_utf8();
                if next.is_some_and(is_dash) {
                    let len = dash_len + next.map_or(1, char::len_utf8);
                    return prefix(self, UnaryOp::PreDecrement, len, "--");
                }
                if let Some(word) = self.dash_word() {
                    let text = format!("-{word}");
                    return match dash_unary(word) {
                        Some(op) => prefix(self, op, dash_len + word.len(), &text),
                        None => Err(self.unexpected_token()),
                    };
                }
                if next.is_some_and(|n| n.is_ascii_digit() || n == '.') {
                    let after_dash = &self.rest()[dash_len..];
                    if let Some((n, len)) = lex_number(after_dash)
                        && ends_number(after_dash[len..].chars().next())
                    {
                        self.pos += dash_len + len;
                        let n = match n {
                            // `-10L`: the suffix asks for a long whatever the value.
                            Number::Long(v) if has_long_suffix(&after_dash[..len]) => {
                                v.checked_neg().map_or(negate(n), Number::Long)
                            }
                            _ => negate(n),
                        };
                        let lit = Expr::new(ExprKind::Number(n), self.span_from(start));
                        return self.postfix(lit);
                    }
                }
                prefix(self, UnaryOp::Negate, dash_len, "-")
            }
            '[' => self.cast_or_type(),
            _ => {
                let primary = self.primary()?;
                self.postfix(primary)
            }
        }
    }

    /// `[type]` at the cursor: a cast when a value follows, else a type literal.
    fn cast_or_type(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let ty = match self.bracketed()? {
            Bracketed::Type(ty) => ty,
            Bracketed::Attribute(attr) => {
                return Err(ParseError::new(
                    "UnexpectedAttribute",
                    format!("Unexpected attribute '{}'.", attr.name),
                    attr.span,
                ));
            }
        };
        if self.peek() == Some(':') && self.peek_nth(1) == Some(':') {
            let lit = Expr::new(ExprKind::TypeLiteral(ty), self.span_from(start));
            return self.postfix(lit);
        }
        let save = self.pos;
        self.skip_ws();
        if self.starts_expression() && !self.at_binary_operator_word() {
            let operand = self.unary()?;
            let span = Span::new(start, operand.span.end);
            return Ok(Expr::new(
                ExprKind::Cast {
                    ty,
                    operand: Box::new(operand),
                },
                span,
            ));
        }
        self.pos = save;
        let lit = Expr::new(ExprKind::TypeLiteral(ty), self.span_from(start));
        self.postfix(lit)
    }

    /// At `-word` where word is a binary (not unary) operator, e.g. `[int] -as ...`.
    fn at_binary_operator_word(&self) -> bool {
        self.dash_word()
            .is_some_and(|w| dash_unary(w).is_none() && dash_operator(w).is_some())
    }

    /// Member access, static member access, method calls, indexing and `++`/`--` after
    /// a value (no blank allowed before them).
    pub(super) fn postfix(&mut self, mut expr: Expr) -> PResult<Expr> {
        // Like a chain of binary operators, a chain of postfixes deepens the tree.
        let mut chained = 0;
        loop {
            // `?.` and `?[` (pwsh 7): null-conditional member access and indexing.
            let null_conditional =
                self.peek() == Some('?') && matches!(self.peek_nth(1), Some('.') | Some('['));
            if null_conditional {
                self.bump();
            }
            let c = self.peek();
            let next = self.peek_nth(1);
            let is_static = !null_conditional && c == Some(':') && next == Some(':');
            let member = (c == Some('.')
                && next.is_some_and(|n| {
                    is_name_char(n) || n == '$' || n == '(' || is_quote(n) || is_blank(n)
                })
                && self.member_after_dot())
                || is_static;
            if member {
                self.pos += if is_static { 2 } else { 1 };
                // pwsh accepts blanks between the dot and the name (`$list. Count`).
                if !is_static {
                    while self.eat_if(is_blank).is_some() {}
                }
                let name = self.member_name()?;
                // `.ForEach{ ... }`, `.Where{ ... }`: a script block right after the name
                // is the only argument.
                let block_arg = !is_static && self.peek() == Some('{');
                if self.peek() == Some('(') || block_arg {
                    let args = if block_arg {
                        vec![self.script_block_expr()?]
                    } else {
                        self.method_arguments()?
                    };
                    let span = Span::new(expr.span.start, self.pos);
                    expr = Expr::new(
                        ExprKind::MethodCall {
                            target: Box::new(expr),
                            method: Box::new(name),
                            args,
                            is_static,
                            null_conditional,
                        },
                        span,
                    );
                } else {
                    let span = Span::new(expr.span.start, self.pos);
                    expr = Expr::new(
                        ExprKind::Member {
                            target: Box::new(expr),
                            member: Box::new(name),
                            is_static,
                            null_conditional,
                        },
                        span,
                    );
                }
            } else if c == Some('[') {
                let open = self.pos;
                self.bump();
                self.skip_ws_nl();
                if self.peek() == Some(']') {
                    // pwsh marks the place just after the `[`.
                    return Err(ParseError::new(
                        "MissingArrayIndexExpression",
                        "Array index expression is missing or not valid.",
                        Span::new(open + 1, open + 1),
                    ));
                }
                let index = self.expression()?;
                self.skip_ws_nl();
                if !self.eat("]") {
                    let err = ParseError::new(
                        "MissingEndSquareBracket",
                        "Missing ']' after array index expression.",
                        Span::new(self.pos, self.pos),
                    );
                    return Err(self.at_end_if_incomplete(err));
                }
                let span = Span::new(expr.span.start, self.pos);
                expr = Expr::new(
                    ExprKind::Index {
                        target: Box::new(expr),
                        index: Box::new(index),
                        null_conditional,
                    },
                    span,
                );
            } else if (c == Some('+') && next == Some('+'))
                || (c.is_some_and(is_dash) && next.is_some_and(is_dash))
            {
                let op = if c == Some('+') {
                    UnaryOp::PostIncrement
                } else {
                    UnaryOp::PostDecrement
                };
                self.pos += c.map_or(1, char::len_utf8) + next.map_or(1, char::len_utf8);
                let span = Span::new(expr.span.start, self.pos);
                expr = Expr::new(
                    ExprKind::Unary {
                        op,
                        operand: Box::new(expr),
                    },
                    span,
                );
            } else if null_conditional {
                return Err(self.error_here(
                    "MissingPropertyName",
                    "Missing property name after reference operator.",
                ));
            } else {
                self.depth -= chained;
                return Ok(expr);
            }
            self.enter()?;
            chained += 1;
        }
    }

    /// At `.`: whether a member name follows it, possibly after blanks.
    fn member_after_dot(&self) -> bool {
        self.rest()[1..]
            .chars()
            .find(|c| !is_blank(*c))
            .is_some_and(|n| is_name_char(n) || n == '$' || n == '(' || is_quote(n))
    }

    /// The name after `.` or `::`: a plain name (as a [`ExprKind::BareWord`]), a
    /// variable, a quoted string, or a parenthesised expression.
    fn member_name(&mut self) -> PResult<Expr> {
        let start = self.pos;
        match self.peek() {
            Some('$') => self.primary(),
            Some('(') => self.primary(),
            Some(c) if is_single_quote(c) => self.single_quoted(),
            Some(c) if is_double_quote(c) => self.double_quoted(),
            _ => match self.name() {
                Some(name) => {
                    let name = name.to_string();
                    Ok(Expr::new(ExprKind::BareWord(name), self.span_from(start)))
                }
                None => Err(self.error_here(
                    "MissingPropertyName",
                    "Missing property name after reference operator.",
                )),
            },
        }
    }

    /// `(a, b)` after a method name.
    fn method_arguments(&mut self) -> PResult<Vec<Expr>> {
        let open = self.pos;
        self.bump();
        let mut args = Vec::new();
        self.skip_ws_nl();
        if self.eat(")") {
            return Ok(args);
        }
        loop {
            self.skip_ws_nl();
            args.push(self.expression_no_comma()?);
            self.skip_ws_nl();
            if self.eat(",") {
                continue;
            }
            if self.eat(")") {
                return Ok(args);
            }
            let err = ParseError::new(
                "MissingEndParenthesisInMethodCall",
                "Missing ')' in method call.",
                Span::new(open, open + 1),
            );
            return Err(self.at_end_if_incomplete(err));
        }
    }

    /// A primary expression at the cursor (errors when there is none).
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let c = self.peek();
        let next = self.peek_nth(1);
        match c {
            Some('$') if next == Some('(') => {
                let block = self.subexpression_block()?;
                Ok(Expr::new(
                    ExprKind::Subexpression(block),
                    self.span_from(start),
                ))
            }
            Some('$') => {
                self.bump();
                match self.variable_after_dollar(start)? {
                    Some(var) => Ok(Expr::new(ExprKind::Variable(var), self.span_from(start))),
                    None => Err(ParseError::new(
                        "InvalidVariableReference",
                        "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
                        Span::new(start, start + 1),
                    )),
                }
            }
            Some('@') if next == Some('(') => {
                self.pos += 2;
                let block = self.nested(|p| p.statement_list(Some(')')))?;
                if !self.eat(")") {
                    return Err(self.missing_close_paren(
                        "MissingEndParenthesisInSubexpression",
                        "Missing closing ')' in subexpression.",
                    ));
                }
                Ok(Expr::new(
                    ExprKind::ArraySubexpression(block),
                    self.span_from(start),
                ))
            }
            Some('@') if next == Some('{') => self.hashtable(),
            Some('@') if next.is_some_and(is_quote) => self.here_string(),
            Some('@') if next.is_some_and(is_name_char) => {
                self.bump();
                let name = self.name().unwrap_or_default().to_string();
                let span = self.span_from(start);
                Ok(Expr::new(
                    ExprKind::Splat(crate::syntax::ast::VariablePath {
                        scope: None,
                        name,
                        span,
                    }),
                    span,
                ))
            }
            Some('(') => self.paren(),
            Some('{') => self.script_block_expr(),
            Some(c) if is_single_quote(c) => self.single_quoted(),
            Some(c) if is_double_quote(c) => self.double_quoted(),
            Some(c) if c.is_ascii_digit() || c == '.' => {
                if let Some((n, len)) = lex_number(self.rest())
                    && ends_number(self.rest()[len..].chars().next())
                {
                    self.pos += len;
                    return Ok(Expr::new(ExprKind::Number(n), self.span_from(start)));
                }
                Err(self.unexpected_token())
            }
            None => Err(ParseError::new(
                "ExpectedValueExpression",
                "An expression was expected.",
                Span::new(start, start),
            )
            .incomplete()),
            _ => Err(self.unexpected_token()),
        }
    }

    /// A missing `)`, reported where it was expected.
    fn missing_close_paren(&self, id: &'static str, message: &str) -> ParseError {
        self.at_end_if_incomplete(ParseError::new(id, message, Span::new(self.pos, self.pos)))
    }

    /// `$( ... )` at the cursor.
    pub(super) fn subexpression_block(&mut self) -> PResult<StatementBlock> {
        let start = self.pos;
        self.pos += 2;
        let mut block = self.nested(|p| p.statement_list(Some(')')))?;
        if !self.eat(")") {
            return Err(self.missing_close_paren(
                "MissingEndParenthesisInSubexpression",
                "Missing closing ')' in subexpression.",
            ));
        }
        block.span = self.span_from(start);
        Ok(block)
    }

    /// `( statement )` at the cursor.
    fn paren(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        self.skip_ws_nl();
        if self.peek() == Some(')') {
            return Err(self.error_here(
                "ExpectedExpression",
                "An expression was expected after '('.",
            ));
        }
        if self.at_end() {
            return Err(self.missing_close_paren(
                "MissingEndParenthesisInExpression",
                "Missing closing ')' in expression.",
            ));
        }
        let statement = self.nested(Self::statement)?;
        self.skip_ws_nl();
        if !self.eat(")") {
            return Err(self.missing_close_paren(
                "MissingEndParenthesisInExpression",
                "Missing closing ')' in expression.",
            ));
        }
        Ok(Expr::new(
            ExprKind::Paren(Box::new(statement)),
            self.span_from(start),
        ))
    }

    /// `{ ... }` at the cursor: a script block value.
    pub(super) fn script_block_expr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let block = self.braced_script_block()?;
        Ok(Expr::new(
            ExprKind::ScriptBlock(Rc::new(block)),
            self.span_from(start),
        ))
    }

    /// `@{ key = value; ... }` at the cursor.
    fn hashtable(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 2;
        let mut entries: Vec<(Expr, Statement)> = Vec::new();
        loop {
            self.skip_separators();
            if self.eat("}") {
                break;
            }
            if self.at_end() {
                return Err(ParseError::new(
                    "MissingEndCurlyBrace",
                    "Missing closing '}' in statement block or type definition.",
                    Span::new(start + 2, start + 2),
                )
                .incomplete());
            }
            let key = self.nested(Self::hashtable_key)?;
            self.skip_ws();
            if !self.eat("=") {
                let err = self.error_here(
                    "MissingEqualsInHashLiteral",
                    "Missing '=' operator after key in hash literal.",
                );
                return Err(self.at_end_if_incomplete(err));
            }
            let after_eq = self.pos;
            self.skip_ws_nl();
            if self.at_end() || matches!(self.peek(), Some('}') | Some(';')) {
                let err = ParseError::new(
                    "MissingStatementInHashLiteral",
                    "Missing statement after '=' in hash literal.",
                    Span::new(after_eq, after_eq),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            let value = self.nested(Self::statement)?;
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(';') | Some('}') => {}
                Some(c) if is_newline(c) => {}
                None => {}
                Some(_) => {
                    return Err(self.error_here(
                        "MissingPropertyTerminator",
                        "Missing ';' or end-of-line in property definition.",
                    ));
                }
            }
        }
        Ok(Expr::new(
            ExprKind::Hashtable(entries),
            self.span_from(start),
        ))
    }

    /// A hashtable key: a bare name (`Name`, `Max-Items`) or an expression.
    fn hashtable_key(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self
            .peek()
            .is_some_and(|c| is_name_char(c) && !c.is_ascii_digit())
        {
            while self
                .eat_if(|c| is_name_char(c) || is_dash(c) || c == '.')
                .is_some()
            {}
            let text = self.src[start..self.pos].to_string();
            return Ok(Expr::new(ExprKind::BareWord(text), self.span_from(start)));
        }
        if !self.starts_expression() {
            return Err(self.error_here(
                "MissingKeyInHashLiteral",
                "Missing key before '=' in hash literal.",
            ));
        }
        self.unary()
    }
}

/// `-n` for a literal `n` (the dash was written directly before the digits).
pub(super) fn negate(n: Number) -> Number {
    match n {
        Number::Int(v) => v
            .checked_neg()
            .map_or(Number::Long(-i64::from(v)), Number::Int),
        Number::Long(v) => match v.checked_neg() {
            Some(n) => i32::try_from(n).map_or(Number::Long(n), Number::Int),
            None => Number::Double(-(v as f64)),
        },
        Number::Double(v) => Number::Double(-v),
        Number::Decimal(d) => Number::Decimal(crate::syntax::ast::DecimalText {
            mantissa: -d.mantissa,
            scale: d.scale,
        }),
    }
}
