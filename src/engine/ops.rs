//! Operators on values, with PowerShell's rules: the left operand's type decides how the
//! right one is converted (`"5" + 5` is `"55"`, `5 + "5"` is `10`); Int32 arithmetic that
//! overflows becomes Double; division that is not exact gives a Double; comparison
//! operators applied to an array filter it.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use regex::Regex;

use super::limits;
use super::net_regex::{Groups, NetRegex};
use rust_decimal::Decimal;

use super::convert::{self, ConvertError, as_f64, is_number, to_number};
use super::value::{Hashtable, Value};
use crate::syntax::ast::{BinaryOp, Case, CompareOp};

/// A runtime error from an operator: pwsh's message and error id.
#[derive(Debug, Clone)]
pub struct OpError {
    pub message: String,
    pub id: &'static str,
}

impl OpError {
    pub fn new(message: impl Into<String>, id: &'static str) -> OpError {
        OpError {
            message: message.into(),
            id,
        }
    }
}

impl From<ConvertError> for OpError {
    fn from(e: ConvertError) -> Self {
        OpError::new(e.message, "InvalidCastFromStringToInteger")
    }
}

type OpResult = Result<Value, OpError>;

/// Arithmetic kinds shared by the numeric helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl Arith {
    fn op_name(self) -> &'static str {
        match self {
            Arith::Add => "op_Addition",
            Arith::Sub => "op_Subtraction",
            Arith::Mul => "op_Multiply",
            Arith::Div => "op_Division",
            Arith::Rem => "op_Modulus",
        }
    }
}

fn no_method(left: &Value, op: Arith) -> OpError {
    OpError::new(
        format!(
            "Method invocation failed because [{}] does not contain a method named '{}'.",
            left.type_name(),
            op.op_name()
        ),
        "MethodNotFound",
    )
}

/// `left op right` for `+ - * / %`.
pub fn arith(op: Arith, left: &Value, right: &Value) -> OpResult {
    if let Some(v) = time_arith(op, left, right) {
        return Ok(v);
    }
    match (left, op) {
        (Value::Null, Arith::Add) => return Ok(right.clone()),
        (Value::Null, Arith::Mul) => return Ok(Value::Null),
        (Value::String(s), Arith::Add) => {
            let right = limits::text(right);
            limits::string_fits(s.len().saturating_add(right.len()))?;
            let mut out = String::with_capacity(s.len() + right.len());
            out.push_str(s);
            out.push_str(&right);
            return Ok(Value::str(out));
        }
        (Value::String(s), Arith::Mul) => {
            let n = usize::try_from(convert::to_i32(right)?).unwrap_or(0);
            limits::string_fits(s.len().saturating_mul(n))?;
            return Ok(Value::str(s.repeat(n)));
        }
        (Value::Array(a), Arith::Add) => {
            let more = match right {
                Value::Array(b) => b.borrow().len(),
                _ => 1,
            };
            let mut items = a.borrow().clone();
            limits::array_fits(items.len().saturating_add(more))?;
            match right {
                Value::Array(b) => items.extend(b.borrow().iter().cloned()),
                other => items.push(other.clone()),
            }
            return Ok(Value::array(items));
        }
        (Value::Array(a), Arith::Mul) => {
            let n = usize::try_from(convert::to_i32(right)?).unwrap_or(0);
            let items = a.borrow();
            limits::array_fits(items.len().saturating_mul(n))?;
            let mut out = Vec::with_capacity(items.len().saturating_mul(n).min(1 << 20));
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            return Ok(Value::array(out));
        }
        (Value::Hashtable(a), Arith::Add) => {
            let Value::Hashtable(b) = right else {
                return Err(OpError::new(
                    "A hash table can only be added to another hash table.",
                    "AddHashTableToNonHashTable",
                ));
            };
            let mut merged = a.borrow().clone();
            for (k, v) in b.borrow().iter() {
                if merged.contains_key(k) {
                    return Err(OpError::new(
                        format!(
                            "Item has already been added. Key in dictionary: '{k}'  Key being added: '{k}'"
                        ),
                        "System.ArgumentException",
                    ));
                }
                merged.insert(k.clone(), v.clone());
            }
            return Ok(Value::hashtable(merged));
        }
        (Value::DateTime(_), _) | (Value::Array(_), _) | (Value::Hashtable(_), _) => {
            return Err(no_method(left, op));
        }
        (Value::Object(_), _) | (Value::ScriptBlock(_), _) | (Value::Guid(_), _) => {
            return Err(no_method(left, op));
        }
        (Value::String(_), _) => {}
        _ => {}
    }
    let l = to_number(left).map_err(|_| no_method(left, op))?;
    let r = match right {
        Value::Null => Value::Int(0),
        _ => to_number(right)?,
    };
    numeric(op, &l, &r)
}

