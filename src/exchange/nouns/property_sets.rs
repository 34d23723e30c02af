//! The property sets of the REST module's Get-EXO* cmdlets: without `-Properties` or
//! `-PropertySets` a Get-EXOMailbox, Get-EXOCasMailbox or Get-EXOMailboxStatistics
//! answers with its Minimum set only; each named set and each named property adds to it;
//! `All` is the whole object. Facts from Microsoft's "Property sets in Exchange Online
//! PowerShell module cmdlets" page and the cmdlets' reference pages (which properties the
//! module leaves out of its objects); the refusal of a property in the module's words.
//!
//! A set name is refused as PowerShell refuses a value outside an enumeration by the
//! `PropertySet` type the Get-EXO* cmdlets share in the enumeration table
//! (`data/exo-enums.tsv`, which lists every cmdlet's sets as one). **Decision**: so a set
//! of another of these cmdlets passes, and adds nothing here.
//!
//! Asking for less is also what makes these cmdlets the fast ones: a report reading five
//! properties of every mailbox builds objects of about twenty, not of eighty.
//!
//! **Decisions**: the Minimum set comes first, in the page's order (its noun's layout),
//! then what was asked for, in the order the whole object shows it (a property of a set
//! or of `-Properties` the whole object lacks comes last, in the order asked). A property
//! of a set that the local organisation keeps no value of is shown blank.

use super::recipients::{EXO_CAS_MAILBOX, EXO_MAILBOX};
use super::{NOT_SETTINGS, NounSpec, Storage, content::EXO_MAILBOX_STATISTICS};
use crate::exchange::catalog::Catalog;
use crate::exchange::request::ExchangeError;

/// What a Get shows: the type name its objects carry and their properties in order.
#[derive(Debug, Clone)]
pub struct Shown {
    pub type_name: &'static str,
    pub properties: Vec<&'static str>,
    /// Whether a recipient's settings that no column holds follow (the whole object's
    /// layout says so).
    pub extra: bool,
}

impl Shown {
    /// A noun's own objects, as its layout shows them.
    pub fn of(noun: &NounSpec) -> Shown {
        let (properties, extra): (Vec<&'static str>, bool) = match &noun.storage {
            Storage::Recipients(layout) => (
                layout.head.iter().chain(layout.tail).copied().collect(),
                layout.extra,
            ),
            Storage::Mailbox(data) => (data.properties.to_vec(), false),
            Storage::Objects(_) | Storage::Links(_) => (Vec::new(), false),
        };
        Shown {
            type_name: noun.type_name,
            properties,
            extra,
        }
    }

    /// Only the properties named in `select` (any case). The settings no column holds
    /// still follow when `select` names one that is not among the properties.
    pub fn narrow(&mut self, select: &[String]) {
        let selected = |p: &str| select.iter().any(|s| s.eq_ignore_ascii_case(p));
        let unlisted = select
            .iter()
            .any(|s| !self.properties.iter().any(|p| p.eq_ignore_ascii_case(s)));
        self.properties.retain(|p| selected(p));
        self.extra &= unlisted;
    }
}

/// A Get-EXO* cmdlet's property sets.
struct PropertySets {
    /// The cmdlet's own noun (its layout is the Minimum set).
    noun: &'static NounSpec,
    /// The other sets' properties.
    sets: &'static [(&'static str, &'static [&'static str])],
    /// Every property of `All`, when the page lists them; else `All` is the whole object
    /// less [`PropertySets::left_out`].
    all: Option<&'static [&'static str]>,
    /// What the module leaves out of its objects (the reference's "Output types").
    left_out: &'static [&'static str],
}

