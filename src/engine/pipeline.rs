//! Pipelines: command lookup, stages, and streaming.
//!
//! Each command of `a | b | c` becomes a [`Stage`]. Objects stream: when `a` writes an
//! object, `b` processes it at once (and `c` gets `b`'s output at once), before `a`
//! produces the next one. This is a push model: a stage's output sink is the chain of
//! the stages after it ([`Chain`]), ending in the sink the pipeline was given.

use std::rc::Rc;

use super::binder::{self, Arg, BindOptions, Binding};
use super::command::{Bound, CommandInfo, Ctx, Preferences, Processor, Signature, Sink};
use super::confirm::ContinueStatus;
use super::convert;
use super::error::{ErrorCategory, ErrorPosition, ErrorRecord};
use super::flow::Flow;
use super::function::ScriptCommand;
use super::runtime::{ActionPreference, Engine, StreamRoute, StreamRoutes};
use super::value::Value;
use crate::syntax::ast::{
    Command, CommandElement, CommandName, ExprKind, Invocation, Pipeline, PipelineElement,
    RedirectStream, RedirectTarget, Redirection, Source, UnaryOp,
};

/// Where a stage's error stream goes (`2>$null`, `2>&1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorRoute {
    Show,
    Discard,
}

/// One command of a running pipeline.
pub struct Stage {
    sig: Rc<Signature>,
    processor: Box<dyn Processor>,
    binding: Binding,
    prefs: Preferences,
    position: Option<ErrorPosition>,
    failed: bool,
    begun: bool,
    /// This command asked for no more input ([`Flow::StopUpstream`]).
    stopped: bool,
    /// Receives pipeline input (not first in its pipeline).
    takes_input: bool,
    /// Pipeline input must bind to a parameter (cmdlets and advanced functions);
    /// simple functions just see `$_`/`$input`.
    binds_input: bool,
    errors: Vec<Value>,
    warnings: Vec<Value>,
    outputs: Vec<Value>,
    error_var: Option<(String, bool)>,
    warning_var: Option<(String, bool)>,
    out_var: Option<(String, bool)>,
    error_route: ErrorRoute,
    /// The stream routes while this command runs: the ones in effect where its pipeline
    /// started, changed by its own redirections.
    routes: StreamRoutes,
    /// A script file invoked as a command: its `exit` ends only it.
    catches_exit: bool,
    /// The last confirmation answer of this invocation: "Yes to All" and "No to All"
    /// stand for every object of the pipeline.
    answered: ContinueStatus,
}

/// The stages after the current one, then the final sink.
pub struct Chain<'a, 's> {
    stages: &'a mut [Stage],
    last: &'a mut (dyn Sink + 's),
}

impl Sink for Chain<'_, '_> {
    fn write(&mut self, engine: &mut Engine, value: Value) -> Result<(), Flow> {
        match self.stages.split_first_mut() {
            None => self.last.write(engine, value),
            Some((first, rest)) => {
                let mut next = Chain {
                    stages: rest,
                    last: &mut *self.last,
                };
                if first.stopped {
                    return Err(Flow::StopUpstream);
                }
                if !first.begun {
                    first.begin(engine, &mut next)?;
                }
                let result = first.process(engine, Some(value), &mut next);
                if matches!(result, Err(Flow::StopUpstream))
                    && !next.stages.iter().any(|s| s.stopped)
                {
                    first.stopped = true;
                }
                result
            }
        }
    }

    fn reads(&self) -> Option<Vec<String>> {
        match self.stages.first() {
            None => self.last.reads(),
            Some(next) => next.input_reads(),
        }
    }
}

/// Copies every object to `-OutVariable`'s list on its way down.
struct Tee<'a, 's> {
    inner: &'a mut (dyn Sink + 's),
    copy: &'a mut Vec<Value>,
}

impl Sink for Tee<'_, '_> {
    fn write(&mut self, engine: &mut Engine, value: Value) -> Result<(), Flow> {
        self.copy.push(value.clone());
        self.inner.write(engine, value)
    }
}

/// Drops everything (`> $null`, `| Out-Null`).
pub struct Discard;

impl Sink for Discard {
    fn write(&mut self, _engine: &mut Engine, _value: Value) -> Result<(), Flow> {
        Ok(())
    }
}

/// The name of a variable given to -ErrorVariable etc.: `+name` appends.
fn var_target(v: &Value) -> (String, bool) {
    let s = v.to_string();
    match s.strip_prefix('+') {
        Some(n) => (n.to_string(), true),
        None => (s, false),
    }
}

