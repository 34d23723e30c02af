//! Statements and expressions.

use super::command::Sink;
use super::error::{ErrorCategory, ErrorRecord};
use super::flow::Flow;
use super::runtime::Engine;
use super::value::{ScriptBlockValue, Value};

impl Engine {
    /// Runs a script block in the current scope with `$_` set (ForEach-Object's way).
    pub fn run_block_dot_sourced(
        &mut self,
        _block: &ScriptBlockValue,
        _dollar_under: Option<Value>,
        _args: Vec<Value>,
        _out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        Err(Flow::Error(std::rc::Rc::new(ErrorRecord::new(
            "Script blocks cannot be run yet.",
            "NotImplemented",
            ErrorCategory::NotImplemented,
        ))))
    }
}
