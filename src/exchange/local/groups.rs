//! Groups in the local organisation: New-DistributionGroup and
//! New-DynamicDistributionGroup, the settings of their Set- cmdlets that are not the group
//! row's own (its owners, whether it is a room list, a dynamic group's filter), and the
//! links between groups and recipients (Get/Add/Remove/Update-DistributionGroupMember;
//! Get-DynamicDistributionGroupMember). A link is a row of `group_links`: the group, the
//! recipient, and what the recipient is to the group (a member, an owner). A dynamic
//! group has no member links: its members are the recipients its filter selects when
//! they are asked for.
//!
//! **decisions**: a new group's owner is the person running the command when they are a
//! user of the organisation, as in Exchange Online, and nobody otherwise (the local
//! shell's user has no mailbox); every administrator here may change every group, so
//! `-BypassSecurityGroupManagerCheck` changes nothing. A member removed with its mailbox
//! stays a member while the mailbox is soft-deleted (Get-DistributionGroupMember
//! -IncludeSoftDeletedObjects lists it), and goes when it is purged. A dynamic group's
//! stored RecipientFilter is written as Exchange Online writes it: the filter given (each
//! comparison in parentheses, text in single quotes), or the one made from
//! -IncludedRecipients and the -Conditional* lists, followed by Exchange's exclusion of
//! its system mailboxes.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params};
use serde_json::{Map, Value, json};

use super::entries::texts;
use super::recipient_changes::{
    NewRecipient, alias_from, apply_settings, check_name_free, purge_expired,
};
use super::recipients::{
    Context, Plan, RecipientRow, layout_of, read_recipient, recipient_filter, render,
};
use super::values::multi_value;
use super::{Bound, LocalBackend, not_local};
use crate::exchange::identity::{self, Lifecycle, lifecycle_condition, reference_missing, scope};
use crate::exchange::nouns::groups::FILTER_SETTINGS;
use crate::exchange::nouns::recipients::{
    DYNAMIC_DISTRIBUTION_GROUP, DirectoryClass, GROUP_MAILBOX, MAIL_CONTACT, RECIPIENT, ROOM_LIST,
    ROOM_MAILBOX, UNIVERSAL_DISTRIBUTION_GROUP, UNIVERSAL_SECURITY_GROUP, USERS, recipient_kind,
};
use crate::exchange::nouns::{Link, LinkSource, Links, NounSpec, Op};
use crate::exchange::request::scalar_text;
use crate::exchange::request::{ErrorCode, ExchangeError, Object};
use crate::exchange::store::{OrgInfo, SqlFragment, now_utc, sql_error};

/// Parameters of the group cmdlets that are not settings of the group row: its links, its
/// kind, and switches that only steer the command.
pub(super) const GROUP_PARAMETERS: &[&str] = &[
    "ManagedBy",
    "Members",
    "Owner",
    "UnifiedGroupWelcomeMessageEnabled",
    "ExecutingUser",
    "ExoErrorAsWarning",
    "SuppressWarmupMessage",
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
    DYNAMIC_DISTRIBUTION_GROUP,
    MAIL_CONTACT,
];

/// The exclusion of Exchange's system mailboxes that ends every dynamic group's filter.
const SYSTEM_EXCLUSIONS: &[&str] = &[
    "(-not(Name -like 'SystemMailbox{*'))",
    "(-not(Name -like 'CAS_{*'))",
    "(-not(RecipientTypeDetailsValue -eq 'MailboxPlan'))",
    "(-not(RecipientTypeDetailsValue -eq 'DiscoveryMailbox'))",
    "(-not(RecipientTypeDetailsValue -eq 'PublicFolderMailbox'))",
    "(-not(RecipientTypeDetailsValue -eq 'ArbitrationMailbox'))",
    "(-not(RecipientTypeDetailsValue -eq 'AuditLogMailbox'))",
    "(-not(RecipientTypeDetailsValue -eq 'AuxAuditLogMailbox'))",
    "(-not(RecipientTypeDetailsValue -eq 'SupervisoryReviewPolicyMailbox'))",
];

