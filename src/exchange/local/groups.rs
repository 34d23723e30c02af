//! Groups in the local organisation: New-DistributionGroup, the settings of
//! Set-DistributionGroup that are not the group row's own (its owners, whether it is a
//! room list), and the links between groups and recipients (Get/Add/Remove/
//! Update-DistributionGroupMember). A link is a row of `group_links`: the group, the
//! recipient, and what the recipient is to the group (a member, an owner).
//!
//! **decisions**: a new group's owner is the person running the command when they are a
//! user of the organisation, as in Exchange Online, and nobody otherwise (the local
//! shell's user has no mailbox); every administrator here may change every group, so
//! `-BypassSecurityGroupManagerCheck` changes nothing. A member removed with its mailbox
//! stays a member while the mailbox is soft-deleted (Get-DistributionGroupMember
//! -IncludeSoftDeletedObjects lists it), and goes when it is purged.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params};
use serde_json::{Map, Value};

use super::entries::texts;
use super::recipient_changes::{
    NewRecipient, alias_from, apply_settings, check_name_free, purge_expired,
};
use super::recipients::{Context, Plan, RecipientRow, layout_of, read_recipient, render};
use super::values::multi_value;
use super::{Bound, LocalBackend, not_local};
use crate::exchange::identity::{self, Lifecycle, reference_missing, scope};
use crate::exchange::nouns::recipients::{
    DirectoryClass, RECIPIENT, ROOM_LIST, ROOM_MAILBOX, UNIVERSAL_DISTRIBUTION_GROUP,
    UNIVERSAL_SECURITY_GROUP, USERS, recipient_kind,
};
use crate::exchange::nouns::{Link, LinkSource, Links, NounSpec, Op};
use crate::exchange::request::{ErrorCode, ExchangeError, Object};
use crate::exchange::store::{OrgInfo, now_utc, sql_error};

/// Parameters of the group cmdlets that are not settings of the group row: its links, its
/// kind, and switches that only steer the command.
pub(super) const GROUP_PARAMETERS: &[&str] = &[
    "ManagedBy",
    "Members",
    "Type",
    "RoomList",
    "CopyOwnerToMember",
    "IgnoreNamingPolicy",
    "BypassSecurityGroupManagerCheck",
    "OrganizationalUnit",
    "ForceUpgrade",
    "UpdateMemberCount",
    "ResetMigrationToUnifiedGroup",
];

/// What a new group takes from its own parameters rather than as settings.
const NAMING_PARAMETERS: &[&str] = &["Name", "Alias", "DisplayName", "PrimarySmtpAddress"];

/// Who can be a member of a distribution group: users, groups of the same family.
const MEMBER_KINDS: &[&str] = &[
    "UserMailbox",
    "SharedMailbox",
    "RoomMailbox",
    "MailUser",
    "GuestMailUser",
    UNIVERSAL_DISTRIBUTION_GROUP,
    UNIVERSAL_SECURITY_GROUP,
    ROOM_LIST,
];

/// Whether a noun's recipients are groups.
pub(super) fn is_group_noun(noun: &NounSpec) -> bool {
    let kinds = layout_of(noun).kinds;
    !kinds.is_empty()
        && kinds
            .iter()
            .all(|k| recipient_kind(k).is_some_and(|k| k.class == DirectoryClass::Group))
}

/// The one recipient of `kinds` another parameter names (`-Member`, `-ManagedBy`), or
/// Exchange's error for a name that finds none.
fn resolve_named(
    tx: &Connection,
    text: &str,
    kinds: &[&str],
    server: &str,
) -> Result<i64, ExchangeError> {
    identity::resolve_recipient(tx, &scope(Lifecycle::Active, kinds), text, server).map_err(
        |error| match error.code {
            ErrorCode::NotFound => reference_missing(text),
            _ => error,
        },
    )
}

