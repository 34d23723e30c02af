//! Permissions on mailboxes: who may open a mailbox (mailbox permissions: FullAccess,
//! ReadPermission, ...), who may send as a recipient (recipient permissions: SendAs) and
//! who may see a mailbox's folders (folder permissions: roles such as Reviewer or
//! Editor). Each is a list of entries the mailbox holds, shown one object per entry.
//!
//! **decisions**: Get-EXOMailboxPermission, Get-EXORecipientPermission and
//! Get-EXOMailboxFolderPermission answer with the same objects as the cmdlets they
//! replace (the module builds its own from the same properties). Only the entries of
//! the organisation are listed: Exchange Online also shows entries every mailbox
//! inherits from its datacenter forest (its administrators and servers, denied or
//! granted), which no admin of the organisation can change; the entry every mailbox has
//! for its own account (`NT AUTHORITY\SELF`) is shown.

use super::{MailboxData, NounSpec, Op, Storage, Table};

/// The verbs of a list of entries an admin adds to and removes from.
const ADDED_AND_REMOVED: &[(&str, Op)] =
    &[("Get", Op::Get), ("Add", Op::Add), ("Remove", Op::Remove)];

/// Get-MailboxPermission: one object per access control entry of the mailbox.
pub static MAILBOX_PERMISSION: NounSpec = NounSpec {
    nouns: &["MailboxPermission", "EXOMailboxPermission"],
    type_name: "Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MailboxPermissions,
        properties: &[
            "RunspaceId",
            "AccessRights",
            "Deny",
            "InheritanceType",
            "User",
            "UserSid",
            "Identity",
            "IsInherited",
            "IsValid",
            "ObjectState",
        ],
    }),
    verbs: ADDED_AND_REMOVED,
    table: &["Identity", "User", "AccessRights", "IsInherited", "Deny"],
    expanded: None,
};

/// Get-RecipientPermission: the recipient's SendAs entries.
pub static RECIPIENT_PERMISSION: NounSpec = NounSpec {
    nouns: &["RecipientPermission", "EXORecipientPermission"],
    type_name: "Microsoft.Exchange.Data.Directory.Permission.RecipientPermission",
    storage: Storage::Mailbox(MailboxData {
        table: Table::RecipientPermissions,
        properties: &[
            "RunspaceId",
            "Identity",
            "Trustee",
            "AccessControlType",
            "AccessRights",
            "IsInherited",
            "InheritanceType",
            "IsValid",
            "ObjectState",
        ],
    }),
    verbs: ADDED_AND_REMOVED,
    table: &[
        "Identity",
        "Trustee",
        "AccessControlType",
        "AccessRights",
        "Inherited=IsInherited",
    ],
    expanded: None,
};

/// Get-MailboxFolderPermission: who may see one folder (`ayla@contoso.com:\Calendar`):
/// the `Default` and `Anonymous` entries every folder has, then each user given a role.
pub static MAILBOX_FOLDER_PERMISSION: NounSpec = NounSpec {
    nouns: &["MailboxFolderPermission", "EXOMailboxFolderPermission"],
    type_name: "Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission",
    storage: Storage::Mailbox(MailboxData {
        table: Table::FolderPermissions,
        properties: &[
            "RunspaceId",
            "FolderName",
            "User",
            "AccessRights",
            "SharingPermissionFlags",
            "Identity",
            "IsValid",
            "ObjectState",
        ],
    }),
    verbs: &[
        ("Get", Op::Get),
        ("Add", Op::Add),
        ("Set", Op::Set),
        ("Remove", Op::Remove),
    ],
    table: &[
        "FolderName",
        "User",
        "AccessRights",
        "SharingPermissionFlags",
    ],
    expanded: None,
};
