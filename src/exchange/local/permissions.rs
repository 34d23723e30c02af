//! Mailbox permissions (Add/Get/Remove-MailboxPermission) and recipient permissions
//! (Add/Get/Remove-RecipientPermission): access control entries on the mailbox's
//! directory object, one per user, deny flag and inheritance, as Exchange keeps them.
//!
//! - Every mailbox lists first the entry of its own user (`NT AUTHORITY\SELF`: FullAccess
//!   and ReadPermission; SendAs), which is not stored and cannot be changed.
//! - Adding rights to a user who has an entry of the same kind adds them to it (as the
//!   directory merges access control entries); adding rights the entry already holds
//!   changes nothing and warns, as does removing rights it doesn't hold.
//! - An entry naming a removed (soft-deleted) user is kept, so that restoring the user
//!   restores their access, and listed only with `-IncludeSoftDeletedUserPermissions`;
//!   the entries on a removed mailbox come back with it.
//!
//! **decisions**: a mailbox's owner (`-Owner`) is `NAMPR01A001\JitUsers`, the forest's
//! account Exchange Online manages mailboxes with, until Add-MailboxPermission -Owner
//! gives it one. `-AutoMapping` is kept with the entry (no Outlook here opens it) and
//! Remove-MailboxPermission -ClearAutoMapping clears it.

use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value, json};

use super::entries::{
    PRINCIPAL_COLUMNS, Principal, SELF_ACCOUNT, SELF_SID, find_id, lifecycle, listed, resolve,
    shaped, texts,
};
use super::values::to_bool;
use super::{Bound, LocalBackend, identity_text};
use crate::exchange::identity::Lifecycle;
use crate::exchange::nouns::NounSpec;
use crate::exchange::nouns::recipients::{MAILBOXES, SECURITY_PRINCIPALS};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::{OrgInfo, sql_error};

/// Exchange's MailboxRights, with the values its flags enumeration gives them (the order
/// a list of rights is shown in).
const MAILBOX_RIGHTS: &[(&str, i64)] = &[
    ("FullAccess", 0x1),
    ("SendAs", 0x2),
    ("ExternalAccount", 0x4),
    ("DeleteItem", 0x1_0000),
    ("ReadPermission", 0x2_0000),
    ("ChangePermission", 0x4_0000),
    ("ChangeOwner", 0x8_0000),
];

/// What the mailbox's own user holds.
const SELF_RIGHTS: i64 = 0x1 | 0x2_0000;

/// The owner of a mailbox nobody gave one.
const DEFAULT_OWNER: &str = "NAMPR01A001\\JitUsers";

/// The one right of recipient permissions.
const SEND_AS: &str = "SendAs";

fn right_names(rights: i64) -> Value {
    json!(
        MAILBOX_RIGHTS
            .iter()
            .filter(|(_, bit)| rights & bit != 0)
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
    )
}

/// The rights `-AccessRights` names (already checked against MailboxRights).
fn rights_of(bound: &Bound) -> Result<i64, ExchangeError> {
    let mut rights = 0;
    for name in required_rights(bound)? {
        if name.eq_ignore_ascii_case(SEND_AS) {
            return Err(ExchangeError::invalid_argument(
                "InvalidMailboxRight",
                "The SendAs right isn't given with mailbox permissions in Exchange Online. Use Add-RecipientPermission -AccessRights SendAs instead.",
            )
            .with_target("AccessRights"));
        }
        rights |= MAILBOX_RIGHTS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&name))
            .map_or(0, |(_, bit)| *bit);
    }
    Ok(rights)
}

/// The users an entry list is narrowed to by `-User`/`-Trustee`.
enum UserFilter {
    All,
    OwnUser,
    Rid(i64),
}

impl UserFilter {
    fn of(
        conn: &Connection,
        bound: &Bound,
        parameter: &str,
        server: &str,
    ) -> Result<UserFilter, ExchangeError> {
        Ok(match bound.get(parameter).and_then(identity_text) {
            None => UserFilter::All,
            Some(text) if text.trim().eq_ignore_ascii_case(SELF_ACCOUNT) => UserFilter::OwnUser,
            Some(text) => UserFilter::Rid(
                resolve(conn, &text, Lifecycle::Any, SECURITY_PRINCIPALS, server)?.rid,
            ),
        })
    }
    fn own_user(&self) -> bool {
        matches!(self, UserFilter::All | UserFilter::OwnUser)
    }
    fn takes(&self, rid: i64) -> bool {
        match self {
            UserFilter::All => true,
            UserFilter::OwnUser => false,
            UserFilter::Rid(wanted) => *wanted == rid,
        }
    }
}

/// One stored mailbox permission, with the user it names.
struct Ace {
    user: Principal,
    deny: bool,
    inheritance: String,
    rights: i64,
}