/// The recipients linked to a group in this way, in the order they were linked.
fn linked(
    conn: &Connection,
    group: i64,
    link: Link,
    removed_too: bool,
) -> Result<Vec<i64>, ExchangeError> {
    conn.prepare_cached(
        "SELECT l.member FROM group_links l JOIN recipients r ON r.rid = l.member \
         WHERE l.grp = ?1 AND l.link = ?2 AND (?3 OR r.\"WhenSoftDeleted\" IS NULL) \
         ORDER BY l.rowid",
    )
    .and_then(|mut stmt| {
        stmt.query_map(params![group, link.name(), removed_too], |r| r.get(0))?
            .collect()
    })
    .map_err(sql_error)
}

/// Links a recipient to a group; false when it was linked already.
fn link(tx: &Connection, group: i64, member: i64, link: Link) -> Result<bool, ExchangeError> {
    tx.prepare_cached("INSERT OR IGNORE INTO group_links (grp, member, link) VALUES (?1, ?2, ?3)")
        .and_then(|mut stmt| stmt.execute(params![group, member, link.name()]))
        .map(|n| n > 0)
        .map_err(sql_error)
}

/// Unlinks a recipient from a group; false when it wasn't linked.
fn unlink(tx: &Connection, group: i64, member: i64, link: Link) -> Result<bool, ExchangeError> {
    tx.prepare_cached("DELETE FROM group_links WHERE grp = ?1 AND member = ?2 AND link = ?3")
        .and_then(|mut stmt| stmt.execute(params![group, member, link.name()]))
        .map(|n| n > 0)
        .map_err(sql_error)
}

/// Marks a group changed now (a change of its links is a change of the group).
fn touch(tx: &Connection, group: i64) -> Result<(), ExchangeError> {
    tx.prepare_cached("UPDATE recipients SET \"WhenChangedUTC\" = ?2 WHERE rid = ?1")
        .and_then(|mut stmt| stmt.execute(params![group, now_utc()]))
        .map_err(sql_error)?;
    Ok(())
}

/// Refuses a member a group can't hold: a room list holds room mailboxes and room lists
/// only.
fn check_member(tx: &Connection, group: &RecipientRow, member: i64) -> Result<(), ExchangeError> {
    if member == group.rid {
        return Err(own_member(&group.text("Name")));
    }
    if group
        .text("RecipientTypeDetails")
        .eq_ignore_ascii_case(ROOM_LIST)
    {
        check_room(tx, &group.text("Name"), member)?;
    }
    Ok(())
}

/// Refuses a recipient that isn't a room as a member of a room list.
fn check_room(tx: &Connection, room_list: &str, member: i64) -> Result<(), ExchangeError> {
    let row = read_recipient(tx, member)?;
    match row.text("RecipientTypeDetails").as_str() {
        ROOM_MAILBOX | ROOM_LIST => Ok(()),
        _ => Err(not_a_room(room_list, &row.text("Name"))),
    }
}

/// **decision**: the wording (the reference says a room list holds room mailboxes only).
fn not_a_room(group: &str, member: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "RoomListMemberNotRoomException",
        format!(
            "The room list \"{group}\" can only have room mailboxes as members, and \"{member}\" isn't one."
        ),
    )
    .with_target(member)
}

/// The error for a recipient added twice.
fn already_member(member: &str, group: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::BadRequest,
        "MemberAlreadyExistsException",
        "NotSpecified",
        format!("The recipient \"{member}\" is already a member of the group \"{group}\"."),
    )
    .with_target(member)
}

/// The error for removing a recipient that isn't a member.
fn not_member(member: &str, group: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::BadRequest,
        "MemberNotFoundException",
        "NotSpecified",
        format!("The recipient \"{member}\" isn't a member of the group \"{group}\"."),
    )
    .with_target(member)
}

/// **decision**: the wording of a group named as its own member.
fn own_member(group: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "GroupMemberOfItselfException",
        format!("The group \"{group}\" can't be a member of itself."),
    )
    .with_target(group)
}

/// Makes `members` the group's links of a kind, in order, each one once.
fn replace_links(
    tx: &Connection,
    group: i64,
    link: Link,
    members: &[i64],
) -> Result<(), ExchangeError> {
    tx.prepare_cached("DELETE FROM group_links WHERE grp = ?1 AND link = ?2")
        .and_then(|mut stmt| stmt.execute(params![group, link.name()]))
        .map_err(sql_error)?;
    for member in members {
        self::link(tx, group, *member, link)?;
    }
    Ok(())
}

