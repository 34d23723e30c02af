//! Invoke-Expression (`iex`): runs a string as script in the current scope, its output
//! going down the pipeline; text that does not parse is a terminating error carrying the
//! parser's message.

use std::rc::Rc;

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{ScriptBlockValue, Value};
use crate::syntax::ast::Source;
use crate::syntax::parser::parse_script;

struct InvokeExpression;

impl Processor for InvokeExpression {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(command) = input.or_else(|| cx.param("Command").cloned()) else {
            return Ok(());
        };
        let text = command.to_string();
        match parse_script(&text) {
            Ok(ast) => {
                let block = ScriptBlockValue {
                    ast: Rc::new(ast),
                    source: Source::new("", text),
                };
                cx.run_block(&block, None, Vec::new())
            }
            Err(errors) => {
                let message = errors
                    .first()
                    .map(|e| e.message.clone())
                    .unwrap_or_else(|| "The text could not be parsed.".into());
                Err(cx.terminating(&message, "ParseException", ErrorCategory::ParserError))
            }
        }
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Invoke-Expression")
        .alias("iex")
        .synopsis("Runs commands or expressions on the local computer.")
        .param(
            Param::new("Command", ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .example("Runs text as script", "Invoke-Expression '2 + 3'", "5");
    CommandInfo::new(sig, || Box::new(InvokeExpression))
}
