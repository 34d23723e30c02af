//! Properties, methods and indexing of values: the string, array and hashtable members
//! admins use, PsObject properties, member enumeration (`$users.Name`), `GetType()`, and
//! the static members of a few types (`[int]::MaxValue`, `[string]::IsNullOrEmpty()`).

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{Datelike, Duration, Timelike};

use super::convert::{self, short_type_name, to_vec};
use super::error::ErrorRecord;
use super::format_op;
use super::limits;
use super::object::PsObject;
use super::ops::{self, OpError};
use super::regex_match;
use super::value::Value;

type MResult = Result<Value, OpError>;

/// `$x.Name`. Missing members are `$null` (strict mode off). On an array, a name the
/// array itself lacks is looked up on each element (member enumeration).
pub fn get_member(v: &Value, name: &str) -> Value {
    get_member_within(v, name, 0)
}

/// How deep member enumeration goes into arrays of arrays (an array can contain itself).
const MAX_ENUMERATION_DEPTH: usize = 32;

fn get_member_within(v: &Value, name: &str, depth: usize) -> Value {
    let lower = name.to_ascii_lowercase();
    // Every value has `Count` and `Length` (pwsh's intrinsic members): 0 for `$null`, 1
    // for a single object, unless the value has its own.
    let intrinsic = |own: Value| match (own, lower.as_str()) {
        (Value::Null, "count" | "length") => Value::Int(1),
        (own, _) => own,
    };
    match v {
        Value::Null => match lower.as_str() {
            "count" | "length" => Value::Int(0),
            _ => Value::Null,
        },
        Value::String(s) => match lower.as_str() {
            "length" => Value::Int(len_i32(s.chars().count())),
            "count" => Value::Int(1),
            _ => Value::Null,
        },
        Value::Array(a) => match lower.as_str() {
            "count" | "length" => Value::Int(len_i32(a.borrow().len())),
            "rank" => Value::Int(1),
            _ => {
                if depth >= MAX_ENUMERATION_DEPTH {
                    return Value::Null;
                }
                let items = a.borrow().clone();
                let mut out = Vec::new();
                for item in items {
                    match get_member_within(&item, name, depth + 1) {
                        Value::Null => {}
                        Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                        v => out.push(v),
                    }
                }
                super::eval::collect_value(out)
            }
        },
        Value::Hashtable(h) => {
            let h = h.borrow();
            if let Some(v) = h.get_str(name) {
                return v.clone();
            }
            match lower.as_str() {
                "count" => Value::Int(len_i32(h.len())),
                "keys" => Value::array(h.iter().map(|(k, _)| k.clone()).collect()),
                "values" => Value::array(h.iter().map(|(_, v)| v.clone()).collect()),
                _ => Value::Null,
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            if let Some(v) = o.get(name) {
                return v.clone();
            }
            match lower.as_str() {
                "psobject" => psobject_view(&o),
                "pstypenames" => Value::array(o.type_names.iter().map(Value::str).collect()),
                _ => intrinsic(Value::Null),
            }
        }
        Value::DateTime(dt) => match lower.as_str() {
            "year" => Value::Int(dt.year()),
            "month" => Value::Int(u32_i32(dt.month())),
            "day" => Value::Int(u32_i32(dt.day())),
            "hour" => Value::Int(u32_i32(dt.hour())),
            "minute" => Value::Int(u32_i32(dt.minute())),
            "second" => Value::Int(u32_i32(dt.second())),
            "millisecond" => Value::Int(u32_i32(dt.nanosecond() / 1_000_000)),
            "dayofweek" => Value::str(format_op::format_date(dt, "dddd")),
            "dayofyear" => Value::Int(u32_i32(dt.ordinal())),
            "date" => Value::DateTime(dt.date().and_hms_opt(0, 0, 0).unwrap_or(*dt)),
            _ => intrinsic(Value::Null),
        },
        Value::Type(t) => match lower.as_str() {
            "name" => Value::str(short_type_name(t)),
            "fullname" => Value::str(t.as_ref()),
            _ => intrinsic(Value::Null),
        },
        Value::Error(e) => intrinsic(error_member(e, &lower)),
        // Switch parameters are Booleans here; `$Force.IsPresent` reads them.
        Value::Bool(b) if lower == "ispresent" => Value::Bool(*b),
        // types.ps1xml's `Guid` ScriptProperty: the GUID as text.
        Value::Guid(g) if lower == "guid" => Value::str(super::value::format_guid(*g)),
        _ => intrinsic(Value::Null),
    }
}

fn len_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn u32_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// `$obj.PSObject`: its `Properties` (objects with Name/Value) and `TypeNames`.
fn psobject_view(o: &PsObject) -> Value {
    let mut view = PsObject::new(vec!["System.Management.Automation.PSObject".into()]);
    let props: Vec<Value> = o
        .properties()
        .map(|p| {
            let mut po = PsObject::new(vec!["System.Management.Automation.PSNoteProperty".into()]);
            po.set("Name", Value::str(&p.name));
            po.set("Value", p.value.clone());
            Value::object(po)
        })
        .collect();
    view.set("Properties", Value::array(props));
    view.set(
        "TypeNames",
        Value::array(o.type_names.iter().map(Value::str).collect()),
    );
    Value::object(view)
}

/// The members of an ErrorRecord (`$_.Exception.Message`, `$_.FullyQualifiedErrorId`).
fn error_member(e: &ErrorRecord, lower: &str) -> Value {
    match lower {
        "exception" => {
            let mut ex = PsObject::new(vec![e.exception_type.clone()]);
            ex.set("Message", Value::str(&e.message));
            for (name, value) in &e.exception_properties {
                ex.set(name, value.clone());
            }
            Value::object(ex)
        }
        "errordetails" => match &e.details {
            Some(details) => {
                let mut d = PsObject::new(vec!["System.Management.Automation.ErrorDetails".into()]);
                d.set("Message", Value::str(details));
                Value::object(d)
            }
            None => Value::Null,
        },
        "fullyqualifiederrorid" => Value::str(&e.error_id),
        "categoryinfo" => {
            let mut c = PsObject::new(vec![
                "System.Management.Automation.ErrorCategoryInfo".into(),
            ]);
            let given = &e.category_info;
            let exception = e.exception_type.rsplit('.').next().unwrap_or_default();
            let text = |given: &Option<String>, default: String| {
                Value::str(given.clone().unwrap_or(default))
            };
            c.set("Category", Value::str(format!("{:?}", e.category)));
            c.set(
                "Activity",
                text(&given.activity, e.command.clone().unwrap_or_default()),
            );
            c.set("Reason", text(&given.reason, exception.to_string()));
            c.set(
                "TargetName",
                text(&given.target_name, e.target.clone().unwrap_or_default()),
            );
            let target_type = if e.target.is_some() { "String" } else { "" };
            c.set(
                "TargetType",
                text(&given.target_type, target_type.to_string()),
            );
            Value::object(c)
        }
        "targetobject" => e.target.as_ref().map_or(Value::Null, Value::str),
        "message" => Value::str(&e.message),
        "invocationinfo" => {
            let mut i = PsObject::new(vec!["System.Management.Automation.InvocationInfo".into()]);
            if let Some(p) = &e.position {
                let (line, col) = p.source.line_col(p.span.start);
                i.set("ScriptLineNumber", Value::Int(len_i32(line)));
                i.set("OffsetInLine", Value::Int(len_i32(col)));
                i.set("ScriptName", Value::str(&p.source.name));
                i.set("Line", Value::str(p.source.line_text(line)));
            }
            i.set(
                "MyCommand",
                Value::str(e.command.clone().unwrap_or_default()),
            );
            Value::object(i)
        }
        _ => Value::Null,
    }
}

/// `$x.Name = value`.
pub fn set_member(v: &Value, name: &str, value: Value) -> Result<(), String> {
    match v {
        Value::Hashtable(h) => {
            h.borrow_mut().insert(Value::str(name), value);
            Ok(())
        }
        Value::Object(o) => {
            o.borrow_mut().set(name, value);
            Ok(())
        }
        Value::Null => Err("The property '".to_string()
            + name
            + "' cannot be found on this object. Verify that the property exists and can be set."),
        _ => Err(format!(
            "The property '{name}' cannot be found on this object. Verify that the property exists and can be set."
        )),
    }
}

/// Resolves a possibly negative index into `0..len`.
fn resolve_index(i: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let j = if i < 0 { len + i } else { i };
    (0..len)
        .contains(&j)
        .then(|| usize::try_from(j).ok())
        .flatten()
}

/// `$x[i]`: arrays (negative counts from the end, an array of indexes slices), strings
/// (a character), hashtables (by key; an array of keys gives their values).
pub fn index(target: &Value, idx: &Value) -> Result<Value, String> {
    match target {
        Value::Null => Err("Cannot index into a null array.".into()),
        Value::Hashtable(h) => {
            if let Value::Array(keys) = idx {
                let h = h.borrow();
                let out: Vec<Value> = keys
                    .borrow()
                    .iter()
                    .filter_map(|k| h.get(k).cloned())
                    .collect();
                return Ok(Value::array(out));
            }
            Ok(h.borrow().get(idx).cloned().unwrap_or(Value::Null))
        }
        Value::Object(o) => {
            if let Some(v) = o.borrow().get(&idx.to_string()) {
                return Ok(v.clone());
            }
            // A number indexes a single object as a one-element collection, as for any
            // scalar (`$group[0]` is the group itself).
            Ok(match idx {
                Value::Int(0 | -1) | Value::Long(0 | -1) => target.clone(),
                _ => Value::Null,
            })
        }
        _ => {
            let items: Vec<Value> = match target {
                Value::Array(a) => a.borrow().clone(),
                Value::String(s) => s.chars().map(Value::Char).collect(),
                other => vec![other.clone()],
            };
            if let Value::Array(list) = idx {
                let mut out = Vec::new();
                for i in list.borrow().iter() {
                    let n = convert::to_i64(i).map_err(|e| e.message)?;
                    if let Some(j) = resolve_index(n, items.len()) {
                        out.push(items[j].clone());
                    }
                }
                return Ok(Value::array(out));
            }
            if let Some(group) = group_by_name(&items, idx) {
                return Ok(group);
            }
            let n = convert::to_i64(idx).map_err(|e| e.message)?;
            Ok(resolve_index(n, items.len()).map_or(Value::Null, |j| items[j].clone()))
        }
    }
}

/// A match's `Groups` indexed by a group's name (`$m.Groups['user']`), as .NET's
/// GroupCollection is.
fn group_by_name(items: &[Value], idx: &Value) -> Option<Value> {
    let Value::String(name) = idx else {
        return None;
    };
    if name.parse::<i64>().is_ok() {
        return None;
    }
    items.iter().find_map(|item| match item {
        Value::Object(o) => {
            let o = o.borrow();
            let is_group = o.type_name() == super::regex_match::GROUP_TYPE;
            let named = o.get("Name").is_some_and(|n| n.to_string() == **name);
            (is_group && named).then(|| item.clone())
        }
        _ => None,
    })
}

/// `$x[i] = value`.
pub fn set_index(target: &Value, idx: &Value, value: Value) -> Result<(), String> {
    match target {
        Value::Hashtable(h) => {
            h.borrow_mut().insert(idx.clone(), value);
            Ok(())
        }
        Value::Array(a) => {
            let n = convert::to_i64(idx).map_err(|e| e.message)?;
            let mut a = a.borrow_mut();
            let len = a.len();
            match resolve_index(n, len) {
                Some(j) => {
                    a[j] = value;
                    Ok(())
                }
                None => Err("Index was outside the bounds of the array.".into()),
            }
        }
        Value::Object(o) => {
            o.borrow_mut().set(&idx.to_string(), value);
            Ok(())
        }
        Value::Null => Err("Cannot index into a null array.".into()),
        other => Err(format!(
            "Unable to index into an object of type {}.",
            other.type_name()
        )),
    }
}

fn no_method(target: &Value, name: &str) -> OpError {
    OpError::new(
        format!(
            "Method invocation failed because [{}] does not contain a method named '{name}'.",
            target.type_name()
        ),
        "MethodNotFound",
    )
}

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(|v| v.to_string()).unwrap_or_default()
}

