//! Script blocks and functions: `{ [CmdletBinding()] param(...) begin {} process {} end {} }`,
//! parameter declarations with their attributes, types and defaults, and
//! `function`/`filter` definitions.

use std::rc::Rc;

use super::lexical::{is_arg_terminator, is_name_char};
use super::statements::missing_curly;
use super::types::Bracketed;
use super::{PResult, Parser};
use crate::syntax::ast::{
    Attribute, FunctionDef, ParamBlock, ParameterDecl, ScriptBlock, Span, StatementKind, TypeName,
};
use crate::syntax::error::ParseError;

/// The named blocks of a script block body.
const NAMED_BLOCKS: [&str; 5] = ["begin", "process", "end", "dynamicparam", "clean"];

impl Parser<'_> {
    /// `{ [param(...)] body }` at the cursor: a script block with its braces.
    pub(super) fn braced_script_block(&mut self) -> PResult<ScriptBlock> {
        let open = self.pos;
        self.bump();
        let mut block = self.nested(|p| p.script_block_body(Some('}')))?;
        if !self.eat("}") {
            return Err(missing_curly(open));
        }
        block.span = self.span_from(open);
        Ok(block)
    }

    /// A script block's inside: attributes and `param(...)`, then named blocks or
    /// statements, up to `close` (not consumed).
    pub(super) fn script_block_body(&mut self, close: Option<char>) -> PResult<ScriptBlock> {
        let start = self.pos;
        self.skip_separators();
        let mut attributes = Vec::new();
        let mut param_block = None;
        let save = self.pos;
        while self.peek() == Some('[') {
            match self.bracketed() {
                Ok(Bracketed::Attribute(a)) => attributes.push(a),
                _ => break,
            }
            self.skip_ws_nl();
        }
        if self.at_keyword("param") {
            param_block = Some(self.param_block()?);
        } else {
            attributes.clear();
            self.pos = save;
        }
        self.skip_separators();
        let mut begin = None;
        let mut process = None;
        let mut end = None;
        if NAMED_BLOCKS.iter().any(|k| self.at_keyword(k)) {
            loop {
                self.skip_separators();
                if self.at_end() || self.peek() == close {
                    break;
                }
                let Some(kw) = NAMED_BLOCKS.into_iter().find(|k| self.at_keyword(k)) else {
                    let token = self.token_text().to_string();
                    return Err(self.error_here(
                        "MissingNamedBlocks",
                        format!("unexpected token '{token}', expected 'begin', 'process', 'end', or 'dynamicparam'."),
                    ));
                };
                self.pos += kw.len();
                self.skip_ws_nl();
                if self.peek() != Some('{') {
                    return Err(self.missing(
                        "MissingNamedStatementBlock",
                        format!("Missing statement block after '{kw}'."),
                    ));
                }
                let block = self.statement_block()?;
                match kw {
                    "begin" => begin = Some(block),
                    "process" => process = Some(block),
                    "end" => end = Some(block),
                    _ => {}
                }
            }
        } else {
            end = Some(self.statement_list(close)?);
        }
        Ok(ScriptBlock {
            attributes,
            param_block,
            begin,
            process,
            end: end.unwrap_or_default(),
            span: self.span_from(start),
        })
    }

    /// `param( ... )` at the cursor.
    fn param_block(&mut self) -> PResult<ParamBlock> {
        let start = self.pos;
        self.pos += "param".len();
        self.skip_ws_nl();
        if self.peek() != Some('(') {
            return Err(self.missing(
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'param'.",
            ));
        }
        let params = self.parameter_list()?;
        Ok(ParamBlock {
            params,
            span: self.span_from(start),
        })
    }

    /// `( [attrs] [type] $name = default, ... )` at the cursor.
    fn parameter_list(&mut self) -> PResult<Vec<ParameterDecl>> {
        self.bump();
        let mut params = Vec::new();
        loop {
            self.skip_ws_nl();
            if self.eat(")") {
                return Ok(params);
            }
            params.push(self.nested(Self::parameter_decl)?);
            self.skip_ws_nl();
            if self.eat(",") {
                continue;
            }
            if self.eat(")") {
                return Ok(params);
            }
            let err = self.error_here(
                "MissingEndParenthesisInFunctionParameterList",
                "Missing ')' in function parameter list.",
            );
            return Err(self.at_end_if_incomplete(err));
        }
    }

    fn parameter_decl(&mut self) -> PResult<ParameterDecl> {
        let start = self.pos;
        let mut attributes: Vec<Attribute> = Vec::new();
        let mut types: Vec<TypeName> = Vec::new();
        while self.peek() == Some('[') {
            match self.bracketed()? {
                Bracketed::Attribute(a) => attributes.push(a),
                Bracketed::Type(t) => types.push(t),
            }
            self.skip_ws_nl();
        }
        if self.peek() != Some('$') {
            if self.at_end() || self.peek() == Some('}') {
                return Err(self.missing_here(
                    "MissingEndParenthesisInFunctionParameterList",
                    "Missing ')' in function parameter list.",
                ));
            }
            if self.peek() == Some('@') {
                let name = self.src[self.pos + 1..]
                    .chars()
                    .take_while(|c| is_name_char(*c))
                    .collect::<String>();
                return Err(self.error_here("SplattingNotPermitted", format!("The splatting operator '@' cannot be used to reference variables in an expression. '@{name}' can be used only as an argument to a command. To reference variables in an expression use '${name}'.")));
            }
            return Err(self.error_here(
                "InvalidFunctionParameter",
                "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
            ));
        }
        let var_start = self.pos;
        self.bump();
        let Some(var) = self.variable_after_dollar(var_start)? else {
            return Err(self.error_here(
                "InvalidFunctionParameter",
                "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
            ));
        };
        let save = self.pos;
        self.skip_ws_nl();
        let default = if self.eat("=") {
            let after = self.pos;
            self.skip_ws_nl();
            if !self.starts_expression() {
                let err = ParseError::new(
                    "ExpectedValueExpression",
                    "You must provide a value expression following the '=' operator.",
                    Span::new(after, after),
                );
                return Err(self.at_end_if_incomplete(err));
            }
            Some(self.expression_no_comma()?)
        } else {
            self.pos = save;
            None
        };
        Ok(ParameterDecl {
            name: var.name,
            attributes,
            types,
            default,
            span: self.span_from(start),
        })
    }

    /// `function Name [(params)] { body }` or `filter ...`, the cursor at the keyword.
    pub(super) fn function_statement(&mut self, start: usize) -> PResult<StatementKind> {
        let is_filter = self.at_keyword("filter");
        let keyword = if is_filter { "filter" } else { "function" };
        self.pos += keyword.len();
        self.skip_ws();
        let name_start = self.pos;
        while self.eat_if(|c| !is_arg_terminator(c)).is_some() {}
        if self.pos == name_start {
            return Err(self.missing(
                "MissingNameAfterKeyword",
                format!("Missing name after {keyword} keyword."),
            ));
        }
        let name = self.src[name_start..self.pos].to_string();
        self.skip_ws_nl();
        let mut params = Vec::new();
        if self.peek() == Some('(') {
            params = self.parameter_list()?;
            self.skip_ws_nl();
        }
        if self.peek() != Some('{') {
            return Err(self.missing(
                "MissingFunctionBody",
                "Missing function body in function declaration.",
            ));
        }
        let body = self.braced_script_block()?;
        Ok(StatementKind::Function(Rc::new(FunctionDef {
            name,
            is_filter,
            params,
            body: Rc::new(body),
            span: self.span_from(start),
        })))
    }
}