/// Dates and TimeSpans: `date - date` is the TimeSpan between them, `date ± span` a
/// date, `span ± span` a TimeSpan.
fn time_arith(op: Arith, left: &Value, right: &Value) -> Option<Value> {
    use super::timespan::{between, from_ticks, shift, ticks};
    let sign = match op {
        Arith::Add => 1,
        Arith::Sub => -1,
        _ => return None,
    };
    match (left, right) {
        (Value::DateTime(a), Value::DateTime(b)) if sign < 0 => Some(from_ticks(between(a, b))),
        (Value::DateTime(a), r) => shift(a, ticks(r)?.checked_mul(sign)?).map(Value::DateTime),
        (l, r) => Some(from_ticks(
            ticks(l)?.checked_add(ticks(r)?.checked_mul(sign)?)?,
        )),
    }
}

/// Arithmetic on two numbers, widening as pwsh does.
pub fn numeric(op: Arith, l: &Value, r: &Value) -> OpResult {
    let divide_by_zero = || OpError::new("Attempted to divide by zero.", "RuntimeException");
    match (l, r) {
        (Value::Double(_), _) | (_, Value::Double(_)) => {
            let (a, b) = (as_f64(l), as_f64(r));
            Ok(Value::Double(match op {
                Arith::Add => a + b,
                Arith::Sub => a - b,
                Arith::Mul => a * b,
                Arith::Div => a / b,
                Arith::Rem => a % b,
            }))
        }
        (Value::Decimal(_), _) | (_, Value::Decimal(_)) => {
            let a = dec(l);
            let b = dec(r);
            let res = match op {
                Arith::Add => a.checked_add(b),
                Arith::Sub => a.checked_sub(b),
                Arith::Mul => a.checked_mul(b),
                Arith::Div => {
                    if b.is_zero() {
                        return Err(divide_by_zero());
                    }
                    a.checked_div(b)
                }
                Arith::Rem => {
                    if b.is_zero() {
                        return Err(divide_by_zero());
                    }
                    a.checked_rem(b)
                }
            };
            res.map(Value::Decimal).ok_or_else(|| {
                OpError::new(
                    "Value was either too large or too small for a Decimal.",
                    "RuntimeException",
                )
            })
        }
        _ => {
            let a = int_of(l);
            let b = int_of(r);
            let both_int = matches!((l, r), (Value::Int(_), Value::Int(_)));
            let res: Option<i64> = match op {
                Arith::Add => a.checked_add(b),
                Arith::Sub => a.checked_sub(b),
                Arith::Mul => a.checked_mul(b),
                Arith::Div => {
                    if b == 0 {
                        return Err(divide_by_zero());
                    }
                    // (`i64::MIN / -1` overflows: checked, it widens to Double below.)
                    match a.checked_rem(b) {
                        Some(0) | None => a.checked_div(b),
                        Some(_) => return Ok(Value::Double(a as f64 / b as f64)),
                    }
                }
                Arith::Rem => {
                    if b == 0 {
                        return Err(divide_by_zero());
                    }
                    // Any number modulo -1 is 0 (`i64::MIN % -1` would overflow).
                    if b == -1 { Some(0) } else { a.checked_rem(b) }
                }
            };
            Ok(match res {
                Some(v) if both_int => match i32::try_from(v) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Double(v as f64),
                },
                Some(v) => Value::Long(v),
                None => {
                    let (x, y) = (a as f64, b as f64);
                    Value::Double(match op {
                        Arith::Add => x + y,
                        Arith::Sub => x - y,
                        Arith::Mul => x * y,
                        Arith::Div => x / y,
                        Arith::Rem => x % y,
                    })
                }
            })
        }
    }
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(i) => i64::from(*i),
        Value::Long(l) => *l,
        _ => 0,
    }
}