const GET_EXO_MAILBOX: PropertySets = PropertySets {
    noun: &EXO_MAILBOX,
    sets: &[
        (
            "AddressList",
            &[
                "AddressBookPolicy",
                "AddressListMembership",
                "ExternalDirectoryObjectId",
                "GeneratedOfflineAddressBooks",
                "HiddenFromAddressListsEnabled",
                "OfflineAddressBook",
            ],
        ),
        (
            "Archive",
            &[
                "ArchiveDatabase",
                "ArchiveDomain",
                "ArchiveGuid",
                "ArchiveName",
                "ArchiveQuota",
                "ArchiveRelease",
                "ArchiveState",
                "ArchiveStatus",
                "ArchiveWarningQuota",
                "AutoExpandingArchiveEnabled",
                "DisabledArchiveDatabase",
                "DisabledArchiveGuid",
                "ExternalDirectoryObjectId",
                "JournalArchiveAddress",
            ],
        ),
        (
            "Audit",
            &[
                "AuditAdmin",
                "AuditDelegate",
                "AuditEnabled",
                "AuditLogAgeLimit",
                "AuditOwner",
                "DefaultAuditSet",
                "ExternalDirectoryObjectId",
            ],
        ),
        (
            "Custom",
            &[
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
                "ExtensionCustomAttribute1",
                "ExtensionCustomAttribute2",
                "ExtensionCustomAttribute3",
                "ExtensionCustomAttribute4",
                "ExtensionCustomAttribute5",
                "ExternalDirectoryObjectId",
            ],
        ),
        (
            "Delivery",
            &[
                "AcceptMessagesOnlyFrom",
                "AcceptMessagesOnlyFromDLMembers",
                "AcceptMessagesOnlyFromSendersOrMembers",
                "DeliverToMailboxAndForward",
                "DowngradeHighPriorityMessagesEnabled",
                "ExternalDirectoryObjectId",
                "ForwardingAddress",
                "ForwardingSmtpAddress",
                "GrantSendOnBehalfTo",
                "MaxBlockedSenders",
                "MaxReceiveSize",
                "MaxSafeSenders",
                "MaxSendSize",
                "MessageCopyForSendOnBehalfEnabled",
                "MessageCopyForSentAsEnabled",
                "MessageRecallProcessingEnabled",
                "MessageTrackingReadStatusEnabled",
                "RecipientLimits",
                "RejectMessagesFrom",
                "RejectMessagesFromDLMembers",
                "RejectMessagesFromSendersOrMembers",
                "RulesQuota",
            ],
        ),
        (
            "Hold",
            &[
                "ComplianceTagHoldApplied",
                "DelayHoldApplied",
                "ExternalDirectoryObjectId",
                "InPlaceHolds",
                "InactiveMailboxRetireTime",
                "LitigationHoldDate",
                "LitigationHoldDuration",
                "LitigationHoldEnabled",
                "LitigationHoldOwner",
            ],
        ),
        (
            "Moderation",
            &[
                "BypassModerationFromSendersOrMembers",
                "ExternalDirectoryObjectId",
                "ModeratedBy",
                "ModerationEnabled",
                "SendModerationNotifications",
            ],
        ),
        (
            "Move",
            &[
                "ExternalDirectoryObjectId",
                "MailboxMoveBatchName",
                "MailboxMoveFlags",
                "MailboxMoveRemoteHostName",
                "MailboxMoveSourceMDB",
                "MailboxMoveStatus",
                "MailboxMoveTargetMDB",
            ],
        ),
        (
            "Policy",
            &[
                "AddressBookPolicy",
                "DataEncryptionPolicy",
                "EmailAddressPolicyEnabled",
                "ExternalDirectoryObjectId",
                "ManagedFolderMailboxPolicy",
                "PoliciesExcluded",
                "PoliciesIncluded",
                "RemoteAccountPolicy",
                "RetentionPolicy",
                "RetentionUrl",
                "RoleAssignmentPolicy",
                "SharingPolicy",
                "ThrottlingPolicy",
            ],
        ),
        (
            "PublicFolder",
            &[
                "DefaultPublicFolderMailbox",
                "EffectivePublicFolderMailbox",
                "ExternalDirectoryObjectId",
                "IsExcludedFromServingHierarchy",
                "IsHierarchyReady",
                "IsHierarchySyncEnabled",
                "IsRootPublicFolderMailbox",
            ],
        ),
        (
            "Quota",
            &[
                "ArchiveQuota",
                "ArchiveWarningQuota",
                "CalendarLoggingQuota",
                "ExternalDirectoryObjectId",
                "IssueWarningQuota",
                "ProhibitSendQuota",
                "ProhibitSendReceiveQuota",
                "RecoverableItemsQuota",
                "RecoverableItemsWarningQuota",
                "RulesQuota",
                "UseDatabaseQuotaDefaults",
            ],
        ),
        (
            "Resource",
            &[
                "ExternalDirectoryObjectId",
                "IsResource",
                "ResourceCapacity",
                "ResourceCustom",
                "ResourceType",
                "RoomMailboxAccountEnabled",
            ],
        ),
        (
            "Retention",
            &[
                "EndDateForRetentionHold",
                "ExternalDirectoryObjectId",
                "OrphanSoftDeleteTrackingTime",
                "RetainDeletedItemsFor",
                "RetainDeletedItemsUntilBackup",
                "RetentionComment",
                "RetentionHoldEnabled",
                "RetentionPolicy",
                "RetentionUrl",
                "SingleItemRecoveryEnabled",
                "StartDateForRetentionHold",
                "UseDatabaseRetentionDefaults",
            ],
        ),
        (
            "SCL",
            &[
                "AntispamBypassEnabled",
                "ExternalDirectoryObjectId",
                "SCLDeleteEnabled",
                "SCLDeleteThreshold",
                "SCLJunkEnabled",
                "SCLJunkThreshold",
                "SCLQuarantineEnabled",
                "SCLQuarantineThreshold",
                "SCLRejectEnabled",
                "SCLRejectThreshold",
            ],
        ),
        (
            "SoftDelete",
            &[
                "ExternalDirectoryObjectId",
                "IncludeInGarbageCollection",
                "IsInactiveMailbox",
                "IsSoftDeletedByDisable",
                "IsSoftDeletedByRemove",
                "WhenSoftDeleted",
            ],
        ),
        (
            "StatisticsSeed",
            &[
                "ArchiveDatabaseGuid",
                "DatabaseGuid",
                "ExchangeGuid",
                "ExternalDirectoryObjectId",
            ],
        ),
    ],
    all: None,
    left_out: &[
        "RunspaceId",
        "ServerName",
        "AdminDisplayVersion",
        "DelayReleaseHoldApplied",
        "EnforcedTimestamps",
        "Description",
        "OriginatingServer",
        "IsValid",
        "ObjectState",
    ],
};

