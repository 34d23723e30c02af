//! Mobile devices (Get/Remove/Clear-MobileDevice, Get-MobileDeviceStatistics and the
//! older *-ActiveSyncDevice cmdlets): the partnerships of the mailboxes in use, with the
//! access Exchange would give each device (see `nouns::devices`), and the wipes admins ask
//! for. A device is named by `<mailbox>\ExchangeActiveSyncDevices\<name>` (its name is
//! `<DeviceType>§<DeviceId>`, `REST§Outlook§<DeviceId>` for Outlook for iOS and Android),
//! or by its GUID.
//!
//! **decisions**: no device syncs here, so a wipe stays requested (Status
//! `DeviceWipePending`) until Clear-MobileDevice -Cancel takes it back, and is never sent;
//! `-GetMailboxLog` and `-ShowRecoveryPassword` find no log and no password.

use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Row, params, params_from_iter};
use serde_json::{Map, Value, json};

use super::directory::{category_path, directory_suffix, escape_dn, organization_id};
use super::entries::{PRINCIPAL_COLUMNS, Principal, mailbox_of_items, resolve, shaped};
use super::{Bound, LocalBackend, identity_text};
use crate::exchange::identity::{self, Lifecycle};
use crate::exchange::nouns::NounSpec;
use crate::exchange::nouns::policies::{
    ACTIVESYNC_DEVICE_ACCESS_RULE, MOBILE_DEVICE_MAILBOX_POLICY,
};
use crate::exchange::nouns::recipients::MAILBOXES;
use crate::exchange::nouns::settings::ACTIVESYNC_ORGANIZATION_SETTINGS;
use crate::exchange::opath::{self, Operand, OperandKind};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::{OrgInfo, SqlFragment, new_guid, now_utc, sql_error};

/// The client type of devices syncing over Exchange ActiveSync.
const ACTIVESYNC: &str = "EAS";
/// The client type of Outlook for iOS and Android, syncing through the REST API.
const OUTLOOK: &str = "Outlook";

/// The stored columns a device's own properties are kept in (named as Exchange names
/// them), which `-Filter` compares and `-SortBy` sorts by.
const COLUMNS: &[&str] = &[
    "Guid",
    "ClientType",
    "DeviceId",
    "DeviceType",
    "DeviceModel",
    "DeviceOS",
    "DeviceOSLanguage",
    "DeviceUserAgent",
    "DeviceImei",
    "DeviceMobileOperator",
    "DeviceTelephoneNumber",
    "FriendlyName",
    "ClientVersion",
    "FirstSyncTime",
    "LastSyncAttemptTime",
    "LastSuccessSync",
    "LastPolicyUpdateTime",
];

/// One device, with its mailbox.
struct Device {
    id: i64,
    mailbox: Principal,
    /// The device's own properties, by [`COLUMNS`].
    own: Vec<Option<String>>,
    wipe_requested: Option<String>,
    wipe_requestor: Option<String>,
    wipe_account_only: bool,
    wipe_acknowledged: Option<String>,
    allowed: Vec<String>,
    blocked: Vec<String>,
    policy: Option<String>,
}

impl Device {
    fn own(&self, column: &str) -> Option<&str> {
        COLUMNS
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.own.get(i))
            .and_then(|v| v.as_deref())
    }

    fn text(&self, column: &str) -> String {
        self.own(column).unwrap_or_default().to_string()
    }

    /// `iPhone§ApplF17XK2QJHG7F`, `REST§Outlook§5eec...`.
    fn name(&self) -> String {
        let (kind, id) = (self.text("DeviceType"), self.text("DeviceId"));
        match self.own("ClientType") {
            Some(OUTLOOK) => format!("REST§{kind}§{id}"),
            _ => format!("{kind}§{id}"),
        }
    }

    fn identity(&self) -> String {
        format!(
            "{}\\ExchangeActiveSyncDevices\\{}",
            self.mailbox.name,
            self.name()
        )
    }
}

