//! Changing recipients: Set-CASMailbox, Set-Mailbox, Set-User, Set-DistributionGroup, ...
//! (one parameter → one column, or the row's `Extra` settings), New-Mailbox with its
//! plan's defaults, and Remove-Mailbox, Remove-DistributionGroup, ... Each command is one
//! transaction, and sees only the recipients of its noun's kinds.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Params, Row, params, params_from_iter};
use serde_json::{Map, Value, json};

use super::groups;
use super::recipients::{
    Context, Plan, RecipientRow, layout_of, read_recipient, render, resolve_recipient_columns,
};
use super::values::{
    column_value, is_hashtable, is_size_parameter, multi_value, reference_name, size_value, to_bool,
};
use super::{Bound, LocalBackend, identity_text, no_change_warning};
use crate::exchange::identity::{self, Lifecycle, reference_missing, resolve_object, scope};
use crate::exchange::nouns::policies::{CAS_MAILBOX_PLAN, MAILBOX_PLAN};
use crate::exchange::nouns::property_sets::Shown;
use crate::exchange::nouns::recipients::{
    MAIL_CONTACT, MAIL_USER, MAILBOX, ROOM_MAILBOX, SHARED_MAILBOX, USER_MAILBOX, recipient_column,
};
use crate::exchange::nouns::{Column, Kind, NOT_SETTINGS, NounSpec, ObjectKind};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::{OrgInfo, new_guid, now_utc, sql_error};

