//! Turning request parameter values (JSON) into what the store keeps, with the errors
//! PowerShell and Exchange give for values of the wrong kind.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};
use serde_json::Value;

use super::identity_text;
use crate::exchange::catalog::ParameterInfo;
use crate::exchange::identity::{self, recipient_condition, reference_missing, resolve_object};
use crate::exchange::nouns::{Kind, Target};
use crate::exchange::request::{ExchangeError, HASHTABLE_TYPE, TYPE_ANNOTATION, scalar_text};
use crate::exchange::store::sql_error;

/// PowerShell's refusal of a non-Boolean value for a Boolean parameter.
pub fn not_boolean(parameter: &str, value: &Value) -> ExchangeError {
    let shown = match value {
        Value::String(_) => "System.String".to_string(),
        Value::Array(_) => "System.Object[]".to_string(),
        Value::Object(_) => "System.Collections.Hashtable".to_string(),
        other => other.to_string(),
    };
    ExchangeError::invalid_argument(
        "ParameterArgumentTransformationError",
        format!(
            "Cannot process argument transformation on parameter '{parameter}'. Cannot convert value \"{shown}\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
        ),
    )
    .with_target(parameter)
}

fn not_convertible(parameter: &str, value: &Value, type_name: &str) -> ExchangeError {
    ExchangeError::invalid_argument(
        "ParameterArgumentTransformationError",
        format!(
            "Cannot process argument transformation on parameter '{parameter}'. Cannot convert value \"{}\" to type \"{type_name}\".",
            scalar_text(value).unwrap_or_else(|| value.to_string())
        ),
    )
    .with_target(parameter)
}

/// A Boolean parameter's value: Booleans and numbers only, as PowerShell binds them.
pub fn to_bool(parameter: &str, value: &Value) -> Result<bool, ExchangeError> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::Number(n) => Ok(n.as_f64().is_some_and(|f| f != 0.0)),
        _ => Err(not_boolean(parameter, value)),
    }
}

/// What a reference to another object keeps: the object's own name (a recipient's Name,
/// a policy's name), or `None` for `$null`. An object that doesn't exist, or a recipient
/// identity that names several, is refused with Exchange's message.
pub fn reference_name(
    tx: &Connection,
    target: Target,
    value: &Value,
) -> Result<Option<String>, ExchangeError> {
    let Some(text) = identity_text(value) else {
        return Ok(None);
    };
    let missing = || reference_missing(&text);
    match target {
        Target::Object(noun) => {
            let kind = noun.objects().ok_or_else(missing)?;
            Ok(Some(resolve_object(tx, kind, &text, missing)?.1))
        }
        Target::Recipient => {
            let condition = recipient_condition(&text, false)
                .and(identity::lifecycle_condition(identity::Lifecycle::Active));
            let names: Vec<String> = tx
                .prepare_cached(&format!(
                    "SELECT r.\"Name\" FROM recipients r WHERE {} LIMIT 2",
                    condition.sql
                ))
                .and_then(|mut stmt| {
                    stmt.query_map(params_from_iter(condition.params.iter()), |r| r.get(0))?
                        .collect()
                })
                .map_err(sql_error)?;
            match <[String; 1]>::try_from(names) {
                Ok([one]) => Ok(Some(one)),
                Err(names) if names.is_empty() => Err(missing()),
                Err(_) => Err(identity::ambiguous(&text)),
            }
        }
    }
}

/// The recipients a list names ([`Kind::Recipients`]), each as its primary SMTP address,
/// or as written when it is an SMTP address no recipient has; `$null` clears the list.
/// A name no recipient has, or one several have, is refused with Exchange's message.
pub fn recipient_addresses(
    tx: &Connection,
    parameter: &str,
    value: &Value,
) -> Result<Option<Vec<String>>, ExchangeError> {
    Ok(named_recipients(tx, parameter, value)?
        .map(|list| list.into_iter().map(|(_, address)| address).collect()))
}

