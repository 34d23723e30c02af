//! The organisation-wide settings: one document object of each kind, made with the
//! organisation (Get and Set only).

use super::{GET_SET, Kind, NounSpec, ObjectKind, Storage, setting};

/// The organisation's transport settings (Get/Set-TransportConfig).
pub static TRANSPORT_CONFIG: NounSpec = NounSpec {
    nouns: &["TransportConfig"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer",
    storage: Storage::Objects(ObjectKind {
        singleton: Some("Transport Settings"),
        settings: &[
            setting("DSNConversionMode", Kind::Enum("DSNConversionOption")),
            setting(
                "HeaderPromotionModeSetting",
                Kind::Enum("HeaderPromotionMode"),
            ),
        ],
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
        ..ObjectKind::new("TransportConfig")
    }),
    verbs: GET_SET,
    table: &[],
    expanded: None,
};

/// The organisation-wide configuration (Get/Set-OrganizationConfig).
pub static ORGANIZATION_CONFIG: NounSpec = NounSpec {
    nouns: &["OrganizationConfig"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.OrganizationConfig",
    storage: Storage::Objects(ObjectKind {
        singleton: Some("contoso.onmicrosoft.com"),
        settings: &[setting(
            "EwsApplicationAccessPolicy",
            Kind::Enum("EwsApplicationAccessPolicy"),
        )],
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
        ..ObjectKind::new("OrganizationConfig")
    }),
    verbs: GET_SET,
    table: &[],
    expanded: None,
};

/// The organisation's ActiveSync settings (Get/Set-ActiveSyncOrganizationSettings).
pub static ACTIVESYNC_ORGANIZATION_SETTINGS: NounSpec = NounSpec {
    nouns: &["ActiveSyncOrganizationSettings"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncOrganizationSettings",
    storage: Storage::Objects(ObjectKind {
        singleton: Some("Mobile Mailbox Settings"),
        settings: &[setting(
            "DefaultAccessLevel",
            Kind::Enum("DeviceAccessLevel"),
        )],
        defaults: r#"{"DefaultAccessLevel":"Allow","UserMailInsert":null,"AllowAccessForUnSupportedPlatform":true,
        "AdminMailRecipients":[],"OtaNotificationMailInsert":null,"DeviceFiltering":null,
        "EnableMobileDeviceManagement":false}"#,
        ..ObjectKind::new("ActiveSyncOrganizationSettings")
    }),
    verbs: GET_SET,
    table: &[],
    expanded: None,
};
