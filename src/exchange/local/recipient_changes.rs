//! Changing recipients: Set-CASMailbox, Set-Mailbox and Set-User (one parameter
//! → one column, or the row's `Extra` settings), New-Mailbox with its plan's defaults,
//! and Remove-Mailbox. Each command is one transaction.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Params, Row, params, params_from_iter};
use serde_json::{Map, Value, json};

use super::recipients::{Context, RecipientRow, read_recipient, read_recipient_columns, render};
use super::values::{
    column_value, is_hashtable, is_size_parameter, multi_value, size_value, to_bool,
};
use super::{Bound, LocalBackend, identity_text, no_change_warning};
use crate::exchange::identity::{self, recipient_condition, reference_missing, resolve_object};
use crate::exchange::model::{self, ROOM_MAILBOX, SHARED_MAILBOX, USER_MAILBOX, recipient_column};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::{OrgInfo, SqlFragment, new_guid, now_utc, sql_error};

impl LocalBackend {
    pub(super) fn set_recipient(&self, bound: &Bound) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let rid = identity::resolve_recipient(tx, &SqlFragment::all(), &identity, &org.server)?;
            let row = if bound.get("EmailAddresses").is_some() {
                read_recipient(tx, rid)?
            } else {
                read_recipient_columns(tx, rid)?
            };
            let changed = apply_settings(tx, &row, bound)?;
            Ok(if changed {
                Vec::new()
            } else {
                vec![no_change_warning(&row.text("Name"))]
            })
        })
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
            Ok(render(&model::MAILBOX, &row, &Context::load(tx, org)?))
        })?;
        if commit {
            let _ = sink(object);
        }
        Ok(Vec::new())
    }

    pub(super) fn remove_mailbox(&self, bound: &Bound) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let rid = identity::resolve_recipient(tx, &SqlFragment::all(), &identity, &org.server)?;
            execute_cached(tx, "DELETE FROM recipients WHERE rid = ?1", [rid])
                .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }
}

/// Parameters that select or confirm rather than set something.
const NOT_SETTINGS: &[&str] = &[
    "Identity",
    "Confirm",
    "WhatIf",
    "Force",
    "IgnoreDefaultScope",
];

/// Parameters naming another recipient, checked against the store.
const RECIPIENT_REFERENCES: &[&str] = &["Manager", "ForwardingAddress"];

/// Policy references checked against the store: parameter → the policy kind.
fn policy_reference(parameter: &str) -> Option<&'static model::ObjectKind> {
    if parameter.eq_ignore_ascii_case("OwaMailboxPolicy") {
        Some(&model::OWA_MAILBOX_POLICY)
    } else if parameter.eq_ignore_ascii_case("ActiveSyncMailboxPolicy") {
        Some(&model::MOBILE_DEVICE_MAILBOX_POLICY)
    } else {
        None
    }
}

/// A policy reference as stored: the policy's own name, or NULL; a policy that doesn't
/// exist is refused with Exchange's message.
fn policy_value(
    tx: &Connection,
    kind: &model::ObjectKind,
    value: &Value,
) -> Result<SqlValue, ExchangeError> {
    Ok(match identity_text(value) {
        None => SqlValue::Null,
        Some(policy) => {
            SqlValue::Text(resolve_object(tx, kind, &policy, || reference_missing(&policy))?.1)
        }
    })
}