fn dec(v: &Value) -> Decimal {
    match v {
        Value::Int(i) => Decimal::from(*i),
        Value::Long(l) => Decimal::from(*l),
        Value::Decimal(d) => *d,
        other => convert::to_decimal(other).unwrap_or_default(),
    }
}

/// Compares two scalars with the left operand's type deciding. `None` when they cannot be
/// ordered (e.g. a number and a non-numeric string).
pub fn compare(left: &Value, right: &Value, case_sensitive: bool) -> Option<Ordering> {
    if let Some(order) = super::version::compare(left, right) {
        return Some(order);
    }
    if let Some(order) = super::timespan::compare(left, right) {
        return Some(order);
    }
    match (left, right) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        // Ordered against a number or a string, $null is converted to its type (0, '').
        (Value::Null, r) if is_number(r) => compare(&Value::Int(0), r, case_sensitive),
        (l, Value::Null) if is_number(l) => compare(l, &Value::Int(0), case_sensitive),
        (Value::Null, Value::String(s)) => Some(compare_str("", s, case_sensitive)),
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::String(a), _) => {
            let b = right.to_string();
            Some(compare_str(a, &b, case_sensitive))
        }
        (Value::Char(a), _) => {
            let b = right.to_string();
            Some(compare_str(&a.to_string(), &b, case_sensitive))
        }
        (Value::Bool(a), _) => Some(a.cmp(&right.is_true())),
        (l, _) if is_number(l) => {
            let r = match right {
                Value::String(s) => convert::parse_number(s)?,
                Value::Bool(b) => Value::Int(i32::from(*b)),
                r if is_number(r) => r.clone(),
                _ => return None,
            };
            compare_numbers(l, &r)
        }
        (Value::DateTime(a), Value::DateTime(b)) => Some(a.cmp(b)),
        (Value::DateTime(a), Value::String(s)) => convert::parse_datetime(s).map(|b| a.cmp(&b)),
        (Value::Guid(a), Value::Guid(b)) => Some(a.cmp(b)),
        (Value::Guid(a), Value::String(s)) => convert::parse_guid(s).map(|b| a.cmp(&b)),
        (Value::Type(a), Value::Type(b)) => Some(a.to_lowercase().cmp(&b.to_lowercase())),
        (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b).then_some(Ordering::Equal),
        (Value::Hashtable(a), Value::Hashtable(b)) => Rc::ptr_eq(a, b).then_some(Ordering::Equal),
        (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b).then_some(Ordering::Equal),
        (Value::ScriptBlock(a), Value::ScriptBlock(b)) => {
            Rc::ptr_eq(a, b).then_some(Ordering::Equal)
        }
        _ => None,
    }
}

fn compare_numbers(l: &Value, r: &Value) -> Option<Ordering> {
    match (l, r) {
        (Value::Double(_), _) | (_, Value::Double(_)) => as_f64(l).partial_cmp(&as_f64(r)),
        (Value::Decimal(_), _) | (_, Value::Decimal(_)) => Some(dec(l).cmp(&dec(r))),
        _ => Some(int_of(l).cmp(&int_of(r))),
    }
}

