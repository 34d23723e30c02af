//! The recipients: one row of the `recipients` table per mailbox, whose columns are named
//! exactly as Exchange names the properties (`MapiEnabled`, `Department`, ...), so a
//! parameter, an OPATH property and a column are matched by one case-insensitive name.
//! Settings no column holds (the long tail of Set-Mailbox/Set-User parameters) live in
//! the row's `Extra` JSON object under the parameter's name. Every recipient noun
//! (Get-CASMailbox, Get-Mailbox, Get-User, Get-Recipient, Get-DistributionGroup, ...)
//! shows the rows of its kinds of recipient ([`RECIPIENT_KINDS`]) in its own layout.

use super::{
    COMMON_TAIL, Column, Computed, DIRECTORY, Derived, GET_SET, Kind, Layout, Link, NounSpec, Op,
    Storage, Target, computed, find_computed, policies, retention,
};

const fn col(name: &'static str, kind: Kind, default: Option<&'static str>) -> Column {
    Column {
        name,
        kind,
        default,
    }
}
const fn on(name: &'static str) -> Column {
    col(name, Kind::Bool, Some("1"))
}
const fn off(name: &'static str) -> Column {
    col(name, Kind::Bool, Some("0"))
}
const fn nbool(name: &'static str) -> Column {
    col(name, Kind::NullBool, None)
}
const fn text(name: &'static str) -> Column {
    col(name, Kind::Text, None)
}
const fn multi(name: &'static str) -> Column {
    col(name, Kind::Multi, Some("'[]'"))
}
const fn int(name: &'static str) -> Column {
    col(name, Kind::Int, None)
}
const fn date(name: &'static str) -> Column {
    col(name, Kind::Date, None)
}
const fn enumeration(
    name: &'static str,
    type_name: &'static str,
    default: Option<&'static str>,
) -> Column {
    col(name, Kind::Enum(type_name), default)
}
const fn reference(name: &'static str, target: Target) -> Column {
    col(name, Kind::Reference(target), None)
}

