//! Write-Output (`echo`, `write`): sends its arguments or input down the pipeline.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;

struct WriteOutput;

impl Processor for WriteOutput {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let Some(value) = cx.param("InputObject").cloned() else {
            return Ok(());
        };
        if cx.switch("NoEnumerate") {
            cx.write(value)
        } else {
            cx.write_enumerated(value)
        }
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Write-Output")
        .alias("echo")
        .alias("write")
        .synopsis("Writes the specified objects to the pipeline.")
        .param(
            Param::new("InputObject", ParamType::Any)
                .type_name("System.Management.Automation.PSObject[]")
                .position(0)
                .mandatory()
                .from_pipeline()
                .remaining(),
        )
        .param(Param::switch("NoEnumerate"))
        .example("Writes each element", "Write-Output 1, 2", "1\n2")
        .example("Argument mode words", "echo hello world", "hello\nworld");
    CommandInfo::new(sig, || Box::new(WriteOutput))
}