/// The recipients a list names, each as (display name, primary SMTP address); an SMTP
/// address no recipient has is its own display name. `None` for `$null` (no list).
pub fn named_recipients(
    tx: &Connection,
    parameter: &str,
    value: &Value,
) -> Result<Option<Vec<(String, String)>>, ExchangeError> {
    let given = items(parameter, value)?;
    if given.is_empty() {
        return Ok(None);
    }
    let mut found: Vec<(String, String)> = Vec::with_capacity(given.len());
    for text in given {
        let condition = recipient_condition(&text, false)
            .and(identity::lifecycle_condition(identity::Lifecycle::Active));
        let matches: Vec<(String, String)> = tx
            .prepare_cached(&format!(
                "SELECT coalesce(r.\"DisplayName\", r.\"Name\"), r.\"PrimarySmtpAddress\" \
                 FROM recipients r WHERE {} LIMIT 2",
                condition.sql
            ))
            .and_then(|mut stmt| {
                stmt.query_map(params_from_iter(condition.params.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect()
            })
            .map_err(sql_error)?;
        let recipient = match <[(String, String); 1]>::try_from(matches) {
            Ok([one]) => one,
            Err(matches) if matches.is_empty() => {
                let address = text.trim();
                if !crate::exchange::validate::is_smtp_address(address) {
                    return Err(reference_missing(&text));
                }
                (address.to_string(), address.to_string())
            }
            Err(_) => return Err(identity::ambiguous(&text)),
        };
        if !found
            .iter()
            .any(|(_, a)| a.eq_ignore_ascii_case(&recipient.1))
        {
            found.push(recipient);
        }
    }
    Ok(Some(found))
}

/// A setting's stored value by its parameter's type: a list (`current` changed by
/// `@{Add=...}`), a Boolean, a size, a time span, or the value as given.
pub fn typed_value(
    info: &ParameterInfo,
    current: Option<&Value>,
    value: &Value,
) -> Result<Value, ExchangeError> {
    let name = info.name.as_str();
    Ok(if info.is_multi_valued() {
        let current: Vec<String> = current
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        serde_json::json!(multi_value(name, &current, value)?)
    } else if info.is_boolean() {
        Value::Bool(to_bool(name, value)?)
    } else if (is_size_parameter(name) && info.type_name.eq_ignore_ascii_case("Unlimited"))
        || info.type_name.eq_ignore_ascii_case("ByteQuantifiedSize")
    {
        size_value(name, value)?
    } else if info.type_name.eq_ignore_ascii_case("EnhancedTimeSpan") {
        time_span_value(name, value)?
    } else {
        value.clone()
    })
}

/// Whether a JSON value is a PowerShell hashtable.
pub fn is_hashtable(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .get(TYPE_ANNOTATION)
            .and_then(Value::as_str)
            .is_none_or(|t| t == HASHTABLE_TYPE),
        _ => false,
    }
}

/// The text items of a scalar or array value (`$null` is no items).
fn items(parameter: &str, value: &Value) -> Result<Vec<String>, ExchangeError> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(values) => values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| scalar_text(v).ok_or_else(|| not_convertible(parameter, v, "System.String")))
            .collect(),
        other => scalar_text(other)
            .map(|s| vec![s])
            .ok_or_else(|| not_convertible(parameter, other, "System.String")),
    }
}

/// A multi-valued parameter's new list: a value replaces the list; a hashtable
/// `@{Add=...; Remove=...}` changes `current` (items compared case-insensitively).
pub fn multi_value(
    parameter: &str,
    current: &[String],
    value: &Value,
) -> Result<Vec<String>, ExchangeError> {
    if !is_hashtable(value) {
        return items(parameter, value);
    }
    let Value::Object(map) = value else {
        return items(parameter, value);
    };
    let mut list = current.to_vec();
    for (key, operand) in map.iter().filter(|(k, _)| !k.contains('@')) {
        let operand = items(parameter, operand)?;
        if key.eq_ignore_ascii_case("Add") {
            for item in operand {
                if !list.iter().any(|x| x.eq_ignore_ascii_case(&item)) {
                    list.push(item);
                }
            }
        } else if key.eq_ignore_ascii_case("Remove") {
            list.retain(|x| !operand.iter().any(|r| r.eq_ignore_ascii_case(x)));
        } else {
            return Err(ExchangeError::invalid_argument(
                "ParameterArgumentTransformationError",
                format!(
                    "Cannot process argument transformation on parameter '{parameter}'. The hashtable key '{key}' isn't valid: use Add or Remove."
                ),
            )
            .with_target(parameter));
        }
    }
    Ok(list)
}

