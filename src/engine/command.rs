//! The command API: how a cmdlet declares its signature and how it runs.
//!
//! A cmdlet is one place: a [`Signature`] (name, aliases, parameters, examples) and a
//! [`Processor`] made fresh for every invocation, which PowerShell drives as
//! `begin` → `process` (once per pipeline input object, or once when the command is first
//! in its pipeline) → `end`. Parameters are bound by the engine before each call (pipeline
//! bound ones change per input object) and read through the [`Ctx`]; output goes to the
//! next command at once (`cx.write`), errors/warnings/verbose to their streams.
//!
//! Writing a cmdlet:
//!
//! ```
//! use exosh::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
//! use exosh::engine::value::Value;
//!
//! /// `Get-Greeting [-Name] <string> [-Loud]`: "Hello, NAME".
//! struct Greeting;
//!
//! impl Processor for Greeting {
//!     fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
//!         let name = cx.string("Name").unwrap_or_default();
//!         let text = format!("Hello, {name}");
//!         let text = if cx.switch("Loud") { text.to_uppercase() } else { text };
//!         cx.write(Value::str(text))
//!     }
//! }
//!
//! pub fn get_greeting() -> CommandInfo {
//!     let sig = Signature::new("Get-Greeting")
//!         .synopsis("Greets someone.")
//!         .param(Param::new("Name", ParamType::String).position(0).mandatory().from_pipeline())
//!         .param(Param::switch("Loud"))
//!         .example("Greets Ken", "Get-Greeting Ken", "Hello, Ken");
//!     CommandInfo::new(sig, || Box::new(Greeting))
//! }
//! # let _ = get_greeting();
//! ```
//!
//! and register it in `commands::builtin_registry` (or your module's `register`). The
//! examples run as tests (`commands::tests::examples_produce_their_output`): each example's
//! code is run as a script and its whole output must equal `expected` (lines joined by
//! `\n`, no trailing newline).
//!
//! Parameter types are data ([`ParamType`] plus a .NET type name for messages and help),
//! so signatures can be generated from a catalogue.

use std::rc::Rc;

use super::confirm::{self, ConfirmImpact, ContinueStatus, Decision, Unanswered};
use super::error::{ErrorCategory, ErrorRecord};
use super::runtime::{ActionPreference, Engine, StreamRoute};
use super::state::SessionState;
use super::value::{ScriptBlockValue, Value};
use crate::format::color::{Accent, ColorMode, stream_line};

pub use super::flow::Flow;

/// How the engine converts an argument for a parameter. `Any` keeps the value as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamType {
    /// `[object]`/`[psobject]`: the value as given (an array stays an array).
    Any,
    /// `[object[]]`: always an array (a single value becomes a one-element array).
    AnyArray,
    String,
    StringArray,
    /// `[bool]`: only Booleans and numbers (pwsh refuses the string "False").
    Bool,
    /// `[switch]`: present or not; `-Name:$false` turns it off.
    Switch,
    Int,
    IntArray,
    Long,
    Double,
    Decimal,
    DateTime,
    Guid,
    Hashtable,
    ScriptBlock,
    ScriptBlockArray,
    /// One of fixed names, matched case-insensitively and stored with the listed casing.
    Enum(Vec<String>),
}

impl ParamType {
    /// The .NET type name PowerShell prints for this type (`System.Boolean`).
    pub fn default_type_name(&self) -> &'static str {
        match self {
            ParamType::Any => "System.Object",
            ParamType::AnyArray => "System.Object[]",
            ParamType::String | ParamType::Enum(_) => "System.String",
            ParamType::StringArray => "System.String[]",
            ParamType::Bool => "System.Boolean",
            ParamType::Switch => "System.Management.Automation.SwitchParameter",
            ParamType::Int => "System.Int32",
            ParamType::IntArray => "System.Int32[]",
            ParamType::Long => "System.Int64",
            ParamType::Double => "System.Double",
            ParamType::Decimal => "System.Decimal",
            ParamType::DateTime => "System.DateTime",
            ParamType::Guid => "System.Guid",
            ParamType::Hashtable => "System.Collections.Hashtable",
            ParamType::ScriptBlock => "System.Management.Automation.ScriptBlock",
            ParamType::ScriptBlockArray => "System.Management.Automation.ScriptBlock[]",
        }
    }
}