impl Stage {
    /// What this command reads of each object piped to it (see [`Sink::reads`]): what its
    /// signature declares, unless a script block argument could see the object as `$_`.
    fn input_reads(&self) -> Option<Vec<String>> {
        let scripted = self
            .binding
            .bound
            .values
            .iter()
            .any(|(_, v)| matches!(v, Value::ScriptBlock(_)));
        match self.binds_input && !scripted {
            true => self.sig.input_reads.of(&self.binding.bound),
            false => None,
        }
    }

    fn call<F>(
        &mut self,
        engine: &mut Engine,
        out: &mut dyn Sink,
        bound: Option<&Bound>,
        f: F,
    ) -> Result<(), Flow>
    where
        F: FnOnce(&mut dyn Processor, &mut Ctx) -> Result<(), Flow>,
    {
        let discard = self.error_route == ErrorRoute::Discard;
        if discard {
            engine.suppress_errors += 1;
        }
        let outer_routes = std::mem::replace(&mut engine.stream_routes, self.routes);
        let result = {
            let mut tee;
            let out: &mut dyn Sink = if self.out_var.is_some() {
                tee = Tee {
                    inner: out,
                    copy: &mut self.outputs,
                };
                &mut tee
            } else {
                out
            };
            let mut cx = Ctx {
                engine,
                out,
                args: bound.unwrap_or(&self.binding.bound),
                sig: &self.sig,
                prefs: self.prefs,
                failed: &mut self.failed,
                position: self.position.clone(),
                error_var: Some(&mut self.errors),
                warning_var: Some(&mut self.warnings),
                merge_errors: self.routes.error == StreamRoute::Output,
                answered: &mut self.answered,
            };
            f(self.processor.as_mut(), &mut cx)
        };
        engine.stream_routes = outer_routes;
        if discard {
            engine.suppress_errors -= 1;
        }
        match result {
            Err(Flow::Exit(code)) if self.catches_exit => {
                engine.scopes.set_global("LASTEXITCODE", Value::Int(code));
                if code != 0 {
                    self.failed = true;
                }
                Ok(())
            }
            Err(Flow::Error(rec)) => {
                self.failed = true;
                let rec = match (&rec.position, &self.position) {
                    (None, Some(p)) => {
                        let mut r = (*rec).clone();
                        r.position = Some(p.clone());
                        Rc::new(r)
                    }
                    _ => rec,
                };
                Err(Flow::Error(rec))
            }
            other => other,
        }
    }

    pub fn begin(&mut self, engine: &mut Engine, out: &mut dyn Sink) -> Result<(), Flow> {
        self.begun = true;
        self.call(engine, out, None, |p, cx| p.begin(cx))
    }

    pub fn process(
        &mut self,
        engine: &mut Engine,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        engine.tick()?;
        let per_record = match &input {
            Some(v) if self.binds_input => match binder::bind_pipeline(&self.sig, &self.binding, v)
            {
                Ok(b) => Some(b),
                Err(e) => {
                    // A binding failure for one input object is non-terminating.
                    let mut r = e.record(&self.sig.name);
                    r.position = self.position.clone();
                    self.failed = true;
                    let r = Rc::new(r);
                    self.errors.push(Value::Error(r.clone()));
                    return engine.report_error(r, self.prefs.error);
                }
            },
            _ => None,
        };
        let bound_now = per_record.as_ref().unwrap_or(&self.binding.bound);
        let missing = binder::missing_mandatory(&self.sig, bound_now, &self.binding.candidate_sets);
        let supplied =
            missing.is_empty() || (per_record.is_none() && self.ask_for(engine, &missing)?);
        if !supplied {
            let e = binder::missing_mandatory_error(&missing);
            return Err(binder::to_flow(&e, &self.sig.name, self.position.clone()));
        }
        self.call(engine, out, per_record.as_ref(), |p, cx| {
            p.process(cx, input)
        })
    }

    /// pwsh's console asks for the mandatory parameters a command first in its pipeline
    /// was not given (powershell.md §2's decision); a host that cannot ask (scripts,
    /// `-Command`) leaves them missing. Returns whether every one was supplied.
    fn ask_for(&mut self, engine: &mut Engine, missing: &[String]) -> Result<bool, Flow> {
        if self.takes_input {
            return Ok(false);
        }
        let mut header = format!(
            "cmdlet {} at command pipeline position 1\nSupply values for the following parameters:\n",
            self.sig.name
        );
        for name in missing {
            let Some(param) = self.sig.find_param(name).cloned() else {
                return Ok(false);
            };
            let answer = engine.host.read_line(&format!("{header}{name}: "));
            header.clear();
            // Ctrl-C while answering stops the command here.
            engine.tick()?;
            let Some(text) = answer.filter(|t| !t.is_empty()) else {
                return Ok(false);
            };
            let value = binder::coerce(&param, Value::str(text))
                .map_err(|e| binder::to_flow(&e, &self.sig.name, self.position.clone()))?;
            self.binding.bound.set_value(name, value);
        }
        Ok(true)
    }

