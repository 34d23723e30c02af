//! Mail users and mail contacts: recipients whose mail goes to an address outside the
//! organisation (ExternalEmailAddress). A mail user is a user of the organisation (it signs
//! in, and Get-User lists it) whose mailbox is elsewhere; a mail contact is someone outside
//! it, listed in its address book.
//!
//! **decisions**: a mail contact's only address is its external one, which is also its
//! primary address; a mail user has an address of the organisation besides, as a mailbox
//! does. Get-MailContact's default table is `Name Alias RecipientType` and
//! Get-MailUser's `Name RecipientType` (Exchange's format data is not public). The
//! message formats a contact is sent in are kept, not used (no mail flows here).

use super::recipients::{GUEST_MAIL_USER, MAIL_CONTACT as CONTACT_KIND, MAIL_USER as USER_KIND};
use super::{COMMON_TAIL, CREATED_AND_REMOVED, Layout, NounSpec, Storage};

/// The settings both start with.
const DEFAULTS: &str = r#"{"ExternalEmailAddress":null,"UsePreferMessageFormat":false,
    "MessageFormat":"Mime","MessageBodyFormat":"TextAndHtml","MacAttachmentFormat":"BinHex",
    "ModeratedBy":[],"ModerationEnabled":false}"#;

/// Get/Set/New/Remove-MailUser. A removed mail user is kept among the soft-deleted for
/// 30 days (Get-MailUser -SoftDeletedMailUser).
pub static MAIL_USER: NounSpec = NounSpec {
    nouns: &["MailUser"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.MailUser",
    storage: Storage::Recipients(Layout {
        head: &[
            "RunspaceId",
            "ExternalEmailAddress",
            "UsePreferMessageFormat",
            "MessageFormat",
            "MessageBodyFormat",
            "MacAttachmentFormat",
            "SamAccountName",
            "UserPrincipalName",
            "WindowsLiveID",
            "MicrosoftOnlineServicesID",
            "ModeratedBy",
            "ModerationEnabled",
            "Alias",
            "CustomAttribute1",
            "CustomAttribute2",
            "CustomAttribute3",
            "CustomAttribute4",
            "CustomAttribute5",
            "CustomAttribute6",
            "CustomAttribute7",
            "CustomAttribute8",
            "CustomAttribute9",
            "CustomAttribute10",
            "CustomAttribute11",
            "CustomAttribute12",
            "CustomAttribute13",
            "CustomAttribute14",
            "CustomAttribute15",
            "DisplayName",
            "EmailAddresses",
            "ExternalDirectoryObjectId",
            "HiddenFromAddressListsEnabled",
            "LegacyExchangeDN",
            "MaxSendSize",
            "MaxReceiveSize",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "WindowsEmailAddress",
            "IsSoftDeletedByRemove",
            "WhenSoftDeleted",
        ],
        extra: false,
        tail: COMMON_TAIL,
        kinds: &[USER_KIND, GUEST_MAIL_USER],
        defaults: DEFAULTS,
        soft_delete: true,
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "RecipientType"],
    expanded: None,
};

/// Get/Set/New/Remove-MailContact.
pub static MAIL_CONTACT: NounSpec = NounSpec {
    nouns: &["MailContact"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.MailContact",
    storage: Storage::Recipients(Layout {
        head: &[
            "RunspaceId",
            "ExternalEmailAddress",
            "UsePreferMessageFormat",
            "MessageFormat",
            "MessageBodyFormat",
            "MacAttachmentFormat",
            "ModeratedBy",
            "ModerationEnabled",
            "Alias",
            "CustomAttribute1",
            "CustomAttribute2",
            "CustomAttribute3",
            "CustomAttribute4",
            "CustomAttribute5",
            "CustomAttribute6",
            "CustomAttribute7",
            "CustomAttribute8",
            "CustomAttribute9",
            "CustomAttribute10",
            "CustomAttribute11",
            "CustomAttribute12",
            "CustomAttribute13",
            "CustomAttribute14",
            "CustomAttribute15",
            "DisplayName",
            "EmailAddresses",
            "ExternalDirectoryObjectId",
            "HiddenFromAddressListsEnabled",
            "LegacyExchangeDN",
            "MaxSendSize",
            "MaxReceiveSize",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "WindowsEmailAddress",
        ],
        extra: false,
        tail: COMMON_TAIL,
        kinds: &[CONTACT_KIND],
        defaults: DEFAULTS,
        soft_delete: false,
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "Alias", "RecipientType"],
    expanded: None,
};