/// String comparison: case-insensitive unless asked; ordinal on the folded text.
/// Case-sensitive comparison follows the culture's order: letters compare ignoring case
/// first, and only then lower case sorts before upper case (`'a' -clt 'A'`).
pub fn compare_str(a: &str, b: &str, case_sensitive: bool) -> Ordering {
    let folded = a.to_lowercase().cmp(&b.to_lowercase());
    if !case_sensitive || folded != Ordering::Equal {
        return folded;
    }
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y {
            return if x.is_lowercase() && !y.is_lowercase() {
                Ordering::Less
            } else if y.is_lowercase() && !x.is_lowercase() {
                Ordering::Greater
            } else {
                x.cmp(&y)
            };
        }
    }
    a.len().cmp(&b.len())
}

/// `-eq` on two scalars: `$null` equals only `$null`.
pub fn equals(left: &Value, right: &Value, case_sensitive: bool) -> bool {
    if left.is_null() || right.is_null() {
        return left.is_null() && right.is_null();
    }
    compare(left, right, case_sensitive) == Some(Ordering::Equal)
}

thread_local! {
    static WILDCARD_CACHE: std::cell::RefCell<HashMap<String, Rc<Regex>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// Compiles (and caches) a .NET pattern; case-insensitive unless asked.
pub fn regex(pattern: &str, case_sensitive: bool) -> Result<Rc<NetRegex>, OpError> {
    NetRegex::compile(pattern, case_sensitive)
}

/// A PowerShell wildcard pattern (`*`, `?`, `[a-z]`, `` ` `` escapes) as an anchored regex.
pub fn wildcard_regex(pattern: &str, case_sensitive: bool) -> Result<Rc<Regex>, OpError> {
    let mut re = String::from("^");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '`' => {
                if let Some(n) = chars.next() {
                    re.push_str(&regex::escape(&n.to_string()));
                }
            }
            '[' => {
                let mut class = String::new();
                let mut closed = false;
                for n in chars.by_ref() {
                    if n == ']' {
                        closed = true;
                        break;
                    }
                    class.push(n);
                }
                if closed && !class.is_empty() {
                    re.push('[');
                    for cc in class.chars() {
                        match cc {
                            '\\' | '[' | '^' | '&' | '~' => {
                                re.push('\\');
                                re.push(cc);
                            }
                            _ => re.push(cc),
                        }
                    }
                    re.push(']');
                } else {
                    re.push_str(&regex::escape(&format!("[{class}")));
                }
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    let key = format!("{}{re}", if case_sensitive { "c:" } else { "i:" });
    super::net_regex::cached(&WILDCARD_CACHE, key, || {
        // (?s): `*` also matches newlines, as .NET's wildcard matching does.
        regex::RegexBuilder::new(&re)
            .dot_matches_new_line(true)
            .case_insensitive(!case_sensitive)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| OpError::new(e.to_string(), "WildcardPatternException"))
    })
}

/// `-like` on one string.
pub fn like(text: &str, pattern: &str, case_sensitive: bool) -> Result<bool, OpError> {
    Ok(wildcard_regex(pattern, case_sensitive)?.is_match(text))
}

/// The `$Matches` table of a successful match, numbered as .NET numbers groups: `0` the
/// whole match, unnamed groups from 1 in order, named groups by name.
pub fn matches_table(re: &NetRegex, text: &str, groups: &Groups) -> Value {
    let mut h = Hashtable::new(false);
    for (name, index) in re.groups_in_order() {
        let key = match name.parse::<i32>() {
            Ok(n) => Value::Int(n),
            Err(_) => Value::str(name),
        };
        if let Some(found) = groups.text(text, index) {
            h.insert(key, Value::str(found));
        }
    }
    Value::hashtable(h)
}

/// `-replace`: `right` is the pattern, or `pattern, replacement`.
pub fn replace(left: &Value, right: &Value, case_sensitive: bool) -> OpResult {
    let parts = convert::to_vec(right);
    let (pattern, with) = match parts.as_slice() {
        [] => (String::new(), String::new()),
        [p] => (p.to_string(), String::new()),
        [p, w] => (p.to_string(), w.to_string()),
        _ => {
            return Err(OpError::new(
                "The -replace operator allows only two elements to follow it, not 3.",
                "BadReplaceArgument",
            ));
        }
    };
    let re = regex(&pattern, case_sensitive)?;
    let one = |v: &Value| -> OpResult {
        Ok(Value::str(re.replace(
            &v.to_string(),
            &with,
            limits::MAX_BYTES,
            limits::out_of_memory,
        )?))
    };
    Ok(match left {
        Value::Array(a) => {
            let items = a.borrow().iter().map(one).collect::<Result<Vec<_>, _>>()?;
            Value::array(items)
        }
        v => one(v)?,
    })
}

/// `-split`: `right` is the pattern, or `pattern, max-count[, options]`. Captured groups
/// are part of the result, as .NET's `Regex.Split` gives them; a negative count splits
/// from the right; the `SimpleMatch` option takes the pattern literally.
pub fn split(left: &Value, right: &Value, case_sensitive: bool) -> OpResult {
    let parts = convert::to_vec(right);
    let mut pattern = parts.first().map(|p| p.to_string()).unwrap_or_default();
    let max = match parts.get(1) {
        Some(n) => convert::to_i32(n)?,
        None => 0,
    };
    let options = parts
        .get(2)
        .map(|o| o.to_string().to_lowercase())
        .unwrap_or_default();
    if options.contains("simplematch") {
        pattern = super::net_regex::escape(&pattern);
    }
    let case_sensitive = case_sensitive && !options.contains("ignorecase");
    // ExplicitCapture: unnamed groups do not capture (and so are not in the result).
    if options.contains("explicitcapture") {
        pattern = non_capturing(&pattern);
    }
    let re = regex(&pattern, case_sensitive)?;
    let mut out = Vec::new();
    for item in convert::to_vec(left) {
        out.extend(
            split_one(&re, &item.to_string(), max)?
                .into_iter()
                .map(Value::str),
        );
    }
    Ok(Value::array(out))
}

/// Makes a pattern's unnamed groups non-capturing (`(x)` → `(?:x)`), leaving escaped
/// parentheses, character classes and `(?...)` groups alone.
fn non_capturing(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class && chars.peek() != Some(&'?') => out.push_str("?:"),
            _ => {}
        }
    }
    out
}

