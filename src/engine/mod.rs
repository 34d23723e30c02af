//! AST → effects: values, objects, evaluation, pipelines, parameter binding, errors.

pub mod binder;
pub mod command;
pub mod convert;
pub mod display;
pub mod error;
pub mod eval;
pub mod expr;
pub mod flow;
pub mod format_op;
pub mod function;
pub mod members;
pub mod object;
pub mod ops;
pub mod pipeline;
pub mod runtime;
pub mod scope;
pub mod session;
pub mod value;

pub use command::{CommandInfo, Ctx, Param, ParamType, Processor, Registry, Signature};
pub use flow::Flow;
pub use runtime::Engine;
