//! Get-Variable (`gv`), Set-Variable (`set`, `sv`), New-Variable (`nv`), Remove-Variable
//! (`rv`), Clear-Variable (`clv`): the session's variables as PSVariable objects, printed
//! as pwsh prints them (a 30-cell Name column, then Value).

use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{has_wildcard, wildcard_match};
use crate::format::view::PS_VARIABLE;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Get,
    Set,
    New,
    Remove,
    Clear,
}

struct Variable(Verb);

fn not_found(cx: &mut Ctx, name: &str) -> Result<(), Flow> {
    cx.error(
        &format!("Cannot find a variable with the name '{name}'."),
        "VariableNotFound",
        ErrorCategory::ObjectNotFound,
    )
}

fn variable(name: &str, value: Value) -> Value {
    let mut o = PsObject::new(vec![PS_VARIABLE.into(), "System.Object".into()]);
    o.set("Name", Value::str(name));
    o.set("Value", value);
    Value::object(o)
}

impl Processor for Variable {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let names = strings(cx.param("Name"));
        let scope = cx.string("Scope");
        let scope = scope.as_deref();
        match self.0 {
            Verb::Get => {
                let all = cx.engine.scopes.variables();
                let patterns = if names.is_empty() {
                    vec!["*".to_string()]
                } else {
                    names
                };
                for pattern in &patterns {
                    let found: Vec<(String, Value)> = all
                        .iter()
                        .filter(|(n, _)| wildcard_match(pattern, n))
                        .cloned()
                        .collect();
                    if found.is_empty() && !has_wildcard(pattern) {
                        not_found(cx, pattern)?;
                    }
                    for (n, v) in found {
                        if cx.switch("ValueOnly") {
                            cx.write(v)?;
                        } else {
                            cx.write(variable(&n, v))?;
                        }
                    }
                }
                Ok(())
            }
            Verb::Set | Verb::New => {
                let value = cx.param("Value").cloned().unwrap_or(Value::Null);
                for name in names {
                    if self.0 == Verb::New
                        && cx.engine.scopes.get(scope, &name).is_some()
                        && !cx.switch("Force")
                    {
                        cx.error(
                            &format!("A variable with name '{name}' already exists."),
                            "VariableAlreadyExists",
                            ErrorCategory::ResourceUnavailable,
                        )?;
                        continue;
                    }
                    cx.engine.scopes.set(scope, &name, value.clone());
                    if cx.switch("PassThru") {
                        cx.write(variable(&name, value.clone()))?;
                    }
                }
                Ok(())
            }
            Verb::Remove => {
                for name in names {
                    if !cx.engine.scopes.remove(&name) {
                        not_found(cx, &name)?;
                    }
                }
                Ok(())
            }
            Verb::Clear => {
                for name in names {
                    if cx.engine.scopes.get(scope, &name).is_none() {
                        not_found(cx, &name)?;
                        continue;
                    }
                    cx.engine.scopes.set(scope, &name, Value::Null);
                }
                Ok(())
            }
        }
    }
}

fn sig(name: &str, synopsis: &str) -> Signature {
    Signature::new(name)
        .synopsis(synopsis)
        .param(Param::new("Name", ParamType::StringArray).position(0))
        .param(Param::new("Scope", ParamType::String))
}

pub fn get_variable() -> CommandInfo {
    let s = sig("Get-Variable", "Gets the variables in the current console.")
        .alias("gv")
        .param(Param::switch("ValueOnly"))
        .example("A value", "$x = 5; Get-Variable x -ValueOnly", "5");
    CommandInfo::new(s, || Box::new(Variable(Verb::Get)))
}

pub fn set_variable() -> CommandInfo {
    let s = sig("Set-Variable", "Sets the value of a variable. Creates the variable if one with the requested name does not exist.")
        .alias("set")
        .alias("sv")
        .param(Param::new("Value", ParamType::Any).position(1).from_pipeline())
        .param(Param::switch("PassThru"))
        .param(Param::switch("Force"))
        .example("Sets a variable", "Set-Variable -Name n -Value 3; $n", "3");
    CommandInfo::new(s, || Box::new(Variable(Verb::Set)))
}

pub fn new_variable() -> CommandInfo {
    let s = sig("New-Variable", "Creates a new variable.")
        .alias("nv")
        .param(
            Param::new("Value", ParamType::Any)
                .position(1)
                .from_pipeline(),
        )
        .param(Param::switch("PassThru"))
        .param(Param::switch("Force"));
    CommandInfo::new(s, || Box::new(Variable(Verb::New)))
}

pub fn remove_variable() -> CommandInfo {
    let s = sig("Remove-Variable", "Deletes a variable and its value.")
        .alias("rv")
        .param(Param::switch("Force"));
    CommandInfo::new(s, || Box::new(Variable(Verb::Remove)))
}

pub fn clear_variable() -> CommandInfo {
    let s = sig("Clear-Variable", "Deletes the value of a variable.")
        .alias("clv")
        .param(Param::switch("Force"));
    CommandInfo::new(s, || Box::new(Variable(Verb::Clear)))
}
