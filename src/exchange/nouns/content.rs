//! What mailboxes hold: their size and item counts (Get-MailboxStatistics) and their
//! folders' (Get-MailboxFolderStatistics). The local organisation keeps no messages, only
//! what these report: each folder's item count, size and oldest and newest item, and
//! when the mailbox's user last signed in and out. A new mailbox holds nothing.
//!
//! **decisions**: the properties about the mailbox database's internals (table sizes,
//! quarantine, resource use, folder count quotas, move history) and about single items
//! (hidden and soft-deleted items, the top subjects of `-IncludeAnalysis`) are left out:
//! nothing here has them.

use super::{MailboxData, NounSpec, Op, Storage, Table};

/// Get-MailboxStatistics: the properties of the "All" property set of
/// Get-EXOMailboxStatistics that the local organisation has, in its (alphabetical)
/// order, between the directory's.
pub static MAILBOX_STATISTICS: NounSpec = NounSpec {
    nouns: &["MailboxStatistics"],
    type_name: "Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics",
    storage: Storage::Mailbox(MailboxData {
        table: Table::Statistics,
        properties: &[
            "RunspaceId",
            "DatabaseIssueWarningQuota",
            "DatabaseName",
            "DatabaseProhibitSendQuota",
            "DatabaseProhibitSendReceiveQuota",
            "DeletedItemCount",
            "DisconnectDate",
            "DisconnectReason",
            "DisplayName",
            "IsArchiveMailbox",
            "IsQuarantined",
            "ItemCount",
            "LastLoggedOnUserAccount",
            "LastLogoffTime",
            "LastLogonTime",
            "LegacyDN",
            "MailboxGuid",
            "MailboxType",
            "MailboxTypeDetail",
            "OwnerADGuid",
            "ServerName",
            "StorageLimitStatus",
            "TotalDeletedItemSize",
            "TotalItemSize",
            "Identity",
            "IsValid",
            "ObjectState",
        ],
    }),
    verbs: &[("Get", Op::Get)],
    table: &[
        "DisplayName",
        "ItemCount",
        "StorageLimitStatus",
        "LastLogonTime",
    ],
    expanded: None,
};

/// Get-EXOMailboxStatistics without -Properties or -PropertySets: the module's Minimum
/// property set, in the order Microsoft's "cmdlet property sets" page lists it; with
/// them, every property of Get-MailboxStatistics. **decision**: the type name, as for
/// Get-EXOCasMailbox.
pub static EXO_MAILBOX_STATISTICS: NounSpec = NounSpec {
    nouns: &["EXOMailboxStatistics"],
    type_name: "Microsoft.Exchange.Management.RestApiClient.ExoMailboxStatistics",
    storage: Storage::Mailbox(MailboxData {
        table: Table::Statistics,
        properties: &[
            "DeletedItemCount",
            "DisplayName",
            "ItemCount",
            "MailboxGuid",
            "TotalDeletedItemSize",
            "TotalItemSize",
        ],
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: Some(&MAILBOX_STATISTICS),
};

/// Get-MailboxFolderStatistics (and Get-EXOMailboxFolderStatistics, answered alike): one
/// object per folder, the top of the mailbox first, then its folders by path, then the
/// Recoverable Items folders. Printed as a list, as Exchange has no table for them.
pub static MAILBOX_FOLDER_STATISTICS: NounSpec = NounSpec {
    nouns: &["MailboxFolderStatistics", "EXOMailboxFolderStatistics"],
    type_name: "Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration",
    storage: Storage::Mailbox(MailboxData {
        table: Table::FolderStatistics,
        properties: &[
            "RunspaceId",
            "Date",
            "CreationTime",
            "LastModifiedTime",
            "Name",
            "FolderPath",
            "FolderType",
            "ItemsInFolder",
            "FolderSize",
            "ItemsInFolderAndSubfolders",
            "FolderAndSubfolderSize",
            "OldestItemReceivedDate",
            "NewestItemReceivedDate",
            "ContentFolder",
            "ContainerClass",
            "Movable",
            "Identity",
            "IsValid",
            "ObjectState",
        ],
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: None,
};
