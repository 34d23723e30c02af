//! Mailbox folder permissions (Add/Get/Set/Remove-MailboxFolderPermission): who may
//! see a folder of a mailbox and what they may do there.
//!
//! Every folder has an entry for `Default` (everyone in the organisation: the calendar
//! shows them free/busy times, `AvailabilityOnly`; other folders nothing, `None`) and
//! one for `Anonymous` (people outside it: `None`); Add-MailboxFolderPermission gives a
//! user an entry of their own. Rights are kept as MAPI numbers them and shown as the
//! role they make up (`Reviewer` is ReadItems and FolderVisible), else one by one.
//!
//! **decisions**: removing the Default or Anonymous entry gives it back what a new
//! mailbox has (the entries always exist); `-SendNotificationToUser $true` is accepted
//! where Exchange accepts it and sends nothing (the local organisation has no mail);
//! the words of the errors for combinations Exchange refuses (a calendar role on another
//! folder, delegate flags other than with Editor on a calendar) are exosh's.

use std::ops::ControlFlow;

use rusqlite::{Connection, params};
use serde_json::{Map, Value, json};

use super::entries::{PRINCIPAL_COLUMNS, Principal, find_id, resolve, shaped, texts};
use super::folders::{self, Folder, folder_not_found, split_identity};
use super::recipients::requested_identity;
use super::values::to_bool;
use super::{Bound, LocalBackend, identity_text, no_change_warning};
use crate::exchange::identity::Lifecycle;
use crate::exchange::nouns::NounSpec;
use crate::exchange::nouns::recipients::{MAILBOXES, SECURITY_PRINCIPALS};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::sql_error;

/// The folder rights, as MAPI numbers them (the order a list of them is shown in).
const FOLDER_RIGHTS: &[(&str, i64)] = &[
    ("ReadItems", 0x1),
    ("CreateItems", 0x2),
    ("EditOwnedItems", 0x8),
    ("DeleteOwnedItems", 0x10),
    ("EditAllItems", 0x20),
    ("DeleteAllItems", 0x40),
    ("CreateSubfolders", 0x80),
    ("FolderOwner", 0x100),
    ("FolderContact", 0x200),
    ("FolderVisible", 0x400),
];
const FREE_BUSY_SIMPLE: i64 = 0x800;
const FREE_BUSY_DETAILED: i64 = 0x1000;

const READ: i64 = 0x1;
const CREATE: i64 = 0x2;
const EDIT_OWNED: i64 = 0x8;
const DELETE_OWNED: i64 = 0x10;
const EDIT_ALL: i64 = 0x20;
const DELETE_ALL: i64 = 0x40;
const SUBFOLDERS: i64 = 0x80;
const OWNER: i64 = 0x100;
const CONTACT: i64 = 0x200;
const VISIBLE: i64 = 0x400;

/// The roles, each the rights it gives (the reference's lists).
const ROLES: &[(&str, i64)] = &[
    ("None", 0),
    (
        "Owner",
        READ | CREATE
            | EDIT_OWNED
            | DELETE_OWNED
            | EDIT_ALL
            | DELETE_ALL
            | SUBFOLDERS
            | OWNER
            | CONTACT
            | VISIBLE,
    ),
    (
        "PublishingEditor",
        READ | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ALL | DELETE_ALL | SUBFOLDERS | VISIBLE,
    ),
    (
        "Editor",
        READ | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ALL | DELETE_ALL | VISIBLE,
    ),
    (
        "PublishingAuthor",
        READ | CREATE | EDIT_OWNED | DELETE_OWNED | SUBFOLDERS | VISIBLE,
    ),
    (
        "Author",
        READ | CREATE | EDIT_OWNED | DELETE_OWNED | VISIBLE,
    ),
    ("NonEditingAuthor", READ | CREATE | DELETE_OWNED | VISIBLE),
    ("Reviewer", READ | VISIBLE),
    ("Contributor", CREATE | VISIBLE),
    ("AvailabilityOnly", FREE_BUSY_SIMPLE),
    ("LimitedDetails", FREE_BUSY_SIMPLE | FREE_BUSY_DETAILED),
];

/// The roles only a calendar takes.
const CALENDAR_ROLES: &[&str] = &["AvailabilityOnly", "LimitedDetails"];

