//! Commands written in PowerShell: functions, filters, script blocks run with `&`, and
//! script files. Their `param()` becomes a [`Signature`] so the one binder serves cmdlets
//! and scripts alike; their begin/process/end blocks run as a [`Processor`] in a scope of
//! their own that lives from begin to end.

use std::rc::Rc;

use super::command::{Ctx, Flow, Param, ParamType, Processor, Signature};
use super::confirm::{self, ConfirmImpact, ContinueStatus, Decision, Unanswered};
use super::convert;
use super::error::{ErrorCategory, ErrorRecord};
use super::runtime::Engine;
use super::scope::Scope;
use super::value::{Hashtable, ScriptBlockValue, Value};
use crate::syntax::ast::{Attribute, ExprKind, ParameterDecl, ScriptBlock, Source, StatementBlock};

/// The type name of `$PSCmdlet` in an advanced function; its methods
/// (`ShouldProcess`, ...) are the engine's ([`Engine::cmdlet_method`]).
pub const PSCMDLET_TYPE: &str = "System.Management.Automation.PSScriptCmdlet";

/// An advanced function being run, for its `$PSCmdlet.ShouldProcess`: its name (the
/// default action), its ConfirmImpact and the last answer of this invocation.
#[derive(Debug, Clone, Default)]
pub struct CmdletFrame {
    pub name: String,
    pub impact: ConfirmImpact,
    pub answered: ContinueStatus,
}

/// A command defined by script text.
#[derive(Debug)]
pub struct ScriptCommand {
    /// The function name, or the script path, or empty for a script block.
    pub name: String,
    pub ast: Rc<ScriptBlock>,
    pub source: Rc<Source>,
    /// `function f($a)` parameters followed by the body's `param()` ones.
    pub params: Vec<ParameterDecl>,
    pub is_filter: bool,
    /// A script file: its scope is the script scope, and `exit` ends only it.
    pub is_script: bool,
    /// Dot-sourced (`. $sb`, `. ./x.ps1`): runs in the caller's scope.
    pub dot_source: bool,
}

impl ScriptCommand {
    /// A script file run as a command: named by its path, its `param()` its parameters.
    /// `is_script` gives it the script scope; `dot_source` runs it in the caller's.
    pub fn from_file(
        ast: Rc<ScriptBlock>,
        source: Rc<Source>,
        is_script: bool,
        dot_source: bool,
    ) -> ScriptCommand {
        ScriptCommand {
            name: source.name.clone(),
            params: ast
                .param_block
                .as_ref()
                .map(|p| p.params.clone())
                .unwrap_or_default(),
            ast,
            source,
            is_filter: false,
            is_script,
            dot_source,
        }
    }

    /// A script block value run as a command (`& { ... }`, `. { ... }`, `$sb.Invoke()`).
    pub fn from_block(sb: &ScriptBlockValue, dot_source: bool) -> ScriptCommand {
        ScriptCommand {
            name: String::new(),
            ast: sb.ast.clone(),
            source: sb.source.clone(),
            params: sb
                .ast
                .param_block
                .as_ref()
                .map(|p| p.params.clone())
                .unwrap_or_default(),
            is_filter: false,
            is_script: false,
            dot_source,
        }
    }
}

fn attr_named<'a>(a: &'a Attribute, name: &str) -> Option<&'a Option<crate::syntax::ast::Expr>> {
    a.named
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// A literal attribute argument's value (`Mandatory`, `Mandatory=$true`, `Position=0`).
fn attr_literal(v: &Option<crate::syntax::ast::Expr>) -> Value {
    match v {
        None => Value::Bool(true),
        Some(e) => match &e.kind {
            ExprKind::Number(n) => super::expr::number_value(*n),
            ExprKind::Unary {
                op: crate::syntax::ast::UnaryOp::Negate,
                operand,
            } => match &operand.kind {
                ExprKind::Number(n) => super::ops::numeric(
                    super::ops::Arith::Sub,
                    &Value::Int(0),
                    &super::expr::number_value(*n),
                )
                .unwrap_or(Value::Null),
                _ => Value::Null,
            },
            ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("false") => Value::Bool(false),
            ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("true") => Value::Bool(true),
            ExprKind::StringLiteral(s) | ExprKind::BareWord(s) => Value::str(s),
            // `[System.Management.Automation.ConfirmImpact]::High`: the member's name.
            ExprKind::Member {
                member,
                is_static: true,
                ..
            } => match &member.kind {
                ExprKind::StringLiteral(s) | ExprKind::BareWord(s) => Value::str(s),
                _ => Value::Bool(true),
            },
            ExprKind::ExpandableString(parts) => Value::str(
                parts
                    .iter()
                    .map(|p| match p {
                        crate::syntax::ast::StringPart::Literal(t) => t.as_str(),
                        _ => "",
                    })
                    .collect::<String>(),
            ),
            _ => Value::Bool(true),
        },
    }
}