fn arg_int(args: &[Value], i: usize) -> Result<i64, OpError> {
    match args.get(i) {
        Some(v) => Ok(convert::to_i64(v)?),
        None => Ok(0),
    }
}

fn bad_count(name: &str, n: usize) -> OpError {
    OpError::new(
        format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
        "MethodCountCouldNotFindBest",
    )
}

/// Character index ↔ byte index helpers for .NET-style string positions.
fn char_slice(s: &str, start: usize, len: Option<usize>) -> Option<String> {
    let total = s.chars().count();
    if start > total {
        return None;
    }
    let len = len.unwrap_or(total - start);
    if start + len > total {
        return None;
    }
    Some(s.chars().skip(start).take(len).collect())
}

fn find_char_index(hay: &str, needle: &str, cs: bool) -> i32 {
    let (h, n) = if cs {
        (hay.to_string(), needle.to_string())
    } else {
        (hay.to_lowercase(), needle.to_lowercase())
    };
    match h.find(&n) {
        Some(b) => len_i32(h[..b].chars().count()),
        None => -1,
    }
}

/// A method of a list (`@()`, `List[T]`, `ArrayList`: one growable type in exosh).
///
/// The list is worked on where it is, never copied: `$list.Add($x)` costs the same for
/// the 20,000th element as for the first, as a .NET list's does, so a report script that
/// adds a line per mailbox stays linear. Borrows end before anything else runs on the
/// list's elements (`$list.Add($list)` and method enumeration see a consistent list).
fn list_method(list: &Rc<RefCell<Vec<Value>>>, lower: &str, name: &str, args: &[Value]) -> MResult {
    let position = |x: &Value| list.borrow().iter().position(|i| ops::equals(i, x, false));
    match lower {
        "contains" => Ok(Value::Bool(args.first().and_then(position).is_some())),
        "indexof" => Ok(Value::Int(
            args.first().and_then(position).map_or(-1, len_i32),
        )),
        "clone" | "toarray" => Ok(Value::array(list.borrow().clone())),
        // **decision**: exosh has one array type, growable in place like
        // `ArrayList`/`List[T]` (pwsh's fixed-size arrays refuse `Add`); `Add`
        // returns nothing, as `List[T].Add` does.
        "add" => {
            let len = list.borrow().len();
            limits::array_fits(len + 1)
                .map_err(|_| limits::method_out_of_memory("Add", args.len()))?;
            let item = args.first().cloned().unwrap_or(Value::Null);
            list.borrow_mut().push(item);
            Ok(Value::Null)
        }
        "addrange" => {
            let count = match args.first() {
                Some(Value::Array(more)) => more.borrow().len(),
                Some(Value::Null) | None => 0,
                Some(_) => 1,
            };
            let len = list.borrow().len();
            limits::array_fits(len.saturating_add(count))
                .map_err(|_| limits::method_out_of_memory("AddRange", args.len()))?;
            let more = args.first().map(to_vec).unwrap_or_default();
            list.borrow_mut().extend(more);
            Ok(Value::Null)
        }
        "insert" => {
            let len = list.borrow().len();
            limits::array_fits(len + 1)
                .map_err(|_| limits::method_out_of_memory("Insert", args.len()))?;
            let item = args.get(1).cloned().unwrap_or(Value::Null);
            let mut items = list.borrow_mut();
            let at = usize::try_from(arg_int(args, 0)?)
                .unwrap_or(0)
                .min(items.len());
            items.insert(at, item);
            Ok(Value::Null)
        }
        "remove" => {
            if let Some(at) = args.first().and_then(position) {
                list.borrow_mut().remove(at);
            }
            Ok(Value::Null)
        }
        "removeat" => {
            let at = usize::try_from(arg_int(args, 0)?).unwrap_or(usize::MAX);
            let mut items = list.borrow_mut();
            if at < items.len() {
                items.remove(at);
            }
            Ok(Value::Null)
        }
        "clear" => {
            list.borrow_mut().clear();
            Ok(Value::Null)
        }
        _ => {
            // Method enumeration: call on each element, of the list as it is now (a
            // method that changed the list could not change what is being enumerated).
            // One level: an element that is itself an array is not entered, so a
            // self-containing array cannot recurse.
            let items = list.borrow().clone();
            let mut out = Vec::new();
            for i in items.iter().filter(|i| !matches!(i, Value::Array(_))) {
                out.push(call_method(i, name, args)?);
            }
            Ok(Value::array(out))
        }
    }
}

