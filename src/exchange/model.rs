//! The shape of the organisation: which properties a recipient has, how each is stored,
//! and which of them each Get-* cmdlet returns, in Format-List order.
//!
//! A recipient is one row of the `recipients` table whose columns are named exactly as
//! Exchange names the properties (`MapiEnabled`, `Department`, ...), so a parameter, an
//! OPATH property and a column are matched by one case-insensitive name. Settings no
//! column holds (the long tail of Set-Mailbox/Set-User parameters) live in the row's
//! `Extra` JSON object under the parameter's name. Policies, plans and the organisation
//! settings are documents (JSON objects) in the `objects` table, described by [`ObjectKind`].

/// How a recipient column stores its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `True`/`False`, never blank (INTEGER 0/1).
    Bool,
    /// `True`/`False` or blank (`$null`: an organisation setting applies).
    NullBool,
    /// Text; blank is NULL.
    Text,
    /// A multi-valued property: a JSON array of strings.
    Multi,
    /// A whole number or blank.
    Int,
}

/// One column of the `recipients` table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The property name as Exchange prints it.
    pub name: &'static str,
    pub kind: Kind,
    /// The SQL literal a new row gets (`NULL` when `None`).
    pub default: Option<&'static str>,
}

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

/// Every stored recipient property. Identity columns first, then the user's attributes,
/// the mailbox's settings and the CAS mailbox settings (every Set-CASMailbox parameter
/// that applies to Exchange Online has its column here).
pub const RECIPIENT_COLUMNS: &[Column] = &[
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
    text("RecipientTypeDetails"),
    text("ServerName"),
    text("ServerLegacyDN"),
    text("Database"),
    text("WhenCreatedUTC"),
    text("WhenChangedUTC"),
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
    text("Manager"),
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
    text("RetentionPolicy"),
    text("RoleAssignmentPolicy"),
    off("HiddenFromAddressListsEnabled"),
    text("ForwardingAddress"),
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
    text("ActiveSyncMailboxPolicy"),
    off("ActiveSyncDebugLogging"),
    on("ActiveSyncEnabled"),
    off("HasActiveSyncDevicePartnership"),
    off("ActiveSyncSuppressReadReceipt"),
    text("OwaMailboxPolicy"),
    on("OWAEnabled"),
    on("OWAforDevicesEnabled"),
    on("ECPEnabled"),
    on("PopEnabled"),
    on("PopUseProtocolDefaults"),
    col(
        "PopMessagesRetrievalMimeFormat",
        Kind::Text,
        Some("'BestBodyFormat'"),
    ),
    off("PopEnableExactRFC822Size"),
    off("PopProtocolLoggingEnabled"),
    off("PopSuppressReadReceipt"),
    off("PopForceICalForCalendarRetrievalOption"),
    on("PopMessageDeleteEnabled"),
    on("ImapEnabled"),
    on("ImapUseProtocolDefaults"),
    col(
        "ImapMessagesRetrievalMimeFormat",
        Kind::Text,
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
    text("EwsApplicationAccessPolicy"),
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

/// Whether a cmdlet's Boolean parameter also takes `$null`: the CAS mailbox settings that
/// may be blank, meaning the organisation's setting applies (`-EwsEnabled`,
/// `-SmtpClientAuthenticationDisabled`, ...).
pub fn nullable_boolean(cmdlet: &str, parameter: &str) -> bool {
    cmdlet.eq_ignore_ascii_case("Set-CASMailbox")
        && recipient_column(parameter).is_some_and(|c| c.kind == Kind::NullBool)
}

/// The recipient kinds exosh keeps (RecipientTypeDetails values).
pub const USER_MAILBOX: &str = "UserMailbox";
pub const SHARED_MAILBOX: &str = "SharedMailbox";
pub const ROOM_MAILBOX: &str = "RoomMailbox";

/// The properties every directory object ends with, in Format-List order.
pub const COMMON_TAIL: &[&str] = &[
    "IsValid",
    "ExchangeVersion",
    "Name",
    "DistinguishedName",
    "Identity",
    "Guid",
    "Id",
    "ObjectCategory",
    "ObjectClass",
    "ObjectState",
    "OrganizationId",
    "OriginatingServer",
    "WhenChanged",
    "WhenChangedUTC",
    "WhenCreated",
    "WhenCreatedUTC",
];

/// One view of a recipient: what a Get-* cmdlet returns.
#[derive(Debug)]
pub struct RecipientView {
    pub type_name: &'static str,
    /// Properties in Format-List order, before the common tail.
    pub head: &'static [&'static str],
    /// Whether settings kept in `Extra` are shown (after `head`).
    pub shows_extra: bool,
    /// The directory properties after `head` (none for a property set that names all it
    /// shows).
    tail: &'static [&'static str],
    /// Each property's column position, worked out on first use.
    columns: std::sync::OnceLock<Vec<Option<usize>>>,
}

