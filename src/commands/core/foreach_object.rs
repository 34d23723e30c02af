//! ForEach-Object (`%`, `foreach`): runs script blocks per input object, or reads a
//! property / calls a method of each (`% Name`, `% ToUpper`).

use std::rc::Rc;

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::members;
use crate::engine::value::{ScriptBlockValue, Value};

#[derive(Default)]
struct ForEachObject {
    begin: Option<Rc<ScriptBlockValue>>,
    process: Vec<Rc<ScriptBlockValue>>,
    end: Option<Rc<ScriptBlockValue>>,
    member: Option<String>,
}

fn blocks(v: Option<&Value>) -> Vec<Rc<ScriptBlockValue>> {
    let items = match v {
        Some(Value::Array(a)) => a.borrow().clone(),
        Some(v) => vec![v.clone()],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|v| match v {
            Value::ScriptBlock(sb) => Some(sb),
            _ => None,
        })
        .collect()
}

impl Processor for ForEachObject {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        self.begin = cx.script_block("Begin");
        self.end = cx.script_block("End");
        match cx.param("Process") {
            Some(Value::String(name)) => self.member = Some(name.to_string()),
            Some(Value::Array(a))
                if a.borrow().len() == 1 && matches!(a.borrow()[0], Value::String(_)) =>
            {
                self.member = Some(a.borrow()[0].to_string());
            }
            other => {
                let mut list = blocks(other);
                // `% {begin} {process} {end}`: several positional blocks.
                if self.begin.is_none() && self.end.is_none() && list.len() >= 2 {
                    self.begin = Some(list.remove(0));
                    if list.len() >= 2 {
                        self.end = list.pop();
                    }
                }
                self.process = list;
            }
        }
        if self.member.is_none()
            && self.process.is_empty()
            && self.begin.is_none()
            && self.end.is_none()
        {
            return Err(cx.terminating(
                "Cannot process command because of one or more missing mandatory parameters: Process.",
                "MissingMandatoryParameter",
                ErrorCategory::InvalidArgument,
            ));
        }
        match self.begin.clone() {
            Some(b) => cx.run_block(&b, None, Vec::new()),
            None => Ok(()),
        }
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let input = input.or_else(|| cx.param("InputObject").cloned());
        if let Some(name) = self.member.clone() {
            let Some(v) = input else { return Ok(()) };
            let args = match cx.param("ArgumentList") {
                Some(a) => crate::engine::convert::to_vec(a),
                None => Vec::new(),
            };
            let prop = members::get_member(&v, &name);
            if !prop.is_null() {
                return cx.write_enumerated(prop);
            }
            return match members::call_method(&v, &name, &args) {
                Ok(r) => cx.write_enumerated(r),
                Err(_) => Ok(()),
            };
        }
        for b in self.process.clone() {
            cx.run_block(&b, Some(input.clone().unwrap_or(Value::Null)), Vec::new())?;
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        match self.end.clone() {
            Some(b) => cx.run_block(&b, None, Vec::new()),
            None => Ok(()),
        }
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("ForEach-Object")
        .alias("%")
        .alias("foreach")
        .synopsis("Performs an operation against each item in a collection of input objects.")
        .param(
            Param::new("Process", ParamType::Any)
                .type_name("System.Management.Automation.ScriptBlock[]")
                .position(0)
                .remaining()
                .alias("MemberName"),
        )
        .param(Param::new("Begin", ParamType::ScriptBlock))
        .param(Param::new("End", ParamType::ScriptBlock))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .param(Param::new("ArgumentList", ParamType::AnyArray).alias("Args"))
        .example(
            "Doubles each number",
            "1..3 | ForEach-Object { $_ * 2 }",
            "2\n4\n6",
        )
        .example(
            "Begin, process and end blocks",
            "1..3 | % -Begin { 'start' } -Process { $_ } -End { 'done' }",
            "start\n1\n2\n3\ndone",
        )
        .example("Reads a property", "'a','bcd' | % Length", "1\n3")
        .example("Calls a method", "'a','b' | % ToUpper", "A\nB");
    CommandInfo::new(sig, || Box::new(ForEachObject::default()))
}
