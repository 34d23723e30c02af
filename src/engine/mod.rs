//! AST → effects: values, objects, evaluation, pipelines, parameter binding, errors.

pub mod error;
pub mod object;
pub mod value;