fn split_one(re: &NetRegex, text: &str, max: i32) -> Result<Vec<String>, OpError> {
    let all = re.all(text, usize::MAX)?;
    let limit = usize::try_from(max.unsigned_abs()).unwrap_or(usize::MAX);
    let chosen: Vec<&Groups> = match max {
        0 => all.iter().collect(),
        m if m > 0 => all.iter().take(limit.saturating_sub(1)).collect(),
        _ => all
            .iter()
            .skip(all.len().saturating_sub(limit.saturating_sub(1)))
            .collect(),
    };
    let mut pieces = Vec::new();
    let mut last = 0;
    for groups in chosen {
        let (start, end) = groups.whole();
        pieces.push(text[last..start].to_string());
        for (_, index) in re.groups_in_order().skip(1) {
            if let Some(found) = groups.text(text, index) {
                pieces.push(found.to_string());
            }
        }
        last = end;
    }
    pieces.push(text[last..].to_string());
    Ok(pieces)
}

/// Unary `-split`: splits on runs of whitespace, dropping empty pieces.
pub fn split_whitespace(v: &Value) -> Value {
    let mut out = Vec::new();
    for item in convert::to_vec(v) {
        out.extend(item.to_string().split_whitespace().map(Value::str));
    }
    Value::array(out)
}

/// `-join`.
pub fn join(left: &Value, sep: &str) -> OpResult {
    let items = convert::to_vec(left);
    Ok(Value::str(limits::join(
        items.iter().map(limits::text),
        sep,
    )?))
}

/// A range bound that is a character: `[char]'a'` or a one-letter string.
fn range_char(v: &Value) -> Option<char> {
    match v {
        Value::Char(c) => Some(*c),
        Value::String(s) if s.chars().count() == 1 && !s.chars().all(|c| c.is_ascii_digit()) => {
            s.chars().next()
        }
        _ => None,
    }
}

