//! ConvertTo-Json and ConvertFrom-Json, as pwsh 7 writes and reads JSON: two-space
//! indentation, properties in order, objects deeper than `-Depth` (2) written as their
//! string form with a warning, and ISO dates read back as dates.

use serde_json::{Map, Number, Value as Json};

use super::props::given;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::{Hashtable, Value};

/// A value as JSON; `truncated` is set when `depth` cut something off.
pub fn to_json(v: &Value, depth: i64, truncated: &mut bool) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Long(i) => Json::from(*i),
        Value::Double(d) => Number::from_f64(*d).map(Json::Number).unwrap_or(Json::Null),
        Value::Decimal(d) => d
            .to_string()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Json::Number)
            .unwrap_or(Json::Null),
        Value::Char(c) => Json::from(u32::from(*c)),
        // .NET's round-trip form for a DateTime of unspecified kind (what exosh's dates
        // are): seconds always, the fraction only as far as it is not zero.
        Value::DateTime(dt) => Json::String(super::date::dotnet_format(
            dt,
            "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        )),
        Value::Array(items) => Json::Array(
            items
                .borrow()
                .iter()
                .map(|x| nested(x, depth, truncated))
                .collect(),
        ),
        Value::Hashtable(h) => Json::Object(
            h.borrow()
                .iter()
                .map(|(k, x)| (k.to_string(), nested(x, depth, truncated)))
                .collect::<Map<_, _>>(),
        ),
        Value::Object(o) => Json::Object(
            o.borrow()
                .properties()
                .map(|p| (p.name.clone(), nested(&p.value, depth, truncated)))
                .collect::<Map<_, _>>(),
        ),
        other => Json::String(other.to_string()),
    }
}

/// A member one level down (an array's element too, as in pwsh): containers beyond the
/// depth become their .NET string form.
fn nested(v: &Value, depth: i64, truncated: &mut bool) -> Json {
    let container = matches!(v, Value::Object(_) | Value::Hashtable(_) | Value::Array(_));
    if container && depth <= 0 {
        *truncated = true;
        return Json::String(match v {
            Value::Array(_) => "System.Object[]".to_string(),
            other => other.to_string(),
        });
    }
    to_json(v, depth - 1, truncated)
}

pub fn from_json(j: &Json, as_hashtable: bool) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i32::try_from(i).map(Value::Int).unwrap_or(Value::Long(i)),
            (None, Some(f)) => Value::Double(f),
            _ => Value::Null,
        },
        Json::String(s) => parse_date(s)
            .map(Value::DateTime)
            .unwrap_or_else(|| Value::str(s)),
        Json::Array(items) => {
            Value::array(items.iter().map(|x| from_json(x, as_hashtable)).collect())
        }
        Json::Object(map) => {
            if as_hashtable {
                let mut h = Hashtable::new(true);
                for (k, x) in map {
                    h.insert(Value::str(k), from_json(x, true));
                }
                Value::hashtable(h)
            } else {
                let mut o = PsObject::custom();
                for (k, x) in map {
                    o.set(k, from_json(x, false));
                }
                Value::object(o)
            }
        }
    }
}

fn parse_date(s: &str) -> Option<chrono::NaiveDateTime> {
    if s.len() < 19 || s.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    chrono::NaiveDateTime::parse_from_str(s.get(..19)?, "%Y-%m-%dT%H:%M:%S").ok()
}

#[derive(Default)]
struct ToJson {
    items: Vec<Value>,
}

impl Processor for ToJson {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        if let Some(v) = super::props::input_object(cx, input)? {
            self.items.push(v);
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let depth = match cx.param("Depth") {
            Some(Value::Int(d)) => i64::from(*d),
            _ => 2,
        };
        // pwsh's [ValidateRange(0, 100)] on -Depth.
        if !(0..=100).contains(&depth) {
            let bound = if depth < 0 {
                "less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0"
            } else {
                "greater than the maximum allowed range of 100. Supply an argument that is less than or equal to 100"
            };
            return Err(cx.terminating(
                &format!("Cannot validate argument on parameter 'Depth'. The {depth} argument is {bound} and then try the command again."),
                "ParameterArgumentValidationError",
                ErrorCategory::InvalidData,
            ));
        }
        let value = match self.items.len() {
            0 => return Ok(()),
            1 => self.items[0].clone(),
            _ => Value::array(std::mem::take(&mut self.items)),
        };
        let value = match value {
            Value::Array(_) => value,
            other if cx.switch("AsArray") => Value::array(vec![other]),
            other => other,
        };
        let mut truncated = false;
        let json = to_json(&value, depth, &mut truncated);
        if truncated {
            cx.warning(&format!(
                "Resulting JSON is truncated as serialization has exceeded the set depth of {depth}."
            ))?;
        }
        let text = if cx.switch("Compress") {
            serde_json::to_string(&json)
        } else {
            serde_json::to_string_pretty(&json)
        }
        .unwrap_or_default();
        cx.write(Value::str(text))
    }
}

