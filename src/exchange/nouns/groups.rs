//! Groups: distribution groups and mail-enabled security groups (Get-DistributionGroup),
//! with their members (Get-DistributionGroupMember); dynamic distribution groups, whose
//! members are the recipients their RecipientFilter selects
//! (Get-DynamicDistributionGroupMember); and Microsoft 365 groups (Get-UnifiedGroup),
//! with their members, owners and subscribers (Get-UnifiedGroupLinks). A group is a recipient, a row of the
//! `recipients` table like a mailbox (so Get-Recipient lists it and an identity finds
//! it), and its members and owners are links to other recipients.
//!
//! **decisions**: the properties Exchange Online shows that the local organisation has no
//! use for (address list membership, the arbitration mailbox, the LDAP form of a
//! filter, ...) are left out; the lists of senders a group accepts, rejects or lets
//! bypass moderation are kept as given. A dynamic group's ManagedBy, one recipient in
//! Exchange, shows as a list of one, as a distribution group's owners do. Its default
//! table is `Name ManagedBy`: Exchange's format data is not public, and the reference
//! shows none. A Microsoft 365 group's SharePoint site is named for its alias (no site
//! exists here), and its conversations, calendar and files are not kept.

use super::recipients::{
    DYNAMIC_DISTRIBUTION_GROUP as DYNAMIC_KIND, GROUP_MAILBOX, RECIPIENT, ROOM_LIST,
    UNIVERSAL_DISTRIBUTION_GROUP, UNIVERSAL_SECURITY_GROUP,
};
use super::{
    COMMON_TAIL, CREATED_AND_REMOVED, Layout, Link, LinkSource, Links, NounSpec, Op, Storage,
};

/// The kinds of recipient Get-DistributionGroup shows.
pub const DISTRIBUTION_GROUPS: &[&str] = &[
    UNIVERSAL_DISTRIBUTION_GROUP,
    UNIVERSAL_SECURITY_GROUP,
    ROOM_LIST,
];