/// Every parameter set (PowerShell's `__AllParameterSets`).
pub const ALL_SETS: &str = "__AllParameterSets";

/// One parameter of a command.
#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub aliases: Vec<String>,
    pub ty: ParamType,
    /// The .NET/Exchange type name for messages and help (`System.Boolean`,
    /// `MailboxIdParameter`, `Unlimited<Int32>`).
    pub type_name: String,
    /// Position among positional arguments (0-based), `None` = named only.
    pub position: Option<usize>,
    pub mandatory: bool,
    /// `ValueFromPipeline`: takes the pipeline object itself.
    pub from_pipeline: bool,
    /// `ValueFromPipelineByPropertyName`: takes the object's property of the same name.
    pub from_pipeline_by_name: bool,
    /// `ValueFromRemainingArguments`: collects the positional arguments no other
    /// parameter takes (Write-Output's `echo a b c`).
    pub remaining: bool,
    /// Parameter sets the parameter belongs to; empty = all sets.
    pub sets: Vec<String>,
    pub help: String,
    /// Checks of the converted argument (`[ValidateSet(...)]` and friends).
    pub validate: Vec<Validation>,
}

/// An argument check, as PowerShell's validation attributes declare them.
#[derive(Debug, Clone, PartialEq)]
pub enum Validation {
    /// `[ValidateSet('a','b')]`: one of these, ignoring case.
    Set(Vec<String>),
    /// `[ValidateNotNullOrEmpty()]`
    NotNullOrEmpty,
    /// `[ValidateNotNull()]`
    NotNull,
    /// `[ValidateRange(min, max)]`
    Range(f64, f64),
    /// `[ValidatePattern('regex')]`, ignoring case.
    Pattern(String),
}

impl Param {
    pub fn new(name: &str, ty: ParamType) -> Param {
        Param {
            name: name.to_string(),
            aliases: Vec::new(),
            type_name: ty.default_type_name().to_string(),
            ty,
            position: None,
            mandatory: false,
            from_pipeline: false,
            from_pipeline_by_name: false,
            remaining: false,
            sets: Vec::new(),
            help: String::new(),
            validate: Vec::new(),
        }
    }
    pub fn switch(name: &str) -> Param {
        Param::new(name, ParamType::Switch)
    }
    pub fn alias(mut self, alias: &str) -> Param {
        self.aliases.push(alias.to_string());
        self
    }
    pub fn type_name(mut self, name: &str) -> Param {
        self.type_name = name.to_string();
        self
    }
    pub fn position(mut self, p: usize) -> Param {
        self.position = Some(p);
        self
    }
    pub fn mandatory(mut self) -> Param {
        self.mandatory = true;
        self
    }
    pub fn from_pipeline(mut self) -> Param {
        self.from_pipeline = true;
        self
    }
    pub fn from_pipeline_by_name(mut self) -> Param {
        self.from_pipeline_by_name = true;
        self
    }
    pub fn remaining(mut self) -> Param {
        self.remaining = true;
        self
    }
    pub fn set(mut self, set: &str) -> Param {
        self.sets.push(set.to_string());
        self
    }
    pub fn validate(mut self, v: Validation) -> Param {
        self.validate.push(v);
        self
    }
    pub fn help(mut self, text: &str) -> Param {
        self.help = text.to_string();
        self
    }
    /// Whether the parameter is in parameter set `set`.
    pub fn in_set(&self, set: &str) -> bool {
        self.sets.is_empty() || self.sets.iter().any(|s| s.eq_ignore_ascii_case(set))
    }
    pub fn is_switch(&self) -> bool {
        self.ty == ParamType::Switch
    }
}

