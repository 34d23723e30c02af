//! A mailbox's folders: the ones every mailbox has from its creation, and how a folder
//! identity (`ayla@contoso.com:\Calendar`, `John:\Inbox\Reports`) names one.
//!
//! **decision**: the folders a new mailbox has are those Exchange Online creates for
//! every mailbox that admins meet in reports, each with its English name; a folder is
//! named by its path under the top of the mailbox (`Inbox\Reports`), compared
//! case-insensitively, and the top itself by an empty path (`ken:\` or `ken`). A folder
//! sorts before the folders in it, which sort by name.

use rusqlite::Connection;

use crate::exchange::request::{ErrorCode, ExchangeError};
use crate::exchange::store::sql_error;

/// A folder every mailbox has.
pub(super) struct DefaultFolder {
    /// Its path under the top of the mailbox, as folder identities name it (`Sent Items`;
    /// empty for the top).
    pub path: &'static str,
    pub name: &'static str,
    /// FolderType, as Get-MailboxFolderStatistics shows it.
    pub folder_type: &'static str,
    /// The kind of items it holds (ContainerClass), none for the folders that only hold
    /// folders.
    pub class: Option<&'static str>,
    /// The `-FolderScope` (ElcFolderType) that selects it and the folders under it.
    pub scope: Option<&'static str>,
}

const fn folder(
    path: &'static str,
    folder_type: &'static str,
    class: Option<&'static str>,
    scope: Option<&'static str>,
) -> DefaultFolder {
    DefaultFolder {
        path,
        name: path,
        folder_type,
        class,
        scope,
    }
}

const NOTE: Option<&str> = Some("IPF.Note");

/// The folders of a new mailbox, in the order Exchange lists them: the top of the
/// mailbox, the folders under it, then Recoverable Items (outside it) and its folders.
pub(super) const DEFAULT_FOLDERS: &[DefaultFolder] = &[
    DefaultFolder {
        name: "Top of Information Store",
        ..folder("", "Root", None, None)
    },
    folder("Archive", "Archive", NOTE, Some("Archive")),
    folder(
        "Calendar",
        "Calendar",
        Some("IPF.Appointment"),
        Some("Calendar"),
    ),
    folder(
        "Contacts",
        "Contacts",
        Some("IPF.Contact"),
        Some("Contacts"),
    ),
    folder(
        "Conversation History",
        "ConversationHistory",
        NOTE,
        Some("ConversationHistory"),
    ),
    folder("Deleted Items", "DeletedItems", NOTE, Some("DeletedItems")),
    folder("Drafts", "Drafts", NOTE, Some("Drafts")),
    folder("Inbox", "Inbox", NOTE, Some("Inbox")),
    folder("Journal", "Journal", Some("IPF.Journal"), Some("Journal")),
    folder("Junk Email", "JunkEmail", NOTE, Some("JunkEmail")),
    folder("Notes", "Notes", Some("IPF.StickyNote"), Some("Notes")),
    folder("Outbox", "Outbox", NOTE, Some("Outbox")),
    folder(
        "RSS Feeds",
        "RssSubscriptions",
        Some("IPF.Note.OutlookHomepage"),
        Some("RssSubscriptions"),
    ),
    folder("Sent Items", "SentItems", NOTE, Some("SentItems")),
    folder("Sync Issues", "SyncIssues", NOTE, Some("SyncIssues")),
    folder("Tasks", "Tasks", Some("IPF.Task"), Some("Tasks")),
    folder(
        "Recoverable Items",
        "RecoverableItemsRoot",
        None,
        Some("RecoverableItems"),
    ),
    folder(
        "Deletions",
        "RecoverableItemsDeletions",
        None,
        Some("RecoverableItems"),
    ),
    folder(
        "Purges",
        "RecoverableItemsPurges",
        None,
        Some("RecoverableItems"),
    ),
    folder(
        "Versions",
        "RecoverableItemsVersions",
        None,
        Some("RecoverableItems"),
    ),
];

/// The FolderType of the folders users make.
const USER_CREATED: &str = "User Created";

/// One folder of a mailbox (one it has from the start or one its user made), with what
/// it holds.
pub(super) struct Folder {
    pub path: String,
    pub name: String,
    pub folder_type: &'static str,
    pub class: Option<&'static str>,
    /// The `-FolderScope` that selects it: its own, or for a folder a user made the one
    /// of the folder it is in (`Personal` for one made at the top).
    pub scope: Option<&'static str>,
    /// Whether it holds deleted items (Recoverable Items and its folders), which
    /// ItemCount and TotalItemSize leave out.
    pub recoverable: bool,
    pub items: i64,
    pub size: i64,
    pub oldest: Option<String>,
    pub newest: Option<String>,
    /// When a user made it (none for the folders a mailbox has from the start).
    pub made: Option<String>,
}

