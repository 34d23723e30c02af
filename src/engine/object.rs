//! PsObject: PowerShell's property bag with type names.
//!
//! Properties keep the order they were added in and are looked up case-insensitively
//! (`MapiEnabled` and `MAPIEnabled` are one property), while the name keeps the casing it
//! was first given, which is what output shows.

use std::borrow::Cow;
use std::rc::Rc;

use hashbrown::HashTable;

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
///
/// A report builds an object per mailbox and reads its properties by name, so objects
/// are cheap to build and to read: the properties sit in a list in order, each name
/// stored once (as given), and found by comparing names case-insensitively in place,
/// never by making a lowercase copy. An object with more than [`SCAN`] properties (an
/// Exchange mailbox has dozens) also keeps an index from each name's case-insensitive
/// hash to its place, so that reading one costs the same however many there are.
#[derive(Debug, Clone, Default)]
pub struct PsObject {
    pub type_names: Vec<String>,
    properties: Vec<Property>,
    index: Option<HashTable<usize>>,
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

/// Up to this many properties, a lookup compares each name (faster than hashing).
const SCAN: usize = 8;

/// Whether two property names are one (case-insensitively, as PowerShell compares them).
fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// A hash of a property name that ignores case (names equal by [`same_name`] hash
/// alike): of the name's bytes eight at a time, with the bit that tells an ASCII
/// letter's case set, so `A` and `a` hash alike (so do `@` and `` ` ``, which only costs
/// a comparison). A name with other than ASCII letters is lowercased first. A
/// multiply-rotate hash: property names are short, and an object is no place for hash
/// flooding.
fn name_hash(name: &str) -> u64 {
    if name.is_ascii() {
        caseless_bytes_hash(name.as_bytes())
    } else {
        let lower: String = name.chars().flat_map(char::to_lowercase).collect();
        caseless_bytes_hash(lower.as_bytes())
    }
}

fn caseless_bytes_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    const CASE: u64 = 0x2020_2020_2020_2020;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ (u64::from_le_bytes(word) | CASE)).wrapping_mul(K);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut word = [0u8; 8];
        word[..tail.len()].copy_from_slice(tail);
        h = (h.rotate_left(5) ^ (u64::from_le_bytes(word) | CASE)).wrapping_mul(K);
    }
    h.rotate_left(26)
}

impl PsObject {
    /// An empty object with the given type names.
    pub fn new(type_names: Vec<String>) -> Self {
        PsObject {
            type_names,
            properties: Vec::new(),
            index: None,
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
    /// result of known size grows without copying).
    pub fn with_capacity(type_names: Vec<String>, capacity: usize) -> Self {
        PsObject {
            type_names,
            properties: Vec::with_capacity(capacity),
            index: (capacity > SCAN).then(|| HashTable::with_capacity(capacity)),
        }
    }

    /// Where the property of this name is.
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index
                .find(name_hash(name), |&i| {
                    same_name(&self.properties[i].name, name)
                })
                .copied(),
            None => self
                .properties
                .iter()
                .position(|p| same_name(&p.name, name)),
        }
    }

    /// Indexes the property at `at` (the last one), once the object has an index or
    /// has grown past [`SCAN`].
    fn index_last(&mut self) {
        let properties = &self.properties;
        if let Some(index) = &mut self.index {
            let at = properties.len() - 1;
            index.insert_unique(name_hash(&properties[at].name), at, |&i| {
                name_hash(&properties[i].name)
            });
        } else if properties.len() > SCAN {
            self.reindex();
        }
    }

    /// Makes the index afresh (after a removal moved properties).
    fn reindex(&mut self) {
        if self.properties.len() <= SCAN {
            self.index = None;
            return;
        }
        let mut index = HashTable::with_capacity(self.properties.len());
        for (at, p) in self.properties.iter().enumerate() {
            index.insert_unique(name_hash(&p.name), at, |&i| {
                name_hash(&self.properties[i].name)
            });
        }
        self.index = Some(index);
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.get_property(name).map(|p| &p.value)
    }

    pub fn get_property(&self, name: &str) -> Option<&Property> {
        self.position(name).map(|i| &self.properties[i])
    }

    pub fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets a property: an existing one keeps its place and display name, a new one is
    /// appended.
    pub fn set(&mut self, name: &str, value: Value) {
        self.put(Cow::Borrowed(name), value);
    }

    /// As [`PsObject::set`], taking the name by value: an object built from owned names
    /// (a result converted in bulk) keeps them without copying.
    pub fn set_owned(&mut self, name: String, value: Value) {
        self.put(Cow::Owned(name), value);
    }

    fn put(&mut self, name: Cow<str>, value: Value) {
        match self.position(&name) {
            Some(at) => self.replace(at, value),
            None => self.append(name.into_owned(), value),
        }
    }

    fn replace(&mut self, at: usize, value: Value) {
        let p = &mut self.properties[at];
        p.value = value;
        p.getter = None;
    }

    fn append(&mut self, name: String, value: Value) {
        self.properties.push(Property {
            name,
            value,
            getter: None,
        });
        self.index_last();
    }

    /// Adds (or replaces) a ScriptProperty: `getter` runs with `$this` on each read.
    pub fn set_script_property(&mut self, name: &str, getter: Rc<ScriptBlockValue>) {
        self.set(name, Value::Null);
        if let Some(at) = self.position(name) {
            self.properties[at].getter = Some(getter);
        }
    }

    /// Whether any property is a ScriptProperty.
    pub fn has_script_properties(&self) -> bool {
        self.properties.iter().any(|p| p.getter.is_some())
    }

    pub fn remove(&mut self, name: &str) -> Option<Property> {
        let at = self.position(name)?;
        let removed = self.properties.remove(at);
        self.reindex();
        Some(removed)
    }

    /// Properties in order.
    pub fn properties(&self) -> impl Iterator<Item = &Property> {
        self.properties.iter()
    }

    pub fn property_names(&self) -> impl Iterator<Item = &str> {
        self.properties.iter().map(|p| p.name.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Small objects are scanned, large ones indexed: both find every property whatever
    /// its case, keep their order, and stay right after a removal moves the rest.
    #[test]
    fn finds_properties_whatever_the_case_before_and_after_removal() {
        for count in [3, SCAN + 5] {
            let mut o = PsObject::custom();
            for i in 0..count {
                o.set(
                    &format!("Prop{i}"),
                    Value::Int(i32::try_from(i).unwrap_or(0)),
                );
            }
            o.set("PROP1", Value::str("changed"));
            assert_eq!(o.len(), count);
            assert_eq!(
                o.get("prop1").map(Value::to_string).as_deref(),
                Some("changed")
            );
            assert_eq!(
                o.property_names().nth(1),
                Some("Prop1"),
                "keeps its first casing"
            );
            assert!(o.remove("pRoP0").is_some());
            for i in 1..count {
                assert!(o.has(&format!("prop{i}")), "{count}: prop{i}");
            }
            assert!(!o.has("Prop0"));
            o.set("Straße", Value::Int(1));
            assert!(o.has("STRAßE") && o.has("straße") && !o.has("strasse"));
            assert_eq!(o.property_names().last(), Some("Straße"));
            // The Kelvin sign lowercases to an ASCII `k`.
            o.set("\u{212A}ey", Value::Int(2));
            assert!(o.has("KEY") && o.has("key"));
        }
    }
}
