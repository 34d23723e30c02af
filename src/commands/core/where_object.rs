//! Where-Object (`?`, `where`): passes on the input objects a script block accepts, or
//! whose named property is true (`? Enabled`).

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::members;
use crate::engine::value::Value;

struct WhereObject;

impl Processor for WhereObject {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(item) = input.or_else(|| cx.param("InputObject").cloned()) else {
            return Ok(());
        };
        let keep = match cx.param("FilterScript").cloned() {
            Some(Value::ScriptBlock(sb)) => {
                let out = cx.eval_block(&sb, Some(item.clone()), Vec::new())?;
                crate::engine::eval::collect_value(out).is_true()
            }
            Some(Value::Null) | None => false,
            Some(name) => members::get_member(&item, &name.to_string()).is_true(),
        };
        if keep { cx.write(item) } else { Ok(()) }
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Where-Object")
        .alias("?")
        .alias("where")
        .synopsis("Selects objects from a collection based on their property values.")
        .param(
            Param::new("FilterScript", ParamType::Any)
                .type_name("System.Management.Automation.ScriptBlock")
                .position(0)
                .mandatory()
                .alias("Property"),
        )
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .example(
            "Keeps the even numbers",
            "1..6 | Where-Object { $_ % 2 -eq 0 }",
            "2\n4\n6",
        )
        .example(
            "With $PSItem",
            "'a','bb','ccc' | ? { $PSItem.Length -gt 1 }",
            "bb\nccc",
        );
    CommandInfo::new(sig, || Box::new(WhereObject))
}
