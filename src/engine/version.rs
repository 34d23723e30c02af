//! `[version]` (System.Version): `Major.Minor[.Build[.Revision]]`, compared part by part
//! (so `1.10` is above `1.2`, unlike the strings). Missing parts are -1, as in .NET.

use std::cmp::Ordering;

use super::object::PsObject;
use super::value::Value;

pub const TYPE: &str = "System.Version";
const PARTS: [&str; 4] = ["Major", "Minor", "Build", "Revision"];

/// `[version]'1.2.3'`: two to four non-negative numbers separated by dots.
pub fn parse(text: &str) -> Option<Value> {
    let numbers: Vec<i32> = text
        .trim()
        .split('.')
        .map(|p| p.trim().parse::<i32>().ok().filter(|n| *n >= 0))
        .collect::<Option<_>>()?;
    if !(2..=4).contains(&numbers.len()) {
        return None;
    }
    let mut o = PsObject::new(vec![TYPE.to_string(), "System.Object".to_string()]);
    for (i, name) in PARTS.iter().enumerate() {
        o.set(name, Value::Int(numbers.get(i).copied().unwrap_or(-1)));
    }
    Some(Value::object(o))
}

/// The four parts of a version value (or of a string that reads as one).
fn parts(v: &Value) -> Option<[i64; 4]> {
    let owned;
    let v = match v {
        Value::String(s) => {
            owned = parse(s)?;
            &owned
        }
        other => other,
    };
    let Value::Object(o) = v else {
        return None;
    };
    let o = o.borrow();
    if o.type_name() != TYPE {
        return None;
    }
    let mut out = [-1i64; 4];
    for (slot, name) in out.iter_mut().zip(PARTS) {
        if let Some(Value::Int(n)) = o.get(name) {
            *slot = i64::from(*n);
        }
    }
    Some(out)
}

/// Orders two versions; `None` unless the left one is a version and the right one is
/// (or converts to) one.
pub fn compare(left: &Value, right: &Value) -> Option<Ordering> {
    if !matches!(left, Value::Object(_)) {
        return None;
    }
    Some(parts(left)?.cmp(&parts(right)?))
}
