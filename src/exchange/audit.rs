//! The admin audit log: every change made through a cmdlet, local or served, is one
//! record (exo-rest.md's AuditData shape: caller, cmdlet, parameters, object, result),
//! written in the transaction that makes the change, so there is never a change without
//! its record nor a record without its change. Reads are not recorded; a failed change
//! changed nothing and leaves no record. Search-UnifiedAuditLog -RecordType ExchangeAdmin
//! answers from it.

use std::ops::ControlFlow;

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::ExchangeError;
use super::local::{Bound, LocalBackend, feed, identity_text};
use super::request::{Object, Request, TYPE_ANNOTATION, scalar_text};
use super::store::{OrgInfo, new_guid, now_utc, sql_error};

/// The person or application a command runs for.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    /// The user's UPN, or for an application its app id.
    pub user_id: String,
    /// The application, for app-only callers.
    pub app_id: Option<String>,
    /// Where the request came from, for a served request.
    pub client_ip: Option<String>,
}

impl Caller {
    /// The person at the shell on this machine: whoever can open the organisation file.
    ///
    /// **decision**: recorded under the operating system's account name (`$USER`), since a
    /// local organisation has no sign-in.
    pub fn local() -> Caller {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "local administrator".to_string());
        Caller {
            user_id: user,
            app_id: None,
            client_ip: None,
        }
    }

    /// A caller signed in with a token.
    pub fn signed_in(user_id: &str, app_id: Option<&str>, client_ip: Option<String>) -> Caller {
        Caller {
            user_id: user_id.to_string(),
            app_id: app_id.map(str::to_string),
            client_ip,
        }
    }
}

/// A change about to be made, recorded in the transaction that makes it.
#[derive(Debug, Clone)]
pub struct Pending {
    pub caller: Caller,
    pub operation: String,
    pub object_id: String,
    pub parameters: Vec<(String, String)>,
}

/// Whether a cmdlet only reads (and so is not recorded).
pub fn reads(cmdlet: &str) -> bool {
    let verb = cmdlet.split('-').next().unwrap_or("");
    ["Get", "Search", "Test"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(verb))
}

/// The record a change by `caller` will leave, `None` for a read.
pub fn pending(caller: &Caller, request: &Request) -> Option<Pending> {
    if reads(&request.cmdlet_name) {
        return None;
    }
    let object_id = ["Identity", "Name", "Member", "Role"]
        .iter()
        .find_map(|p| request.get(p).and_then(identity_text))
        .unwrap_or_default();
    let parameters = request
        .parameters
        .iter()
        .map(|(name, value)| (name.clone(), parameter_text(value)))
        .collect();
    Some(Pending {
        caller: caller.clone(),
        operation: request.cmdlet_name.clone(),
        object_id,
        parameters,
    })
}

/// A parameter's value as the audit log writes it (`False`, `a,b`, `$null`).
fn parameter_text(value: &Value) -> String {
    match value {
        Value::Null => "$null".to_string(),
        Value::Array(items) => items
            .iter()
            .map(parameter_text)
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => identity_text(value).unwrap_or_else(|| value.to_string()),
        other => scalar_text(other).unwrap_or_default(),
    }
}

/// An audit record as the unified audit log keeps it (its JSON, in this order).
#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct Record<'a> {
    creation_time: &'a str,
    id: &'a str,
    operation: &'a str,
    organization_id: &'a str,
    record_type: u8,
    result_status: &'a str,
    user_key: &'a str,
    user_type: u8,
    version: u8,
    workload: &'a str,
    #[serde(rename = "ClientIP")]
    client_ip: &'a str,
    object_id: &'a str,
    user_id: &'a str,
    app_id: &'a str,
    external_access: bool,
    organization_name: &'a str,
    originating_server: String,
    parameters: Vec<Parameter<'a>>,
    session_id: &'a str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct Parameter<'a> {
    name: &'a str,
    value: &'a str,
}

/// Writes the record of a change, in the change's own transaction. The record is
/// written straight to its JSON text (a bulk change writes one per object).
pub fn write(tx: &Connection, org: &OrgInfo, pending: &Pending) -> Result<(), ExchangeError> {
    let id = new_guid();
    let created = now_utc();
    let record = Record {
        creation_time: created.trim_end_matches('Z'),
        id: &id,
        operation: &pending.operation,
        organization_id: &org.tenant,
        record_type: 1,
        result_status: "True",
        user_key: &pending.caller.user_id,
        user_type: if pending.caller.app_id.is_some() {
            5
        } else {
            2
        },
        version: 1,
        workload: "Exchange",
        client_ip: pending.caller.client_ip.as_deref().unwrap_or_default(),
        object_id: &pending.object_id,
        user_id: &pending.caller.user_id,
        app_id: pending.caller.app_id.as_deref().unwrap_or_default(),
        external_access: false,
        organization_name: &org.tenant,
        originating_server: format!("{} (15.20.0000.000)", org.mailbox_server),
        parameters: pending
            .parameters
            .iter()
            .map(|(name, value)| Parameter { name, value })
            .collect(),
        session_id: "",
    };
    let data = serde_json::to_string(&record).map_err(|e| ExchangeError::store(e.to_string()))?;
    tx.prepare_cached(
        "INSERT INTO audit_log (guid, created, user_id, operation, object_id, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            id,
            created,
            pending.caller.user_id,
            pending.operation,
            pending.object_id,
            data
        ])
    })
    .map(drop)
    .map_err(sql_error)
}

