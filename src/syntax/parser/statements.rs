//! Statements: statement lists and blocks, assignments, `if`, loops (`foreach`, `for`,
//! `while`, `do`), `switch`, `function`/`filter` with `param()`, `try/catch/finally`,
//! `throw`/`return`/`exit`/`break`/`continue`, labels, and script block bodies with
//! `[CmdletBinding()] param(...)` and `begin`/`process`/`end` blocks.

use super::lexical::{is_dash, is_name_char, is_newline};
use super::types::Bracketed;
use super::{PResult, Parser};
use crate::syntax::ast::{
    AssignOp, CatchClause, ChainOp, Expr, ExprKind, Pipeline, PipelineElement, ScriptBlock, Span,
    Statement, StatementBlock, StatementKind, SwitchClause, SwitchFlags, TypeName,
};
use crate::syntax::error::ParseError;

const MISSING_CURLY: &str = "Missing closing '}' in statement block or type definition.";

/// Keywords that begin a statement of their own.
const LOOP_KEYWORDS: [&str; 5] = ["foreach", "for", "while", "do", "switch"];

impl Parser<'_> {
    /// The whole script: a script block body running to the end of the text.
    pub(super) fn script(&mut self) -> PResult<ScriptBlock> {
        let mut block = self.script_block_body(None)?;
        if let Some(err) = self.pending.take() {
            return Err(err);
        }
        block.span = Span::new(0, self.src.len());
        Ok(block)
    }

    /// Statements up to `close` (not consumed) or the end of the text.
    pub(super) fn statement_list(&mut self, close: Option<char>) -> PResult<StatementBlock> {
        let start = self.pos;
        let mut statements = Vec::new();
        loop {
            self.skip_separators();
            match self.peek() {
                None => break,
                Some(c) if Some(c) == close => break,
                Some(')') | Some('}') => return Err(self.unexpected_token()),
                _ => {}
            }
            let statement = self.statement()?;
            // A statement ending in a block needs no separator: `if ($a) {1} $b`.
            let needs_separator = matches!(
                statement.kind,
                StatementKind::Pipeline(_)
                    | StatementKind::Assignment { .. }
                    | StatementKind::Throw(_)
                    | StatementKind::Return(_)
                    | StatementKind::Exit(_)
                    | StatementKind::Break(_)
                    | StatementKind::Continue(_)
                    | StatementKind::DoLoop { .. }
            );
            statements.push(statement);
            self.skip_ws();
            if !needs_separator {
                continue;
            }
            match self.peek() {
                None | Some(';') => {}
                Some(c) if is_newline(c) || Some(c) == close => {}
                Some(_) => return Err(self.unexpected_token()),
            }
        }
        Ok(StatementBlock {
            statements,
            span: self.span_from(start),
        })
    }

    /// `{ statements }` at the cursor (the caller checked for `{`).
    pub(super) fn statement_block(&mut self) -> PResult<StatementBlock> {
        let open = self.pos;
        self.bump();
        let mut block = self.nested(|p| p.statement_list(Some('}')))?;
        if !self.eat("}") {
            return Err(missing_curly(open));
        }
        block.span = self.span_from(open);
        Ok(block)
    }

    /// One statement at the cursor.
    pub(super) fn statement(&mut self) -> PResult<Statement> {
        self.nested(Self::statement_inner)
    }

    fn statement_inner(&mut self) -> PResult<Statement> {
        let start = self.pos;
        let mut label = None;
        if self.peek() == Some(':') && self.peek_nth(1).is_some_and(is_name_char) {
            self.bump();
            label = self.name().map(str::to_string);
            self.skip_ws();
            if !LOOP_KEYWORDS.iter().any(|k| self.at_keyword(k)) {
                return Err(self.unexpected_token());
            }
        }
        let kind = if self.eat_keyword("if") {
            self.if_statement()?
        } else if self.eat_keyword("foreach") {
            self.foreach_statement(label)?
        } else if self.eat_keyword("for") {
            self.for_statement(label)?
        } else if self.eat_keyword("while") {
            self.while_statement(label)?
        } else if self.eat_keyword("do") {
            self.do_statement(label)?
        } else if self.eat_keyword("switch") {
            self.switch_statement(label)?
        } else if self.at_keyword("function") || self.at_keyword("filter") {
            self.function_statement(start)?
        } else if self.eat_keyword("try") {
            self.try_statement()?
        } else if self.eat_keyword("trap") {
            self.trap_statement()?
        } else if self.eat_keyword("throw") {
            StatementKind::Throw(self.optional_pipeline()?)
        } else if self.eat_keyword("return") {
            StatementKind::Return(self.optional_pipeline()?)
        } else if self.eat_keyword("exit") {
            StatementKind::Exit(self.optional_pipeline()?)
        } else if self.eat_keyword("break") {
            StatementKind::Break(self.optional_label())
        } else if self.eat_keyword("continue") {
            StatementKind::Continue(self.optional_label())
        } else {
            return self.pipeline_statement();
        };
        Ok(Statement {
            kind,
            span: self.span_from(start),
        })
    }

    /// A pipeline, or an assignment when an expression is followed by `=`, `+=`, ...
    fn pipeline_statement(&mut self) -> PResult<Statement> {
        let start = self.pos;
        if !self.starts_expression() {
            let pipeline = self.pipeline()?;
            return self.pipeline_chain(start, pipeline);
        }
        let expr = self.expression()?;
        let save = self.pos;
        self.skip_ws();
        if let Some((op, len)) = self.assignment_operator() {
            let op_text = self.src[self.pos..self.pos + len].to_string();
            self.pos += len;
            let after = self.pos;
            check_assignable(&expr, op == AssignOp::Assign)?;
            self.skip_ws_nl();
            if self.at_end() || matches!(self.peek(), Some(')') | Some('}') | Some(';')) {
                let err = ParseError::new(
                    "ExpectedValueExpression",
                    format!(
                        "You must provide a value expression following the '{op_text}' operator."
                    ),
                    Span::new(after, after),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            let value = self.statement()?;
            return Ok(Statement {
                kind: StatementKind::Assignment {
                    target: expr,
                    op,
                    value: Box::new(value),
                },
                span: self.span_from(start),
            });
        }
        self.pos = save;
        let pipeline = self.pipeline_from(start, Some(expr))?;
        self.pipeline_chain(start, pipeline)
    }

    /// `first && next || ...`: the pipelines chained after `first`, if any (a lone
    /// pipeline stays a plain pipeline statement).
    fn pipeline_chain(&mut self, start: usize, first: Pipeline) -> PResult<Statement> {
        let mut rest = Vec::new();
        loop {
            let save = self.pos;
            self.skip_ws();
            let op = if self.eat("&&") {
                ChainOp::And
            } else if self.eat("||") {
                ChainOp::Or
            } else {
                self.pos = save;
                break;
            };
            let after = self.pos;
            self.skip_ws_nl();
            if self.at_end() || matches!(self.peek(), Some(')' | '}' | ';' | '|' | '&')) {
                let text = if op == ChainOp::And { "&&" } else { "||" };
                let err = ParseError::new(
                    "EmptyPipelineChainElement",
                    format!("A pipeline chain operator '{text}' must be followed by a pipeline."),
                    Span::new(after, after),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            rest.push((op, self.pipeline()?));
        }
        let kind = if rest.is_empty() {
            StatementKind::Pipeline(first)
        } else {
            StatementKind::PipelineChain { first, rest }
        };
        Ok(Statement {
            kind,
            span: self.span_from(start),
        })
    }

    fn assignment_operator(&self) -> Option<(AssignOp, usize)> {
        let mut chars = self.rest().chars();
        let c = chars.next()?;
        let next = chars.next();
        if c == '=' {
            return Some((AssignOp::Assign, 1));
        }
        if self.rest().starts_with("??=") {
            return Some((AssignOp::Coalesce, 3));
        }
        if next != Some('=') {
            return None;
        }
        let op = match c {
            '+' => AssignOp::Add,
            '*' => AssignOp::Mul,
            '/' => AssignOp::Div,
            '%' => AssignOp::Rem,
            c if is_dash(c) => AssignOp::Sub,
            _ => return None,
        };
        Some((op, c.len_utf8() + 1))
    }

    /// The condition of `if`/`while`/... : a pipeline, or an assignment wrapped as a
    /// parenthesised expression. The cursor is after `(`; `)` is not consumed.
    fn condition(&mut self) -> PResult<Pipeline> {
        let start = self.pos;
        let statement = self.statement()?;
        Ok(match statement.kind {
            StatementKind::Pipeline(p) => p,
            other => {
                let span = statement.span;
                let stmt = Statement { kind: other, span };
                Pipeline {
                    elements: vec![PipelineElement::Expression {
                        expr: Expr::new(ExprKind::Paren(Box::new(stmt)), span),
                        redirections: Vec::new(),
                    }],
                    span: self.span_from(start),
                }
            }
        })
    }

    /// `( condition )` after a keyword, with pwsh's errors for each missing piece.
    /// Returns the condition and the position of its `)`.
    fn paren_condition(
        &mut self,
        keyword: &str,
        missing_open: (&'static str, String),
        missing_expr: (&'static str, String),
    ) -> PResult<(Pipeline, usize)> {
        self.skip_ws();
        if self.peek() != Some('(') {
            return Err(self.missing(missing_open.0, missing_open.1));
        }
        self.bump();
        self.skip_ws_nl();
        if self.at_end() || self.peek() == Some(')') {
            return Err(self.missing(missing_expr.0, missing_expr.1));
        }
        let cond = self.condition()?;
        self.skip_ws_nl();
        let close = self.pos;
        if !self.eat(")") {
            let message = format!("Missing closing ')' after expression in '{keyword}' statement.");
            // pwsh marks the token found in an `if`, the end of the condition elsewhere.
            return Err(if keyword == "if" || keyword == "elseif" {
                self.missing_here("MissingEndParenthesisAfterStatement", message)
            } else {
                self.missing("MissingEndParenthesisAfterStatement", message)
            });
        }
        Ok((cond, close))
    }

    fn block_or(
        &mut self,
        id: &'static str,
        message: impl Into<String>,
    ) -> PResult<StatementBlock> {
        self.skip_ws_nl();
        if self.peek() != Some('{') {
            return Err(self.missing(id, message));
        }
        self.statement_block()
    }

    fn if_statement(&mut self) -> PResult<StatementKind> {
        let mut clauses = Vec::new();
        let mut keyword = "if";
        loop {
            let (cond, close) = self.paren_condition(
                keyword,
                (
                    "MissingOpenParenthesisInIfStatement",
                    format!("Missing '(' after '{keyword}' in if statement."),
                ),
                (
                    "IfStatementMissingCondition",
                    format!("Missing condition in if statement after '{keyword} ('."),
                ),
            )?;
            self.skip_ws_nl();
            if self.peek() != Some('{') {
                // pwsh marks the condition's `)`.
                let err = ParseError::new(
                    "MissingStatementBlock",
                    format!("Missing statement block after {keyword} ( condition )."),
                    Span::new(close, close + 1),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            let body = self.statement_block()?;
            clauses.push((cond, body));
            let save = self.pos;
            self.skip_ws_nl();
            if self.eat_keyword("elseif") {
                keyword = "elseif";
                continue;
            }
            if self.eat_keyword("else") {
                let block = self.block_or(
                    "MissingStatementBlockAfterElse",
                    "Missing statement block after 'else' keyword.",
                )?;
                return Ok(StatementKind::If {
                    clauses,
                    else_block: Some(block),
                });
            }
            self.pos = save;
            return Ok(StatementKind::If {
                clauses,
                else_block: None,
            });
        }
    }

    fn while_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let (condition, _) = self.paren_condition(
            "while",
            (
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'while'.".into(),
            ),
            (
                "MissingExpressionAfterKeyword",
                "Missing expression after 'while' in loop.".into(),
            ),
        )?;
        let body = self.block_or(
            "MissingLoopStatement",
            "Missing statement body in while loop.",
        )?;
        Ok(StatementKind::While {
            label,
            condition,
            body,
        })
    }

    fn do_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let body = self.block_or("MissingLoopStatement", "Missing statement body in do loop.")?;
        self.skip_ws_nl();
        let until = if self.eat_keyword("while") {
            false
        } else if self.eat_keyword("until") {
            true
        } else {
            return Err(self.missing(
                "MissingWhileOrUntilInDoWhile",
                "Missing while or until keyword in do loop.",
            ));
        };
        let kw = if until { "until" } else { "while" };
        let (condition, _) = self.paren_condition(
            kw,
            (
                "MissingOpenParenthesisAfterKeyword",
                format!("Missing opening '(' after keyword '{kw}'."),
            ),
            (
                "MissingExpressionAfterKeyword",
                format!("Missing expression after '{kw}' in loop."),
            ),
        )?;
        Ok(StatementKind::DoLoop {
            label,
            body,
            condition,
            until,
        })
    }

    fn for_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_ws();
        if self.peek() != Some('(') {
            return Err(self.missing(
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'for'.",
            ));
        }
        self.bump();
        let missing_paren = |p: &mut Self| {
            p.missing(
                "MissingEndParenthesisAfterStatement",
                "Missing closing ')' after expression in 'for' statement.",
            )
        };
        self.skip_ws_nl();
        let init = if matches!(self.peek(), Some(';') | Some(')')) || self.at_end() {
            None
        } else {
            Some(Box::new(self.statement()?))
        };
        if !self.for_separator() {
            return Err(missing_paren(self));
        }
        let condition = if matches!(self.peek(), Some(';') | Some(')')) || self.at_end() {
            None
        } else {
            Some(self.condition()?)
        };
        self.skip_ws_nl();
        if self.peek() != Some(')') && !self.for_separator() {
            return Err(missing_paren(self));
        }
        let step = if self.peek() == Some(')') || self.at_end() {
            None
        } else {
            Some(Box::new(self.statement()?))
        };
        self.skip_ws_nl();
        if !self.eat(")") {
            return Err(missing_paren(self));
        }
        let body = self.block_or(
            "MissingLoopStatement",
            "Missing statement body in for loop.",
        )?;
        Ok(StatementKind::For {
            label,
            init,
            condition,
            step,
            body,
        })
    }

    /// `;` or newlines between the parts of `for (...)`; false at `)` or the end.
    fn for_separator(&mut self) -> bool {
        self.skip_ws();
        let had_newline = self.at_newline();
        self.skip_ws_nl();
        let ok = self.eat(";") || (had_newline && self.peek() != Some(')'));
        self.skip_ws_nl();
        ok && !self.at_end()
    }

    fn foreach_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_ws();
        if self.peek() != Some('(') {
            return Err(self.missing(
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'foreach'.",
            ));
        }
        self.bump();
        self.skip_ws_nl();
        let var_start = self.pos;
        let variable = if self.eat("$") {
            self.variable_after_dollar(var_start)?
        } else {
            None
        };
        let Some(variable) = variable else {
            self.pos = var_start;
            return Err(self.missing(
                "MissingVariableNameAfterForeach",
                "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
            ));
        };
        self.skip_ws_nl();
        if !self.eat_keyword("in") {
            return Err(self.missing(
                "MissingInInForeach",
                "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
            ));
        }
        self.skip_ws_nl();
        if self.at_end() || self.peek() == Some(')') {
            return Err(self.missing(
                "MissingForeachExpression",
                "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
            ));
        }
        let iterable = self.condition()?;
        self.skip_ws_nl();
        if !self.eat(")") {
            return Err(self.missing(
                "MissingEndParenthesisAfterForeach",
                "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
            ));
        }
        let body = self.block_or(
            "MissingForeachStatement",
            "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        )?;
        Ok(StatementKind::Foreach {
            label,
            variable,
            iterable,
            body,
        })
    }

    fn switch_statement(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let mut flags = SwitchFlags::default();
        loop {
            self.skip_ws();
            let Some(c) = self.peek() else { break };
            if !is_dash(c) {
                break;
            }
            let flag_start = self.pos;
            self.bump();
            let word = self.name().unwrap_or_default().to_ascii_lowercase();
            let matches = |full: &str| !word.is_empty() && full.starts_with(word.as_str());
            if matches("regex") {
                flags.regex = true;
            } else if matches("wildcard") {
                flags.wildcard = true;
            } else if matches("exact") {
                flags.exact = true;
            } else if matches("casesensitive") {
                flags.case_sensitive = true;
            } else {
                let text = self.src[flag_start..self.pos].to_string();
                return Err(ParseError::new(
                    "InvalidSwitchFlag",
                    format!("The parameter {text} is not valid for the switch statement."),
                    self.span_from(flag_start),
                ));
            }
        }
        self.skip_ws_nl();
        if self.peek() != Some('(') {
            return Err(self.missing(
                "PipelineValueRequired",
                "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
            ));
        }
        self.bump();
        self.skip_ws_nl();
        if self.at_end() || self.peek() == Some(')') {
            return Err(self.missing(
                "MissingSwitchValueExpression",
                "Missing expression after '(' in switch statement.",
            ));
        }
        let subject = self.condition()?;
        self.skip_ws_nl();
        if !self.eat(")") {
            return Err(self.missing(
                "MissingEndParenthesisInSwitchStatement",
                "Missing ')' after expression in switch statement.",
            ));
        }
        self.skip_ws_nl();
        if self.peek() != Some('{') {
            return Err(self.missing(
                "MissingCurlyBraceInSwitchStatement",
                "Missing '{' in switch statement.",
            ));
        }
        self.bump();
        let mut clauses = Vec::new();
        let mut default = None;
        loop {
            self.skip_separators();
            if self.eat("}") {
                break;
            }
            if self.at_end() {
                return Err(self.missing(
                    "MissingSwitchConditionExpression",
                    "Missing condition in switch statement clause.",
                ));
            }
            if self.peek() == Some(')') {
                return Err(self.unexpected_token());
            }
            let is_default = self.at_keyword("default") && {
                let mut probe = Parser::new(self.src);
                probe.pos = self.pos + "default".len();
                probe.skip_ws_nl();
                probe.peek() == Some('{')
            };
            if is_default {
                let kw = self.pos;
                self.pos += "default".len();
                let body = self.block_or(
                    "MissingSwitchStatementClause",
                    "Missing statement block in switch statement clause.",
                )?;
                if default.is_some() {
                    return Err(ParseError::new(
                        "MultipleSwitchDefaultClauses",
                        "A switch statement can have only one default clause.",
                        Span::new(kw, kw + "default".len()),
                    ));
                }
                default = Some(body);
                continue;
            }
            let condition = self.nested(Self::argument)?;
            let body = self.block_or(
                "MissingSwitchStatementClause",
                "Missing statement block in switch statement clause.",
            )?;
            clauses.push(SwitchClause { condition, body });
        }
        Ok(StatementKind::Switch {
            label,
            flags,
            subject,
            clauses,
            default,
        })
    }

    fn try_statement(&mut self) -> PResult<StatementKind> {
        let body = self.block_or(
            "MissingTryStatementBlock",
            "The Try statement is missing its statement block.",
        )?;
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            let save = self.pos;
            self.skip_ws_nl();
            if self.eat_keyword("catch") {
                let types = self.handler_types(true)?;
                let body = self.block_or(
                    "MissingCatchHandlerBlock",
                    "The Catch block is missing its statement block.",
                )?;
                catches.push(CatchClause { types, body });
                continue;
            }
            if self.eat_keyword("finally") {
                let block = self.block_or(
                    "MissingFinallyStatementBlock",
                    "The Finally block is missing its statement block.",
                )?;
                check_no_control_leaving(&block.statements, false)?;
                finally = Some(block);
                break;
            }
            self.pos = save;
            break;
        }
        if catches.is_empty() && finally.is_none() {
            return Err(self.missing(
                "MissingCatchOrFinally",
                "The Try statement is missing its Catch or Finally block.",
            ));
        }
        Ok(StatementKind::Try {
            body,
            catches,
            finally,
        })
    }

    /// `trap [Type] { ... }`, the cursor after `trap`.
    fn trap_statement(&mut self) -> PResult<StatementKind> {
        let types = self.handler_types(false)?;
        let body = self.block_or(
            "MissingTrapStatement",
            "The Trap statement is missing its statement block.",
        )?;
        Ok(StatementKind::Trap { types, body })
    }

    /// The `[Type]` list of a `catch` (comma-separated when `several`) or a `trap`.
    fn handler_types(&mut self, several: bool) -> PResult<Vec<TypeName>> {
        let mut types = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() != Some('[') {
                break;
            }
            match self.bracketed()? {
                Bracketed::Type(t) => types.push(t),
                Bracketed::Attribute(a) => {
                    return Err(ParseError::new(
                        "UnexpectedAttribute",
                        format!("Unexpected attribute '{}'.", a.name),
                        a.span,
                    ));
                }
            }
            self.skip_ws();
            if !several || !self.eat(",") {
                break;
            }
            self.skip_ws_nl();
        }
        Ok(types)
    }

    /// The pipeline after `throw`/`return`/`exit`, if any on the same line.
    fn optional_pipeline(&mut self) -> PResult<Option<Pipeline>> {
        self.skip_ws();
        match self.peek() {
            None | Some(';') | Some(')') | Some('}') => Ok(None),
            Some(c) if is_newline(c) => Ok(None),
            _ => self.condition().map(Some),
        }
    }

    /// The label after `break`/`continue`, if any.
    fn optional_label(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.pos;
        self.eat(":");
        match self.name() {
            Some(name) => Some(name.to_string()),
            None => {
                self.pos = start;
                None
            }
        }
    }
}

/// A block opened at `open` and never closed (always at the end of the text).
pub(super) fn missing_curly(open: usize) -> ParseError {
    ParseError::new(
        "MissingEndCurlyBrace",
        MISSING_CURLY,
        Span::new(open + 1, open + 1),
    )
    .incomplete()
}

/// Only variables, members, indexes and casts of those take a value; a list of them
/// (`$a, $b = 1, 2`) only with plain `=`.
fn check_assignable(target: &Expr, plain: bool) -> PResult<()> {
    let ok = match &target.kind {
        ExprKind::Variable(_) => true,
        // `$x?.Name = 1` is refused: a null-conditional access may have no target.
        ExprKind::Member {
            null_conditional, ..
        }
        | ExprKind::Index {
            null_conditional, ..
        } => !null_conditional,
        ExprKind::Cast { operand, .. } => check_assignable(operand, false).is_ok(),
        ExprKind::ArrayLiteral(items) => {
            plain && items.iter().all(|i| check_assignable(i, false).is_ok())
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ParseError::new(
            "InvalidLeftHandSide",
            "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
            target.span,
        ))
    }
}

/// `break`, `continue` and `return` may not leave a `finally` block (a loop inside the
/// block may still use `break` and `continue`).
fn check_no_control_leaving(statements: &[Statement], in_loop: bool) -> PResult<()> {
    for s in statements {
        let leaves = match &s.kind {
            StatementKind::Return(_) => true,
            StatementKind::Break(_) | StatementKind::Continue(_) => !in_loop,
            _ => false,
        };
        if leaves {
            return Err(ParseError::new(
                "ControlLeavingFinally",
                "Flow of control cannot leave a Finally block.",
                s.span,
            ));
        }
        match &s.kind {
            StatementKind::If {
                clauses,
                else_block,
            } => {
                for (_, b) in clauses {
                    check_no_control_leaving(&b.statements, in_loop)?;
                }
                if let Some(b) = else_block {
                    check_no_control_leaving(&b.statements, in_loop)?;
                }
            }
            StatementKind::Try {
                body,
                catches,
                finally,
            } => {
                check_no_control_leaving(&body.statements, in_loop)?;
                for c in catches {
                    check_no_control_leaving(&c.body.statements, in_loop)?;
                }
                if let Some(b) = finally {
                    check_no_control_leaving(&b.statements, in_loop)?;
                }
            }
            StatementKind::While { body, .. }
            | StatementKind::DoLoop { body, .. }
            | StatementKind::For { body, .. }
            | StatementKind::Foreach { body, .. } => {
                check_no_control_leaving(&body.statements, true)?
            }
            _ => {}
        }
    }
    Ok(())
}