impl Folder {
    pub fn is_calendar(&self) -> bool {
        self.class == Some("IPF.Appointment")
    }

    pub fn made_by_user(&self) -> bool {
        self.made.is_some()
    }

    /// Whether `other` is this folder or one under it (the top holds every folder but
    /// Recoverable Items').
    pub fn holds(&self, other: &Folder) -> bool {
        if self.path.is_empty() {
            return !other.recoverable;
        }
        if self.folder_type == "RecoverableItemsRoot" {
            return other.recoverable;
        }
        other.path.eq_ignore_ascii_case(&self.path)
            || other
                .path
                .get(..self.path.len() + 1)
                .is_some_and(|head| head.eq_ignore_ascii_case(&format!("{}\\", self.path)))
    }
}

/// What the store keeps of a folder that holds items or that a user made.
struct Held {
    path: String,
    items: i64,
    size: i64,
    oldest: Option<String>,
    newest: Option<String>,
    created: String,
}

/// A mailbox's folders, in Exchange's order: the top, the folders under it by path (each
/// followed by those under it), then Recoverable Items and its folders.
pub(super) fn of_mailbox(conn: &Connection, rid: i64) -> Result<Vec<Folder>, ExchangeError> {
    let rows: Vec<Held> = conn
        .prepare_cached(
            "SELECT path, items, size, oldest, newest, created FROM mailbox_folders WHERE rid = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_map([rid], |r| {
                Ok(Held {
                    path: r.get(0)?,
                    items: r.get(1)?,
                    size: r.get(2)?,
                    oldest: r.get(3)?,
                    newest: r.get(4)?,
                    created: r.get(5)?,
                })
            })?
            .collect()
        })
        .map_err(sql_error)?;
    let mut folders: Vec<Folder> = DEFAULT_FOLDERS
        .iter()
        .map(|d| Folder {
            path: d.path.to_string(),
            name: d.name.to_string(),
            folder_type: d.folder_type,
            class: d.class,
            scope: d.scope,
            recoverable: d.scope == Some("RecoverableItems"),
            items: 0,
            size: 0,
            oldest: None,
            newest: None,
            made: None,
        })
        .collect();
    for Held {
        path,
        items,
        size,
        oldest,
        newest,
        created,
    } in rows
    {
        let found = folders
            .iter_mut()
            .find(|f| f.path.eq_ignore_ascii_case(&path));
        if let Some(folder) = found {
            (folder.items, folder.size, folder.oldest, folder.newest) =
                (items, size, oldest, newest);
            continue;
        }
        let top = path.split('\\').next().unwrap_or_default();
        let parent = DEFAULT_FOLDERS
            .iter()
            .find(|d| d.path.eq_ignore_ascii_case(top));
        folders.push(Folder {
            name: path.rsplit('\\').next().unwrap_or_default().to_string(),
            path,
            folder_type: USER_CREATED,
            class: parent.map_or(NOTE, |p| p.class),
            scope: parent.map_or(Some("Personal"), |p| p.scope),
            recoverable: false,
            items,
            size,
            oldest,
            newest,
            made: Some(created),
        });
    }
    let key = |f: &Folder| {
        let rank = match (f.path.is_empty(), f.recoverable, f.folder_type) {
            (true, ..) => 0,
            (_, false, _) => 1,
            (_, true, "RecoverableItemsRoot") => 2,
            _ => 3,
        };
        (
            rank,
            f.path
                .split('\\')
                .map(str::to_lowercase)
                .collect::<Vec<_>>(),
        )
    };
    folders.sort_by_key(|f| key(f));
    Ok(folders)
}

/// A folder identity's mailbox and folder path (`ayla@contoso.com:\Calendar` →
/// `ayla@contoso.com`, `Calendar`; `ayla` alone names the top of the mailbox).
pub(super) fn split_identity(identity: &str) -> (String, String) {
    let identity = identity.trim();
    match identity.split_once(":\\") {
        Some((mailbox, path)) => (
            mailbox.trim().to_string(),
            path.trim_matches('\\').to_string(),
        ),
        None => (identity.to_string(), String::new()),
    }
}

/// The folder of a mailbox a path names.
pub(super) fn find(
    conn: &Connection,
    rid: i64,
    path: &str,
) -> Result<Option<Folder>, ExchangeError> {
    Ok(of_mailbox(conn, rid)?
        .into_iter()
        .find(|f| f.path.eq_ignore_ascii_case(path)))
}

/// Exchange's error for a folder the mailbox doesn't have.
pub(super) fn folder_not_found(identity: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::NotFound,
        "ManagementObjectNotFoundException",
        "ObjectNotFound",
        format!("The operation couldn't be performed because '{identity}' couldn't be found."),
    )
    .with_target(identity)
}
