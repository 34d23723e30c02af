//! Recipients: Get/Set-CASMailbox, Get/Set/New/Remove-Mailbox, Get/Set-User, Get-Recipient.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};
use serde_json::{Map, Value, json};

use super::values::{
    column_json, column_value, is_hashtable, is_size_parameter, multi_value, size_value, to_bool,
};
use super::{Bound, LocalBackend, ResultSize, feed, identity_text, no_change_warning};
use crate::exchange::identity::{
    self, like_pattern, recipient_condition, reference_missing, resolve_object,
};
use crate::exchange::model::{
    self, Kind, RECIPIENT_COLUMNS, ROOM_MAILBOX, RecipientView, SHARED_MAILBOX, USER_MAILBOX,
    recipient_column,
};
use crate::exchange::opath::{self, Operand, OperandKind};
use crate::exchange::request::{ExchangeError, Object, TYPE_ANNOTATION};
use crate::exchange::store::{OrgInfo, SqlFragment, new_guid, now_utc, sql_error};

/// How many rows a Get reads per visit to the store.
const PAGE_SIZE: usize = 500;

/// One recipient as read from the store.
struct RecipientRow {
    rid: i64,
    /// Aligned with [`RECIPIENT_COLUMNS`].
    columns: Vec<SqlValue>,
    extra: Map<String, Value>,
    addresses: Vec<String>,
}

impl RecipientRow {
    fn column(&self, name: &str) -> Option<(&'static model::Column, &SqlValue)> {
        let i = model::recipient_column_index(name)?;
        Some((RECIPIENT_COLUMNS.get(i)?, self.columns.get(i)?))
    }
    fn text(&self, name: &str) -> String {
        match self.column(name) {
            Some((_, SqlValue::Text(s))) => s.clone(),
            _ => String::new(),
        }
    }
}

/// The SELECT list reading a whole recipient (table alias `r`).
fn select_list() -> String {
    let mut list = String::from("r.rid");
    for column in RECIPIENT_COLUMNS {
        list.push_str(&format!(", r.\"{}\"", column.name));
    }
    list.push_str(
        ", r.\"Extra\", (SELECT json_group_array(prefix || ':' || address) FROM \
         (SELECT prefix, address FROM addresses a WHERE a.rid = r.rid ORDER BY pos))",
    );
    list
}

fn read_row(row: &Row) -> rusqlite::Result<RecipientRow> {
    let mut columns = Vec::with_capacity(RECIPIENT_COLUMNS.len());
    for i in 0..RECIPIENT_COLUMNS.len() {
        columns.push(row.get::<_, SqlValue>(i + 1)?);
    }
    let n = RECIPIENT_COLUMNS.len();
    let extra: String = row.get(n + 1)?;
    let addresses: Option<String> = row.get(n + 2)?;
    Ok(RecipientRow {
        rid: row.get(0)?,
        columns,
        extra: serde_json::from_str(&extra).unwrap_or_default(),
        addresses: addresses
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default(),
    })
}

fn read_recipient(conn: &Connection, rid: i64) -> Result<RecipientRow, ExchangeError> {
    let sql = format!(
        "SELECT {} FROM recipients r WHERE r.rid = ?1",
        select_list()
    );
    conn.prepare_cached(&sql)
        .and_then(|mut stmt| stmt.query_row([rid], read_row))
        .map_err(sql_error)
}

/// What rendering needs besides the row.
pub(super) struct Context {
    pub org: OrgInfo,
    pub default_mobile_policy: Option<String>,
}

