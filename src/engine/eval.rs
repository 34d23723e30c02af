//! Statements: assignments, conditionals, loops with labels, switch, try/catch/finally,
//! throw/return/exit, function definitions.
//!
//! A statement's output goes to the [`Sink`] it is given (the next command, a collecting
//! vector, or Out-Default). Runtime errors are statement-terminating: outside any `try`
//! the error is shown and the next statement runs, as in pwsh.

use std::rc::Rc;

use super::command::Sink;
use super::convert;
use super::error::{ErrorCategory, ErrorPosition, ErrorRecord};
use super::flow::Flow;
use super::ops;
use super::runtime::{ActionPreference, Engine};
use super::scope::FunctionValue;
use super::value::Value;
use crate::syntax::ast::{
    AssignOp, CatchClause, ChainOp, Expr, ExprKind, Pipeline, PipelineElement, Span, Statement,
    StatementBlock, StatementKind, SwitchClause, SwitchFlags, TypeName,
};

/// Several output objects as one value: none is `$null`, one is itself, more an array.
pub fn collect_value(mut items: Vec<Value>) -> Value {
    match items.len() {
        0 => Value::Null,
        1 => items.pop().unwrap_or(Value::Null),
        _ => Value::array(items),
    }
}

/// Whether a loop with `label` handles a `break`/`continue` aimed at `target`.
fn label_matches(label: &Option<String>, target: &Option<String>) -> bool {
    match target {
        None => true,
        Some(t) => label.as_ref().is_some_and(|l| l.eq_ignore_ascii_case(t)),
    }
}

/// What a loop does after its body ran.
enum LoopStep {
    Next,
    Stop,
}

impl Engine {
    /// The position of a span in the current source, for error records.
    pub fn position(&self, span: Span) -> Option<ErrorPosition> {
        Some(ErrorPosition {
            source: self.source.clone(),
            span,
        })
    }

    /// A statement-terminating runtime error at `span`.
    ///
    /// The category follows from the id, as ConciseView shows it before the message:
    /// `RuntimeException` (e.g. division by zero) has none, conversions are
    /// `InvalidArgument`, everything else `InvalidOperation`; a few .NET exceptions
    /// (out of memory, the regex time bound, a method's exception) keep their own type.
    pub fn runtime_error(&self, message: impl Into<String>, id: &str, span: Span) -> Flow {
        // .NET exceptions that reach the script as themselves: ConciseView names their type.
        let exception = match id {
            "OutOfMemoryException" => Some("System.OutOfMemoryException"),
            "RegexMatchTimeoutException" => {
                Some("System.Text.RegularExpressions.RegexMatchTimeoutException")
            }
            "MethodInvocationException" => {
                Some("System.Management.Automation.MethodInvocationException")
            }
            _ => None,
        };
        let category = match id {
            "RuntimeException" => ErrorCategory::NotSpecified,
            _ if exception.is_some() => ErrorCategory::NotSpecified,
            id if id.starts_with("InvalidCast") || id == "FormatError" => {
                ErrorCategory::InvalidArgument
            }
            _ => ErrorCategory::InvalidOperation,
        };
        let mut r = ErrorRecord::new(message, id, category);
        if let Some(exception) = exception {
            r.exception_type = exception.to_string();
        }
        r.position = self.position(span);
        Flow::Error(Rc::new(r))
    }