/// The SELECT reading devices (table `d`) with their mailbox (`r`).
fn select() -> String {
    let own: Vec<String> = COLUMNS.iter().map(|c| format!("d.\"{c}\"")).collect();
    format!(
        "SELECT d.id, {}, d.wipe_requested, d.wipe_requestor, d.wipe_account_only, \
         d.wipe_acknowledged, r.\"ActiveSyncAllowedDeviceIDs\", r.\"ActiveSyncBlockedDeviceIDs\", \
         r.\"ActiveSyncMailboxPolicy\", {PRINCIPAL_COLUMNS} \
         FROM mobile_devices d JOIN recipients r ON r.rid = d.rid",
        own.join(", ")
    )
}

fn read_device(row: &Row) -> rusqlite::Result<Device> {
    let n = COLUMNS.len();
    let own = (0..n)
        .map(|i| row.get::<_, Option<String>>(i + 1))
        .collect::<rusqlite::Result<_>>()?;
    let list = |i: usize| -> rusqlite::Result<Vec<String>> {
        let text: String = row.get(i)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    Ok(Device {
        id: row.get(0)?,
        own,
        wipe_requested: row.get(n + 1)?,
        wipe_requestor: row.get(n + 2)?,
        wipe_account_only: row.get(n + 3)?,
        wipe_acknowledged: row.get(n + 4)?,
        allowed: list(n + 5)?,
        blocked: list(n + 6)?,
        policy: row.get(n + 7)?,
        mailbox: Principal::from_row(row, n + 8)?,
    })
}

/// The devices a condition on `d` and `r` selects, the mailboxes in use only.
fn devices(
    conn: &Connection,
    condition: &SqlFragment,
    order: &str,
) -> Result<Vec<Device>, ExchangeError> {
    let sql = format!(
        "{} WHERE r.\"WhenSoftDeleted\" IS NULL AND ({}) ORDER BY {order}, d.id",
        select(),
        condition.sql
    );
    conn.prepare(&sql)
        .and_then(|mut stmt| {
            stmt.query_map(params_from_iter(condition.params.iter()), read_device)?
                .collect()
        })
        .map_err(sql_error)
}

/// The condition selecting the device an identity names: its GUID, or
/// `<mailbox>\ExchangeActiveSyncDevices\<name>` (`<mailbox>\<name>` too).
fn identity_condition(
    conn: &Connection,
    identity: &str,
    server: &str,
) -> Result<SqlFragment, ExchangeError> {
    let parts: Vec<&str> = identity.trim().split('\\').collect();
    let (mailbox, name) = match parts.as_slice() {
        [mailbox, folder, name] if folder.eq_ignore_ascii_case("ExchangeActiveSyncDevices") => {
            (*mailbox, *name)
        }
        [mailbox, name] => (*mailbox, *name),
        _ => {
            return Ok(SqlFragment::new(
                "d.\"Guid\" = ?",
                vec![SqlValue::Text(identity.trim().to_string())],
            ));
        }
    };
    let rid = match resolve(conn, mailbox, Lifecycle::Active, MAILBOXES, server) {
        Ok(mailbox) => mailbox.rid,
        Err(_) => return Err(identity::not_found(identity, server)),
    };
    let (client, kind, id) = match name.split('§').collect::<Vec<_>>().as_slice() {
        ["REST", kind, id] => (OUTLOOK, *kind, *id),
        [kind, id] => (ACTIVESYNC, *kind, *id),
        _ => return Err(identity::not_found(identity, server)),
    };
    Ok(SqlFragment::new(
        "d.rid = ? AND d.\"ClientType\" = ? AND d.\"DeviceType\" = ? AND d.\"DeviceId\" = ?",
        vec![
            SqlValue::Integer(rid),
            SqlValue::Text(client.to_string()),
            SqlValue::Text(kind.to_string()),
            SqlValue::Text(id.to_string()),
        ],
    ))
}

/// Whether `-Identity` names a mailbox: Get-EXOMobileDeviceStatistics's does, as the
/// module's cmdlets' do.
fn names_mailbox(bound: &Bound) -> bool {
    bound
        .cmdlet
        .name
        .to_ascii_lowercase()
        .starts_with("get-exo")
}

/// The device `-Identity` names, when it names one.
fn device_identity(bound: &Bound) -> Option<String> {
    bound
        .get("Identity")
        .and_then(identity_text)
        .filter(|_| !names_mailbox(bound))
}

/// What a Get or a change selects: `-Identity` (or, for a Get, the mailbox it names:
/// `listed`), `-Mailbox` (or the Get-EXO* identities), the client types asked for,
/// `-Filter`.
fn condition(
    conn: &Connection,
    bound: &Bound,
    activesync_only: bool,
    listed: Option<&Principal>,
    server: &str,
) -> Result<SqlFragment, ExchangeError> {
    let mut condition = SqlFragment::all();
    let exo = names_mailbox(bound);
    if let Some(mailbox) = listed {
        condition = condition.and(SqlFragment::new(
            "d.rid = ?",
            vec![SqlValue::Integer(mailbox.rid)],
        ));
    } else if let Some(identity) = device_identity(bound) {
        condition = condition.and(identity_condition(conn, &identity, server)?);
    }
    let mailbox = [
        "Mailbox",
        "Identity",
        "PrimarySmtpAddress",
        "UserPrincipalName",
        "ExternalDirectoryObjectId",
    ]
    .iter()
    .filter(|p| exo || **p != "Identity")
    .find_map(|p| bound.get(p).and_then(identity_text));
    if let Some(mailbox) = mailbox {
        let rid = resolve(conn, &mailbox, Lifecycle::Active, MAILBOXES, server)?.rid;
        condition = condition.and(SqlFragment::new("d.rid = ?", vec![SqlValue::Integer(rid)]));
    }
    let mut clients = Vec::new();
    if activesync_only || bound.switch("ActiveSync") {
        clients.push(ACTIVESYNC);
    }
    if bound.switch("RestApi") {
        clients.push(OUTLOOK);
    }
    let other_clients = bound.switch("OWAforDevices") || bound.switch("UniversalOutlook");
    if !clients.is_empty() || other_clients {
        let placeholders = vec!["?"; clients.len().max(1)].join(", ");
        let mut params: Vec<SqlValue> = clients
            .iter()
            .map(|c| SqlValue::Text(c.to_string()))
            .collect();
        if params.is_empty() {
            params.push(SqlValue::Null);
        }
        condition = condition.and(SqlFragment::new(
            format!("d.\"ClientType\" IN ({placeholders})"),
            params,
        ));
    }
    if let Some(text) = bound.text("Filter") {
        let filter = opath::parse(&text)?;
        let resolve_property = |property: &str| {
            let column = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(property))?;
            Some(Operand {
                sql: format!("d.\"{column}\""),
                params: Vec::new(),
                kind: if column.ends_with("Time") || column.ends_with("Sync") {
                    OperandKind::Date
                } else {
                    OperandKind::Text
                },
            })
        };
        condition = condition.and(opath::compile(&filter, &text, &resolve_property)?);
    }
    Ok(condition)
}