pub fn convert_to_json() -> CommandInfo {
    let sig = Signature::new("ConvertTo-Json")
        .synopsis("Converts an object to a JSON-formatted string.")
        .param(
            Param::new("InputObject", ParamType::Any)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("Depth", ParamType::Int))
        .param(Param::switch("Compress"))
        .param(Param::switch("AsArray"))
        .param(Param::switch("EnumsAsStrings"))
        .example(
            "Compressed",
            "[pscustomobject]@{Name='Ken'; Ids=1,2} | ConvertTo-Json -Compress",
            "{\"Name\":\"Ken\",\"Ids\":[1,2]}",
        )
        .example(
            "Indented by two spaces",
            "@{A=1} | ConvertTo-Json",
            "{\n  \"A\": 1\n}",
        );
    CommandInfo::new(sig, || Box::new(ToJson::default()))
}

/// JSON text with single-quoted strings (`{'a':'b'}`, which pwsh's reader accepts)
/// rewritten as double-quoted ones; everything else is left as it is.
pub fn double_quoted(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\'') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(d) = chars.next() {
                    out.push(d);
                    match d {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                out.push('"');
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => match chars.next() {
                            Some('\'') => out.push('\''),
                            Some(e) => {
                                out.push('\\');
                                out.push(e);
                            }
                            None => {}
                        },
                        '"' => out.push_str("\\\""),
                        '\'' => break,
                        other => out.push(other),
                    }
                }
                out.push('"');
            }
            other => out.push(other),
        }
    }
    out.into()
}

#[derive(Default)]
struct FromJson {
    text: Vec<String>,
}

impl Processor for FromJson {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        if let Some(v) = given(cx, input) {
            self.text.push(v.to_string());
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let text = self.text.join("\n");
        if text.trim().is_empty() {
            return Ok(());
        }
        match serde_json::from_str::<Json>(&double_quoted(&text)) {
            Ok(j) => {
                let v = from_json(&j, cx.switch("AsHashtable"));
                if cx.switch("NoEnumerate") {
                    cx.write(v)
                } else {
                    cx.write_enumerated(v)
                }
            }
            Err(e) => Err(cx.terminating(
                &format!("Conversion from JSON failed with error: {e}"),
                "System.ArgumentException",
                ErrorCategory::ParserError,
            )),
        }
    }
}

pub fn convert_from_json() -> CommandInfo {
    let sig = Signature::new("ConvertFrom-Json")
        .synopsis("Converts a JSON-formatted string to a custom object or a hash table.")
        .param(
            Param::new("InputObject", ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::switch("AsHashtable"))
        .param(Param::switch("NoEnumerate"))
        .param(Param::new("Depth", ParamType::Int))
        .example(
            "An object",
            "'{\"Name\":\"Ken\",\"Age\":40}' | ConvertFrom-Json",
            "\nName Age\n---- ---\nKen   40\n",
        );
    CommandInfo::new(sig, || Box::new(FromJson::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_cuts_with_string_form() {
        let mut inner = PsObject::custom();
        inner.set("B", Value::Int(1));
        let mut mid = PsObject::custom();
        mid.set("Inner", Value::object(inner));
        let mut top = PsObject::custom();
        top.set("Mid", Value::object(mid));
        let mut cut = false;
        let j = to_json(&Value::object(top), 1, &mut cut);
        assert!(cut);
        assert_eq!(j.to_string(), "{\"Mid\":{\"Inner\":\"@{B=1}\"}}");
    }

    #[test]
    fn single_quoted_strings_read_as_strings() {
        assert_eq!(
            double_quoted(r#"{'a':'it\'s "x"'}"#),
            r#"{"a":"it's \"x\""}"#
        );
        assert_eq!(double_quoted(r#"{"a":"b'c"}"#), r#"{"a":"b'c"}"#);
    }

    #[test]
    fn reads_numbers_and_dates() {
        let j: Json = serde_json::from_str("[1, 5000000000, 1.5, \"2024-01-02T03:04:05\"]")
            .unwrap_or(Json::Null);
        let v = from_json(&j, false);
        let Value::Array(a) = v else { panic!("array") };
        let a = a.borrow();
        assert!(matches!(a[0], Value::Int(1)));
        assert!(matches!(a[1], Value::Long(5_000_000_000)));
        assert!(matches!(a[2], Value::Double(_)));
        assert!(matches!(a[3], Value::DateTime(_)));
    }
}