/// Get/Set/New/Remove-DistributionGroup, in Exchange Online's Format-List order.
pub static DISTRIBUTION_GROUP: NounSpec = NounSpec {
    nouns: &["DistributionGroup"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.DistributionGroup",
    storage: Storage::Recipients(Layout {
        head: &[
            "RunspaceId",
            "GroupType",
            "SamAccountName",
            "BypassNestedModerationEnabled",
            "IsDirSynced",
            "ManagedBy",
            "MemberJoinRestriction",
            "MemberDepartRestriction",
            "MigrationToUnifiedGroupInProgress",
            "HiddenGroupMembershipEnabled",
            "ReportToManagerEnabled",
            "ReportToOriginatorEnabled",
            "SendOofMessageToOriginatorEnabled",
            "AcceptMessagesOnlyFrom",
            "AcceptMessagesOnlyFromDLMembers",
            "AcceptMessagesOnlyFromSendersOrMembers",
            "Alias",
            "BypassModerationFromSendersOrMembers",
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
            "ExternalDirectoryObjectId",
            "HiddenFromAddressListsEnabled",
            "LegacyExchangeDN",
            "MaxSendSize",
            "MaxReceiveSize",
            "ModeratedBy",
            "ModerationEnabled",
            "EmailAddressPolicyEnabled",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "RejectMessagesFrom",
            "RejectMessagesFromDLMembers",
            "RejectMessagesFromSendersOrMembers",
            "RequireSenderAuthenticationEnabled",
            "SimpleDisplayName",
            "SendModerationNotifications",
            "WindowsEmailAddress",
            "MailTip",
        ],
        extra: false,
        tail: COMMON_TAIL,
        kinds: DISTRIBUTION_GROUPS,
        // Exchange Online's defaults for a new group. A security group's membership is
        // closed both ways (set when it is made).
        defaults: r#"{"BypassNestedModerationEnabled":false,"IsDirSynced":false,
            "MemberJoinRestriction":"Closed","MemberDepartRestriction":"Open",
            "MigrationToUnifiedGroupInProgress":false,"HiddenGroupMembershipEnabled":false,
            "ReportToManagerEnabled":false,"ReportToOriginatorEnabled":true,
            "SendOofMessageToOriginatorEnabled":false,"AcceptMessagesOnlyFrom":[],
            "AcceptMessagesOnlyFromDLMembers":[],"AcceptMessagesOnlyFromSendersOrMembers":[],
            "BypassModerationFromSendersOrMembers":[],"ModeratedBy":[],
            "ModerationEnabled":false,"EmailAddressPolicyEnabled":false,
            "RejectMessagesFrom":[],"RejectMessagesFromDLMembers":[],
            "RejectMessagesFromSendersOrMembers":[],"RequireSenderAuthenticationEnabled":true,
            "SendModerationNotifications":"Always","MailTip":null}"#,
        soft_delete: false,
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "DisplayName", "GroupType", "PrimarySmtpAddress"],
    expanded: None,
};

/// Get/Add/Remove/Update-DistributionGroupMember: a group's members, each shown as
/// Get-Recipient shows it (Update- replaces the whole list).
pub static DISTRIBUTION_GROUP_MEMBER: NounSpec = NounSpec {
    nouns: &["DistributionGroupMember"],
    type_name: RECIPIENT.type_name,
    storage: Storage::Links(Links {
        group: &DISTRIBUTION_GROUP,
        link: LinkSource::Fixed(Link::Members),
    }),
    verbs: &[
        ("Get", Op::Get),
        ("Add", Op::Add),
        ("Remove", Op::Remove),
        ("Update", Op::Set),
    ],
    table: &[],
    expanded: None,
};

/// The settings a dynamic distribution group's filter is made of: a filter of one's own
/// (-RecipientFilter, first), or Exchange's precanned one (-IncludedRecipients, second,
/// and the -Conditional* lists, in the order their conditions are written).
pub const FILTER_SETTINGS: &[&str] = &[
    "RecipientFilter",
    "IncludedRecipients",
    "ConditionalDepartment",
    "ConditionalCompany",
    "ConditionalStateOrProvince",
    "ConditionalCustomAttribute1",
    "ConditionalCustomAttribute2",
    "ConditionalCustomAttribute3",
    "ConditionalCustomAttribute4",
    "ConditionalCustomAttribute5",
    "ConditionalCustomAttribute6",
    "ConditionalCustomAttribute7",
    "ConditionalCustomAttribute8",
    "ConditionalCustomAttribute9",
    "ConditionalCustomAttribute10",
    "ConditionalCustomAttribute11",
    "ConditionalCustomAttribute12",
    "ConditionalCustomAttribute13",
    "ConditionalCustomAttribute14",
    "ConditionalCustomAttribute15",
];

/// Get/Set/New/Remove-DynamicDistributionGroup, in Exchange Online's Format-List order.
pub static DYNAMIC_DISTRIBUTION_GROUP: NounSpec = NounSpec {
    nouns: &["DynamicDistributionGroup"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.DynamicDistributionGroup",
    storage: Storage::Recipients(Layout {
        head: &[
            "RunspaceId",
            "RecipientContainer",
            "RecipientFilter",
            "IncludedRecipients",
            "ConditionalDepartment",
            "ConditionalCompany",
            "ConditionalStateOrProvince",
            "ConditionalCustomAttribute1",
            "ConditionalCustomAttribute2",
            "ConditionalCustomAttribute3",
            "ConditionalCustomAttribute4",
            "ConditionalCustomAttribute5",
            "ConditionalCustomAttribute6",
            "ConditionalCustomAttribute7",
            "ConditionalCustomAttribute8",
            "ConditionalCustomAttribute9",
            "ConditionalCustomAttribute10",
            "ConditionalCustomAttribute11",
            "ConditionalCustomAttribute12",
            "ConditionalCustomAttribute13",
            "ConditionalCustomAttribute14",
            "ConditionalCustomAttribute15",
            "RecipientFilterType",
            "Notes",
            "PhoneticDisplayName",
            "ManagedBy",
            "ReportToManagerEnabled",
            "ReportToOriginatorEnabled",
            "SendOofMessageToOriginatorEnabled",
            "AcceptMessagesOnlyFrom",
            "AcceptMessagesOnlyFromDLMembers",
            "AcceptMessagesOnlyFromSendersOrMembers",
            "Alias",
            "BypassModerationFromSendersOrMembers",
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
            "ExternalDirectoryObjectId",
            "HiddenFromAddressListsEnabled",
            "LegacyExchangeDN",
            "MaxSendSize",
            "MaxReceiveSize",
            "ModeratedBy",
            "ModerationEnabled",
            "EmailAddressPolicyEnabled",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "RejectMessagesFrom",
            "RejectMessagesFromDLMembers",
            "RejectMessagesFromSendersOrMembers",
            "RequireSenderAuthenticationEnabled",
            "SimpleDisplayName",
            "SendModerationNotifications",
            "WindowsEmailAddress",
            "MailTip",
        ],
        extra: false,
        tail: COMMON_TAIL,
        kinds: &[DYNAMIC_KIND],
        // The filter's settings are the command's, and the container the organisation's
        // (both set when the group is made).
        defaults: r#"{"RecipientContainer":null,"RecipientFilter":null,
            "IncludedRecipients":null,"ConditionalDepartment":[],"ConditionalCompany":[],
            "ConditionalStateOrProvince":[],"ConditionalCustomAttribute1":[],
            "ConditionalCustomAttribute2":[],"ConditionalCustomAttribute3":[],
            "ConditionalCustomAttribute4":[],"ConditionalCustomAttribute5":[],
            "ConditionalCustomAttribute6":[],"ConditionalCustomAttribute7":[],
            "ConditionalCustomAttribute8":[],"ConditionalCustomAttribute9":[],
            "ConditionalCustomAttribute10":[],"ConditionalCustomAttribute11":[],
            "ConditionalCustomAttribute12":[],"ConditionalCustomAttribute13":[],
            "ConditionalCustomAttribute14":[],"ConditionalCustomAttribute15":[],
            "RecipientFilterType":null,
            "ReportToManagerEnabled":false,"ReportToOriginatorEnabled":true,
            "SendOofMessageToOriginatorEnabled":false,"AcceptMessagesOnlyFrom":[],
            "AcceptMessagesOnlyFromDLMembers":[],"AcceptMessagesOnlyFromSendersOrMembers":[],
            "BypassModerationFromSendersOrMembers":[],"ModeratedBy":[],
            "ModerationEnabled":false,"EmailAddressPolicyEnabled":false,
            "RejectMessagesFrom":[],"RejectMessagesFromDLMembers":[],
            "RejectMessagesFromSendersOrMembers":[],"RequireSenderAuthenticationEnabled":true,
            "SendModerationNotifications":"Always","MailTip":null}"#,
        soft_delete: false,
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "ManagedBy"],
    expanded: None,
};

/// Get-DynamicDistributionGroupMember: the recipients a dynamic group's filter selects
/// now, each shown as Get-Recipient shows it.
pub static DYNAMIC_DISTRIBUTION_GROUP_MEMBER: NounSpec = NounSpec {
    nouns: &["DynamicDistributionGroupMember"],
    type_name: RECIPIENT.type_name,
    storage: Storage::Links(Links {
        group: &DYNAMIC_DISTRIBUTION_GROUP,
        link: LinkSource::Filter,
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: None,
};

/// The kinds of recipient Get-UnifiedGroup shows.
const UNIFIED_GROUPS: &[&str] = &[GROUP_MAILBOX];

/// Get/Set/New/Remove-UnifiedGroup: Microsoft 365 groups. A removed group is kept among
/// the soft-deleted for 30 days (Get-UnifiedGroup -IncludeSoftDeletedGroups,
/// Undo-SoftDeletedUnifiedGroup).
pub static UNIFIED_GROUP: NounSpec = NounSpec {
    nouns: &["UnifiedGroup"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.UnifiedGroup",
    storage: Storage::Recipients(Layout {
        head: &[
            "RunspaceId",
            "AccessType",
            "AllowAddGuests",
            "AlwaysSubscribeMembersToCalendarEvents",
            "AutoSubscribeNewMembers",
            "CalendarMemberReadOnly",
            "Classification",
            "ConnectorsEnabled",
            "GroupMemberCount",
            "GroupExternalMemberCount",
            "HiddenFromExchangeClientsEnabled",
            "IsMembershipDynamic",
            "Language",
            "Notes",
            "SharePointSiteUrl",
            "SubscriptionEnabled",
            "WelcomeMessageEnabled",
            "GroupType",
            "ManagedBy",
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
            "ExternalDirectoryObjectId",
            "HiddenFromAddressListsEnabled",
            "MaxSendSize",
            "MaxReceiveSize",
            "ModeratedBy",
            "ModerationEnabled",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "RequireSenderAuthenticationEnabled",
            "WhenSoftDeleted",
            "WindowsEmailAddress",
        ],
        extra: false,
        tail: COMMON_TAIL,
        kinds: UNIFIED_GROUPS,
        // Exchange Online's defaults for a new group; its SharePoint site is set when it
        // is made. It has no members from outside the organisation here.
        defaults: r#"{"AccessType":"Public","AllowAddGuests":true,
            "AlwaysSubscribeMembersToCalendarEvents":false,"AutoSubscribeNewMembers":false,
            "CalendarMemberReadOnly":false,"Classification":null,"ConnectorsEnabled":true,
            "GroupExternalMemberCount":0,"HiddenFromExchangeClientsEnabled":false,
            "IsMembershipDynamic":false,"Language":"en-US","SharePointSiteUrl":null,
            "SubscriptionEnabled":true,"WelcomeMessageEnabled":true,"ModeratedBy":[],
            "ModerationEnabled":false,"RequireSenderAuthenticationEnabled":true}"#,
        soft_delete: true,
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "DisplayName", "GroupType", "PrimarySmtpAddress"],
    expanded: None,
};

/// Undo-SoftDeletedUnifiedGroup: a removed Microsoft 365 group back, with its links.
pub static SOFT_DELETED_UNIFIED_GROUP: NounSpec = NounSpec {
    nouns: &["SoftDeletedUnifiedGroup"],
    type_name: UNIFIED_GROUP.type_name,
    storage: Storage::Recipients(Layout {
        head: &[],
        extra: false,
        tail: &[],
        kinds: UNIFIED_GROUPS,
        defaults: "{}",
        soft_delete: true,
    }),
    verbs: &[("Undo", Op::Undo)],
    table: &[],
    expanded: None,
};

/// Get/Add/Remove-UnifiedGroupLinks: a Microsoft 365 group's members, owners or
/// subscribers, as `-LinkType` says, each shown as Get-Recipient shows it.
pub static UNIFIED_GROUP_LINKS: NounSpec = NounSpec {
    nouns: &["UnifiedGroupLinks"],
    type_name: RECIPIENT.type_name,
    storage: Storage::Links(Links {
        group: &UNIFIED_GROUP,
        link: LinkSource::Parameter,
    }),
    verbs: &[("Get", Op::Get), ("Add", Op::Add), ("Remove", Op::Remove)],
    table: &[],
    expanded: None,
};
