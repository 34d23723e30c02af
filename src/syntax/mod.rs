//! Text → AST. Knows nothing of execution.

pub mod ast;
pub mod error;
pub mod parser;
pub mod visible;

pub use ast::{Source, Span};
pub use error::ParseError;