impl Context {
    pub fn load(conn: &Connection, org: &OrgInfo) -> Result<Context, ExchangeError> {
        let default_mobile_policy = conn
            .query_row(
                "SELECT name FROM objects WHERE kind = ?1 AND is_default = 1",
                [model::MOBILE_DEVICE_MAILBOX_POLICY.noun],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?;
        Ok(Context {
            org: org.clone(),
            default_mobile_policy,
        })
    }
}

/// The organisation's part of distinguished names and organisation ids.
pub(super) fn directory_suffix(org: &OrgInfo) -> String {
    format!(
        "OU={},OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com",
        org.tenant
    )
}

/// Escapes a name for a distinguished name's CN.
pub(super) fn escape_dn(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The properties every directory object ends with that no column holds.
pub(super) fn common_property(
    name: &str,
    object_name: &str,
    dn: &str,
    org: &OrgInfo,
    object_class: &[&str],
    category: &str,
) -> Option<Value> {
    Some(match name {
        "IsValid" => Value::Bool(true),
        "ExchangeVersion" => json!("0.20 (15.0.0.0)"),
        "DistinguishedName" => json!(dn),
        "Identity" | "Id" => json!(object_name),
        "ObjectCategory" => json!(format!(
            "NAMPR01A001.prod.outlook.com/Configuration/Schema/{category}"
        )),
        "ObjectClass" => json!(object_class),
        "ObjectState" => json!("Unchanged"),
        "OrganizationId" => json!(format!(
            "NAMPR01A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/{0} - NAMPR01A001.prod.outlook.com/ConfigurationUnits/{0}/Configuration",
            org.tenant
        )),
        "OriginatingServer" => json!(org.server),
        "RunspaceId" => json!(runspace_id()),
        _ => return None,
    })
}

/// One id for this process's session, as Exchange gives each remote session one.
fn runspace_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(new_guid)
}

fn render(view: &RecipientView, row: &RecipientRow, ctx: &Context) -> Object {
    let mut object = Map::new();
    object.insert(
        TYPE_ANNOTATION.to_string(),
        json!(format!("#{}", view.type_name)),
    );
    let name = row.text("Name");
    let dn = format!("CN={},{}", escape_dn(&name), directory_suffix(&ctx.org));
    let details = row.text("RecipientTypeDetails");
    for (property, column) in view.property_columns() {
        if let Some((column, value)) =
            column.and_then(|i| Some((RECIPIENT_COLUMNS.get(i)?, row.columns.get(i)?)))
        {
            object.insert(property.to_string(), column_json(column.kind, value));
            continue;
        }
        let value = match property {
            "EmailAddresses" => json!(row.addresses),
            "LinkedMasterAccount" => Value::Null,
            "ActiveSyncMailboxPolicyIsDefaulted" => Value::Bool(
                ctx.default_mobile_policy
                    .as_deref()
                    .is_some_and(|d| d.eq_ignore_ascii_case(&row.text("ActiveSyncMailboxPolicy"))),
            ),
            "ExternalImapSettings"
            | "InternalImapSettings"
            | "ExternalPopSettings"
            | "InternalPopSettings"
            | "ExternalSmtpSettings"
            | "InternalSmtpSettings" => json!([]),
            "RecipientType" => json!(USER_MAILBOX),
            "IsMailboxEnabled" => Value::Bool(true),
            "IsShared" => Value::Bool(details == SHARED_MAILBOX),
            "IsResource" => Value::Bool(details == ROOM_MAILBOX),
            "MicrosoftOnlineServicesID" | "WindowsLiveID" => json!(row.text("UserPrincipalName")),
            "WhenChanged" => json!(row.text("WhenChangedUTC")),
            "WhenCreated" => json!(row.text("WhenCreatedUTC")),
            _ => common_property(
                property,
                &name,
                &dn,
                &ctx.org,
                &["top", "person", "organizationalPerson", "user"],
                "Person",
            )
            .unwrap_or(Value::Null),
        };
        object.insert(property.to_string(), value);
    }
    if view.shows_extra {
        for (key, value) in &row.extra {
            if !object.keys().any(|k| k.eq_ignore_ascii_case(key)) {
                object.insert(key.clone(), value.clone());
            }
        }
    }
    object
}

/// The SQL operand for a property `-Filter` names on a recipient cmdlet, or `None` when
/// the cmdlet cannot filter on it.
fn filter_operand(bound: &Bound, property: &str, org: &OrgInfo) -> Option<Operand> {
    let cmdlet = bound.cmdlet;
    let canonical = if cmdlet.filterable.is_empty() {
        property.to_string()
    } else {
        cmdlet.filterable_property(property)?.to_string()
    };
    let text = |sql: String| Operand {
        sql,
        params: Vec::new(),
        kind: OperandKind::Text,
    };
    let lower = canonical.to_ascii_lowercase();
    Some(match lower.as_str() {
        "emailaddresses" => Operand {
            sql: "(SELECT address AS value FROM addresses a WHERE a.rid = r.rid \
                  UNION ALL SELECT prefix || ':' || address FROM addresses a WHERE a.rid = r.rid)"
                .to_string(),
            params: Vec::new(),
            kind: OperandKind::Multi,
        },
        "distinguishedname" | "id" => Operand {
            sql: "('CN=' || r.\"Name\" || ?)".to_string(),
            params: vec![SqlValue::Text(format!(",{}", directory_suffix(org)))],
            kind: OperandKind::Text,
        },
        "whencreated" | "whencreatedutc" | "whenmailboxcreated" => Operand {
            sql: "r.\"WhenCreatedUTC\"".to_string(),
            params: Vec::new(),
            kind: OperandKind::Date,
        },
        "whenchanged" | "whenchangedutc" => Operand {
            sql: "r.\"WhenChangedUTC\"".to_string(),
            params: Vec::new(),
            kind: OperandKind::Date,
        },
        "windowsliveid" | "microsoftonlineservicesid" => {
            text("r.\"UserPrincipalName\"".to_string())
        }
        "recipienttype" => text("'UserMailbox'".to_string()),
        "isshared" => Operand {
            sql: "(r.\"RecipientTypeDetails\" = 'SharedMailbox')".to_string(),
            params: Vec::new(),
            kind: OperandKind::Bool,
        },
        "isresource" => Operand {
            sql: "(r.\"RecipientTypeDetails\" = 'RoomMailbox')".to_string(),
            params: Vec::new(),
            kind: OperandKind::Bool,
        },
        _ => {
            let column = recipient_column(&canonical)?;
            let sql = format!("r.\"{}\"", column.name);
            match column.kind {
                Kind::Bool | Kind::NullBool => Operand {
                    sql,
                    params: Vec::new(),
                    kind: OperandKind::Bool,
                },
                Kind::Int => Operand {
                    sql,
                    params: Vec::new(),
                    kind: OperandKind::Number,
                },
                Kind::Text => text(sql),
                Kind::Multi => Operand {
                    sql: format!("json_each({sql})"),
                    params: Vec::new(),
                    kind: OperandKind::Multi,
                },
            }
        }
    })
}

/// The identity a Get asks for: `-Identity`, or one of the Get-EXO* cmdlets' own
/// identity parameters.
fn requested_identity(bound: &Bound) -> Option<String> {
    [
        "Identity",
        "PrimarySmtpAddress",
        "UserPrincipalName",
        "ExternalDirectoryObjectId",
    ]
    .iter()
    .find_map(|name| bound.get(name).and_then(identity_text))
}

/// The conditions of a Get: identity, -Anr, -RecipientTypeDetails, -Filter.
fn get_condition(bound: &Bound, org: &OrgInfo) -> Result<SqlFragment, ExchangeError> {
    let mut condition = SqlFragment::all();
    if let Some(identity) = requested_identity(bound) {
        condition = condition.and(recipient_condition(&identity, true));
    }
    if let Some(anr) = bound.text("Anr") {
        let pattern = format!("{}%", like_pattern(anr.trim()));
        let columns = [
            "Name",
            "Alias",
            "DisplayName",
            "FirstName",
            "LastName",
            "PrimarySmtpAddress",
        ];
        let sql = columns
            .iter()
            .map(|c| format!("r.\"{c}\" LIKE ? ESCAPE '\\'"))
            .collect::<Vec<_>>()
            .join(" OR ");
        condition = condition.and(SqlFragment::new(
            format!("{sql} OR (IFNULL(r.\"FirstName\",'') || ' ' || IFNULL(r.\"LastName\",'')) LIKE ? ESCAPE '\\'"),
            vec![SqlValue::Text(pattern); columns.len() + 1],
        ));
    }
    if let Some(types) = bound.get("RecipientTypeDetails") {
        let list: Vec<String> = match types {
            Value::Array(items) => items
                .iter()
                .filter_map(crate::exchange::request::scalar_text)
                .collect(),
            other => crate::exchange::request::scalar_text(other)
                .map(|s| s.split(',').map(|t| t.trim().to_string()).collect())
                .unwrap_or_default(),
        };
        let placeholders = vec!["?"; list.len().max(1)].join(", ");
        let mut params: Vec<SqlValue> = list.into_iter().map(SqlValue::Text).collect();
        if params.is_empty() {
            params.push(SqlValue::Null);
        }
        condition = condition.and(SqlFragment::new(
            format!("r.\"RecipientTypeDetails\" IN ({placeholders})"),
            params,
        ));
    }
    if let Some(types) = bound.get("RecipientType") {
        // Every recipient the local organisation keeps is a mailbox (RecipientType
        // UserMailbox, whatever its RecipientTypeDetails).
        let wanted = match types {
            Value::Array(items) => items
                .iter()
                .filter_map(crate::exchange::request::scalar_text)
                .any(|t| t.eq_ignore_ascii_case(USER_MAILBOX)),
            other => crate::exchange::request::scalar_text(other).is_some_and(|t| {
                t.split(',')
                    .any(|t| t.trim().eq_ignore_ascii_case(USER_MAILBOX))
            }),
        };
        if !wanted {
            condition = condition.and(SqlFragment::new("0", Vec::new()));
        }
    }
    if let Some(text) = bound.text("Filter") {
        let filter = opath::parse(&text)?;
        let compiled = opath::compile(&filter, &text, &|p| filter_operand(bound, p, org))?;
        condition = condition.and(compiled);
    }
    Ok(condition)
}

/// The sort key expression of `-SortBy` (a stored column), or row order.
fn sort_key(bound: &Bound) -> Result<String, ExchangeError> {
    let Some(property) = bound.text("SortBy") else {
        return Ok("r.rid".to_string());
    };
    let property = property.trim().trim_start_matches('+');
    match recipient_column(property) {
        Some(column) => Ok(format!("IFNULL(r.\"{}\", '')", column.name)),
        None => Err(ExchangeError::invalid_argument(
            "InvalidSortProperty",
            format!("The property '{property}' can't be used with the SortBy parameter."),
        )
        .with_target(property.to_string())),
    }
}

impl LocalBackend {
    pub(super) fn get_recipients(
        &self,
        view: &RecipientView,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let result_size = ResultSize::from(bound)?;
        let (condition, ctx) = {
            let store = self.store();
            let condition = get_condition(bound, store.org())?;
            (condition, Context::load(store.connection(), store.org())?)
        };
        let key = sort_key(bound)?;
        let sql_page = format!(
            "SELECT {}, {key} AS sort_key FROM recipients r WHERE ({}) AND \
             (?1 IS NULL OR {key} > ?1 OR ({key} = ?1 AND r.rid > ?2)) ORDER BY {key}, r.rid LIMIT ?3",
            select_list(),
            // Numbered parameters follow the condition's own (numbered after ?3).
            renumber(&condition.sql, 4),
        );
        let mut last: (SqlValue, i64) = (SqlValue::Null, 0);
        let mut delivered = 0usize;
        let mut warnings = Vec::new();
        loop {
            let want = match result_size.limit {
                Some(limit) => (limit + 1 - delivered).min(PAGE_SIZE),
                None => PAGE_SIZE,
            };
            let page: Vec<(RecipientRow, SqlValue)> = {
                let store = self.store();
                let mut stmt = store
                    .connection()
                    .prepare_cached(&sql_page)
                    .map_err(sql_error)?;
                let mut params: Vec<SqlValue> = vec![
                    last.0.clone(),
                    SqlValue::Integer(last.1),
                    SqlValue::Integer(want as i64),
                ];
                params.extend(condition.params.iter().cloned());
                stmt.query_map(params_from_iter(params), |row| {
                    let sort: SqlValue = row.get(RECIPIENT_COLUMNS.len() + 3)?;
                    Ok((read_row(row)?, sort))
                })
                .map_err(sql_error)?
                .collect::<Result<_, _>>()
                .map_err(sql_error)?
            };
            let count = page.len();
            let mut objects = Vec::with_capacity(count);
            let mut more = false;
            for (row, sort) in page {
                if result_size
                    .limit
                    .is_some_and(|limit| delivered + objects.len() >= limit)
                {
                    more = true;
                    break;
                }
                last = (sort, row.rid);
                objects.push(render(view, &row, &ctx));
            }
            delivered += objects.len();
            if !feed(objects, sink) {
                return Ok(warnings);
            }
            if more {
                warnings.push(result_size.warning().to_string());
                break;
            }
            if count < want {
                break;
            }
        }
        if let Some(identity) =
            requested_identity(bound).filter(|i| delivered == 0 && !identity::has_wildcard(i))
        {
            return Err(identity::not_found(&identity, &ctx.org.server));
        }
        Ok(warnings)
    }