/// A runnable example: its code and the exact text it prints (lines joined by `\n`).
#[derive(Debug, Clone)]
pub struct Example {
    pub description: String,
    pub code: String,
    pub expected: String,
}

/// What a command declares about itself.
#[derive(Debug, Clone)]
pub struct Signature {
    pub name: String,
    pub aliases: Vec<String>,
    pub synopsis: String,
    /// What Get-Help's DESCRIPTION says (empty: no such section).
    pub description: String,
    pub params: Vec<Param>,
    /// The set chosen when the arguments fit several (`DefaultParameterSetName`).
    pub default_set: Option<String>,
    /// Adds `-WhatIf` and `-Confirm` (`SupportsShouldProcess`).
    pub supports_should_process: bool,
    /// How much the command's change matters: ShouldProcess asks when it reaches
    /// `$ConfirmPreference` (Medium unless declared, as pwsh's default).
    pub confirm_impact: ConfirmImpact,
    pub examples: Vec<Example>,
    /// What the command reads of each object piped to it (the whole object unless
    /// declared otherwise).
    pub input_reads: InputReads,
}

/// What a command reads of each object piped to it. A command before it that can make
/// its objects with fewer properties (an Exchange Get) makes only these when nothing else
/// sees them ([`Ctx::output_reads`]).
#[derive(Debug, Clone, Default)]
pub enum InputReads {
    /// Anything: it may keep, show or pass on the whole object.
    #[default]
    Whole,
    /// Only these properties, whatever its arguments (an Exchange cmdlet reads only the
    /// identity a piped object names).
    Properties(Vec<String>),
    /// Worked out from its arguments: `Measure-Object -Property Size` reads only `Size`
    /// (`None`: the whole object).
    ByArguments(fn(&Bound) -> Option<Vec<String>>),
}

impl InputReads {
    /// What the command reads, given its arguments (`None`: the whole object).
    pub fn of(&self, args: &Bound) -> Option<Vec<String>> {
        match self {
            InputReads::Whole => None,
            InputReads::Properties(names) => Some(names.clone()),
            InputReads::ByArguments(reads) => reads(args),
        }
    }
}

/// The property names an argument gives as plain text (`-Property Name, Size`): `None`
/// for a wildcard, a calculated property or a script block, which may read anything.
pub fn plain_property_names(value: &Value) -> Option<Vec<String>> {
    let plain = |v: &Value| match v {
        Value::String(s) if !s.contains(['*', '?', '[']) => Some(s.to_string()),
        _ => None,
    };
    match value {
        Value::Array(items) => items.borrow().iter().map(plain).collect(),
        one => plain(one).map(|name| vec![name]),
    }
}