/// Every stored recipient property. Identity columns first, then the user's attributes,
/// the mailbox's settings and the CAS mailbox settings (every Set-CASMailbox parameter
/// that applies to Exchange Online has its column here).
pub static RECIPIENT_COLUMNS: &[Column] = &[
    // Identity and directory.
    text("Guid"),
    text("ExchangeGuid"),
    text("ExternalDirectoryObjectId"),
    text("Name"),
    text("Alias"),
    text("DisplayName"),
    text("PrimarySmtpAddress"),
    text("UserPrincipalName"),
    text("SamAccountName"),
    text("LegacyExchangeDN"),
    enumeration("RecipientTypeDetails", "RecipientTypeDetails", None),
    text("ServerName"),
    text("ServerLegacyDN"),
    text("Database"),
    date("WhenCreatedUTC"),
    date("WhenChangedUTC"),
    // The user (Set-User).
    text("FirstName"),
    text("LastName"),
    text("Initials"),
    text("Title"),
    text("Department"),
    text("Company"),
    text("Office"),
    text("Phone"),
    text("MobilePhone"),
    text("HomePhone"),
    text("Fax"),
    text("Pager"),
    text("City"),
    text("StateOrProvince"),
    text("PostalCode"),
    text("CountryOrRegion"),
    text("StreetAddress"),
    reference("Manager", Target::Recipient),
    text("Notes"),
    text("WebPage"),
    text("AssistantName"),
    text("SimpleDisplayName"),
    text("PhoneticDisplayName"),
    text("WindowsEmailAddress"),
    multi("OtherFax"),
    multi("OtherHomePhone"),
    multi("OtherTelephone"),
    multi("PostOfficeBox"),
    on("RemotePowerShellEnabled"),
    int("SeniorityIndex"),
    off("VIP"),
    // The mailbox (Set-Mailbox).
    text("MailboxPlan"),
    text("ProhibitSendQuota"),
    text("ProhibitSendReceiveQuota"),
    text("IssueWarningQuota"),
    text("MaxSendSize"),
    text("MaxReceiveSize"),
    text("RecipientLimits"),
    text("RetainDeletedItemsFor"),
    reference(
        "RetentionPolicy",
        Target::Object(&retention::RETENTION_POLICY),
    ),
    text("RoleAssignmentPolicy"),
    off("HiddenFromAddressListsEnabled"),
    reference("ForwardingAddress", Target::Recipient),
    text("ForwardingSmtpAddress"),
    off("DeliverToMailboxAndForward"),
    off("LitigationHoldEnabled"),
    on("AuditEnabled"),
    on("SingleItemRecoveryEnabled"),
    off("RetentionHoldEnabled"),
    off("MessageCopyForSentAsEnabled"),
    off("MessageCopyForSendOnBehalfEnabled"),
    multi("GrantSendOnBehalfTo"),
    multi("Languages"),
    int("ResourceCapacity"),
    text("CustomAttribute1"),
    text("CustomAttribute2"),
    text("CustomAttribute3"),
    text("CustomAttribute4"),
    text("CustomAttribute5"),
    text("CustomAttribute6"),
    text("CustomAttribute7"),
    text("CustomAttribute8"),
    text("CustomAttribute9"),
    text("CustomAttribute10"),
    text("CustomAttribute11"),
    text("CustomAttribute12"),
    text("CustomAttribute13"),
    text("CustomAttribute14"),
    text("CustomAttribute15"),
    // Client access (Set-CASMailbox).
    multi("ActiveSyncAllowedDeviceIDs"),
    multi("ActiveSyncBlockedDeviceIDs"),
    reference(
        "ActiveSyncMailboxPolicy",
        Target::Object(&policies::MOBILE_DEVICE_MAILBOX_POLICY),
    ),
    off("ActiveSyncDebugLogging"),
    on("ActiveSyncEnabled"),
    off("HasActiveSyncDevicePartnership"),
    off("ActiveSyncSuppressReadReceipt"),
    reference(
        "OwaMailboxPolicy",
        Target::Object(&policies::OWA_MAILBOX_POLICY),
    ),
    on("OWAEnabled"),
    on("OWAforDevicesEnabled"),
    on("ECPEnabled"),
    on("PopEnabled"),
    on("PopUseProtocolDefaults"),
    enumeration(
        "PopMessagesRetrievalMimeFormat",
        "MimeTextFormat",
        Some("'BestBodyFormat'"),
    ),
    off("PopEnableExactRFC822Size"),
    off("PopProtocolLoggingEnabled"),
    off("PopSuppressReadReceipt"),
    off("PopForceICalForCalendarRetrievalOption"),
    on("PopMessageDeleteEnabled"),
    on("ImapEnabled"),
    on("ImapUseProtocolDefaults"),
    enumeration(
        "ImapMessagesRetrievalMimeFormat",
        "MimeTextFormat",
        Some("'BestBodyFormat'"),
    ),
    off("ImapEnableExactRFC822Size"),
    off("ImapProtocolLoggingEnabled"),
    off("ImapSuppressReadReceipt"),
    off("ImapForceICalForCalendarRetrievalOption"),
    on("MapiEnabled"),
    nbool("MapiHttpEnabled"),
    off("MAPIBlockOutlookNonCachedMode"),
    text("MAPIBlockOutlookVersions"),
    off("MAPIBlockOutlookRpcHttp"),
    off("MAPIBlockOutlookExternalConnectivity"),
    nbool("EwsEnabled"),
    nbool("EwsAllowOutlook"),
    nbool("EwsAllowMacOutlook"),
    nbool("EwsAllowEntourage"),
    enumeration(
        "EwsApplicationAccessPolicy",
        "EwsApplicationAccessPolicy",
        None,
    ),
    multi("EwsAllowList"),
    multi("EwsBlockList"),
    on("ShowGalAsDefaultView"),
    nbool("SmtpClientAuthenticationDisabled"),
    on("UniversalOutlookEnabled"),
    on("OutlookMobileEnabled"),
    on("MacOutlookEnabled"),
    on("OneWinNativeOutlookEnabled"),
    off("PublicFolderClientAccess"),
    off("IsOptimizedForAccessibility"),
    // Soft delete: when Remove-Mailbox removed it (blank while in use).
    date("WhenSoftDeleted"),
];