    pub fn end(&mut self, engine: &mut Engine, out: &mut dyn Sink) -> Result<(), Flow> {
        self.call(engine, out, None, |p, cx| p.end(cx))
    }

    /// Runs this stage on its own: begin, process (each input or once), end.
    pub fn run_alone(
        &mut self,
        engine: &mut Engine,
        input: Option<Vec<Value>>,
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        self.begin(engine, out)?;
        match input {
            Some(items) => {
                for v in items {
                    self.process(engine, Some(v), out)?;
                }
            }
            None => self.process(engine, None, out)?,
        }
        self.end(engine, out)?;
        self.finish(engine);
        Ok(())
    }

    /// Stores -ErrorVariable / -WarningVariable / -OutVariable results.
    fn finish(&mut self, engine: &mut Engine) {
        let store =
            |engine: &mut Engine, target: &Option<(String, bool)>, items: &mut Vec<Value>| {
                if let Some((name, append)) = target {
                    let mut all = if *append {
                        convert::to_vec(&engine.get_variable(None, name))
                    } else {
                        Vec::new()
                    };
                    all.append(items);
                    engine.set_variable(None, name, Value::array(all));
                }
            };
        store(engine, &self.error_var, &mut self.errors);
        store(engine, &self.warning_var, &mut self.warnings);
        store(engine, &self.out_var, &mut self.outputs);
    }
}

/// How a command name resolves.
enum Resolved {
    Cmdlet(CommandInfo),
    Script(Rc<ScriptCommand>, bool),
}

impl Engine {
    /// The preferences of a command: common parameters over preference variables.
    fn preferences(&self, common: &[(String, Value)]) -> Preferences {
        let get = |n: &str| common.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let pref_var = |n: &str, default: ActionPreference| {
            self.scopes
                .get(None, n)
                .and_then(|v| ActionPreference::parse(&v.to_string()))
                .unwrap_or(default)
        };
        let action = |param: &str, var: &str| {
            get(param)
                .and_then(|v| ActionPreference::parse(&v.to_string()))
                .unwrap_or_else(|| pref_var(var, ActionPreference::Continue))
        };
        Preferences {
            error: action("ErrorAction", "ErrorActionPreference"),
            warning: action("WarningAction", "WarningPreference"),
            verbose: get("Verbose").map_or_else(
                || {
                    pref_var("VerbosePreference", ActionPreference::SilentlyContinue)
                        == ActionPreference::Continue
                },
                |v| v.is_true(),
            ),
            debug: get("Debug").map_or_else(
                || {
                    pref_var("DebugPreference", ActionPreference::SilentlyContinue)
                        == ActionPreference::Continue
                },
                |v| v.is_true(),
            ),
            what_if: get("WhatIf").map_or_else(
                || {
                    self.scopes
                        .get(None, "WhatIfPreference")
                        .is_some_and(|v| v.is_true())
                },
                |v| v.is_true(),
            ),
            confirm: super::confirm::threshold(
                get("Confirm").map(|v| v.is_true()),
                self.scopes.get(None, "ConfirmPreference").as_ref(),
            ),
        }
    }