impl RecipientView {
    const fn new(
        type_name: &'static str,
        shows_extra: bool,
        head: &'static [&'static str],
    ) -> Self {
        RecipientView {
            type_name,
            head,
            shows_extra,
            tail: COMMON_TAIL,
            columns: std::sync::OnceLock::new(),
        }
    }

    /// A view showing exactly `properties`, in that order.
    const fn property_set(type_name: &'static str, properties: &'static [&'static str]) -> Self {
        RecipientView {
            type_name,
            head: properties,
            shows_extra: false,
            tail: &[],
            columns: std::sync::OnceLock::new(),
        }
    }

    /// Every property of the view, in order.
    pub fn properties(&self) -> impl Iterator<Item = &'static str> {
        self.head.iter().chain(self.tail.iter()).copied()
    }

    /// Every property with the position of the column holding it (`None`: computed).
    pub fn property_columns(&self) -> impl Iterator<Item = (&'static str, Option<usize>)> + '_ {
        let columns = self
            .columns
            .get_or_init(|| self.properties().map(recipient_column_index).collect());
        self.properties().zip(columns.iter().copied())
    }
}

/// Get-EXOCasMailbox without -Properties or -PropertySets: the module's Minimum property
/// set, in the order Microsoft's "cmdlet property sets" page lists it. The objects are not
/// CASMailbox objects (the module builds its own from the REST answer), so the CASMailbox
/// table does not apply and, with more than four properties, they print as a list.
/// **decision**: the type name.
pub static EXO_CAS_MAILBOX_MINIMUM: RecipientView = RecipientView::property_set(
    "Microsoft.Exchange.Management.RestApiClient.ExoCasMailbox",
    &[
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
);

/// Get-CASMailbox: exchange.md §2's order.
pub static CAS_MAILBOX: RecipientView = RecipientView::new(
    "Microsoft.Exchange.Data.Directory.Management.CASMailbox",
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
);

/// Get-Mailbox. **Decision**: the mailbox's settings first, then its addressing, as the
/// Exchange Management Shell groups them.
pub static MAILBOX: RecipientView = RecipientView::new(
    "Microsoft.Exchange.Data.Directory.Management.Mailbox",
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
);

/// Get-User.
pub static USER: RecipientView = RecipientView::new(
    "Microsoft.Exchange.Data.Directory.Management.User",
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
);

/// Get-Recipient (Exchange's reduced recipient).
pub static RECIPIENT: RecipientView = RecipientView::new(
    "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient",
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
);

/// A kind of organisation object kept as a document: policies, plans, rules and the
/// organisation-wide settings.
#[derive(Debug)]
pub struct ObjectKind {
    /// The cmdlet noun: `OwaMailboxPolicy`, `TransportConfig`, ...
    pub noun: &'static str,
    pub type_name: &'static str,
    /// The settings a new object has, in display order, as a JSON object.
    pub defaults: &'static str,
    /// For organisation-wide settings: the single object's name.
    pub singleton: Option<&'static str>,
    /// Whether one object of this kind is the default (`IsDefault`).
    pub has_default: bool,
}

pub const OWA_MAILBOX_POLICY: ObjectKind = ObjectKind {
    noun: "OwaMailboxPolicy",
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.OwaMailboxPolicy",
    singleton: None,
    has_default: true,
    defaults: r#"{"ActiveSyncIntegrationEnabled":true,"AllAddressListsEnabled":true,
        "AllowCopyContactsToDeviceAddressBook":true,"AllowedFileTypes":[],"AllowedMimeTypes":[],
        "BlockedFileTypes":[],"BlockedMimeTypes":[],"CalendarEnabled":true,
        "ChangePasswordEnabled":true,"ClassicAttachmentsEnabled":true,
        "ConditionalAccessPolicy":"Off","ContactsEnabled":true,"DefaultTheme":null,
        "DirectFileAccessOnPrivateComputersEnabled":true,
        "DirectFileAccessOnPublicComputersEnabled":true,"DisplayPhotosEnabled":true,
        "ExternalImageProxyEnabled":true,"FeedbackEnabled":true,"ForceSaveAttachmentFilteringEnabled":false,
        "ForceWacViewingFirstOnPrivateComputers":false,"ForceWacViewingFirstOnPublicComputers":false,
        "GlobalAddressListEnabled":true,"GroupCreationEnabled":true,"InstantMessagingEnabled":true,
        "InstantMessagingType":"Ocs","JournalEnabled":true,"JunkEmailEnabled":true,
        "LinkedInEnabled":true,"LocalEventsEnabled":false,"LogonAndErrorLanguage":0,
        "NotesEnabled":true,"OneDriveAttachmentsEnabled":true,"OnSendAddinsEnabled":false,
        "OrganizationEnabled":true,"OutboundCharset":"AutoDetect","OutlookBetaToggleEnabled":true,
        "OWALightEnabled":true,"PersonalAccountCalendarsEnabled":true,"PhoneticSupportEnabled":false,
        "PlacesEnabled":true,"PremiumClientEnabled":true,"PrintWithoutDownloadEnabled":true,
        "PublicFoldersEnabled":true,"RecoverDeletedItemsEnabled":true,"ReferenceAttachmentsEnabled":true,
        "RemindersAndNotificationsEnabled":true,"ReportJunkEmailEnabled":true,"RulesEnabled":true,
        "SatisfactionEnabled":true,"SaveAttachmentsToCloudEnabled":true,"SearchFoldersEnabled":true,
        "SetPhotoEnabled":true,"SignaturesEnabled":true,"SkipCreateUnifiedGroupCustomSharepointClassification":true,
        "TasksEnabled":true,"TextMessagingEnabled":true,"ThemeSelectionEnabled":true,
        "UMIntegrationEnabled":true,"UseGB18030":false,"UseISO885915":false,
        "UserVoiceEnabled":true,"WacEditingEnabled":true,"WacExternalServicesEnabled":true,
        "WacOMEXEnabled":false,"WacViewingOnPrivateComputersEnabled":true,
        "WacViewingOnPublicComputersEnabled":true,"WeatherEnabled":true,"WebPartsFrameOptionsType":"SameOrigin"}"#,
};

