//! New-Object (custom objects only), Add-Member and Get-Member: making and inspecting
//! objects' properties.

use std::rc::Rc;

use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::convert::canonical_type;
use crate::engine::error::ErrorCategory;
use crate::engine::members::construct;
use crate::engine::object::{PSCUSTOMOBJECT, PsObject};
use crate::engine::value::{ScriptBlockValue, Value};
use crate::format::view::MEMBER_DEFINITION;

/// New-Object: `New-Object PSObject -Property @{...}` makes a custom object with the
/// hashtable's entries as properties, in order; the few .NET types exosh models
/// (`System.Collections.ArrayList`, `hashtable`, `datetime`, ...) are made as `::new()`
/// makes them. Other .NET types are not available.
struct NewObject;

impl Processor for NewObject {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let type_name = cx.string("TypeName").unwrap_or_default();
        let custom = [
            "psobject",
            "pscustomobject",
            "system.management.automation.psobject",
            "system.management.automation.pscustomobject",
            "object",
            "system.object",
        ];
        if !custom.contains(&type_name.to_lowercase().as_str()) {
            let args = match cx.param("ArgumentList") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(a)) => a.borrow().clone(),
                Some(one) => vec![one.clone()],
            };
            if let Some(made) = canonical_type(&type_name).and_then(|t| construct(&t, &args)) {
                return cx.write(made);
            }
            return Err(cx.terminating(
                &format!(
                    "Cannot find type [{type_name}]: verify that the assembly containing this type is loaded."
                ),
                "TypeNotFound",
                ErrorCategory::InvalidType,
            ));
        }
        let mut o = PsObject::custom();
        if let Some(Value::Hashtable(h)) = cx.param("Property") {
            for (k, v) in h.borrow().iter() {
                o.set(&k.to_string(), v.clone());
            }
        }
        cx.write(Value::object(o))
    }
}

pub fn new_object() -> CommandInfo {
    let sig = Signature::new("New-Object")
        .synopsis("Creates an instance of a Microsoft .NET Framework or COM object.")
        .param(
            Param::new("TypeName", ParamType::String)
                .position(0)
                .mandatory(),
        )
        .param(
            Param::new("ArgumentList", ParamType::AnyArray)
                .alias("Args")
                .position(1),
        )
        .param(Param::new("Property", ParamType::Hashtable))
        .example(
            "A custom object",
            "New-Object PSObject -Property @{Name='Ken'; Age=40}",
            "\nName Age\n---- ---\nKen   40\n",
        );
    CommandInfo::new(sig, || Box::new(NewObject))
}

/// Add-Member: adds note, alias and script properties to an object, in place.
struct AddMember;

/// What a new member holds.
enum Member {
    Note(Value),
    Script(Rc<ScriptBlockValue>),
}

impl AddMember {
    fn add(cx: &mut Ctx, target: &Value, name: &str, member: Member) -> Result<bool, Flow> {
        let Value::Object(o) = target else {
            cx.error(
                "Add-Member can add members only to objects in exosh.",
                "CannotAddMember",
                ErrorCategory::InvalidOperation,
            )?;
            return Ok(false);
        };
        if o.borrow().has(name) && !cx.switch("Force") {
            cx.error(
                &format!(
                    "Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."
                ),
                "MemberAlreadyExists",
                ErrorCategory::InvalidOperation,
            )?;
            return Ok(false);
        }
        match member {
            Member::Note(value) => o.borrow_mut().set(name, value),
            Member::Script(getter) => o.borrow_mut().set_script_property(name, getter),
        }
        Ok(true)
    }
}