impl LocalBackend {
    pub(super) fn set_recipient(
        &self,
        noun: &NounSpec,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let scope = scope(Lifecycle::Active, layout_of(noun).kinds);
            let row = if ["EmailAddresses", "PrimarySmtpAddress"]
                .iter()
                .any(|p| bound.get(p).is_some())
            {
                let rid = identity::resolve_recipient(tx, &scope, &identity, &org.server)?;
                read_recipient(tx, rid)?
            } else {
                resolve_recipient_columns(
                    tx,
                    &scope,
                    &identity,
                    &org.server,
                    &changed_columns(bound),
                )?
            };
            let rid = row.rid;
            let group = groups::is_group_noun(noun);
            let mut changed = group && groups::apply_group_settings(tx, org, noun, &row, bound)?;
            changed |= apply_external_address(tx, noun, &row, bound)?;
            let mut handled = if group {
                groups::handled_parameters(noun)
            } else {
                Vec::new()
            };
            handled.push("ExternalEmailAddress");
            // Settings its own changes left as they were.
            let row = if changed {
                read_recipient(tx, rid)?
            } else {
                row
            };
            changed |= apply_settings(tx, noun, &row, bound, &handled)?;
            Ok(if changed {
                Vec::new()
            } else {
                vec![no_change_warning(&row.text("Name"))]
            })
        })
    }

    /// New- of a group, mail user or mail contact noun: the new recipient goes to the
    /// pipeline.
    pub(super) fn new_recipient(
        &self,
        noun: &'static NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        let creator = self.store().caller().map(|c| c.user_id.clone());
        let object = self.store().write_if(commit, |tx, org| {
            let rid = if groups::is_group_noun(noun) {
                groups::create_group(tx, org, noun, bound, creator.as_deref())?
            } else {
                create_mail_recipient(tx, org, noun, bound)?
            };
            let plan = Plan::of(noun);
            Ok(render(
                &plan,
                &read_recipient(tx, rid)?,
                &Context::load(tx, org, &plan)?,
            ))
        })?;
        if commit {
            let _ = sink(object);
        }
        Ok(Vec::new())
    }

    pub(super) fn new_mailbox(
        &self,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        let object = self.store().write_if(commit, |tx, org| {
            let rid = create_mailbox(tx, org, bound)?;
            let row = read_recipient(tx, rid)?;
            let plan = Plan::new(&Shown::of(&MAILBOX));
            Ok(render(&plan, &row, &Context::load(tx, org, &plan)?))
        })?;
        if commit {
            let _ = sink(object);
        }
        Ok(Vec::new())
    }

    /// Remove-Mailbox: the mailbox joins the soft-deleted mailboxes, kept with all its
    /// settings for 30 days; with `-PermanentlyDelete`, a soft-deleted mailbox is purged
    /// (as in Exchange Online, only a soft-deleted one: an identity in use is not found).
    /// A noun whose recipients are not kept once removed (Remove-DistributionGroup)
    /// deletes at once.
    pub(super) fn remove_recipient(
        &self,
        noun: &NounSpec,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        let layout = layout_of(noun);
        let purge = bound.switch("PermanentlyDelete") || !layout.soft_delete;
        self.store().write_if(commit, |tx, org| {
            purge_expired(tx)?;
            let lifecycle = if purge && layout.soft_delete {
                Lifecycle::SoftDeleted
            } else {
                Lifecycle::Active
            };
            let rid = identity::resolve_recipient(
                tx,
                &scope(lifecycle, layout.kinds),
                &identity,
                &org.server,
            )?;
            if purge {
                execute_cached(tx, "DELETE FROM recipients WHERE rid = ?1", [rid])
            } else {
                execute_cached(
                    tx,
                    "UPDATE recipients SET \"WhenSoftDeleted\" = ?2 WHERE rid = ?1",
                    params![rid, now_utc()],
                )
            }
            .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }

    /// Undo-SoftDeletedMailbox: a soft-deleted mailbox is in use again, as it was.
    pub(super) fn undo_soft_delete(
        &self,
        noun: &NounSpec,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("SoftDeletedObject")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            purge_expired(tx)?;
            let rid = identity::resolve_recipient(
                tx,
                &scope(Lifecycle::SoftDeleted, layout_of(noun).kinds),
                &identity,
                &org.server,
            )?;
            execute_cached(
                tx,
                "UPDATE recipients SET \"WhenSoftDeleted\" = NULL, \"WhenChangedUTC\" = ?2 WHERE rid = ?1",
                params![rid, now_utc()],
            )
            .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }
}

/// Purges the soft-deleted mailboxes removed more than 30 days ago (their addresses go
/// with them), freeing their names and addresses.
pub(super) fn purge_expired(tx: &Connection) -> Result<(), ExchangeError> {
    execute_cached(
        tx,
        "DELETE FROM recipients WHERE \"WhenSoftDeleted\" < ?1",
        [identity::soft_delete_cutoff()],
    )
    .map_err(sql_error)?;
    Ok(())
}

/// The columns a change reads to compare and to answer: those its parameters set, the
/// mailbox type `-Type` sets, and the name its warning gives.
fn changed_columns(bound: &Bound) -> Vec<&'static Column> {
    let named = bound.params.iter().map(|(info, _)| info.name.as_str());
    let type_set = bound.get("Type").map(|_| "RecipientTypeDetails");
    named
        .chain(type_set)
        .chain(["Name"])
        .filter_map(recipient_column)
        .collect()
}

