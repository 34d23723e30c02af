//! Get-Member (`gm`): the members of each distinct type of input, as pwsh lists them
//! (methods, note/script properties of custom objects, the everyday .NET members of
//! strings, integers, dates and hashtables).

use super::props::given_non_null;
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::{PSCUSTOMOBJECT, PsObject};
use crate::engine::value::Value;
use crate::format::view::MEMBER_DEFINITION;

/// Get-Member (`gm`): the members of each distinct type of input, grouped by type name.
#[derive(Default)]
struct GetMember {
    seen: Vec<String>,
}

impl Processor for GetMember {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        // `$null` has no members: like no input at all.
        let Some(v) = given_non_null(cx, input) else {
            return Ok(());
        };
        let type_name = v.type_name();
        if self.seen.contains(&type_name) {
            return Ok(());
        }
        self.seen.push(type_name.clone());
        let patterns = strings(cx.param("Name"));
        let wanted_kind = cx.string("MemberType");
        let mut members = members_of(&v);
        members.retain(|(name, kind, _)| {
            (patterns.is_empty()
                || patterns
                    .iter()
                    .any(|p| crate::format::select::wildcard_match(p, name)))
                && wanted_kind.as_ref().is_none_or(|k| {
                    k.split(',').any(|k| {
                        let k = k.trim();
                        k.eq_ignore_ascii_case(kind)
                            || (k.eq_ignore_ascii_case("Properties") && kind.ends_with("Property"))
                            || (k.eq_ignore_ascii_case("Methods") && *kind == "Method")
                    })
                })
        });
        for (name, kind, definition) in members {
            let mut o = PsObject::new(vec![MEMBER_DEFINITION.into(), "System.Object".into()]);
            o.set("TypeName", Value::str(&type_name));
            o.set("Name", Value::str(name));
            o.set("MemberType", Value::str(kind));
            o.set("Definition", Value::str(definition));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if self.seen.is_empty() {
            return cx.error(
                "You must specify an object for the Get-Member cmdlet.",
                "NoObjectInGetMember",
                ErrorCategory::CloseError,
            );
        }
        Ok(())
    }
}