/// The position in [`RECIPIENT_COLUMNS`] of the column holding a property, matched
/// case-insensitively (a map built once: rendering asks for ~80 properties per object).
pub fn recipient_column_index(name: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, usize>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            RECIPIENT_COLUMNS
                .iter()
                .enumerate()
                .map(|(i, c)| (c.name.to_ascii_lowercase(), i))
                .collect()
        })
        .get(&name.to_ascii_lowercase())
        .copied()
}

/// The column holding a property, matched case-insensitively.
pub fn recipient_column(name: &str) -> Option<&'static Column> {
    recipient_column_index(name).and_then(|i| RECIPIENT_COLUMNS.get(i))
}

/// The recipient properties no column holds, besides the directory ones ([`DIRECTORY`]).
pub const RECIPIENT_COMPUTED: &[Computed] = &[
    computed("EmailAddresses", Derived::Addresses),
    computed("LinkedMasterAccount", Derived::Null),
    computed(
        "ActiveSyncMailboxPolicyIsDefaulted",
        Derived::NamesDefault("ActiveSyncMailboxPolicy"),
    ),
    computed("ExternalImapSettings", Derived::EmptyList),
    computed("InternalImapSettings", Derived::EmptyList),
    computed("ExternalPopSettings", Derived::EmptyList),
    computed("InternalPopSettings", Derived::EmptyList),
    computed("ExternalSmtpSettings", Derived::EmptyList),
    computed("InternalSmtpSettings", Derived::EmptyList),
    computed("RecipientType", Derived::RecipientType),
    computed("GroupType", Derived::GroupType),
    computed("ManagedBy", Derived::Linked(Link::Owners)),
    computed("Members", Derived::Linked(Link::Members)),
    computed("MemberOfGroup", Derived::MemberOf),
    computed("GroupMemberCount", Derived::LinkCount(Link::Members)),
    // Only the mailbox nouns show it.
    computed("IsMailboxEnabled", Derived::True),
    computed(
        "IsShared",
        Derived::Is("RecipientTypeDetails", SHARED_MAILBOX),
    ),
    computed(
        "IsResource",
        Derived::Is("RecipientTypeDetails", ROOM_MAILBOX),
    ),
    computed(
        "MicrosoftOnlineServicesID",
        Derived::Same("UserPrincipalName"),
    ),
    computed("WindowsLiveID", Derived::Same("UserPrincipalName")),
    computed("WhenChanged", Derived::Same("WhenChangedUTC")),
    computed("WhenCreated", Derived::Same("WhenCreatedUTC")),
    computed("WhenMailboxCreated", Derived::Same("WhenCreatedUTC")),
    computed("IsSoftDeletedByRemove", Derived::Set("WhenSoftDeleted")),
];

/// The computed recipient property of a name (its own or a directory one).
pub fn recipient_computed(name: &str) -> Option<&'static Computed> {
    find_computed(RECIPIENT_COMPUTED, name).or_else(|| find_computed(DIRECTORY, name))
}

/// The recipient kinds exosh keeps (RecipientTypeDetails values).
pub const USER_MAILBOX: &str = "UserMailbox";
pub const SHARED_MAILBOX: &str = "SharedMailbox";
pub const ROOM_MAILBOX: &str = "RoomMailbox";
pub const UNIVERSAL_DISTRIBUTION_GROUP: &str = "MailUniversalDistributionGroup";
pub const UNIVERSAL_SECURITY_GROUP: &str = "MailUniversalSecurityGroup";
pub const ROOM_LIST: &str = "RoomList";
pub const DYNAMIC_DISTRIBUTION_GROUP: &str = "DynamicDistributionGroup";
pub const GROUP_MAILBOX: &str = "GroupMailbox";
pub const MAIL_USER: &str = "MailUser";
pub const GUEST_MAIL_USER: &str = "GuestMailUser";
pub const MAIL_CONTACT: &str = "MailContact";