    /// Runs the statements of a block, each one's output to `out`.
    pub fn exec_block(&mut self, block: &StatementBlock, out: &mut dyn Sink) -> Result<(), Flow> {
        let traps: Vec<(&[TypeName], &StatementBlock)> = block
            .statements
            .iter()
            .filter_map(|st| match &st.kind {
                StatementKind::Trap { types, body } => Some((types.as_slice(), body)),
                _ => None,
            })
            .collect();
        if traps.is_empty() {
            for st in &block.statements {
                self.exec_statement_guarded(st, out)?;
            }
            return Ok(());
        }
        for st in &block.statements {
            // As inside `try`, errors propagate here (also from the commands called)
            // instead of being shown where they happen.
            self.try_depth += 1;
            let result = self.exec_statement_guarded(st, out);
            self.try_depth -= 1;
            let (rec, thrown) = match result {
                Err(Flow::Error(rec)) => (rec, false),
                Err(Flow::Throw(rec)) => (rec, true),
                other => {
                    other?;
                    continue;
                }
            };
            let rec = self.with_position(rec, st.span);
            let trap = traps.iter().find(|(types, _)| error_matches(types, &rec));
            let rethrow = match trap {
                Some((_, body)) => self.run_trap(body, rec.clone(), out)?,
                None => true,
            };
            if rethrow {
                // The error goes on as it came: a `throw` ends the script, a runtime
                // error only the statement that called this block.
                return Err(if thrown {
                    Flow::Throw(rec)
                } else {
                    Flow::Error(rec)
                });
            }
        }
        Ok(())
    }

    /// Runs a trap's body for an error with `$_` set to it. Then, as pwsh does: after
    /// `continue` the error is dropped, after `break` it goes on terminating the block
    /// (returns true), otherwise it is shown and the next statement runs.
    fn run_trap(
        &mut self,
        body: &StatementBlock,
        rec: Rc<ErrorRecord>,
        out: &mut dyn Sink,
    ) -> Result<bool, Flow> {
        self.last_success = false;
        self.record_error(rec.clone());
        let saved = self.scopes.get(None, "_");
        self.scopes.set(None, "_", Value::Error(rec.clone()));
        let result = self.exec_block(body, out);
        self.scopes.set(None, "_", saved.unwrap_or(Value::Null));
        match result {
            Ok(()) => {
                if self.suppress_errors == 0 && self.error_preference() != ActionPreference::Ignore
                {
                    self.show_error(&rec);
                }
                Ok(false)
            }
            Err(Flow::Continue(None)) => Ok(false),
            Err(Flow::Break(None)) => Ok(true),
            Err(other) => Err(other),
        }
    }

    /// Runs a statement; outside any `try`, a statement-terminating error is shown and
    /// swallowed so the next statement runs.
    fn exec_statement_guarded(&mut self, st: &Statement, out: &mut dyn Sink) -> Result<(), Flow> {
        self.tick()?;
        match self.exec_statement(st, out) {
            Err(Flow::Error(rec)) if self.try_depth == 0 => {
                let rec = self.with_position(rec, st.span);
                self.last_success = false;
                // $ErrorActionPreference governs these too: Stop ends the script,
                // SilentlyContinue/Ignore keep the error off the screen.
                match self.error_preference() {
                    ActionPreference::Stop => return Err(Flow::Throw(rec)),
                    ActionPreference::Ignore => {}
                    ActionPreference::SilentlyContinue => self.record_error(rec),
                    ActionPreference::Continue | ActionPreference::Inquire => {
                        self.record_error(rec.clone());
                        if self.suppress_errors == 0 {
                            self.show_error(&rec);
                        }
                    }
                }
                Ok(())
            }
            other => other,
        }
    }

    /// Gives an error record a position when it has none.
    pub fn with_position(&self, rec: Rc<ErrorRecord>, span: Span) -> Rc<ErrorRecord> {
        if rec.position.is_some() {
            return rec;
        }
        let mut r = (*rec).clone();
        r.position = self.position(span);
        Rc::new(r)
    }

