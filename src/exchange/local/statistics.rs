//! Mailbox and folder statistics (Get-MailboxStatistics, Get-MailboxFolderStatistics and
//! their Get-EXO* forms), reckoned from what each folder holds: a mailbox's ItemCount
//! and TotalItemSize are its folders' but those of Recoverable Items, which make up its
//! DeletedItemCount and TotalDeletedItemSize; a folder's counts "and subfolders" add
//! those of the folders under it. And the sample organisation's contents, loaded with it.
//!
//! **decisions**: the Database* quotas are the mailbox's own (Exchange Online gives every
//! mailbox its plan's); StorageLimitStatus is blank, as Exchange Online leaves it; a
//! soft-deleted mailbox (`-IncludeSoftDeletedRecipients`) shows when it was removed as
//! its DisconnectDate, with the DisconnectReason `SoftDeleted`; no mailbox has an archive,
//! so `-Archive` is refused; `-IncludeMoveHistory` and `-IncludeMoveReport` add nothing, as
//! no mailbox has moved.

use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value, json};

use super::entries::{Principal, listed, resolve, shaped, shaped_as};
use super::folders::{self, Folder};
use super::values::format_size;
use super::{Bound, LocalBackend};
use crate::exchange::identity::Lifecycle;
use crate::exchange::nouns::NounSpec;
use crate::exchange::nouns::property_sets::Shown;
use crate::exchange::nouns::recipients::MAILBOXES;
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::{OrgInfo, now_utc, sql_error};

/// What a mailbox's statistics show of its recipient row.
struct MailboxRow {
    principal: Principal,
    database: Option<String>,
    exchange_guid: Option<String>,
    legacy_dn: Option<String>,
    server: Option<String>,
    details: Option<String>,
    quotas: [Option<String>; 3],
    created: Option<String>,
    removed: Option<String>,
}

fn mailbox_row(conn: &Connection, principal: Principal) -> Result<MailboxRow, ExchangeError> {
    conn.prepare_cached(
        "SELECT \"Database\", \"ExchangeGuid\", \"LegacyExchangeDN\", \"ServerName\", \
         \"RecipientTypeDetails\", \"IssueWarningQuota\", \"ProhibitSendQuota\", \
         \"ProhibitSendReceiveQuota\", \"WhenCreatedUTC\", \"WhenSoftDeleted\" \
         FROM recipients WHERE rid = ?1",
    )
    .and_then(|mut stmt| {
        stmt.query_row([principal.rid], |r| {
            Ok(MailboxRow {
                database: r.get(0)?,
                exchange_guid: r.get(1)?,
                legacy_dn: r.get(2)?,
                server: r.get(3)?,
                details: r.get(4)?,
                quotas: [r.get(5)?, r.get(6)?, r.get(7)?],
                created: r.get(8)?,
                removed: r.get(9)?,
                principal,
            })
        })
    })
    .map_err(sql_error)
}

/// The mailboxes a statistics cmdlet names (by `-Identity`, the Get-EXO* cmdlets' own
/// identities or `-ExchangeGuid`), soft-deleted ones too with
/// `-IncludeSoftDeletedRecipients`; `-Archive` is refused, as no mailbox has an archive.
fn named_mailboxes(
    conn: &Connection,
    bound: &Bound,
    org: &OrgInfo,
) -> Result<Vec<MailboxRow>, ExchangeError> {
    let lifecycle = if bound.switch("IncludeSoftDeletedRecipients") {
        Lifecycle::Any
    } else {
        Lifecycle::Active
    };
    let mailboxes = match bound.text("ExchangeGuid") {
        Some(guid) => vec![resolve(conn, &guid, lifecycle, MAILBOXES, &org.server)?],
        None => listed(conn, bound, lifecycle, MAILBOXES, &org.server)?,
    };
    if let Some(mailbox) = mailboxes.first().filter(|_| bound.switch("Archive")) {
        return Err(ExchangeError::invalid_operation(
            "MailboxHasNoArchiveException",
            format!("The mailbox \"{}\" doesn't have an archive.", mailbox.name),
        )
        .with_target(mailbox.name.clone()));
    }
    mailboxes
        .into_iter()
        .map(|m| mailbox_row(conn, m))
        .collect()
}