/// A validation attribute as a check (`[ValidateSet('a','b')]`, `[ValidateRange(1,5)]`,
/// `[ValidatePattern('^x')]`, `[ValidateNotNull()]`, `[ValidateNotNullOrEmpty()]`).
fn validation(a: &Attribute) -> Option<super::command::Validation> {
    use super::command::Validation;
    let literals: Vec<Value> = a
        .positional
        .iter()
        .flat_map(|e| match &e.kind {
            ExprKind::ArrayLiteral(items) => items
                .iter()
                .map(|i| attr_literal(&Some(i.clone())))
                .collect(),
            _ => vec![attr_literal(&Some(e.clone()))],
        })
        .collect();
    let number = |i: usize| literals.get(i).and_then(|v| convert::to_f64(v).ok());
    Some(match a.name.to_ascii_lowercase().as_str() {
        "validateset" => Validation::Set(literals.iter().map(|v| v.to_string()).collect()),
        "validatenotnullorempty" => Validation::NotNullOrEmpty,
        "validatenotnull" => Validation::NotNull,
        "validaterange" => Validation::Range(number(0)?, number(1)?),
        "validatepattern" => Validation::Pattern(literals.first()?.to_string()),
        _ => return None,
    })
}

/// The binder's type for a declared type name, and the name shown in messages.
fn param_type(decl: &ParameterDecl) -> (ParamType, String) {
    let Some(t) = decl.types.last() else {
        return (ParamType::Any, "System.Object".into());
    };
    let canonical = convert::canonical_type(&t.name).unwrap_or_else(|| t.name.clone());
    let ty = match canonical.as_str() {
        "System.String" => ParamType::String,
        "System.String[]" => ParamType::StringArray,
        "System.Boolean" => ParamType::Bool,
        "System.Management.Automation.SwitchParameter" => ParamType::Switch,
        "System.Int32" => ParamType::Int,
        "System.Int32[]" => ParamType::IntArray,
        "System.Int64" => ParamType::Long,
        "System.Double" => ParamType::Double,
        "System.Decimal" => ParamType::Decimal,
        "System.DateTime" => ParamType::DateTime,
        "System.Guid" => ParamType::Guid,
        "System.Collections.Hashtable" => ParamType::Hashtable,
        "System.Management.Automation.ScriptBlock" => ParamType::ScriptBlock,
        "System.Management.Automation.ScriptBlock[]" => ParamType::ScriptBlockArray,
        "System.Object[]" | "System.Array" => ParamType::AnyArray,
        _ => ParamType::Any,
    };
    (ty, canonical)
}

impl ScriptCommand {
    /// `[CmdletBinding()]` or any `[Parameter()]`: common parameters, strict binding.
    pub fn is_advanced(&self) -> bool {
        self.ast
            .attributes
            .iter()
            .any(|a| a.name.eq_ignore_ascii_case("CmdletBinding"))
            || self.params.iter().any(|p| {
                p.attributes
                    .iter()
                    .any(|a| a.name.eq_ignore_ascii_case("Parameter"))
            })
    }

    fn supports_should_process(&self) -> bool {
        self.ast.attributes.iter().any(|a| {
            a.name.eq_ignore_ascii_case("CmdletBinding")
                && attr_named(a, "SupportsShouldProcess").is_some_and(|v| attr_literal(v).is_true())
        })
    }