/// SharingPermissionFlags.
const DELEGATE: i64 = 0x1;
const CAN_VIEW_PRIVATE_ITEMS: i64 = 0x2;
const FLAGS: &[(&str, i64)] = &[
    ("None", 0),
    ("Delegate", DELEGATE),
    ("CanViewPrivateItems", CAN_VIEW_PRIVATE_ITEMS),
];

fn mask_of(names: &[String], table: &[(&str, i64)]) -> i64 {
    names.iter().fold(0, |mask, name| {
        mask | table
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or(0, |(_, bits)| *bits)
    })
}

/// What `-AccessRights` gives: roles and single rights together.
fn rights_of(names: &[String]) -> i64 {
    mask_of(names, ROLES) | mask_of(names, FOLDER_RIGHTS)
}

/// Rights as shown: the role they make up, else each right.
fn right_names(rights: i64) -> Value {
    if let Some((role, _)) = ROLES.iter().find(|(_, bits)| *bits == rights) {
        return json!([role]);
    }
    json!(
        FOLDER_RIGHTS
            .iter()
            .filter(|(_, bit)| rights & bit != 0)
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
    )
}

fn flags_text(flags: i64) -> Value {
    let names: Vec<&str> = FLAGS
        .iter()
        .filter(|(_, bit)| *bit != 0 && flags & bit != 0)
        .map(|(name, _)| *name)
        .collect();
    match names.is_empty() {
        true => Value::Null,
        false => json!(names.join(", ")),
    }
}

/// Who an entry is for.
enum Who {
    Default,
    Anonymous,
    User(Principal),
}

impl Who {
    /// The user a `-User` text names.
    fn of(conn: &Connection, text: &str, server: &str) -> Result<Who, ExchangeError> {
        let text = text.trim();
        Ok(if text.eq_ignore_ascii_case("Default") {
            Who::Default
        } else if text.eq_ignore_ascii_case("Anonymous") {
            Who::Anonymous
        } else {
            Who::User(resolve(
                conn,
                text,
                Lifecycle::Active,
                SECURITY_PRINCIPALS,
                server,
            )?)
        })
    }

    fn shown(&self) -> &str {
        match self {
            Who::Default => "Default",
            Who::Anonymous => "Anonymous",
            Who::User(user) => &user.display,
        }
    }

    /// The stored row's principal column and trustee.
    fn key(&self) -> (&'static str, Option<i64>) {
        match self {
            Who::Default => ("Default", None),
            Who::Anonymous => ("Anonymous", None),
            Who::User(user) => ("User", Some(user.rid)),
        }
    }

    fn is(&self, other: &Who) -> bool {
        self.key() == other.key()
    }

    /// What a new mailbox gives it on a folder.
    fn built_in(&self, folder: &Folder) -> Option<i64> {
        match self {
            Who::Default if folder.is_calendar() => Some(FREE_BUSY_SIMPLE),
            Who::Default | Who::Anonymous => Some(0),
            Who::User(_) => None,
        }
    }
}

/// One entry of a folder's list.
struct Entry {
    who: Who,
    rights: i64,
    flags: i64,
}

/// A folder's entries: Default and Anonymous, then each user's in the order given.
fn entries(
    conn: &Connection,
    mailbox: &Principal,
    folder: &Folder,
) -> Result<Vec<Entry>, ExchangeError> {
    let mut stored: Vec<(String, i64, i64, Option<Principal>)> = conn
        .prepare_cached(&format!(
            "SELECT p.principal, p.rights, p.flags, {PRINCIPAL_COLUMNS} FROM folder_permissions p \
             LEFT JOIN recipients r ON r.rid = p.trustee \
             WHERE p.rid = ?1 AND p.folder = ?2 ORDER BY p.id"
        ))
        .and_then(|mut stmt| {
            stmt.query_map(params![mailbox.rid, folder.path], |row| {
                let trustee: Option<i64> = row.get(3)?;
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    trustee.map(|_| Principal::from_row(row, 3)).transpose()?,
                ))
            })?
            .collect()
        })
        .map_err(sql_error)?;
    let mut list = Vec::new();
    for who in [Who::Default, Who::Anonymous] {
        let (name, _) = who.key();
        let (rights, flags) = match stored.iter().position(|(p, ..)| p == name) {
            Some(i) => {
                let (_, rights, flags, _) = stored.remove(i);
                (rights, flags)
            }
            None => (who.built_in(folder).unwrap_or(0), 0),
        };
        list.push(Entry { who, rights, flags });
    }
    for (_, rights, flags, user) in stored {
        if let Some(user) = user.filter(|u| !u.removed) {
            list.push(Entry {
                who: Who::User(user),
                rights,
                flags,
            });
        }
    }
    Ok(list)
}

