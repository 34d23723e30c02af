//! Policies, plans, rules and the organisation-wide settings: the Get/Set/New/Remove
//! (and Enable/Disable) cmdlets of every noun kept as JSON documents ([`ObjectKind`]).

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Row, params, params_from_iter};
use serde_json::{Map, Value, json};

use super::directory::{self, Place, escape_dn};
use super::links;
use super::values::{multi_value, recipient_addresses, reference_name, to_bool, typed_value};
use super::{Bound, LocalBackend, ResultSize, feed, identity_text, no_change_warning};
use crate::exchange::identity::{self, object_condition, resolve_object};
use crate::exchange::nouns::{
    COMMON_TAIL, DIRECTORY, Kind, NOT_SETTINGS, NounSpec, ObjectKind, find_computed,
};
use crate::exchange::request::{ExchangeError, Object, TYPE_ANNOTATION, scalar_text};
use crate::exchange::store::{OrgInfo, default_settings, insert_object, now_utc, sql_error};

/// One stored document object.
struct ObjectRow {
    name: String,
    guid: String,
    is_default: bool,
    settings: Map<String, Value>,
    created: String,
    changed: String,
}

const SELECT: &str =
    "SELECT o.name, o.guid, o.is_default, o.settings, o.created, o.changed FROM objects o";

fn read_row(row: &Row) -> rusqlite::Result<ObjectRow> {
    let settings: String = row.get(3)?;
    Ok(ObjectRow {
        name: row.get(0)?,
        guid: row.get(1)?,
        is_default: row.get(2)?,
        settings: serde_json::from_str(&settings).unwrap_or_default(),
        created: row.get(4)?,
        changed: row.get(5)?,
    })
}

fn read_object(conn: &Connection, oid: i64) -> Result<ObjectRow, ExchangeError> {
    conn.query_row(&format!("{SELECT} WHERE o.oid = ?1"), [oid], read_row)
        .map_err(sql_error)
}

/// A singleton's row id (the organisation-wide settings exist from the store's creation).
fn singleton(conn: &Connection, kind: &ObjectKind) -> Result<i64, ExchangeError> {
    conn.query_row(
        "SELECT oid FROM objects WHERE kind = ?1 LIMIT 1",
        [kind.noun],
        |r| r.get(0),
    )
    .map_err(sql_error)
}

fn render(noun: &NounSpec, kind: &ObjectKind, row: &ObjectRow, org: &OrgInfo) -> Object {
    let class = kind.noun.to_ascii_lowercase();
    let place = Place {
        name: &row.name,
        dn: format!(
            "CN={},CN={}s,CN=Configuration,CN={},CN=ConfigurationUnits,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com",
            escape_dn(&row.name),
            kind.noun,
            org.tenant
        ),
        category: kind.noun,
        classes: &["top", &class],
    };
    let directory_value = |property: &str| {
        find_computed(DIRECTORY, property)
            .and_then(|c| directory::value(c.value, &place, org))
            .unwrap_or(Value::Null)
    };
    let mut object = Map::new();
    object.insert(
        TYPE_ANNOTATION.to_string(),
        json!(format!("#{}", noun.type_name)),
    );
    object.insert("RunspaceId".to_string(), directory_value("RunspaceId"));
    for (key, value) in &row.settings {
        object.insert(key.clone(), value.clone());
    }
    if kind.has_default {
        object.insert("IsDefault".to_string(), Value::Bool(row.is_default));
    }
    for property in COMMON_TAIL {
        let value = match *property {
            "Name" => json!(row.name),
            "Guid" => json!(row.guid),
            "WhenChanged" | "WhenChangedUTC" => json!(row.changed),
            "WhenCreated" | "WhenCreatedUTC" => json!(row.created),
            other => directory_value(other),
        };
        object.insert((*property).to_string(), value);
    }
    object
}

