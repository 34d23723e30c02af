//! PowerShell's conversion rules: numbers from strings, casts to named types, `-as`, `-is`.

use std::rc::Rc;

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::object::PsObject;
use super::value::Value;

/// A conversion failure: the text after `Cannot convert value "x" to type "T". Error: `
/// (or the whole message when `whole` is set).
#[derive(Debug, Clone)]
pub struct ConvertError {
    pub message: String,
}

impl ConvertError {
    fn cannot(value: &Value, type_name: &str, detail: &str) -> ConvertError {
        let shown = match value {
            Value::Null => "".to_string(),
            v => v.to_string(),
        };
        let message = if detail.is_empty() {
            format!("Cannot convert value \"{shown}\" to type \"{type_name}\".")
        } else {
            format!("Cannot convert value \"{shown}\" to type \"{type_name}\". Error: \"{detail}\"")
        };
        ConvertError { message }
    }
}

/// The canonical .NET name of a type as written in brackets (`int` → `System.Int32`).
/// `None` when exosh does not know the type.
pub fn canonical_type(name: &str) -> Option<String> {
    let n = name.trim();
    if let Some(elem) = n.strip_suffix("[]") {
        return canonical_type(elem).map(|e| format!("{e}[]"));
    }
    let lower = n.to_lowercase();
    let lower = lower.strip_prefix("system.").unwrap_or(&lower).to_string();
    // Growable lists are arrays in exosh (see `members::call_method`'s `Add`).
    if lower.starts_with("collections.generic.list[")
        || lower.starts_with("collections.generic.list`")
    {
        return Some("System.Collections.Generic.List".to_string());
    }
    let full = match lower.as_str() {
        "int" | "int32" => "System.Int32",
        "long" | "int64" => "System.Int64",
        "short" | "int16" => "System.Int16",
        "byte" => "System.Byte",
        "uint32" | "uint" => "System.UInt32",
        "uint64" | "ulong" => "System.UInt64",
        "double" => "System.Double",
        "float" | "single" => "System.Single",
        "decimal" => "System.Decimal",
        "string" => "System.String",
        "char" => "System.Char",
        "bool" | "boolean" => "System.Boolean",
        "datetime" => "System.DateTime",
        "timespan" => "System.TimeSpan",
        "guid" => "System.Guid",
        "version" | "system.version" => "System.Version",
        "object" => "System.Object",
        "array" => "System.Array",
        "void" => "System.Void",
        "hashtable" | "collections.hashtable" => "System.Collections.Hashtable",
        "ordered" | "collections.specialized.ordereddictionary" => {
            "System.Collections.Specialized.OrderedDictionary"
        }
        "collections.idictionary" | "idictionary" => "System.Collections.IDictionary",
        "collections.arraylist" | "arraylist" => "System.Collections.ArrayList",
        "collections.ienumerable" | "ienumerable" => "System.Collections.IEnumerable",
        "pscustomobject" | "management.automation.pscustomobject" => {
            "System.Management.Automation.PSCustomObject"
        }
        "psobject" | "management.automation.psobject" => "System.Management.Automation.PSObject",
        "scriptblock" | "management.automation.scriptblock" => {
            "System.Management.Automation.ScriptBlock"
        }
        "switch" | "management.automation.switchparameter" => {
            "System.Management.Automation.SwitchParameter"
        }
        "errorrecord" | "management.automation.errorrecord" => {
            "System.Management.Automation.ErrorRecord"
        }
        "regex" | "text.regularexpressions.regex" => "System.Text.RegularExpressions.Regex",
        "math" => "System.Math",
        "environment" => "System.Environment",
        "convert" => "System.Convert",
        "securestring" | "security.securestring" => "System.Security.SecureString",
        "valuetype" => "System.ValueType",
        "type" | "runtimetype" => "System.Type",
        _ => return None,
    };
    Some(full.to_string())
}

/// The short name of a canonical type (`System.Int32` → `Int32`), as `.GetType().Name`.
pub fn short_type_name(full: &str) -> &str {
    full.rsplit('.').next().unwrap_or(full)
}