pub const MOBILE_DEVICE_MAILBOX_POLICY: ObjectKind = ObjectKind {
    noun: "MobileDeviceMailboxPolicy",
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileMailboxPolicy",
    singleton: None,
    has_default: true,
    defaults: r#"{"AllowNonProvisionableDevices":true,"AlphanumericPasswordRequired":false,
        "AttachmentsEnabled":true,"DeviceEncryptionEnabled":false,"RequireStorageCardEncryption":false,
        "PasswordEnabled":false,"PasswordRecoveryEnabled":false,"DevicePolicyRefreshInterval":"Unlimited",
        "AllowSimplePassword":true,"MaxAttachmentSize":"Unlimited","WSSAccessEnabled":true,
        "UNCAccessEnabled":true,"MinPasswordLength":null,"MaxInactivityTimeLock":"Unlimited",
        "MaxPasswordFailedAttempts":"Unlimited","PasswordExpiration":"Unlimited",
        "PasswordHistory":0,"IrmEnabled":true,"AllowApplePushNotifications":true,
        "AllowMicrosoftPushNotifications":true,"AllowGooglePushNotifications":true,
        "AllowStorageCard":true,"AllowCamera":true,"RequireDeviceEncryption":false,
        "AllowUnsignedApplications":true,"AllowUnsignedInstallationPackages":true,
        "AllowWiFi":true,"AllowTextMessaging":true,"AllowPOPIMAPEmail":true,"AllowIrDA":true,
        "RequireManualSyncWhenRoaming":false,"AllowDesktopSync":true,
        "AllowHTMLEmail":true,"RequireSignedSMIMEMessages":false,"RequireEncryptedSMIMEMessages":false,
        "AllowSMIMESoftCerts":true,"AllowBrowser":true,"AllowConsumerEmail":true,
        "AllowRemoteDesktop":true,"AllowInternetSharing":true,"AllowBluetooth":"Allow",
        "MaxCalendarAgeFilter":"All","MaxEmailAgeFilter":"All","RequireSignedSMIMEAlgorithm":"SHA1",
        "RequireEncryptionSMIMEAlgorithm":"TripleDES","AllowSMIMEEncryptionAlgorithmNegotiation":"AllowAnyAlgorithmNegotiation",
        "MinPasswordComplexCharacters":1,"MaxEmailBodyTruncationSize":"Unlimited",
        "MaxEmailHTMLBodyTruncationSize":"Unlimited","UnapprovedInROMApplicationList":[],
        "ApprovedApplicationList":[],"AllowExternalDeviceManagement":false,
        "MobileOTAUpdateMode":"MinorVersionUpdates","AllowMobileOTAUpdate":true}"#,
};

