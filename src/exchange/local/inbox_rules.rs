//! Inbox rules ([`Table::InboxRules`]): the rules a mailbox's owner sorts mail with,
//! listed, made, changed, turned on and off and removed; the decisions are the noun's
//! ([`crate::exchange::nouns::rules::INBOX_RULE`]).
//!
//! [`Table::InboxRules`]: crate::exchange::nouns::Table::InboxRules

use std::ops::ControlFlow;

use rusqlite::{Connection, params};
use serde_json::{Map, Value, json};

use super::entries::{Principal, mailbox_of_items, resolve, shaped};
use super::folders;
use super::objects::online_only;
use super::values::{named_recipients, typed_value};
use super::{Bound, LocalBackend, identity_text};
use crate::exchange::catalog::Catalog;
use crate::exchange::identity::{self, Lifecycle};
use crate::exchange::nouns::recipients::MAILBOXES;
use crate::exchange::nouns::{NOT_SETTINGS, NounSpec};
use crate::exchange::request::{ExchangeError, Object, scalar_text};
use crate::exchange::store::{OrgInfo, sql_error};

/// One stored rule.
struct Rule {
    id: i64,
    rule_identity: String,
    name: String,
    priority: i64,
    enabled: bool,
    settings: Map<String, Value>,
}

/// Parameters that name the rule, its mailbox or its place rather than set a condition
/// or an action.
const NOT_CONDITIONS: &[&str] = &[
    "Mailbox",
    "Name",
    "Priority",
    "AlwaysDeleteOutlookRulesBlob",
    "BypassScopeCheck",
    "UseCustomRouting",
];

/// Parameters whose work needs Exchange Online (a rule made from a message in the
/// mailbox, which the local organisation doesn't hold).
const ONLINE_ONLY: &[&str] = &["FromMessageId", "ValidateOnly"];

/// A mailbox's rules, in the order they run.
fn rules_of(conn: &Connection, rid: i64) -> Result<Vec<Rule>, ExchangeError> {
    conn.prepare_cached(
        "SELECT id, rule_identity, name, priority, enabled, settings FROM inbox_rules \
         WHERE rid = ?1 ORDER BY priority, id",
    )
    .and_then(|mut stmt| {
        stmt.query_map([rid], |r| {
            let settings: String = r.get(5)?;
            Ok(Rule {
                id: r.get(0)?,
                rule_identity: r.get(1)?,
                name: r.get(2)?,
                priority: r.get(3)?,
                enabled: r.get(4)?,
                settings: serde_json::from_str(&settings).unwrap_or_default(),
            })
        })?
        .collect()
    })
    .map_err(sql_error)
}

/// The mailbox a command's rules are in, and the rule its identity names (by name or
/// RuleIdentity), if it names one: `<mailbox>\<rule>`, or `<rule>` in `-Mailbox`.
fn target(
    conn: &Connection,
    bound: &Bound,
    server: &str,
) -> Result<(Principal, Option<String>), ExchangeError> {
    let identity = bound.get("Identity").and_then(identity_text);
    let (mailbox, rule) = match identity.as_deref().and_then(|i| i.rsplit_once('\\')) {
        Some((mailbox, rule)) => (mailbox.to_string(), Some(rule.to_string())),
        None => (mailbox_named(bound)?, identity.clone()),
    };
    Ok((
        resolve(conn, &mailbox, Lifecycle::Active, MAILBOXES, server)?,
        rule,
    ))
}

/// `-Mailbox`, which the local organisation needs: Exchange takes the mailbox of whoever
/// runs the command, and its administrator has none.
fn mailbox_named(bound: &Bound) -> Result<String, ExchangeError> {
    bound.text("Mailbox").ok_or_else(|| {
        ExchangeError::invalid_argument(
            "MailboxNeeded",
            format!(
                "{} needs -Mailbox (or an identity such as 'ken\\Rule name'): the local organisation's administrator has no mailbox of their own.",
                bound.cmdlet.name
            ),
        )
        .with_target("Mailbox")
    })
}

/// The one rule `wanted` names among a mailbox's.
fn find<'a>(
    rules: &'a [Rule],
    wanted: &str,
    identity: &str,
    server: &str,
) -> Result<&'a Rule, ExchangeError> {
    let wanted = wanted.trim();
    let found: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.rule_identity == wanted || r.name.eq_ignore_ascii_case(wanted))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(identity::not_found(identity, server)),
        _ => Err(identity::ambiguous(identity)),
    }
}

/// The text of the identity a command gave, for its errors.
fn given_identity(bound: &Bound) -> String {
    bound
        .get("Identity")
        .and_then(identity_text)
        .unwrap_or_default()
}

/// A new rule's conditions and actions: every Boolean one of New-InboxRule off.
fn new_settings() -> Map<String, Value> {
    Catalog::get()
        .cmdlet("New-InboxRule")
        .map(|c| {
            c.parameters
                .iter()
                .filter(|p| p.is_boolean() && p.available_online())
                .map(|p| (p.name.clone(), Value::Bool(false)))
                .collect()
        })
        .unwrap_or_default()
}

