//! Write-Information: a message on the information stream, shown only when
//! `$InformationPreference` is `Continue` (pwsh's default is SilentlyContinue).

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;

struct WriteInformation;

impl Processor for WriteInformation {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(message) = input.or_else(|| cx.param("MessageData").cloned()) else {
            return Ok(());
        };
        let shown = matches!(
            cx.engine.scopes.get(None, "InformationPreference"),
            Some(v) if v.to_string().eq_ignore_ascii_case("Continue")
        );
        let text = format!("{message}\n");
        cx.information(message, shown.then_some(text.as_str()))
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Write-Information")
        .synopsis("Specifies how PowerShell handles information stream data for a command.")
        .param(
            Param::new("MessageData", ParamType::Any)
                .alias("Msg")
                .alias("Message")
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("Tags", ParamType::StringArray).position(1))
        .example("Silent by default", "Write-Information 'note'", "");
    CommandInfo::new(sig, || Box::new(WriteInformation))
}