const GET_EXO_CAS_MAILBOX: PropertySets = PropertySets {
    noun: &EXO_CAS_MAILBOX,
    sets: &[
        (
            "ActiveSync",
            &[
                "ActiveSyncAllowedDeviceIDs",
                "ActiveSyncBlockedDeviceIDs",
                "ActiveSyncEnabled",
                "ActiveSyncMailboxPolicy",
                "ActiveSyncMailboxPolicyIsDefaulted",
                "ActiveSyncSuppressReadReceipt",
                "ExternalDirectoryObjectId",
                "Guid",
                "HasActiveSyncDevicePartnership",
                "Identity",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Ews",
            &[
                "EwsAllowMacOutlook",
                "EwsAllowOutlook",
                "EwsEnabled",
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Imap",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "ImapEnableExactRFC822Size",
                "ImapEnabled",
                "ImapForceICalForCalendarRetrievalOption",
                "ImapMessagesRetrievalMimeFormat",
                "ImapSuppressReadReceipt",
                "ImapUseProtocolDefaults",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Mapi",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "MAPIBlockOutlookExternalConnectivity",
                "MAPIBlockOutlookNonCachedMode",
                "MAPIBlockOutlookRpcHttp",
                "MAPIBlockOutlookVersions",
                "MAPIEnabled",
                "MapiHttpEnabled",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Pop",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "Name",
                "OrganizationId",
                "PopEnableExactRFC822Size",
                "PopEnabled",
                "PopMessagesRetrievalMimeFormat",
                "PopSuppressReadReceipt",
                "PopUseProtocolDefaults",
            ],
        ),
        (
            "ProtocolSettings",
            &[
                "ExternalDirectoryObjectId",
                "ExternalImapSettings",
                "ExternalPopSettings",
                "ExternalSmtpSettings",
                "Guid",
                "Identity",
                "InternalImapSettings",
                "InternalPopSettings",
                "InternalSmtpSettings",
                "Name",
                "OrganizationId",
            ],
        ),
    ],
    all: None,
    left_out: &["RunspaceId", "ServerName", "OriginatingServer", "IsValid"],
};

const GET_EXO_MAILBOX_STATISTICS: PropertySets = PropertySets {
    noun: &EXO_MAILBOX_STATISTICS,
    sets: &[],
    all: Some(&[
        "AssociatedItemCount",
        "AttachmentTableAvailableSize",
        "AttachmentTableTotalSize",
        "DatabaseIssueWarningQuota",
        "DatabaseName",
        "DatabaseProhibitSendQuota",
        "DatabaseProhibitSendReceiveQuota",
        "DeletedItemCount",
        "DisconnectDate",
        "DisconnectReason",
        "DisplayName",
        "DumpsterMessagesPerFolderCountReceiveQuota",
        "DumpsterMessagesPerFolderCountWarningQuota",
        "ExternalDirectoryOrganizationId",
        "FastIsEnabled",
        "FolderHierarchyChildrenCountReceiveQuota",
        "FolderHierarchyChildrenCountWarningQuota",
        "FolderHierarchyDepthReceiveQuota",
        "FolderHierarchyDepthWarningQuota",
        "FoldersCountReceiveQuota",
        "FoldersCountWarningQuota",
        "IsAbandonedMoveDestination",
        "IsArchiveMailbox",
        "IsDatabaseCopyActive",
        "IsHighDensityShard",
        "IsMoveDestination",
        "IsQuarantined",
        "ItemCount",
        "LastLoggedOnUserAccount",
        "LastLogoffTime",
        "LastLogonTime",
        "LegacyDN",
        "MailboxGuid",
        "MailboxMessagesPerFolderCountReceiveQuota",
        "MailboxMessagesPerFolderCountWarningQuota",
        "MailboxType",
        "MailboxTypeDetail",
        "MessageTableAvailableSize",
        "MessageTableTotalSize",
        "NamedPropertiesCountQuota",
        "NeedsToMove",
        "OtherTablesAvailableSize",
        "OtherTablesTotalSize",
        "OwnerADGuid",
        "QuarantineClients",
        "QuarantineDescription",
        "QuarantineEnd",
        "QuarantineFileVersion",
        "QuarantineLastCrash",
        "ResourceUsageRollingAvgDatabaseReads",
        "ResourceUsageRollingAvgRop",
        "ResourceUsageRollingClientTypes",
        "ServerName",
        "StorageLimitStatus",
        "SystemMessageCount",
        "SystemMessageSize",
        "SystemMessageSizeShutoffQuota",
        "SystemMessageSizeWarningQuota",
        "TotalDeletedItemSize",
        "TotalItemSize",
    ]),
    left_out: &[],
};

const ALL_SETS: &[PropertySets] = &[
    GET_EXO_MAILBOX,
    GET_EXO_CAS_MAILBOX,
    GET_EXO_MAILBOX_STATISTICS,
];

/// What a Get of `noun` shows given its `-Properties` and `-PropertySets` (each as the
/// texts given): the noun's own layout for a noun without property sets, or when neither
/// is given. A property the object lacks is refused as the module refuses it.
pub fn shown(
    noun: &NounSpec,
    properties: &[String],
    sets: &[String],
) -> Result<Shown, ExchangeError> {
    let Some(spec) = ALL_SETS.iter().find(|s| std::ptr::eq(s.noun, noun)) else {
        return Ok(Shown::of(noun));
    };
    let whole = Shown::of(noun.expanded.unwrap_or(noun));
    let mut chosen = Shown::of(noun);
    let mut asked: Vec<&'static str> = Vec::new();
    for set in sets.iter().map(|s| s.trim()) {
        if set.eq_ignore_ascii_case("All") {
            let all: Vec<&'static str> = match spec.all {
                Some(all) => all.to_vec(),
                None => whole
                    .properties
                    .iter()
                    .copied()
                    .filter(|p| !spec.left_out.iter().any(|l| l.eq_ignore_ascii_case(p)))
                    .collect(),
            };
            asked.extend(all);
            chosen.extra |= spec.all.is_none() && whole.extra;
        }
        asked.extend(
            spec.sets
                .iter()
                .filter(|(name, _)| name.eq_ignore_ascii_case(set))
                .flat_map(|(_, members)| members.iter().copied()),
        );
    }
    let mut invalid = Vec::new();
    for property in properties {
        match known_property(spec, &whole, noun.expanded, property.trim()) {
            Some(name) => asked.push(name),
            None => invalid.push(property.as_str()),
        }
    }
    if !invalid.is_empty() {
        let list = invalid.join(",");
        return Err(ExchangeError::invalid_argument(
            "InvalidProperties",
            format!("Some of requested properties are not valid. InvalidProperties = {list}"),
        )
        .with_target(list));
    }
    // The whole object's order first, then the rest as asked.
    let has = |list: &[&str], p: &str| list.iter().any(|q| q.eq_ignore_ascii_case(p));
    let in_order = whole.properties.iter().copied().filter(|p| has(&asked, p));
    let rest: Vec<&'static str> = asked
        .iter()
        .copied()
        .filter(|p| !has(&whole.properties, p))
        .collect();
    for property in in_order.chain(rest) {
        if !has(&chosen.properties, property) {
            chosen.properties.push(property);
        }
    }
    Ok(chosen)
}

/// The spelling of a property `-Properties` may name: one of the whole object's, of a
/// set's, or (when the object shows the settings no column holds) a parameter of the
/// noun's Set cmdlet, which is where such a setting comes from.
fn known_property(
    spec: &PropertySets,
    whole: &Shown,
    full: Option<&'static NounSpec>,
    name: &str,
) -> Option<&'static str> {
    let same = |p: &str| p.eq_ignore_ascii_case(name);
    if spec.left_out.iter().any(|p| same(p)) {
        return None;
    }
    let members = spec.sets.iter().flat_map(|(_, m)| m.iter());
    let listed = whole
        .properties
        .iter()
        .chain(members)
        .chain(spec.all.unwrap_or(&[]));
    if let Some(found) = listed.copied().find(|p| same(p)) {
        return Some(found);
    }
    let full = full.filter(|_| whole.extra)?;
    let setter = Catalog::get().cmdlet(&format!("Set-{}", full.nouns[0]))?;
    setter
        .parameters
        .iter()
        .find(|p| {
            p.name.eq_ignore_ascii_case(name)
                && !p.is_switch()
                && !NOT_SETTINGS.contains(&p.name.as_str())
        })
        .map(|p| p.name.as_str())
}