    pub(super) fn set_recipient(&self, bound: &Bound) -> Result<Vec<String>, ExchangeError> {
        let identity = bound
            .get("Identity")
            .and_then(identity_text)
            .ok_or_else(|| missing("Identity"))?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let rid = identity::resolve_recipient(tx, &SqlFragment::all(), &identity, &org.server)?;
            let row = read_recipient(tx, rid)?;
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
        let identity = bound
            .get("Identity")
            .and_then(identity_text)
            .ok_or_else(|| missing("Identity"))?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let rid = identity::resolve_recipient(tx, &SqlFragment::all(), &identity, &org.server)?;
            tx.execute("DELETE FROM recipients WHERE rid = ?1", [rid])
                .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }

    /// Whether SMTP client authentication is off for a mailbox, after inheritance: the
    /// mailbox's own setting, or (when blank) Set-TransportConfig's.
    pub fn effective_smtp_client_authentication_disabled(
        &self,
        identity: &str,
    ) -> Result<bool, ExchangeError> {
        let store = self.store();
        let conn = store.connection();
        let rid =
            identity::resolve_recipient(conn, &SqlFragment::all(), identity, &store.org().server)?;
        let own: Option<bool> = conn
            .query_row(
                "SELECT \"SmtpClientAuthenticationDisabled\" FROM recipients WHERE rid = ?1",
                [rid],
                |r| r.get(0),
            )
            .map_err(sql_error)?;
        if let Some(own) = own {
            return Ok(own);
        }
        let org: Option<bool> = conn
            .query_row(
                "SELECT json_extract(settings, '$.SmtpClientAuthenticationDisabled') FROM objects WHERE kind = ?1",
                [model::TRANSPORT_CONFIG.noun],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?
            .flatten();
        Ok(org.unwrap_or(false))
    }
}

/// Shifts `?N` placeholders... the condition uses plain `?`, which SQLite numbers after
/// the largest explicit number so far; rewriting them as `?4`, `?5`, ... keeps that
/// order explicit.
fn renumber(sql: &str, first: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = first;
    let mut in_string = false;
    for c in sql.chars() {
        if c == '\'' {
            in_string = !in_string;
        }
        if c == '?' && !in_string {
            out.push_str(&format!("?{next}"));
            next += 1;
        } else {
            out.push(c);
        }
    }
    out
}

fn missing(name: &str) -> ExchangeError {
    ExchangeError::invalid_argument(
        "MissingMandatoryParameter",
        format!(
            "Cannot process command because of one or more missing mandatory parameters: {name}."
        ),
    )
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

/// Applies a Set-*'s parameters to one recipient; returns whether anything changed.
fn apply_settings(
    tx: &Transaction,
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
            let stored = match identity_text(value) {
                None => SqlValue::Null,
                Some(policy) => {
                    let (_, canonical) =
                        resolve_object(tx, kind, &policy, || reference_missing(&policy))?;
                    SqlValue::Text(canonical)
                }
            };
            updates.push((
                recipient_column(name).map_or("OwaMailboxPolicy", |c| c.name),
                stored,
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
    let assignments: Vec<String> = changed_columns
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("\"{name}\" = ?{}", i + 3))
        .collect();
    let sql = format!(
        "UPDATE recipients SET \"Extra\" = ?2, {} WHERE rid = ?1",
        assignments.join(", ")
    );
    let mut values: Vec<SqlValue> = vec![
        SqlValue::Integer(row.rid),
        SqlValue::Text(Value::Object(extra).to_string()),
    ];
    values.extend(changed_columns.into_iter().map(|(_, v)| v));
    tx.prepare_cached(&sql)
        .and_then(|mut stmt| stmt.execute(params_from_iter(values)))
        .map_err(sql_error)?;
    if let Some(list) = addresses.filter(|_| addresses_changed) {
        write_addresses(tx, row.rid, &list)?;
    }
    Ok(true)
}

/// Replaces a recipient's addresses (`SMTP:` marks the primary; it also becomes
/// PrimarySmtpAddress).
fn write_addresses(tx: &Transaction, rid: i64, list: &[String]) -> Result<(), ExchangeError> {
    tx.execute("DELETE FROM addresses WHERE rid = ?1", [rid])
        .map_err(sql_error)?;
    for (pos, entry) in list.iter().enumerate() {
        let (prefix, address) = match entry.split_once(':') {
            Some((p, a)) if !p.contains('@') => (p.to_string(), a.to_string()),
            _ => ("smtp".to_string(), entry.clone()),
        };
        check_address_free(tx, &address, Some(rid))?;
        if prefix == "SMTP" {
            tx.execute(
                "UPDATE recipients SET \"PrimarySmtpAddress\" = ?2, \"WindowsEmailAddress\" = ?2 WHERE rid = ?1",
                params![rid, address],
            )
            .map_err(sql_error)?;
        }
        tx.execute(
            "INSERT INTO addresses (rid, pos, prefix, address) VALUES (?1, ?2, ?3, ?4)",
            params![rid, pos as i64, prefix, address],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

fn check_name_free(tx: &Transaction, name: &str, except: Option<i64>) -> Result<(), ExchangeError> {
    let taken: Option<i64> = tx
        .query_row(
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
    tx: &Transaction,
    address: &str,
    except: Option<i64>,
) -> Result<(), ExchangeError> {
    let taken: Option<i64> = tx
        .query_row(
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
fn create_mailbox(tx: &Transaction, org: &OrgInfo, bound: &Bound) -> Result<i64, ExchangeError> {
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
        None => tx
            .query_row(
                "SELECT name FROM objects WHERE kind = ?1 AND is_default = 1",
                [plan_kind.noun],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?
            .unwrap_or_else(|| "ExchangeOnlineEnterprise".to_string()),
    };
    let settings_of = |kind: &model::ObjectKind| -> Result<Map<String, Value>, ExchangeError> {
        let json: Option<String> = tx
            .query_row(
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
            column_value(&info.name, column.kind, &SqlValue::Null, value)?,
        ));
    }
    let names: Vec<String> = columns.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    tx.execute(
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