fn aces(conn: &Connection, rid: i64) -> Result<Vec<Ace>, ExchangeError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT p.deny, p.inheritance, p.rights, {PRINCIPAL_COLUMNS} FROM mailbox_permissions p \
             JOIN recipients r ON r.rid = p.trustee WHERE p.rid = ?1 ORDER BY p.id"
        ))
        .map_err(sql_error)?;
    stmt.query_map([rid], |row| {
        Ok(Ace {
            deny: row.get(0)?,
            inheritance: row.get(1)?,
            rights: row.get(2)?,
            user: Principal::from_row(row, 3)?,
        })
    })
    .and_then(Iterator::collect)
    .map_err(sql_error)
}

fn ace_object(
    noun: &NounSpec,
    mailbox: &Principal,
    user: &str,
    sid: &str,
    deny: bool,
    inheritance: &str,
    rights: i64,
) -> Object {
    let mut values = Map::new();
    values.insert("AccessRights".into(), right_names(rights));
    values.insert("Deny".into(), json!(deny));
    values.insert("InheritanceType".into(), json!(inheritance));
    values.insert("User".into(), json!(user));
    values.insert("UserSid".into(), json!(sid));
    values.insert("Identity".into(), json!(mailbox.name));
    values.insert("IsInherited".into(), json!(false));
    shaped(noun, values)
}

/// Exchange's warning for an entry that is already there.
fn already_present(mailbox: &Principal, account: &str, org: &OrgInfo) -> String {
    format!(
        "The appropriate access control entry is already present on the object \"{}\" for account \"{account}\".",
        mailbox.dn(org)
    )
}

/// Exchange's warning for removing an entry that isn't there.
fn not_present(mailbox: &Principal, account: &str, org: &OrgInfo) -> String {
    format!(
        "Can't remove the access control entry on the object \"{}\" for account \"{account}\" because the ACE doesn't exist on the object.",
        mailbox.dn(org)
    )
}

/// The default mailbox permission of a mailbox's own user can't be changed here.
fn own_user_fixed(parameter: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "CannotChangeSelfPermission",
        format!(
            "The permission of {SELF_ACCOUNT} is the mailbox's own user's and can't be changed."
        ),
    )
    .with_target(parameter)
}

/// The user a change names (`-User`, `-Trustee`), which must be in use.
fn changed_user(
    conn: &Connection,
    bound: &Bound,
    parameter: &str,
    server: &str,
) -> Result<Principal, ExchangeError> {
    let text = bound.required_text(parameter)?;
    if text.trim().eq_ignore_ascii_case(SELF_ACCOUNT) {
        return Err(own_user_fixed(parameter));
    }
    resolve(conn, &text, Lifecycle::Active, SECURITY_PRINCIPALS, server)
}

impl LocalBackend {
    pub(super) fn get_mailbox_permissions(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        self.list_entries(bound, sink, |conn, org| {
            let mailboxes = listed(conn, bound, lifecycle(bound), MAILBOXES, &org.server)?;
            if bound.switch("Owner") {
                return mailboxes
                    .iter()
                    .map(|mailbox| owner_object(conn, mailbox))
                    .collect();
            }
            let users = UserFilter::of(conn, bound, "User", &org.server)?;
            let with_removed = bound.switch("IncludeSoftDeletedUserPermissions");
            let mut objects = Vec::new();
            for mailbox in &mailboxes {
                if users.own_user() {
                    objects.push(ace_object(
                        noun,
                        mailbox,
                        SELF_ACCOUNT,
                        SELF_SID,
                        false,
                        "All",
                        SELF_RIGHTS,
                    ));
                }
                for ace in aces(conn, mailbox.rid)? {
                    if users.takes(ace.user.rid) && (with_removed || !ace.user.removed) {
                        objects.push(ace_object(
                            noun,
                            mailbox,
                            &ace.user.upn,
                            &ace.user.sid(),
                            ace.deny,
                            &ace.inheritance,
                            ace.rights,
                        ));
                    }
                }
            }
            Ok(objects)
        })
    }

