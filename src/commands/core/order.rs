//! How the object cmdlets compare values (Sort-Object, Group-Object, Select-Object
//! -Unique, Compare-Object, Measure-Object -Maximum): numbers by value, strings
//! case-insensitively unless asked, dates in time order, `$null` before everything but
//! negative numbers (pwsh's LanguagePrimitives.Compare).

use std::cmp::Ordering;

use crate::engine::value::Value;

/// A number's value, when the value is one (or a string that reads as one when
/// `lenient`).
pub fn as_number(v: &Value, lenient: bool) -> Option<f64> {
    match v {
        Value::Int(i) => Some(f64::from(*i)),
        Value::Long(i) => Some(*i as f64),
        Value::Double(d) => Some(*d),
        Value::Decimal(d) => d.to_string().parse().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::String(s) if lenient => s.trim().parse().ok(),
        _ => None,
    }
}

/// Orders two values as Sort-Object does.
pub fn compare(a: &Value, b: &Value, case_sensitive: bool) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, other) => null_against(other),
        (other, Value::Null) => null_against(other).reverse(),
        (Value::DateTime(x), Value::DateTime(y)) => x.cmp(y),
        (Value::String(_) | Value::Char(_), Value::String(_) | Value::Char(_)) => {
            text_order(&a.to_string(), &b.to_string(), case_sensitive)
        }
        _ => {
            let lenient = !matches!(a, Value::String(_));
            match (as_number(a, true), as_number(b, lenient)) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                _ => text_order(&a.to_string(), &b.to_string(), case_sensitive),
            }
        }
    }
}

/// Where `$null` stands against a value: after a negative number, before anything else.
fn null_against(v: &Value) -> Ordering {
    let negative = match v {
        Value::Int(i) => *i < 0,
        Value::Long(i) => *i < 0,
        Value::Double(d) => *d < 0.0,
        Value::Decimal(d) => d.is_sign_negative() && !d.is_zero(),
        _ => false,
    };
    if negative {
        Ordering::Greater
    } else {
        Ordering::Less
    }
}

fn text_order(a: &str, b: &str, case_sensitive: bool) -> Ordering {
    let folded = a.to_lowercase().cmp(&b.to_lowercase());
    if case_sensitive || folded == Ordering::Equal {
        // Equal ignoring case: lower case sorts first, as in the invariant culture.
        folded.then_with(|| b.cmp(a))
    } else {
        folded
    }
}

/// Whether two values are equal as `-eq` sees them (strings ignoring case unless asked).
pub fn equal(a: &Value, b: &Value, case_sensitive: bool) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) if !case_sensitive => {
            x.to_lowercase() == y.to_lowercase()
        }
        _ => compare(a, b, case_sensitive) == Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_strings_and_nulls() {
        assert_eq!(
            compare(&Value::Int(2), &Value::Int(10), false),
            Ordering::Less
        );
        assert_eq!(
            compare(&Value::str("b"), &Value::str("A"), false),
            Ordering::Greater
        );
        assert_eq!(compare(&Value::Null, &Value::Int(0), false), Ordering::Less);
        assert_eq!(
            compare(&Value::Int(2), &Value::str("10"), false),
            Ordering::Less
        );
        assert!(equal(&Value::str("Ken"), &Value::str("KEN"), false));
        assert!(!equal(&Value::str("Ken"), &Value::str("KEN"), true));
        assert!(equal(&Value::Int(1), &Value::Double(1.0), false));
    }
}