fn entry_object(noun: &NounSpec, mailbox: &Principal, folder: &Folder, entry: &Entry) -> Object {
    let mut values = Map::new();
    values.insert("FolderName".into(), json!(folder.name));
    values.insert("User".into(), json!(entry.who.shown()));
    values.insert("AccessRights".into(), right_names(entry.rights));
    values.insert("SharingPermissionFlags".into(), flags_text(entry.flags));
    values.insert(
        "Identity".into(),
        json!(format!("{}:\\{}", mailbox.name, folder.path)),
    );
    shaped(noun, values)
}

fn entry_exists(who: &Who) -> ExchangeError {
    ExchangeError::invalid_operation(
        "UserAlreadyExistsInPermissionEntryException",
        format!(
            "An existing permission entry was found for user: {}.",
            who.shown()
        ),
    )
}

fn entry_missing(who: &Who) -> ExchangeError {
    ExchangeError::invalid_operation(
        "UserNotFoundInPermissionEntryException",
        format!(
            "There is no existing permission entry found for user: {}.",
            who.shown()
        ),
    )
}

fn refused(error_id: &str, message: String) -> ExchangeError {
    ExchangeError::invalid_argument(error_id, message)
}

/// The folder and mailbox a command names, which must exist.
fn named_folder(
    conn: &Connection,
    identity: &str,
    server: &str,
) -> Result<(Principal, Folder), ExchangeError> {
    let (mailbox, path) = split_identity(identity);
    let mailbox = resolve(conn, &mailbox, Lifecycle::Active, MAILBOXES, server)?;
    let folder =
        folders::find(conn, mailbox.rid, &path)?.ok_or_else(|| folder_not_found(identity))?;
    Ok((mailbox, folder))
}

/// The rights and flags an Add or Set gives, checked as Exchange checks them.
fn asked(bound: &Bound, folder: &Folder, who: &Who) -> Result<(i64, i64), ExchangeError> {
    let names = texts(bound.get("AccessRights"));
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err(refused(
            "MissingMandatoryParameter",
            "Cannot process command because of one or more missing mandatory parameters: AccessRights.".to_string(),
        ));
    }
    if let Some(role) = names
        .iter()
        .find(|n| CALENDAR_ROLES.iter().any(|r| r.eq_ignore_ascii_case(n)) && !folder.is_calendar())
    {
        return Err(refused(
            "InvalidCalendarRole",
            format!("The role {role} can be given only on a calendar folder."),
        ));
    }
    let rights = rights_of(&names);
    let flags = mask_of(&texts(bound.get("SharingPermissionFlags")), FLAGS);
    if flags != 0 {
        let problem = if !folder.is_calendar() {
            Some("SharingPermissionFlags can be given only on a calendar folder.")
        } else if !matches!(who, Who::User(_)) {
            Some("SharingPermissionFlags can be given only to a user.")
        } else if right_names(rights) != json!(["Editor"]) {
            Some("SharingPermissionFlags can be given only with the Editor role.")
        } else if flags & DELEGATE == 0 {
            Some("CanViewPrivateItems can be given only together with Delegate.")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(refused(
                "InvalidSharingPermissionFlags",
                problem.to_string(),
            ));
        }
    }
    let notify = match bound.get("SendNotificationToUser") {
        Some(value) => to_bool("SendNotificationToUser", value)?,
        None => false,
    };
    let shared_role = ["AvailabilityOnly", "LimitedDetails", "Reviewer", "Editor"]
        .iter()
        .any(|r| right_names(rights) == json!([r]));
    if notify && !(folder.is_calendar() && shared_role) {
        return Err(refused(
            "InvalidSendNotificationToUser",
            "SendNotificationToUser can be used only on a calendar folder, with the AvailabilityOnly, LimitedDetails, Reviewer or Editor role.".to_string(),
        ));
    }
    Ok((rights, flags))
}

/// The stored row of an entry, when it has one.
fn stored_id(
    conn: &Connection,
    mailbox: &Principal,
    folder: &Folder,
    who: &Who,
) -> Result<Option<i64>, ExchangeError> {
    let (principal, trustee) = who.key();
    find_id(
        conn,
        "SELECT id FROM folder_permissions WHERE rid = ?1 AND folder = ?2 AND principal = ?3 \
         AND IFNULL(trustee, 0) = IFNULL(?4, 0)",
        params![mailbox.rid, folder.path, principal, trustee],
    )
}

