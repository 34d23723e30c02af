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

    /// `v` as engine-less readers should see it: an object with ScriptProperties becomes
    /// a copy whose script properties are plain values, worked out now. Anything else is
    /// returned as it is.
    pub fn resolve_script_properties(&mut self, v: &Value) -> Result<Value, Flow> {
        let Value::Object(o) = v else {
            return Ok(v.clone());
        };
        if !o.borrow().has_script_properties() {
            return Ok(v.clone());
        }
        let getters: Vec<(String, Rc<ScriptBlockValue>)> = o
            .borrow()
            .properties()
            .filter_map(|p| p.getter.clone().map(|g| (p.name.clone(), g)))
            .collect();
        let mut copy = o.borrow().clone();
        for (name, getter) in getters {
            let value = self.script_property(&getter, v)?;
            copy.set(&name, value);
        }
        Ok(Value::object(copy))
    }
}
