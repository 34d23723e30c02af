//! Groups: distribution groups and mail-enabled security groups (Get-DistributionGroup),
//! with their members (Get-DistributionGroupMember). A group is a recipient, a row of
//! the `recipients` table like a mailbox (so Get-Recipient lists it and an identity finds
//! it), and its members and owners are links to other recipients.
//!
//! **decisions**: the properties Exchange Online shows that the local organisation has no
//! use for (address list membership, the arbitration mailbox, ...) are left out; the
//! lists of senders a group accepts, rejects or lets bypass moderation are kept as
//! given.

use super::recipients::{
    RECIPIENT, ROOM_LIST, UNIVERSAL_DISTRIBUTION_GROUP, UNIVERSAL_SECURITY_GROUP,
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
