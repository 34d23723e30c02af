//! Compare-Object (`compare`, `diff`): what is only in the difference set (`=>`), only in
//! the reference set (`<=`), and, with `-IncludeEqual`, in both (`==`) — difference
//! objects in their order first, then the reference objects left over.

use super::order::equal;
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::property_value;

#[derive(Default)]
struct Compare {
    difference: Vec<Value>,
}

fn items(v: Option<&Value>) -> Vec<Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().clone(),
        Some(one) => vec![one.clone()],
    }
}

impl Processor for Compare {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        match input {
            Some(v) => self.difference.push(v),
            None => self.difference = items(cx.param("DifferenceObject")),
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let props = strings(cx.param("Property"));
        let case = cx.switch("CaseSensitive");
        let key = |v: &Value| -> Vec<Value> {
            if props.is_empty() {
                vec![v.clone()]
            } else {
                props
                    .iter()
                    .map(|p| property_value(v, p).unwrap_or(Value::Null))
                    .collect()
            }
        };
        let same = |a: &Value, b: &Value| {
            let (ka, kb) = (key(a), key(b));
            ka.iter().zip(&kb).all(|(x, y)| equal(x, y, case))
        };
        let mut reference: Vec<Option<Value>> = items(cx.param("ReferenceObject"))
            .into_iter()
            .map(Some)
            .collect();
        let mut results: Vec<(Value, &str)> = Vec::new();
        for d in std::mem::take(&mut self.difference) {
            let found = reference
                .iter()
                .position(|r| r.as_ref().is_some_and(|r| same(r, &d)));
            match found {
                Some(i) => {
                    reference[i] = None;
                    results.push((d, "=="));
                }
                None => results.push((d, "=>")),
            }
        }
        results.extend(reference.into_iter().flatten().map(|r| (r, "<=")));
        let include_equal = cx.switch("IncludeEqual");
        let exclude_different = cx.switch("ExcludeDifferent");
        for (v, side) in results {
            let keep = if side == "==" {
                include_equal || exclude_different
            } else {
                !exclude_different
            };
            if !keep {
                continue;
            }
            if cx.switch("PassThru") {
                cx.write(v)?;
                continue;
            }
            let mut o = PsObject::custom();
            if props.is_empty() {
                o.set("InputObject", v.clone());
            } else {
                for (p, x) in props.iter().zip(key(&v)) {
                    o.set(p, x);
                }
            }
            o.set("SideIndicator", Value::str(side));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Compare-Object")
        .alias("compare")
        .alias("diff")
        .synopsis("Compares two sets of objects.")
        .param(Param::new("ReferenceObject", ParamType::AnyArray).position(0).mandatory())
        .param(Param::new("DifferenceObject", ParamType::AnyArray).position(1).mandatory().from_pipeline())
        .param(Param::new("Property", ParamType::StringArray))
        .param(Param::switch("IncludeEqual"))
        .param(Param::switch("ExcludeDifferent"))
        .param(Param::switch("PassThru"))
        .param(Param::switch("CaseSensitive"))
        .param(Param::new("SyncWindow", ParamType::Int))
        .example(
            "Differences",
            "Compare-Object (1, 2, 3) (2, 3, 4)",
            "\nInputObject SideIndicator\n----------- -------------\n          4 =>\n          1 <=\n",
        );
    CommandInfo::new(sig, || Box::new(Compare::default()))
}
