//! Mobile devices: the partnerships a mailbox has with phones and tablets, over Exchange
//! ActiveSync (`EAS`) or, for Outlook for iOS and Android, the REST API (`Outlook`).
//! Get-MobileDevice shows what a device says of itself and whether it may sync
//! (DeviceAccessState); Get-MobileDeviceStatistics when it synced and any wipe asked of
//! it. The ActiveSync nouns (Get-ActiveSyncDevice, ...) are the older cmdlets Exchange
//! Online keeps, which see only ActiveSync devices.
//!
//! **decisions**: a device's access follows what Exchange checks, in order: the mailbox's
//! ActiveSyncBlockedDeviceIDs and ActiveSyncAllowedDeviceIDs (reason `Individual`), then
//! the device access rules matching the device (`DeviceRule`; Block before Quarantine
//! before Allow when several match), then the organisation's DefaultAccessLevel
//! (`Global`); Set-CASMailbox and the rules change it at once, and removing a device
//! leaves the mailbox's lists as the admin set them. HasActiveSyncDevicePartnership is
//! true while a mailbox has a device. The directory properties Exchange shows last are
//! the ones the local organisation has.

use super::{MailboxData, NounSpec, Op, Storage, Table};

/// Get-MobileDevice's properties, in Exchange's Format-List order.
const DEVICE: &[&str] = &[
    "RunspaceId",
    "FriendlyName",
    "DeviceId",
    "DeviceImei",
    "DeviceMobileOperator",
    "DeviceOS",
    "DeviceOSLanguage",
    "DeviceTelephoneNumber",
    "DeviceType",
    "DeviceUserAgent",
    "DeviceModel",
    "FirstSyncTime",
    "UserDisplayName",
    "DeviceAccessState",
    "DeviceAccessStateReason",
    "DeviceAccessControlRule",
    "ClientVersion",
    "ClientType",
    "IsManaged",
    "IsCompliant",
    "IsDisabled",
    "ExchangeVersion",
    "Name",
    "DistinguishedName",
    "Identity",
    "Guid",
    "ObjectCategory",
    "ObjectClass",
    "OrganizationId",
    "Id",
    "OriginatingServer",
    "IsValid",
    "ObjectState",
];

/// Get-MobileDeviceStatistics' properties, in Exchange's Format-List order.
const STATISTICS: &[&str] = &[
    "RunspaceId",
    "FirstSyncTime",
    "LastPolicyUpdateTime",
    "LastSyncAttemptTime",
    "LastSuccessSync",
    "DeviceType",
    "DeviceID",
    "DeviceUserAgent",
    "DeviceWipeSentTime",
    "DeviceWipeRequestTime",
    "DeviceWipeAckTime",
    "AccountOnlyDeviceWipeSentTime",
    "AccountOnlyDeviceWipeRequestTime",
    "AccountOnlyDeviceWipeAckTime",
    "RecoveryPassword",
    "DeviceModel",
    "DeviceImei",
    "DeviceFriendlyName",
    "DeviceOS",
    "DeviceOSLanguage",
    "DevicePhoneNumber",
    "MailboxLogReport",
    "DeviceEnableOutboundSMS",
    "DeviceMobileOperator",
    "Identity",
    "Guid",
    "IsRemoteWipeSupported",
    "Status",
    "StatusNote",
    "DeviceAccessState",
    "DeviceAccessStateReason",
    "DeviceAccessControlRule",
    "DevicePolicyApplied",
    "DevicePolicyApplicationStatus",
    "LastDeviceWipeRequestor",
    "LastAccountOnlyDeviceWipeRequestor",
    "ClientVersion",
    "ClientType",
    "IsValid",
    "ObjectState",
];

/// The verbs of devices: listed, removed, and wiped (Clear-).
const DEVICE_VERBS: &[(&str, Op)] = &[
    ("Get", Op::Get),
    ("Remove", Op::Remove),
    ("Clear", Op::Clear),
];

/// Get-MobileDevice: every device.
pub static MOBILE_DEVICE: NounSpec = NounSpec {
    nouns: &["MobileDevice"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileDevice",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MobileDevices {
            activesync_only: false,
        },
        properties: DEVICE,
    }),
    verbs: DEVICE_VERBS,
    table: &[],
    expanded: None,
};

/// Get-MobileDeviceStatistics (and Get-EXOMobileDeviceStatistics, answered alike).
pub static MOBILE_DEVICE_STATISTICS: NounSpec = NounSpec {
    nouns: &["MobileDeviceStatistics", "EXOMobileDeviceStatistics"],
    type_name: "Microsoft.Exchange.Management.Tasks.MobileDeviceConfiguration",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MobileDevices {
            activesync_only: false,
        },
        properties: STATISTICS,
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: None,
};

/// Get-ActiveSyncDevice: the ActiveSync devices only.
pub static ACTIVESYNC_DEVICE: NounSpec = NounSpec {
    nouns: &["ActiveSyncDevice"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncDevice",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MobileDevices {
            activesync_only: true,
        },
        properties: DEVICE,
    }),
    verbs: DEVICE_VERBS,
    table: &[],
    expanded: None,
};

/// Get-ActiveSyncDeviceStatistics: the ActiveSync devices' statistics.
pub static ACTIVESYNC_DEVICE_STATISTICS: NounSpec = NounSpec {
    nouns: &["ActiveSyncDeviceStatistics"],
    type_name: "Microsoft.Exchange.Management.Tasks.ActiveSyncDeviceConfiguration",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MobileDevices {
            activesync_only: true,
        },
        properties: STATISTICS,
    }),
    verbs: &[("Get", Op::Get)],
    table: &[],
    expanded: None,
};
