//! New-Object and Add-Member: making objects and giving them properties (Get-Member, which
//! inspects them, is in `get_member`).

use std::rc::Rc;

use super::props::given;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::convert::canonical_type;
use crate::engine::error::ErrorCategory;
use crate::engine::members::construct;
use crate::engine::object::PsObject;
use crate::engine::value::{ScriptBlockValue, Value};

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
        let Some(target) = given(cx, input) else {
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