/// Applies a Set-*'s parameters to one recipient, but those in `handled` (the caller's
/// own); returns whether anything changed.
pub(super) fn apply_settings(
    tx: &Connection,
    noun: &NounSpec,
    row: &RecipientRow,
    bound: &Bound,
    handled: &[&str],
) -> Result<bool, ExchangeError> {
    let mut updates: Vec<(&'static str, SqlValue)> = Vec::new();
    let mut extra = row.extra.clone();
    let mut addresses: Option<Vec<String>> = None;
    let defaults: Map<String, Value> =
        serde_json::from_str(layout_of(noun).defaults).unwrap_or_default();
    for (info, value) in &bound.params {
        let name = info.name.as_str();
        if NOT_SETTINGS
            .iter()
            .chain(handled)
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            continue;
        }
        if let Some((column, target)) = noun.column(name).and_then(|c| match c.kind {
            Kind::Reference(target) => Some((c, target)),
            _ => None,
        }) {
            updates.push((column.name, reference_value(tx, target, value)?));
            continue;
        }
        if name.eq_ignore_ascii_case("EmailAddresses") {
            addresses = Some(multi_value(name, &row.addresses, value)?);
            continue;
        }
        if name.eq_ignore_ascii_case("PrimarySmtpAddress") {
            let current = addresses.as_deref().unwrap_or(&row.addresses);
            addresses = Some(with_primary(
                current,
                &identity_text(value).unwrap_or_default(),
            ));
            continue;
        }
        if name.eq_ignore_ascii_case("Type") {
            let details = match identity_text(value)
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str()
            {
                "regular" => USER_MAILBOX,
                "shared" => SHARED_MAILBOX,
                "room" => ROOM_MAILBOX,
                other => {
                    return Err(ExchangeError::invalid_argument(
                        "InvalidMailboxType",
                        format!(
                            "The mailbox type '{other}' isn't supported in the local organisation. Use Regular, Shared or Room."
                        ),
                    ));
                }
            };
            updates.push(("RecipientTypeDetails", SqlValue::Text(details.to_string())));
            continue;
        }
        if let Some(new_name) = identity_text(value).filter(|_| name.eq_ignore_ascii_case("Name")) {
            check_name_free(tx, &new_name, Some(row.rid))?;
        }
        let sized;
        let value = if is_size_parameter(name) {
            sized = size_value(name, value)?;
            &sized
        } else {
            *value
        };
        match row.column(name) {
            Some((column, current)) => {
                updates.push((
                    column.name,
                    column_value(name, column.kind, current, value)?,
                ));
            }
            None => {
                if info.is_switch() && defaults.keys().any(|k| k.eq_ignore_ascii_case(name)) {
                    // A switch that turns a setting on (-HiddenGroupMembershipEnabled).
                    extra.insert(name.to_string(), Value::Bool(to_bool(name, value)?));
                    continue;
                }
                if info.is_switch() || info.type_name.eq_ignore_ascii_case("SecureString") {
                    // An action (-ResetAutoBlockedDevices, -RemoveDelayHoldApplied) or a
                    // secret: nothing to keep.
                    continue;
                }
                let stored = if info.is_multi_valued() {
                    let current: Vec<String> = extra
                        .get(name)
                        .and_then(|v| serde_json::from_value(v.clone()).ok())
                        .unwrap_or_default();
                    json!(multi_value(name, &current, value)?)
                } else if info.is_boolean() {
                    Value::Bool(to_bool(name, value)?)
                } else if is_hashtable(value) {
                    return Err(ExchangeError::invalid_argument(
                        "ParameterArgumentTransformationError",
                        format!(
                            "Cannot process argument transformation on parameter '{name}'. A hashtable isn't valid here."
                        ),
                    ));
                } else {
                    (*value).clone()
                };
                extra.insert(name.to_string(), stored);
            }
        }
    }
    let mut changed_columns: Vec<(&str, SqlValue)> = Vec::new();
    for (name, value) in updates {
        let current = row
            .column(name)
            .map(|(_, v)| v.clone())
            .unwrap_or(SqlValue::Null);
        if current != value {
            changed_columns.retain(|(n, _)| *n != name);
            changed_columns.push((name, value));
        }
    }
    let extra_changed = extra != row.extra;
    let addresses_changed = addresses.as_ref().is_some_and(|a| *a != row.addresses);
    if changed_columns.is_empty() && !extra_changed && !addresses_changed {
        return Ok(false);
    }
    changed_columns.push(("WhenChangedUTC", SqlValue::Text(now_utc())));
    if extra_changed {
        changed_columns.push(("Extra", SqlValue::Text(Value::Object(extra).to_string())));
    }
    let assignments: Vec<String> = changed_columns
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("\"{name}\" = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE recipients SET {} WHERE rid = ?1",
        assignments.join(", ")
    );
    let mut values: Vec<SqlValue> = vec![SqlValue::Integer(row.rid)];
    values.extend(changed_columns.into_iter().map(|(_, v)| v));
    tx.prepare_cached(&sql)
        .and_then(|mut stmt| stmt.execute(params_from_iter(values)))
        .map_err(sql_error)?;
    if let Some(list) = addresses.filter(|_| addresses_changed) {
        write_addresses(tx, row.rid, &list)?;
    }
    Ok(true)
}

/// What a reference column keeps (see [`reference_name`]).
fn reference_value(
    tx: &Connection,
    target: crate::exchange::nouns::Target,
    value: &Value,
) -> Result<SqlValue, ExchangeError> {
    Ok(reference_name(tx, target, value)?.map_or(SqlValue::Null, SqlValue::Text))
}