/// Parses text as PowerShell converts strings to numbers: trimmed, decimal or `0x` hex,
/// with fraction or exponent giving a double; integers widen Int32 → Int64 → Double.
/// Empty text is 0.
pub fn parse_number(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return Some(Value::Int(0));
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        let v = i64::from_str_radix(hex, 16).ok()?;
        let v = if neg { -v } else { v };
        return Some(int_or_long(v));
    }
    if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        return match t.parse::<i64>() {
            Ok(v) => Some(int_or_long(v)),
            Err(_) => t.parse::<f64>().ok().map(Value::Double),
        };
    }
    let looks_numeric = body
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && body.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric {
        return t.parse::<f64>().ok().map(Value::Double);
    }
    None
}

fn int_or_long(v: i64) -> Value {
    match i32::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Long(v),
    }
}

/// A value as a number for arithmetic (`"5"` → 5, `$true` → 1, `$null` → 0).
pub fn to_number(v: &Value) -> Result<Value, ConvertError> {
    match v {
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) => Ok(v.clone()),
        Value::Null => Ok(Value::Int(0)),
        Value::Bool(b) => Ok(Value::Int(i32::from(*b))),
        Value::Char(c) => Ok(Value::Int(*c as i32)),
        Value::String(s) => parse_number(s).ok_or_else(|| {
            ConvertError::cannot(
                v,
                "System.Int32",
                &format!("The input string '{s}' was not in a correct format."),
            )
        }),
        Value::Array(a) if a.borrow().len() == 1 => {
            let first = a.borrow()[0].clone();
            to_number(&first)
        }
        other => Err(ConvertError::cannot(other, "System.Int32", "")),
    }
}

/// Whether a value is one of the numeric types.
pub fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_)
    )
}

pub fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => f64::from(*i),
        Value::Long(i) => *i as f64,
        Value::Double(d) => *d,
        Value::Decimal(d) => d.to_f64().unwrap_or(0.0),
        Value::Bool(b) => f64::from(u8::from(*b)),
        _ => 0.0,
    }
}

/// .NET's `Math.Round` default (to even), then range-checked into an integer type.
fn round_even(d: f64) -> f64 {
    let r = d.round();
    if (d - d.trunc()).abs() == 0.5 {
        2.0 * (d / 2.0).round()
    } else {
        r
    }
}

/// `[int]$v`.
pub fn to_i32(v: &Value) -> Result<i32, ConvertError> {
    let n = to_number_for(v, "System.Int32")?;
    let out_of_range = || {
        ConvertError::cannot(
            v,
            "System.Int32",
            "Value was either too large or too small for an Int32.",
        )
    };
    match n {
        Value::Int(i) => Ok(i),
        Value::Long(l) => i32::try_from(l).map_err(|_| out_of_range()),
        Value::Double(d) => {
            let r = round_even(d);
            if r.is_finite() && r >= f64::from(i32::MIN) && r <= f64::from(i32::MAX) {
                Ok(r as i32)
            } else {
                Err(out_of_range())
            }
        }
        Value::Decimal(d) => d
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointNearestEven)
            .to_i32()
            .ok_or_else(out_of_range),
        _ => Err(out_of_range()),
    }
}

/// `[long]$v`.
pub fn to_i64(v: &Value) -> Result<i64, ConvertError> {
    let n = to_number_for(v, "System.Int64")?;
    let out_of_range = || {
        ConvertError::cannot(
            v,
            "System.Int64",
            "Value was either too large or too small for an Int64.",
        )
    };
    match n {
        Value::Int(i) => Ok(i64::from(i)),
        Value::Long(l) => Ok(l),
        Value::Double(d) => {
            let r = round_even(d);
            if r.is_finite() && r >= i64::MIN as f64 && r <= i64::MAX as f64 {
                Ok(r as i64)
            } else {
                Err(out_of_range())
            }
        }
        Value::Decimal(d) => d
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointNearestEven)
            .to_i64()
            .ok_or_else(out_of_range),
        _ => Err(out_of_range()),
    }
}

