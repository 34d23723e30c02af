//! A mailbox's folders: the ones every mailbox has from its creation, and how a folder
//! identity (`ayla@contoso.com:\Calendar`, `John:\Inbox\Reports`) names one.
//!
//! **decision**: the folders a new mailbox has are those Exchange Online creates for
//! every mailbox that admins meet in reports, each with its English name; a folder is
//! named by its path under the top of the mailbox (`Inbox\Reports`), compared
//! case-insensitively, and the top itself by an empty path (`ken:\` or `ken`).

use crate::exchange::request::{ErrorCode, ExchangeError};

/// A folder every mailbox has.
pub(super) struct DefaultFolder {
    /// Its path under the top of the mailbox, as folder identities name it (`Sent Items`;
    /// empty for the top).
    pub path: &'static str,
    pub name: &'static str,
    /// FolderType, as Get-MailboxFolderStatistics shows it.
    pub folder_type: &'static str,
}

const fn folder(
    path: &'static str,
    name: &'static str,
    folder_type: &'static str,
) -> DefaultFolder {
    DefaultFolder {
        path,
        name,
        folder_type,
    }
}

/// The folders of a new mailbox, in the order Exchange lists them.
pub(super) const DEFAULT_FOLDERS: &[DefaultFolder] = &[
    folder("", "Top of Information Store", "Root"),
    folder("Archive", "Archive", "Archive"),
    folder("Calendar", "Calendar", "Calendar"),
    folder("Contacts", "Contacts", "Contacts"),
    folder(
        "Conversation History",
        "Conversation History",
        "ConversationHistory",
    ),
    folder("Deleted Items", "Deleted Items", "DeletedItems"),
    folder("Drafts", "Drafts", "Drafts"),
    folder("Inbox", "Inbox", "Inbox"),
    folder("Journal", "Journal", "Journal"),
    folder("Junk Email", "Junk Email", "JunkEmail"),
    folder("Notes", "Notes", "Notes"),
    folder("Outbox", "Outbox", "Outbox"),
    folder("RSS Feeds", "RSS Feeds", "RssSubscriptions"),
    folder("Sent Items", "Sent Items", "SentItems"),
    folder("Sync Issues", "Sync Issues", "SyncIssues"),
    folder("Tasks", "Tasks", "Tasks"),
    folder(
        "Recoverable Items",
        "Recoverable Items",
        "RecoverableItemsRoot",
    ),
    folder("Deletions", "Deletions", "RecoverableItemsDeletions"),
    folder("Purges", "Purges", "RecoverableItemsPurges"),
    folder("Versions", "Versions", "RecoverableItemsVersions"),
];

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

/// A mailbox's folder a path names, in its own spelling.
pub(super) fn find(path: &str) -> Option<&'static DefaultFolder> {
    DEFAULT_FOLDERS
        .iter()
        .find(|f| f.path.eq_ignore_ascii_case(path))
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
