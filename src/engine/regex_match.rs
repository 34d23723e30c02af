//! .NET's `Match` and `Group` objects, as `[regex]::Match` and `[regex]::Matches` give
//! them: `Value`, `Index`, `Length`, `Success`, and a match's `Groups` (group 0 is the
//! whole match, then the numbered and named groups in .NET's order).

use super::net_regex::{Groups, NetRegex};
use super::object::PsObject;
use super::value::Value;

const MATCH_TYPE: &str = "System.Text.RegularExpressions.Match";
pub(crate) const GROUP_TYPE: &str = "System.Text.RegularExpressions.Group";

/// Positions in characters, as .NET counts them (for text in the Basic Multilingual Plane).
fn char_index(text: &str, byte: usize) -> i32 {
    i32::try_from(text[..byte].chars().count()).unwrap_or(i32::MAX)
}

fn part(type_name: &str, name: &str, text: &str, found: Option<(usize, usize)>) -> PsObject {
    let mut o = PsObject::new(vec![type_name.to_string(), "System.Object".to_string()]);
    let (value, index, length) = match found {
        Some((start, end)) => {
            let value = &text[start..end];
            (
                value,
                char_index(text, start),
                char_index(value, value.len()),
            )
        }
        None => ("", 0, 0),
    };
    o.set("Groups", Value::Null);
    o.set("Success", Value::Bool(found.is_some()));
    o.set("Name", Value::str(name));
    o.set("Index", Value::Int(index));
    o.set("Length", Value::Int(length));
    o.set("Value", Value::str(value));
    o
}

/// A `Match` for `groups` (an unsuccessful one for `None`).
pub fn match_value(re: &NetRegex, text: &str, groups: Option<&Groups>) -> Value {
    let mut m = part(MATCH_TYPE, "0", text, groups.map(Groups::whole));
    let parts = match groups {
        Some(g) => re
            .groups_in_order()
            .map(|(name, index)| Value::object(part(GROUP_TYPE, name, text, g.get(index))))
            .collect(),
        None => Vec::new(),
    };
    m.set("Groups", Value::array(parts));
    Value::object(m)
}

/// Every match of `re` in `text`, as `[regex]::Matches` gives them.
pub fn matches_value(re: &NetRegex, text: &str, all: &[Groups]) -> Value {
    Value::array(all.iter().map(|g| match_value(re, text, Some(g))).collect())
}
