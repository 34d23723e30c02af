//! Values the formatting and cmdlet unit tests build their inputs from.

use crate::engine::object::PsObject;
use crate::engine::value::Value;

/// A PSCustomObject with these properties, in order.
pub fn obj(props: &[(&str, Value)]) -> Value {
    let mut o = PsObject::custom();
    for (k, v) in props {
        o.set(k, v.clone());
    }
    Value::object(o)
}

/// A string value.
pub fn s(x: &str) -> Value {
    Value::str(x)
}
