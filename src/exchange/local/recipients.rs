//! Reading recipients: Get-CASMailbox, Get-Mailbox, Get-User, Get-Recipient (and the
//! Get-EXO* forms): rows read in pages, rendered in each view's property order.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use serde_json::{Map, Value, json};

use super::values::column_json;
use super::{Bound, LocalBackend, ResultSize, feed, identity_text};
use crate::exchange::identity::{self, like_pattern, recipient_condition};
use crate::exchange::model::{
    self, Kind, RECIPIENT_COLUMNS, ROOM_MAILBOX, RecipientView, SHARED_MAILBOX, USER_MAILBOX,
    recipient_column,
};
use crate::exchange::opath::{self, Operand, OperandKind};
use crate::exchange::request::{ExchangeError, Object, TYPE_ANNOTATION};
use crate::exchange::store::{OrgInfo, SqlFragment, new_guid, sql_error};

/// How many rows a Get reads per visit to the store.
const PAGE_SIZE: usize = 500;

/// One recipient as read from the store.
pub(super) struct RecipientRow {
    pub(super) rid: i64,
    /// Aligned with [`RECIPIENT_COLUMNS`].
    pub(super) columns: Vec<SqlValue>,
    pub(super) extra: Map<String, Value>,
    pub(super) addresses: Vec<String>,
}

impl RecipientRow {
    pub(super) fn column(&self, name: &str) -> Option<(&'static model::Column, &SqlValue)> {
        let i = model::recipient_column_index(name)?;
        Some((RECIPIENT_COLUMNS.get(i)?, self.columns.get(i)?))
    }
    pub(super) fn text(&self, name: &str) -> String {
        match self.column(name) {
            Some((_, SqlValue::Text(s))) => s.clone(),
            _ => String::new(),
        }
    }
}

/// The SELECT list reading a whole recipient (table alias `r`), built once.
fn select_list() -> &'static str {
    static LIST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        format!(
            "{}, (SELECT json_group_array(prefix || ':' || address) FROM \
             (SELECT prefix, address FROM addresses a WHERE a.rid = r.rid ORDER BY pos))",
            column_list()
        )
    })
}

/// The SELECT list reading a recipient's columns but not its addresses (read as none).
fn column_list() -> &'static str {
    static LIST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut list = String::from("r.rid");
        for column in RECIPIENT_COLUMNS {
            list.push_str(&format!(", r.\"{}\"", column.name));
        }
        list.push_str(", r.\"Extra\"");
        list
    })
}

fn read_row(row: &Row) -> rusqlite::Result<RecipientRow> {
    let mut columns = Vec::with_capacity(RECIPIENT_COLUMNS.len());
    for i in 0..RECIPIENT_COLUMNS.len() {
        columns.push(row.get::<_, SqlValue>(i + 1)?);
    }
    let n = RECIPIENT_COLUMNS.len();
    let extra: String = row.get(n + 1)?;
    let addresses: Option<String> = match row.as_ref().column_count() > n + 2 {
        true => row.get(n + 2)?,
        false => None,
    };
    Ok(RecipientRow {
        rid: row.get(0)?,
        columns,
        extra: serde_json::from_str(&extra).unwrap_or_default(),
        addresses: addresses
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default(),
    })
}

pub(super) fn read_recipient(conn: &Connection, rid: i64) -> Result<RecipientRow, ExchangeError> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        format!(
            "SELECT {} FROM recipients r WHERE r.rid = ?1",
            select_list()
        )
    });
    read_one(conn, sql, rid)
}

/// A recipient without its addresses (`addresses` empty): what a change that does not
/// touch them needs, saving a lookup per object of a bulk change.
pub(super) fn read_recipient_columns(
    conn: &Connection,
    rid: i64,
) -> Result<RecipientRow, ExchangeError> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        format!(
            "SELECT {} FROM recipients r WHERE r.rid = ?1",
            column_list()
        )
    });
    read_one(conn, sql, rid)
}

fn read_one(conn: &Connection, sql: &str, rid: i64) -> Result<RecipientRow, ExchangeError> {
    conn.prepare_cached(sql)
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

pub(super) fn render(view: &RecipientView, row: &RecipientRow, ctx: &Context) -> Object {
    let mut object = Map::with_capacity(view.property_columns().count() + 1);
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
        let mut list: Vec<String> = match types {
            Value::Array(items) => items
                .iter()
                .filter_map(crate::exchange::request::scalar_text)
                .collect(),
            other => crate::exchange::request::scalar_text(other)
                .map(|s| s.split(',').map(|t| t.trim().to_string()).collect())
                .unwrap_or_default(),
        };
        // Each value once: a long repeated list is still one short condition.
        list.sort_by_key(|t| t.to_ascii_lowercase());
        list.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
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

/// The sort key of row order.
const ROW_ORDER: &str = "r.rid";

/// The sort key expression of `-SortBy` (a stored column), or row order. Text sorts
/// without regard to case, as Exchange sorts it and as `-Filter` compares it, so a page
/// that starts after `-Filter "Name -gt 'x'"` continues exactly where a sorted one ended.
fn sort_key(bound: &Bound) -> Result<String, ExchangeError> {
    let Some(property) = bound.text("SortBy") else {
        return Ok(ROW_ORDER.to_string());
    };
    let property = property.trim().trim_start_matches('+');
    match recipient_column(property) {
        Some(column) => Ok(format!("IFNULL(r.\"{}\", '') COLLATE NOCASE", column.name)),
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
        // Where the next page starts (after the last row's key ?1 and row id ?2). In row
        // order it is a seek on the row id: the general form makes SQLite scan from the
        // first row for every page, which made a whole-organisation Get quadratic.
        let after = if key == ROW_ORDER {
            "r.rid > ?2".to_string()
        } else {
            format!("(?1 IS NULL OR {key} > ?1 OR ({key} = ?1 AND r.rid > ?2))")
        };
        let sql_page = format!(
            "SELECT {}, {key} AS sort_key FROM recipients r WHERE ({}) AND {after} \
             ORDER BY {key}, r.rid LIMIT ?3",
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

/// Numbers a condition's plain `?` placeholders from `first` on (`?4`, `?5`, ...), so
/// it can follow a statement's own numbered parameters in their order.
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
