-- Schema version 1, as released: recipients, their addresses, the document objects and
-- the organisation, with Exchange Online's built-in policies, plans and settings.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE organization (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE recipients (
    rid INTEGER PRIMARY KEY,
    "Guid" TEXT COLLATE NOCASE,
    "ExchangeGuid" TEXT COLLATE NOCASE,
    "ExternalDirectoryObjectId" TEXT COLLATE NOCASE,
    "Name" TEXT COLLATE NOCASE,
    "Alias" TEXT COLLATE NOCASE,
    "DisplayName" TEXT COLLATE NOCASE,
    "PrimarySmtpAddress" TEXT COLLATE NOCASE,
    "UserPrincipalName" TEXT COLLATE NOCASE,
    "SamAccountName" TEXT COLLATE NOCASE,
    "LegacyExchangeDN" TEXT COLLATE NOCASE,
    "RecipientTypeDetails" TEXT COLLATE NOCASE,
    "ServerName" TEXT COLLATE NOCASE,
    "ServerLegacyDN" TEXT COLLATE NOCASE,
    "Database" TEXT COLLATE NOCASE,
    "WhenCreatedUTC" TEXT COLLATE NOCASE,
    "WhenChangedUTC" TEXT COLLATE NOCASE,
    "FirstName" TEXT COLLATE NOCASE,
    "LastName" TEXT COLLATE NOCASE,
    "Initials" TEXT COLLATE NOCASE,
    "Title" TEXT COLLATE NOCASE,
    "Department" TEXT COLLATE NOCASE,
    "Company" TEXT COLLATE NOCASE,
    "Office" TEXT COLLATE NOCASE,
    "Phone" TEXT COLLATE NOCASE,
    "MobilePhone" TEXT COLLATE NOCASE,
    "HomePhone" TEXT COLLATE NOCASE,
    "Fax" TEXT COLLATE NOCASE,
    "Pager" TEXT COLLATE NOCASE,
    "City" TEXT COLLATE NOCASE,
    "StateOrProvince" TEXT COLLATE NOCASE,
    "PostalCode" TEXT COLLATE NOCASE,
    "CountryOrRegion" TEXT COLLATE NOCASE,
    "StreetAddress" TEXT COLLATE NOCASE,
    "Manager" TEXT COLLATE NOCASE,
    "Notes" TEXT COLLATE NOCASE,
    "WebPage" TEXT COLLATE NOCASE,
    "AssistantName" TEXT COLLATE NOCASE,
    "SimpleDisplayName" TEXT COLLATE NOCASE,
    "PhoneticDisplayName" TEXT COLLATE NOCASE,
    "WindowsEmailAddress" TEXT COLLATE NOCASE,
    "OtherFax" TEXT NOT NULL DEFAULT '[]',
    "OtherHomePhone" TEXT NOT NULL DEFAULT '[]',
    "OtherTelephone" TEXT NOT NULL DEFAULT '[]',
    "PostOfficeBox" TEXT NOT NULL DEFAULT '[]',
    "RemotePowerShellEnabled" INTEGER NOT NULL DEFAULT 1,
    "SeniorityIndex" INTEGER,
    "VIP" INTEGER NOT NULL DEFAULT 0,
    "MailboxPlan" TEXT COLLATE NOCASE,
    "ProhibitSendQuota" TEXT COLLATE NOCASE,
    "ProhibitSendReceiveQuota" TEXT COLLATE NOCASE,
    "IssueWarningQuota" TEXT COLLATE NOCASE,
    "MaxSendSize" TEXT COLLATE NOCASE,
    "MaxReceiveSize" TEXT COLLATE NOCASE,
    "RecipientLimits" TEXT COLLATE NOCASE,
    "RetainDeletedItemsFor" TEXT COLLATE NOCASE,
    "RetentionPolicy" TEXT COLLATE NOCASE,
    "RoleAssignmentPolicy" TEXT COLLATE NOCASE,
    "HiddenFromAddressListsEnabled" INTEGER NOT NULL DEFAULT 0,
    "ForwardingAddress" TEXT COLLATE NOCASE,
    "ForwardingSmtpAddress" TEXT COLLATE NOCASE,
    "DeliverToMailboxAndForward" INTEGER NOT NULL DEFAULT 0,
    "LitigationHoldEnabled" INTEGER NOT NULL DEFAULT 0,
    "AuditEnabled" INTEGER NOT NULL DEFAULT 1,
    "SingleItemRecoveryEnabled" INTEGER NOT NULL DEFAULT 1,
    "RetentionHoldEnabled" INTEGER NOT NULL DEFAULT 0,
    "MessageCopyForSentAsEnabled" INTEGER NOT NULL DEFAULT 0,
    "MessageCopyForSendOnBehalfEnabled" INTEGER NOT NULL DEFAULT 0,
    "GrantSendOnBehalfTo" TEXT NOT NULL DEFAULT '[]',
    "Languages" TEXT NOT NULL DEFAULT '[]',
    "ResourceCapacity" INTEGER,
    "CustomAttribute1" TEXT COLLATE NOCASE,
    "CustomAttribute2" TEXT COLLATE NOCASE,
    "CustomAttribute3" TEXT COLLATE NOCASE,
    "CustomAttribute4" TEXT COLLATE NOCASE,
    "CustomAttribute5" TEXT COLLATE NOCASE,
    "CustomAttribute6" TEXT COLLATE NOCASE,
    "CustomAttribute7" TEXT COLLATE NOCASE,
    "CustomAttribute8" TEXT COLLATE NOCASE,
    "CustomAttribute9" TEXT COLLATE NOCASE,
    "CustomAttribute10" TEXT COLLATE NOCASE,
    "CustomAttribute11" TEXT COLLATE NOCASE,
    "CustomAttribute12" TEXT COLLATE NOCASE,
    "CustomAttribute13" TEXT COLLATE NOCASE,
    "CustomAttribute14" TEXT COLLATE NOCASE,
    "CustomAttribute15" TEXT COLLATE NOCASE,
    "ActiveSyncAllowedDeviceIDs" TEXT NOT NULL DEFAULT '[]',
    "ActiveSyncBlockedDeviceIDs" TEXT NOT NULL DEFAULT '[]',
    "ActiveSyncMailboxPolicy" TEXT COLLATE NOCASE,
    "ActiveSyncDebugLogging" INTEGER NOT NULL DEFAULT 0,
    "ActiveSyncEnabled" INTEGER NOT NULL DEFAULT 1,
    "HasActiveSyncDevicePartnership" INTEGER NOT NULL DEFAULT 0,
    "ActiveSyncSuppressReadReceipt" INTEGER NOT NULL DEFAULT 0,
    "OwaMailboxPolicy" TEXT COLLATE NOCASE,
    "OWAEnabled" INTEGER NOT NULL DEFAULT 1,
    "OWAforDevicesEnabled" INTEGER NOT NULL DEFAULT 1,
    "ECPEnabled" INTEGER NOT NULL DEFAULT 1,
    "PopEnabled" INTEGER NOT NULL DEFAULT 1,
    "PopUseProtocolDefaults" INTEGER NOT NULL DEFAULT 1,
    "PopMessagesRetrievalMimeFormat" TEXT COLLATE NOCASE DEFAULT 'BestBodyFormat',
    "PopEnableExactRFC822Size" INTEGER NOT NULL DEFAULT 0,
    "PopProtocolLoggingEnabled" INTEGER NOT NULL DEFAULT 0,
    "PopSuppressReadReceipt" INTEGER NOT NULL DEFAULT 0,
    "PopForceICalForCalendarRetrievalOption" INTEGER NOT NULL DEFAULT 0,
    "PopMessageDeleteEnabled" INTEGER NOT NULL DEFAULT 1,
    "ImapEnabled" INTEGER NOT NULL DEFAULT 1,
    "ImapUseProtocolDefaults" INTEGER NOT NULL DEFAULT 1,
    "ImapMessagesRetrievalMimeFormat" TEXT COLLATE NOCASE DEFAULT 'BestBodyFormat',
    "ImapEnableExactRFC822Size" INTEGER NOT NULL DEFAULT 0,
    "ImapProtocolLoggingEnabled" INTEGER NOT NULL DEFAULT 0,
    "ImapSuppressReadReceipt" INTEGER NOT NULL DEFAULT 0,
    "ImapForceICalForCalendarRetrievalOption" INTEGER NOT NULL DEFAULT 0,
    "MapiEnabled" INTEGER NOT NULL DEFAULT 1,
    "MapiHttpEnabled" INTEGER,
    "MAPIBlockOutlookNonCachedMode" INTEGER NOT NULL DEFAULT 0,
    "MAPIBlockOutlookVersions" TEXT COLLATE NOCASE,
    "MAPIBlockOutlookRpcHttp" INTEGER NOT NULL DEFAULT 0,
    "MAPIBlockOutlookExternalConnectivity" INTEGER NOT NULL DEFAULT 0,
    "EwsEnabled" INTEGER,
    "EwsAllowOutlook" INTEGER,
    "EwsAllowMacOutlook" INTEGER,
    "EwsAllowEntourage" INTEGER,
    "EwsApplicationAccessPolicy" TEXT COLLATE NOCASE,
    "EwsAllowList" TEXT NOT NULL DEFAULT '[]',
    "EwsBlockList" TEXT NOT NULL DEFAULT '[]',
    "ShowGalAsDefaultView" INTEGER NOT NULL DEFAULT 1,
    "SmtpClientAuthenticationDisabled" INTEGER,
    "UniversalOutlookEnabled" INTEGER NOT NULL DEFAULT 1,
    "OutlookMobileEnabled" INTEGER NOT NULL DEFAULT 1,
    "MacOutlookEnabled" INTEGER NOT NULL DEFAULT 1,
    "OneWinNativeOutlookEnabled" INTEGER NOT NULL DEFAULT 1,
    "PublicFolderClientAccess" INTEGER NOT NULL DEFAULT 0,
    "IsOptimizedForAccessibility" INTEGER NOT NULL DEFAULT 0,
    "Extra" TEXT NOT NULL DEFAULT '{}');