    /// `[CmdletBinding(ConfirmImpact = 'High')]`; Medium when not declared (or not a
    /// level's name).
    fn confirm_impact(&self) -> ConfirmImpact {
        self.ast
            .attributes
            .iter()
            .filter(|a| a.name.eq_ignore_ascii_case("CmdletBinding"))
            .find_map(|a| attr_named(a, "ConfirmImpact"))
            .and_then(|v| ConfirmImpact::parse(&attr_literal(v).to_string()))
            .unwrap_or_default()
    }

    /// The signature the binder uses.
    pub fn signature(&self) -> Signature {
        let mut sig = Signature::new(&self.name).confirm_impact(self.confirm_impact());
        if self.supports_should_process() {
            sig = sig.supports_should_process();
        }
        if let Some(d) = self.ast.attributes.iter().find_map(|a| {
            attr_named(a, "DefaultParameterSetName").map(|v| attr_literal(v).to_string())
        }) {
            sig = sig.default_set(&d);
        }
        let explicit_positions = self.params.iter().any(|p| {
            p.attributes
                .iter()
                .any(|a| attr_named(a, "Position").is_some())
        });
        let mut next_position = 0;
        for decl in &self.params {
            let (ty, type_name) = param_type(decl);
            let mut p = Param::new(&decl.name, ty).type_name(&type_name);
            for a in &decl.attributes {
                if a.name.eq_ignore_ascii_case("Parameter") {
                    for (n, v) in &a.named {
                        let v = attr_literal(v);
                        match n.to_ascii_lowercase().as_str() {
                            "mandatory" => p.mandatory = v.is_true(),
                            "position" => {
                                p.position = convert::to_i32(&v)
                                    .ok()
                                    .and_then(|i| usize::try_from(i).ok())
                            }
                            "valuefrompipeline" => p.from_pipeline = v.is_true(),
                            "valuefrompipelinebypropertyname" => {
                                p.from_pipeline_by_name = v.is_true()
                            }
                            "valuefromremainingarguments" => p.remaining = v.is_true(),
                            "parametersetname" => p.sets.push(v.to_string()),
                            "helpmessage" => p.help = v.to_string(),
                            _ => {}
                        }
                    }
                } else if let Some(check) = validation(a) {
                    p.validate.push(check);
                } else if a.name.eq_ignore_ascii_case("Alias") {
                    for e in &a.positional {
                        if let ExprKind::StringLiteral(s) | ExprKind::BareWord(s) = &e.kind {
                            p.aliases.push(s.clone());
                        } else if let ExprKind::ArrayLiteral(items) = &e.kind {
                            for i in items {
                                if let ExprKind::StringLiteral(s) = &i.kind {
                                    p.aliases.push(s.clone());
                                }
                            }
                        }
                    }
                }
            }
            if !explicit_positions && !p.is_switch() && p.position.is_none() {
                p.position = Some(next_position);
                next_position += 1;
            }
            sig = sig.param(p);
        }
        sig
    }

    /// Builds a processor for one invocation; `extra` becomes `$args`.
    pub fn processor(
        self: &Rc<Self>,
        extra: Vec<Value>,
        call: Option<super::error::ErrorPosition>,
    ) -> Box<dyn Processor> {
        Box::new(ScriptProcessor {
            cmd: self.clone(),
            scope: Some(Scope::default()),
            extra,
            input: Vec::new(),
            last_bound: Vec::new(),
            call,
        })
    }
}

/// Runs a [`ScriptCommand`]'s blocks.
struct ScriptProcessor {
    cmd: Rc<ScriptCommand>,
    /// The command's own scope between blocks (`None` while a block runs, or always for
    /// a dot-sourced command).
    scope: Option<Scope>,
    extra: Vec<Value>,
    /// Pipeline input, for `$input` in an end block when there is no process block.
    input: Vec<Value>,
    /// Pipeline-bound parameters of the last input, for an end block without a process
    /// block (pwsh leaves the last bound value in the variable).
    last_bound: Vec<(String, Value)>,
    call: Option<super::error::ErrorPosition>,
}