/// `$x.Method(args)`.
pub fn call_method(target: &Value, name: &str, args: &[Value]) -> MResult {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "gettype" => return Ok(Value::Type(Rc::from(target.type_name()))),
        "tostring" => {
            return Ok(Value::str(match args.first() {
                Some(f) => format_op::format_value(target, &f.to_string())
                    .map_err(|_| limits::method_out_of_memory("ToString", 1))?,
                None => target.to_string(),
            }));
        }
        "equals" => {
            return Ok(Value::Bool(
                args.first().is_some_and(|a| ops::equals(target, a, true)),
            ));
        }
        "gethashcode" => return Ok(Value::Int(0)),
        _ => {}
    }
    match target {
        Value::String(s) => string_method(s, &lower, name, args, target),
        Value::Array(a) => list_method(a, &lower, name, args),
        Value::Hashtable(h) => match lower.as_str() {
            "add" => {
                if args.len() != 2 {
                    return Err(bad_count(name, args.len()));
                }
                let mut h = h.borrow_mut();
                if h.contains_key(&args[0]) {
                    return Err(OpError::new(
                        format!(
                            "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: '{}'  Key being added: '{}'\"",
                            args[0], args[0]
                        ),
                        "ArgumentException",
                    ));
                }
                h.insert(args[0].clone(), args[1].clone());
                Ok(Value::Null)
            }
            "containskey" | "contains" => Ok(Value::Bool(
                args.first().is_some_and(|k| h.borrow().contains_key(k)),
            )),
            "containsvalue" => {
                Ok(Value::Bool(args.first().is_some_and(|x| {
                    h.borrow().iter().any(|(_, v)| ops::equals(v, x, false))
                })))
            }
            "remove" => {
                if let Some(k) = args.first() {
                    h.borrow_mut().remove(k);
                }
                Ok(Value::Null)
            }
            "clear" => {
                h.borrow_mut().clear();
                Ok(Value::Null)
            }
            "clone" => Ok(Value::hashtable(h.borrow().clone())),
            "getenumerator" => Ok(Value::array(
                h.borrow()
                    .iter()
                    .map(|(k, v)| {
                        let mut e =
                            PsObject::new(vec!["System.Collections.DictionaryEntry".into()]);
                        e.set("Name", k.clone());
                        e.set("Key", k.clone());
                        e.set("Value", v.clone());
                        Value::object(e)
                    })
                    .collect(),
            )),
            _ => Err(no_method(target, name)),
        },
        Value::DateTime(dt) => {
            let n = || -> Result<f64, OpError> {
                Ok(match args.first() {
                    Some(v) => convert::to_f64(v)?,
                    None => 0.0,
                })
            };
            // .NET dates run from year 1 to 9999.
            let in_range = |t: chrono::NaiveDateTime| (1..=9999).contains(&t.year());
            let add = |d: Option<Duration>| -> MResult {
                d.and_then(|d| dt.checked_add_signed(d))
                    .filter(|t| in_range(*t))
                    .map(Value::DateTime)
                    .ok_or_else(|| OpError::new("The added or subtracted value results in an un-representable DateTime.", "ArgumentOutOfRange"))
            };
            match lower.as_str() {
                "adddays" => add(Duration::try_milliseconds((n()? * 86_400_000.0) as i64)),
                "addhours" => add(Duration::try_milliseconds((n()? * 3_600_000.0) as i64)),
                "addminutes" => add(Duration::try_milliseconds((n()? * 60_000.0) as i64)),
                "addseconds" => add(Duration::try_milliseconds((n()? * 1000.0) as i64)),
                "addmonths" | "addyears" => {
                    let k = n()? as i32 * if lower == "addyears" { 12 } else { 1 };
                    let months = chrono::Months::new(k.unsigned_abs());
                    let r = if k >= 0 {
                        dt.checked_add_months(months)
                    } else {
                        dt.checked_sub_months(months)
                    };
                    r.filter(|t| in_range(*t)).map(Value::DateTime).ok_or_else(|| OpError::new("The added or subtracted value results in an un-representable DateTime.", "ArgumentOutOfRange"))
                }
                "toshortdatestring" => Ok(Value::str(format_op::format_date(dt, "d"))),
                "tolongdatestring" => Ok(Value::str(format_op::format_date(dt, "D"))),
                "toshorttimestring" => Ok(Value::str(format_op::format_date(dt, "t"))),
                _ => Err(no_method(target, name)),
            }
        }
        Value::Object(o) => {
            if let Some(Value::ScriptBlock(_)) = o.borrow().get(name) {
                return Err(OpError::new(
                    format!(
                        "Method invocation failed because [{}] does not contain a method named '{name}'.",
                        target.type_name()
                    ),
                    "MethodNotFound",
                ));
            }
            Err(no_method(target, name))
        }
        Value::Null => Err(OpError::new(
            "You cannot call a method on a null-valued expression.",
            "InvokeMethodOnNull",
        )),
        _ => match lower.as_str() {
            "compareto" => Ok(Value::Int(
                match args.first().and_then(|a| ops::compare(target, a, true)) {
                    Some(std::cmp::Ordering::Less) => -1,
                    Some(std::cmp::Ordering::Greater) => 1,
                    _ => 0,
                },
            )),
            _ => Err(no_method(target, name)),
        },
    }
}