/// A .NET member as Get-Member shows it: name, member type, definition.
type MemberRow = (&'static str, &'static str, &'static str);

/// What every object has (System.Object's methods).
const OBJECT_MEMBERS: &[MemberRow] = &[
    ("Equals", "Method", "bool Equals(System.Object obj)"),
    ("GetHashCode", "Method", "int GetHashCode()"),
    ("GetType", "Method", "type GetType()"),
    ("ToString", "Method", "string ToString()"),
];

/// System.String's members that admins reach for (the ones exosh's strings answer),
/// with .NET's principal overloads.
const STRING_MEMBERS: &[MemberRow] = &[
    (
        "Clone",
        "Method",
        "System.Object Clone(), System.Object ICloneable.Clone()",
    ),
    (
        "CompareTo",
        "Method",
        "int CompareTo(System.Object value), int CompareTo(string strB), int IComparable.CompareTo(System.Object obj), int IComparable[string].CompareTo(string other)",
    ),
    (
        "Contains",
        "Method",
        "bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType), bool Contains(char value), bool Contains(char value, System.StringComparison comparisonType)",
    ),
    (
        "EndsWith",
        "Method",
        "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(string value, bool ignoreCase, cultureinfo culture), bool EndsWith(char value)",
    ),
    (
        "Equals",
        "Method",
        "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType), bool IEquatable[string].Equals(string other)",
    ),
    (
        "GetHashCode",
        "Method",
        "int GetHashCode(), int GetHashCode(System.StringComparison comparisonType)",
    ),
    ("GetType", "Method", "type GetType()"),
    (
        "IndexOf",
        "Method",
        "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(char value, System.StringComparison comparisonType), int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, System.StringComparison comparisonType)",
    ),
    (
        "Insert",
        "Method",
        "string Insert(int startIndex, string value)",
    ),
    (
        "LastIndexOf",
        "Method",
        "int LastIndexOf(char value), int LastIndexOf(char value, int startIndex), int LastIndexOf(string value), int LastIndexOf(string value, int startIndex), int LastIndexOf(string value, System.StringComparison comparisonType)",
    ),
    (
        "Normalize",
        "Method",
        "string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)",
    ),
    (
        "PadLeft",
        "Method",
        "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)",
    ),
    (
        "PadRight",
        "Method",
        "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)",
    ),
    (
        "Remove",
        "Method",
        "string Remove(int startIndex, int count), string Remove(int startIndex)",
    ),
    (
        "Replace",
        "Method",
        "string Replace(string oldValue, string newValue), string Replace(string oldValue, string newValue, System.StringComparison comparisonType), string Replace(char oldChar, char newChar)",
    ),
    (
        "Split",
        "Method",
        "string[] Split(char separator, System.StringSplitOptions options), string[] Split(char separator, int count, System.StringSplitOptions options), string[] Split(Params char[] separator), string[] Split(string separator, System.StringSplitOptions options)",
    ),
    (
        "StartsWith",
        "Method",
        "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(string value, bool ignoreCase, cultureinfo culture), bool StartsWith(char value)",
    ),
    (
        "Substring",
        "Method",
        "string Substring(int startIndex), string Substring(int startIndex, int length)",
    ),
    (
        "ToCharArray",
        "Method",
        "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)",
    ),
    (
        "ToLower",
        "Method",
        "string ToLower(), string ToLower(cultureinfo culture)",
    ),
    ("ToLowerInvariant", "Method", "string ToLowerInvariant()"),
    (
        "ToString",
        "Method",
        "string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)",
    ),
    (
        "ToUpper",
        "Method",
        "string ToUpper(), string ToUpper(cultureinfo culture)",
    ),
    ("ToUpperInvariant", "Method", "string ToUpperInvariant()"),
    (
        "Trim",
        "Method",
        "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)",
    ),
    (
        "TrimEnd",
        "Method",
        "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)",
    ),
    (
        "TrimStart",
        "Method",
        "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)",
    ),
    (
        "Chars",
        "ParameterizedProperty",
        "char Chars(int index) {get;}",
    ),
    ("Length", "Property", "int Length {get;}"),
];

/// System.Int32's everyday members.
const INT_MEMBERS: &[MemberRow] = &[
    (
        "CompareTo",
        "Method",
        "int CompareTo(System.Object value), int CompareTo(int value), int IComparable.CompareTo(System.Object obj), int IComparable[int].CompareTo(int other)",
    ),
    (
        "Equals",
        "Method",
        "bool Equals(System.Object obj), bool Equals(int obj), bool IEquatable[int].Equals(int other)",
    ),
    ("GetHashCode", "Method", "int GetHashCode()"),
    ("GetType", "Method", "type GetType()"),
    (
        "GetTypeCode",
        "Method",
        "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()",
    ),
    (
        "ToString",
        "Method",
        "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider), string IConvertible.ToString(System.IFormatProvider provider)",
    ),
];

/// System.DateTime's everyday members (the ones exosh's dates answer).
const DATE_MEMBERS: &[MemberRow] = &[
    ("AddDays", "Method", "datetime AddDays(double value)"),
    ("AddHours", "Method", "datetime AddHours(double value)"),
    ("AddMinutes", "Method", "datetime AddMinutes(double value)"),
    ("AddMonths", "Method", "datetime AddMonths(int months)"),
    ("AddSeconds", "Method", "datetime AddSeconds(double value)"),
    ("AddYears", "Method", "datetime AddYears(int value)"),
    (
        "Equals",
        "Method",
        "bool Equals(datetime value), bool Equals(System.Object value), bool IEquatable[datetime].Equals(datetime other)",
    ),
    ("GetHashCode", "Method", "int GetHashCode()"),
    ("GetType", "Method", "type GetType()"),
    ("ToLongDateString", "Method", "string ToLongDateString()"),
    ("ToShortDateString", "Method", "string ToShortDateString()"),
    ("ToShortTimeString", "Method", "string ToShortTimeString()"),
    (
        "ToString",
        "Method",
        "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider), string IConvertible.ToString(System.IFormatProvider provider)",
    ),
    ("Date", "Property", "datetime Date {get;}"),
    ("Day", "Property", "int Day {get;}"),
    ("DayOfWeek", "Property", "System.DayOfWeek DayOfWeek {get;}"),
    ("DayOfYear", "Property", "int DayOfYear {get;}"),
    ("Hour", "Property", "int Hour {get;}"),
    ("Millisecond", "Property", "int Millisecond {get;}"),
    ("Minute", "Property", "int Minute {get;}"),
    ("Month", "Property", "int Month {get;}"),
    ("Second", "Property", "int Second {get;}"),
    ("Year", "Property", "int Year {get;}"),
];

/// System.Collections.Hashtable's members (its keys are not members).
const HASHTABLE_MEMBERS: &[MemberRow] = &[
    (
        "Add",
        "Method",
        "void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, System.Object value)",
    ),
    ("Clear", "Method", "void Clear(), void IDictionary.Clear()"),
    (
        "Clone",
        "Method",
        "System.Object Clone(), System.Object ICloneable.Clone()",
    ),
    (
        "Contains",
        "Method",
        "bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)",
    ),
    (
        "ContainsKey",
        "Method",
        "bool ContainsKey(System.Object key)",
    ),
    (
        "ContainsValue",
        "Method",
        "bool ContainsValue(System.Object value)",
    ),
    ("Equals", "Method", "bool Equals(System.Object obj)"),
    (
        "GetEnumerator",
        "Method",
        "System.Collections.IDictionaryEnumerator GetEnumerator(), System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator()",
    ),
    ("GetHashCode", "Method", "int GetHashCode()"),
    ("GetType", "Method", "type GetType()"),
    (
        "Remove",
        "Method",
        "void Remove(System.Object key), void IDictionary.Remove(System.Object key)",
    ),
    ("ToString", "Method", "string ToString()"),
    (
        "Item",
        "ParameterizedProperty",
        "System.Object Item(System.Object key) {get;set;}",
    ),
    ("Count", "Property", "int Count {get;}"),
    ("IsFixedSize", "Property", "bool IsFixedSize {get;}"),
    ("IsReadOnly", "Property", "bool IsReadOnly {get;}"),
    ("IsSynchronized", "Property", "bool IsSynchronized {get;}"),
    (
        "Keys",
        "Property",
        "System.Collections.ICollection Keys {get;}",
    ),
    ("SyncRoot", "Property", "System.Object SyncRoot {get;}"),
    (
        "Values",
        "Property",
        "System.Collections.ICollection Values {get;}",
    ),
];

/// `(name, member type, definition)` of a value, sorted as Get-Member sorts them: by
/// member type name (`Method` before `NoteProperty` before `Property`), then by name.
fn members_of(v: &Value) -> Vec<(String, &'static str, String)> {
    let fixed = match v {
        Value::String(_) => STRING_MEMBERS,
        Value::Int(_) => INT_MEMBERS,
        Value::DateTime(_) => DATE_MEMBERS,
        Value::Hashtable(_) => HASHTABLE_MEMBERS,
        _ => OBJECT_MEMBERS,
    };
    let mut out: Vec<(String, &'static str, String)> = fixed
        .iter()
        .map(|(n, k, d)| (n.to_string(), *k, d.to_string()))
        .collect();
    if let Value::Object(o) = v {
        let o = o.borrow();
        let custom = o.type_names.iter().any(|t| t == PSCUSTOMOBJECT);
        out.extend(o.properties().map(|p| {
            let ty = short_type(&p.value);
            if let Some(getter) = &p.getter {
                let body = Value::ScriptBlock(getter.clone()).to_string();
                (
                    p.name.clone(),
                    "ScriptProperty",
                    format!("System.Object {} {{get={body};}}", p.name),
                )
            } else if custom {
                let shown = match &p.value {
                    Value::Null => "null".to_string(),
                    other => other.to_string(),
                };
                (
                    p.name.clone(),
                    "NoteProperty",
                    format!("{ty} {}={shown}", p.name),
                )
            } else {
                (
                    p.name.clone(),
                    "Property",
                    format!("{ty} {} {{get;set;}}", p.name),
                )
            }
        }));
    }
    out.sort_by_cached_key(|(name, kind, _)| (*kind, name.to_lowercase()));
    out
}

/// The short type name Get-Member's definitions use (`string`, `int`, `bool`, ...).
fn short_type(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) => "int".into(),
        Value::Long(_) => "long".into(),
        Value::Double(_) => "double".into(),
        Value::Decimal(_) => "decimal".into(),
        Value::Char(_) => "char".into(),
        Value::String(_) => "string".into(),
        Value::DateTime(_) => "datetime".into(),
        Value::Guid(_) => "guid".into(),
        Value::Hashtable(_) => "hashtable".into(),
        other => other.type_name(),
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Get-Member")
        .alias("gm")
        .synopsis("Gets the properties and methods of objects.")
        .param(Param::new("Name", ParamType::StringArray).position(0))
        .param(Param::new("MemberType", ParamType::String).alias("Type"))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .param(Param::switch("Force"))
        .param(Param::switch("Static"));
    CommandInfo::new(sig, || Box::new(GetMember::default()))
}