impl Signature {
    pub fn new(name: &str) -> Signature {
        Signature {
            name: name.to_string(),
            aliases: Vec::new(),
            synopsis: String::new(),
            description: String::new(),
            params: Vec::new(),
            default_set: None,
            supports_should_process: false,
            confirm_impact: ConfirmImpact::Medium,
            examples: Vec::new(),
            input_reads: InputReads::Whole,
        }
    }
    pub fn alias(mut self, alias: &str) -> Signature {
        self.aliases.push(alias.to_string());
        self
    }
    pub fn description(mut self, text: &str) -> Signature {
        self.description = text.to_string();
        self
    }
    pub fn synopsis(mut self, text: &str) -> Signature {
        self.synopsis = text.to_string();
        self
    }
    pub fn param(mut self, p: Param) -> Signature {
        self.params.push(p);
        self
    }
    pub fn default_set(mut self, set: &str) -> Signature {
        self.default_set = Some(set.to_string());
        self
    }
    pub fn supports_should_process(mut self) -> Signature {
        self.supports_should_process = true;
        self
    }
    /// `ConfirmImpact = ...` of the command's declaration.
    pub fn confirm_impact(mut self, impact: ConfirmImpact) -> Signature {
        self.confirm_impact = impact;
        self
    }
    /// Declares that the command reads nothing of a piped object but these properties
    /// (an Exchange cmdlet takes a piped object only as the identity it names): the
    /// command before it may then make its objects with only these ([`Ctx::output_reads`]).
    pub fn reads_input(mut self, properties: Vec<String>) -> Signature {
        self.input_reads = InputReads::Properties(properties);
        self
    }
    /// As [`Signature::reads_input`], with what it reads worked out from the arguments.
    pub fn reads_input_by(mut self, reads: fn(&Bound) -> Option<Vec<String>>) -> Signature {
        self.input_reads = InputReads::ByArguments(reads);
        self
    }
    pub fn example(mut self, description: &str, code: &str, expected: &str) -> Signature {
        self.examples.push(Example {
            description: description.to_string(),
            code: code.to_string(),
            expected: expected.to_string(),
        });
        self
    }
    pub fn find_param(&self, name: &str) -> Option<&Param> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }
    /// The parameter set names in declaration order (without `__AllParameterSets`).
    pub fn set_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for p in &self.params {
            for s in &p.sets {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(s)) {
                    names.push(s.clone());
                }
            }
        }
        names
    }
}

/// Makes a fresh processor for one invocation of the command.
pub type Factory = Rc<dyn Fn() -> Box<dyn Processor>>;

/// A registered command: signature plus how to run it.
pub struct CommandInfo {
    pub sig: LazySignature,
    pub factory: Factory,
}

impl CommandInfo {
    pub fn new(sig: Signature, factory: impl Fn() -> Box<dyn Processor> + 'static) -> Self {
        CommandInfo {
            sig: LazySignature(Rc::new(LazyInner {
                name: sig.name.clone(),
                built: std::cell::OnceCell::from(Rc::new(sig)),
                make: None,
            })),
            factory: Rc::new(factory),
        }
    }

    /// A command whose signature is made by `make` the first time anything reads it
    /// (see [`LazySignature`]). Registering costs its name and two closures, so a module
    /// with many commands (the 730 Exchange cmdlets) adds almost nothing to start-up.
    /// The signature `make` returns must have this name and no aliases (register those
    /// with [`Registry::alias`]).
    pub fn lazy(
        name: &str,
        make: impl Fn() -> Signature + 'static,
        factory: impl Fn() -> Box<dyn Processor> + 'static,
    ) -> Self {
        CommandInfo {
            sig: LazySignature(Rc::new(LazyInner {
                name: name.to_string(),
                built: std::cell::OnceCell::new(),
                make: Some(Box::new(make)),
            })),
            factory: Rc::new(factory),
        }
    }

    /// The command's name, known without making its signature.
    pub fn name(&self) -> &str {
        &self.sig.0.name
    }
}

impl Clone for CommandInfo {
    /// Another handle on the same command: the signature, once made, is shared.
    fn clone(&self) -> Self {
        CommandInfo {
            sig: LazySignature(self.sig.0.clone()),
            factory: self.factory.clone(),
        }
    }
}

impl std::fmt::Debug for CommandInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CommandInfo({})", self.name())
    }
}

/// A command's signature, made the first time it is read.
///
/// Every command is registered when a session starts, but a script runs few of them: the
/// shell knows 730 Exchange cmdlets, whose signatures come from the catalogue, and a
/// single `exosh -Command` needs one or two. So a command may register with only its
/// name ([`CommandInfo::lazy`]) and a function that makes the signature; reading
/// `info.sig` (its fields, `info.sig.clone()` for the `Rc<Signature>`, `&info.sig` as a
/// `&Signature`) makes it then, once, through `Deref`, and every clone of the
/// `CommandInfo` shares what was made. Code reading signatures is written as if they were
/// all made up front; only the registry itself asks for the name without making it.
/// (It deliberately has no `Clone` of its own, so that `info.sig.clone()` gives the
/// `Rc<Signature>`, as when the field was one.)
pub struct LazySignature(Rc<LazyInner>);

