//! ConvertFrom-StringData: `name = value` lines (as in localized string tables) into a
//! hashtable. Blank lines and `#` comments are skipped; keys and values are trimmed and
//! values take `\n`, `\t`, `\\` escapes, as pwsh's `Regex.Unescape` reads them.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{Hashtable, Value};

struct ConvertFromStringData;

impl Processor for ConvertFromStringData {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let text = input
            .or_else(|| cx.param("StringData").cloned())
            .map(|v| v.to_string())
            .unwrap_or_default();
        let delimiter = cx
            .string("Delimiter")
            .and_then(|d| d.chars().next())
            .unwrap_or('=');
        let mut table = Hashtable::new(false);
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(delimiter) else {
                return Err(cx.terminating(
                    &format!("Data line '{line}' is not in 'name{delimiter}value' format."),
                    "InvalidOperation",
                    ErrorCategory::InvalidOperation,
                ));
            };
            let key = Value::str(key.trim());
            if table.get(&key).is_some() {
                return Err(cx.terminating(
                    &format!("Data item '{key}' in line '{line}' is already defined."),
                    "InvalidOperation",
                    ErrorCategory::InvalidOperation,
                ));
            }
            table.insert(key, Value::str(unescape(value.trim())));
        }
        cx.write(Value::hashtable(table))
    }
}

/// The escapes of .NET's `Regex.Unescape` that string tables use.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("ConvertFrom-StringData")
        .synopsis("Converts a string containing one or more key and value pairs to a hash table.")
        .param(
            Param::new("StringData", ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("Delimiter", ParamType::String))
        .example(
            "A value by its key",
            "(ConvertFrom-StringData \"Greeting = Hello`nTopic = Mail\").Topic",
            "Mail",
        );
    CommandInfo::new(sig, || Box::new(ConvertFromStringData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(unescape(r"a\tb\\c\n"), "a\tb\\c\n");
    }
}