    /// Makes a stage from a signature, a processor and its binding.
    fn make_stage(
        &self,
        sig: Rc<Signature>,
        processor: Box<dyn Processor>,
        binding: Binding,
        position: Option<ErrorPosition>,
        binds_input: bool,
    ) -> Stage {
        let prefs = self.preferences(&binding.common);
        let var = |n: &str| {
            binding
                .common
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| var_target(v))
        };
        Stage {
            error_var: var("ErrorVariable"),
            warning_var: var("WarningVariable"),
            out_var: var("OutVariable"),
            sig,
            processor,
            prefs,
            position,
            failed: false,
            begun: false,
            stopped: false,
            takes_input: false,
            binds_input,
            errors: Vec::new(),
            warnings: Vec::new(),
            outputs: Vec::new(),
            error_route: ErrorRoute::Show,
            routes: self.stream_routes,
            catches_exit: false,
            answered: ContinueStatus::default(),
            binding,
        }
    }

    /// A stage for a script command with its arguments bound.
    pub(crate) fn script_stage(
        &mut self,
        cmd: Rc<ScriptCommand>,
        args: Vec<Arg>,
        position: Option<ErrorPosition>,
    ) -> Result<Stage, Flow> {
        let sig = Rc::new(cmd.signature());
        let advanced = cmd.is_advanced();
        let opts = BindOptions {
            common: advanced,
            extra_to_args: !advanced,
        };
        let binding = binder::bind_args(&sig, args, opts)
            .map_err(|e| self.bind_flow(&e, &sig.name, position.clone()))?;
        let processor = cmd.processor(binding.extra.clone(), position.clone());
        Ok(self.make_stage(sig, processor, binding, position, advanced))
    }

    fn bind_flow(
        &self,
        e: &binder::BindError,
        name: &str,
        position: Option<ErrorPosition>,
    ) -> Flow {
        let position = match (e.span, position) {
            (Some(span), Some(p)) => Some(ErrorPosition {
                source: p.source,
                span,
            }),
            (_, p) => p,
        };
        binder::to_flow(e, name, position)
    }

    /// Finds what a command name means: alias → function → cmdlet → script file. A
    /// script file that does not parse is its parse error.
    fn resolve_command(&self, name: &str, dot: bool) -> Option<Result<Resolved, Flow>> {
        let target = self
            .registry
            .resolve_alias(name)
            .unwrap_or(name)
            .to_string();
        if let Some(f) = self.scopes.function(&target) {
            let cmd = ScriptCommand {
                name: f.def.name.clone(),
                ast: f.def.body.clone(),
                source: f.source.clone(),
                params: f
                    .def
                    .params
                    .iter()
                    .cloned()
                    .chain(
                        f.def
                            .body
                            .param_block
                            .iter()
                            .flat_map(|p| p.params.iter().cloned()),
                    )
                    .collect(),
                is_filter: f.def.is_filter,
                is_script: false,
                dot_source: dot,
            };
            return Some(Ok(Resolved::Script(Rc::new(cmd), false)));
        }
        if let Some(info) = self.registry.lookup(&target) {
            return Some(Ok(Resolved::Cmdlet(info.clone())));
        }
        let looks_like_path = name.ends_with(".ps1") || name.contains('/') || name.contains('\\');
        if !looks_like_path {
            return None;
        }
        // Positions and `$PSScriptRoot` name the script by its full path, as pwsh does.
        let path = self.location.resolve_file(name).ok()?;
        let path = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).ok()?;
        let source = Source::new(path, super::encoding::decode(&bytes));
        let ast = match crate::syntax::parser::parse_script(&source.text) {
            Ok(ast) => Rc::new(ast),
            Err(errors) => {
                let first = errors.into_iter().next()?;
                return Some(Err(Flow::Error(Rc::new(ErrorRecord::parse(source, first)))));
            }
        };
        let cmd = ScriptCommand::from_file(ast, source, !dot, dot);
        Some(Ok(Resolved::Script(Rc::new(cmd), !dot)))
    }

    fn not_found(&self, name: &str, span: crate::syntax::ast::Span) -> Flow {
        let mut r = ErrorRecord::new(
            format!(
                "The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
            ),
            "CommandNotFoundException",
            ErrorCategory::ObjectNotFound,
        );
        r.exception_type = "System.Management.Automation.CommandNotFoundException".into();
        r.command = Some(name.to_string());
        r.target = Some(name.to_string());
        r.position = self.position(span);
        Flow::Error(Rc::new(r))
    }

    /// Evaluates a command's arguments (splatting expands here).
    fn eval_args(&mut self, elements: &[CommandElement]) -> Result<Vec<Arg>, Flow> {
        let mut args = Vec::new();
        for el in elements {
            match el {
                CommandElement::Parameter {
                    name,
                    colon_arg,
                    span,
                    ..
                } => {
                    let value = match colon_arg {
                        Some(e) => Some(self.eval_expr(e)?),
                        None => None,
                    };
                    args.push(Arg::Named {
                        name: name.clone(),
                        value,
                        span: *span,
                    });
                }
                CommandElement::Argument(e) => {
                    if let ExprKind::Splat(v) = &e.kind {
                        match self.get_variable(v.scope.as_deref(), &v.name) {
                            Value::Hashtable(h) => {
                                for (k, val) in h.borrow().iter() {
                                    args.push(Arg::Named {
                                        name: k.to_string(),
                                        value: Some(val.clone()),
                                        span: e.span,
                                    });
                                }
                            }
                            Value::Array(a) => {
                                for val in a.borrow().iter() {
                                    args.push(Arg::Positional {
                                        value: val.clone(),
                                        span: e.span,
                                    });
                                }
                            }
                            Value::Null => {}
                            other => args.push(Arg::Positional {
                                value: other,
                                span: e.span,
                            }),
                        }
                        continue;
                    }
                    let value = self.eval_expr(e)?;
                    args.push(Arg::Positional {
                        value,
                        span: e.span,
                    });
                }
                CommandElement::StopParsing(text, span) => args.push(Arg::Positional {
                    value: Value::str(text),
                    span: *span,
                }),
            }
        }
        Ok(args)
    }

    /// Builds the stage of one command element.
    fn build_stage(&mut self, c: &Command) -> Result<Stage, Flow> {
        let position = self.position(c.span);
        let dot = c.invocation == Invocation::DotSource;
        let resolved = match &c.name {
            CommandName::Bare(name) => self
                .resolve_command(name, dot)
                .ok_or_else(|| self.not_found(name, c.span))??,
            CommandName::Expr(e) => match self.eval_expr(e)? {
                Value::ScriptBlock(sb) => {
                    Resolved::Script(Rc::new(ScriptCommand::from_block(&sb, dot)), false)
                }
                Value::Null => {
                    return Err(self.runtime_error(
                        "The expression after '&' in a pipeline element produced an object that was not valid. It must result in a command name, a script block, or a CommandInfo object.",
                        "BadExpression",
                        e.span,
                    ));
                }
                other => {
                    let name = other.to_string();
                    self.resolve_command(&name, dot)
                        .ok_or_else(|| self.not_found(&name, c.span))??
                }
            },
        };
        let args = self.eval_args(&c.elements)?;
        let mut stage = match resolved {
            Resolved::Cmdlet(info) => {
                let opts = BindOptions {
                    common: true,
                    extra_to_args: false,
                };
                let binding = binder::bind_args(&info.sig, args, opts)
                    .map_err(|e| self.bind_flow(&e, &info.sig.name, position.clone()))?;
                let takes_pipeline = info
                    .sig
                    .params
                    .iter()
                    .any(|p| p.from_pipeline || p.from_pipeline_by_name);
                self.make_stage(
                    info.sig.clone(),
                    (info.factory)(),
                    binding,
                    position,
                    takes_pipeline,
                )
            }
            Resolved::Script(cmd, is_file) => {
                let mut s = self.script_stage(cmd, args, position)?;
                s.catches_exit = is_file;
                s
            }
        };
        for r in &c.redirections {
            self.apply_redirection(&mut stage, r)?;
        }
        Ok(stage)
    }

    fn apply_redirection(&mut self, stage: &mut Stage, r: &Redirection) -> Result<(), Flow> {
        let route = match &r.target {
            RedirectTarget::Merge(_) => StreamRoute::Output,
            RedirectTarget::File { path, .. } if self.eval_expr(path)?.is_null() => {
                StreamRoute::Discard
            }
            RedirectTarget::File { .. } => return Ok(()),
        };
        stage.routes.set(r.from, route);
        if route == StreamRoute::Discard
            && matches!(r.from, RedirectStream::Error | RedirectStream::All)
        {
            stage.error_route = ErrorRoute::Discard;
        }
        Ok(())
    }

    /// Runs a pipeline, its output to `out`; `$?` reflects whether every command
    /// succeeded.
    pub fn run_pipeline(&mut self, p: &Pipeline, out: &mut dyn Sink) -> Result<(), Flow> {
        // `[void](...)` alone as a statement outputs nothing.
        if let [PipelineElement::Expression { expr, redirections }] = p.elements.as_slice()
            && redirections.is_empty()
            && let ExprKind::Cast { ty, .. } = &expr.kind
            && convert::canonical_type(&ty.name).as_deref() == Some("System.Void")
        {
            self.eval_expr(expr)?;
            self.last_success = true;
            return Ok(());
        }
        // A method call that returns nothing (`$list.Add(1)`, `$h.Remove('k')`) outputs
        // nothing, as a void .NET method does.
        if let [PipelineElement::Expression { expr, redirections }] = p.elements.as_slice()
            && redirections.is_empty()
            && matches!(expr.kind, ExprKind::MethodCall { .. })
        {
            let v = self.eval_expr(expr)?;
            self.last_success = true;
            return match v {
                Value::Null => Ok(()),
                Value::Array(a) => {
                    let items = a.borrow().clone();
                    items.into_iter().try_for_each(|i| out.write(self, i))
                }
                v => out.write(self, v),
            };
        }
        // `$n++` / `--$n` alone as a statement changes the variable and outputs nothing.
        if let [PipelineElement::Expression { expr, redirections }] = p.elements.as_slice()
            && let ExprKind::Unary { op, .. } = &expr.kind
            && redirections.is_empty()
            && matches!(
                op,
                UnaryOp::PreIncrement
                    | UnaryOp::PreDecrement
                    | UnaryOp::PostIncrement
                    | UnaryOp::PostDecrement
            )
        {
            self.eval_expr(expr)?;
            self.last_success = true;
            return Ok(());
        }
        let mut input: Option<&crate::syntax::ast::Expr> = None;
        let mut output_redirect: Option<&Redirection> = None;
        let mut stages: Vec<Stage> = Vec::new();
        let count = p.elements.len();
        for (i, el) in p.elements.iter().enumerate() {
            match el {
                PipelineElement::Expression { expr, redirections } => {
                    if i != 0 {
                        return Err(self.runtime_error(
                            "Expressions are only allowed as the first element of a pipeline.",
                            "ExpressionsMustBeFirstInPipeline",
                            expr.span,
                        ));
                    }
                    input = Some(expr);
                    if count == 1 {
                        output_redirect = redirections.iter().find(|r| is_output_redirect(r));
                    }
                }
                PipelineElement::Command(c) => {
                    let mut stage = self.build_stage(c)?;
                    stage.takes_input = i > 0;
                    if i + 1 == count {
                        output_redirect = c.redirections.iter().find(|r| is_output_redirect(r));
                    }
                    stages.push(stage);
                }
            }
        }
        let mut file_sink: Vec<Value> = Vec::new();
        let mut discard = Discard;
        let redirect_target = match output_redirect {
            Some(r) => match &r.target {
                RedirectTarget::File { path, append } => {
                    let text = self.eval_expr(path)?;
                    if text.is_null() {
                        None
                    } else {
                        match self.location.resolve_file(&text.to_string()) {
                            Ok(full) => Some((full.to_string_lossy().into_owned(), *append)),
                            Err(e) => {
                                // Redirection is Out-File's work, and its error is.
                                let (message, id) = e.message();
                                let mut r = ErrorRecord::new(
                                    message,
                                    format!("{id},Out-File"),
                                    ErrorCategory::ObjectNotFound,
                                );
                                r.command = Some("Out-File".into());
                                r.target = Some(e.drive().to_string());
                                r.position = self.position(path.span);
                                return Err(Flow::Error(Rc::new(r)));
                            }
                        }
                    }
                }
                RedirectTarget::Merge(_) => None,
            },
            None => None,
        };
        let final_sink: &mut dyn Sink = match (output_redirect, &redirect_target) {
            (Some(_), Some(_)) => &mut file_sink,
            (Some(r), None) if matches!(r.target, RedirectTarget::File { .. }) => &mut discard,
            _ => out,
        };
        let result = self.drive(input, &mut stages, final_sink);
        let failed = stages.iter().any(|s| s.failed);
        for s in &mut stages {
            s.finish(self);
        }
        if let Some((path, append)) = redirect_target {
            let mut text = String::new();
            for v in &file_sink {
                text.push_str(&v.to_string());
                text.push('\n');
            }
            let written = if append {
                use std::io::Write;
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .and_then(|mut f| f.write_all(text.as_bytes()))
            } else {
                std::fs::write(&path, text)
            };
            if let Err(e) = written {
                return Err(self.runtime_error(
                    format!("Could not write to '{path}': {e}"),
                    "FileOpenFailure",
                    p.span,
                ));
            }
        }
        result?;
        self.last_success = !failed;
        Ok(())
    }

    fn drive(
        &mut self,
        input: Option<&crate::syntax::ast::Expr>,
        stages: &mut [Stage],
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        for i in 0..stages.len() {
            let (head, rest) = stages[i..].split_at_mut(1);
            if !head[0].begun {
                let mut chain = Chain {
                    stages: rest,
                    last: &mut *out,
                };
                head[0].begin(self, &mut chain)?;
            }
        }
        let fed = match input {
            Some(expr) => self.feed(expr, stages, out),
            None => match stages.split_first_mut() {
                Some((first, rest)) => {
                    let mut chain = Chain {
                        stages: rest,
                        last: &mut *out,
                    };
                    let r = first.process(self, None, &mut chain);
                    if matches!(r, Err(Flow::StopUpstream)) && !rest.iter().any(|s| s.stopped) {
                        first.stopped = true;
                    }
                    r
                }
                None => Ok(()),
            },
        };
        // After a StopUpstream only the command that asked and those after it end.
        let first_to_end = match fed {
            Ok(()) => 0,
            // (Not one of ours: a later pipeline this one feeds asked; pass it on.)
            Err(Flow::StopUpstream) => match stages.iter().position(|s| s.stopped) {
                Some(i) => i,
                None => return Err(Flow::StopUpstream),
            },
            Err(e) => return Err(e),
        };
        let mut i = first_to_end;
        while i < stages.len() {
            let (head, rest) = stages[i..].split_at_mut(1);
            let mut chain = Chain {
                stages: rest,
                last: &mut *out,
            };
            match head[0].end(self, &mut chain) {
                Ok(()) => i += 1,
                // Output from an end block made a later command stop: end from that one.
                Err(Flow::StopUpstream) => match rest.iter().position(|s| s.stopped) {
                    Some(j) => i += 1 + j,
                    None => return Err(Flow::StopUpstream),
                },
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

impl Engine {
    /// Sends a pipeline's input expression down the stages, element by element. A range
    /// (`1..1000000`) is counted out lazily rather than built first.
    fn feed(
        &mut self,
        expr: &crate::syntax::ast::Expr,
        stages: &mut [Stage],
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        let mut chain = Chain { stages, last: out };
        if let ExprKind::Binary {
            op: crate::syntax::ast::BinaryOp::Range,
            left,
            right,
        } = &expr.kind
        {
            let l = self.eval_expr(left)?;
            let r = self.eval_expr(right)?;
            let numeric = convert::is_number(&l) && convert::is_number(&r);
            if let (true, Ok(a), Ok(b)) = (numeric, convert::to_i32(&l), convert::to_i32(&r)) {
                let step: i64 = if a <= b { 1 } else { -1 };
                let mut i = i64::from(a);
                loop {
                    chain.write(self, Value::Int(i32::try_from(i).unwrap_or(0)))?;
                    if i == i64::from(b) {
                        return Ok(());
                    }
                    i += step;
                }
            }
            let items = super::ops::range(&l, &r)
                .map_err(|e| self.runtime_error(e.message, e.id, expr.span))?;
            return self.feed_value(items, &mut chain);
        }
        let value = self.eval_expr(expr)?;
        self.feed_value(value, &mut chain)
    }

    fn feed_value(&mut self, value: Value, chain: &mut Chain) -> Result<(), Flow> {
        match value {
            Value::Array(a) => {
                let items = a.borrow().clone();
                for v in items {
                    chain.write(self, v)?;
                }
                Ok(())
            }
            v => chain.write(self, v),
        }
    }
}

fn is_output_redirect(r: &Redirection) -> bool {
    matches!(r.from, RedirectStream::Output | RedirectStream::All)
        && matches!(r.target, RedirectTarget::File { .. })
}

/// The end of every top-level pipeline: the registered Out-Default, fed object by object
/// (so a script's output appears as it is produced). Without one registered, each value
/// prints as its text on its own line.
pub struct OutDefaultSink {
    stage: Option<Stage>,
}

impl Engine {
    /// A sink that sends objects to Out-Default (looked up by name in the registry, so
    /// a fuller implementation replaces the plain one by registering the same name).
    pub fn out_default_sink(&mut self) -> OutDefaultSink {
        let stage = self
            .registry
            .lookup("Out-Default")
            .cloned()
            .and_then(|info| {
                let binding = binder::bind_args(
                    &info.sig,
                    Vec::new(),
                    BindOptions {
                        common: true,
                        extra_to_args: false,
                    },
                )
                .ok()?;
                let takes = info.sig.params.iter().any(|p| p.from_pipeline);
                let mut s =
                    self.make_stage(info.sig.clone(), (info.factory)(), binding, None, takes);
                s.takes_input = true;
                Some(s)
            });
        OutDefaultSink { stage }
    }
}

impl Sink for OutDefaultSink {
    fn write(&mut self, engine: &mut Engine, value: Value) -> Result<(), Flow> {
        match self.stage.as_mut() {
            Some(stage) => {
                if !stage.begun {
                    stage.begin(engine, &mut Discard)?;
                }
                stage.process(engine, Some(value), &mut Discard)
            }
            None => {
                if !value.is_null() {
                    engine.host_line(&value.to_string());
                }
                Ok(())
            }
        }
    }
}

impl OutDefaultSink {
    /// Flushes what Out-Default still holds (a table waiting for more rows).
    pub fn finish(&mut self, engine: &mut Engine) -> Result<(), Flow> {
        match self.stage.as_mut() {
            Some(stage) if stage.begun => {
                stage.begun = false;
                stage.end(engine, &mut Discard)
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::command::{
        CommandInfo, Ctx, Flow, Param, ParamType, Processor, Registry, Signature,
    };
    use crate::engine::session::run_to_string;
    use crate::engine::value::Value;

    /// Passes on its first input and then asks for no more (like Select-Object -First 1).
    struct TakeOne;

    impl Processor for TakeOne {
        fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
            cx.write(input.unwrap_or(Value::Null))?;
            Err(cx.stop_upstream())
        }
        fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
            cx.host("take-one ended\n");
            Ok(())
        }
    }

    /// Writes one object, after keeping in `$told` what the command after it reads of
    /// its output.
    struct TellReads;

    impl Processor for TellReads {
        fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
            let reads = match cx.output_reads() {
                Some(names) => names.join(","),
                None => "whole".to_string(),
            };
            cx.engine
                .scopes
                .set_global("told", Value::str(reads.clone()));
            let mut object = crate::engine::object::PsObject::custom();
            object.set("Name", Value::str(reads));
            object.set("Size", Value::Int(1));
            cx.write(Value::object(object))
        }
    }

    /// Takes a piped object only for its name (as an Exchange Set-* takes an identity),
    /// and writes what it was given.
    struct ByName;

    impl Processor for ByName {
        fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
            let given = cx.param("Identity").cloned().unwrap_or(Value::Null);
            cx.write(given)
        }
    }

    fn registry() -> Registry {
        let mut r = crate::commands::builtin_registry();
        let sig = Signature::new("Take-One")
            .param(Param::new("InputObject", ParamType::Any).from_pipeline());
        r.register(CommandInfo::new(sig, || Box::new(TakeOne)));
        r.register(CommandInfo::new(Signature::new("Tell-Reads"), || {
            Box::new(TellReads)
        }));
        let sig = Signature::new("Use-Name")
            .param(Param::new("Identity", ParamType::Any).from_pipeline())
            .param(Param::new("Note", ParamType::Any))
            .reads_input(vec!["Name".to_string()]);
        r.register(CommandInfo::new(sig, || Box::new(ByName)));
        r
    }

    #[test]
    fn a_producer_learns_what_the_next_command_reads_of_its_objects() {
        let told = |script: &str| run_to_string(registry(), &format!("{script} | Out-Null; $told"));
        assert_eq!(told("Tell-Reads"), "whole\n", "shown: every property");
        assert_eq!(told("Tell-Reads | Take-One"), "take-one ended\nwhole\n");
        assert_eq!(told("Tell-Reads | Use-Name"), "Name\n");
        assert_eq!(
            told("Tell-Reads | ForEach-Object { $_ } | Use-Name"),
            "whole\n"
        );
        assert_eq!(
            told("Tell-Reads -OutVariable seen | Use-Name"),
            "whole\n",
            "-OutVariable keeps the whole objects"
        );
        assert_eq!(
            told("Tell-Reads | Use-Name -Note { $_.Extra }"),
            "whole\n",
            "a script block argument may read anything of $_"
        );
        assert_eq!(told("Tell-Reads | Use-Name -Note 1"), "Name\n");
        // Counting reads nothing; measuring or selecting by plain names reads those.
        assert_eq!(told("Tell-Reads | Measure-Object"), "\n");
        assert_eq!(
            run_to_string(
                registry(),
                "try { Tell-Reads | Measure-Object -Sum } catch {}; $told"
            ),
            "whole\n",
            "its error names the whole object"
        );
        assert_eq!(told("Tell-Reads | Measure-Object Size -Sum"), "Size\n");
        assert_eq!(told("Tell-Reads | Select-Object Name, Size"), "Name,Size\n");
        assert_eq!(
            told("Tell-Reads | Select-Object Name -ExpandProperty Size"),
            "Name,Size\n"
        );
        assert_eq!(told("Tell-Reads | Select-Object Na*"), "whole\n");
        assert_eq!(
            told("Tell-Reads | Select-Object @{n='N'; e={$_.Size}}"),
            "whole\n"
        );
        assert_eq!(told("Tell-Reads | Select-Object -First 1"), "whole\n");
        let selected = run_to_string(
            registry(),
            "Tell-Reads | Select-Object -ExpandProperty Name",
        );
        assert_eq!(selected, "Name\n", "the object still has what was read");
    }

    #[test]
    fn stop_upstream_ends_the_producer_early() {
        let out = run_to_string(
            registry(),
            "function Gen { 'a'; Write-Host 'after a'; 'b' }; Gen | Take-One | ForEach-Object { \"got $_\" }; 'next'",
        );
        assert_eq!(out, "got a\ntake-one ended\nnext\n");
    }

    #[test]
    fn ranges_stream_lazily() {
        let out = run_to_string(registry(), "1..2000000000 | Take-One");
        assert_eq!(out, "1\ntake-one ended\n");
    }
}