impl ScriptProcessor {
    /// Runs one block in the command's scope with `$_` set.
    fn run(
        &mut self,
        cx: &mut Ctx,
        block: &StatementBlock,
        vars: Vec<(String, Value)>,
        first: bool,
    ) -> Result<(), Flow> {
        let engine = &mut *cx.engine;
        if engine.depth >= engine.max_depth {
            let mut r = ErrorRecord::new(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
                ErrorCategory::InvalidOperation,
            );
            r.exception_type = "System.Management.Automation.ScriptCallDepthException".into();
            r.position = self.call.clone();
            return Err(Flow::Throw(Rc::new(r)));
        }
        let pushed = !self.cmd.dot_source;
        if pushed {
            engine
                .scopes
                .push_scope(self.scope.take().unwrap_or_default());
        }
        let previous_script = self.cmd.is_script.then(|| engine.scopes.mark_script());
        let previous_source = std::mem::replace(&mut engine.source, self.cmd.source.clone());
        engine.depth += 1;
        let is_function = !self.cmd.is_script && !self.cmd.name.is_empty();
        if is_function {
            engine
                .invocations
                .push((self.cmd.name.clone(), self.call.clone()));
        }
        // `$PSCmdlet.ShouldProcess` answers for this invocation.
        let advanced = self.cmd.is_advanced();
        if advanced {
            engine.cmdlet_frames.push(CmdletFrame {
                name: self.cmd.name.clone(),
                impact: cx.sig.confirm_impact,
                answered: *cx.answered,
            });
        }

        if first {
            self.bind_variables(engine, cx.args);
        } else {
            for (n, v) in &cx.args.values {
                engine.scopes.set(None, n, v.clone());
            }
        }
        for (n, v) in vars {
            engine.scopes.set(None, &n, v);
        }
        if first && !self.cmd.dot_source {
            set_preference_variables(engine, &cx.prefs);
        }
        let result = engine.exec_block(block, &mut *cx.out);

        if advanced && let Some(frame) = engine.cmdlet_frames.pop() {
            *cx.answered = frame.answered;
        }
        if is_function {
            engine.invocations.pop();
        }
        engine.depth -= 1;
        engine.source = previous_source;
        if let Some(p) = previous_script {
            engine.scopes.restore_script(p);
        }
        if pushed {
            self.scope = Some(engine.scopes.pop_scope());
        }
        match result {
            Err(Flow::Return) => Ok(()),
            other => other,
        }
    }

    /// Sets the parameters' variables: bound values, else defaults (evaluated in the
    /// command's scope, so they can refer to earlier parameters), else `$null` or a false
    /// switch; plus `$args`, `$PSBoundParameters`, `$PSScriptRoot` for scripts.
    fn bind_variables(&self, engine: &mut Engine, bound: &super::command::Bound) {
        let mut psbound = Hashtable::new(false);
        for decl in &self.cmd.params {
            let value = match bound.get(&decl.name) {
                Some(v) => {
                    psbound.insert(Value::str(&decl.name), v.clone());
                    v.clone()
                }
                None => match &decl.default {
                    Some(e) => engine.eval_expr(e).unwrap_or(Value::Null),
                    None => match param_type(decl).0 {
                        ParamType::Switch => Value::Bool(false),
                        ParamType::String => Value::str(""),
                        ParamType::Int | ParamType::Long => Value::Int(0),
                        ParamType::Bool => Value::Bool(false),
                        _ => Value::Null,
                    },
                },
            };
            engine.scopes.set(None, &decl.name, value);
        }
        engine
            .scopes
            .set(None, "PSBoundParameters", Value::hashtable(psbound));
        if self.cmd.is_advanced() {
            let mut cmdlet = super::object::PsObject::new(vec![PSCMDLET_TYPE.to_string()]);
            cmdlet.set(
                "ParameterSetName",
                Value::str(
                    bound
                        .set
                        .clone()
                        .unwrap_or_else(|| super::command::ALL_SETS.into()),
                ),
            );
            cmdlet.set("CommandName", Value::str(&self.cmd.name));
            engine.scopes.set(None, "PSCmdlet", Value::object(cmdlet));
        }
        engine
            .scopes
            .set(None, "args", Value::array(self.extra.clone()));
        let mut command = super::object::PsObject::new(vec![
            "System.Management.Automation.CommandInfo".to_string(),
        ]);
        let (name, kind) = if self.cmd.is_script {
            let file = std::path::Path::new(&self.cmd.source.name)
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
            command.set("Path", Value::str(&self.cmd.source.name));
            (file, "ExternalScript")
        } else if self.cmd.name.is_empty() {
            (String::new(), "Script")
        } else {
            (self.cmd.name.clone(), "Function")
        };
        command.set("Name", Value::str(&name));
        command.set("CommandType", Value::str(kind));
        let mut invocation = super::object::PsObject::new(vec![
            "System.Management.Automation.InvocationInfo".to_string(),
        ]);
        invocation.set("MyCommand", Value::object(command));
        invocation.set("InvocationName", Value::str(&name));
        invocation.set("ScriptName", Value::str(&engine.source.name));
        invocation.set(
            "BoundParameters",
            engine
                .scopes
                .get(None, "PSBoundParameters")
                .unwrap_or(Value::Null),
        );
        invocation.set("UnboundArguments", Value::array(self.extra.clone()));
        engine
            .scopes
            .set(None, "MyInvocation", Value::object(invocation));
        if self.cmd.is_script {
            let path = std::path::Path::new(&self.cmd.source.name);
            let root = path
                .parent()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default();
            engine.scopes.set(None, "PSScriptRoot", Value::str(root));
            engine
                .scopes
                .set(None, "PSCommandPath", Value::str(&self.cmd.source.name));
        }
    }
}

