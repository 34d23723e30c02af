-- Schema version 9: mobile devices. One row per device partnership of a mailbox (a phone
-- or tablet syncing over Exchange ActiveSync, or Outlook for iOS and Android through the
-- REST API): what the device says of itself, when it first and last synced, and a wipe
-- an admin asked for (when, by whom, of the whole device or of the account only, and
-- when the device answered). A partnership goes with its mailbox.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE mobile_devices (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    "Guid" TEXT NOT NULL COLLATE NOCASE,
    "ClientType" TEXT NOT NULL,
    "DeviceId" TEXT NOT NULL COLLATE NOCASE,
    "DeviceType" TEXT NOT NULL COLLATE NOCASE,
    "DeviceModel" TEXT COLLATE NOCASE,
    "DeviceOS" TEXT COLLATE NOCASE,
    "DeviceOSLanguage" TEXT COLLATE NOCASE,
    "DeviceUserAgent" TEXT COLLATE NOCASE,
    "DeviceImei" TEXT COLLATE NOCASE,
    "DeviceMobileOperator" TEXT COLLATE NOCASE,
    "DeviceTelephoneNumber" TEXT COLLATE NOCASE,
    "FriendlyName" TEXT COLLATE NOCASE,
    "ClientVersion" TEXT COLLATE NOCASE,
    "FirstSyncTime" TEXT,
    "LastSyncAttemptTime" TEXT,
    "LastSuccessSync" TEXT,
    "LastPolicyUpdateTime" TEXT,
    wipe_requested TEXT,
    wipe_requestor TEXT,
    wipe_account_only INTEGER NOT NULL DEFAULT 0,
    wipe_acknowledged TEXT,
    UNIQUE (rid, "DeviceType", "DeviceId")
);
CREATE INDEX mobile_devices_guid ON mobile_devices("Guid");