fn write_entry(
    conn: &Connection,
    mailbox: &Principal,
    folder: &Folder,
    who: &Who,
    rights: i64,
    flags: i64,
) -> Result<(), ExchangeError> {
    let (principal, trustee) = who.key();
    match stored_id(conn, mailbox, folder, who)? {
        Some(id) => conn.execute(
            "UPDATE folder_permissions SET rights = ?2, flags = ?3 WHERE id = ?1",
            params![id, rights, flags],
        ),
        None => conn.execute(
            "INSERT INTO folder_permissions (rid, folder, principal, trustee, rights, flags) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![mailbox.rid, folder.path, principal, trustee, rights, flags],
        ),
    }
    .map_err(sql_error)?;
    Ok(())
}

impl LocalBackend {
    pub(super) fn get_folder_permissions(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = match requested_identity(bound) {
            Some(identity) => identity,
            None => bound.required_text("Identity")?,
        };
        self.list_entries(bound, sink, |conn, org| {
            let (mailbox, folder) = named_folder(conn, &identity, &org.server)?;
            let folder = &folder;
            let wanted = bound
                .get("User")
                .and_then(identity_text)
                .map(|text| Who::of(conn, &text, &org.server))
                .transpose()?;
            let list = entries(conn, &mailbox, folder)?;
            if let Some(who) = wanted
                .as_ref()
                .filter(|w| !list.iter().any(|e| e.who.is(w)))
            {
                return Err(entry_missing(who));
            }
            Ok(list
                .iter()
                .filter(|e| wanted.as_ref().is_none_or(|w| e.who.is(w)))
                .map(|e| entry_object(noun, &mailbox, folder, e))
                .collect())
        })
    }

    pub(super) fn add_folder_permission(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let user = bound.required_text("User")?;
        self.add_entry(bound, sink, |tx, org| {
            let (mailbox, folder) = named_folder(tx, &identity, &org.server)?;
            let folder = &folder;
            let who = Who::of(tx, &user, &org.server)?;
            let (rights, flags) = asked(bound, folder, &who)?;
            if who.built_in(folder).is_some() || stored_id(tx, &mailbox, folder, &who)?.is_some() {
                return Err(entry_exists(&who));
            }
            write_entry(tx, &mailbox, folder, &who, rights, flags)?;
            let entry = Entry { who, rights, flags };
            Ok((
                Some(entry_object(noun, &mailbox, folder, &entry)),
                Vec::new(),
            ))
        })
    }

    pub(super) fn set_folder_permission(
        &self,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let user = bound.required_text("User")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let (mailbox, folder) = named_folder(tx, &identity, &org.server)?;
            let folder = &folder;
            let who = Who::of(tx, &user, &org.server)?;
            let (rights, flags) = asked(bound, folder, &who)?;
            let current = entries(tx, &mailbox, folder)?
                .into_iter()
                .find(|e| e.who.is(&who))
                .ok_or_else(|| entry_missing(&who))?;
            if (current.rights, current.flags) == (rights, flags) {
                return Ok(vec![no_change_warning(&format!(
                    "{}:\\{}",
                    mailbox.name, folder.path
                ))]);
            }
            write_entry(tx, &mailbox, folder, &who, rights, flags)?;
            Ok(Vec::new())
        })
    }

    pub(super) fn remove_folder_permission(
        &self,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let (mailbox, folder) = named_folder(tx, &identity, &org.server)?;
            let folder = &folder;
            let Some(user) = bound.get("User").and_then(identity_text) else {
                // -ResetDelegateUserCollection: nobody is a delegate any more.
                tx.execute(
                    "UPDATE folder_permissions SET flags = 0 WHERE rid = ?1 AND folder = ?2",
                    params![mailbox.rid, folder.path],
                )
                .map_err(sql_error)?;
                return Ok(Vec::new());
            };
            let who = Who::of(tx, &user, &org.server)?;
            match stored_id(tx, &mailbox, folder, &who)? {
                Some(id) => {
                    tx.execute("DELETE FROM folder_permissions WHERE id = ?1", [id])
                        .map_err(sql_error)?;
                }
                None if who.built_in(folder).is_some() => {}
                None => return Err(entry_missing(&who)),
            }
            Ok(Vec::new())
        })
    }
}