/// `a..b`: an inclusive range, counting down when `b < a`; between two characters a
/// range of characters (`'a'..'c'`).
pub fn range(left: &Value, right: &Value) -> OpResult {
    if let (Some(a), Some(b)) = (range_char(left), range_char(right)) {
        let (lo, hi) = (u32::from(a.min(b)), u32::from(a.max(b)));
        let mut items: Vec<Value> = (lo..=hi)
            .filter_map(char::from_u32)
            .map(Value::Char)
            .collect();
        if a > b {
            items.reverse();
        }
        return Ok(Value::array(items));
    }
    let a = range_bound(left)?;
    let b = range_bound(right)?;
    let len = (a - b).unsigned_abs() + 1;
    limits::array_fits(usize::try_from(len).unwrap_or(usize::MAX))?;
    let items: Vec<Value> = if a <= b {
        (a..=b).map(range_value).collect()
    } else {
        (b..=a).rev().map(range_value).collect()
    };
    Ok(Value::array(items))
}

fn range_bound(v: &Value) -> Result<i64, OpError> {
    match v {
        Value::Char(c) => Ok(i64::from(u32::from(*c))),
        Value::String(s) if s.chars().count() == 1 && !s.chars().all(|c| c.is_ascii_digit()) => {
            Ok(i64::from(u32::from(s.chars().next().unwrap_or('\0'))))
        }
        other => Ok(i64::from(convert::to_i32(other)?)),
    }
}

fn range_value(i: i64) -> Value {
    match i32::try_from(i) {
        Ok(v) => Value::Int(v),
        Err(_) => Value::Long(i),
    }
}

/// Bitwise operators on integers.
pub fn bitwise(op: BinaryOp, left: &Value, right: &Value) -> OpResult {
    let a = convert::to_i64(left)?;
    let b = convert::to_i64(right)?;
    let r = match op {
        BinaryOp::Band => a & b,
        BinaryOp::Bor => a | b,
        BinaryOp::Bxor => a ^ b,
        BinaryOp::Shl => a.wrapping_shl(u32::try_from(b & 63).unwrap_or(0)),
        BinaryOp::Shr => a.wrapping_shr(u32::try_from(b & 63).unwrap_or(0)),
        _ => 0,
    };
    let both_int = !matches!(left, Value::Long(_)) && !matches!(right, Value::Long(_));
    Ok(if both_int {
        i32::try_from(r).map_or(Value::Long(r), Value::Int)
    } else {
        Value::Long(r)
    })
}

/// The result of a comparison-family operator; `matches` is the new `$Matches` for a
/// scalar `-match` that succeeded.
pub struct Compared {
    pub value: Value,
    pub matches: Option<Value>,
}

/// `-eq -ne -gt ... -like -match -contains -in` and their negations. An array on the left
/// filters (except for `-contains`/`-in`).
pub fn compare_op(
    op: CompareOp,
    case: Case,
    left: &Value,
    right: &Value,
) -> Result<Compared, OpError> {
    let cs = case.is_sensitive();
    let plain = |value| Compared {
        value,
        matches: None,
    };
    match op {
        CompareOp::Contains | CompareOp::NotContains => {
            let found = convert::to_vec(left).iter().any(|x| equals(x, right, cs));
            return Ok(plain(Value::Bool(found == (op == CompareOp::Contains))));
        }
        CompareOp::In | CompareOp::NotIn => {
            let found = convert::to_vec(right).iter().any(|x| equals(left, x, cs));
            return Ok(plain(Value::Bool(found == (op == CompareOp::In))));
        }
        _ => {}
    }
    if let Value::Array(items) = left {
        let items = items.borrow().clone();
        let mut kept = Vec::new();
        for item in items {
            if scalar_compare(op, cs, &item, right)?.0 {
                kept.push(item);
            }
        }
        return Ok(plain(Value::array(kept)));
    }
    let (ok, matches) = scalar_compare(op, cs, left, right)?;
    Ok(Compared {
        value: Value::Bool(ok),
        matches,
    })
}