/// The order of `-SortBy` (one of the device's own properties), else the devices' own.
fn order(bound: &Bound) -> Result<String, ExchangeError> {
    let Some(property) = bound.text("SortBy") else {
        return Ok("d.id".to_string());
    };
    let property = property.trim().trim_start_matches('+');
    match COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(property)) {
        Some(column) => Ok(format!("IFNULL(d.\"{column}\", '')")),
        None => Err(ExchangeError::invalid_argument(
            "InvalidSortProperty",
            format!("The property '{property}' can't be used with the SortBy parameter."),
        )
        .with_target(property.to_string())),
    }
}

/// A device access rule: what it matches and what it gives.
struct Rule {
    name: String,
    characteristic: String,
    query: String,
    level: String,
}

/// A document object as read: its name, settings and whether it is its kind's default.
type Document = (String, Map<String, Value>, bool);

/// What decides the devices' access: the rules and the organisation's default level, and
/// the default mobile device policy.
struct Access {
    rules: Vec<Rule>,
    default_level: String,
    default_policy: Option<String>,
}

impl Access {
    fn load(conn: &Connection) -> Result<Access, ExchangeError> {
        let kind_of = |noun: &NounSpec| noun.objects().map_or("", |k| k.noun);
        let documents = |kind: &str| -> Result<Vec<Document>, ExchangeError> {
            conn.prepare_cached(
                "SELECT name, settings, is_default FROM objects WHERE kind = ?1 ORDER BY oid",
            )
            .and_then(|mut stmt| {
                stmt.query_map([kind], |r| {
                    let settings: String = r.get(1)?;
                    Ok((
                        r.get(0)?,
                        serde_json::from_str(&settings).unwrap_or_default(),
                        r.get(2)?,
                    ))
                })?
                .collect()
            })
            .map_err(sql_error)
        };
        let text = |settings: &Map<String, Value>, key: &str| {
            settings
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let rules = documents(kind_of(&ACTIVESYNC_DEVICE_ACCESS_RULE))?
            .into_iter()
            .map(|(name, settings, _)| Rule {
                characteristic: text(&settings, "Characteristic"),
                query: text(&settings, "QueryString"),
                level: text(&settings, "AccessLevel"),
                name,
            })
            .collect();
        let default_level = documents(kind_of(&ACTIVESYNC_ORGANIZATION_SETTINGS))?
            .first()
            .map(|(_, settings, _)| text(settings, "DefaultAccessLevel"))
            .filter(|level| !level.is_empty())
            .unwrap_or_else(|| "Allow".to_string());
        let default_policy = documents(kind_of(&MOBILE_DEVICE_MAILBOX_POLICY))?
            .into_iter()
            .find(|(_, _, is_default)| *is_default)
            .map(|(name, ..)| name);
        Ok(Access {
            rules,
            default_level,
            default_policy,
        })
    }

    /// The device's DeviceAccessState, DeviceAccessStateReason and DeviceAccessControlRule.
    fn of(&self, device: &Device) -> (&'static str, &'static str, Option<String>) {
        let id = device.text("DeviceId");
        let listed = |list: &[String]| list.iter().any(|d| d.eq_ignore_ascii_case(&id));
        if listed(&device.blocked) {
            return ("Blocked", "Individual", None);
        }
        if listed(&device.allowed) {
            return ("Allowed", "Individual", None);
        }
        let matching = self.rules.iter().filter(|rule| {
            let column = match rule.characteristic.as_str() {
                "DeviceType" => "DeviceType",
                "DeviceModel" => "DeviceModel",
                "DeviceOS" => "DeviceOS",
                "UserAgent" => "DeviceUserAgent",
                _ => return false,
            };
            device
                .own(column)
                .is_some_and(|value| value.eq_ignore_ascii_case(&rule.query))
        });
        let strictest = matching.min_by_key(|rule| match rule.level.as_str() {
            "Block" => 0,
            "Quarantine" => 1,
            _ => 2,
        });
        match strictest {
            Some(rule) => (state(&rule.level), "DeviceRule", Some(rule.name.clone())),
            None => (state(&self.default_level), "Global", None),
        }
    }
}

/// The access state an access level gives.
fn state(level: &str) -> &'static str {
    match level {
        "Block" => "Blocked",
        "Quarantine" => "Quarantined",
        _ => "Allowed",
    }
}

