//! Write-Warning, Write-Verbose, Write-Debug, Write-Information: messages on the other
//! streams, shown (`WARNING: ...`) per the preferences rather than sent down the
//! pipeline.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;

#[derive(Clone, Copy)]
enum Stream {
    Warning,
    Verbose,
    Debug,
    Information,
}

struct Write(Stream);

impl Processor for Write {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let name = match self.0 {
            Stream::Information => "MessageData",
            _ => "Message",
        };
        let Some(message) = input.or_else(|| cx.param(name).cloned()) else {
            return Ok(());
        };
        let text = message.to_string();
        match self.0 {
            Stream::Warning => cx.warning(&text),
            Stream::Verbose => {
                cx.verbose(&text);
                Ok(())
            }
            Stream::Debug => {
                cx.debug(&text);
                Ok(())
            }
            Stream::Information => {
                // $InformationPreference is SilentlyContinue unless the session says
                // otherwise, so information is shown only when asked for.
                let shown = matches!(
                    cx.engine.scopes.get(None, "InformationPreference"),
                    Some(v) if v.to_string().eq_ignore_ascii_case("Continue")
                );
                if shown {
                    cx.host(&format!("{text}\n"));
                }
                Ok(())
            }
        }
    }
}

fn message(sig: Signature, name: &str) -> Signature {
    sig.param(
        Param::new(name, ParamType::Any)
            .alias("Msg")
            .position(0)
            .mandatory()
            .from_pipeline(),
    )
}

pub fn write_warning() -> CommandInfo {
    let sig = message(
        Signature::new("Write-Warning").synopsis("Writes a warning message."),
        "Message",
    )
    .example("A warning", "Write-Warning 'Disk low'", "WARNING: Disk low");
    CommandInfo::new(sig, || Box::new(Write(Stream::Warning)))
}

pub fn write_verbose() -> CommandInfo {
    let sig = message(
        Signature::new("Write-Verbose").synopsis("Writes text to the verbose message stream."),
        "Message",
    )
    .example("Shown with -Verbose only", "Write-Verbose 'quiet'", "");
    CommandInfo::new(sig, || Box::new(Write(Stream::Verbose)))
}

pub fn write_debug() -> CommandInfo {
    let sig = message(
        Signature::new("Write-Debug").synopsis("Writes a debug message to the console."),
        "Message",
    );
    CommandInfo::new(sig, || Box::new(Write(Stream::Debug)))
}

pub fn write_information() -> CommandInfo {
    let sig = message(
        Signature::new("Write-Information")
            .synopsis("Specifies how PowerShell handles information stream data for a command."),
        "MessageData",
    )
    .param(Param::new("Tags", ParamType::StringArray).position(1));
    CommandInfo::new(sig, || Box::new(Write(Stream::Information)))
}