struct LazyInner {
    name: String,
    built: std::cell::OnceCell<Rc<Signature>>,
    make: Option<Box<dyn Fn() -> Signature>>,
}

impl std::ops::Deref for LazySignature {
    type Target = Rc<Signature>;

    fn deref(&self) -> &Rc<Signature> {
        let inner = &*self.0;
        // Only a lazy command has `make`; the others were made when registered.
        inner.built.get_or_init(|| {
            let sig = inner
                .make
                .as_ref()
                .map_or_else(|| Signature::new(&inner.name), |make| make());
            Rc::new(sig)
        })
    }
}

/// A cmdlet's behaviour. Every method has a default that does nothing, so a cmdlet writes
/// only the blocks it needs. Returning `Err(Flow::Error(..))` is a terminating error.
pub trait Processor {
    fn begin(&mut self, _cx: &mut Ctx) -> Result<(), Flow> {
        Ok(())
    }
    /// Called once per pipeline input object (`input` is `Some`), or once with `None`
    /// when the command is first in its pipeline.
    fn process(&mut self, _cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        Ok(())
    }
    fn end(&mut self, _cx: &mut Ctx) -> Result<(), Flow> {
        Ok(())
    }
}

/// Where a command's output objects go: the next command of the pipeline (called at once,
/// so objects stream), a collecting vector, or the host via Out-Default.
pub trait Sink {
    fn write(&mut self, engine: &mut Engine, value: Value) -> Result<(), Flow>;

    /// The only properties of the objects written here that anything will read, when
    /// that is known (`None`: the whole objects may be read, kept or shown).
    fn reads(&self) -> Option<Vec<String>> {
        None
    }
}

impl Sink for Vec<Value> {
    fn write(&mut self, _engine: &mut Engine, value: Value) -> Result<(), Flow> {
        self.push(value);
        Ok(())
    }
}

/// The bound parameters of one call, by canonical parameter name (as declared).
#[derive(Debug, Clone, Default)]
pub struct Bound {
    pub values: Vec<(String, Value)>,
    /// The parameter set the binder chose.
    pub set: Option<String>,
}

impl Bound {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    pub fn set_value(&mut self, name: &str, value: Value) {
        match self
            .values
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_string(), value)),
        }
    }
    pub fn remove(&mut self, name: &str) {
        self.values.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }
}

/// The stream preferences of one invocation (common parameters over preference variables).
#[derive(Debug, Clone, Copy)]
pub struct Preferences {
    pub error: ActionPreference,
    pub warning: ActionPreference,
    pub verbose: bool,
    pub debug: bool,
    pub what_if: bool,
    /// From which impact ShouldProcess asks: Low with `-Confirm`, None with
    /// `-Confirm:$false`, else `$ConfirmPreference`.
    pub confirm: ConfirmImpact,
}

/// What a processor sees while it runs: its parameters, its output and the other streams,
/// and the engine (to run script blocks).
pub struct Ctx<'a> {
    pub engine: &'a mut Engine,
    pub(crate) out: &'a mut dyn Sink,
    pub args: &'a Bound,
    pub sig: &'a Signature,
    pub prefs: Preferences,
    /// Set when a non-terminating error was written (`$?` becomes false).
    pub(crate) failed: &'a mut bool,
    /// Where the command sits in the script (for error positions).
    pub(crate) position: Option<super::error::ErrorPosition>,
    /// `-ErrorVariable` / `-WarningVariable` collections, appended to as records arrive.
    pub(crate) error_var: Option<&'a mut Vec<Value>>,
    pub(crate) warning_var: Option<&'a mut Vec<Value>>,
    /// `2>&1`: errors are written to the output as ErrorRecord objects.
    pub(crate) merge_errors: bool,
    /// The last confirmation answer of this invocation ("to All" answers stand).
    pub(crate) answered: &'a mut ContinueStatus,
}

