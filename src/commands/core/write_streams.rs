//! Write-Error, Write-Warning, Write-Verbose, Write-Debug: the other streams.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::{CategoryInfoText, ErrorCategory, ErrorRecord};
use crate::engine::value::Value;

/// Which stream a writer writes to.
#[derive(Clone, Copy)]
enum Stream {
    Error,
    Warning,
    Verbose,
    Debug,
}

struct StreamWriter(Stream);

impl Processor for StreamWriter {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let message = cx.string("Message").unwrap_or_default();
        match self.0 {
            Stream::Error => {
                if let Some(Value::Error(e)) = cx.param("ErrorRecord").cloned() {
                    return cx.write_error((*e).clone());
                }
                let id = cx
                    .string("ErrorId")
                    .unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
                let category = cx
                    .string("Category")
                    .and_then(|c| ErrorCategory::named(&c))
                    .unwrap_or(ErrorCategory::NotSpecified);
                let message = match (message.is_empty(), cx.param("Exception")) {
                    (true, Some(e)) => e.to_string(),
                    _ => message,
                };
                let mut r = ErrorRecord::new(message, id, category);
                r.exception_type = "Microsoft.PowerShell.Commands.WriteErrorException".into();
                r.target = cx.string("TargetObject");
                r.category_info = CategoryInfoText {
                    activity: cx.string("CategoryActivity"),
                    reason: cx.string("CategoryReason"),
                    target_name: cx.string("CategoryTargetName"),
                    target_type: cx.string("CategoryTargetType"),
                };
                // Inside a function the error is the function's (pwsh shows its name and
                // the line that called it).
                if let Some((name, pos)) = cx.engine.current_invocation() {
                    r.command = Some(name);
                    r.position = pos;
                }
                cx.write_error(r)
            }
            Stream::Warning => cx.warning(&message),
            Stream::Verbose => cx.verbose(&message),
            Stream::Debug => cx.debug(&message),
        }
    }
}

fn writer(name: &str, synopsis: &str) -> Signature {
    Signature::new(name).synopsis(synopsis).param(
        Param::new("Message", ParamType::String)
            .position(0)
            .from_pipeline()
            .alias("Msg"),
    )
}

pub fn write_error() -> CommandInfo {
    let sig = writer("Write-Error", "Writes an object to the error stream.")
        .param(Param::new("ErrorRecord", ParamType::Any))
        .param(Param::new("ErrorId", ParamType::String))
        .param(Param::new("TargetObject", ParamType::Any))
        .param(Param::new("Category", ParamType::String))
        .param(Param::new("CategoryActivity", ParamType::String).alias("Activity"))
        .param(Param::new("CategoryReason", ParamType::String).alias("Reason"))
        .param(Param::new("CategoryTargetName", ParamType::String).alias("TargetName"))
        .param(Param::new("CategoryTargetType", ParamType::String).alias("TargetType"))
        .param(Param::new("RecommendedAction", ParamType::String))
        .param(Param::new("Exception", ParamType::Any))
        .example(
            "A non-terminating error: the script goes on",
            "Write-Error 'disk full'; 'next'",
            "Write-Error: disk full\nnext",
        );
    CommandInfo::new(sig, || Box::new(StreamWriter(Stream::Error)))
}

pub fn write_warning() -> CommandInfo {
    let sig = writer("Write-Warning", "Writes a warning message.").example(
        "A warning",
        "Write-Warning 'careful'",
        "WARNING: careful",
    );
    CommandInfo::new(sig, || Box::new(StreamWriter(Stream::Warning)))
}

pub fn write_verbose() -> CommandInfo {
    let sig = writer("Write-Verbose", "Writes text to the verbose stream.").example(
        "Shown only with -Verbose",
        "Write-Verbose 'a'; Write-Verbose 'b' -Verbose",
        "VERBOSE: b",
    );
    CommandInfo::new(sig, || Box::new(StreamWriter(Stream::Verbose)))
}

pub fn write_debug() -> CommandInfo {
    let sig = writer("Write-Debug", "Writes a debug message.").example(
        "Shown only with -Debug",
        "Write-Debug 'x' -Debug",
        "DEBUG: x",
    );
    CommandInfo::new(sig, || Box::new(StreamWriter(Stream::Debug)))
}
