//! Role-based access control as Exchange Online does it: role groups hold management
//! roles (through role assignments), each role lists the cmdlets it grants (role
//! entries), and a caller may run a cmdlet when a role holding it is assigned to them —
//! directly (`-User`, `-App`) or through a role group or security group they are a member
//! of. The built-in groups and roles are migration 5's.
//!
//! The local shell is the organisation file's owner and runs everything; `exosh serve`
//! asks [`allows`] before every command and answers 403 otherwise.
//!
//! **decisions**: role entries grant whole cmdlets (Exchange can narrow an entry to some
//! parameters: Reset Password's Set-Mailbox is only `-Password` there); a role group's or
//! security group's members are kept by UPN, so a user without a mailbox (the sample
//! administrator) can be one.

use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use super::audit::Caller;
use super::identity::not_found;
use super::local::{Bound, LocalBackend, feed};
use super::request::{ExchangeError, Object, TYPE_ANNOTATION};
use super::store::{new_guid, now_utc, sql_error};

const ROLE_GROUP_TYPE: &str = "#Microsoft.Exchange.Management.RbacTasks.RoleGroup";
const ROLE_TYPE: &str = "#Microsoft.Exchange.Management.RbacTasks.ExchangeRole";
const ASSIGNMENT_TYPE: &str =
    "#Microsoft.Exchange.Management.RbacTasks.ExchangeRoleAssignmentPresentation";
const MEMBER_TYPE: &str = "#Microsoft.Exchange.Data.Directory.Management.ReducedRecipient";

/// Whether `caller` may run `cmdlet`.
pub fn allows(conn: &Connection, caller: &Caller, cmdlet: &str) -> Result<bool, ExchangeError> {
    let app = caller.app_id.as_deref().unwrap_or("");
    conn.prepare_cached(
        "SELECT 1 FROM role_entries e JOIN role_assignments a ON a.role = e.role
         WHERE e.cmdlet = ?1 AND (
             (a.assignee_type = 'User' AND a.assignee = ?2)
             OR (a.assignee_type = 'App' AND a.assignee = ?3)
             OR (a.assignee_type IN ('RoleGroup', 'SecurityGroup') AND EXISTS (
                 SELECT 1 FROM role_group_members m
                 WHERE m.role_group = a.assignee AND m.member = ?2)))
         LIMIT 1",
    )
    .and_then(|mut stmt| {
        stmt.query_row(params![cmdlet, caller.user_id, app], |_| Ok(()))
            .optional()
    })
    .map(|found| found.is_some())
    .map_err(sql_error)
}

/// The refusal of a cmdlet outside the caller's roles (403).
pub fn forbidden(caller: &Caller, cmdlet: &str) -> ExchangeError {
    ExchangeError::new(
        super::ErrorCode::Forbidden,
        "UnauthorizedAccessException",
        "PermissionDenied",
        format!(
            "The user \"{}\" isn't assigned to any management roles that allow running the cmdlet '{cmdlet}'.",
            caller.user_id
        ),
    )
    .with_target(cmdlet)
}

/// Runs the role cmdlets; `None` for any other cmdlet.
pub(crate) fn run(
    backend: &LocalBackend,
    bound: &Bound,
    sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
) -> Option<Result<Vec<String>, ExchangeError>> {
    let result = match bound.cmdlet.name.to_ascii_lowercase().as_str() {
        "get-rolegroup" => get_role_groups(backend, bound),
        "get-rolegroupmember" => get_members(backend, bound),
        "add-rolegroupmember" => change_member(backend, bound, true),
        "remove-rolegroupmember" => change_member(backend, bound, false),
        "get-managementrole" => get_roles(backend, bound),
        "get-managementroleassignment" => get_assignments(backend, bound),
        "new-managementroleassignment" => new_assignment(backend, bound),
        _ => return None,
    };
    Some(result.map(|objects| {
        feed(objects, sink);
        Vec::new()
    }))
}

fn typed(type_name: &str, value: Value) -> Object {
    let mut object = Object::new();
    object.insert(TYPE_ANNOTATION.to_string(), json!(type_name));
    if let Value::Object(map) = value {
        object.extend(map);
    }
    object
}

/// A `*` wildcard pattern as SQL LIKE (case-insensitive), or the exact text.
fn like(pattern: &str) -> String {
    pattern
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
        .replace('*', "%")
}

fn strings(conn: &Connection, sql: &str, key: &str) -> Result<Vec<String>, ExchangeError> {
    let mut stmt = conn.prepare_cached(sql).map_err(sql_error)?;
    stmt.query_map([key], |row| row.get::<_, String>(0))
        .and_then(Iterator::collect)
        .map_err(sql_error)
}

/// The role group named `identity` (its exact stored name), or 404.
fn role_group(conn: &Connection, identity: &str, server: &str) -> Result<String, ExchangeError> {
    conn.query_row(
        "SELECT name FROM role_groups WHERE name = ?1 OR guid = ?1",
        [identity],
        |row| row.get(0),
    )
    .optional()
    .map_err(sql_error)?
    .ok_or_else(|| not_found(identity, server))
}