/// Where a kind of recipient sits in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryClass {
    /// A user account (with a mailbox or not).
    User,
    /// A group.
    Group,
    /// A dynamic distribution group (its members are found by its filter).
    DynamicGroup,
    /// A contact outside the organisation.
    Contact,
}

impl DirectoryClass {
    /// The schema class ObjectCategory names.
    pub fn category(self) -> &'static str {
        match self {
            DirectoryClass::User | DirectoryClass::Contact => "Person",
            DirectoryClass::Group => "Group",
            DirectoryClass::DynamicGroup => "ms-Exch-Dynamic-Distribution-List",
        }
    }

    /// Its classes, most general first (ObjectClass).
    pub fn classes(self) -> &'static [&'static str] {
        match self {
            DirectoryClass::User => &["top", "person", "organizationalPerson", "user"],
            DirectoryClass::Group => &["top", "group"],
            DirectoryClass::DynamicGroup => &["top", "msExchDynamicDistributionList"],
            DirectoryClass::Contact => &["top", "person", "organizationalPerson", "contact"],
        }
    }
}

/// One kind of recipient: its RecipientTypeDetails, the RecipientType it is of, and
/// its place in the directory.
#[derive(Debug)]
pub struct RecipientKind {
    pub details: &'static str,
    pub recipient_type: &'static str,
    pub class: DirectoryClass,
}

const fn kind(
    details: &'static str,
    recipient_type: &'static str,
    class: DirectoryClass,
) -> RecipientKind {
    RecipientKind {
        details,
        recipient_type,
        class,
    }
}

/// Every kind of recipient the local organisation keeps (Exchange's pairs of
/// RecipientTypeDetails and RecipientType).
pub static RECIPIENT_KINDS: &[RecipientKind] = &[
    kind(USER_MAILBOX, USER_MAILBOX, DirectoryClass::User),
    kind(SHARED_MAILBOX, USER_MAILBOX, DirectoryClass::User),
    kind(ROOM_MAILBOX, USER_MAILBOX, DirectoryClass::User),
    kind(
        UNIVERSAL_DISTRIBUTION_GROUP,
        UNIVERSAL_DISTRIBUTION_GROUP,
        DirectoryClass::Group,
    ),
    kind(
        UNIVERSAL_SECURITY_GROUP,
        UNIVERSAL_SECURITY_GROUP,
        DirectoryClass::Group,
    ),
    kind(
        ROOM_LIST,
        UNIVERSAL_DISTRIBUTION_GROUP,
        DirectoryClass::Group,
    ),
    kind(
        DYNAMIC_DISTRIBUTION_GROUP,
        DYNAMIC_DISTRIBUTION_GROUP,
        DirectoryClass::DynamicGroup,
    ),
    kind(
        GROUP_MAILBOX,
        UNIVERSAL_DISTRIBUTION_GROUP,
        DirectoryClass::Group,
    ),
    kind(MAIL_USER, MAIL_USER, DirectoryClass::User),
    kind(GUEST_MAIL_USER, MAIL_USER, DirectoryClass::User),
    kind(MAIL_CONTACT, MAIL_CONTACT, DirectoryClass::Contact),
];

/// The kind a RecipientTypeDetails value names.
pub fn recipient_kind(details: &str) -> Option<&'static RecipientKind> {
    RECIPIENT_KINDS
        .iter()
        .find(|k| k.details.eq_ignore_ascii_case(details))
}