fn device_object(noun: &NounSpec, device: &Device, access: &Access, org: &OrgInfo) -> Object {
    let own = |column: &str| json!(device.own(column));
    let (state, reason, rule) = access.of(device);
    let identity = device.identity();
    let eas = device.own("ClientType") == Some(ACTIVESYNC);
    let wipe = |account_only: bool, time: &Option<String>| {
        json!(
            time.as_ref()
                .filter(|_| device.wipe_account_only == account_only)
        )
    };
    let status = if device.wipe_acknowledged.is_some() {
        "DeviceWipeSucceeded"
    } else if device.wipe_requested.is_some() {
        "DeviceWipePending"
    } else {
        "DeviceOk"
    };
    let mut values = Map::new();
    for column in COLUMNS {
        values.insert(column.to_string(), own(column));
    }
    values.insert("DeviceID".into(), own("DeviceId"));
    values.insert("DeviceFriendlyName".into(), own("FriendlyName"));
    values.insert("DevicePhoneNumber".into(), own("DeviceTelephoneNumber"));
    values.insert(
        "UserDisplayName".into(),
        json!(format!(
            "NAMPR01A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/{}/{}",
            org.tenant, device.mailbox.name
        )),
    );
    values.insert("DeviceAccessState".into(), json!(state));
    values.insert("DeviceAccessStateReason".into(), json!(reason));
    values.insert("DeviceAccessControlRule".into(), json!(rule));
    for flag in [
        "IsManaged",
        "IsCompliant",
        "IsDisabled",
        "DeviceEnableOutboundSMS",
    ] {
        values.insert(flag.into(), json!(false));
    }
    values.insert("ExchangeVersion".into(), json!("0.20 (15.0.0.0)"));
    values.insert("Name".into(), json!(device.name()));
    values.insert(
        "DistinguishedName".into(),
        json!(format!(
            "CN={},CN=ExchangeActiveSyncDevices,CN={},{}",
            escape_dn(&device.name()),
            escape_dn(&device.mailbox.name),
            directory_suffix(org)
        )),
    );
    values.insert("Identity".into(), json!(identity));
    values.insert("Id".into(), json!(identity));
    values.insert(
        "ObjectCategory".into(),
        json!(category_path("ms-Exch-Active-Sync-Device")),
    );
    values.insert(
        "ObjectClass".into(),
        json!(["top", "msExchActiveSyncDevice"]),
    );
    values.insert("OrganizationId".into(), json!(organization_id(org)));
    values.insert("OriginatingServer".into(), json!(org.server));
    for (account_only, prefix) in [(false, ""), (true, "AccountOnly")] {
        for (property, time) in [
            ("DeviceWipeRequestTime", &device.wipe_requested),
            ("DeviceWipeAckTime", &device.wipe_acknowledged),
        ] {
            values.insert(format!("{prefix}{property}"), wipe(account_only, time));
        }
    }
    values.insert(
        "LastDeviceWipeRequestor".into(),
        wipe(false, &device.wipe_requestor),
    );
    values.insert(
        "LastAccountOnlyDeviceWipeRequestor".into(),
        wipe(true, &device.wipe_requestor),
    );
    values.insert("IsRemoteWipeSupported".into(), json!(eas));
    values.insert("Status".into(), json!(status));
    values.insert(
        "DevicePolicyApplied".into(),
        json!(device.policy.as_ref().or(access.default_policy.as_ref())),
    );
    values.insert(
        "DevicePolicyApplicationStatus".into(),
        json!(if eas { "AppliedInFull" } else { "Unknown" }),
    );
    shaped(noun, values)
}

