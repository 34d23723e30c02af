//! How one value reads inside a table cell or after a list label
//! (`PSObjectHelper.SmartToString`): `$null` is empty, a collection is `{a, b, c, d…}` cut
//! after `$FormatEnumerationLimit` items, a hashtable is its entries `{[a, 1], [b, 2]}`,
//! anything else its string form.

use crate::engine::value::Value;

/// `$FormatEnumerationLimit`'s default.
pub const DEFAULT_ENUMERATION_LIMIT: i64 = 4;

/// The text of a value in formatted output. A negative `limit` shows every item.
pub fn field_text(v: &Value, limit: i64) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(items) => {
            let items = items.borrow();
            enumeration(items.iter().map(item_text), limit)
        }
        Value::Hashtable(h) => {
            let h = h.borrow();
            enumeration(
                h.iter().map(|(k, v)| format!("[{}, {}]", k, item_text(v))),
                limit,
            )
        }
        other => other.to_string(),
    }
}

/// `{a, b, c}`, with `…` after the `limit`th item when more follow.
fn enumeration(items: impl Iterator<Item = String>, limit: i64) -> String {
    let mut out = String::from("{");
    for (i, item) in items.enumerate() {
        if limit >= 0 && i as i64 == limit {
            out.push(super::width::ELLIPSIS);
            break;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item);
    }
    out.push('}');
    out
}

/// An element of a collection: `$null` is spelled out so that it is visible.
fn item_text(v: &Value) -> String {
    match v {
        Value::Null => "$null".to_string(),
        other => other.to_string(),
    }
}

/// Whether a value prints as its text instead of as a view (`DefaultScalarTypes`: strings,
/// numbers, booleans, characters, secure strings).
pub fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_)
            | Value::Int(_)
            | Value::Long(_)
            | Value::Double(_)
            | Value::Decimal(_)
            | Value::Char(_)
            | Value::String(_)
            | Value::SecureString(_)
    )
}

/// Whether a generated table right-aligns a column whose first value is `v`
/// (`TableViewGenerator.ComputeDefaultAlignment`): scalars other than strings do.
pub fn is_right_aligned(v: &Value) -> bool {
    is_scalar(v) && !matches!(v, Value::String(_))
}

/// The long date form `Get-Date` prints (`Thursday, November 26, 2026 7:12:54 PM`).
pub fn long_date(dt: &chrono::NaiveDateTime) -> String {
    dt.format("%A, %B %-d, %Y %-I:%M:%S %p").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::Hashtable;

    fn ints(n: i32) -> Value {
        Value::array((0..n).map(Value::Int).collect())
    }

    #[test]
    fn collections_cut_at_the_limit() {
        assert_eq!(field_text(&ints(4), 4), "{0, 1, 2, 3}");
        assert_eq!(field_text(&ints(6), 4), "{0, 1, 2, 3…}");
        assert_eq!(field_text(&ints(6), -1), "{0, 1, 2, 3, 4, 5}");
        assert_eq!(field_text(&ints(0), 4), "{}");
        assert_eq!(field_text(&ints(3), 0), "{…}");
    }

    #[test]
    fn null_is_empty_and_null_items_are_named() {
        assert_eq!(field_text(&Value::Null, 4), "");
        let v = Value::array(vec![Value::str("a"), Value::Null]);
        assert_eq!(field_text(&v, 4), "{a, $null}");
    }

    #[test]
    fn hashtables_show_their_entries() {
        let mut h = Hashtable::new(false);
        h.insert(Value::str("a"), Value::Int(1));
        h.insert(Value::str("b"), Value::Int(2));
        assert_eq!(field_text(&Value::hashtable(h), 4), "{[a, 1], [b, 2]}");
    }

    #[test]
    fn scalars_and_alignment() {
        assert!(is_right_aligned(&Value::Int(1)));
        assert!(is_right_aligned(&Value::Bool(false)));
        assert!(!is_right_aligned(&Value::str("x")));
        assert!(!is_right_aligned(&Value::Null));
        assert!(!is_scalar(&Value::array(vec![])));
    }
}