fn size(bytes: i64) -> Value {
    json!(format_size(u64::try_from(bytes).unwrap_or(0)))
}

fn statistics_object(
    conn: &Connection,
    shown: &Shown,
    mailbox: &MailboxRow,
) -> Result<Object, ExchangeError> {
    let folders = folders::of_mailbox(conn, mailbox.principal.rid)?;
    let total = |deleted: bool| -> (i64, i64) {
        folders
            .iter()
            .filter(|f| f.recoverable == deleted)
            .fold((0, 0), |(items, bytes), f| {
                (items + f.items, bytes + f.size)
            })
    };
    let ((items, bytes), (deleted_items, deleted_bytes)) = (total(false), total(true));
    let (logon, logoff): (Option<String>, Option<String>) = conn
        .prepare_cached("SELECT last_logon, last_logoff FROM mailbox_activity WHERE rid = ?1")
        .and_then(|mut stmt| {
            stmt.query_row([mailbox.principal.rid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
        })
        .map_err(sql_error)?
        .unwrap_or_default();
    let mut values = Map::new();
    let [warning, send, send_receive] = &mailbox.quotas;
    values.insert("DatabaseIssueWarningQuota".into(), json!(warning));
    values.insert("DatabaseName".into(), json!(mailbox.database));
    values.insert("DatabaseProhibitSendQuota".into(), json!(send));
    values.insert(
        "DatabaseProhibitSendReceiveQuota".into(),
        json!(send_receive),
    );
    values.insert("DeletedItemCount".into(), json!(deleted_items));
    values.insert("DisconnectDate".into(), json!(mailbox.removed));
    values.insert(
        "DisconnectReason".into(),
        json!(mailbox.removed.as_ref().map(|_| "SoftDeleted")),
    );
    values.insert("DisplayName".into(), json!(mailbox.principal.display));
    values.insert("IsArchiveMailbox".into(), json!(false));
    values.insert("IsQuarantined".into(), json!(false));
    values.insert("ItemCount".into(), json!(items));
    values.insert("LastLogoffTime".into(), json!(logoff));
    values.insert("LastLogonTime".into(), json!(logon));
    values.insert("LegacyDN".into(), json!(mailbox.legacy_dn));
    values.insert("MailboxGuid".into(), json!(mailbox.exchange_guid));
    values.insert("MailboxType".into(), json!("Private"));
    values.insert("MailboxTypeDetail".into(), json!(mailbox.details));
    values.insert("OwnerADGuid".into(), json!(mailbox.principal.guid));
    values.insert("ServerName".into(), json!(mailbox.server));
    values.insert("TotalDeletedItemSize".into(), size(deleted_bytes));
    values.insert("TotalItemSize".into(), size(bytes));
    values.insert("Identity".into(), json!(mailbox.principal.name));
    Ok(shaped_as(shown, values))
}

fn folder_object(
    noun: &NounSpec,
    mailbox: &MailboxRow,
    folders: &[Folder],
    folder: &Folder,
    with_dates: bool,
    now: &str,
) -> Object {
    let (all_items, all_bytes) = folders
        .iter()
        .filter(|f| folder.holds(f))
        .fold((0, 0), |(items, bytes), f| {
            (items + f.items, bytes + f.size)
        });
    let created = folder.made.as_ref().or(mailbox.created.as_ref());
    let shown_path = match folder.path.as_str() {
        "" => folder.name.clone(),
        path => path.to_string(),
    };
    let mut values = Map::new();
    values.insert("Date".into(), json!(now));
    values.insert("CreationTime".into(), json!(created));
    values.insert(
        "LastModifiedTime".into(),
        json!(folder.newest.as_ref().or(created)),
    );
    values.insert("Name".into(), json!(folder.name));
    values.insert(
        "FolderPath".into(),
        json!(format!("/{}", shown_path.replace('\\', "/"))),
    );
    values.insert("FolderType".into(), json!(folder.folder_type));
    values.insert("ItemsInFolder".into(), json!(folder.items));
    values.insert("FolderSize".into(), size(folder.size));
    values.insert("ItemsInFolderAndSubfolders".into(), json!(all_items));
    values.insert("FolderAndSubfolderSize".into(), size(all_bytes));
    if with_dates {
        values.insert("OldestItemReceivedDate".into(), json!(folder.oldest));
        values.insert("NewestItemReceivedDate".into(), json!(folder.newest));
    }
    values.insert(
        "ContentFolder".into(),
        json!(!matches!(
            folder.folder_type,
            "Root" | "RecoverableItemsRoot"
        )),
    );
    values.insert("ContainerClass".into(), json!(folder.class));
    values.insert("Movable".into(), json!(folder.made_by_user()));
    values.insert(
        "Identity".into(),
        json!(format!("{}\\{shown_path}", mailbox.principal.name)),
    );
    shaped(noun, values)
}

impl LocalBackend {
    pub(super) fn get_mailbox_statistics(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let shown = super::shown(noun, bound)?;
        self.list_entries(bound, sink, |conn, org| {
            named_mailboxes(conn, bound, org)?
                .iter()
                .map(|mailbox| statistics_object(conn, &shown, mailbox))
                .collect()
        })
    }

    pub(super) fn get_folder_statistics(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let scope = bound
            .text("FolderScope")
            .filter(|s| !s.eq_ignore_ascii_case("All"));
        let with_dates = bound.switch("IncludeOldestAndNewestItems");
        let skip = bound
            .get("SkipCount")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .try_into()
            .unwrap_or(usize::MAX);
        let now = now_utc();
        self.list_entries(bound, sink, |conn, org| {
            let mut objects = Vec::new();
            for mailbox in named_mailboxes(conn, bound, org)? {
                let folders = folders::of_mailbox(conn, mailbox.principal.rid)?;
                for folder in folders.iter().filter(|f| {
                    scope
                        .as_deref()
                        .is_none_or(|s| f.scope.is_some_and(|own| own.eq_ignore_ascii_case(s)))
                }) {
                    objects.push(folder_object(
                        noun, &mailbox, &folders, folder, with_dates, &now,
                    ));
                }
            }
            Ok(objects.into_iter().skip(skip).collect())
        })
    }

    /// Loads the sample organisation's mailbox contents (`scripts/sample-contents.tsv`,
    /// lines `activity<TAB>mailbox<TAB>last logon<TAB>last logoff`,
    /// `folder<TAB>mailbox<TAB>path<TAB>items<TAB>bytes<TAB>oldest<TAB>newest` and
    /// `device<TAB>mailbox<TAB>...` (see `devices::add_sample_device`), times in UTC), in
    /// the sample's transaction. A folder that isn't one every mailbox has is one
    /// its user made, on the day of its oldest item.
    pub fn load_sample_contents(&self, text: &str) -> Result<(), ExchangeError> {
        self.store().write(|tx, org| {
            for line in text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            {
                let fields: Vec<&str> = line.split('\t').collect();
                let written = match fields.as_slice() {
                    ["activity", mailbox, logon, logoff] => {
                        let mailbox = resolve(tx, mailbox, Lifecycle::Active, MAILBOXES, &org.server)?;
                        tx.execute(
                            "INSERT INTO mailbox_activity (rid, last_logon, last_logoff) VALUES (?1, ?2, ?3)",
                            params![mailbox.rid, logon, logoff],
                        )
                    }
                    ["folder", mailbox, path, items, bytes, oldest, newest] => {
                        let mailbox = resolve(tx, mailbox, Lifecycle::Active, MAILBOXES, &org.server)?;
                        let count = |text: &str| text.parse::<i64>().map_err(|_| unreadable(line));
                        tx.execute(
                            "INSERT INTO mailbox_folders (rid, path, items, size, oldest, newest, created) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)",
                            params![mailbox.rid, path, count(items)?, count(bytes)?, oldest, newest],
                        )
                    }
                    ["device", mailbox, device @ ..] => {
                        let mailbox = resolve(tx, mailbox, Lifecycle::Active, MAILBOXES, &org.server)?;
                        if !super::devices::add_sample_device(tx, &mailbox, device)? {
                            return Err(unreadable(line));
                        }
                        Ok(1)
                    }
                    _ => return Err(unreadable(line)),
                };
                written.map_err(sql_error)?;
            }
            Ok(())
        })
    }
}

fn unreadable(line: &str) -> ExchangeError {
    ExchangeError::store(format!(
        "The sample organisation's contents have a line exosh can't read: {line}"
    ))
}
