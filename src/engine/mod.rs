//! AST → effects: values, objects, evaluation, pipelines, parameter binding, errors.
//!
//! Running text:
//!
//! ```
//! use exosh::engine::runtime::{CaptureHost, Engine};
//! use exosh::engine::session::RunMode;
//! use exosh::syntax::ast::Source;
//!
//! let host = CaptureHost::default();
//! let printed = host.text.clone();
//! let mut engine = Engine::new(exosh::commands::builtin_registry(), Box::new(host));
//! engine.init_session_variables();
//! let code = engine.run_source(Source::new("", "'a' + 1"), Vec::new(), RunMode::Command);
//! assert_eq!((code, printed.borrow().as_str()), (0, "a1\n"));
//! ```
//!
//! - Output of top-level pipelines goes to the command registered as `Out-Default`
//!   (looked up by name; [`pipeline::OutDefaultSink`]), errors to the host's error stream
//!   in ConciseView ([`display`]).
//! - [`runtime::Engine::set_step_limit`] bounds the work (for fuzzing);
//!   [`runtime::Engine::set_max_depth`] lowers the call depth for small stacks.
//! - Cmdlets are written against [`command`].
//!
//! Modules: [`value`]/[`convert`] values and PowerShell's conversions, [`ops`] operators, [`net_regex`] .NET patterns,
//! [`format_op`] `-f`, [`members`] properties/methods/indexing, [`expr`] expressions,
//! [`eval`] statements, [`scope`] variables, [`pipeline`] streaming pipelines,
//! [`binder`] parameter binding, [`confirm`] ShouldProcess and its console question,
//! [`function`] script-defined commands, [`session`] whole texts and exit codes,
//! [`state`] what commands keep for the session, [`encoding`] script and text file
//! bytes, [`limits`] the size of what operations build, [`flow`] non-local control flow.

pub mod binder;
pub mod command;
pub mod confirm;
pub mod convert;
pub mod display;
pub mod encoding;
pub mod error;
pub mod eval;
pub mod expr;
pub mod flow;
pub mod format_op;
pub mod function;
pub mod limits;
pub mod location;
pub mod members;
pub mod net_regex;
pub mod object;
pub mod ops;
pub mod pipeline;
pub mod regex_match;
pub mod runtime;
pub mod scope;
pub mod script_members;
pub mod secrets;
pub mod session;
pub mod state;
pub mod timespan;
pub mod value;
pub mod version;

pub use command::{CommandInfo, Ctx, Param, ParamType, Processor, Registry, Signature};
pub use flow::Flow;
pub use runtime::Engine;