/// The settings after applying a command's parameters to `current`.
fn apply(
    tx: &Connection,
    noun: &NounSpec,
    kind: &ObjectKind,
    current: &Map<String, Value>,
    bound: &Bound,
) -> Result<Map<String, Value>, ExchangeError> {
    let mut settings = current.clone();
    for (info, value) in &bound.params {
        let name = info.name.as_str();
        // The name, the default flag and an ordered object's place are the row's own
        // (handled by the callers).
        if NOT_SETTINGS
            .iter()
            .chain(&["Name", "IsDefault"])
            .any(|n| n.eq_ignore_ascii_case(name))
            || (kind.ordered && name.eq_ignore_ascii_case(PRIORITY))
            || info.type_name.ends_with("SecureString")
        {
            continue;
        }
        if kind.switchable && name.eq_ignore_ascii_case("Enabled") {
            settings.insert(STATE.to_string(), json!(state_name(to_bool(name, value)?)));
            continue;
        }
        if info.is_switch() {
            // Actions such as -DisableFacebook: recorded as the switch's state.
            settings.insert(
                name.to_string(),
                Value::Bool(super::values::to_bool(name, value)?),
            );
            continue;
        }
        let key = settings
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
            .cloned()
            .unwrap_or_else(|| name.to_string());
        let column = noun.column(name).map(|c| c.kind);
        let stored = if let Some(Kind::References(target)) = column {
            let current: Vec<String> = settings
                .get(&key)
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or_default();
            let mut names: Vec<String> = Vec::new();
            for given in multi_value(name, &current, value)? {
                if let Some(found) = reference_name(tx, target, &json!(given))?
                    && !names.iter().any(|n| n.eq_ignore_ascii_case(&found))
                {
                    names.push(found);
                }
            }
            json!(names)
        } else if let Some(target) = noun.reference(name) {
            json!(reference_name(tx, target, value)?)
        } else if matches!(column, Some(Kind::Recipients)) {
            match recipient_addresses(tx, name, value)? {
                Some(list) if !info.is_multi_valued() => json!(list.first()),
                list => json!(list),
            }
        } else {
            typed_value(info, settings.get(&key), value)?
        };
        settings.insert(key, stored);
    }
    for (given, blank, value) in kind.companions {
        if bound.get(given).is_some_and(|v| !v.is_null())
            && settings.get(*blank).is_none_or(Value::is_null)
        {
            settings.insert((*blank).to_string(), json!(value));
        }
    }
    if let Some(check) = kind.check {
        check(&settings)
            .map_err(|message| ExchangeError::invalid_argument("InvalidObjectSettings", message))?;
    }
    Ok(settings)
}

/// The property an ordered object's place is kept in.
const PRIORITY: &str = "Priority";
/// The property a switchable object's state is kept in.
const STATE: &str = "State";

fn state_name(enabled: bool) -> &'static str {
    if enabled { "Enabled" } else { "Disabled" }
}

fn priority_of(settings: &Map<String, Value>) -> i64 {
    settings.get(PRIORITY).and_then(Value::as_i64).unwrap_or(0)
}

/// Exchange's refusal of a place outside the rules' range (0 to `last`).
fn invalid_priority(last: i64) -> ExchangeError {
    ExchangeError::invalid_argument(
        "InvalidPriorityException",
        format!(
            "The specified rule priority is invalid. Use a value between '0' (highest priority), and '{last}' (lowest priority)."
        ),
    )
    .with_target(PRIORITY)
}

/// The place a command asks for (`-Priority`), checked against the places there are
/// (0 to `last`).
fn wanted_priority(bound: &Bound, last: i64) -> Result<Option<i64>, ExchangeError> {
    let Some(value) = bound.get(PRIORITY).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let text = scalar_text(value).unwrap_or_default();
    let wanted: i64 = text.trim().parse().map_err(|_| {
        ExchangeError::invalid_argument(
            "ParameterArgumentTransformationError",
            format!(
                "Cannot process argument transformation on parameter 'Priority'. Cannot convert value \"{text}\" to type \"System.Int32\"."
            ),
        )
        .with_target(PRIORITY)
    })?;
    if !(0..=last).contains(&wanted) {
        return Err(invalid_priority(last));
    }
    Ok(Some(wanted))
}