/// An advanced function's common parameters (`-Verbose`, `-ErrorAction Stop`, ...) become
/// its scope's preference variables, so the commands it runs follow them.
fn set_preference_variables(engine: &mut Engine, prefs: &super::command::Preferences) {
    use super::runtime::ActionPreference::{Continue, SilentlyContinue};
    let on_off = |on: bool| {
        if on {
            Continue.name()
        } else {
            SilentlyContinue.name()
        }
    };
    let wanted = [
        ("ErrorActionPreference", prefs.error.name()),
        ("WarningPreference", prefs.warning.name()),
        ("VerbosePreference", on_off(prefs.verbose)),
        ("DebugPreference", on_off(prefs.debug)),
    ];
    for (name, value) in wanted {
        let current = engine.scopes.get(None, name).map(|v| v.to_string());
        if current.is_none_or(|c| !c.eq_ignore_ascii_case(value)) {
            engine.scopes.set(None, name, Value::str(value));
        }
    }
    // `-WhatIf[:$false]` and `-Confirm[:$false]` become the function's own
    // `$WhatIfPreference` and `$ConfirmPreference` (Low or None), as pwsh sets them.
    let what_if = engine
        .scopes
        .get(None, "WhatIfPreference")
        .is_some_and(|v| v.is_true());
    if what_if != prefs.what_if {
        engine
            .scopes
            .set(None, "WhatIfPreference", Value::Bool(prefs.what_if));
    }
    let confirm = engine
        .scopes
        .get(None, "ConfirmPreference")
        .and_then(|v| ConfirmImpact::parse(&v.to_string()));
    if confirm != Some(prefs.confirm) {
        engine
            .scopes
            .set(None, "ConfirmPreference", Value::str(prefs.confirm.name()));
    }
}

impl Processor for ScriptProcessor {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let ast = self.cmd.ast.clone();
        let block = ast.begin.clone().unwrap_or_default();
        self.run(cx, &block, Vec::new(), true)
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let ast = self.cmd.ast.clone();
        let process = if self.cmd.is_filter {
            Some(&ast.end)
        } else {
            ast.process.as_ref()
        };
        match process {
            Some(block) => {
                let under = input.unwrap_or(Value::Null);
                self.run(cx, block, vec![("_".to_string(), under)], false)
            }
            None => {
                if let Some(v) = input {
                    self.input.push(v);
                    self.last_bound = cx.args.values.clone();
                }
                Ok(())
            }
        }
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if self.cmd.is_filter {
            return Ok(());
        }
        let ast = self.cmd.ast.clone();
        // `$input` enumerates what the pipeline sent.
        let input = Value::array(std::mem::take(&mut self.input));
        let mut vars = std::mem::take(&mut self.last_bound);
        vars.push(("input".to_string(), input));
        self.run(cx, &ast.end, vars, false)
    }
}