/// Applies a Set-*'s parameters to one recipient; returns whether anything changed.
fn apply_settings(
    tx: &Connection,
    row: &RecipientRow,
    bound: &Bound,
) -> Result<bool, ExchangeError> {
    let mut updates: Vec<(&'static str, SqlValue)> = Vec::new();
    let mut extra = row.extra.clone();
    let mut addresses: Option<Vec<String>> = None;
    for (info, value) in &bound.params {
        let name = info.name.as_str();
        if NOT_SETTINGS.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            continue;
        }
        if let Some(kind) = policy_reference(name) {
            updates.push((
                recipient_column(name).map_or("OwaMailboxPolicy", |c| c.name),
                policy_value(tx, kind, value)?,
            ));
            continue;
        }
        if let Some(column) = RECIPIENT_REFERENCES
            .iter()
            .find(|r| r.eq_ignore_ascii_case(name))
            .and_then(|r| recipient_column(r))
        {
            // Another recipient, named by any of its identities; kept by its name.
            let stored = match identity_text(value) {
                None => SqlValue::Null,
                Some(other) => {
                    let condition = recipient_condition(&other, false);
                    let names: Vec<String> = tx
                        .prepare_cached(&format!(
                            "SELECT r.\"Name\" FROM recipients r WHERE {} LIMIT 2",
                            condition.sql
                        ))
                        .and_then(|mut stmt| {
                            stmt.query_map(params_from_iter(condition.params.iter()), |r| r.get(0))?
                                .collect()
                        })
                        .map_err(sql_error)?;
                    match names.as_slice() {
                        [one] => SqlValue::Text(one.clone()),
                        [] => return Err(reference_missing(&other)),
                        _ => return Err(identity::ambiguous(&other)),
                    }
                }
            };
            updates.push((column.name, stored));
            continue;
        }
        if name.eq_ignore_ascii_case("EmailAddresses") {
            addresses = Some(multi_value(name, &row.addresses, value)?);
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

/// Replaces a recipient's addresses (`SMTP:` marks the primary; it also becomes
/// PrimarySmtpAddress).
fn write_addresses(tx: &Connection, rid: i64, list: &[String]) -> Result<(), ExchangeError> {
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

fn check_name_free(tx: &Connection, name: &str, except: Option<i64>) -> Result<(), ExchangeError> {
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

/// An alias made from a name: the characters Exchange allows in one.
fn alias_from(text: &str) -> String {
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

/// New-Mailbox: a user mailbox, or with -Shared / -Room a shared or room mailbox, taking
/// its quotas and client-access defaults from its mailbox plan (the default plan unless
/// -MailboxPlan names one) and the CAS mailbox plan of the same name.
fn create_mailbox(tx: &Connection, org: &OrgInfo, bound: &Bound) -> Result<i64, ExchangeError> {
    let name = bound.required_text("Name")?;
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
    let alias = bound
        .text("Alias")
        .or_else(|| {
            login
                .as_ref()
                .and_then(|l| l.split('@').next())
                .map(alias_from)
        })
        .unwrap_or_else(|| alias_from(&name));
    let primary = bound
        .text("PrimarySmtpAddress")
        .or_else(|| login.clone())
        .unwrap_or_else(|| format!("{alias}@{}", org.domain));
    let upn = login.unwrap_or_else(|| primary.clone());
    let display = bound.text("DisplayName").unwrap_or_else(|| name.clone());

    let plan_kind = &model::MAILBOX_PLAN;
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
    let settings_of = |kind: &model::ObjectKind| -> Result<Map<String, Value>, ExchangeError> {
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
    let cas_plan = settings_of(&model::CAS_MAILBOX_PLAN)?;

    let guid = new_guid();
    let exchange_guid = new_guid();
    let now = now_utc();
    let compact = guid.replace('-', "");
    let mut columns: Vec<(&str, SqlValue)> = vec![
        ("Guid", SqlValue::Text(guid.clone())),
        ("ExchangeGuid", SqlValue::Text(exchange_guid)),
        ("ExternalDirectoryObjectId", SqlValue::Text(new_guid())),
        ("Name", SqlValue::Text(name.clone())),
        ("Alias", SqlValue::Text(alias.clone())),
        ("DisplayName", SqlValue::Text(display)),
        ("PrimarySmtpAddress", SqlValue::Text(primary.clone())),
        ("WindowsEmailAddress", SqlValue::Text(primary.clone())),
        ("UserPrincipalName", SqlValue::Text(upn)),
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
                compact, alias
            )),
        ),
        ("RecipientTypeDetails", SqlValue::Text(details.to_string())),
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
        ("WhenCreatedUTC", SqlValue::Text(now.clone())),
        ("WhenChangedUTC", SqlValue::Text(now)),
        ("MailboxPlan", SqlValue::Text(plan_name.clone())),
    ];
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
        let stored = match policy_reference(&info.name) {
            Some(kind) => policy_value(tx, kind, value)?,
            None => column_value(&info.name, column.kind, &SqlValue::Null, value)?,
        };
        columns.push((column.name, stored));
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
    let names: Vec<String> = columns.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    execute_cached(
        tx,
        &format!(
            "INSERT INTO recipients ({}) VALUES ({})",
            names.join(", "),
            placeholders.join(", ")
        ),
        params_from_iter(columns.into_iter().map(|(_, v)| v)),
    )
    .map_err(sql_error)?;
    let rid = tx.last_insert_rowid();
    let mut addresses = vec![format!("SMTP:{primary}")];
    let tenant_address = format!("{alias}@{}", org.tenant);
    if !tenant_address.eq_ignore_ascii_case(&primary) {
        addresses.push(format!("smtp:{tenant_address}"));
    }
    write_addresses(tx, rid, &addresses)?;
    Ok(rid)
}
