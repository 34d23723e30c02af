//! Test-Json: whether a string is valid JSON (as ConvertFrom-Json would read it). Schema
//! validation (`-Schema`, `-SchemaFile`) is not available.

use super::json::double_quoted;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

struct TestJson;

impl Processor for TestJson {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        if cx.param("Schema").is_some() || cx.param("SchemaFile").is_some() {
            return Err(cx.terminating(
                "Test-Json cannot validate against a JSON schema in exosh.",
                "SchemaNotSupported",
                ErrorCategory::NotImplemented,
            ));
        }
        let Some(text) = input.or_else(|| cx.param("Json").cloned()) else {
            return Ok(());
        };
        let text = text.to_string();
        let valid = serde_json::from_str::<serde_json::Value>(&double_quoted(&text)).is_ok();
        if !valid {
            cx.error(
                "Cannot parse the JSON.",
                "InvalidJson",
                ErrorCategory::InvalidData,
            )?;
        }
        cx.write(Value::Bool(valid))
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Test-Json")
        .synopsis("Tests whether a string is a valid JSON document.")
        .param(
            Param::new("Json", ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("Schema", ParamType::String).position(1))
        .param(Param::new("SchemaFile", ParamType::String))
        .example("Valid JSON", "'{\"a\": 1}' | Test-Json", "True");
    CommandInfo::new(sig, || Box::new(TestJson))
}