fn to_number_for(v: &Value, type_name: &str) -> Result<Value, ConvertError> {
    match v {
        Value::String(s) => parse_number(s).ok_or_else(|| {
            ConvertError::cannot(
                v,
                type_name,
                &format!("The input string '{s}' was not in a correct format."),
            )
        }),
        Value::Array(a) if a.borrow().len() != 1 => Err(ConvertError {
            message: format!(
                "Cannot convert the \"{v}\" value of type \"System.Object[]\" to type \"{type_name}\"."
            ),
        }),
        Value::Null | Value::Bool(_) | Value::Char(_) | Value::Array(_) => to_number(v),
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) => Ok(v.clone()),
        other => Err(ConvertError {
            message: format!(
                "Cannot convert the \"{other}\" value of type \"{}\" to type \"{type_name}\".",
                other.type_name()
            ),
        }),
    }
}

/// `[double]$v`.
pub fn to_f64(v: &Value) -> Result<f64, ConvertError> {
    Ok(as_f64(&to_number_for(v, "System.Double")?))
}

/// `[decimal]$v`.
pub fn to_decimal(v: &Value) -> Result<Decimal, ConvertError> {
    if let Value::String(s) = v
        && let Ok(d) = s.trim().parse::<Decimal>()
    {
        return Ok(d);
    }
    match to_number_for(v, "System.Decimal")? {
        Value::Int(i) => Ok(Decimal::from(i)),
        Value::Long(l) => Ok(Decimal::from(l)),
        Value::Decimal(d) => Ok(d),
        Value::Double(d) => Decimal::from_f64(d).ok_or_else(|| {
            ConvertError::cannot(
                v,
                "System.Decimal",
                "Value was either too large or too small for a Decimal.",
            )
        }),
        _ => Err(ConvertError::cannot(v, "System.Decimal", "")),
    }
}

/// Every element of a value as a vector: an array's elements, `$null` as nothing, any other
/// value as itself.
pub fn to_vec(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// Parses a date as `[datetime]"..."` does (invariant culture: ISO 8601 and US `M/d/yyyy`).
pub fn parse_datetime(text: &str) -> Option<chrono::NaiveDateTime> {
    use chrono::{NaiveDate, NaiveDateTime};
    let t = text.trim();
    const FORMATS: [&str; 8] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M %p",
    ];
    let trimmed = t.trim_end_matches('Z');
    for f in FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(trimmed, f) {
            return Some(dt);
        }
    }
    for f in [
        "%Y-%m-%d",
        "%m/%d/%Y",
        "%Y/%m/%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%d-%b-%Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return d.and_hms_opt(0, 0, 0);
        }
    }
    None
}

/// Parses a GUID in its usual forms (`xxxxxxxx-xxxx-...`, with or without braces/dashes).
pub fn parse_guid(text: &str) -> Option<u128> {
    let t = text.trim().trim_start_matches('{').trim_end_matches('}');
    let hex: String = t.chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 || (t.len() != 32 && t.len() != 36) {
        return None;
    }
    u128::from_str_radix(&hex, 16).ok()
}