/// The owners `-ManagedBy` names: a list replaces them, `@{Add=...; Remove=...}` changes
/// them.
fn owners_named(
    tx: &Connection,
    group: i64,
    value: &Value,
    server: &str,
) -> Result<Vec<i64>, ExchangeError> {
    let current: Vec<String> = linked(tx, group, Link::Owners, false)?
        .into_iter()
        .map(|rid| read_recipient(tx, rid).map(|row| row.text("Name")))
        .collect::<Result<_, _>>()?;
    let mut owners: Vec<i64> = Vec::new();
    for name in multi_value("ManagedBy", &current, value)? {
        let rid = resolve_named(tx, &name, USERS, server)?;
        if !owners.contains(&rid) {
            owners.push(rid);
        }
    }
    Ok(owners)
}

/// The group settings Set-DistributionGroup changes besides the row's own: `-ManagedBy`
/// (its owners) and `-RoomList` (it becomes a room list, when its members are all rooms).
/// Returns whether anything changed.
pub(super) fn apply_group_settings(
    tx: &Connection,
    org: &OrgInfo,
    row: &RecipientRow,
    bound: &Bound,
) -> Result<bool, ExchangeError> {
    let mut changed = false;
    if let Some(value) = bound.get("ManagedBy") {
        let owners = owners_named(tx, row.rid, value, &org.server)?;
        if owners != linked(tx, row.rid, Link::Owners, false)? {
            replace_links(tx, row.rid, Link::Owners, &owners)?;
            changed = true;
        }
    }
    if bound.switch("RoomList") && row.text("RecipientTypeDetails") != ROOM_LIST {
        for member in linked(tx, row.rid, Link::Members, true)? {
            check_room(tx, &row.text("Name"), member)?;
        }
        tx.prepare_cached("UPDATE recipients SET \"RecipientTypeDetails\" = ?2 WHERE rid = ?1")
            .and_then(|mut stmt| stmt.execute(params![row.rid, ROOM_LIST]))
            .map_err(sql_error)?;
        changed = true;
    }
    if changed {
        touch(tx, row.rid)?;
    }
    Ok(changed)
}