pub const CAS_MAILBOX_PLAN: ObjectKind = ObjectKind {
    noun: "CASMailboxPlan",
    type_name: "Microsoft.Exchange.Data.Directory.Management.CASMailboxPlan",
    singleton: None,
    has_default: false,
    defaults: r#"{"DisplayName":null,"ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,
        "OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,
        "OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}"#,
};

pub const MAILBOX_PLAN: ObjectKind = ObjectKind {
    noun: "MailboxPlan",
    type_name: "Microsoft.Exchange.Data.Directory.Management.MailboxPlan",
    singleton: None,
    has_default: true,
    defaults: r#"{"DisplayName":null,
        "IssueWarningQuota":"98 GB (105,226,698,752 bytes)",
        "ProhibitSendQuota":"99 GB (106,300,440,576 bytes)",
        "ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)",
        "MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)",
        "RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00",
        "RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}"#,
};

pub const TRANSPORT_CONFIG: ObjectKind = ObjectKind {
    noun: "TransportConfig",
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer",
    singleton: Some("Transport Settings"),
    has_default: false,
    defaults: r#"{"AddressBookPolicyRoutingEnabled":false,"AllowLegacyTLSClients":false,
        "ClearCategories":true,"ConvertDisclaimerWrapperToEml":false,"DSNConversionMode":"UseExchangeDSNs",
        "ExternalDelayDsnEnabled":true,"ExternalDsnDefaultLanguage":null,
        "ExternalDsnLanguageDetectionEnabled":true,"ExternalDsnReportingAuthority":null,
        "ExternalDsnSendHtml":true,"ExternalPostmasterAddress":null,
        "HeaderPromotionModeSetting":"NoCreate","InternalDelayDsnEnabled":true,
        "InternalDsnDefaultLanguage":null,"InternalDsnLanguageDetectionEnabled":true,
        "InternalDsnReportingAuthority":null,"InternalDsnSendHtml":true,
        "JournalMessageExpirationDays":0,"JournalingReportNdrTo":"<>",
        "MaxRecipientEnvelopeLimit":"Unlimited","MessageExpiration":"1.00:00:00",
        "PreventDuplicateJournalingEnabled":false,"ReplyAllStormBlockDurationHours":6,
        "ReplyAllStormDetectionMinimumRecipients":2500,"ReplyAllStormDetectionMinimumReplies":10,
        "ReplyAllStormProtectionEnabled":true,"Rfc2231EncodingEnabled":false,
        "SmtpClientAuthenticationDisabled":false,"VoicemailJournalingEnabled":true}"#,
};