fn render(noun: &NounSpec, mailbox: &Principal, rule: &Rule) -> Object {
    let mut values = rule.settings.clone();
    let own = [
        ("Enabled", json!(rule.enabled)),
        (
            "Identity",
            json!(format!("{}\\{}", mailbox.name, rule.rule_identity)),
        ),
        ("InError", json!(false)),
        ("MailboxOwnerId", json!(mailbox.name)),
        ("Name", json!(rule.name)),
        ("Priority", json!(rule.priority)),
        (
            "RuleIdentity",
            rule.rule_identity
                .parse::<u64>()
                .map_or_else(|_| json!(rule.rule_identity), |n| json!(n)),
        ),
        ("SupportedByTask", json!(true)),
    ];
    for (key, value) in own {
        values.insert(key.to_string(), value);
    }
    shaped(noun, values)
}

/// A folder a rule moves or copies to: `mailbox:\path` (the rule's own mailbox), or a
/// path in it; kept as its path, which must exist.
fn folder_path(
    conn: &Connection,
    mailbox: &Principal,
    value: &Value,
) -> Result<Value, ExchangeError> {
    let Some(given) = identity_text(value) else {
        return Ok(Value::Null);
    };
    let path = match given.split_once(":\\") {
        Some((owner, _)) if !owner.trim().is_empty() => {
            let (owner, path) = folders::split_identity(&given);
            let named = resolve(conn, &owner, Lifecycle::Active, MAILBOXES, "")
                .map_err(|_| folders::folder_not_found(&given))?;
            if named.rid != mailbox.rid {
                return Err(folders::folder_not_found(&given));
            }
            path
        }
        Some((_, path)) => path.trim_matches('\\').to_string(),
        None => given.trim().trim_matches('\\').to_string(),
    };
    match folders::find(conn, mailbox.rid, &path)? {
        Some(folder) if !folder.path.is_empty() => Ok(json!(folder.path)),
        _ => Err(folders::folder_not_found(&given)),
    }
}

/// The conditions, exceptions and actions after a command's parameters.
fn apply(
    conn: &Connection,
    mailbox: &Principal,
    current: &Map<String, Value>,
    bound: &Bound,
) -> Result<Map<String, Value>, ExchangeError> {
    let mut settings = current.clone();
    for (info, value) in &bound.params {
        let name = info.name.as_str();
        if NOT_SETTINGS
            .iter()
            .chain(NOT_CONDITIONS)
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            continue;
        }
        let stored = if info.type_name.starts_with("RecipientIdParameter") {
            match named_recipients(conn, name, value)? {
                Some(list) => json!(
                    list.iter()
                        .map(|(display, address)| format!("\"{display}\" [SMTP:{address}]"))
                        .collect::<Vec<_>>()
                ),
                None => Value::Null,
            }
        } else if info.type_name == "MailboxFolderIdParameter" {
            folder_path(conn, mailbox, value)?
        } else {
            typed_value(info, settings.get(name), value)?
        };
        settings.insert(name.to_string(), stored);
    }
    Ok(settings)
}

/// The place `-Priority` asks for among `count` places (from 1).
fn wanted_priority(bound: &Bound, count: i64) -> Result<Option<i64>, ExchangeError> {
    let Some(value) = bound.get("Priority").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let text = scalar_text(value).unwrap_or_default();
    match text.trim().parse::<i64>() {
        Ok(place) if (1..=count).contains(&place) => Ok(Some(place)),
        _ => Err(ExchangeError::invalid_argument(
            "InvalidPriority",
            format!("The priority '{text}' isn't valid: the rules of this mailbox run from 1 to {count}."),
        )
        .with_target("Priority")),
    }
}