/// Keeps a mailbox's HasActiveSyncDevicePartnership true while it has a device.
fn update_partnership(conn: &Connection, rid: i64) -> Result<(), ExchangeError> {
    conn.execute(
        "UPDATE recipients SET \"HasActiveSyncDevicePartnership\" = \
         EXISTS (SELECT 1 FROM mobile_devices WHERE rid = ?1) WHERE rid = ?1",
        [rid],
    )
    .map_err(sql_error)?;
    Ok(())
}

/// The one device a change names.
fn named_device(
    conn: &Connection,
    bound: &Bound,
    activesync_only: bool,
    server: &str,
) -> Result<Device, ExchangeError> {
    let identity = bound.required_text("Identity")?;
    let condition = condition(conn, bound, activesync_only, None, server)?;
    devices(conn, &condition, "d.id")?
        .into_iter()
        .next()
        .ok_or_else(|| identity::not_found(&identity, server))
}

impl LocalBackend {
    pub(super) fn get_devices(
        &self,
        noun: &NounSpec,
        activesync_only: bool,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        self.list_entries(bound, sink, |conn, org| {
            // A mailbox named instead of a device: its devices, however few.
            let listed =
                device_identity(bound).and_then(|_| mailbox_of_items(conn, bound, &org.server));
            let found = devices(
                conn,
                &condition(conn, bound, activesync_only, listed.as_ref(), &org.server)?,
                &order(bound)?,
            )?;
            if let Some(identity) =
                device_identity(bound).filter(|_| found.is_empty() && listed.is_none())
            {
                return Err(identity::not_found(&identity, &org.server));
            }
            let access = Access::load(conn)?;
            Ok(found
                .iter()
                .map(|device| device_object(noun, device, &access, org))
                .collect())
        })
    }

