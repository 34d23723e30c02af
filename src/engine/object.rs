//! PsObject: PowerShell's property bag with type names.
//!
//! Properties keep the order they were added in and are looked up case-insensitively
//! (`MapiEnabled` and `MAPIEnabled` are one property), while the name keeps the casing it
//! was first given, which is what output shows.

use indexmap::IndexMap;

use std::rc::Rc;

use super::value::{ScriptBlockValue, Value};

/// A property: its display name and value.
#[derive(Debug, Clone)]
pub struct Property {
    pub name: String,
    pub value: Value,
    /// A ScriptProperty's getter (`Add-Member -MemberType ScriptProperty`), run with
    /// `$this` each time the property is read; `value` is then unused. Readers without an
    /// engine see objects whose script properties the engine has already worked out
    /// (`Engine::resolve_script_properties`).
    pub getter: Option<Rc<ScriptBlockValue>>,
}

/// An object with ordered, case-insensitive properties.
///
/// `type_names` is most-derived first, as `$obj.PSObject.TypeNames`:
/// `["Microsoft.Exchange.Data.Directory.Management.CASMailbox", ...]`; an object made by
/// `[pscustomobject]@{}` has `["System.Management.Automation.PSCustomObject", "System.Object"]`.
/// Views are chosen by these names.
#[derive(Debug, Clone, Default)]
pub struct PsObject {
    pub type_names: Vec<String>,
    properties: IndexMap<String, Property>,
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

impl PsObject {
    /// An empty object with the given type names.
    pub fn new(type_names: Vec<String>) -> Self {
        PsObject {
            type_names,
            properties: IndexMap::new(),
        }
    }

    /// An empty `[pscustomobject]`.
    pub fn custom() -> Self {
        PsObject::new(vec![
            PSCUSTOMOBJECT.to_string(),
            "System.Object".to_string(),
        ])
    }

    /// An empty object with room for `capacity` properties (an object built from a
    /// result of known size grows without rehashing).
    pub fn with_capacity(type_names: Vec<String>, capacity: usize) -> Self {
        PsObject {
            type_names,
            properties: IndexMap::with_capacity(capacity),
        }
    }

    fn key(name: &str) -> String {
        // Property names are nearly always ASCII, whose lowercase needs no Unicode tables.
        if name.is_ascii() {
            name.to_ascii_lowercase()
        } else {
            name.to_lowercase()
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.properties.get(&Self::key(name)).map(|p| &p.value)
    }

    pub fn get_property(&self, name: &str) -> Option<&Property> {
        self.properties.get(&Self::key(name))
    }

    pub fn has(&self, name: &str) -> bool {
        self.properties.contains_key(&Self::key(name))
    }

    /// Sets a property: an existing one keeps its place and display name, a new one is
    /// appended.
    pub fn set(&mut self, name: &str, value: Value) {
        self.put(Self::key(name), || name.to_string(), value);
    }

    /// As [`PsObject::set`], taking the name by value: an object built from owned names
    /// (a result converted in bulk) keeps them without copying.
    pub fn set_owned(&mut self, name: String, value: Value) {
        self.put(Self::key(&name), || name, value);
    }

    fn put(&mut self, key: String, name: impl FnOnce() -> String, value: Value) {
        match self.properties.entry(key) {
            indexmap::map::Entry::Occupied(mut entry) => {
                let p = entry.get_mut();
                p.value = value;
                p.getter = None;
            }
            indexmap::map::Entry::Vacant(entry) => {
                entry.insert(Property {
                    name: name(),
                    value,
                    getter: None,
                });
            }
        }
    }

    /// Adds (or replaces) a ScriptProperty: `getter` runs with `$this` on each read.
    pub fn set_script_property(&mut self, name: &str, getter: Rc<ScriptBlockValue>) {
        self.set(name, Value::Null);
        if let Some(p) = self.properties.get_mut(&Self::key(name)) {
            p.getter = Some(getter);
        }
    }

    /// Whether any property is a ScriptProperty.
    pub fn has_script_properties(&self) -> bool {
        self.properties.values().any(|p| p.getter.is_some())
    }

    pub fn remove(&mut self, name: &str) -> Option<Property> {
        self.properties.shift_remove(&Self::key(name))
    }

    /// Properties in order.
    pub fn properties(&self) -> impl Iterator<Item = &Property> {
        self.properties.values()
    }

    pub fn property_names(&self) -> impl Iterator<Item = &str> {
        self.properties.values().map(|p| p.name.as_str())
    }

    pub fn len(&self) -> usize {
        self.properties.len()
    }

    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }

    /// The most-derived type name (`System.Object` for an object without any).
    pub fn type_name(&self) -> &str {
        self.type_names
            .first()
            .map(String::as_str)
            .unwrap_or("System.Object")
    }
}