    pub fn exec_statement(&mut self, st: &Statement, out: &mut dyn Sink) -> Result<(), Flow> {
        match &st.kind {
            StatementKind::Pipeline(p) => self.run_pipeline(p, out),
            StatementKind::PipelineChain { first, rest } => {
                self.run_pipeline(first, out)?;
                for (op, next) in rest {
                    if self.last_success == (*op == ChainOp::And) {
                        self.run_pipeline(next, out)?;
                    }
                }
                Ok(())
            }
            StatementKind::Assignment { target, op, value } => {
                self.exec_assignment(target, *op, value, st.span)
            }
            StatementKind::If {
                clauses,
                else_block,
            } => {
                for (cond, body) in clauses {
                    if self.eval_pipeline_value(cond)?.is_true() {
                        return self.exec_block(body, out);
                    }
                }
                match else_block {
                    Some(b) => self.exec_block(b, out),
                    None => Ok(()),
                }
            }
            StatementKind::While {
                label,
                condition,
                body,
            } => {
                while self.eval_pipeline_value(condition)?.is_true() {
                    self.tick()?;
                    if let LoopStep::Stop = self.loop_body(label, body, out)? {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::DoLoop {
                label,
                body,
                condition,
                until,
            } => {
                loop {
                    self.tick()?;
                    if let LoopStep::Stop = self.loop_body(label, body, out)? {
                        break;
                    }
                    let c = self.eval_pipeline_value(condition)?.is_true();
                    if c == *until {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::For {
                label,
                init,
                condition,
                step,
                body,
            } => {
                if let Some(i) = init {
                    self.exec_statement(i, &mut Vec::new())?;
                }
                loop {
                    self.tick()?;
                    if let Some(c) = condition
                        && !self.eval_pipeline_value(c)?.is_true()
                    {
                        break;
                    }
                    if let LoopStep::Stop = self.loop_body(label, body, out)? {
                        break;
                    }
                    if let Some(s) = step {
                        self.exec_statement(s, &mut Vec::new())?;
                    }
                }
                Ok(())
            }
            StatementKind::Foreach {
                label,
                variable,
                iterable,
                body,
            } => {
                let items = match self.eval_pipeline_value(iterable)? {
                    Value::Null => Vec::new(),
                    v => convert::to_vec(&v),
                };
                for item in items {
                    self.tick()?;
                    self.set_variable(variable.scope.as_deref(), &variable.name, item);
                    if let LoopStep::Stop = self.loop_body(label, body, out)? {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::Switch {
                label,
                flags,
                subject,
                clauses,
                default,
            } => self.exec_switch(label, *flags, subject, clauses, default.as_ref(), out),
            StatementKind::Function(def) => {
                let f = Rc::new(FunctionValue {
                    def: def.clone(),
                    source: self.source.clone(),
                });
                self.scopes.define_function(&def.name, f);
                Ok(())
            }
            StatementKind::Try {
                body,
                catches,
                finally,
            } => self.exec_try(body, catches, finally.as_ref(), out),
            // Traps act through the block that holds them (see `exec_block`).
            StatementKind::Trap { .. } => Ok(()),
            StatementKind::Throw(p) => {
                let value = match p {
                    Some(p) => self.eval_pipeline_value(p)?,
                    None => Value::Null,
                };
                Err(Flow::Throw(self.thrown_record(value, st.span)))
            }
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    self.run_pipeline(p, out)?;
                }
                Err(Flow::Return)
            }
            StatementKind::Exit(p) => {
                let code = match p {
                    Some(p) => {
                        let v = self.eval_pipeline_value(p)?;
                        convert::to_i32(&v).unwrap_or(0)
                    }
                    None => 0,
                };
                Err(Flow::Exit(code))
            }
            StatementKind::Break(l) => Err(Flow::Break(l.clone())),
            StatementKind::Continue(l) => Err(Flow::Continue(l.clone())),
        }
    }

    /// The error record of `throw value`: an ErrorRecord is rethrown as is; anything else
    /// becomes a RuntimeException with the value's text (`ScriptHalted` for nothing).
    fn thrown_record(&self, value: Value, span: Span) -> Rc<ErrorRecord> {
        if let Value::Error(e) = &value {
            let mut r = (**e).clone();
            if r.position.is_none() {
                r.position = self.position(span);
            }
            return Rc::new(r);
        }
        let message = match &value {
            Value::Null => "ScriptHalted".to_string(),
            v => v.to_string(),
        };
        let id = if value.is_null() {
            "ScriptHalted".to_string()
        } else {
            message.clone()
        };
        let mut r = ErrorRecord::new(message, id, ErrorCategory::OperationStopped);
        r.thrown = true;
        r.target = match &value {
            Value::Null => None,
            v => Some(v.to_string()),
        };
        r.position = self.position(span);
        Rc::new(r)
    }

    /// Runs a loop body, turning `break`/`continue` aimed at this loop into a step.
    fn loop_body(
        &mut self,
        label: &Option<String>,
        body: &StatementBlock,
        out: &mut dyn Sink,
    ) -> Result<LoopStep, Flow> {
        match self.exec_block(body, out) {
            Ok(()) => Ok(LoopStep::Next),
            Err(Flow::Break(target)) if label_matches(label, &target) => Ok(LoopStep::Stop),
            Err(Flow::Continue(target)) if label_matches(label, &target) => Ok(LoopStep::Next),
            Err(e) => Err(e),
        }
    }

    fn exec_switch(
        &mut self,
        label: &Option<String>,
        flags: SwitchFlags,
        subject: &Pipeline,
        clauses: &[SwitchClause],
        default: Option<&StatementBlock>,
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        let subject = self.eval_pipeline_value(subject)?;
        let items = match subject {
            Value::Array(a) => a.borrow().clone(),
            v => vec![v],
        };
        let saved = self.scopes.get(None, "_");
        let result = (|| -> Result<(), Flow> {
            'items: for item in items {
                self.tick()?;
                self.scopes.set(None, "_", item.clone());
                let mut matched = false;
                for clause in clauses {
                    if self.switch_clause_matches(flags, &clause.condition, &item)? {
                        matched = true;
                        match self.exec_block(&clause.body, out) {
                            Ok(()) => {}
                            Err(Flow::Break(t)) if label_matches(label, &t) => break 'items,
                            Err(Flow::Continue(t)) if label_matches(label, &t) => {
                                continue 'items;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
                if !matched && let Some(d) = default {
                    match self.exec_block(d, out) {
                        Ok(()) => {}
                        Err(Flow::Break(t)) if label_matches(label, &t) => break 'items,
                        Err(Flow::Continue(t)) if label_matches(label, &t) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            Ok(())
        })();
        self.scopes.set(None, "_", saved.unwrap_or(Value::Null));
        result
    }

    fn switch_clause_matches(
        &mut self,
        flags: SwitchFlags,
        condition: &Expr,
        item: &Value,
    ) -> Result<bool, Flow> {
        if let ExprKind::ScriptBlock(_) = &condition.kind {
            let Value::ScriptBlock(sb) = self.eval_expr(condition)? else {
                return Ok(false);
            };
            let mut out = Vec::new();
            self.run_block_dot_sourced(&sb, Some(item.clone()), Vec::new(), &mut out)?;
            return Ok(collect_value(out).is_true());
        }
        let pattern = self.eval_expr(condition)?;
        let cs = flags.case_sensitive;
        if flags.regex {
            let re = ops::regex(&pattern.to_string(), cs)
                .map_err(|e| self.runtime_error(e.message, e.id, condition.span))?;
            let text = item.to_string();
            let found = re
                .first(&text)
                .map_err(|e| self.runtime_error(e.message, e.id, condition.span))?;
            return Ok(match found {
                Some(groups) => {
                    let table = ops::matches_table(&re, &text, &groups);
                    self.scopes.set(None, "Matches", table);
                    true
                }
                None => false,
            });
        }
        if flags.wildcard {
            return ops::like(&item.to_string(), &pattern.to_string(), cs)
                .map_err(|e| self.runtime_error(e.message, e.id, condition.span));
        }
        // A plain clause compares as strings when the item is a string, else with -eq.
        Ok(match item {
            Value::String(_) => ops::equals(item, &Value::str(pattern.to_string()), cs),
            _ => ops::equals(item, &pattern, cs),
        })
    }

    fn exec_try(
        &mut self,
        body: &StatementBlock,
        catches: &[CatchClause],
        finally: Option<&StatementBlock>,
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        self.try_depth += 1;
        let result = self.exec_block(body, out);
        self.try_depth -= 1;
        let result = match result {
            Err(Flow::Error(rec)) | Err(Flow::Throw(rec)) => {
                match catches.iter().find(|c| catch_matches(c, &rec)) {
                    Some(clause) => {
                        self.record_error(rec.clone());
                        let saved = self.scopes.get(None, "_");
                        self.scopes.set(None, "_", Value::Error(rec));
                        let r = self.exec_block(&clause.body, out);
                        self.scopes.set(None, "_", saved.unwrap_or(Value::Null));
                        r
                    }
                    None => Err(Flow::Throw(rec)),
                }
            }
            other => other,
        };
        match finally {
            Some(f) => {
                self.exec_block(f, out)?;
                result
            }
            None => result,
        }
    }

    /// Evaluates a pipeline used as a value (conditions, `foreach` collections,
    /// assignment right sides): a lone expression keeps its value as is (an array stays
    /// an array); a real pipeline collects its output.
    pub fn eval_pipeline_value(&mut self, p: &Pipeline) -> Result<Value, Flow> {
        if let [PipelineElement::Expression { expr, redirections }] = p.elements.as_slice()
            && redirections.is_empty()
        {
            return self.eval_expr(expr);
        }
        let mut out = Vec::new();
        self.run_pipeline(p, &mut out)?;
        Ok(collect_value(out))
    }

    /// Evaluates a statement used as a value (`$x = if (...) {...}`, hashtable values).
    pub fn eval_statement_value(&mut self, st: &Statement) -> Result<Value, Flow> {
        match &st.kind {
            StatementKind::Pipeline(p) => self.eval_pipeline_value(p),
            // `$a = $b = 5`: an assignment's value is what it assigned.
            StatementKind::Assignment { target, .. } => {
                self.exec_statement(st, &mut Vec::new())?;
                self.eval_expr(target)
            }
            _ => {
                let mut out = Vec::new();
                self.exec_statement(st, &mut out)?;
                Ok(collect_value(out))
            }
        }
    }

    fn exec_assignment(
        &mut self,
        target: &Expr,
        op: AssignOp,
        value: &Statement,
        span: Span,
    ) -> Result<(), Flow> {
        if op == AssignOp::Coalesce && !self.eval_expr(target)?.is_null() {
            return Ok(());
        }
        let rhs = self.eval_statement_value(value)?;
        let arith = match op {
            AssignOp::Assign | AssignOp::Coalesce => return self.assign(target, rhs),
            AssignOp::Add => ops::Arith::Add,
            AssignOp::Sub => ops::Arith::Sub,
            AssignOp::Mul => ops::Arith::Mul,
            AssignOp::Div => ops::Arith::Div,
            AssignOp::Rem => ops::Arith::Rem,
        };
        let combine = |me: &Self, current: &Value| {
            ops::arith(arith, current, &rhs).map_err(|e| me.runtime_error(e.message, e.id, span))
        };
        // `$a[$i++] += 1`: the object and the index are evaluated once.
        match &target.kind {
            ExprKind::Index {
                target: obj, index, ..
            } => {
                let o = self.eval_expr(obj)?;
                let i = self.eval_expr(index)?;
                let current = super::members::index(&o, &i)
                    .map_err(|m| self.runtime_error(m, "IndexError", span))?;
                let new = combine(self, &current)?;
                super::members::set_index(&o, &i, new)
                    .map_err(|m| self.runtime_error(m, "IndexError", span))
            }
            _ => {
                let current = self.eval_expr(target)?;
                let new = combine(self, &current)?;
                self.assign(target, new)
            }
        }
    }
}

/// Whether a `catch [T]` clause takes an error: no types catches all; `Exception` and
/// `RuntimeException` (what every PowerShell error derives from here) catch all;
/// otherwise the exception type's full or short name must match.
fn catch_matches(clause: &CatchClause, rec: &ErrorRecord) -> bool {
    error_matches(&clause.types, rec)
}

/// Whether a `catch`/`trap` for `types` (none: every error) handles the error.
fn error_matches(types: &[TypeName], rec: &ErrorRecord) -> bool {
    if types.is_empty() {
        return true;
    }
    let own_short = rec.exception_type.rsplit('.').next().unwrap_or("");
    types.iter().any(|t| {
        let name = t.name.trim();
        let short = name.rsplit('.').next().unwrap_or(name);
        short.eq_ignore_ascii_case("Exception")
            || short.eq_ignore_ascii_case("RuntimeException")
            || rec.exception_type.eq_ignore_ascii_case(name)
            || own_short.eq_ignore_ascii_case(short)
    })
}