/// Runs a statement through the connection's statement cache: a bulk of commands parses
/// each SQL text once, not once per command.
fn execute_cached(tx: &Connection, sql: &str, params: impl Params) -> rusqlite::Result<usize> {
    tx.prepare_cached(sql)?.execute(params)
}

/// Reads one row through the connection's statement cache.
fn query_cached<T>(
    tx: &Connection,
    sql: &str,
    params: impl Params,
    read: impl FnOnce(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    tx.prepare_cached(sql)?.query_row(params, read)
}

/// A recipient's addresses with `primary` as its primary one: the former primary stays
/// as a secondary address, and `primary` is added when it isn't one yet.
fn with_primary(current: &[String], primary: &str) -> Vec<String> {
    let bare = |entry: &str| match entry.split_once(':') {
        Some((prefix, address)) if prefix.eq_ignore_ascii_case("smtp") => address.to_string(),
        _ => entry.to_string(),
    };
    let mut list: Vec<String> = current
        .iter()
        .map(|entry| match entry.split_once(':') {
            Some(("SMTP", address)) => format!("smtp:{address}"),
            _ => entry.clone(),
        })
        .collect();
    match list
        .iter()
        .position(|e| bare(e).eq_ignore_ascii_case(primary))
    {
        Some(i) => list[i] = format!("SMTP:{primary}"),
        None => list.insert(0, format!("SMTP:{primary}")),
    }
    list
}

/// Replaces a recipient's addresses (`SMTP:` marks the primary; it also becomes
/// PrimarySmtpAddress).
pub(super) fn write_addresses(
    tx: &Connection,
    rid: i64,
    list: &[String],
) -> Result<(), ExchangeError> {
    execute_cached(tx, "DELETE FROM addresses WHERE rid = ?1", [rid]).map_err(sql_error)?;
    for (pos, entry) in list.iter().enumerate() {
        let (prefix, address) = match entry.split_once(':') {
            Some((p, a)) if !p.contains('@') => (p.to_string(), a.to_string()),
            _ => ("smtp".to_string(), entry.clone()),
        };
        check_address_free(tx, &address, Some(rid))?;
        if prefix == "SMTP" {
            execute_cached(
                tx,
                "UPDATE recipients SET \"PrimarySmtpAddress\" = ?2, \"WindowsEmailAddress\" = ?2 WHERE rid = ?1",
                params![rid, address],
            )
            .map_err(sql_error)?;
        }
        execute_cached(
            tx,
            "INSERT INTO addresses (rid, pos, prefix, address) VALUES (?1, ?2, ?3, ?4)",
            params![rid, pos as i64, prefix, address],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

pub(super) fn check_name_free(
    tx: &Connection,
    name: &str,
    except: Option<i64>,
) -> Result<(), ExchangeError> {
    let taken: Option<i64> = query_cached(
        tx,
        "SELECT rid FROM recipients WHERE \"Name\" = ?1 AND rid <> ?2 LIMIT 1",
        params![name, except.unwrap_or(-1)],
        |r| r.get(0),
    )
    .optional()
    .map_err(sql_error)?;
    match taken {
        Some(_) => Err(ExchangeError::invalid_operation(
            "ADObjectAlreadyExistsException",
            format!("The name \"{name}\" is already being used. Please try another name."),
        )
        .with_target(name)),
        None => Ok(()),
    }
}

fn check_address_free(
    tx: &Connection,
    address: &str,
    except: Option<i64>,
) -> Result<(), ExchangeError> {
    let taken: Option<i64> = query_cached(
        tx,
        "SELECT rid FROM addresses WHERE address = ?1 AND rid <> ?2 LIMIT 1",
        params![address, except.unwrap_or(-1)],
        |r| r.get(0),
    )
    .optional()
    .map_err(sql_error)?;
    match taken {
        Some(_) => Err(ExchangeError::invalid_operation(
            "ProxyAddressExistsException",
            format!(
                "The proxy address \"SMTP:{address}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address."
            ),
        )
        .with_target(address)),
        None => Ok(()),
    }
}

/// A new recipient's column value given by a parameter.
fn new_column_value(
    tx: &Connection,
    column: &Column,
    parameter: &str,
    value: &Value,
) -> Result<SqlValue, ExchangeError> {
    match column.kind {
        Kind::Reference(target) => reference_value(tx, target, value),
        kind => column_value(parameter, kind, &SqlValue::Null, value),
    }
}

/// The document kind of a plan noun.
fn objects_of(noun: &'static NounSpec) -> Result<&'static ObjectKind, ExchangeError> {
    noun.objects()
        .ok_or_else(|| reference_missing(noun.nouns.first().copied().unwrap_or_default()))
}

/// An alias made from a name: the characters Exchange allows in one.
pub(super) fn alias_from(text: &str) -> String {
    let alias: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    if alias.is_empty() {
        "mailbox".to_string()
    } else {
        alias
    }
}

/// A new recipient's alias: the one given, else the local part of its sign-in name, else
/// one made from its name.
fn alias_given(bound: &Bound, login: Option<&str>, name: &str) -> String {
    bound
        .text("Alias")
        .or_else(|| login.and_then(|l| l.split('@').next()).map(alias_from))
        .unwrap_or_else(|| alias_from(name))
}

/// New-Mailbox: a user mailbox, or with -Shared / -Room a shared or room mailbox, taking
/// its quotas and client-access defaults from its mailbox plan (the default plan unless
/// -MailboxPlan names one) and the CAS mailbox plan of the same name.
fn create_mailbox(tx: &Connection, org: &OrgInfo, bound: &Bound) -> Result<i64, ExchangeError> {
    let name = bound.required_text("Name")?;
    // A soft-deleted mailbox holds its name and addresses until it is purged.
    purge_expired(tx)?;
    check_name_free(tx, &name, None)?;
    let details = if bound.switch("Shared") {
        SHARED_MAILBOX
    } else if bound.switch("Room") {
        ROOM_MAILBOX
    } else {
        USER_MAILBOX
    };
    let login = bound
        .text("MicrosoftOnlineServicesID")
        .or_else(|| bound.text("PrimarySmtpAddress"));
    let alias = alias_given(bound, login.as_deref(), &name);
    let primary = bound
        .text("PrimarySmtpAddress")
        .or_else(|| login.clone())
        .unwrap_or_else(|| format!("{alias}@{}", org.domain));
    let upn = login.unwrap_or_else(|| primary.clone());
    let display = bound.text("DisplayName").unwrap_or_else(|| name.clone());

    let plan_kind = objects_of(&MAILBOX_PLAN)?;
    let plan_name = match bound.text("MailboxPlan") {
        Some(plan) => resolve_object(tx, plan_kind, &plan, || reference_missing(&plan))?.1,
        None => query_cached(
            tx,
            "SELECT name FROM objects WHERE kind = ?1 AND is_default = 1",
            [plan_kind.noun],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_error)?
        .unwrap_or_else(|| "ExchangeOnlineEnterprise".to_string()),
    };
    let settings_of = |kind: &ObjectKind| -> Result<Map<String, Value>, ExchangeError> {
        let json: Option<String> = query_cached(
            tx,
            "SELECT settings FROM objects WHERE kind = ?1 AND name = ?2",
            params![kind.noun, plan_name],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_error)?;
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default())
    };
    let plan = settings_of(plan_kind)?;
    let cas_plan = settings_of(objects_of(&CAS_MAILBOX_PLAN)?)?;

    let new = NewRecipient {
        name,
        alias,
        display,
        primary,
        details,
    };
    let mut columns = new.columns();
    columns.extend([
        ("ExchangeGuid", SqlValue::Text(new_guid())),
        ("UserPrincipalName", SqlValue::Text(upn)),
        (
            "ServerName",
            SqlValue::Text(org.mailbox_server.to_ascii_lowercase()),
        ),
        (
            "ServerLegacyDN",
            SqlValue::Text(format!(
                "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={}",
                org.mailbox_server
            )),
        ),
        ("Database", SqlValue::Text(org.database.clone())),
        ("MailboxPlan", SqlValue::Text(plan_name.clone())),
    ]);
    // What the command says, then its plan's defaults for the rest.
    for (info, value) in &bound.params {
        let Some(column) = recipient_column(&info.name) else {
            continue;
        };
        if columns
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(column.name))
        {
            continue;
        }
        columns.push((
            column.name,
            new_column_value(tx, column, &info.name, value)?,
        ));
    }
    for (key, value) in plan.iter().chain(cas_plan.iter()) {
        let Some(column) = recipient_column(key) else {
            continue;
        };
        if columns
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(column.name))
        {
            continue;
        }
        let stored = match value {
            Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
            Value::Number(n) => n.as_i64().map_or(SqlValue::Null, SqlValue::Integer),
            Value::String(s) => SqlValue::Text(s.clone()),
            _ => SqlValue::Null,
        };
        columns.push((column.name, stored));
    }
    new.insert(tx, org, columns, &Map::new())
}

/// What every new recipient is given: its names, primary address and kind.
pub(super) struct NewRecipient {
    pub name: String,
    pub alias: String,
    pub display: String,
    pub primary: String,
    pub details: &'static str,
}

impl NewRecipient {
    /// The columns every new recipient has: new ids, its names and addresses, its kind
    /// and when it was made.
    pub fn columns(&self) -> Vec<(&'static str, SqlValue)> {
        let guid = new_guid();
        let now = now_utc();
        let compact = guid.replace('-', "");
        vec![
            ("Guid", SqlValue::Text(guid.clone())),
            ("ExternalDirectoryObjectId", SqlValue::Text(new_guid())),
            ("Name", SqlValue::Text(self.name.clone())),
            ("Alias", SqlValue::Text(self.alias.clone())),
            ("DisplayName", SqlValue::Text(self.display.clone())),
            ("PrimarySmtpAddress", SqlValue::Text(self.primary.clone())),
            ("WindowsEmailAddress", SqlValue::Text(self.primary.clone())),
            (
                "SamAccountName",
                SqlValue::Text(format!(
                    "${}-{}",
                    compact.get(..6).unwrap_or_default().to_ascii_uppercase(),
                    compact.get(6..18).unwrap_or_default().to_ascii_uppercase()
                )),
            ),
            (
                "LegacyExchangeDN",
                SqlValue::Text(format!(
                    "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={}-{}",
                    compact, self.alias
                )),
            ),
            (
                "RecipientTypeDetails",
                SqlValue::Text(self.details.to_string()),
            ),
            ("WhenCreatedUTC", SqlValue::Text(now.clone())),
            ("WhenChangedUTC", SqlValue::Text(now)),
        ]
    }

    /// Inserts the recipient with these columns and `Extra` settings, and gives it its
    /// primary address and `<alias>@<tenant>`; returns its row id.
    pub fn insert(
        &self,
        tx: &Connection,
        org: &OrgInfo,
        columns: Vec<(&'static str, SqlValue)>,
        extra: &Map<String, Value>,
    ) -> Result<i64, ExchangeError> {
        let mut names: Vec<String> = columns.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        names.push("\"Extra\"".to_string());
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let values = columns
            .into_iter()
            .map(|(_, v)| v)
            .chain(std::iter::once(SqlValue::Text(
                Value::Object(extra.clone()).to_string(),
            )));
        execute_cached(
            tx,
            &format!(
                "INSERT INTO recipients ({}) VALUES ({})",
                names.join(", "),
                placeholders.join(", ")
            ),
            params_from_iter(values),
        )
        .map_err(sql_error)?;
        let rid = tx.last_insert_rowid();
        let mut addresses = vec![format!("SMTP:{}", self.primary)];
        let tenant_address = format!("{}@{}", self.alias, org.tenant);
        if !tenant_address.eq_ignore_ascii_case(&self.primary) {
            addresses.push(format!("smtp:{tenant_address}"));
        }
        write_addresses(tx, rid, &addresses)?;
        Ok(rid)
    }
}

/// Parameters of New-MailUser and New-MailContact that are not settings of the row.
const MAIL_PARAMETERS: &[&str] = &[
    "Name",
    "Alias",
    "DisplayName",
    "PrimarySmtpAddress",
    "ExternalEmailAddress",
    "MicrosoftOnlineServicesID",
    "OrganizationalUnit",
];

/// An external address as Exchange keeps it: `SMTP:` and the address.
fn external_address(text: &str) -> String {
    let bare = match text.trim().split_once(':') {
        Some((prefix, address)) if prefix.eq_ignore_ascii_case("smtp") => address,
        _ => text.trim(),
    };
    format!("SMTP:{bare}")
}

/// Whether a noun's recipients are mail contacts.
fn is_contact(noun: &NounSpec) -> bool {
    layout_of(noun).kinds == [MAIL_CONTACT]
}

/// New-MailUser (a user who signs in with `-MicrosoftOnlineServicesID`, its mail going to
/// `-ExternalEmailAddress`, with an address of the organisation too) and New-MailContact
/// (someone outside, whose only address is the external one).
fn create_mail_recipient(
    tx: &Connection,
    org: &OrgInfo,
    noun: &'static NounSpec,
    bound: &Bound,
) -> Result<i64, ExchangeError> {
    let name = bound.required_text("Name")?;
    purge_expired(tx)?;
    check_name_free(tx, &name, None)?;
    let contact = is_contact(noun);
    let external = match contact {
        true => Some(bound.required_text("ExternalEmailAddress")?),
        false => bound.text("ExternalEmailAddress"),
    }
    .map(|text| external_address(&text));
    let login = bound.text("MicrosoftOnlineServicesID");
    let alias = alias_given(bound, login.as_deref(), &name);
    let bare_external = external
        .as_deref()
        .and_then(|e| e.split_once(':'))
        .map(|(_, address)| address.to_string());
    let primary = match (contact, &bare_external) {
        (true, Some(address)) => address.clone(),
        _ => bound
            .text("PrimarySmtpAddress")
            .or_else(|| login.clone())
            .unwrap_or_else(|| format!("{alias}@{}", org.domain)),
    };
    let new = NewRecipient {
        display: bound.text("DisplayName").unwrap_or_else(|| name.clone()),
        name,
        alias: alias.clone(),
        primary: primary.clone(),
        details: if contact { MAIL_CONTACT } else { MAIL_USER },
    };
    let mut extra: Map<String, Value> =
        serde_json::from_str(layout_of(noun).defaults).unwrap_or_default();
    extra.insert("ExternalEmailAddress".into(), json!(external));
    let mut columns = new.columns();
    columns.extend([
        ("MaxSendSize", SqlValue::Text("Unlimited".into())),
        ("MaxReceiveSize", SqlValue::Text("Unlimited".into())),
    ]);
    if !contact {
        columns.push((
            "UserPrincipalName",
            SqlValue::Text(login.unwrap_or_else(|| format!("{alias}@{}", org.tenant))),
        ));
    }
    let rid = new.insert(tx, org, columns, &extra)?;
    if contact {
        write_addresses(tx, rid, &[format!("SMTP:{primary}")])?;
    }
    let row = read_recipient(tx, rid)?;
    apply_settings(tx, noun, &row, bound, MAIL_PARAMETERS)?;
    Ok(rid)
}

/// Set-MailUser and Set-MailContact's `-ExternalEmailAddress`: kept as Exchange keeps it,
/// and a contact's only address follows it. Returns whether anything changed.
pub(super) fn apply_external_address(
    tx: &Connection,
    noun: &NounSpec,
    row: &RecipientRow,
    bound: &Bound,
) -> Result<bool, ExchangeError> {
    let Some(text) = bound.text("ExternalEmailAddress") else {
        return Ok(false);
    };
    let external = external_address(&text);
    if row.extra.get("ExternalEmailAddress") == Some(&json!(external)) {
        return Ok(false);
    }
    let mut extra = row.extra.clone();
    extra.insert("ExternalEmailAddress".into(), json!(external));
    execute_cached(
        tx,
        "UPDATE recipients SET \"Extra\" = ?2 WHERE rid = ?1",
        params![row.rid, Value::Object(extra).to_string()],
    )
    .map_err(sql_error)?;
    if is_contact(noun) {
        write_addresses(tx, row.rid, &[external])?;
    }
    Ok(true)
}