fn get_role_groups(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let store = backend.store();
    let conn = store.connection();
    let pattern = bound.text("Identity").unwrap_or_else(|| "*".to_string());
    let mut stmt = conn
        .prepare_cached(
            "SELECT name, guid, description, created FROM role_groups
             WHERE name LIKE ?1 ESCAPE '\\' OR guid = ?2 ORDER BY name",
        )
        .map_err(sql_error)?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map(params![like(&pattern), pattern], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .and_then(Iterator::collect)
        .map_err(sql_error)?;
    if rows.is_empty() && !pattern.contains('*') {
        return Err(not_found(&pattern, &store.org().server));
    }
    let mut objects = Vec::new();
    for (name, guid, description, created) in rows {
        let roles = strings(
            conn,
            "SELECT role FROM role_assignments WHERE assignee = ?1 AND assignee_type = 'RoleGroup' ORDER BY role",
            &name,
        )?;
        let assignments = strings(
            conn,
            "SELECT name FROM role_assignments WHERE assignee = ?1 AND assignee_type = 'RoleGroup' ORDER BY role",
            &name,
        )?;
        let members = strings(
            conn,
            "SELECT member FROM role_group_members WHERE role_group = ?1 ORDER BY member",
            &name,
        )?;
        objects.push(typed(
            ROLE_GROUP_TYPE,
            json!({
                "Name": name, "ManagedBy": [], "RoleAssignments": assignments, "Roles": roles,
                "DisplayName": name, "Members": members, "Description": description,
                "RoleGroupType": "Standard", "Identity": name, "Guid": guid,
                "WhenChangedUTC": created, "WhenCreatedUTC": created,
            }),
        ));
    }
    Ok(objects)
}

/// A member as Get-RoleGroupMember shows it: the recipient it names, else the user.
fn member_object(conn: &Connection, upn: &str) -> Result<Object, ExchangeError> {
    let found: Option<(String, String)> = conn
        .query_row(
            "SELECT \"Name\", CASE WHEN \"RecipientTypeDetails\" LIKE '%Mailbox'
                 THEN 'UserMailbox' ELSE \"RecipientTypeDetails\" END FROM recipients
             WHERE \"UserPrincipalName\" = ?1 OR \"PrimarySmtpAddress\" = ?1 LIMIT 1",
            [upn],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(sql_error)?;
    let (name, kind) = found.unwrap_or_else(|| {
        let local = upn.split('@').next().unwrap_or(upn).to_string();
        (local, "User".to_string())
    });
    Ok(typed(
        MEMBER_TYPE,
        json!({"Name": name, "RecipientType": kind, "Identity": name, "PrimarySmtpAddress": upn}),
    ))
}

fn get_members(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let store = backend.store();
    let conn = store.connection();
    let group = role_group(conn, &bound.required_text("Identity")?, &store.org().server)?;
    strings(
        conn,
        "SELECT member FROM role_group_members WHERE role_group = ?1 ORDER BY member",
        &group,
    )?
    .iter()
    .map(|upn| member_object(conn, upn))
    .collect()
}

/// A member named by any of a recipient's identities, as its UPN; a UPN of a user without
/// a mailbox stands for itself.
fn member_upn(conn: &Connection, identity: &str, server: &str) -> Result<String, ExchangeError> {
    let scope = super::store::SqlFragment::all();
    match super::identity::resolve_recipient(conn, &scope, identity, server) {
        Ok(rid) => conn
            .query_row(
                "SELECT coalesce(\"UserPrincipalName\", \"PrimarySmtpAddress\") FROM recipients WHERE rid = ?1",
                [rid],
                |r| r.get::<_, Option<String>>(0),
            )
            .map_err(sql_error)?
            .ok_or_else(|| not_found(identity, server)),
        Err(error) if identity.contains('@') && error.code == super::ErrorCode::NotFound => {
            Ok(identity.to_string())
        }
        Err(error) => Err(error),
    }
}

fn change_member(
    backend: &LocalBackend,
    bound: &Bound,
    add: bool,
) -> Result<Vec<Object>, ExchangeError> {
    let identity = bound.required_text("Identity")?;
    let member = bound.required_text("Member")?;
    backend.store().write(|tx, org| {
        let group = role_group(tx, &identity, &org.server)?;
        let upn = member_upn(tx, &member, &org.server)?;
        let changed = if add {
            tx.execute(
                "INSERT OR IGNORE INTO role_group_members (role_group, member) VALUES (?1, ?2)",
                params![group, upn],
            )
        } else {
            tx.execute(
                "DELETE FROM role_group_members WHERE role_group = ?1 AND member = ?2",
                params![group, upn],
            )
        }
        .map_err(sql_error)?;
        if changed == 1 {
            return Ok(Vec::new());
        }
        let message = if add {
            format!("The recipient \"{member}\" is already a member of the group \"{group}\".")
        } else {
            format!("The recipient \"{member}\" isn't a member of the group \"{group}\".")
        };
        Err(ExchangeError::invalid_operation(
            if add {
                "MemberAlreadyExistsException"
            } else {
                "MemberNotFoundException"
            },
            message,
        )
        .with_target(member.clone()))
    })
}

fn get_roles(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let store = backend.store();
    let conn = store.connection();
    let pattern = bound.text("Identity").unwrap_or_else(|| "*".to_string());
    let cmdlet = bound.text("Cmdlet");
    let mut stmt = conn
        .prepare_cached(
            "SELECT name, guid FROM management_roles r
             WHERE (name LIKE ?1 ESCAPE '\\' OR guid = ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM role_entries e WHERE e.role = r.name AND e.cmdlet = ?3))
             ORDER BY name",
        )
        .map_err(sql_error)?;
    let rows: Vec<(String, String)> = stmt
        .query_map(params![like(&pattern), pattern, cmdlet], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .and_then(Iterator::collect)
        .map_err(sql_error)?;
    if rows.is_empty() && !pattern.contains('*') && cmdlet.is_none() {
        return Err(not_found(&pattern, &store.org().server));
    }
    rows.into_iter()
        .map(|(name, guid)| {
            let entries = strings(
                conn,
                "SELECT cmdlet FROM role_entries WHERE role = ?1 ORDER BY cmdlet",
                &name,
            )?;
            let entries: Vec<String> = entries.iter().map(|c| format!("({name}) {c} -*")).collect();
            Ok(typed(
                ROLE_TYPE,
                json!({"Name": name, "RoleType": role_type(&name), "RoleEntries": entries,
                       "IsRootRole": true, "Identity": name, "Guid": guid}),
            ))
        })
        .collect()
}

/// The role's type as Exchange names it: its name without spaces or dashes.
fn role_type(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn assignment_object(row: (String, String, String, String, String)) -> Object {
    let (name, guid, role, assignee, kind) = row;
    typed(
        ASSIGNMENT_TYPE,
        json!({"Name": name, "Role": role, "RoleAssigneeName": assignee,
               "RoleAssigneeType": kind, "AssignmentMethod": "Direct",
               "EffectiveUserName": "All Group Members", "Enabled": true,
               "Identity": name, "Guid": guid}),
    )
}

fn get_assignments(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let store = backend.store();
    let conn = store.connection();
    let pattern = bound.text("Identity").unwrap_or_else(|| "*".to_string());
    let mut stmt = conn
        .prepare_cached(
            "SELECT name, guid, role, assignee, assignee_type FROM role_assignments
             WHERE (name LIKE ?1 ESCAPE '\\' OR guid = ?2)
               AND (?3 IS NULL OR role = ?3) AND (?4 IS NULL OR assignee = ?4)
             ORDER BY name",
        )
        .map_err(sql_error)?;
    let rows: Vec<_> = stmt
        .query_map(
            params![
                like(&pattern),
                pattern,
                bound.text("Role"),
                bound.text("RoleAssignee")
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .and_then(Iterator::collect)
        .map_err(sql_error)?;
    if rows.is_empty() && !pattern.contains('*') {
        return Err(not_found(&pattern, &store.org().server));
    }
    Ok(rows.into_iter().map(assignment_object).collect())
}

fn new_assignment(backend: &LocalBackend, bound: &Bound) -> Result<Vec<Object>, ExchangeError> {
    let role = bound.required_text("Role")?;
    let (assignee, kind) = match (
        bound.text("User"),
        bound.text("SecurityGroup"),
        bound.text("App"),
        bound.text("Policy"),
    ) {
        (Some(u), None, None, None) => (u, "User"),
        (None, Some(g), None, None) => (g, "SecurityGroup"),
        (None, None, Some(a), None) => (a, "App"),
        _ => {
            return Err(ExchangeError::invalid_argument(
                "AmbiguousParameterSet",
                "Parameter set cannot be resolved using the specified named parameters. Give one of -User, -SecurityGroup or -App.",
            ));
        }
    };
    backend.store().write(|tx, org| {
        let role: String = tx
            .query_row(
                "SELECT name FROM management_roles WHERE name = ?1",
                [&role],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?
            .ok_or_else(|| not_found(&role, &org.server))?;
        let assignee = match kind {
            "User" => member_upn(tx, &assignee, &org.server)?,
            _ => assignee.clone(),
        };
        let name = bound
            .text("Name")
            .unwrap_or_else(|| format!("{role}-{assignee}"));
        let guid = new_guid();
        let inserted = tx
            .execute(
                "INSERT OR IGNORE INTO role_assignments (name, guid, role, assignee, assignee_type, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![name, guid, role, assignee, kind, now_utc()],
            )
            .map_err(sql_error)?;
        if inserted == 0 {
            return Err(ExchangeError::invalid_operation(
                "ADObjectAlreadyExistsException",
                format!("The role assignment \"{name}\" already exists."),
            ));
        }
        Ok(vec![assignment_object((
            name,
            guid,
            role,
            assignee,
            kind.to_string(),
        ))])
    })
}