/// The most records Search-UnifiedAuditLog returns at once (and its default).
const MAX_RESULTS: usize = 5000;
const DEFAULT_RESULTS: usize = 100;

/// Search-UnifiedAuditLog over the admin audit log; `None` for any other cmdlet.
pub(crate) fn run(
    backend: &LocalBackend,
    bound: &Bound,
    sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
) -> Option<Result<Vec<String>, ExchangeError>> {
    if !bound
        .cmdlet
        .name
        .eq_ignore_ascii_case("Search-UnifiedAuditLog")
    {
        return None;
    }
    Some(search(backend, bound).map(|objects| {
        feed(objects, sink);
        Vec::new()
    }))
}

fn search(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let start = date_parameter(bound, "StartDate")?;
    let end = date_parameter(bound, "EndDate")?;
    if let Some(kind) = bound.text("RecordType")
        && !kind.eq_ignore_ascii_case("ExchangeAdmin")
    {
        // Only Exchange admin records are kept here.
        return Ok(Vec::new());
    }
    let limit = match bound
        .get("ResultSize")
        .and_then(|v| scalar_text(v).and_then(|t| t.trim().parse::<usize>().ok()))
    {
        Some(n) if (1..=MAX_RESULTS).contains(&n) => n,
        Some(_) => {
            return Err(ExchangeError::invalid_argument(
                "ParameterArgumentValidationError",
                format!(
                    "Cannot validate argument on parameter 'ResultSize'. The argument is not in the range 1 to {MAX_RESULTS}."
                ),
            ));
        }
        None if bound.get("ResultSize").is_some() => {
            return Err(ExchangeError::invalid_argument(
                "ParameterArgumentTransformationError",
                "Cannot process argument transformation on parameter 'ResultSize'.",
            ));
        }
        None => DEFAULT_RESULTS,
    };
    let list = |name: &str| -> Vec<String> {
        match bound.get(name) {
            Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
            Some(other) => scalar_text(other)
                .map(|t| t.split(',').map(|s| s.trim().to_string()).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    };
    let (operations, users, objects) = (list("Operations"), list("UserIds"), list("ObjectIds"));
    let store = backend.store();
    let mut stmt = store
        .connection()
        .prepare_cached(
            "SELECT guid, created, user_id, operation, data FROM audit_log
             WHERE created >= ?1 AND created <= ?2
               AND (?3 = '[]' OR operation IN (SELECT value FROM json_each(?3)))
               AND (?4 = '[]' OR user_id IN (SELECT value FROM json_each(?4)))
               AND (?5 = '[]' OR object_id IN (SELECT value FROM json_each(?5)))
             ORDER BY created DESC, id DESC LIMIT ?6",
        )
        .map_err(sql_error)?;
    let rows: Vec<(String, String, String, String, String)> = stmt
        .query_map(
            params![
                start,
                end,
                json!(operations).to_string(),
                json!(users).to_string(),
                json!(objects).to_string(),
                limit as i64
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .and_then(Iterator::collect)
        .map_err(sql_error)?;
    let count = rows.len();
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(i, (guid, created, user, operation, data))| {
            let mut object = Object::new();
            object.insert(TYPE_ANNOTATION.to_string(), json!(EVENT_TYPE));
            object.insert("RecordType".into(), json!("ExchangeAdmin"));
            object.insert("CreationDate".into(), json!(created));
            object.insert("UserIds".into(), json!(user));
            object.insert("Operations".into(), json!(operation));
            object.insert("AuditData".into(), json!(data));
            object.insert("ResultIndex".into(), json!(i + 1));
            object.insert("ResultCount".into(), json!(count));
            object.insert("Identity".into(), json!(guid));
            object
        })
        .collect())
}

const EVENT_TYPE: &str =
    "#Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent";

/// A mandatory date parameter as the store's UTC text. **decision**: a date without a
/// zone is UTC, as Exchange Online reads it.
fn date_parameter(bound: &Bound, name: &str) -> Result<String, ExchangeError> {
    let text = bound.required_text(name)?;
    let trimmed = text.trim();
    let parsed = chrono::DateTime::parse_from_rfc3339(trimmed)
        .map(|t| t.naive_utc())
        .ok()
        .or_else(|| {
            [
                "%Y-%m-%dT%H:%M:%S%.f",
                "%Y-%m-%d %H:%M:%S",
                "%m/%d/%Y %H:%M:%S",
                "%m/%d/%Y %I:%M:%S %p",
            ]
            .iter()
            .find_map(|f| chrono::NaiveDateTime::parse_from_str(trimmed, f).ok())
        })
        .or_else(|| {
            ["%Y-%m-%d", "%m/%d/%Y"].iter().find_map(|f| {
                chrono::NaiveDate::parse_from_str(trimmed, f)
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
        })
        .ok_or_else(|| {
            ExchangeError::invalid_argument(
                "ParameterArgumentTransformationError",
                format!(
                    "Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{text}\" to type \"Microsoft.Exchange.ExchangeSystem.ExDateTime\"."
                ),
            )
        })?;
    Ok(parsed.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}