impl Ctx<'_> {
    /// The session's state: what commands keep between invocations (see
    /// [`super::state`]), such as the Exchange connection
    /// (`crate::commands::exchange::session::ExchangeSession`).
    pub fn session(&self) -> &SessionState {
        &self.engine.session
    }

    /// Sends one object down the pipeline; the next command processes it before this
    /// returns.
    pub fn write(&mut self, value: Value) -> Result<(), Flow> {
        self.engine.tick()?;
        self.out.write(self.engine, value)
    }

    /// The only properties of this command's output objects that anything will read: the
    /// next command's declared reads ([`Signature::reads_input`]) when its objects go
    /// nowhere else (no `-OutVariable`, no script sees them). A command that can make
    /// its objects with fewer properties may make only these; `None` means whole objects.
    pub fn output_reads(&self) -> Option<Vec<String>> {
        self.out.reads()
    }

    /// Sends each element of an array (or the value itself) down the pipeline, as
    /// `WriteObject(x, enumerateCollection: true)`.
    pub fn write_enumerated(&mut self, value: Value) -> Result<(), Flow> {
        match value {
            Value::Array(items) => {
                let items = items.borrow().clone();
                for v in items {
                    self.write(v)?;
                }
                Ok(())
            }
            v => self.write(v),
        }
    }

    /// What to return (`Err(cx.stop_upstream())`) once this command needs no more input,
    /// as Select-Object -First does: the commands before it stop, and its own end block
    /// and the rest of the pipeline still run.
    pub fn stop_upstream(&self) -> Flow {
        Flow::StopUpstream
    }

    /// A parameter's bound value.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.args.get(name)
    }

    /// Whether a switch is on.
    pub fn switch(&self, name: &str) -> bool {
        self.args.get(name).is_some_and(Value::is_true)
    }

    /// A parameter as text (`None` when not given or `$null`).
    pub fn string(&self, name: &str) -> Option<String> {
        match self.args.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v.to_string()),
        }
    }

    /// A script-block parameter.
    pub fn script_block(&self, name: &str) -> Option<Rc<ScriptBlockValue>> {
        match self.args.get(name) {
            Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
            _ => None,
        }
    }

    /// A non-terminating error from this command (terminating with `-ErrorAction Stop`).
    pub fn write_error(&mut self, mut record: ErrorRecord) -> Result<(), Flow> {
        if record.command.is_none() {
            record.command = Some(self.sig.name.clone());
        }
        if record.position.is_none() {
            record.position = self.position.clone();
        }
        *self.failed = true;
        let record = Rc::new(record);
        if let Some(var) = self.error_var.as_deref_mut() {
            var.push(Value::Error(record.clone()));
        }
        if self.merge_errors && self.prefs.error != ActionPreference::Stop {
            self.engine.record_error(record.clone());
            return self.out.write(self.engine, Value::Error(record));
        }
        self.engine.report_error(record, self.prefs.error)
    }

    /// Shorthand for [`Ctx::write_error`] with a message, an error id and a category.
    pub fn error(&mut self, message: &str, id: &str, category: ErrorCategory) -> Result<(), Flow> {
        let id = format!("{id},{}", self.sig.name);
        self.write_error(ErrorRecord::new(message, id, category))
    }

    /// A terminating error from this command, to be returned as `Err(..)`.
    pub fn terminating(&self, message: &str, id: &str, category: ErrorCategory) -> Flow {
        let mut record = ErrorRecord::new(message, format!("{id},{}", self.sig.name), category);
        record.command = Some(self.sig.name.clone());
        record.position = self.position.clone();
        Flow::Error(Rc::new(record))
    }

    /// `WARNING: text` (unless -WarningAction SilentlyContinue/Ignore, or `3>`).
    pub fn warning(&mut self, text: &str) -> Result<(), Flow> {
        if let Some(var) = self.warning_var.as_deref_mut() {
            var.push(Value::str(text));
        }
        match self.engine.stream_routes.warning {
            StreamRoute::Host => self.engine.report_warning(text, self.prefs.warning),
            StreamRoute::Discard => Ok(()),
            StreamRoute::Output => self.write(Value::str(text)),
        }
    }

    /// `VERBOSE: text` when -Verbose (or `$VerbosePreference`) asks for it.
    pub fn verbose(&mut self, text: &str) -> Result<(), Flow> {
        let route = self.engine.stream_routes.verbose;
        self.preference_stream(text, self.prefs.verbose, route, "VERBOSE", Accent::Verbose)
    }

    /// `DEBUG: text` when -Debug asks for it.
    pub fn debug(&mut self, text: &str) -> Result<(), Flow> {
        let route = self.engine.stream_routes.debug;
        self.preference_stream(text, self.prefs.debug, route, "DEBUG", Accent::Debug)
    }

    /// A verbose or debug message: shown when asked for; `4>&1` / `5>&1` make it output
    /// (the record is written whatever the preference says, as pwsh does).
    fn preference_stream(
        &mut self,
        text: &str,
        shown: bool,
        route: StreamRoute,
        label: &str,
        accent: Accent,
    ) -> Result<(), Flow> {
        match route {
            StreamRoute::Host if shown => {
                let line = stream_line(label, text, accent, ColorMode::for_stdout());
                self.engine.host_line(&line);
                Ok(())
            }
            StreamRoute::Output => self.write(Value::str(text)),
            _ => Ok(()),
        }
    }

    /// An information-stream message (Write-Host, Write-Information): `host_text` on the
    /// host when there is any to show; `6>$null` drops it and `6>&1` outputs `message`.
    pub fn information(&mut self, message: Value, host_text: Option<&str>) -> Result<(), Flow> {
        match self.engine.stream_routes.information {
            StreamRoute::Host => {
                if let Some(text) = host_text {
                    self.engine.host_write(text);
                }
                Ok(())
            }
            StreamRoute::Discard => Ok(()),
            StreamRoute::Output => self.write(message),
        }
    }

    /// Text straight to the host (Write-Host): not part of the output.
    pub fn host(&mut self, text: &str) {
        self.engine.host_write(text);
    }

    /// `ShouldProcess(target, action)`: whether to make the change, as pwsh decides it
    /// ([`super::confirm`]): `What if: ...` and false under `-WhatIf`, the console's
    /// question when the command's impact reaches the threshold. A question nobody can
    /// answer is a terminating error, before anything changed.
    pub fn should_process(&mut self, target: &str, action: &str) -> Result<bool, Flow> {
        self.should_process_text(&confirm::operation(action, target), None, None)
    }

    /// `ShouldProcess(description, warning, caption)`: the command's own words; the
    /// question is `warning` (else "Are you sure ...?" and the description).
    pub fn should_process_text(
        &mut self,
        description: &str,
        warning: Option<&str>,
        caption: Option<&str>,
    ) -> Result<bool, Flow> {
        let decision = confirm::decide(
            *self.answered,
            self.prefs.what_if,
            self.sig.confirm_impact,
            self.prefs.confirm,
        );
        match decision {
            Decision::Answered(go) => Ok(go),
            Decision::WhatIf => {
                self.engine.host_line(&format!("What if: {description}"));
                Ok(false)
            }
            Decision::Proceed => {
                self.verbose(description)?;
                Ok(true)
            }
            Decision::Ask => {
                let message = match warning {
                    Some(w) => w.to_string(),
                    None => format!("{}\n{description}", confirm::ARE_YOU_SURE),
                };
                let caption = caption.unwrap_or(confirm::CAPTION);
                let status = self
                    .engine
                    .inquire(&message, caption, true)
                    .map_err(|u| self.unanswered(u))?;
                *self.answered = status;
                Ok(status.proceeds())
            }
        }
    }

    /// Whether [`Ctx::should_process`] would ask the person now (a command holding a
    /// transaction ends it first, so nobody waits on it).
    pub fn will_ask(&self) -> bool {
        let decision = confirm::decide(
            *self.answered,
            self.prefs.what_if,
            self.sig.confirm_impact,
            self.prefs.confirm,
        );
        decision == Decision::Ask
    }

    /// The flow of a question that got no answer.
    fn unanswered(&self, why: Unanswered) -> Flow {
        match why {
            Unanswered::Interrupted => Flow::Stopped,
            Unanswered::NoConsole => {
                let mut record = confirm::non_interactive_error(&self.sig.name);
                record.position = self.position.clone();
                Flow::Error(Rc::new(record))
            }
        }
    }

    /// Runs a script block with `$_` set to `dollar_under`, writing its output down this
    /// command's pipeline as it is produced.
    pub fn run_block(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<(), Flow> {
        self.engine
            .invoke_block_to(block, dollar_under, args, &mut *self.out)
    }

    /// Runs a script block with `$_` set and returns its output.
    pub fn eval_block(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, Flow> {
        let mut out: Vec<Value> = Vec::new();
        self.engine
            .invoke_block_to(block, dollar_under, args, &mut out)?;
        Ok(out)
    }
}

/// Commands by name and alias (case-insensitive). Registering a name again replaces the
/// earlier command (this is how a fuller implementation supersedes a plain one).
#[derive(Debug, Clone, Default)]
pub struct Registry {
    commands: indexmap::IndexMap<String, CommandInfo>,
    aliases: indexmap::IndexMap<String, String>,
    /// What each module sets up in a new session, in registration order.
    session_start: Vec<fn(&SessionState)>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Adds a command and its signature's aliases.
    pub fn register(&mut self, info: CommandInfo) {
        if let Some(sig) = info.sig.0.built.get() {
            for alias in &sig.aliases {
                self.aliases.insert(alias.to_lowercase(), sig.name.clone());
            }
        }
        self.commands.insert(info.name().to_lowercase(), info);
    }

    /// Removes a command (and the aliases pointing at it).
    pub fn unregister(&mut self, name: &str) {
        let key = name.to_lowercase();
        self.commands.shift_remove(&key);
        self.aliases
            .retain(|_, target| !target.eq_ignore_ascii_case(name));
    }

    /// Adds an alias for a command name (`Set-Alias`).
    pub fn alias(&mut self, alias: &str, target: &str) {
        self.aliases
            .insert(alias.to_lowercase(), target.to_string());
    }

    /// A command by name or alias.
    pub fn lookup(&self, name: &str) -> Option<&CommandInfo> {
        let key = name.to_lowercase();
        self.commands.get(&key).or_else(|| {
            self.aliases
                .get(&key)
                .and_then(|target| self.commands.get(&target.to_lowercase()))
        })
    }

    /// What an alias points to.
    pub fn resolve_alias(&self, name: &str) -> Option<&str> {
        self.aliases.get(&name.to_lowercase()).map(String::as_str)
    }

    /// All commands in registration order.
    pub fn commands(&self) -> impl Iterator<Item = &CommandInfo> {
        self.commands.values()
    }

    /// All `(alias, target)` pairs.
    pub fn aliases(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases.iter().map(|(a, t)| (a.as_str(), t.as_str()))
    }

    /// Adds what a module sets up in every new session before any command runs (its
    /// commands' views, for instance); see [`super::state`].
    pub fn on_session_start(&mut self, start: fn(&SessionState)) {
        self.session_start.push(start);
    }

    /// Sets up a new session for these commands.
    pub fn start_session(&self, session: &SessionState) {
        for start in &self.session_start {
            start(session);
        }
    }
}