    pub(super) fn remove_device(
        &self,
        activesync_only: bool,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let device = named_device(tx, bound, activesync_only, &org.server)?;
            tx.execute("DELETE FROM mobile_devices WHERE id = ?1", [device.id])
                .map_err(sql_error)?;
            update_partnership(tx, device.mailbox.rid)?;
            Ok(Vec::new())
        })
    }

    /// Clear-MobileDevice: asks the device to wipe itself (`-AccountOnly`: only the
    /// mailbox's data), or with `-Cancel` takes a request not yet carried out back.
    pub(super) fn clear_device(
        &self,
        activesync_only: bool,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        let requestor = self.store().caller().map(|c| c.user_id.clone());
        self.store().write_if(commit, |tx, org| {
            let device = named_device(tx, bound, activesync_only, &org.server)?;
            if bound.switch("Cancel") {
                tx.execute(
                    "UPDATE mobile_devices SET wipe_requested = NULL, wipe_requestor = NULL, \
                     wipe_account_only = 0 WHERE id = ?1 AND wipe_acknowledged IS NULL",
                    [device.id],
                )
            } else {
                tx.execute(
                    "UPDATE mobile_devices SET wipe_requested = ?2, wipe_requestor = ?3, \
                     wipe_account_only = ?4, wipe_acknowledged = NULL WHERE id = ?1",
                    params![device.id, now_utc(), requestor, bound.switch("AccountOnly")],
                )
            }
            .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }
}

/// Adds one of the sample organisation's devices: the fields of a `device` line after
/// its mailbox (client type, DeviceType, DeviceId, DeviceModel, DeviceOS,
/// DeviceUserAgent, FriendlyName, DeviceOSLanguage, DeviceImei, DeviceMobileOperator,
/// DeviceTelephoneNumber, ClientVersion, FirstSyncTime, LastSuccessSync; `-` for none).
/// It last tried to sync when it last synced, and an ActiveSync device took its policy
/// then.
pub(super) fn add_sample_device(
    tx: &Connection,
    mailbox: &Principal,
    fields: &[&str],
) -> Result<bool, ExchangeError> {
    let [
        client,
        kind,
        id,
        model,
        os,
        agent,
        friendly,
        language,
        imei,
        operator,
        phone,
        version,
        first,
        last,
    ] = fields
    else {
        return Ok(false);
    };
    let value = |text: &str| (text != "-").then(|| text.to_string());
    let policy_update = (*client == ACTIVESYNC).then(|| last.to_string());
    tx.execute(
        "INSERT INTO mobile_devices (rid, \"Guid\", \"ClientType\", \"DeviceType\", \"DeviceId\", \
         \"DeviceModel\", \"DeviceOS\", \"DeviceUserAgent\", \"FriendlyName\", \"DeviceOSLanguage\", \
         \"DeviceImei\", \"DeviceMobileOperator\", \"DeviceTelephoneNumber\", \"ClientVersion\", \
         \"FirstSyncTime\", \"LastSyncAttemptTime\", \"LastSuccessSync\", \"LastPolicyUpdateTime\") \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17)",
        params![
            mailbox.rid,
            new_guid(),
            client,
            kind,
            id,
            value(model),
            value(os),
            value(agent),
            value(friendly),
            value(language),
            value(imei),
            value(operator),
            value(phone),
            value(version),
            value(first),
            value(last),
            policy_update,
        ],
    )
    .map_err(sql_error)?;
    update_partnership(tx, mailbox.rid)?;
    Ok(true)
}