/// The stored form of a value for a column of `kind`; `current` is the column's present
/// value (for `@{Add=...}`).
pub fn column_value(
    parameter: &str,
    kind: Kind,
    current: &SqlValue,
    value: &Value,
) -> Result<SqlValue, ExchangeError> {
    Ok(match kind {
        Kind::Bool => SqlValue::Integer(i64::from(to_bool(parameter, value)?)),
        Kind::NullBool => match value {
            Value::Null => SqlValue::Null,
            other => SqlValue::Integer(i64::from(to_bool(parameter, other)?)),
        },
        // A reference arrives here already resolved to the object's name.
        Kind::Text | Kind::Date | Kind::Enum(_) | Kind::Reference(_) => match value {
            Value::Null => SqlValue::Null,
            Value::Array(_) | Value::Object(_) => {
                return Err(not_convertible(parameter, value, "System.String"));
            }
            other => match scalar_text(other) {
                Some(text) if !text.is_empty() => SqlValue::Text(text),
                _ => SqlValue::Null,
            },
        },
        Kind::Int => match value {
            Value::Null => SqlValue::Null,
            Value::Number(n) => match n.as_i64() {
                Some(i) => SqlValue::Integer(i),
                None => return Err(not_convertible(parameter, value, "System.Int32")),
            },
            Value::String(s) => match s.trim().parse::<i64>() {
                Ok(i) => SqlValue::Integer(i),
                Err(_) => return Err(not_convertible(parameter, value, "System.Int32")),
            },
            _ => return Err(not_convertible(parameter, value, "System.Int32")),
        },
        // A recipient column's list is kept as given (no column holds rule recipients).
        Kind::Multi | Kind::Recipients | Kind::References(_) => {
            let current = match current {
                SqlValue::Text(json) => parse_list(json),
                _ => Vec::new(),
            };
            SqlValue::Text(list_json(&multi_value(parameter, &current, value)?))
        }
    })
}

/// A stored JSON list of strings.
pub fn parse_list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

pub fn list_json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_string())
}

/// The JSON form of a stored column value.
pub fn column_json(kind: Kind, value: &SqlValue) -> Value {
    match (kind, value) {
        (Kind::Multi | Kind::Recipients | Kind::References(_), SqlValue::Null) => {
            Value::Array(Vec::new())
        }
        (_, SqlValue::Null) => Value::Null,
        (Kind::Bool | Kind::NullBool, SqlValue::Integer(i)) => Value::Bool(*i != 0),
        (Kind::Multi | Kind::Recipients | Kind::References(_), SqlValue::Text(json)) => {
            Value::Array(parse_list(json).into_iter().map(Value::String).collect())
        }
        (_, SqlValue::Integer(i)) => Value::from(*i),
        (_, SqlValue::Real(f)) => Value::from(*f),
        (_, SqlValue::Text(s)) => Value::String(s.clone()),
        (_, SqlValue::Blob(_)) => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::request::hashtable;
    use serde_json::json;

    #[test]
    fn time_spans_show_as_dotnet_shows_them() {
        let shown = |v: Value| time_span_value("AgeLimitForRetention", &v).map_err(|e| e.message);
        assert_eq!(shown(json!(365)), Ok(json!("365.00:00:00")));
        assert_eq!(shown(json!("30")), Ok(json!("30.00:00:00")));
        assert_eq!(shown(json!("14.00:00:00")), Ok(json!("14.00:00:00")));
        assert_eq!(shown(json!("1:30")), Ok(json!("01:30:00")));
        assert_eq!(shown(json!(null)), Ok(json!(null)));
        assert!(shown(json!("a year")).is_err());
        assert!(shown(json!("1.25:00:00")).is_err());
    }

    #[test]
    fn hashtables_add_and_remove_case_insensitively() {
        let current = vec!["a".to_string(), "B".to_string()];
        let change = hashtable([
            ("Add".to_string(), json!(["c", "A"])),
            ("Remove".to_string(), json!("b")),
        ]);
        assert_eq!(multi_value("X", &current, &change).expect("ok"), ["a", "c"]);
        assert_eq!(multi_value("X", &current, &json!("z")).expect("ok"), ["z"]);
        assert!(multi_value("X", &current, &hashtable([("Put".to_string(), json!(1))])).is_err());
    }

    #[test]
    fn booleans_take_only_booleans_and_numbers() {
        assert_eq!(to_bool("MAPIEnabled", &json!(0)).ok(), Some(false));
        let e = to_bool("MAPIEnabled", &json!("false")).expect_err("string refused");
        assert!(e.message.starts_with(
            "Cannot process argument transformation on parameter 'MAPIEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\"."
        ));
    }
}

/// Whether a parameter holds a size (`ByteQuantifiedSize`, or `Unlimited` over one):
/// quotas and message sizes.
pub fn is_size_parameter(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with("quota") || lower.ends_with("size")
}

/// A time span as Exchange shows it (.NET's `d.hh:mm:ss`, `hh:mm:ss` under a day), from a
/// number of days (`-AgeLimitForRetention 365`, as .NET reads a bare number) or a text
/// already in that form.
pub fn time_span_value(parameter: &str, value: &Value) -> Result<Value, ExchangeError> {
    let refuse = || not_convertible(parameter, value, "Microsoft.Exchange.Data.EnhancedTimeSpan");
    let text = match value {
        Value::Null => return Ok(Value::Null),
        Value::Number(_) | Value::String(_) => scalar_text(value).ok_or_else(refuse)?,
        _ => return Err(refuse()),
    };
    let text = text.trim();
    let number = |part: &str| part.parse::<u64>().ok();
    let (days, clock) = match text.split_once('.') {
        Some((days, clock)) if clock.contains(':') => (number(days).ok_or_else(refuse)?, clock),
        _ if !text.contains(':') => (number(text).ok_or_else(refuse)?, "0:0:0"),
        _ => (0, text),
    };
    let parts: Vec<u64> = clock
        .split(':')
        .map(|p| number(p).ok_or_else(refuse))
        .collect::<Result<_, _>>()?;
    let (hours, minutes, seconds) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return Err(refuse()),
    };
    if hours > 23 || minutes > 59 || seconds > 59 {
        return Err(refuse());
    }
    Ok(Value::String(if days > 0 {
        format!("{days}.{hours:02}:{minutes:02}:{seconds:02}")
    } else {
        format!("{hours:02}:{minutes:02}:{seconds:02}")
    }))
}