/// What each kind of -IncludedRecipients selects, as Exchange writes it.
const INCLUDED: &[(&str, &[&str])] = &[
    ("MailboxUsers", &["(RecipientType -eq 'UserMailbox')"]),
    (
        "Resources",
        &[
            "(RecipientTypeDetails -eq 'RoomMailbox')",
            "(RecipientTypeDetails -eq 'EquipmentMailbox')",
        ],
    ),
    ("MailContacts", &["(RecipientType -eq 'MailContact')"]),
    (
        "MailGroups",
        &[
            "(RecipientType -eq 'MailUniversalDistributionGroup')",
            "(RecipientType -eq 'MailUniversalSecurityGroup')",
            "(RecipientType -eq 'MailNonUniversalGroup')",
            "(RecipientType -eq 'DynamicDistributionGroup')",
        ],
    ),
    ("MailUsers", &["(RecipientType -eq 'MailUser')"]),
    ("AllRecipients", &["(Alias -ne $null)"]),
];

/// Whether a noun's recipients are groups (dynamic ones too).
pub(super) fn is_group_noun(noun: &NounSpec) -> bool {
    let kinds = layout_of(noun).kinds;
    !kinds.is_empty()
        && kinds.iter().all(|k| {
            recipient_kind(k).is_some_and(|k| {
                matches!(
                    k.class,
                    DirectoryClass::Group | DirectoryClass::DynamicGroup
                )
            })
        })
}

/// Whether a noun's recipients are dynamic distribution groups.
fn is_dynamic(noun: &NounSpec) -> bool {
    layout_of(noun).kinds == [DYNAMIC_DISTRIBUTION_GROUP]
}

/// Whether a noun's recipients are Microsoft 365 groups.
fn is_unified(noun: &NounSpec) -> bool {
    layout_of(noun).kinds == [GROUP_MAILBOX]
}

/// The parameters a group noun's Set- and New- handle themselves: the links, and a
/// dynamic group's filter settings.
pub(super) fn handled_parameters(noun: &NounSpec) -> Vec<&'static str> {
    let mut handled = GROUP_PARAMETERS.to_vec();
    if is_dynamic(noun) {
        handled.extend(FILTER_SETTINGS);
    }
    handled
}

/// A list of conditions any of which selects: Exchange's `((a -or b))`, or the one.
fn any_of(conditions: &[String]) -> String {
    match conditions {
        [one] => one.clone(),
        _ => format!("(({}))", conditions.join(" -or ")),
    }
}

