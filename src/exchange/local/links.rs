//! What follows when a document object others name is renamed or removed: every reference
//! to it ([`Kind::Reference`], [`Kind::References`]) in recipients' columns and in other
//! objects' settings, found from the nouns' declarations.
//!
//! **decisions**: a renamed object keeps every reference to it (a mailbox's retention
//! policy, a policy's tag links), as a directory link follows the object it names. A
//! removed object leaves the lists that name it (a tag removed from every policy linking
//! it, as the reference's Remove-RetentionPolicyTag says); a single reference to it is the
//! removal's caller's business.

use rusqlite::{Connection, params};
use serde_json::{Map, Value};

use crate::exchange::nouns::{self, Kind, ObjectKind, Storage, Target, recipients};
use crate::exchange::request::ExchangeError;
use crate::exchange::store::sql_error;

/// Whether a reference's target is an object of `kind`.
fn names(target: Target, kind: &ObjectKind) -> bool {
    matches!(target, Target::Object(noun) if noun.objects().is_some_and(|k| k.noun == kind.noun))
}

/// Every (object kind, setting, is a list) whose setting names objects of `kind`.
fn object_settings(kind: &ObjectKind) -> Vec<(&'static ObjectKind, &'static str, bool)> {
    nouns::ALL
        .iter()
        .filter_map(|noun| match &noun.storage {
            Storage::Objects(owner) => Some(owner),
            _ => None,
        })
        .flat_map(|owner| {
            owner.settings.iter().filter_map(move |c| match c.kind {
                Kind::Reference(t) if names(t, kind) => Some((owner, c.name, false)),
                Kind::References(t) if names(t, kind) => Some((owner, c.name, true)),
                _ => None,
            })
        })
        .collect()
}

/// Rewrites each object of `owner` whose `setting` names `old`: `change` gives its new
/// value.
fn rewrite(
    tx: &Connection,
    owner: &ObjectKind,
    setting: &str,
    change: impl Fn(&Value) -> Option<Value>,
) -> Result<(), ExchangeError> {
    let rows: Vec<(i64, String)> = tx
        .prepare_cached("SELECT oid, settings FROM objects WHERE kind = ?1")
        .and_then(|mut stmt| {
            stmt.query_map([owner.noun], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .map_err(sql_error)?;
    for (oid, json) in rows {
        let mut settings: Map<String, Value> = serde_json::from_str(&json).unwrap_or_default();
        let Some(new) = settings.get(setting).and_then(&change) else {
            continue;
        };
        settings.insert(setting.to_string(), new);
        tx.execute(
            "UPDATE objects SET settings = ?2 WHERE oid = ?1",
            params![oid, Value::Object(settings).to_string()],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

/// The list without `name` (compared case-insensitively), `to` in its place when given;
/// `None` when the list doesn't hold it.
fn replaced(list: &Value, name: &str, to: Option<&str>) -> Option<Value> {
    let items = list.as_array()?;
    let at = items
        .iter()
        .position(|v| v.as_str().is_some_and(|s| s.eq_ignore_ascii_case(name)))?;
    let mut items = items.clone();
    match to {
        Some(to) => items[at] = Value::String(to.to_string()),
        None => {
            items.remove(at);
        }
    }
    Some(Value::Array(items))
}

/// Every reference to the object of `kind` called `old` now names it `new`.
pub(super) fn follow_rename(
    tx: &Connection,
    kind: &ObjectKind,
    old: &str,
    new: &str,
) -> Result<(), ExchangeError> {
    for column in recipients::RECIPIENT_COLUMNS {
        if matches!(column.kind, Kind::Reference(t) if names(t, kind)) {
            tx.execute(
                &format!(
                    "UPDATE recipients SET \"{0}\" = ?2 WHERE \"{0}\" = ?1",
                    column.name
                ),
                params![old, new],
            )
            .map_err(sql_error)?;
        }
    }
    for (owner, setting, list) in object_settings(kind) {
        rewrite(tx, owner, setting, |value| match (list, value) {
            (true, list) => replaced(list, old, Some(new)),
            (false, Value::String(s)) if s.eq_ignore_ascii_case(old) => {
                Some(Value::String(new.to_string()))
            }
            _ => None,
        })?;
    }
    Ok(())
}

/// The object of `kind` called `name` leaves every list that names it.
pub(super) fn unlink(tx: &Connection, kind: &ObjectKind, name: &str) -> Result<(), ExchangeError> {
    for (owner, setting, list) in object_settings(kind) {
        if list {
            rewrite(tx, owner, setting, |value| replaced(value, name, None))?;
        }
    }
    Ok(())
}