/// A cast `[T]$v` to a canonical type name. `Err` carries pwsh's message.
pub fn cast(v: &Value, type_name: &str) -> Result<Value, ConvertError> {
    if let Some(elem) = type_name.strip_suffix("[]") {
        // `[int[]]$null` stays $null (it is not an empty array).
        if v.is_null() {
            return Ok(Value::Null);
        }
        if let (Value::String(s), "System.Char") = (v, elem) {
            return Ok(Value::array(s.chars().map(Value::Char).collect()));
        }
        let items = to_vec(v)
            .iter()
            .map(|x| cast(x, elem))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Value::array(items));
    }
    Ok(match type_name {
        // The narrow integers are kept as Int32, but their range is checked as .NET does.
        "System.Byte" => Value::Int(narrow(v, type_name, 0, 255, "an unsigned byte")?),
        "System.Int16" => Value::Int(narrow(v, type_name, -32768, 32767, "an Int16")?),
        "System.Int32" | "System.UInt32" => Value::Int(to_i32(v)?),
        "System.Int64" | "System.UInt64" => Value::Long(to_i64(v)?),
        "System.Double" | "System.Single" => Value::Double(to_f64(v)?),
        "System.Decimal" => Value::Decimal(to_decimal(v)?),
        "System.String" => match v {
            Value::Null => Value::str(""),
            other => Value::str(other.to_string()),
        },
        "System.Char" => match v {
            Value::Char(_) => v.clone(),
            Value::String(s) if s.chars().count() == 1 => {
                Value::Char(s.chars().next().unwrap_or('\0'))
            }
            // A .NET char is one UTF-16 unit; reals do not convert (`Invalid cast from
            // 'Double' to 'Char'`).
            Value::Int(_) | Value::Long(_) => {
                u16::try_from(to_i64(v)?)
                    .ok()
                    .and_then(|n| char::from_u32(n.into()))
                    .map(Value::Char)
                    .ok_or_else(|| {
                        let why = "Value was either too large or too small for a character.";
                        ConvertError::cannot(v, "System.Char", why)
                    })?
            }
            Value::Double(_) | Value::Decimal(_) => {
                let from = if matches!(v, Value::Double(_)) { "Double" } else { "Decimal" };
                return Err(ConvertError::cannot(
                    v,
                    "System.Char",
                    &format!("Invalid cast from '{from}' to 'Char'."),
                ));
            }
            _ => {
                return Err(ConvertError::cannot(
                    v,
                    "System.Char",
                    "String must be exactly one character long.",
                ));
            }
        },
        "System.Boolean" | "System.Management.Automation.SwitchParameter" => {
            Value::Bool(v.is_true())
        }
        "System.Object" | "System.Management.Automation.PSObject" => v.clone(),
        "System.Collections.ArrayList" | "System.Collections.Generic.List" => {
            Value::array(to_vec(v))
        }
        "System.Array" => match v {
            Value::Array(_) => v.clone(),
            Value::Null => Value::array(Vec::new()),
            other => Value::array(vec![other.clone()]),
        },
        "System.DateTime" => match v {
            Value::DateTime(_) => v.clone(),
            Value::String(s) => Value::DateTime(parse_datetime(s).ok_or_else(|| {
                ConvertError::cannot(
                    v,
                    "System.DateTime",
                    &format!(
                        "String '{s}' was not recognized as a valid DateTime."
                    ),
                )
            })?),
            _ => return Err(ConvertError::cannot(v, "System.DateTime", "")),
        },
        "System.Guid" => match v {
            Value::Guid(_) => v.clone(),
            Value::String(s) => Value::Guid(parse_guid(s).ok_or_else(|| {
                ConvertError::cannot(
                    v,
                    "System.Guid",
                    "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                )
            })?),
            _ => return Err(ConvertError::cannot(v, "System.Guid", "")),
        },
        "System.Collections.Hashtable" | "System.Collections.IDictionary" => match v {
            Value::Hashtable(_) => v.clone(),
            _ => return Err(cannot_of_type(v, type_name)),
        },
        "System.Collections.Specialized.OrderedDictionary" => match v {
            Value::Hashtable(h) => {
                let mut copy = h.borrow().clone();
                copy.ordered = true;
                Value::hashtable(copy)
            }
            _ => return Err(cannot_of_type(v, type_name)),
        },
        "System.Management.Automation.PSCustomObject" => match v {
            Value::Hashtable(h) => {
                let mut o = PsObject::custom();
                for (k, val) in h.borrow().iter() {
                    o.set(&k.to_string(), val.clone());
                }
                Value::object(o)
            }
            other => other.clone(),
        },
        "System.Management.Automation.ScriptBlock" => match v {
            Value::ScriptBlock(_) => v.clone(),
            _ => return Err(cannot_of_type(v, type_name)),
        },
        "System.Text.RegularExpressions.Regex" => Value::str(v.to_string()),
        "System.Void" => Value::Null,
        "System.TimeSpan" => match v {
            Value::Object(o) if o.borrow().type_name() == super::timespan::TYPE => v.clone(),
            Value::Int(_) | Value::Long(_) => super::timespan::from_ticks(to_i64(v)?),
            _ => super::timespan::parse(&v.to_string()).ok_or_else(|| {
                let message = format!("String '{v}' was not recognized as a valid TimeSpan.");
                ConvertError::cannot(v, type_name, &message)
            })?,
        },
        "System.Version" => match v {
            Value::Object(o) if o.borrow().type_name() == super::version::TYPE => v.clone(),
            _ => super::version::parse(&v.to_string()).ok_or_else(|| {
                ConvertError::cannot(v, type_name, "Version string portion was too short or too long.")
            })?,
        },
        "System.Type" => match v {
            Value::Type(_) => v.clone(),
            Value::String(s) => match canonical_type(s) {
                Some(t) => Value::Type(Rc::from(t)),
                None => return Err(ConvertError::cannot(v, "System.Type", "")),
            },
            _ => return Err(cannot_of_type(v, type_name)),
        },
        _ => {
            if v.type_name().eq_ignore_ascii_case(type_name) {
                v.clone()
            } else {
                return Err(cannot_of_type(v, type_name));
            }
        }
    })
}