/// A group's GroupType: every group here is universal; a security group is also
/// security-enabled. `None` for a recipient that is not a group.
pub fn group_type(details: &str) -> Option<&'static str> {
    let kind = recipient_kind(details)?;
    match (kind.class, kind.details) {
        (DirectoryClass::Group, UNIVERSAL_SECURITY_GROUP) => Some("Universal, SecurityEnabled"),
        (DirectoryClass::Group, _) => Some("Universal"),
        _ => None,
    }
}

/// The mailboxes: what the mailbox nouns show, and what an identity of a mailbox
/// permission or statistics names.
pub const MAILBOXES: &[&str] = &[USER_MAILBOX, SHARED_MAILBOX, ROOM_MAILBOX];
/// The user accounts: mailboxes and mail users (Get-User).
pub const USERS: &[&str] = &[
    USER_MAILBOX,
    SHARED_MAILBOX,
    ROOM_MAILBOX,
    MAIL_USER,
    GUEST_MAIL_USER,
];
/// Who a permission can be given to: users and mail-enabled security groups.
pub const SECURITY_PRINCIPALS: &[&str] = &[
    USER_MAILBOX,
    SHARED_MAILBOX,
    ROOM_MAILBOX,
    MAIL_USER,
    GUEST_MAIL_USER,
    UNIVERSAL_SECURITY_GROUP,
];

/// A mailbox noun's storage: its own properties, then the directory ones.
const fn layout(extra: bool, head: &'static [&'static str]) -> Storage {
    layout_of(MAILBOXES, extra, head)
}

/// A recipient noun's storage: the kinds it shows, its own properties, then the
/// directory ones.
const fn layout_of(
    kinds: &'static [&'static str],
    extra: bool,
    head: &'static [&'static str],
) -> Storage {
    Storage::Recipients(Layout {
        head,
        extra,
        tail: COMMON_TAIL,
        kinds,
        defaults: "{}",
        soft_delete: true,
    })
}