/// New-DistributionGroup: a distribution group (`-Type Security`: a mail-enabled security
/// group; `-RoomList`: a room list) with the noun's default settings, the settings given,
/// its owners and members.
fn create_group(
    tx: &Connection,
    org: &OrgInfo,
    noun: &'static NounSpec,
    bound: &Bound,
    creator: Option<&str>,
) -> Result<i64, ExchangeError> {
    let name = bound.required_text("Name")?;
    purge_expired(tx)?;
    check_name_free(tx, &name, None)?;
    let security = bound
        .text("Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("Security"));
    let details = if bound.switch("RoomList") {
        ROOM_LIST
    } else if security {
        UNIVERSAL_SECURITY_GROUP
    } else {
        UNIVERSAL_DISTRIBUTION_GROUP
    };
    let alias = bound.text("Alias").unwrap_or_else(|| alias_from(&name));
    let new = NewRecipient {
        primary: bound
            .text("PrimarySmtpAddress")
            .unwrap_or_else(|| format!("{alias}@{}", org.domain)),
        display: bound.text("DisplayName").unwrap_or_else(|| name.clone()),
        name,
        alias,
        details,
    };
    let mut extra: Map<String, Value> =
        serde_json::from_str(layout_of(noun).defaults).unwrap_or_default();
    if security {
        // A security group's membership is closed both ways.
        extra.insert("MemberDepartRestriction".into(), "Closed".into());
    }
    let mut columns = new.columns();
    columns.extend([
        ("MaxSendSize", SqlValue::Text("Unlimited".into())),
        ("MaxReceiveSize", SqlValue::Text("Unlimited".into())),
    ]);
    let rid = new.insert(tx, org, columns, &extra)?;
    let row = read_recipient(tx, rid)?;
    let handled: Vec<&str> = GROUP_PARAMETERS
        .iter()
        .chain(NAMING_PARAMETERS)
        .copied()
        .collect();
    apply_settings(tx, noun, &row, bound, &handled)?;
    let mut owners = Vec::new();
    for text in texts(bound.get("ManagedBy")) {
        owners.push(resolve_named(tx, &text, USERS, &org.server)?);
    }
    if bound.get("ManagedBy").is_none()
        && let Some(creator) = creator
    {
        owners.extend(
            identity::resolve_recipient(tx, &scope(Lifecycle::Active, USERS), creator, &org.server)
                .ok(),
        );
    }
    let mut members = Vec::new();
    for text in texts(bound.get("Members")) {
        members.push(resolve_named(tx, &text, MEMBER_KINDS, &org.server)?);
    }
    if bound.switch("CopyOwnerToMember") {
        members.extend(owners.iter().copied());
    }
    replace_links(tx, rid, Link::Owners, &owners)?;
    for member in members {
        check_member(tx, &row, member)?;
        self::link(tx, rid, member, Link::Members)?;
    }
    Ok(rid)
}

impl LocalBackend {
    /// New- of a group noun: the new group goes to the pipeline.
    pub(super) fn new_group(
        &self,
        noun: &'static NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        if !is_group_noun(noun) {
            return Err(not_local(&bound.cmdlet.name));
        }
        let commit = !bound.switch("WhatIf");
        let creator = self.store().caller().map(|c| c.user_id.clone());
        let object = self.store().write_if(commit, |tx, org| {
            let rid = create_group(tx, org, noun, bound, creator.as_deref())?;
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

    /// Runs a verb of a noun of group links.
    pub(super) fn group_links(
        &self,
        links: &Links,
        op: Op,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let kind = match links.link {
            LinkSource::Fixed(link) => link,
            LinkSource::Parameter | LinkSource::Filter => {
                return Err(not_local(&bound.cmdlet.name));
            }
        };
        let identity = bound.required_text("Identity")?;
        let groups = scope(Lifecycle::Active, layout_of(links.group).kinds);
        let group_of = |conn: &Connection, server: &str| {
            identity::resolve_recipient(conn, &groups, &identity, server)
                .and_then(|rid| read_recipient(conn, rid))
        };
        match op {
            Op::Get => self.list_entries(bound, sink, |conn, org| {
                let group = group_of(conn, &org.server)?;
                let removed_too = bound.switch("IncludeSoftDeletedObjects");
                let plan = Plan::of(&RECIPIENT);
                let ctx = Context::load(conn, org, &plan)?;
                linked(conn, group.rid, kind, removed_too)?
                    .into_iter()
                    .map(|rid| Ok(render(&plan, &read_recipient(conn, rid)?, &ctx)))
                    .collect()
            }),
            Op::Add | Op::Remove => {
                let adding = op == Op::Add;
                let member = bound.required_text("Member")?;
                let commit = !bound.switch("WhatIf");
                self.store().write_if(commit, |tx, org| {
                    let group = group_of(tx, &org.server)?;
                    let rid = resolve_named(tx, &member, MEMBER_KINDS, &org.server)?;
                    if adding {
                        check_member(tx, &group, rid)?;
                        if !link(tx, group.rid, rid, kind)? {
                            return Err(already_member(&member, &identity));
                        }
                    } else if !unlink(tx, group.rid, rid, kind)? {
                        return Err(not_member(&member, &identity));
                    }
                    touch(tx, group.rid)?;
                    Ok(Vec::new())
                })
            }
            Op::Set => {
                let commit = !bound.switch("WhatIf");
                self.store().write_if(commit, |tx, org| {
                    let group = group_of(tx, &org.server)?;
                    let mut members = Vec::new();
                    for text in texts(bound.get("Members")) {
                        let rid = resolve_named(tx, &text, MEMBER_KINDS, &org.server)?;
                        check_member(tx, &group, rid)?;
                        if !members.contains(&rid) {
                            members.push(rid);
                        }
                    }
                    replace_links(tx, group.rid, kind, &members)?;
                    touch(tx, group.rid)?;
                    Ok(Vec::new())
                })
            }
            Op::New | Op::NewMailbox | Op::Undo | Op::Clear | Op::Enable | Op::Disable => {
                Err(not_local(&bound.cmdlet.name))
            }
        }
    }
}