    pub(super) fn add_mailbox_permission(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        if bound.get("Owner").is_some() {
            return self.store().write_if(commit, |tx, org| {
                let mailbox = resolve(tx, &identity, Lifecycle::Active, MAILBOXES, &org.server)?;
                let owner = changed_user(tx, bound, "Owner", &org.server)?;
                tx.prepare_cached(
                    "INSERT INTO mailbox_owners (rid, owner) VALUES (?1, ?2) \
                     ON CONFLICT (rid) DO UPDATE SET owner = excluded.owner",
                )
                .and_then(|mut stmt| stmt.execute(params![mailbox.rid, owner.rid]))
                .map_err(sql_error)?;
                Ok(Vec::new())
            });
        }
        let rights = rights_of(bound)?;
        let deny = bound.switch("Deny");
        let inheritance = bound
            .text("InheritanceType")
            .unwrap_or_else(|| "All".to_string());
        let automapping = match bound.get("AutoMapping") {
            Some(value) => to_bool("AutoMapping", value)?,
            None => true,
        };
        self.add_entry(bound, sink, |tx, org| {
            let mailbox = resolve(tx, &identity, Lifecycle::Active, MAILBOXES, &org.server)?;
            let user = changed_user(tx, bound, "User", &org.server)?;
            let key = params![mailbox.rid, user.rid, deny, inheritance];
            let existing = tx
                .prepare_cached(
                    "SELECT id, rights FROM mailbox_permissions \
                     WHERE rid = ?1 AND trustee = ?2 AND deny = ?3 AND inheritance = ?4",
                )
                .and_then(|mut stmt| {
                    stmt.query_row(key, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                        .optional()
                })
                .map_err(sql_error)?;
            let written = match existing {
                Some((_, held)) if held & rights == rights => {
                    return Ok((None, vec![already_present(&mailbox, &user.upn, org)]));
                }
                Some((id, held)) => tx.execute(
                    "UPDATE mailbox_permissions SET rights = ?2, automapping = ?3 WHERE id = ?1",
                    params![id, held | rights, automapping],
                ),
                None => tx.execute(
                    "INSERT INTO mailbox_permissions (rid, trustee, deny, inheritance, rights, automapping) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![mailbox.rid, user.rid, deny, inheritance, rights, automapping],
                ),
            };
            written.map_err(sql_error)?;
            let object = ace_object(
                noun,
                &mailbox,
                &user.upn,
                &user.sid(),
                deny,
                &inheritance,
                rights,
            );
            Ok((Some(object), Vec::new()))
        })
    }

    pub(super) fn remove_mailbox_permission(
        &self,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let commit = !bound.switch("WhatIf");
        let mailboxes = lifecycle(bound);
        self.store().write_if(commit, |tx, org| {
            let mailbox = resolve(tx, &identity, mailboxes, MAILBOXES, &org.server)?;
            if bound.switch("ResetDefault") {
                tx.execute(
                    "DELETE FROM mailbox_permissions WHERE rid = ?1",
                    [mailbox.rid],
                )
                .map_err(sql_error)?;
                return Ok(Vec::new());
            }
            if bound.switch("ClearAutoMapping") {
                tx.execute(
                    "UPDATE mailbox_permissions SET automapping = 0 WHERE rid = ?1",
                    [mailbox.rid],
                )
                .map_err(sql_error)?;
                return Ok(Vec::new());
            }
            let rights = rights_of(bound)?;
            let deny = bound.switch("Deny");
            let inheritance = bound
                .text("InheritanceType")
                .unwrap_or_else(|| "All".to_string());
            let user = changed_user(tx, bound, "User", &org.server)?;
            let existing = tx
                .prepare_cached(
                    "SELECT id, rights FROM mailbox_permissions \
                     WHERE rid = ?1 AND trustee = ?2 AND deny = ?3 AND inheritance = ?4",
                )
                .and_then(|mut stmt| {
                    stmt.query_row(params![mailbox.rid, user.rid, deny, inheritance], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                    })
                    .optional()
                })
                .map_err(sql_error)?;
            match existing {
                Some((id, held)) if held & rights != 0 => {
                    let left = held & !rights;
                    if left == 0 {
                        tx.execute("DELETE FROM mailbox_permissions WHERE id = ?1", [id])
                    } else {
                        tx.execute(
                            "UPDATE mailbox_permissions SET rights = ?2 WHERE id = ?1",
                            params![id, left],
                        )
                    }
                    .map_err(sql_error)?;
                    Ok(Vec::new())
                }
                _ => Ok(vec![not_present(&mailbox, &user.upn, org)]),
            }
        })
    }

    pub(super) fn get_recipient_permissions(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        check_send_as(&texts(bound.get("AccessRights")))?;
        self.list_entries(bound, sink, |conn, org| {
            let recipients = listed(conn, bound, Lifecycle::Active, &[], &org.server)?;
            let users = UserFilter::of(conn, bound, "Trustee", &org.server)?;
            let mut objects = Vec::new();
            for recipient in &recipients {
                if users.own_user() {
                    objects.push(send_as_object(noun, recipient, SELF_ACCOUNT));
                }
                for user in send_as_trustees(conn, recipient.rid)? {
                    if users.takes(user.rid) && !user.removed {
                        objects.push(send_as_object(noun, recipient, &user.upn));
                    }
                }
            }
            Ok(objects)
        })
    }

