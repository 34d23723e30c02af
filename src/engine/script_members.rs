//! ScriptProperties (`Add-Member -MemberType ScriptProperty`): a property whose getter
//! script block runs with `$this` set to the object each time it is read.
//!
//! Member access (`$o.Size`) runs the getter on the spot. Code that reads properties
//! without the engine (formatting, Select-Object's closures, JSON) is given a copy of the
//! object whose script properties hold their current values
//! ([`Engine::resolve_script_properties`]), which is what pwsh would read at that moment.

use std::rc::Rc;

use super::command::Flow;
use super::runtime::Engine;
use super::value::{ScriptBlockValue, Value};

impl Engine {
    /// The getter of `target`'s ScriptProperty `name`, when it has one.
    pub fn script_getter(target: &Value, name: &str) -> Option<Rc<ScriptBlockValue>> {
        match target {
            Value::Object(o) => o.borrow().get_property(name)?.getter.clone(),
            _ => None,
        }
    }

    /// Runs a ScriptProperty's getter for `this`: nothing is `$null`, one value itself,
    /// several an array.
    pub fn script_property(
        &mut self,
        getter: &ScriptBlockValue,
        this: &Value,
    ) -> Result<Value, Flow> {
        let saved = self.scopes.get(None, "this");
        self.scopes.set(None, "this", this.clone());
        let mut out: Vec<Value> = Vec::new();
        let result = self.run_block_dot_sourced(getter, None, Vec::new(), &mut out);
        self.scopes.set(None, "this", saved.unwrap_or(Value::Null));
        result?;
        Ok(match out.len() {
            0 => Value::Null,
            1 => out.pop().unwrap_or(Value::Null),
            _ => Value::array(out),
        })
    }

    /// `v` as engine-less readers should see it: an object with ScriptProperties (its
    /// own, or those of objects in its properties, a few levels down) becomes a copy whose
    /// script properties are plain values, worked out now. Anything else is returned as
    /// it is.
    pub fn resolve_script_properties(&mut self, v: &Value) -> Result<Value, Flow> {
        self.resolve_within(v, RESOLVE_DEPTH)
    }

    fn resolve_within(&mut self, v: &Value, depth: usize) -> Result<Value, Flow> {
        if !has_script_properties(v, depth) {
            return Ok(v.clone());
        }
        match v {
            Value::Object(o) => {
                let props: Vec<(String, Value, Option<Rc<ScriptBlockValue>>)> = o
                    .borrow()
                    .properties()
                    .map(|p| (p.name.clone(), p.value.clone(), p.getter.clone()))
                    .collect();
                let mut copy = o.borrow().clone();
                for (name, value, getter) in props {
                    let resolved = match getter {
                        Some(getter) => self.script_property(&getter, v)?,
                        None => self.resolve_within(&value, depth - 1)?,
                    };
                    copy.set(&name, resolved);
                }
                Ok(Value::object(copy))
            }
            Value::Array(items) => {
                let items = items.borrow().clone();
                let mut out = Vec::with_capacity(items.len());
                for item in &items {
                    out.push(self.resolve_within(item, depth - 1)?);
                }
                Ok(Value::array(out))
            }
            other => Ok(other.clone()),
        }
    }
}

/// How far down nested objects are searched for script properties (objects can refer to
/// themselves; formatting and JSON rarely read deeper).
const RESOLVE_DEPTH: usize = 4;

/// Whether `v`, or an object within `depth` levels of it, has a ScriptProperty.
fn has_script_properties(v: &Value, depth: usize) -> bool {
    if depth == 0 {
        return false;
    }
    match v {
        Value::Object(o) => o
            .borrow()
            .properties()
            .any(|p| p.getter.is_some() || has_script_properties(&p.value, depth - 1)),
        Value::Array(items) => items
            .borrow()
            .iter()
            .any(|item| has_script_properties(item, depth - 1)),
        _ => false,
    }
}
