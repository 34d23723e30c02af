//! Between the shell's values and the InvokeCommand JSON: arguments become request
//! parameters, result objects become PsObjects carrying Exchange's type names.

use serde_json::{Map, Number, Value as Json};

use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::exchange::request::{self, Object};

/// Every property an Exchange cmdlet reads of an object piped to an identity parameter:
/// what [`object_identity`] sends, and what the confirmation names it by
/// (`super::confirm`).
pub const IDENTITY_PROPERTIES: &[&str] = &["Guid", "Identity", "Name", "DisplayName"];

/// The text an object piped into an identity parameter stands for: its Guid, else its
/// Identity, else its Name (as Exchange resolves a piped mailbox object).
fn object_identity(object: &PsObject) -> Option<String> {
    ["Guid", "Identity", "Name"].iter().find_map(|name| {
        object
            .get(name)
            .filter(|v| !v.is_null())
            .map(Value::to_string)
    })
}

/// A parameter value as request JSON. `identity` marks `*IdParameter` parameters, where
/// an object stands for itself by its identity rather than for all its properties.
pub fn to_json(value: &Value, identity: bool) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Long(i) => Json::from(*i),
        Value::Double(d) => Number::from_f64(*d).map_or(Json::Null, Json::Number),
        Value::Decimal(d) => d
            .to_string()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or_else(|| Json::String(d.to_string()), Json::Number),
        Value::DateTime(t) => Json::String(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Value::Array(items) => Json::Array(
            items
                .borrow()
                .iter()
                .map(|v| to_json(v, identity))
                .collect(),
        ),
        Value::Hashtable(table) => request::hashtable(
            table
                .borrow()
                .iter()
                .map(|(k, v)| (k.to_string(), to_json(v, false)))
                .collect::<Vec<_>>(),
        ),
        Value::Object(object) => {
            let object = object.borrow();
            if identity {
                return object_identity(&object).map_or(Json::Null, Json::String);
            }
            let mut map = Map::new();
            for property in object.properties() {
                map.insert(property.name.clone(), to_json(&property.value, false));
            }
            Json::Object(map)
        }
        Value::ScriptBlock(block) => Json::String(block.text().trim().to_string()),
        // Secrets never leave the shell for the local organisation.
        Value::SecureString(_) => Json::Null,
        other => Json::String(other.to_string()),
    }
}

/// A JSON value from a response as a shell value.
fn from_json(json: Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => i32::try_from(i).map_or(Value::Long(i), Value::Int),
            None => Value::Double(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::str(s),
        Json::Array(items) => Value::array(items.into_iter().map(from_json).collect()),
        Json::Object(map) => Value::object(to_object(map)),
    }
}

/// A result object as a PsObject: its type name first (so the Exchange views apply),
/// properties in the order given, annotations left out. Date properties (`When...`,
/// `...Time`, `...Date`, `LastSuccessSync`) become DateTime values: `...UTC` ones in UTC,
/// the others in local time. Takes the object by value so its property names move into
/// the PsObject.
pub fn to_object(map: Object) -> PsObject {
    let mut type_names = Vec::new();
    if let Some(name) = request::object_type_name(&map) {
        type_names.push(name.to_string());
    }
    type_names.push("System.Object".to_string());
    let mut object = PsObject::with_capacity(type_names, map.len());
    for (name, value) in map.into_iter().filter(|(k, _)| !k.contains('@')) {
        let converted = match value {
            Json::String(text) if is_date(&name) => date_value(&text, name.ends_with("UTC")),
            other => from_json(other),
        };
        object.set_owned(name, converted);
    }
    object
}

/// Whether a property holds a date, by Exchange's names for them.
fn is_date(name: &str) -> bool {
    let name = name.strip_suffix("UTC").unwrap_or(name);
    name.starts_with("When") || ["Time", "Date", "Sync"].iter().any(|s| name.ends_with(s))
}

fn date_value(text: &str, utc: bool) -> Value {
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(time) if utc => Value::DateTime(time.naive_utc()),
        Ok(time) => Value::DateTime(time.with_timezone(&chrono::Local).naive_local()),
        Err(_) => Value::str(text),
    }
}