pub const ORGANIZATION_CONFIG: ObjectKind = ObjectKind {
    noun: "OrganizationConfig",
    type_name: "Microsoft.Exchange.Data.Directory.Management.OrganizationConfig",
    singleton: Some("contoso.onmicrosoft.com"),
    has_default: false,
    defaults: r#"{"DisplayName":"Contoso","EwsEnabled":null,"EwsAllowOutlook":null,
        "EwsAllowMacOutlook":null,"EwsAllowEntourage":null,"EwsApplicationAccessPolicy":null,
        "EwsAllowList":null,"EwsBlockList":null,"OAuth2ClientProfileEnabled":true,
        "ActivityBasedAuthenticationTimeoutEnabled":true,
        "ActivityBasedAuthenticationTimeoutInterval":"06:00:00",
        "ActivityBasedAuthenticationTimeoutWithSingleSignOnEnabled":true,
        "AppsForOfficeEnabled":true,"AuditDisabled":false,"FocusedInboxOn":null,
        "MailTipsAllTipsEnabled":true,"MailTipsExternalRecipientsTipsEnabled":false,
        "MailTipsGroupMetricsEnabled":true,"MailTipsLargeAudienceThreshold":25,
        "MailTipsMailboxSourcedTipsEnabled":true,"OutlookMobileGCCRestrictionsEnabled":false,
        "PublicFoldersEnabled":"Local","ReadTrackingEnabled":false,"SendFromAliasEnabled":false,
        "MobileAppEducationEnabled":true,"LinkPreviewEnabled":true,"ConnectorsEnabled":true}"#,
};

pub const ACTIVESYNC_ORGANIZATION_SETTINGS: ObjectKind = ObjectKind {
    noun: "ActiveSyncOrganizationSettings",
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncOrganizationSettings",
    singleton: Some("Mobile Mailbox Settings"),
    has_default: false,
    defaults: r#"{"DefaultAccessLevel":"Allow","UserMailInsert":null,"AllowAccessForUnSupportedPlatform":true,
        "AdminMailRecipients":[],"OtaNotificationMailInsert":null,"DeviceFiltering":null,
        "EnableMobileDeviceManagement":false}"#,
};

pub const ACTIVESYNC_DEVICE_ACCESS_RULE: ObjectKind = ObjectKind {
    noun: "ActiveSyncDeviceAccessRule",
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncDeviceAccessRule",
    singleton: None,
    has_default: false,
    defaults: r#"{"QueryString":null,"Characteristic":null,"AccessLevel":null}"#,
};

/// Every document kind, for lookups by noun.
pub const OBJECT_KINDS: &[&ObjectKind] = &[
    &OWA_MAILBOX_POLICY,
    &MOBILE_DEVICE_MAILBOX_POLICY,
    &CAS_MAILBOX_PLAN,
    &MAILBOX_PLAN,
    &TRANSPORT_CONFIG,
    &ORGANIZATION_CONFIG,
    &ACTIVESYNC_ORGANIZATION_SETTINGS,
    &ACTIVESYNC_DEVICE_ACCESS_RULE,
];

/// The document kind a cmdlet noun names, case-insensitively.
pub fn object_kind(noun: &str) -> Option<&'static ObjectKind> {
    OBJECT_KINDS
        .iter()
        .copied()
        .find(|k| k.noun.eq_ignore_ascii_case(noun))
}