/// A size as Exchange shows it: `Unlimited`, or `10 GB (10,737,418,240 bytes)`. Takes a
/// byte count (`10GB` arrives as one), a text such as `10GB`, `1.5 GB` or `500MB`, or a
/// size already in Exchange's form.
pub fn size_value(parameter: &str, value: &Value) -> Result<Value, ExchangeError> {
    let bytes: u64 = match value {
        Value::Null => return Ok(Value::Null),
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            .ok_or_else(|| {
                not_convertible(
                    parameter,
                    value,
                    "Microsoft.Exchange.Data.ByteQuantifiedSize",
                )
            })?,
        Value::String(text) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case("unlimited") {
                return Ok(Value::String("Unlimited".to_string()));
            }
            parse_size(text).ok_or_else(|| {
                not_convertible(
                    parameter,
                    value,
                    "Microsoft.Exchange.Data.ByteQuantifiedSize",
                )
            })?
        }
        _ => {
            return Err(not_convertible(
                parameter,
                value,
                "Microsoft.Exchange.Data.ByteQuantifiedSize",
            ));
        }
    };
    Ok(Value::String(format_size(bytes)))
}

const UNITS: [(&str, u64); 5] = [
    ("TB", 1 << 40),
    ("GB", 1 << 30),
    ("MB", 1 << 20),
    ("KB", 1 << 10),
    ("B", 1),
];

fn parse_size(text: &str) -> Option<u64> {
    // Exchange's own form carries the exact count: "10 GB (10,737,418,240 bytes)".
    if let Some(inner) = text
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix("bytes)"))
    {
        return inner.trim().replace(',', "").parse().ok();
    }
    let upper = text.to_ascii_uppercase();
    let (number, multiplier) = UNITS
        .iter()
        .find_map(|(unit, size)| {
            upper
                .strip_suffix(unit)
                .map(|n| (n.trim().to_string(), *size))
        })
        .unwrap_or((upper.clone(), 1));
    let number: f64 = number.replace(',', "").parse().ok()?;
    (number.is_finite() && number >= 0.0).then(|| (number * multiplier as f64).round() as u64)
}

/// `10 GB (10,737,418,240 bytes)`: the largest unit the size reaches, to three decimals.
pub fn format_size(bytes: u64) -> String {
    let (unit, size) = UNITS
        .iter()
        .find(|(_, size)| bytes >= *size)
        .copied()
        .unwrap_or(("B", 1));
    let scaled = format!("{:.3}", bytes as f64 / size as f64);
    let scaled = scaled.trim_end_matches('0').trim_end_matches('.');
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{scaled} {unit} ({grouped} bytes)")
}

#[cfg(test)]
mod size_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sizes_read_and_print_as_exchange_shows_them() {
        assert_eq!(format_size(10 * (1 << 30)), "10 GB (10,737,418,240 bytes)");
        assert_eq!(
            format_size(53_150_220_288),
            "49.5 GB (53,150,220,288 bytes)"
        );
        assert_eq!(format_size(500), "500 B (500 bytes)");
        assert_eq!(
            size_value("X", &json!("1.5GB")).ok(),
            Some(json!("1.5 GB (1,610,612,736 bytes)"))
        );
        assert_eq!(
            size_value("X", &json!(36_700_160)).ok(),
            Some(json!("35 MB (36,700,160 bytes)"))
        );
        assert_eq!(
            size_value("X", &json!("unlimited")).ok(),
            Some(json!("Unlimited"))
        );
        assert_eq!(
            size_value("X", &json!("40 GB (42,949,672,960 bytes)")).ok(),
            Some(json!("40 GB (42,949,672,960 bytes)"))
        );
        assert!(size_value("X", &json!("lots")).is_err());
    }
}
