//! Write-Host: text straight to the host, not to the pipeline.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;

struct WriteHost;

/// The text of one Write-Host argument: collections are joined with the separator.
fn text_of(v: &Value, sep: &str) -> String {
    match v {
        Value::Array(a) => a
            .borrow()
            .iter()
            .map(|x| text_of(x, sep))
            .collect::<Vec<_>>()
            .join(sep),
        other => other.to_string(),
    }
}

impl Processor for WriteHost {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let sep = cx.string("Separator").unwrap_or_else(|| " ".to_string());
        let mut text = match cx.param("Object") {
            Some(v) => text_of(v, &sep),
            None => String::new(),
        };
        if !cx.switch("NoNewline") {
            text.push('\n');
        }
        cx.host(&text);
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Write-Host")
        .synopsis("Writes customized output to a host.")
        .param(
            Param::new("Object", ParamType::Any)
                .position(0)
                .from_pipeline()
                .remaining()
                .alias("Msg")
                .alias("Message"),
        )
        .param(Param::switch("NoNewline"))
        .param(Param::new("Separator", ParamType::Any))
        .param(Param::new("ForegroundColor", ParamType::String))
        .param(Param::new("BackgroundColor", ParamType::String))
        .example("Writes text", "Write-Host hello world", "hello world")
        .example(
            "Joins an array with a separator",
            "Write-Host (1,2,3) -Separator ', '",
            "1, 2, 3",
        )
        .example(
            "Does not end the line",
            "Write-Host a -NoNewline; Write-Host b",
            "ab",
        );
    CommandInfo::new(sig, || Box::new(WriteHost))
}