/// Get-CASMailbox: exchange.md §2's order.
pub static CAS_MAILBOX: NounSpec = NounSpec {
    nouns: &["CASMailbox"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.CASMailbox",
    storage: layout(
        false,
        &[
            "RunspaceId",
            "ExternalDirectoryObjectId",
            "EmailAddresses",
            "LegacyExchangeDN",
            "LinkedMasterAccount",
            "PrimarySmtpAddress",
            "SamAccountName",
            "ServerLegacyDN",
            "ServerName",
            "DisplayName",
            "ActiveSyncAllowedDeviceIDs",
            "ActiveSyncBlockedDeviceIDs",
            "ActiveSyncMailboxPolicy",
            "ActiveSyncMailboxPolicyIsDefaulted",
            "ActiveSyncDebugLogging",
            "ActiveSyncEnabled",
            "HasActiveSyncDevicePartnership",
            "ActiveSyncSuppressReadReceipt",
            "ExternalImapSettings",
            "InternalImapSettings",
            "ExternalPopSettings",
            "InternalPopSettings",
            "ExternalSmtpSettings",
            "InternalSmtpSettings",
            "OwaMailboxPolicy",
            "OWAEnabled",
            "OWAforDevicesEnabled",
            "ECPEnabled",
            "PopEnabled",
            "PopUseProtocolDefaults",
            "PopMessagesRetrievalMimeFormat",
            "PopEnableExactRFC822Size",
            "PopProtocolLoggingEnabled",
            "PopSuppressReadReceipt",
            "PopForceICalForCalendarRetrievalOption",
            "PopMessageDeleteEnabled",
            "ImapEnabled",
            "ImapUseProtocolDefaults",
            "ImapMessagesRetrievalMimeFormat",
            "ImapEnableExactRFC822Size",
            "ImapProtocolLoggingEnabled",
            "ImapSuppressReadReceipt",
            "ImapForceICalForCalendarRetrievalOption",
            "MapiEnabled",
            "MapiHttpEnabled",
            "MAPIBlockOutlookNonCachedMode",
            "MAPIBlockOutlookVersions",
            "MAPIBlockOutlookRpcHttp",
            "MAPIBlockOutlookExternalConnectivity",
            "EwsEnabled",
            "EwsAllowOutlook",
            "EwsAllowMacOutlook",
            "EwsAllowEntourage",
            "EwsApplicationAccessPolicy",
            "EwsAllowList",
            "EwsBlockList",
            "ShowGalAsDefaultView",
            "SmtpClientAuthenticationDisabled",
            "UniversalOutlookEnabled",
            "OutlookMobileEnabled",
            "MacOutlookEnabled",
            "OneWinNativeOutlookEnabled",
            "PublicFolderClientAccess",
            "IsOptimizedForAccessibility",
        ],
    ),
    verbs: GET_SET,
    table: &[
        "Name",
        "ActiveSyncEnabled",
        "OWAEnabled",
        "PopEnabled",
        "ImapEnabled",
        "MapiEnabled",
        "SmtpClientAuthenticationDisabled",
    ],
    expanded: None,
};

/// Get-EXOCasMailbox without -Properties or -PropertySets: the module's Minimum property
/// set, in the order Microsoft's "cmdlet property sets" page lists it; the others come
/// from the whole CASMailbox ([`super::property_sets`]). The objects are not
/// CASMailbox objects (the module builds its own from the REST answer), so the CASMailbox
/// table does not apply and, with more than four properties, they print as a list.
/// **decision**: the type name.
pub static EXO_CAS_MAILBOX: NounSpec = NounSpec {
    nouns: &["EXOCasMailbox"],
    type_name: "Microsoft.Exchange.Management.RestApiClient.ExoCasMailbox",
    storage: Storage::Recipients(Layout {
        head: &[
            "ActiveSyncEnabled",
            "DisplayName",
            "ECPEnabled",
            "EmailAddresses",
            "EwsEnabled",
            "ExchangeVersion",
            "Guid",
            "Identity",
            "ImapEnabled",
            "MAPIEnabled",
            "Name",
            "OWAEnabled",
            "OrganizationId",
            "PopEnabled",
            "PrimarySmtpAddress",
            "ServerLegacyDN",
        ],
        extra: false,
        tail: &[],
        kinds: MAILBOXES,
        defaults: "{}",
        soft_delete: true,
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: Some(&CAS_MAILBOX),
};

/// Get-EXOMailbox without -Properties or -PropertySets: the module's Minimum property
/// set, in the order Microsoft's "cmdlet property sets" page lists it; the others come
/// from the whole mailbox ([`super::property_sets`]). **Decision**: the type name, as
/// for Get-EXOCasMailbox; printed as a list.
pub static EXO_MAILBOX: NounSpec = NounSpec {
    nouns: &["EXOMailbox"],
    type_name: "Microsoft.Exchange.Management.RestApiClient.ExoMailbox",
    storage: Storage::Recipients(Layout {
        head: &[
            "Alias",
            "DisplayName",
            "DistinguishedName",
            "EmailAddresses",
            "ExchangeVersion",
            "ExternalDirectoryObjectId",
            "Guid",
            "Id",
            "Name",
            "OrganizationId",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "UserPrincipalName",
        ],
        extra: false,
        tail: &[],
        kinds: MAILBOXES,
        defaults: "{}",
        soft_delete: true,
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: Some(&MAILBOX),
};

/// Get-Mailbox. **Decision**: the mailbox's settings first, then its addressing, as the
/// Exchange Management Shell groups them.
pub static MAILBOX: NounSpec = NounSpec {
    nouns: &["Mailbox"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.Mailbox",
    storage: layout(
        true,
        &[
            "RunspaceId",
            "Database",
            "MailboxPlan",
            "DeliverToMailboxAndForward",
            "LitigationHoldEnabled",
            "SingleItemRecoveryEnabled",
            "RetentionHoldEnabled",
            "RetentionPolicy",
            "ExchangeGuid",
            "AuditEnabled",
            "MessageCopyForSentAsEnabled",
            "MessageCopyForSendOnBehalfEnabled",
            "ForwardingAddress",
            "ForwardingSmtpAddress",
            "RetainDeletedItemsFor",
            "IsMailboxEnabled",
            "IsSoftDeletedByRemove",
            "WhenSoftDeleted",
            "Languages",
            "ProhibitSendQuota",
            "ProhibitSendReceiveQuota",
            "IssueWarningQuota",
            "RecipientLimits",
            "IsResource",
            "IsShared",
            "ResourceCapacity",
            "RoleAssignmentPolicy",
            "ServerLegacyDN",
            "ServerName",
            "SamAccountName",
            "UserPrincipalName",
            "ExternalDirectoryObjectId",
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
            "GrantSendOnBehalfTo",
            "HiddenFromAddressListsEnabled",
            "LegacyExchangeDN",
            "MaxSendSize",
            "MaxReceiveSize",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "WindowsEmailAddress",
            "MicrosoftOnlineServicesID",
        ],
    ),
    verbs: &[
        ("Get", Op::Get),
        ("Set", Op::Set),
        ("New", Op::NewMailbox),
        ("Remove", Op::Remove),
    ],
    table: &[
        "Name",
        "Alias",
        "Database",
        "ProhibitSendQuota",
        "ExternalDirectoryObjectId",
    ],
    expanded: None,
};

/// Undo-SoftDeletedMailbox: a mailbox Remove-Mailbox soft-deleted, brought back with its
/// settings (Get-Mailbox -SoftDeletedMailbox lists them, as mailboxes).
pub static SOFT_DELETED_MAILBOX: NounSpec = NounSpec {
    nouns: &["SoftDeletedMailbox"],
    type_name: MAILBOX.type_name,
    storage: layout(true, &[]),
    verbs: &[("Undo", Op::Undo)],
    table: &[],
    expanded: None,
};

/// Get-User.
pub static USER: NounSpec = NounSpec {
    nouns: &["User"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.User",
    storage: layout_of(
        USERS,
        true,
        &[
            "RunspaceId",
            "AssistantName",
            "City",
            "Company",
            "CountryOrRegion",
            "Department",
            "DisplayName",
            "Fax",
            "FirstName",
            "HomePhone",
            "Initials",
            "LastName",
            "Manager",
            "MobilePhone",
            "Notes",
            "Office",
            "OtherFax",
            "OtherHomePhone",
            "OtherTelephone",
            "Pager",
            "Phone",
            "PhoneticDisplayName",
            "PostalCode",
            "PostOfficeBox",
            "RecipientType",
            "RecipientTypeDetails",
            "SimpleDisplayName",
            "StateOrProvince",
            "StreetAddress",
            "Title",
            "UserPrincipalName",
            "WebPage",
            "WindowsEmailAddress",
            "MicrosoftOnlineServicesID",
            "ExternalDirectoryObjectId",
            "RemotePowerShellEnabled",
            "SeniorityIndex",
            "VIP",
            "SamAccountName",
        ],
    ),
    verbs: GET_SET,
    table: &["Name", "RecipientType"],
    expanded: None,
};

/// Get-Recipient (Exchange's reduced recipient).
pub static RECIPIENT: NounSpec = NounSpec {
    nouns: &["Recipient", "EXORecipient"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient",
    storage: layout_of(
        &[],
        false,
        &[
            "RunspaceId",
            "Alias",
            "City",
            "Company",
            "CountryOrRegion",
            "Database",
            "Department",
            "DisplayName",
            "EmailAddresses",
            "ExternalDirectoryObjectId",
            "FirstName",
            "HiddenFromAddressListsEnabled",
            "LastName",
            "Manager",
            "Notes",
            "Office",
            "OwaMailboxPolicy",
            "ActiveSyncMailboxPolicy",
            "Phone",
            "PostalCode",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "StateOrProvince",
            "Title",
        ],
    ),
    verbs: &[("Get", Op::Get)],
    table: &["Name", "RecipientType"],
    expanded: None,
};
