//! What mailboxes hold besides their recipient row ([`Storage::Mailbox`]): the mailbox
//! a command names, the people its entries name, the objects' shape, and each table's
//! handler.
//!
//! [`Storage::Mailbox`]: crate::exchange::nouns::Storage::Mailbox

use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use serde_json::{Map, Value, json};

use super::directory::{self, directory_suffix, escape_dn};
use super::recipients::requested_identity;
use super::{Bound, LocalBackend, ResultSize, feed, identity_text, not_local};
use crate::exchange::identity::{self, Lifecycle, scope};
use crate::exchange::nouns::property_sets::Shown;
use crate::exchange::nouns::recipients::MAILBOXES;
use crate::exchange::nouns::{MailboxData, NounSpec, Op, Table};
use crate::exchange::request::{ExchangeError, Object, TYPE_ANNOTATION, scalar_text};
use crate::exchange::store::{OrgInfo, sql_error};

/// The account every mailbox's own user acts as in its permissions.
pub(super) const SELF_ACCOUNT: &str = "NT AUTHORITY\\SELF";
/// Its well-known security identifier.
pub(super) const SELF_SID: &str = "S-1-5-10";

/// A recipient as an entry names it.
pub(super) struct Principal {
    pub rid: i64,
    pub name: String,
    pub upn: String,
    pub display: String,
    pub guid: String,
    /// Removed (soft-deleted) and not yet purged.
    pub removed: bool,
}

/// The columns [`Principal::from_row`] reads, of the recipient aliased `r`, from `first`.
/// A group, which has no user principal name, is named by its name.
pub(super) const PRINCIPAL_COLUMNS: &str = "r.rid, r.\"Name\", \
     IFNULL(r.\"UserPrincipalName\", r.\"Name\"), r.\"DisplayName\", r.\"Guid\", \
     r.\"WhenSoftDeleted\" IS NOT NULL";

impl Principal {
    pub fn from_row(row: &Row, first: usize) -> rusqlite::Result<Principal> {
        let text = |i: usize| -> rusqlite::Result<String> {
            Ok(row.get::<_, Option<String>>(first + i)?.unwrap_or_default())
        };
        Ok(Principal {
            rid: row.get(first)?,
            name: text(1)?,
            upn: text(2)?,
            display: text(3)?,
            guid: text(4)?,
            removed: row.get(first + 5)?,
        })
    }

    pub fn read(conn: &Connection, rid: i64) -> Result<Principal, ExchangeError> {
        conn.prepare_cached(&format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM recipients r WHERE r.rid = ?1"
        ))
        .and_then(|mut stmt| stmt.query_row([rid], |row| Principal::from_row(row, 0)))
        .map_err(sql_error)
    }

    /// The security identifier the directory gives the user: made from its GUID, so it
    /// is the same on every read. **decision**: Exchange Online's are the forest's own.
    pub fn sid(&self) -> String {
        let hex: String = self.guid.chars().filter(char::is_ascii_hexdigit).collect();
        let part = |i: usize| {
            hex.get(i * 8..i * 8 + 8)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .unwrap_or(0)
        };
        format!(
            "S-1-5-21-{}-{}-{}-{}",
            part(0),
            part(1),
            part(2),
            1000 + part(3) % 100_000_000
        )
    }

    /// The mailbox's distinguished name, as warnings about its access control list name it.
    pub fn dn(&self, org: &OrgInfo) -> String {
        format!("CN={},{}", escape_dn(&self.name), directory_suffix(org))
    }
}

/// Which mailboxes a command sees, by its `-SoftDeletedMailbox` switch.
pub(super) fn lifecycle(bound: &Bound) -> Lifecycle {
    if bound.switch("SoftDeletedMailbox") {
        Lifecycle::SoftDeleted
    } else {
        Lifecycle::Active
    }
}

