//! A mailbox's own settings ([`Table::MailboxSettings`]): the settings changed from their
//! defaults kept per mailbox (a row only once one is changed), read over the defaults.
//!
//! [`Table::MailboxSettings`]: crate::exchange::nouns::Table::MailboxSettings

use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value, json};

use super::entries::{Principal, resolve, shaped};
use super::objects::online_only;
use super::values::typed_value;
use super::{Bound, LocalBackend, no_change_warning};
use crate::exchange::identity::Lifecycle;
use crate::exchange::nouns::recipients::MAILBOXES;
use crate::exchange::nouns::{NOT_SETTINGS, NounSpec};
use crate::exchange::request::{ExchangeError, Object};
use crate::exchange::store::sql_error;

/// Parameters that act rather than set (removing a named roaming signature), which need
/// Exchange Online.
const ONLINE_ONLY: &[&str] = &["DeleteSignatureName"];

/// A mailbox's settings: the defaults, with what was changed over them.
fn settings_of(
    conn: &Connection,
    rid: i64,
    defaults: &str,
) -> Result<Map<String, Value>, ExchangeError> {
    let mut settings: Map<String, Value> = serde_json::from_str(defaults).unwrap_or_default();
    let changed: Option<String> = conn
        .query_row(
            "SELECT settings FROM mailbox_message_configuration WHERE rid = ?1",
            [rid],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_error)?;
    if let Some(changed) = changed {
        let changed: Map<String, Value> = serde_json::from_str(&changed).unwrap_or_default();
        settings.extend(changed);
    }
    Ok(settings)
}

fn render(noun: &NounSpec, mailbox: &Principal, settings: Map<String, Value>) -> Object {
    let mut values = settings;
    values.insert("Identity".to_string(), json!(mailbox.name));
    shaped(noun, values)
}

impl LocalBackend {
    pub(super) fn get_mailbox_settings(
        &self,
        noun: &NounSpec,
        defaults: &str,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        self.list_entries(bound, sink, |conn, org| {
            let identity = bound.required_text("Identity")?;
            let mailbox = resolve(conn, &identity, Lifecycle::Active, MAILBOXES, &org.server)?;
            let settings = settings_of(conn, mailbox.rid, defaults)?;
            Ok(vec![render(noun, &mailbox, settings)])
        })
    }

    pub(super) fn set_mailbox_settings(
        &self,
        defaults: &str,
        bound: &Bound,
    ) -> Result<Vec<String>, ExchangeError> {
        if let Some(parameter) = ONLINE_ONLY.iter().find(|p| bound.get(p).is_some()) {
            return Err(online_only(&bound.cmdlet.name, parameter));
        }
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let identity = bound.required_text("Identity")?;
            let mailbox = resolve(tx, &identity, Lifecycle::Active, MAILBOXES, &org.server)?;
            let current = settings_of(tx, mailbox.rid, defaults)?;
            let mut settings = current.clone();
            for (info, value) in &bound.params {
                if NOT_SETTINGS
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&info.name))
                {
                    continue;
                }
                let stored = typed_value(info, current.get(&info.name), value)?;
                settings.insert(info.name.clone(), stored);
            }
            if settings == current {
                return Ok(vec![no_change_warning(&mailbox.name)]);
            }
            let base: Map<String, Value> = serde_json::from_str(defaults).unwrap_or_default();
            let changed: Map<String, Value> = settings
                .into_iter()
                .filter(|(k, v)| base.get(k) != Some(v))
                .collect();
            tx.execute(
                "INSERT INTO mailbox_message_configuration (rid, settings) VALUES (?1, ?2) \
                 ON CONFLICT (rid) DO UPDATE SET settings = excluded.settings",
                params![mailbox.rid, Value::Object(changed).to_string()],
            )
            .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }
}