CREATE UNIQUE INDEX recipients_guid ON recipients("Guid");
CREATE INDEX recipients_name ON recipients("Name");
CREATE INDEX recipients_alias ON recipients("Alias");
CREATE INDEX recipients_display_name ON recipients("DisplayName");
CREATE INDEX recipients_primary_smtp ON recipients("PrimarySmtpAddress");
CREATE INDEX recipients_upn ON recipients("UserPrincipalName");
CREATE INDEX recipients_edoid ON recipients("ExternalDirectoryObjectId");
CREATE TABLE addresses (
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    prefix TEXT NOT NULL,
    address TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (rid, pos));
CREATE INDEX addresses_address ON addresses(address);
CREATE TABLE objects (
    oid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    guid TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    settings TEXT NOT NULL,
    created TEXT NOT NULL,
    changed TEXT NOT NULL,
    UNIQUE (kind, name));

CREATE TEMP VIEW new_guid AS SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS guid;

INSERT INTO organization (key, value) VALUES ('tenant', 'contoso.onmicrosoft.com');
INSERT INTO organization (key, value) VALUES ('domain', 'contoso.com');
INSERT INTO organization (key, value) VALUES ('server', 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com');
INSERT INTO organization (key, value) VALUES ('mailbox_server', 'CY4PR01MB1234');
INSERT INTO organization (key, value) VALUES ('database', 'NAMPR01DG001-db001');
INSERT INTO organization (key, value) VALUES ('sample_loaded', '0');

INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('OwaMailboxPolicy', 'OwaMailboxPolicy-Default', (SELECT guid FROM new_guid), 1,
  '{"ActiveSyncIntegrationEnabled":true,"AllAddressListsEnabled":true,"AllowCopyContactsToDeviceAddressBook":true,"AllowedFileTypes":[],"AllowedMimeTypes":[],"BlockedFileTypes":[],"BlockedMimeTypes":[],"CalendarEnabled":true,"ChangePasswordEnabled":true,"ClassicAttachmentsEnabled":true,"ConditionalAccessPolicy":"Off","ContactsEnabled":true,"DefaultTheme":null,"DirectFileAccessOnPrivateComputersEnabled":true,"DirectFileAccessOnPublicComputersEnabled":true,"DisplayPhotosEnabled":true,"ExternalImageProxyEnabled":true,"FeedbackEnabled":true,"ForceSaveAttachmentFilteringEnabled":false,"ForceWacViewingFirstOnPrivateComputers":false,"ForceWacViewingFirstOnPublicComputers":false,"GlobalAddressListEnabled":true,"GroupCreationEnabled":true,"InstantMessagingEnabled":true,"InstantMessagingType":"Ocs","JournalEnabled":true,"JunkEmailEnabled":true,"LinkedInEnabled":true,"LocalEventsEnabled":false,"LogonAndErrorLanguage":0,"NotesEnabled":true,"OneDriveAttachmentsEnabled":true,"OnSendAddinsEnabled":false,"OrganizationEnabled":true,"OutboundCharset":"AutoDetect","OutlookBetaToggleEnabled":true,"OWALightEnabled":true,"PersonalAccountCalendarsEnabled":true,"PhoneticSupportEnabled":false,"PlacesEnabled":true,"PremiumClientEnabled":true,"PrintWithoutDownloadEnabled":true,"PublicFoldersEnabled":true,"RecoverDeletedItemsEnabled":true,"ReferenceAttachmentsEnabled":true,"RemindersAndNotificationsEnabled":true,"ReportJunkEmailEnabled":true,"RulesEnabled":true,"SatisfactionEnabled":true,"SaveAttachmentsToCloudEnabled":true,"SearchFoldersEnabled":true,"SetPhotoEnabled":true,"SignaturesEnabled":true,"SkipCreateUnifiedGroupCustomSharepointClassification":true,"TasksEnabled":true,"TextMessagingEnabled":true,"ThemeSelectionEnabled":true,"UMIntegrationEnabled":true,"UseGB18030":false,"UseISO885915":false,"UserVoiceEnabled":true,"WacEditingEnabled":true,"WacExternalServicesEnabled":true,"WacOMEXEnabled":false,"WacViewingOnPrivateComputersEnabled":true,"WacViewingOnPublicComputersEnabled":true,"WeatherEnabled":true,"WebPartsFrameOptionsType":"SameOrigin"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('MobileDeviceMailboxPolicy', 'Default', (SELECT guid FROM new_guid), 1,
  '{"AllowNonProvisionableDevices":true,"AlphanumericPasswordRequired":false,"AttachmentsEnabled":true,"DeviceEncryptionEnabled":false,"RequireStorageCardEncryption":false,"PasswordEnabled":false,"PasswordRecoveryEnabled":false,"DevicePolicyRefreshInterval":"Unlimited","AllowSimplePassword":true,"MaxAttachmentSize":"Unlimited","WSSAccessEnabled":true,"UNCAccessEnabled":true,"MinPasswordLength":null,"MaxInactivityTimeLock":"Unlimited","MaxPasswordFailedAttempts":"Unlimited","PasswordExpiration":"Unlimited","PasswordHistory":0,"IrmEnabled":true,"AllowApplePushNotifications":true,"AllowMicrosoftPushNotifications":true,"AllowGooglePushNotifications":true,"AllowStorageCard":true,"AllowCamera":true,"RequireDeviceEncryption":false,"AllowUnsignedApplications":true,"AllowUnsignedInstallationPackages":true,"AllowWiFi":true,"AllowTextMessaging":true,"AllowPOPIMAPEmail":true,"AllowIrDA":true,"RequireManualSyncWhenRoaming":false,"AllowDesktopSync":true,"AllowHTMLEmail":true,"RequireSignedSMIMEMessages":false,"RequireEncryptedSMIMEMessages":false,"AllowSMIMESoftCerts":true,"AllowBrowser":true,"AllowConsumerEmail":true,"AllowRemoteDesktop":true,"AllowInternetSharing":true,"AllowBluetooth":"Allow","MaxCalendarAgeFilter":"All","MaxEmailAgeFilter":"All","RequireSignedSMIMEAlgorithm":"SHA1","RequireEncryptionSMIMEAlgorithm":"TripleDES","AllowSMIMEEncryptionAlgorithmNegotiation":"AllowAnyAlgorithmNegotiation","MinPasswordComplexCharacters":1,"MaxEmailBodyTruncationSize":"Unlimited","MaxEmailHTMLBodyTruncationSize":"Unlimited","UnapprovedInROMApplicationList":[],"ApprovedApplicationList":[],"AllowExternalDeviceManagement":false,"MobileOTAUpdateMode":"MinorVersionUpdates","AllowMobileOTAUpdate":true}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('CASMailboxPlan', 'ExchangeOnline', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnline","ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,"OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,"OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('MailboxPlan', 'ExchangeOnline', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnline","IssueWarningQuota":"98 GB (105,226,698,752 bytes)","ProhibitSendQuota":"99 GB (106,300,440,576 bytes)","ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)","MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)","RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00","RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('CASMailboxPlan', 'ExchangeOnlineEnterprise', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnlineEnterprise","ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,"OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,"OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('MailboxPlan', 'ExchangeOnlineEnterprise', (SELECT guid FROM new_guid), 1,
  '{"DisplayName":"ExchangeOnlineEnterprise","IssueWarningQuota":"98 GB (105,226,698,752 bytes)","ProhibitSendQuota":"99 GB (106,300,440,576 bytes)","ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)","MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)","RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00","RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('CASMailboxPlan', 'ExchangeOnlineEssentials', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnlineEssentials","ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,"OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,"OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('MailboxPlan', 'ExchangeOnlineEssentials', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnlineEssentials","IssueWarningQuota":"98 GB (105,226,698,752 bytes)","ProhibitSendQuota":"99 GB (106,300,440,576 bytes)","ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)","MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)","RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00","RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('CASMailboxPlan', 'ExchangeOnlineDeskless', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnlineDeskless","ActiveSyncEnabled":true,"ImapEnabled":true,"MAPIEnabled":true,"OWAEnabled":true,"PopEnabled":true,"ECPEnabled":true,"EwsEnabled":null,"OwaMailboxPolicy":"OwaMailboxPolicy-Default","ActiveSyncMailboxPolicy":"Default"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('MailboxPlan', 'ExchangeOnlineDeskless', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"ExchangeOnlineDeskless","IssueWarningQuota":"98 GB (105,226,698,752 bytes)","ProhibitSendQuota":"99 GB (106,300,440,576 bytes)","ProhibitSendReceiveQuota":"100 GB (107,374,182,400 bytes)","MaxSendSize":"35 MB (36,700,160 bytes)","MaxReceiveSize":"36 MB (37,748,736 bytes)","RecipientLimits":"500","RetainDeletedItemsFor":"14.00:00:00","RetentionPolicy":"Default MRM Policy","RoleAssignmentPolicy":"Default Role Assignment Policy"}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('TransportConfig', 'Transport Settings', (SELECT guid FROM new_guid), 0,
  '{"AddressBookPolicyRoutingEnabled":false,"AllowLegacyTLSClients":false,"ClearCategories":true,"ConvertDisclaimerWrapperToEml":false,"DSNConversionMode":"UseExchangeDSNs","ExternalDelayDsnEnabled":true,"ExternalDsnDefaultLanguage":null,"ExternalDsnLanguageDetectionEnabled":true,"ExternalDsnReportingAuthority":null,"ExternalDsnSendHtml":true,"ExternalPostmasterAddress":null,"HeaderPromotionModeSetting":"NoCreate","InternalDelayDsnEnabled":true,"InternalDsnDefaultLanguage":null,"InternalDsnLanguageDetectionEnabled":true,"InternalDsnReportingAuthority":null,"InternalDsnSendHtml":true,"JournalMessageExpirationDays":0,"JournalingReportNdrTo":"<>","MaxRecipientEnvelopeLimit":"Unlimited","MessageExpiration":"1.00:00:00","PreventDuplicateJournalingEnabled":false,"ReplyAllStormBlockDurationHours":6,"ReplyAllStormDetectionMinimumRecipients":2500,"ReplyAllStormDetectionMinimumReplies":10,"ReplyAllStormProtectionEnabled":true,"Rfc2231EncodingEnabled":false,"SmtpClientAuthenticationDisabled":false,"VoicemailJournalingEnabled":true}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('OrganizationConfig', 'contoso.onmicrosoft.com', (SELECT guid FROM new_guid), 0,
  '{"DisplayName":"Contoso","EwsEnabled":null,"EwsAllowOutlook":null,"EwsAllowMacOutlook":null,"EwsAllowEntourage":null,"EwsApplicationAccessPolicy":null,"EwsAllowList":null,"EwsBlockList":null,"OAuth2ClientProfileEnabled":true,"ActivityBasedAuthenticationTimeoutEnabled":true,"ActivityBasedAuthenticationTimeoutInterval":"06:00:00","ActivityBasedAuthenticationTimeoutWithSingleSignOnEnabled":true,"AppsForOfficeEnabled":true,"AuditDisabled":false,"FocusedInboxOn":null,"MailTipsAllTipsEnabled":true,"MailTipsExternalRecipientsTipsEnabled":false,"MailTipsGroupMetricsEnabled":true,"MailTipsLargeAudienceThreshold":25,"MailTipsMailboxSourcedTipsEnabled":true,"OutlookMobileGCCRestrictionsEnabled":false,"PublicFoldersEnabled":"Local","ReadTrackingEnabled":false,"SendFromAliasEnabled":false,"MobileAppEducationEnabled":true,"LinkPreviewEnabled":true,"ConnectorsEnabled":true}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO objects (kind, name, guid, is_default, settings, created, changed) VALUES ('ActiveSyncOrganizationSettings', 'Mobile Mailbox Settings', (SELECT guid FROM new_guid), 0,
  '{"DefaultAccessLevel":"Allow","UserMailInsert":null,"AllowAccessForUnSupportedPlatform":true,"AdminMailRecipients":[],"OtaNotificationMailInsert":null,"DeviceFiltering":null,"EnableMobileDeviceManagement":false}',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

DROP VIEW temp.new_guid;