    pub(super) fn add_recipient_permission(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        check_send_as(&required_rights(bound)?)?;
        self.add_entry(bound, sink, |tx, org| {
            let recipient = resolve(tx, &identity, Lifecycle::Active, &[], &org.server)?;
            let user = changed_user(tx, bound, "Trustee", &org.server)?;
            let inserted = tx
                .execute(
                    "INSERT INTO recipient_permissions (rid, trustee) VALUES (?1, ?2) \
                     ON CONFLICT (rid, trustee) DO NOTHING",
                    params![recipient.rid, user.rid],
                )
                .map_err(sql_error)?;
            Ok(if inserted == 0 {
                (None, vec![already_present(&recipient, &user.upn, org)])
            } else {
                (
                    Some(send_as_object(noun, &recipient, &user.upn)),
                    Vec::new(),
                )
            })
        })
    }

    pub(super) fn remove_recipient_permission(
        &self,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        check_send_as(&required_rights(bound)?)?;
        let commit = !bound.switch("WhatIf");
        let deny = bound.switch("Deny");
        self.store().write_if(commit, |tx, org| {
            let recipient = resolve(tx, &identity, Lifecycle::Active, &[], &org.server)?;
            let user = changed_user(tx, bound, "Trustee", &org.server)?;
            let removed = if deny {
                0
            } else {
                tx.execute(
                    "DELETE FROM recipient_permissions WHERE rid = ?1 AND trustee = ?2",
                    params![recipient.rid, user.rid],
                )
                .map_err(sql_error)?
            };
            Ok(if removed == 0 {
                vec![not_present(&recipient, &user.upn, org)]
            } else {
                Vec::new()
            })
        })
    }
}

/// A mailbox's owner, as `-Owner` shows it.
fn owner_object(conn: &Connection, mailbox: &Principal) -> Result<Object, ExchangeError> {
    let owner = find_id(
        conn,
        "SELECT owner FROM mailbox_owners WHERE rid = ?1",
        [mailbox.rid],
    )?
    .map(|rid| Principal::read(conn, rid))
    .transpose()?;
    let mut object = Object::new();
    object.insert(
        crate::exchange::request::TYPE_ANNOTATION.to_string(),
        json!("#Microsoft.Exchange.Management.RecipientTasks.OwnerPresentationObject"),
    );
    object.insert("Identity".into(), json!(mailbox.name));
    object.insert(
        "Owner".into(),
        json!(owner.map_or_else(|| DEFAULT_OWNER.to_string(), |o| o.upn)),
    );
    Ok(object)
}

/// The users a recipient's stored SendAs entries name, in the order they were given.
fn send_as_trustees(conn: &Connection, rid: i64) -> Result<Vec<Principal>, ExchangeError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM recipient_permissions p \
             JOIN recipients r ON r.rid = p.trustee WHERE p.rid = ?1 ORDER BY p.id"
        ))
        .map_err(sql_error)?;
    stmt.query_map([rid], |row| Principal::from_row(row, 0))
        .and_then(Iterator::collect)
        .map_err(sql_error)
}

fn send_as_object(noun: &NounSpec, recipient: &Principal, trustee: &str) -> Object {
    let mut values = Map::new();
    values.insert("Identity".into(), json!(recipient.name));
    values.insert("Trustee".into(), json!(trustee));
    values.insert("AccessControlType".into(), json!("Allow"));
    values.insert("AccessRights".into(), json!([SEND_AS]));
    values.insert("IsInherited".into(), json!(false));
    values.insert("InheritanceType".into(), json!("None"));
    shaped(noun, values)
}

/// `-AccessRights` of a cmdlet that needs it.
fn required_rights(bound: &Bound) -> Result<Vec<String>, ExchangeError> {
    let rights = texts(bound.get("AccessRights"));
    if rights.is_empty() {
        return Err(missing_rights());
    }
    Ok(rights)
}

fn missing_rights() -> ExchangeError {
    ExchangeError::invalid_argument(
        "MissingMandatoryParameter",
        "Cannot process command because of one or more missing mandatory parameters: AccessRights.",
    )
}

/// Recipient permissions hold one right: SendAs.
fn check_send_as(rights: &[String]) -> Result<(), ExchangeError> {
    match rights.iter().find(|r| !r.eq_ignore_ascii_case(SEND_AS)) {
        Some(other) => Err(ExchangeError::invalid_argument(
            "CannotConvertArgumentNoMessage",
            format!(
                "Cannot bind parameter 'AccessRights'. Cannot convert value \"{other}\" to type \"Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight\". Error: \"Unable to match the identifier name {other} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{SEND_AS}\""
            ),
        )
        .with_target("AccessRights")),
        None => Ok(()),
    }
}