fn scalar_compare(
    op: CompareOp,
    cs: bool,
    left: &Value,
    right: &Value,
) -> Result<(bool, Option<Value>), OpError> {
    let ordered = |want: fn(Ordering) -> bool| -> Result<(bool, Option<Value>), OpError> {
        match compare(left, right, cs) {
            Some(o) => Ok((want(o), None)),
            None if left.is_null() || right.is_null() => Ok((false, None)),
            None => Err(OpError::new(
                format!(
                    "Could not compare \"{left}\" to \"{right}\". Error: \"Cannot convert value \"{right}\" to type \"{}\". Error: \"The input string '{right}' was not in a correct format.\"\"",
                    left.type_name()
                ),
                "ComparisonFailure",
            )),
        }
    };
    match op {
        CompareOp::Eq => Ok((equals(left, right, cs), None)),
        CompareOp::Ne => Ok((!equals(left, right, cs), None)),
        CompareOp::Gt => ordered(|o| o == Ordering::Greater),
        CompareOp::Ge => ordered(|o| o != Ordering::Less),
        CompareOp::Lt => ordered(|o| o == Ordering::Less),
        CompareOp::Le => ordered(|o| o != Ordering::Greater),
        CompareOp::Like | CompareOp::NotLike => {
            let hit = like(&left.to_string(), &right.to_string(), cs)?;
            Ok((hit == (op == CompareOp::Like), None))
        }
        CompareOp::Match | CompareOp::NotMatch => {
            let re = regex(&right.to_string(), cs)?;
            let text = left.to_string();
            match re.first(&text)? {
                Some(groups) => {
                    let table = matches_table(&re, &text, &groups);
                    Ok((op == CompareOp::Match, Some(table)))
                }
                None => Ok((op == CompareOp::NotMatch, None)),
            }
        }
        CompareOp::Contains | CompareOp::NotContains | CompareOp::In | CompareOp::NotIn => {
            Ok((false, None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &Value) -> String {
        format!("{}:{}", v.type_name(), v)
    }

    #[test]
    fn left_operand_decides() {
        assert_eq!(
            s(&arith(Arith::Add, &Value::str("5"), &Value::Int(5)).unwrap()),
            "System.String:55"
        );
        assert_eq!(
            s(&arith(Arith::Add, &Value::Int(5), &Value::str("5")).unwrap()),
            "System.Int32:10"
        );
    }

    #[test]
    fn overflow_and_division() {
        assert_eq!(
            s(&arith(Arith::Add, &Value::Int(i32::MAX), &Value::Int(1)).unwrap()),
            "System.Double:2147483648"
        );
        assert_eq!(
            s(&arith(Arith::Div, &Value::Int(10), &Value::Int(4)).unwrap()),
            "System.Double:2.5"
        );
        assert_eq!(
            s(&arith(Arith::Div, &Value::Int(10), &Value::Int(5)).unwrap()),
            "System.Int32:2"
        );
        assert!(arith(Arith::Div, &Value::Int(1), &Value::Int(0)).is_err());
    }

    #[test]
    fn eq_on_array_filters() {
        let arr = Value::array(vec![Value::Int(1), Value::Int(2), Value::Int(1)]);
        let r = compare_op(CompareOp::Eq, Case::Default, &arr, &Value::Int(1)).unwrap();
        assert_eq!(r.value.to_string(), "1 1");
    }

    #[test]
    fn wildcards() {
        assert!(like("Imap4Enabled", "imap*", false).unwrap());
        assert!(!like("Imap4Enabled", "imap*", true).unwrap());
        assert!(like("abc", "a?c", false).unwrap());
        assert!(like("b", "[a-c]", false).unwrap());
        assert!(like("a*b", "a`*b", false).unwrap());
    }

    #[test]
    fn dotnet_replacements() {
        let r = replace(
            &Value::str("John Smith"),
            &Value::array(vec![Value::str("(\\w+) (\\w+)"), Value::str("$2, $1")]),
            false,
        )
        .unwrap();
        assert_eq!(r.to_string(), "Smith, John");
    }
}