impl Engine {
    /// `$PSCmdlet.ShouldProcess(target[, action])`, `ShouldContinue(...)` and
    /// `ThrowTerminatingError(record)` of an advanced function. `None` when the method is
    /// not one of these.
    pub fn cmdlet_method(&mut self, name: &str, args: &[Value]) -> Option<Result<Value, Flow>> {
        let arg = |i: usize| args.get(i).map(|v| v.to_string()).unwrap_or_default();
        match name.to_ascii_lowercase().as_str() {
            "shouldprocess" => Some(self.script_should_process(args)),
            "shouldcontinue" => {
                let answer = self.should_continue(&arg(0), &arg(1));
                Some(
                    answer
                        .map(Value::Bool)
                        .map_err(|u| self.method_unanswered("ShouldContinue", args, u)),
                )
            }
            "throwterminatingerror" => {
                let record = match args.first() {
                    Some(Value::Error(e)) => e.clone(),
                    other => Rc::new(ErrorRecord::new(
                        other.map(|v| v.to_string()).unwrap_or_default(),
                        "ThrowTerminatingError",
                        ErrorCategory::NotSpecified,
                    )),
                };
                Some(Err(Flow::Throw(record)))
            }
            _ => None,
        }
    }

    /// `$PSCmdlet.ShouldProcess(target)`, `(target, action)` or `(description, warning,
    /// caption)`, decided as for a cmdlet with the function's ConfirmImpact and the
    /// preferences in its scope (where `-WhatIf` and `-Confirm` set them).
    fn script_should_process(&mut self, args: &[Value]) -> Result<Value, Flow> {
        let arg = |i: usize| args.get(i).map(|v| v.to_string());
        let frame = self.cmdlet_frames.last().cloned().unwrap_or_default();
        let description = match (arg(0), arg(1)) {
            (Some(target), None) => confirm::operation(&frame.name, &target),
            (Some(target), Some(action)) if args.len() == 2 => confirm::operation(&action, &target),
            (description, _) => description.unwrap_or_default(),
        };
        let what_if = self
            .scopes
            .get(None, "WhatIfPreference")
            .is_some_and(|v| v.is_true());
        let threshold =
            confirm::threshold(None, self.scopes.get(None, "ConfirmPreference").as_ref());
        let go = match confirm::decide(frame.answered, what_if, frame.impact, threshold) {
            Decision::Answered(go) => go,
            Decision::WhatIf => {
                self.host_line(&format!("What if: {description}"));
                false
            }
            Decision::Proceed => {
                self.script_verbose(&description);
                true
            }
            Decision::Ask => {
                let warning = match arg(1).filter(|_| args.len() >= 3) {
                    Some(w) => w,
                    None => format!("{}\n{description}", confirm::ARE_YOU_SURE),
                };
                let caption = arg(2).unwrap_or_else(|| confirm::CAPTION.to_string());
                let status = self
                    .inquire(&warning, &caption, true)
                    .map_err(|u| self.method_unanswered("ShouldProcess", args, u))?;
                if let Some(frame) = self.cmdlet_frames.last_mut() {
                    frame.answered = status;
                }
                status.proceeds()
            }
        };
        Ok(Value::Bool(go))
    }

    /// `VERBOSE: text` from inside a script, when its `$VerbosePreference` shows it.
    fn script_verbose(&mut self, text: &str) {
        use crate::format::color::{Accent, ColorMode, stream_line};
        let shown = self
            .scopes
            .get(None, "VerbosePreference")
            .is_some_and(|v| v.to_string().eq_ignore_ascii_case("Continue"));
        if shown && self.stream_routes.verbose == super::runtime::StreamRoute::Host {
            let line = stream_line("VERBOSE", text, Accent::Verbose, ColorMode::for_stdout());
            self.host_line(&line);
        }
    }