/// Numbers a mailbox's rules 1, 2, ... in their order, `moved` (a rule and the place it
/// asks for) put at its place.
fn renumber(conn: &Connection, rid: i64, moved: Option<(i64, i64)>) -> Result<(), ExchangeError> {
    let mut ids: Vec<i64> = rules_of(conn, rid)?.iter().map(|r| r.id).collect();
    if let Some((id, place)) = moved
        && let Some(at) = ids.iter().position(|i| *i == id)
    {
        ids.remove(at);
        let place = usize::try_from(place - 1).unwrap_or(0).min(ids.len());
        ids.insert(place, id);
    }
    for (place, id) in ids.iter().enumerate() {
        conn.execute(
            "UPDATE inbox_rules SET priority = ?2 WHERE id = ?1 AND priority <> ?2",
            params![id, i64::try_from(place).unwrap_or(i64::MAX) + 1],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

fn refuse_online_only(bound: &Bound) -> Result<(), ExchangeError> {
    match ONLINE_ONLY.iter().find(|p| bound.get(p).is_some()) {
        Some(parameter) => Err(online_only(&bound.cmdlet.name, parameter)),
        None => Ok(()),
    }
}

impl LocalBackend {
    pub(super) fn get_inbox_rules(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        self.list_entries(bound, sink, |conn, org| {
            let (mailbox, wanted) = match mailbox_of_items(conn, bound, &org.server) {
                Some(mailbox) => (mailbox, None),
                None => target(conn, bound, &org.server)?,
            };
            let rules = rules_of(conn, mailbox.rid)?;
            Ok(match wanted {
                Some(wanted) => {
                    let rule = find(&rules, &wanted, &given_identity(bound), &org.server)?;
                    vec![render(noun, &mailbox, rule)]
                }
                None => rules.iter().map(|r| render(noun, &mailbox, r)).collect(),
            })
        })
    }

    pub(super) fn new_inbox_rule(
        &self,
        noun: &NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        refuse_online_only(bound)?;
        self.add_entry(bound, sink, |tx, org: &OrgInfo| {
            let name = bound.required_text("Name")?;
            let mailbox = resolve(
                tx,
                &mailbox_named(bound)?,
                Lifecycle::Active,
                MAILBOXES,
                &org.server,
            )?;
            let count = i64::try_from(rules_of(tx, mailbox.rid)?.len()).unwrap_or(i64::MAX);
            let place = wanted_priority(bound, count + 1)?;
            let settings = apply(tx, &mailbox, &new_settings(), bound)?;
            tx.execute(
                "INSERT INTO inbox_rules (rid, rule_identity, name, priority, settings) \
                 VALUES (?1, CAST(abs(random()) AS TEXT), ?2, ?3, ?4)",
                params![
                    mailbox.rid,
                    name,
                    count + 1,
                    Value::Object(settings).to_string()
                ],
            )
            .map_err(sql_error)?;
            let id = tx.last_insert_rowid();
            renumber(tx, mailbox.rid, place.map(|p| (id, p)))?;
            let rules = rules_of(tx, mailbox.rid)?;
            let rule = rules.iter().find(|r| r.id == id);
            Ok((rule.map(|r| render(noun, &mailbox, r)), Vec::new()))
        })
    }

    /// Runs a change of one named rule in one transaction (checked and undone under
    /// `-WhatIf`).
    fn change_inbox_rule(
        &self,
        bound: &Bound,
        change: impl FnOnce(&Connection, &Principal, &Rule) -> Result<Vec<String>, ExchangeError>,
    ) -> Result<Vec<String>, ExchangeError> {
        let commit = !bound.switch("WhatIf");
        self.store().write_if(commit, |tx, org| {
            let (mailbox, wanted) = target(tx, bound, &org.server)?;
            let identity = given_identity(bound);
            let wanted = wanted.ok_or_else(|| identity::not_found(&identity, &org.server))?;
            let rules = rules_of(tx, mailbox.rid)?;
            let rule = find(&rules, &wanted, &identity, &org.server)?;
            change(tx, &mailbox, rule)
        })
    }

    pub(super) fn set_inbox_rule(&self, bound: &Bound) -> Result<Vec<String>, ExchangeError> {
        self.change_inbox_rule(bound, |tx, mailbox, rule| {
            let settings = apply(tx, mailbox, &rule.settings, bound)?;
            let count = i64::try_from(rules_of(tx, mailbox.rid)?.len()).unwrap_or(i64::MAX);
            let place = wanted_priority(bound, count)?.filter(|p| *p != rule.priority);
            let name = bound.text("Name").unwrap_or_else(|| rule.name.clone());
            if settings == rule.settings && place.is_none() && name == rule.name {
                return Ok(vec![super::no_change_warning(&rule.name)]);
            }
            tx.execute(
                "UPDATE inbox_rules SET name = ?2, settings = ?3 WHERE id = ?1",
                params![rule.id, name, Value::Object(settings).to_string()],
            )
            .map_err(sql_error)?;
            if let Some(place) = place {
                renumber(tx, mailbox.rid, Some((rule.id, place)))?;
            }
            Ok(Vec::new())
        })
    }

    pub(super) fn switch_inbox_rule(
        &self,
        bound: &Bound,
        enabled: bool,
    ) -> Result<Vec<String>, ExchangeError> {
        self.change_inbox_rule(bound, |tx, _, rule| {
            tx.execute(
                "UPDATE inbox_rules SET enabled = ?2 WHERE id = ?1",
                params![rule.id, enabled],
            )
            .map_err(sql_error)?;
            Ok(Vec::new())
        })
    }

    pub(super) fn remove_inbox_rule(&self, bound: &Bound) -> Result<Vec<String>, ExchangeError> {
        self.change_inbox_rule(bound, |tx, mailbox, rule| {
            tx.execute("DELETE FROM inbox_rules WHERE id = ?1", [rule.id])
                .map_err(sql_error)?;
            renumber(tx, mailbox.rid, None)?;
            Ok(Vec::new())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_rule_has_its_boolean_conditions_and_actions_off() {
        let settings = new_settings();
        assert_eq!(settings.get("MarkAsRead"), Some(&Value::Bool(false)));
        assert_eq!(
            settings.get("StopProcessingRules"),
            Some(&Value::Bool(false))
        );
        assert!(!settings.contains_key("SubjectContainsWords"));
    }
}