/// The one recipient an identity names among those of a lifecycle and of these kinds
/// ([`MAILBOXES`], the [`SECURITY_PRINCIPALS`] a permission is given to, ...).
///
/// [`MAILBOXES`]: crate::exchange::nouns::recipients::MAILBOXES
/// [`SECURITY_PRINCIPALS`]: crate::exchange::nouns::recipients::SECURITY_PRINCIPALS
pub(super) fn resolve(
    conn: &Connection,
    identity: &str,
    lifecycle: Lifecycle,
    kinds: &[&str],
    server: &str,
) -> Result<Principal, ExchangeError> {
    let rid = identity::resolve_recipient(conn, &scope(lifecycle, kinds), identity, server)?;
    Principal::read(conn, rid)
}

/// The mailbox a Get's `-Identity` names when it names no item of a mailbox (an inbox
/// rule, a mobile device) but the mailbox itself: `Get-Mailbox | Get-InboxRule` sends
/// each mailbox's Guid, and lists that mailbox's items.
///
/// **decision**: as Exchange's item identity parameters made from a mailbox object name
/// every item of that mailbox; an identity with a `\` (`ken\Rule name`) names one item,
/// and one that names no active mailbox is left to the item's own identity forms. Only the
/// Gets ask: a Remove or Set still needs the item named.
pub(super) fn mailbox_of_items(
    conn: &Connection,
    bound: &Bound,
    server: &str,
) -> Option<Principal> {
    let identity = bound.get("Identity").and_then(identity_text)?;
    if identity.contains('\\') || bound.get("Mailbox").is_some() {
        return None;
    }
    resolve(conn, &identity, Lifecycle::Active, MAILBOXES, server).ok()
}

/// The recipients of these kinds a Get lists: the one its identity names (an error when
/// none), or every one in the lifecycle, in the order they were made.
pub(super) fn listed(
    conn: &Connection,
    bound: &Bound,
    lifecycle: Lifecycle,
    kinds: &[&str],
    server: &str,
) -> Result<Vec<Principal>, ExchangeError> {
    if let Some(identity) = requested_identity(bound) {
        return Ok(vec![resolve(conn, &identity, lifecycle, kinds, server)?]);
    }
    let condition = scope(lifecycle, kinds);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM recipients r WHERE {} ORDER BY r.rid",
            condition.sql
        ))
        .map_err(sql_error)?;
    stmt.query_map(params_from_iter(condition.params.iter()), |row| {
        Principal::from_row(row, 0)
    })
    .and_then(Iterator::collect)
    .map_err(sql_error)
}