impl Processor for AddMember {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(target) = input.or_else(|| cx.param("InputObject").cloned()) else {
            return Ok(());
        };
        if let Some(Value::Hashtable(h)) = cx.param("NotePropertyMembers").cloned() {
            for (k, v) in h.borrow().iter() {
                Self::add(cx, &target, &k.to_string(), Member::Note(v.clone()))?;
            }
        } else if let Some(name) = cx.string("NotePropertyName") {
            let value = cx
                .param("NotePropertyValue")
                .cloned()
                .unwrap_or(Value::Null);
            Self::add(cx, &target, &name, Member::Note(value))?;
        } else {
            let kind = cx.string("MemberType").unwrap_or_default();
            let name = cx.string("Name").unwrap_or_default();
            let value = cx.param("Value").cloned().unwrap_or(Value::Null);
            match kind.to_lowercase().as_str() {
                "noteproperty" => {
                    Self::add(cx, &target, &name, Member::Note(value))?;
                }
                "aliasproperty" => {
                    let original =
                        crate::format::select::property_value(&target, &value.to_string())
                            .unwrap_or(Value::Null);
                    Self::add(cx, &target, &name, Member::Note(original))?;
                }
                "scriptproperty" => {
                    let Value::ScriptBlock(getter) = value else {
                        return cx.error(
                            "The value of a ScriptProperty must be a script block (its getter).",
                            "ScriptPropertyNeedsScriptBlock",
                            ErrorCategory::InvalidArgument,
                        );
                    };
                    Self::add(cx, &target, &name, Member::Script(getter))?;
                }
                _ => {
                    return cx.error(
                        &format!("Add-Member cannot add a member of type {kind} in exosh; use NoteProperty, AliasProperty or ScriptProperty."),
                        "UnsupportedMemberType",
                        ErrorCategory::NotImplemented,
                    );
                }
            }
        }
        if cx.switch("PassThru") {
            cx.write(target)?;
        }
        Ok(())
    }
}

pub fn add_member() -> CommandInfo {
    let kinds = [
        "NoteProperty",
        "AliasProperty",
        "ScriptProperty",
        "ScriptMethod",
        "CodeProperty",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let sig = Signature::new("Add-Member")
        .synopsis("Adds custom properties and methods to an instance of a PowerShell object.")
        .param(Param::new("MemberType", ParamType::Enum(kinds)).alias("Type").position(0).set("TypedMemberSet"))
        .param(Param::new("Name", ParamType::String).position(1).set("TypedMemberSet"))
        .param(Param::new("Value", ParamType::Any).position(2).set("TypedMemberSet"))
        .param(Param::new("NotePropertyName", ParamType::String).position(0).set("NotePropertySingleMemberSet"))
        .param(Param::new("NotePropertyValue", ParamType::Any).position(1).set("NotePropertySingleMemberSet"))
        .param(Param::new("NotePropertyMembers", ParamType::Hashtable).position(0).set("NotePropertyMultiMemberSet"))
        .param(Param::new("InputObject", ParamType::Any).mandatory().from_pipeline())
        .param(Param::switch("PassThru"))
        .param(Param::switch("Force"))
        .default_set("TypedMemberSet")
        .example(
            "Adds a note property",
            "[pscustomobject]@{A=1} | Add-Member -NotePropertyName B -NotePropertyValue 2 -PassThru",
            "\nA B\n- -\n1 2\n",
        );
    CommandInfo::new(sig, || Box::new(AddMember))
}

/// Get-Member (`gm`): the members of each distinct type of input, grouped by type name.
#[derive(Default)]
struct GetMember {
    seen: Vec<String>,
}

impl Processor for GetMember {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        // `$null` has no members: like no input at all.
        let Some(v) = input
            .or_else(|| cx.param("InputObject").cloned())
            .filter(|v| !v.is_null())
        else {
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

/// `(name, member type, definition)` of a value, sorted as Get-Member sorts them: by
/// member type name (`Method` before `NoteProperty` before `Property`), then by name.
fn members_of(v: &Value) -> Vec<(String, &'static str, String)> {
    let fixed = match v {
        Value::String(_) => STRING_MEMBERS,
        Value::Int(_) => INT_MEMBERS,
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

pub fn get_member() -> CommandInfo {
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