/// Numbers the objects of an ordered kind 0, 1, ... in their order, `moved` (an object and
/// the place it asks for) put at its place; writes only the priorities that change.
fn renumber(
    tx: &Connection,
    kind: &ObjectKind,
    moved: Option<(i64, i64)>,
) -> Result<(), ExchangeError> {
    let mut rows: Vec<(i64, Map<String, Value>)> = tx
        .prepare_cached("SELECT oid, settings FROM objects WHERE kind = ?1")
        .and_then(|mut stmt| {
            stmt.query_map([kind.noun], |row| {
                let settings: String = row.get(1)?;
                Ok((
                    row.get(0)?,
                    serde_json::from_str(&settings).unwrap_or_default(),
                ))
            })?
            .collect()
        })
        .map_err(sql_error)?;
    rows.sort_by_key(|(oid, settings)| (priority_of(settings), *oid));
    if let Some((oid, place)) = moved
        && let Some(at) = rows.iter().position(|(o, _)| *o == oid)
    {
        let row = rows.remove(at);
        let place = usize::try_from(place).unwrap_or(0).min(rows.len());
        rows.insert(place, row);
    }
    for (place, (oid, mut settings)) in rows.into_iter().enumerate() {
        let place = i64::try_from(place).unwrap_or(i64::MAX);
        if priority_of(&settings) == place && settings.contains_key(PRIORITY) {
            continue;
        }
        settings.insert(PRIORITY.to_string(), json!(place));
        tx.execute(
            "UPDATE objects SET settings = ?2 WHERE oid = ?1",
            params![oid, Value::Object(settings).to_string()],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

/// How many objects of a kind there are.
fn count(tx: &Connection, kind: &ObjectKind) -> Result<i64, ExchangeError> {
    tx.query_row(
        "SELECT count(*) FROM objects WHERE kind = ?1",
        [kind.noun],
        |r| r.get(0),
    )
    .map_err(sql_error)
}

/// Whether an object has what a Get's selecting parameters ask for: each parameter
/// named for one of its settings (Get-TransportRule `-State`, `-DlpPolicy`), or a
/// selector of its kind (Get-RetentionPolicyTag `-Types`), compares that setting's text,
/// case-insensitively, with the value or any of the values given.
fn selected(kind: &ObjectKind, row: &ObjectRow, bound: &Bound) -> bool {
    bound.params.iter().all(|(info, value)| {
        let property = kind
            .selectors
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(&info.name))
            .map_or(info.name.as_str(), |(_, property)| property);
        let Some(setting) = row
            .settings
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(property))
            .map(|(_, v)| v)
        else {
            return true;
        };
        let wanted: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        wanted
            .iter()
            .any(|want| match (scalar_text(setting), scalar_text(want)) {
                (Some(have), Some(want)) => have.eq_ignore_ascii_case(&want),
                (None, None) => true,
                _ => false,
            })
    })
}

/// The refusal of a parameter whose work needs Exchange Online.
pub(super) fn online_only(cmdlet: &str, parameter: &str) -> ExchangeError {
    ExchangeError::new(
        crate::exchange::request::ErrorCode::NotImplemented,
        "ParameterNeedsExchangeOnline",
        "NotImplemented",
        format!(
            "The parameter '{parameter}' of {cmdlet} isn't available in the local organisation. Connect to Exchange Online (Connect-ExchangeOnline) to use it."
        ),
    )
    .with_target(parameter)
}

/// Refuses a command given a parameter of [`ObjectKind::needs_online`].
pub(super) fn refuse_online_only(kind: &ObjectKind, bound: &Bound) -> Result<(), ExchangeError> {
    match kind.needs_online.iter().find(|p| bound.get(p).is_some()) {
        Some(parameter) => Err(online_only(&bound.cmdlet.name, parameter)),
        None => Ok(()),
    }
}

/// A new object's name, made of the parameters its kind names it by: the first, then
/// the others in parentheses (`Android (DeviceType)`).
fn new_name(kind: &ObjectKind, bound: &Bound) -> Result<String, ExchangeError> {
    let mut parts = kind.name_parts.iter().map(|p| bound.required_text(p));
    let mut name = parts.next().transpose()?.unwrap_or_default();
    let rest = parts.collect::<Result<Vec<_>, _>>()?;
    if !rest.is_empty() {
        name = format!("{name} ({})", rest.join(", "));
    }
    Ok(name)
}

/// Whether the command makes this object the default (`-IsDefault`, a switch or Boolean).
fn wants_default(bound: &Bound) -> Result<Option<bool>, ExchangeError> {
    bound
        .get("IsDefault")
        .map(|v| to_bool("IsDefault", v))
        .transpose()
}

fn make_default(tx: &Connection, kind: &ObjectKind, oid: i64) -> Result<(), ExchangeError> {
    tx.execute(
        "UPDATE objects SET is_default = (oid = ?2) WHERE kind = ?1",
        params![kind.noun, oid],
    )
    .map_err(sql_error)?;
    Ok(())
}

fn already_exists(name: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "ADObjectAlreadyExistsException",
        format!("The object '{name}' already exists."),
    )
    .with_target(name)
}