    /// A `$PSCmdlet` question nobody answered: Ctrl-C stops; no console is the .NET
    /// method's exception, as pwsh reports it.
    fn method_unanswered(&self, method: &str, args: &[Value], why: Unanswered) -> Flow {
        match why {
            Unanswered::Interrupted => Flow::Stopped,
            Unanswered::NoConsole => {
                let mut record = ErrorRecord::new(
                    format!(
                        "Exception calling \"{method}\" with \"{}\" argument(s): \"{}\"",
                        args.len(),
                        confirm::NON_INTERACTIVE
                    ),
                    "PSInvalidOperationException",
                    ErrorCategory::NotSpecified,
                );
                // ConciseView then names the exception type, as pwsh shows a method's.
                record.exception_type =
                    "System.Management.Automation.MethodInvocationException".into();
                Flow::Error(Rc::new(record))
            }
        }
    }

    /// The effective `$ErrorActionPreference`.
    pub fn error_preference(&self) -> super::runtime::ActionPreference {
        self.scopes
            .get(None, "ErrorActionPreference")
            .and_then(|v| super::runtime::ActionPreference::parse(&v.to_string()))
            .unwrap_or(super::runtime::ActionPreference::Continue)
    }

    /// Runs a script block in the current scope with `$_` set (ForEach-Object's and
    /// Where-Object's way): its process block if it has one, else its body.
    pub fn run_block_dot_sourced(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        out: &mut dyn super::command::Sink,
    ) -> Result<(), Flow> {
        if self.depth >= self.max_depth {
            let r = ErrorRecord::new(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
                ErrorCategory::InvalidOperation,
            );
            return Err(Flow::Throw(Rc::new(r)));
        }
        let saved_under = self.scopes.get(None, "_");
        let saved_args = self.scopes.get(None, "args");
        if let Some(v) = dollar_under {
            self.scopes.set(None, "_", v);
        }
        self.scopes.set(None, "args", Value::array(args));
        let previous_source = std::mem::replace(&mut self.source, block.source.clone());
        self.depth += 1;
        let body = block.ast.process.as_ref().unwrap_or(&block.ast.end);
        let result = self.exec_block(body, out);
        self.depth -= 1;
        self.source = previous_source;
        self.scopes
            .set(None, "_", saved_under.unwrap_or(Value::Null));
        self.scopes
            .set(None, "args", saved_args.unwrap_or(Value::Null));
        match result {
            Err(Flow::Return) => Ok(()),
            other => other,
        }
    }

    /// `$sb.Invoke(args)`: runs a script block in a new scope with positional arguments.
    pub fn invoke_script_block(
        &mut self,
        block: &ScriptBlockValue,
        args: Vec<Value>,
        out: &mut dyn super::command::Sink,
    ) -> Result<(), Flow> {
        let cmd = Rc::new(ScriptCommand::from_block(block, false));
        let positional = args
            .into_iter()
            .map(|value| super::binder::Arg::Positional {
                value,
                span: block.ast.span,
            })
            .collect();
        self.run_script_command(cmd, positional, None, out)
    }

    /// Runs a script command standalone (not in a larger pipeline), binding `args`.
    pub fn run_script_command(
        &mut self,
        cmd: Rc<ScriptCommand>,
        args: Vec<super::binder::Arg>,
        input: Option<Vec<Value>>,
        out: &mut dyn super::command::Sink,
    ) -> Result<(), Flow> {
        let mut stage = self.script_stage(cmd, args, None)?;
        stage.run_alone(self, input, out)
    }

    /// Runs a whole parsed script: its `param()` is bound from `args`, its scope is the
    /// script scope (or the global scope itself when `in_global`, as for `-Command`
    /// text), and `exit` ends it (the code is returned).
    pub fn run_script(
        &mut self,
        ast: Rc<ScriptBlock>,
        source: Rc<Source>,
        args: Vec<super::binder::Arg>,
        in_global: bool,
        out: &mut dyn super::command::Sink,
    ) -> Result<Option<i32>, Flow> {
        let cmd = Rc::new(ScriptCommand::from_file(
            ast,
            source.clone(),
            true,
            in_global,
        ));
        self.source = source;
        let mut stage = self.script_stage(cmd, args, None)?;
        match stage.run_alone(self, None, out) {
            Ok(()) => Ok(None),
            Err(Flow::Exit(code)) => Ok(Some(code)),
            Err(e) => Err(e),
        }
    }
}
