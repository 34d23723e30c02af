//! .NET's `Match` and `Group` objects, as `[regex]::Match` and `[regex]::Matches` give
//! them: `Value`, `Index`, `Length`, `Success`, and a match's `Groups` (group 0 is the
//! whole match, then the numbered and named groups in .NET's order).

use regex::{Captures, Regex};

use super::object::PsObject;
use super::value::Value;

const MATCH_TYPE: &str = "System.Text.RegularExpressions.Match";
const GROUP_TYPE: &str = "System.Text.RegularExpressions.Group";

/// Positions in characters, as .NET counts them (for text in the Basic Multilingual Plane).
fn char_index(text: &str, byte: usize) -> i32 {
    i32::try_from(text[..byte].chars().count()).unwrap_or(i32::MAX)
}

fn part(type_name: &str, name: &str, text: &str, found: Option<regex::Match>) -> PsObject {
    let mut o = PsObject::new(vec![type_name.to_string(), "System.Object".to_string()]);
    let (value, index, length) = match found {
        Some(m) => (
            m.as_str(),
            char_index(text, m.start()),
            char_index(m.as_str(), m.as_str().len()),
        ),
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

/// A `Match` for `caps` (an unsuccessful one for `None`).
pub fn match_value(re: &Regex, text: &str, caps: Option<&Captures>) -> Value {
    let mut m = part(MATCH_TYPE, "0", text, caps.and_then(|c| c.get(0)));
    match caps {
        Some(c) => {
            let names: Vec<Option<&str>> = re.capture_names().collect();
            // .NET numbers the unnamed groups first, then the named ones.
            let order = (0..names.len())
                .filter(|i| names[*i].is_none())
                .chain((0..names.len()).filter(|i| names[*i].is_some()));
            let groups = order
                .enumerate()
                .map(|(number, i)| {
                    let name = names[i].map_or_else(|| number.to_string(), str::to_string);
                    Value::object(part(GROUP_TYPE, &name, text, c.get(i)))
                })
                .collect();
            m.set("Groups", Value::array(groups));
        }
        None => m.set("Groups", Value::array(Vec::new())),
    }
    Value::object(m)
}

/// Every match of `re` in `text`, as `[regex]::Matches` gives them.
pub fn matches_value(re: &Regex, text: &str) -> Value {
    Value::array(
        re.captures_iter(text)
            .map(|c| match_value(re, text, Some(&c)))
            .collect(),
    )
}
