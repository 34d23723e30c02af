//! Policies, plans and rules: document objects of the `objects` table, several of each
//! kind, one of which may be the kind's default.

use super::{CREATED_AND_REMOVED, GET_SET, Kind, NounSpec, ObjectKind, Storage, Target, setting};

/// Outlook on the web mailbox policies (Get/Set/New/Remove-OwaMailboxPolicy);
/// `OwaMailboxPolicy-Default` is the built-in default.
pub static OWA_MAILBOX_POLICY: NounSpec = NounSpec {
    nouns: &["OwaMailboxPolicy"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.OwaMailboxPolicy",
    storage: Storage::Objects(ObjectKind {
        has_default: true,
        settings: &[
            setting("ConditionalAccessPolicy", Kind::Enum("PolicyEnum")),
            setting(
                "InstantMessagingType",
                Kind::Enum("InstantMessagingTypeOptions"),
            ),
            setting("OutboundCharset", Kind::Enum("OutboundCharsetOptions")),
        ],
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
        ..ObjectKind::new("OwaMailboxPolicy")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &[],
    expanded: None,
};

/// Mobile device (ActiveSync) mailbox policies; `Default` is the built-in default.
pub static MOBILE_DEVICE_MAILBOX_POLICY: NounSpec = NounSpec {
    nouns: &["MobileDeviceMailboxPolicy"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileMailboxPolicy",
    storage: Storage::Objects(ObjectKind {
        has_default: true,
        settings: &[
            setting("AllowBluetooth", Kind::Enum("BluetoothType")),
            setting("MaxCalendarAgeFilter", Kind::Enum("CalendarAgeFilterType")),
            setting("MaxEmailAgeFilter", Kind::Enum("EmailAgeFilterType")),
            setting(
                "RequireSignedSMIMEAlgorithm",
                Kind::Enum("SignedSMIMEAlgorithmType"),
            ),
            setting(
                "RequireEncryptionSMIMEAlgorithm",
                Kind::Enum("EncryptionSMIMEAlgorithmType"),
            ),
            setting(
                "AllowSMIMEEncryptionAlgorithmNegotiation",
                Kind::Enum("SMIMEEncryptionAlgorithmNegotiationType"),
            ),
        ],
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
        ..ObjectKind::new("MobileDeviceMailboxPolicy")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &[],
    expanded: None,
};

/// CAS mailbox plans: the client-access settings a new mailbox of the plan of the same name
/// starts with (Get/Set only, as in Exchange Online).
pub static CAS_MAILBOX_PLAN: NounSpec = NounSpec {
    nouns: &["CASMailboxPlan"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.CASMailboxPlan",
    storage: Storage::Objects(ObjectKind {
        settings: &[
            setting(
                "OwaMailboxPolicy",
                Kind::Reference(Target::Object(&OWA_MAILBOX_POLICY)),
            ),
            setting(
                "ActiveSyncMailboxPolicy",
                Kind::Reference(Target::Object(&MOBILE_DEVICE_MAILBOX_POLICY)),
            ),
        ],
        defaults: r#"{"DisplayName":null,"ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,
        "OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,
        "OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}"#,
        ..ObjectKind::new("CASMailboxPlan")
    }),
    verbs: GET_SET,
    table: &[],
    expanded: None,
};

/// Mailbox plans: the quotas and policies a new mailbox starts with;
/// `ExchangeOnlineEnterprise` is the default.
pub static MAILBOX_PLAN: NounSpec = NounSpec {
    nouns: &["MailboxPlan"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.MailboxPlan",
    storage: Storage::Objects(ObjectKind {
        has_default: true,
        settings: &[setting(
            "RetentionPolicy",
            Kind::Reference(Target::Object(&super::retention::RETENTION_POLICY)),
        )],
        defaults: r#"{"DisplayName":null,
        "IssueWarningQuota":"98 GB (105,226,698,752 bytes)",
        "ProhibitSendQuota":"99 GB (106,300,440,576 bytes)",
        "ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)",
        "MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)",
        "RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00",
        "RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}"#,
        ..ObjectKind::new("MailboxPlan")
    }),
    verbs: GET_SET,
    table: &[],
    expanded: None,
};

/// ActiveSync device access rules, named by what they match: `QueryString
/// (Characteristic)`.
pub static ACTIVESYNC_DEVICE_ACCESS_RULE: NounSpec = NounSpec {
    nouns: &["ActiveSyncDeviceAccessRule"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncDeviceAccessRule",
    storage: Storage::Objects(ObjectKind {
        name_parts: &["QueryString", "Characteristic"],
        settings: &[
            setting("Characteristic", Kind::Enum("DeviceAccessCharacteristic")),
            setting("AccessLevel", Kind::Enum("DeviceAccessLevel")),
        ],
        defaults: r#"{"QueryString":null,"Characteristic":null,"AccessLevel":null}"#,
        ..ObjectKind::new("ActiveSyncDeviceAccessRule")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &[],
    expanded: None,
};