/// One id among a table's rows, when a row matches.
pub(super) fn find_id(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<i64>, ExchangeError> {
    conn.prepare_cached(sql)
        .and_then(|mut stmt| stmt.query_row(params, |row| row.get(0)).optional())
        .map_err(sql_error)
}

/// An object of the noun with the values given, in the noun's Format-List order (the
/// directory's RunspaceId, IsValid and ObjectState filled in).
pub(super) fn shaped(noun: &NounSpec, values: Map<String, Value>) -> Object {
    shaped_as(&Shown::of(noun), values)
}

/// The same, shown as a Get-EXO* cmdlet's property sets chose ([`super::shown`]).
pub(super) fn shaped_as(shown: &Shown, mut values: Map<String, Value>) -> Object {
    let mut object = Map::with_capacity(shown.properties.len() + 1);
    object.insert(
        TYPE_ANNOTATION.to_string(),
        json!(format!("#{}", shown.type_name)),
    );
    for &property in &shown.properties {
        let value = match property {
            "RunspaceId" => json!(directory::runspace_id()),
            "IsValid" => Value::Bool(true),
            "ObjectState" => json!("Unchanged"),
            other => values.remove(other).unwrap_or(Value::Null),
        };
        object.insert(property.to_string(), value);
    }
    object
}

/// The texts of a list parameter (an array, or one text that may hold commas).
pub(super) fn texts(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
        Some(other) => scalar_text(other)
            .map(|t| t.split(',').map(|p| p.trim().to_string()).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    }
    .into_iter()
    .filter(|t| !t.is_empty())
    .collect()
}

/// Gives a Get's objects to the sink, as many as `-ResultSize` allows (with its warning
/// when it cut the list short).
fn deliver(
    objects: Vec<Object>,
    bound: &Bound,
    sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
) -> Result<Vec<String>, ExchangeError> {
    let size = ResultSize::from(bound)?;
    let cut = size.limit.is_some_and(|limit| objects.len() > limit);
    let kept = match size.limit {
        Some(limit) => objects.into_iter().take(limit).collect(),
        None => objects,
    };
    feed(kept, sink);
    Ok(if cut {
        vec![size.warning().to_string()]
    } else {
        Vec::new()
    })
}

impl LocalBackend {
    /// Runs a Get: `list` reads its objects, which go to the sink as `-ResultSize` allows.
    pub(super) fn list_entries(
        &self,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
        list: impl FnOnce(&Connection, &OrgInfo) -> Result<Vec<Object>, ExchangeError>,
    ) -> Result<Vec<String>, ExchangeError> {
        let objects = {
            let store = self.store();
            list(store.connection(), store.org())?
        };
        deliver(objects, bound, sink)
    }

    /// Runs an Add in one transaction (checked and undone under `-WhatIf`): the entry it
    /// made, if any, goes to the sink once it is kept.
    pub(super) fn add_entry(
        &self,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
        add: impl FnOnce(&Connection, &OrgInfo) -> Result<(Option<Object>, Vec<String>), ExchangeError>,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        let (added, warnings) = self.store().write_if(commit, add)?;
        if let Some(object) = added.filter(|_| commit) {
            let _ = sink(object);
        }
        Ok(warnings)
    }

    /// Runs a verb of a noun whose objects a mailbox holds.
    pub(super) fn mailbox_data(
        &self,
        noun: &'static NounSpec,
        data: &MailboxData,
        op: Op,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        match (data.table, op) {
            (Table::MailboxPermissions, Op::Get) => self.get_mailbox_permissions(noun, bound, sink),
            (Table::MailboxPermissions, Op::Add) => self.add_mailbox_permission(noun, bound, sink),
            (Table::MailboxPermissions, Op::Remove) => self.remove_mailbox_permission(bound),
            (Table::RecipientPermissions, Op::Get) => {
                self.get_recipient_permissions(noun, bound, sink)
            }
            (Table::RecipientPermissions, Op::Add) => {
                self.add_recipient_permission(noun, bound, sink)
            }
            (Table::RecipientPermissions, Op::Remove) => self.remove_recipient_permission(bound),
            (Table::FolderPermissions, Op::Get) => self.get_folder_permissions(noun, bound, sink),
            (Table::FolderPermissions, Op::Add) => self.add_folder_permission(noun, bound, sink),
            (Table::FolderPermissions, Op::Set) => self.set_folder_permission(bound),
            (Table::FolderPermissions, Op::Remove) => self.remove_folder_permission(bound),
            (Table::Statistics, Op::Get) => self.get_mailbox_statistics(noun, bound, sink),
            (Table::FolderStatistics, Op::Get) => self.get_folder_statistics(noun, bound, sink),
            (Table::MobileDevices { activesync_only }, Op::Get) => {
                self.get_devices(noun, activesync_only, bound, sink)
            }
            (Table::MobileDevices { activesync_only }, Op::Remove) => {
                self.remove_device(activesync_only, bound)
            }
            (Table::MobileDevices { activesync_only }, Op::Clear) => {
                self.clear_device(activesync_only, bound)
            }
            (Table::InboxRules, Op::Get) => self.get_inbox_rules(noun, bound, sink),
            (Table::InboxRules, Op::New) => self.new_inbox_rule(noun, bound, sink),
            (Table::InboxRules, Op::Set) => self.set_inbox_rule(bound),
            (Table::InboxRules, Op::Remove) => self.remove_inbox_rule(bound),
            (Table::InboxRules, Op::Enable) => self.switch_inbox_rule(bound, true),
            (Table::InboxRules, Op::Disable) => self.switch_inbox_rule(bound, false),
            (Table::MailboxSettings { defaults }, Op::Get) => {
                self.get_mailbox_settings(noun, defaults, bound, sink)
            }
            (Table::MailboxSettings { defaults }, Op::Set) => {
                self.set_mailbox_settings(defaults, bound)
            }
            _ => Err(not_local(&bound.cmdlet.name)),
        }
    }
}