fn name_taken(
    tx: &Connection,
    kind: &ObjectKind,
    name: &str,
    except: i64,
) -> Result<bool, ExchangeError> {
    tx.query_row(
        "SELECT count(*) FROM objects WHERE kind = ?1 AND name = ?2 AND oid <> ?3",
        params![kind.noun, name, except],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(sql_error)
}

impl LocalBackend {
    pub(super) fn get_objects(
        &self,
        noun: &NounSpec,
        kind: &ObjectKind,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let objects = {
            let store = self.store();
            let conn = store.connection();
            let identity = bound.get("Identity").and_then(identity_text);
            let condition = match (&identity, kind.singleton) {
                (Some(identity), None) => object_condition(kind, identity, true),
                _ => crate::exchange::store::SqlFragment::new(
                    "o.kind = ?",
                    vec![SqlValue::Text(kind.noun.to_string())],
                ),
            };
            let mut stmt = conn
                .prepare_cached(&format!(
                    "{SELECT} WHERE {} ORDER BY o.name, o.oid",
                    condition.sql
                ))
                .map_err(sql_error)?;
            let mut rows: Vec<ObjectRow> = stmt
                .query_map(params_from_iter(condition.params.iter()), read_row)
                .map_err(sql_error)?
                .collect::<Result<_, _>>()
                .map_err(sql_error)?;
            if let Some(identity) =
                identity.filter(|i| rows.is_empty() && !identity::has_wildcard(i))
            {
                return Err(identity::not_found(&identity, &store.org().server));
            }
            if kind.ordered {
                rows.sort_by_key(|row| priority_of(&row.settings));
            }
            rows.iter()
                .filter(|row| selected(kind, row, bound))
                .map(|row| render(noun, kind, row, store.org()))
                .collect::<Vec<_>>()
        };
        let size = ResultSize::from(bound)?;
        let cut = size.limit.is_some_and(|limit| objects.len() > limit);
        feed(
            objects
                .into_iter()
                .take(size.limit.unwrap_or(usize::MAX))
                .collect(),
            sink,
        );
        Ok(if cut {
            vec![size.warning().to_string()]
        } else {
            Vec::new()
        })
    }

    pub(super) fn set_object(
        &self,
        noun: &NounSpec,
        kind: &ObjectKind,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let oid = match kind.singleton {
                Some(_) => singleton(tx, kind)?,
                None => {
                    let identity = bound.required_text("Identity")?;
                    resolve_object(tx, kind, &identity, || {
                        identity::not_found(&identity, &org.server)
                    })?
                    .0
                }
            };
            let row = read_object(tx, oid)?;
            let settings = apply(tx, noun, kind, &row.settings, bound)?;
            let mut changed = settings != row.settings;
            let moved = match kind.ordered {
                true => wanted_priority(bound, count(tx, kind)? - 1)?
                    .filter(|p| *p != priority_of(&row.settings)),
                false => None,
            };
            if let Some(new_name) = bound.text("Name").filter(|n| *n != row.name) {
                if name_taken(tx, kind, &new_name, oid)? {
                    return Err(already_exists(&new_name));
                }
                tx.execute(
                    "UPDATE objects SET name = ?2 WHERE oid = ?1",
                    params![oid, new_name],
                )
                .map_err(sql_error)?;
                links::follow_rename(tx, kind, &row.name, &new_name)?;
                changed = true;
            }
            if kind.has_default && wants_default(bound)? == Some(true) && !row.is_default {
                make_default(tx, kind, oid)?;
                changed = true;
            }
            if !changed && moved.is_none() {
                return Ok(vec![no_change_warning(&row.name)]);
            }
            tx.execute(
                "UPDATE objects SET settings = ?2, changed = ?3 WHERE oid = ?1",
                params![oid, Value::Object(settings).to_string(), now_utc()],
            )
            .map_err(sql_error)?;
            if let Some(place) = moved {
                renumber(tx, kind, Some((oid, place)))?;
            }
            Ok(Vec::new())
        })
    }

    /// Turns an object on or off (Enable-/Disable-TransportRule); Enable's `-Mode` also
    /// sets how it runs. Turning on what is on changes nothing and says nothing.
    pub(super) fn switch_object(
        &self,
        kind: &ObjectKind,
        bound: &Bound,
        enabled: bool,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let (oid, _) = resolve_object(tx, kind, &identity, || {
                identity::not_found(&identity, &org.server)
            })?;
            let row = read_object(tx, oid)?;
            let mut settings = row.settings.clone();
            settings.insert(STATE.to_string(), json!(state_name(enabled)));
            if let Some(mode) = bound.text("Mode") {
                settings.insert("Mode".to_string(), json!(mode));
            }
            if settings != row.settings {
                tx.execute(
                    "UPDATE objects SET settings = ?2, changed = ?3 WHERE oid = ?1",
                    params![oid, Value::Object(settings).to_string(), now_utc()],
                )
                .map_err(sql_error)?;
            }
            Ok(Vec::new())
        })
    }

    pub(super) fn new_object(
        &self,
        noun: &NounSpec,
        kind: &ObjectKind,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        let object = self.store().write_if(commit, |tx, org| {
            let name = new_name(kind, bound)?;
            if name_taken(tx, kind, &name, -1)? {
                return Err(already_exists(&name));
            }
            let mut settings = apply(tx, noun, kind, &default_settings(kind), bound)?;
            let place = match kind.ordered {
                true => {
                    let last = count(tx, kind)?;
                    let place = wanted_priority(bound, last)?.unwrap_or(last);
                    settings.insert(PRIORITY.to_string(), json!(last));
                    Some(place)
                }
                false => None,
            };
            let oid = insert_object(tx, kind, &name, false, &settings).map_err(sql_error)?;
            if kind
                .fresh_ids
                .iter()
                .any(|id| settings.get(*id).is_none_or(Value::is_null))
            {
                let guid = read_object(tx, oid)?.guid;
                for id in kind.fresh_ids {
                    if settings.get(*id).is_none_or(Value::is_null) {
                        settings.insert((*id).to_string(), json!(guid));
                    }
                }
                tx.execute(
                    "UPDATE objects SET settings = ?2 WHERE oid = ?1",
                    params![oid, Value::Object(settings).to_string()],
                )
                .map_err(sql_error)?;
            }
            if let Some(place) = place {
                renumber(tx, kind, Some((oid, place)))?;
            }
            if kind.has_default && wants_default(bound)? == Some(true) {
                make_default(tx, kind, oid)?;
            }
            Ok(render(noun, kind, &read_object(tx, oid)?, org))
        })?;
        if commit {
            let _ = sink(object);
        }
        Ok(Vec::new())
    }

    pub(super) fn remove_object(
        &self,
        kind: &ObjectKind,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let (oid, name) = resolve_object(tx, kind, &identity, || identity::not_found(&identity, &org.server))?;
            if read_object(tx, oid)?.is_default {
                return Err(ExchangeError::invalid_operation(
                    "CannotRemoveDefaultPolicy",
                    format!("The default policy '{name}' can't be removed. Make another policy the default first."),
                )
                .with_target(name));
            }
            tx.execute("DELETE FROM objects WHERE oid = ?1", [oid])
                .map_err(sql_error)?;
            links::unlink(tx, kind, &name)?;
            if kind.ordered {
                renumber(tx, kind, None)?;
            }
            Ok(Vec::new())
        })
    }
}