fn string_method(s: &str, lower: &str, name: &str, args: &[Value], target: &Value) -> MResult {
    let cs_arg = |i: usize| -> bool {
        // StringComparison.OrdinalIgnoreCase / CurrentCultureIgnoreCase turn case off.
        !args.get(i).is_some_and(|v| {
            v.to_string().to_lowercase().contains("ignorecase") || matches!(v, Value::Bool(true))
        })
    };
    Ok(match lower {
        "toupper" | "toupperinvariant" => Value::str(s.to_uppercase()),
        "tolower" | "tolowerinvariant" => Value::str(s.to_lowercase()),
        "trim" | "trimstart" | "trimend" => {
            let set: Vec<char> = args
                .iter()
                .flat_map(|a| a.to_string().chars().collect::<Vec<_>>())
                .collect();
            let pred = |c: char| {
                if set.is_empty() {
                    c.is_whitespace()
                } else {
                    set.contains(&c)
                }
            };
            Value::str(match lower {
                "trim" => s.trim_matches(pred),
                "trimstart" => s.trim_start_matches(pred),
                _ => s.trim_end_matches(pred),
            })
        }
        "startswith" => Value::Bool(if cs_arg(1) {
            s.starts_with(&arg_str(args, 0))
        } else {
            s.to_lowercase()
                .starts_with(&arg_str(args, 0).to_lowercase())
        }),
        "endswith" => Value::Bool(if cs_arg(1) {
            s.ends_with(&arg_str(args, 0))
        } else {
            s.to_lowercase().ends_with(&arg_str(args, 0).to_lowercase())
        }),
        "contains" => Value::Bool(if cs_arg(1) {
            s.contains(&arg_str(args, 0))
        } else {
            s.to_lowercase().contains(&arg_str(args, 0).to_lowercase())
        }),
        "indexof" => Value::Int(find_char_index(s, &arg_str(args, 0), cs_arg(1))),
        "lastindexof" => {
            let needle = arg_str(args, 0);
            match s.rfind(&needle) {
                Some(b) => Value::Int(len_i32(s[..b].chars().count())),
                None => Value::Int(-1),
            }
        }
        "substring" => {
            let start = usize::try_from(arg_int(args, 0)?).ok();
            let len = match args.get(1) {
                Some(_) => Some(usize::try_from(arg_int(args, 1)?).ok()),
                None => None,
            };
            let out = match (start, len) {
                (Some(st), None) => char_slice(s, st, None),
                (Some(st), Some(Some(l))) => char_slice(s, st, Some(l)),
                _ => None,
            };
            Value::str(out.ok_or_else(|| {
                OpError::new(
                    format!(
                        "Exception calling \"Substring\" with \"{}\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\"",
                        args.len()
                    ),
                    "ArgumentOutOfRangeException",
                )
            })?)
        }
        "replace" => {
            if args.len() < 2 {
                return Err(bad_count(name, args.len()));
            }
            let from = arg_str(args, 0);
            if from.is_empty() {
                return Err(OpError::new(
                    "Exception calling \"Replace\" with \"2\" argument(s): \"The value cannot be an empty string. (Parameter 'oldValue')\"",
                    "ArgumentException",
                ));
            }
            let to = arg_str(args, 1);
            let grows = to.len().saturating_sub(from.len());
            let size = s
                .len()
                .saturating_add(s.matches(from.as_str()).count().saturating_mul(grows));
            limits::string_fits(size).map_err(|_| limits::method_out_of_memory("Replace", 2))?;
            Value::str(s.replace(&from, &to))
        }
        "split" => {
            let seps: Vec<char> = args
                .iter()
                .filter(|a| !matches!(a, Value::Int(_)))
                .flat_map(|a| match a {
                    Value::Array(x) => x
                        .borrow()
                        .iter()
                        .flat_map(|v| v.to_string().chars().collect::<Vec<_>>())
                        .collect::<Vec<_>>(),
                    v => v.to_string().chars().collect(),
                })
                .collect();
            let parts: Vec<Value> = if seps.is_empty() {
                s.split(char::is_whitespace).map(Value::str).collect()
            } else {
                s.split(|c| seps.contains(&c)).map(Value::str).collect()
            };
            Value::array(parts)
        }
        "padleft" | "padright" => {
            let width = usize::try_from(arg_int(args, 0)?).unwrap_or(0);
            let fill = args
                .get(1)
                .and_then(|v| v.to_string().chars().next())
                .unwrap_or(' ');
            let n = s.chars().count();
            let pads = width.saturating_sub(n);
            limits::string_fits(s.len().saturating_add(pads.saturating_mul(fill.len_utf8())))
                .map_err(|_| limits::method_out_of_memory(name, args.len()))?;
            let pad: String = std::iter::repeat_n(fill, pads).collect();
            Value::str(if lower == "padleft" {
                format!("{pad}{s}")
            } else {
                format!("{s}{pad}")
            })
        }
        "insert" => {
            let at = usize::try_from(arg_int(args, 0)?).unwrap_or(0);
            let mut chars: Vec<char> = s.chars().collect();
            let at = at.min(chars.len());
            let inserted = arg_str(args, 1);
            limits::string_fits(s.len().saturating_add(inserted.len()))
                .map_err(|_| limits::method_out_of_memory("Insert", 2))?;
            let ins: Vec<char> = inserted.chars().collect();
            chars.splice(at..at, ins);
            Value::str(chars.into_iter().collect::<String>())
        }
        "remove" => {
            let at = usize::try_from(arg_int(args, 0)?).unwrap_or(0);
            let chars: Vec<char> = s.chars().collect();
            let count = match args.get(1) {
                Some(_) => usize::try_from(arg_int(args, 1)?).unwrap_or(0),
                None => chars.len().saturating_sub(at),
            };
            let mut out: Vec<char> = chars.clone();
            if at <= chars.len() && at + count <= chars.len() {
                out.drain(at..at + count);
            }
            Value::str(out.into_iter().collect::<String>())
        }
        "tochararray" => Value::array(s.chars().map(Value::Char).collect()),
        "compareto" => Value::Int(match ops::compare_str(s, &arg_str(args, 0), false) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        "normalize" | "clone" => Value::str(s),
        _ => return Err(no_method(target, name)),
    })
}

/// `[T]::Member`.
pub fn static_member(t: &Value, name: &str) -> Result<Value, String> {
    let Value::Type(ty) = t else {
        return Ok(get_member(t, name));
    };
    let lower = name.to_ascii_lowercase();
    let v = match (ty.as_ref(), lower.as_str()) {
        ("System.Int32", "maxvalue") => Value::Int(i32::MAX),
        ("System.Int32", "minvalue") => Value::Int(i32::MIN),
        ("System.Int64", "maxvalue") => Value::Long(i64::MAX),
        ("System.Int64", "minvalue") => Value::Long(i64::MIN),
        ("System.Double", "maxvalue") => Value::Double(f64::MAX),
        ("System.Double", "minvalue") => Value::Double(f64::MIN),
        ("System.Double", "nan") => Value::Double(f64::NAN),
        ("System.Double", "positiveinfinity") => Value::Double(f64::INFINITY),
        ("System.Double", "negativeinfinity") => Value::Double(f64::NEG_INFINITY),
        ("System.Double", "epsilon") => Value::Double(f64::from_bits(1)),
        ("System.Char", "maxvalue") => Value::Char('\u{ffff}'),
        ("System.String", "empty") => Value::str(""),
        ("System.Math", "pi") => Value::Double(std::f64::consts::PI),
        ("System.Math", "e") => Value::Double(std::f64::consts::E),
        ("System.Environment", "newline") => Value::str("\n"),
        ("System.Environment", "machinename") => {
            Value::str(super::scope::env_var("HOSTNAME").unwrap_or_else(|| "localhost".into()))
        }
        ("System.Environment", "username") => {
            Value::str(super::scope::env_var("USER").unwrap_or_default())
        }
        ("System.DateTime", "now") => Value::DateTime(chrono::Local::now().naive_local()),
        ("System.DateTime", "today") => Value::DateTime(
            chrono::Local::now()
                .date_naive()
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
        ),
        ("System.DateTime", "utcnow") => Value::DateTime(chrono::Utc::now().naive_utc()),
        ("System.Guid", "empty") => Value::Guid(0),
        _ => {
            return Err(format!(
                "The property '{name}' cannot be found on type [{}].",
                short_type_name(ty)
            ));
        }
    };
    Ok(v)
}

/// A new instance of a type exosh can make (`[T]::new(args)`, `New-Object T`), by
/// canonical type name: lists (as arrays), hashtables, and values cast from the first
/// argument (`[datetime]::new(...)` is not among them). `None` for other types.
pub fn construct(type_name: &str, args: &[Value]) -> Option<Value> {
    Some(match type_name {
        "System.Collections.ArrayList" | "System.Collections.Generic.List" => {
            Value::array(args.first().map(to_vec).unwrap_or_default())
        }
        "System.Collections.Hashtable" => Value::hashtable(super::value::Hashtable::new(false)),
        "System.Collections.Specialized.OrderedDictionary" => {
            Value::hashtable(super::value::Hashtable::new(true))
        }
        "System.Management.Automation.PSCustomObject"
        | "System.Management.Automation.PSObject"
        | "System.Object" => Value::object(PsObject::custom()),
        "System.String" => Value::str(args.iter().map(|a| a.to_string()).collect::<String>()),
        // The default values (`New-Object datetime`, `New-Object char`).
        "System.DateTime" if args.is_empty() => chrono::NaiveDate::from_ymd_opt(1, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(Value::Null, Value::DateTime),
        "System.Char" if args.is_empty() => Value::Char('\0'),
        _ => return None,
    })
}

/// `[T]::Method(args)`.
pub fn call_static(t: &Value, name: &str, args: &[Value]) -> MResult {
    let Value::Type(ty) = t else {
        return call_method(t, name, args);
    };
    let lower = name.to_ascii_lowercase();
    let num = |i: usize| -> Result<f64, OpError> {
        Ok(convert::to_f64(args.get(i).unwrap_or(&Value::Null))?)
    };
    let keep_int = |x: f64| -> Value {
        if args.first().is_some_and(|a| matches!(a, Value::Int(_)))
            && x.fract() == 0.0
            && x.abs() < 2e9
        {
            Value::Int(x as i32)
        } else {
            Value::Double(x)
        }
    };
    if lower == "new"
        && let Some(v) = construct(ty, args)
    {
        return Ok(v);
    }
    Ok(match (ty.as_ref(), lower.as_str()) {
        ("System.String", "isnullorempty") => {
            Value::Bool(args.first().is_none_or(|v| v.to_string().is_empty()))
        }
        ("System.String", "isnullorwhitespace") => {
            Value::Bool(args.first().is_none_or(|v| v.to_string().trim().is_empty()))
        }
        ("System.String", "join") => {
            let sep = arg_str(args, 0);
            let items: Vec<Value> = if args.len() == 2 {
                to_vec(&args[1])
            } else {
                args[1..].to_vec()
            };
            Value::str(
                limits::join(items.iter().map(limits::text), &sep)
                    .map_err(|_| limits::method_out_of_memory("Join", args.len()))?,
            )
        }
        ("System.String", "format") => {
            let rest: Vec<Value> = if args.len() == 2 {
                to_vec(&args[1])
            } else {
                args.get(1..).unwrap_or(&[]).to_vec()
            };
            Value::str(format_op::format(&arg_str(args, 0), &rest)?)
        }
        ("System.String", "concat") => Value::str(
            limits::join(args.iter().map(limits::text), "")
                .map_err(|_| limits::method_out_of_memory("Concat", args.len()))?,
        ),
        ("System.String", "equals") => Value::Bool(arg_str(args, 0) == arg_str(args, 1)),
        ("System.Math", "round") => {
            let x = num(0)?;
            let digits = if args.len() > 1 { arg_int(args, 1)? } else { 0 };
            let m = 10f64.powi(i32::try_from(digits).unwrap_or(0));
            let v = x * m;
            let r = if (v - v.trunc()).abs() == 0.5 {
                2.0 * (v / 2.0).round()
            } else {
                v.round()
            };
            match args.first() {
                Some(Value::Decimal(_)) => {
                    Value::Decimal(convert::to_decimal(&Value::Double(r / m))?)
                }
                _ => Value::Double(r / m),
            }
        }
        ("System.Math", "floor") => Value::Double(num(0)?.floor()),
        ("System.Math", "ceiling") => Value::Double(num(0)?.ceil()),
        ("System.Math", "truncate") => Value::Double(num(0)?.trunc()),
        ("System.Math", "abs") => keep_int(num(0)?.abs()),
        ("System.Math", "sqrt") => Value::Double(num(0)?.sqrt()),
        ("System.Math", "pow") => Value::Double(num(0)?.powf(num(1)?)),
        ("System.Math", "max") => keep_int(num(0)?.max(num(1)?)),
        ("System.Math", "min") => keep_int(num(0)?.min(num(1)?)),
        ("System.Math", "log") => Value::Double(match args.len() {
            2 => num(0)?.log(num(1)?),
            _ => num(0)?.ln(),
        }),
        ("System.Math", "exp") => Value::Double(num(0)?.exp()),
        ("System.Math", "sin") => Value::Double(num(0)?.sin()),
        ("System.Math", "cos") => Value::Double(num(0)?.cos()),
        ("System.Math", "tan") => Value::Double(num(0)?.tan()),
        ("System.Math", "asin") => Value::Double(num(0)?.asin()),
        ("System.Math", "acos") => Value::Double(num(0)?.acos()),
        ("System.Math", "atan") => Value::Double(num(0)?.atan()),
        ("System.Math", "atan2") => Value::Double(num(0)?.atan2(num(1)?)),
        ("System.Math", "sign") => Value::Int(match num(0)? {
            x if x > 0.0 => 1,
            x if x < 0.0 => -1,
            _ => 0,
        }),
        ("System.Math", "log10") => Value::Double(num(0)?.log10()),
        ("System.Guid", "newguid") => Value::Guid(new_guid()),
        ("System.Guid", "parse") => convert::cast(&Value::str(arg_str(args, 0)), "System.Guid")?,
        ("System.Int32", "parse") => Value::Int(convert::to_i32(&Value::str(arg_str(args, 0)))?),
        ("System.Int64", "parse") => Value::Long(convert::to_i64(&Value::str(arg_str(args, 0)))?),
        ("System.Double", "parse") => {
            Value::Double(convert::to_f64(&Value::str(arg_str(args, 0)))?)
        }
        ("System.DateTime", "parse") => {
            convert::cast(&Value::str(arg_str(args, 0)), "System.DateTime")?
        }
        ("System.Text.RegularExpressions.Regex", "escape") => {
            Value::str(super::net_regex::escape(&arg_str(args, 0)))
        }
        ("System.Text.RegularExpressions.Regex", "match") => {
            let re = ops::regex(&arg_str(args, 1), true)?;
            let text = arg_str(args, 0);
            regex_match::match_value(&re, &text, re.first(&text)?.as_ref())
        }
        ("System.Text.RegularExpressions.Regex", "matches") => {
            let re = ops::regex(&arg_str(args, 1), true)?;
            let text = arg_str(args, 0);
            regex_match::matches_value(&re, &text, &re.all(&text, usize::MAX)?)
        }
        ("System.Text.RegularExpressions.Regex", "ismatch") => {
            Value::Bool(ops::regex(&arg_str(args, 1), true)?.is_match(&arg_str(args, 0))?)
        }
        ("System.Text.RegularExpressions.Regex", "replace") => {
            let re = ops::regex(&arg_str(args, 1), true)?;
            Value::str(re.replace(
                &arg_str(args, 0),
                &arg_str(args, 2),
                limits::MAX_BYTES,
                || limits::method_out_of_memory("Replace", 3),
            )?)
        }
        _ => {
            return Err(OpError::new(
                format!(
                    "Method invocation failed because [{}] does not contain a method named '{name}'.",
                    ty
                ),
                "MethodNotFound",
            ));
        }
    })
}

/// A random (version 4) GUID from the system's randomness where available.
pub fn new_guid() -> u128 {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
        .is_ok();
    let mut g = u128::from_be_bytes(bytes);
    if !ok {
        let s = std::collections::hash_map::RandomState::new();
        let mut h = s.build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        g = u128::from(h.finish()) << 64 | u128::from(s.build_hasher().finish());
    }
    // Version 4, variant 1.
    (g & !(0xf << 76) | (0x4 << 76)) & !(0x3 << 62) | (0x2 << 62)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_index_and_slices() {
        let a = Value::array((1..=5).map(Value::Int).collect());
        assert_eq!(index(&a, &Value::Int(-1)).unwrap().to_string(), "5");
        let sl = Value::array(vec![Value::Int(0), Value::Int(2)]);
        assert_eq!(index(&a, &sl).unwrap().to_string(), "1 3");
        assert!(index(&a, &Value::Int(9)).unwrap().is_null());
    }

    #[test]
    fn member_enumeration() {
        let mut o1 = PsObject::custom();
        o1.set("Name", Value::str("a"));
        let mut o2 = PsObject::custom();
        o2.set("Name", Value::str("b"));
        let arr = Value::array(vec![Value::object(o1), Value::object(o2)]);
        assert_eq!(get_member(&arr, "name").to_string(), "a b");
        assert_eq!(get_member(&arr, "Count").to_string(), "2");
    }

    #[test]
    fn string_methods() {
        let s = Value::str("Hello World");
        assert_eq!(
            call_method(&s, "Substring", &[Value::Int(6)])
                .unwrap()
                .to_string(),
            "World"
        );
        assert_eq!(
            call_method(&s, "IndexOf", &[Value::str("o")])
                .unwrap()
                .to_string(),
            "4"
        );
        assert_eq!(
            call_method(&s, "Split", &[Value::str(" ")])
                .unwrap()
                .to_string(),
            "Hello World"
        );
        assert_eq!(
            call_method(&s, "GetType", &[])
                .map(|t| get_member(&t, "Name").to_string())
                .unwrap(),
            "String"
        );
    }
}
