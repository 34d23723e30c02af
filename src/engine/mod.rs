//! AST → effects: values, objects, evaluation, pipelines, parameter binding, errors.

pub mod command;
pub mod display;
pub mod error;
pub mod eval;
pub mod flow;
pub mod object;
pub mod runtime;
pub mod scope;
pub mod value;

pub use command::{CommandInfo, Ctx, Param, ParamType, Processor, Registry, Signature};
pub use flow::Flow;
pub use runtime::Engine;