fn cannot_of_type(v: &Value, type_name: &str) -> ConvertError {
    ConvertError {
        message: format!(
            "Cannot convert the \"{v}\" value of type \"{}\" to type \"{type_name}\".",
            v.type_name()
        ),
    }
}

/// `$v -is [T]`: the value's type or one it derives from / implements.
pub fn is_type(v: &Value, type_name: &str) -> bool {
    if v.is_null() {
        return false;
    }
    let own = v.type_name();
    if own.eq_ignore_ascii_case(type_name) || type_name == "System.Object" {
        return true;
    }
    match type_name {
        "System.ValueType" => matches!(
            v,
            Value::Int(_)
                | Value::Long(_)
                | Value::Double(_)
                | Value::Decimal(_)
                | Value::Bool(_)
                | Value::Char(_)
                | Value::DateTime(_)
                | Value::Guid(_)
        ),
        "System.Array" | "System.Collections.IEnumerable" => {
            matches!(v, Value::Array(_) | Value::Hashtable(_))
                && !(type_name == "System.Array" && matches!(v, Value::Hashtable(_)))
        }
        "System.Collections.IDictionary" | "System.Collections.Hashtable" => {
            matches!(v, Value::Hashtable(h) if type_name == "System.Collections.IDictionary" || !h.borrow().ordered)
        }
        "System.Management.Automation.PSObject" => true,
        "System.Management.Automation.PSCustomObject" => match v {
            Value::Object(o) => o
                .borrow()
                .type_names
                .iter()
                .any(|t| t == super::object::PSCUSTOMOBJECT),
            _ => false,
        },
        other => match v {
            Value::Object(o) => o
                .borrow()
                .type_names
                .iter()
                .any(|t| t.eq_ignore_ascii_case(other)),
            _ => false,
        },
    }
}

/// `v` as an integer within `min..=max`, else .NET's overflow message for the type.
fn narrow(v: &Value, type_name: &str, min: i32, max: i32, what: &str) -> Result<i32, ConvertError> {
    let n = to_i32(v)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        let why = format!("Value was either too large or too small for {what}.");
        Err(ConvertError::cannot(v, type_name, &why))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_from_strings() {
        assert!(matches!(parse_number("42"), Some(Value::Int(42))));
        assert!(matches!(parse_number(" 0x10 "), Some(Value::Int(16))));
        assert!(matches!(
            parse_number("3000000000"),
            Some(Value::Long(3000000000))
        ));
        assert!(matches!(parse_number("1.5"), Some(Value::Double(d)) if d == 1.5));
        assert!(parse_number("abc").is_none());
    }

    #[test]
    fn int_cast_rounds_to_even() {
        assert_eq!(to_i32(&Value::Double(2.5)).ok(), Some(2));
        assert_eq!(to_i32(&Value::Double(3.5)).ok(), Some(4));
        assert_eq!(to_i32(&Value::str("4.6")).ok(), Some(5));
        assert_eq!(
            to_i32(&Value::str("abc")).err().map(|e| e.message),
            Some("Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"".to_string())
        );
    }

    #[test]
    fn bool_cast_of_string_false_is_true() {
        assert!(matches!(
            cast(&Value::str("False"), "System.Boolean"),
            Ok(Value::Bool(true))
        ));
        assert!(matches!(
            cast(&Value::str(""), "System.Boolean"),
            Ok(Value::Bool(false))
        ));
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical_type("int").as_deref(), Some("System.Int32"));
        assert_eq!(
            canonical_type("string[]").as_deref(),
            Some("System.String[]")
        );
        assert_eq!(
            canonical_type("System.Int64").as_deref(),
            Some("System.Int64")
        );
        assert_eq!(canonical_type("Foo"), None);
    }
}