/// The text of each item of an `-IncludedRecipients` value (a list or `A, B`).
fn included_kinds(value: &Value) -> Vec<String> {
    texts(Some(value))
        .iter()
        .flat_map(|t| t.split(','))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// **decision**: the wording of a filter of one's own given with a precanned one's parts.
fn mixed_filters() -> ExchangeError {
    ExchangeError::invalid_argument(
        "RecipientFilterMixedException",
        "The RecipientFilter parameter can't be used with IncludedRecipients or the Conditional parameters: give a filter of your own, or the recipients to include and their conditions.",
    )
    .with_target("RecipientFilter")
}

/// **decision**: the wording of -Conditional* lists given without -IncludedRecipients.
fn no_included_recipients() -> ExchangeError {
    ExchangeError::invalid_argument(
        "IncludedRecipientsMissingException",
        "The Conditional parameters narrow the recipients IncludedRecipients names: give IncludedRecipients too.",
    )
    .with_target("IncludedRecipients")
}

/// A dynamic group's filter settings after the command's (`None`: it names none): a
/// filter of its own (`Custom`), or one made from the recipients it includes and their
/// conditions (`Precanned`); RecipientFilter is the filter written as Exchange keeps it.
fn filter_settings(
    current: &Map<String, Value>,
    bound: &Bound,
    org: &OrgInfo,
) -> Result<Option<Map<String, Value>>, ExchangeError> {
    let own = bound.text("RecipientFilter");
    let precanned = FILTER_SETTINGS[1..]
        .iter()
        .any(|name| bound.get(name).is_some());
    let mut settings = current.clone();
    let written = match (own, precanned) {
        (None, false) => return Ok(None),
        (Some(_), true) => return Err(mixed_filters()),
        (Some(text), false) => {
            for name in &FILTER_SETTINGS[1..] {
                settings.insert((*name).into(), json!([]));
            }
            settings.insert("IncludedRecipients".into(), Value::Null);
            settings.insert("RecipientFilterType".into(), json!("Custom"));
            vec![recipient_filter(&text, "RecipientFilter", org)?.0]
        }
        (None, true) => {
            if let Some(value) = bound.get("IncludedRecipients") {
                settings.insert(
                    "IncludedRecipients".into(),
                    json!(included_kinds(value).join(", ")),
                );
            }
            let included = settings
                .get("IncludedRecipients")
                .and_then(scalar_text)
                .map(|t| included_kinds(&json!(t)))
                .filter(|kinds| !kinds.is_empty())
                .ok_or_else(no_included_recipients)?;
            let mut selects = Vec::new();
            for (kind, conditions) in INCLUDED {
                if included.iter().any(|k| k.eq_ignore_ascii_case(kind)) {
                    selects.extend(conditions.iter().map(|c| c.to_string()));
                }
            }
            let mut parts = vec![any_of(&selects)];
            for name in &FILTER_SETTINGS[2..] {
                let current: Vec<String> = settings
                    .get(*name)
                    .and_then(|v| serde_json::from_value(v.clone()).ok())
                    .unwrap_or_default();
                let list = match bound.get(name) {
                    Some(value) => multi_value(name, &current, value)?,
                    None => current,
                };
                let property = name.trim_start_matches("Conditional");
                let conditions: Vec<String> = list
                    .iter()
                    .map(|v| format!("({property} -eq '{}')", v.replace('\'', "''")))
                    .collect();
                if !conditions.is_empty() {
                    parts.push(any_of(&conditions));
                }
                settings.insert((*name).into(), json!(list));
            }
            settings.insert("RecipientFilterType".into(), json!("Precanned"));
            parts
        }
    };
    let filter = format!(
        "({})",
        written
            .iter()
            .map(String::as_str)
            .chain(SYSTEM_EXCLUSIONS.iter().copied())
            .collect::<Vec<_>>()
            .join(" -and ")
    );
    // What is kept must select as Get-Recipient -RecipientPreviewFilter would.
    recipient_filter(&filter, "RecipientFilter", org)?;
    settings.insert("RecipientFilter".into(), json!(filter));
    Ok(Some(settings))
}

/// Keeps a recipient's `Extra` settings.
fn write_extra(tx: &Connection, rid: i64, extra: &Map<String, Value>) -> Result<(), ExchangeError> {
    tx.prepare_cached("UPDATE recipients SET \"Extra\" = ?2 WHERE rid = ?1")
        .and_then(|mut stmt| stmt.execute(params![rid, Value::Object(extra.clone()).to_string()]))
        .map_err(sql_error)?;
    Ok(())
}

/// The recipients a dynamic group's filter selects now, in the order they were made.
fn filtered_members(
    conn: &Connection,
    group: &RecipientRow,
    org: &OrgInfo,
) -> Result<Vec<i64>, ExchangeError> {
    let Some(text) = group.extra.get("RecipientFilter").and_then(scalar_text) else {
        return Ok(Vec::new());
    };
    let condition = lifecycle_condition(Lifecycle::Active)
        .and(recipient_filter(&text, "RecipientFilter", org)?.1)
        .and(SqlFragment::new(
            "r.rid <> ?",
            vec![rusqlite::types::Value::Integer(group.rid)],
        ));
    conn.prepare(&format!(
        "SELECT r.rid FROM recipients r WHERE {} ORDER BY r.rid",
        condition.sql
    ))
    .and_then(|mut stmt| {
        stmt.query_map(rusqlite::params_from_iter(condition.params.iter()), |r| {
            r.get(0)
        })?
        .collect()
    })
    .map_err(sql_error)
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
    noun: &NounSpec,
    row: &RecipientRow,
    bound: &Bound,
) -> Result<bool, ExchangeError> {
    let mut changed = false;
    if let Some(value) = bound.get("UnifiedGroupWelcomeMessageEnabled") {
        let on = Value::Bool(super::values::to_bool(
            "UnifiedGroupWelcomeMessageEnabled",
            value,
        )?);
        if row.extra.get("WelcomeMessageEnabled") != Some(&on) {
            let mut extra = row.extra.clone();
            extra.insert("WelcomeMessageEnabled".into(), on);
            write_extra(tx, row.rid, &extra)?;
            changed = true;
        }
    }
    if is_dynamic(noun)
        && let Some(settings) = filter_settings(&row.extra, bound, org)?
        && settings != row.extra
    {
        write_extra(tx, row.rid, &settings)?;
        changed = true;
    }
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
/// its owners and members. New-DynamicDistributionGroup: a dynamic group with its filter.
/// New-UnifiedGroup: a Microsoft 365 group named `<alias>_<its directory id>` unless
/// `-Name` says otherwise, whose owners are also its members.
pub(super) fn create_group(
    tx: &Connection,
    org: &OrgInfo,
    noun: &'static NounSpec,
    bound: &Bound,
    creator: Option<&str>,
) -> Result<i64, ExchangeError> {
    let unified = is_unified(noun);
    let dynamic = is_dynamic(noun);
    let given_name = match unified {
        true => bound.text("Name"),
        false => Some(bound.required_text("Name")?),
    };
    let display = match (bound.text("DisplayName"), &given_name) {
        (Some(display), _) => display,
        (None, Some(name)) => name.clone(),
        (None, None) => bound.required_text("DisplayName")?,
    };
    purge_expired(tx)?;
    if let Some(name) = &given_name {
        check_name_free(tx, name, None)?;
    }
    let security = bound
        .text("Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("Security"));
    let details = if unified {
        GROUP_MAILBOX
    } else if dynamic {
        DYNAMIC_DISTRIBUTION_GROUP
    } else if bound.switch("RoomList") {
        ROOM_LIST
    } else if security {
        UNIVERSAL_SECURITY_GROUP
    } else {
        UNIVERSAL_DISTRIBUTION_GROUP
    };
    let alias = bound
        .text("Alias")
        .unwrap_or_else(|| alias_from(given_name.as_deref().unwrap_or(&display)));
    let new = NewRecipient {
        primary: bound
            .text("PrimarySmtpAddress")
            .unwrap_or_else(|| format!("{alias}@{}", org.domain)),
        name: given_name.clone().unwrap_or_else(|| alias.clone()),
        display,
        alias,
        details,
    };
    let mut extra: Map<String, Value> =
        serde_json::from_str(layout_of(noun).defaults).unwrap_or_default();
    if security {
        // A security group's membership is closed both ways.
        extra.insert("MemberDepartRestriction".into(), "Closed".into());
    }
    if dynamic {
        extra.insert(
            "RecipientContainer".into(),
            json!(format!(
                "NAMPR01A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/{}",
                org.tenant
            )),
        );
        extra = filter_settings(&extra, bound, org)?.ok_or_else(|| {
            ExchangeError::invalid_argument(
                "MissingMandatoryParameter",
                "Cannot process command because of one or more missing mandatory parameters: RecipientFilter.",
            )
        })?;
    }
    if unified {
        let site = org.tenant.split('.').next().unwrap_or_default();
        extra.insert(
            "SharePointSiteUrl".into(),
            json!(format!("https://{site}.sharepoint.com/sites/{}", new.alias)),
        );
    }
    let mut columns = new.columns();
    columns.extend([
        ("MaxSendSize", SqlValue::Text("Unlimited".into())),
        ("MaxReceiveSize", SqlValue::Text("Unlimited".into())),
    ]);
    let rid = new.insert(tx, org, columns, &extra)?;
    if given_name.is_none() {
        tx.prepare_cached(
            "UPDATE recipients SET \"Name\" = \"Alias\" || '_' || \"ExternalDirectoryObjectId\" \
             WHERE rid = ?1",
        )
        .and_then(|mut stmt| stmt.execute([rid]))
        .map_err(sql_error)?;
    }
    let row = read_recipient(tx, rid)?;
    let mut handled = handled_parameters(noun);
    handled.extend(NAMING_PARAMETERS);
    apply_settings(tx, noun, &row, bound, &handled)?;
    let row = read_recipient(tx, rid)?;
    let mut owners = Vec::new();
    for text in texts(bound.get("ManagedBy"))
        .into_iter()
        .chain(bound.text("Owner"))
    {
        let owner = resolve_named(tx, &text, USERS, &org.server)?;
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    if owners.is_empty()
        && let Some(creator) = creator
    {
        owners.extend(
            identity::resolve_recipient(tx, &scope(Lifecycle::Active, USERS), creator, &org.server)
                .ok(),
        );
    }
    let kinds = if unified { USERS } else { MEMBER_KINDS };
    let mut members = Vec::new();
    if unified || bound.switch("CopyOwnerToMember") {
        members.extend(owners.iter().copied());
    }
    for text in texts(bound.get("Members")) {
        let member = resolve_named(tx, &text, kinds, &org.server)?;
        if !members.contains(&member) {
            members.push(member);
        }
    }
    replace_links(tx, rid, Link::Owners, &owners)?;
    for member in members {
        check_member(tx, &row, member)?;
        self::link(tx, rid, member, Link::Members)?;
        if auto_subscribes(&row) {
            self::link(tx, rid, member, Link::Subscribers)?;
        }
    }
    Ok(rid)
}

/// **decision**: the wording of an owner or subscriber who isn't a member yet.
fn members_first(user: &str, link: Link, group: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "UnifiedGroupLinkNotMemberException",
        format!(
            "\"{user}\" isn't a member of the group \"{group}\": only members can be added to its {}. Add it to the members first.",
            link.name()
        ),
    )
    .with_target(user)
}

/// **decision**: the wording of an owner removed from the members.
fn owners_first(user: &str, group: &str) -> ExchangeError {
    ExchangeError::invalid_operation(
        "UnifiedGroupOwnerMemberException",
        format!(
            "\"{user}\" is an owner of the group \"{group}\": remove it from the owners before the members."
        ),
    )
    .with_target(user)
}

/// Add/Remove-UnifiedGroupLinks: each of `-Links` (all found before anything changes)
/// linked to or unlinked from a Microsoft 365 group in the way `-LinkType` names. A
/// recipient linked already, or not linked, is left as it is; owners and subscribers
/// must be members, and a member who owns the group stays until it no longer does;
/// removing a member ends its subscription.
fn change_unified_links(
    tx: &Connection,
    org: &OrgInfo,
    group: &RecipientRow,
    kind: Link,
    adding: bool,
    bound: &Bound,
) -> Result<(), ExchangeError> {
    let mut users = Vec::new();
    for text in texts(bound.get("Links")) {
        users.push((resolve_named(tx, &text, USERS, &org.server)?, text));
    }
    let name = bound.text("Identity").unwrap_or_else(|| group.text("Name"));
    let is = |rid: i64, link: Link| -> Result<bool, ExchangeError> {
        Ok(linked(tx, group.rid, link, true)?.contains(&rid))
    };
    for (rid, text) in &users {
        match (adding, kind) {
            (true, Link::Members) => {
                link(tx, group.rid, *rid, Link::Members)?;
                if auto_subscribes(group) {
                    link(tx, group.rid, *rid, Link::Subscribers)?;
                }
            }
            (true, _) => {
                if !is(*rid, Link::Members)? {
                    return Err(members_first(text, kind, &name));
                }
                link(tx, group.rid, *rid, kind)?;
            }
            (false, Link::Members) => {
                if is(*rid, Link::Owners)? {
                    return Err(owners_first(text, &name));
                }
                unlink(tx, group.rid, *rid, Link::Members)?;
                unlink(tx, group.rid, *rid, Link::Subscribers)?;
            }
            (false, _) => {
                unlink(tx, group.rid, *rid, kind)?;
            }
        }
    }
    touch(tx, group.rid)
}

/// Whether a Microsoft 365 group makes its new members subscribers.
fn auto_subscribes(group: &RecipientRow) -> bool {
    group.extra.get("AutoSubscribeNewMembers") == Some(&Value::Bool(true))
}

impl LocalBackend {
    /// Runs a verb of a noun of group links.
    pub(super) fn group_links(
        &self,
        links: &Links,
        op: Op,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let identity = bound.required_text("Identity")?;
        let groups = scope(Lifecycle::Active, layout_of(links.group).kinds);
        let group_of = |conn: &Connection, server: &str| {
            identity::resolve_recipient(conn, &groups, &identity, server)
                .and_then(|rid| read_recipient(conn, rid))
        };
        let kind = match links.link {
            LinkSource::Fixed(link) => link,
            LinkSource::Filter if op == Op::Get => {
                return self.list_entries(bound, sink, |conn, org| {
                    let group = group_of(conn, &org.server)?;
                    let plan = Plan::of(&RECIPIENT);
                    let ctx = Context::load(conn, org, &plan)?;
                    filtered_members(conn, &group, org)?
                        .into_iter()
                        .map(|rid| Ok(render(&plan, &read_recipient(conn, rid)?, &ctx)))
                        .collect()
                });
            }
            LinkSource::Parameter => {
                let text = bound.required_text("LinkType")?;
                let link = Link::named(&text).ok_or_else(|| not_local(&bound.cmdlet.name))?;
                if matches!(op, Op::Add | Op::Remove) {
                    let commit = !bound.switch("WhatIf");
                    return self.store().write_if(commit, |tx, org| {
                        let group = group_of(tx, &org.server)?;
                        change_unified_links(tx, org, &group, link, op == Op::Add, bound)?;
                        Ok(Vec::new())
                    });
                }
                link
            }
            LinkSource::Filter => return Err(not_local(&bound.cmdlet.name)),
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
