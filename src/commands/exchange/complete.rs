//! What Tab completion can offer for Exchange parameters: the organisation's mailbox
//! identities, the names of its policies and plans, and the fixed values of Exchange's
//! enumerations. Asked of the current backend through ordinary Get-* requests, so it
//! works the same against the local organisation and a remote one.

use std::ops::ControlFlow;

use serde_json::Value as Json;

use super::session;
use crate::exchange::catalog::Catalog;
use crate::exchange::{Object, Request};

/// How many candidates a completion asks for at most.
const LIMIT: usize = 50;

/// The `Name` of every object a request returns (at most [`LIMIT`]).
fn names(request: &Request) -> Vec<String> {
    let Ok(backend) = session::backend() else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let _ = backend.invoke_each(request, &mut |object: Object| {
        if let Some(Json::String(name)) = object.get("Name") {
            names.push(name.clone());
        }
        if names.len() >= LIMIT {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    names
}

/// Recipient names starting with `prefix` (ambiguous name resolution: names, aliases,
/// first and last names, addresses), for `-Identity` and similar parameters.
pub fn identities(prefix: &str) -> Vec<String> {
    names(
        &Request::new("Get-Recipient")
            .param("Anr", prefix)
            .param("ResultSize", LIMIT as u64),
    )
}

/// Fixed values of the enumerations admins type most.
fn enum_values(type_name: &str) -> &'static [&'static str] {
    match type_name.trim_end_matches("[]") {
        "Boolean" | "System.Boolean" => &["$true", "$false"],
        "RecipientTypeDetails" => &[
            "UserMailbox",
            "SharedMailbox",
            "RoomMailbox",
            "EquipmentMailbox",
        ],
        "MimeTextFormat" => &[
            "TextOnly",
            "HtmlOnly",
            "HtmlAndTextAlternative",
            "TextEnrichedOnly",
            "TextEnrichedAndTextAlternative",
            "BestBodyFormat",
            "Tnef",
        ],
        "EwsApplicationAccessPolicy" => &["EnforceAllowList", "EnforceBlockList"],
        "DeviceAccessLevel" => &["Allow", "Block", "Quarantine"],
        "DeviceAccessCharacteristic" => &[
            "DeviceType",
            "DeviceModel",
            "DeviceOS",
            "UserAgent",
            "XMSWLHeader",
        ],
        "Unlimited" => &["Unlimited"],
        _ => &[],
    }
}

/// The Get-* cmdlet listing the objects a parameter names, if it names some.
fn lister(cmdlet: &str, parameter: &str) -> Option<String> {
    let noun = cmdlet.split_once('-').map_or(cmdlet, |(_, n)| n);
    match parameter.to_ascii_lowercase().as_str() {
        "owamailboxpolicy" => Some("Get-OwaMailboxPolicy".into()),
        "activesyncmailboxpolicy" => Some("Get-MobileDeviceMailboxPolicy".into()),
        "mailboxplan" => Some("Get-MailboxPlan".into()),
        "identity" if crate::exchange::model::object_kind(noun).is_some() => {
            Some(format!("Get-{noun}"))
        }
        _ => None,
    }
}

/// Candidate values for `-parameter` of `cmdlet` that start with `prefix`
/// (case-insensitively), in the order they should be offered.
pub fn parameter_values(cmdlet: &str, parameter: &str, prefix: &str) -> Vec<String> {
    let Some(info) = Catalog::get().cmdlet(cmdlet) else {
        return Vec::new();
    };
    let Some(param) = info.parameter(parameter) else {
        return Vec::new();
    };
    let starts = |value: &str| {
        value
            .to_ascii_lowercase()
            .starts_with(&prefix.to_ascii_lowercase())
    };
    let fixed: Vec<String> = enum_values(&param.type_name)
        .iter()
        .filter(|v| starts(v))
        .map(|v| (*v).to_string())
        .collect();
    if !fixed.is_empty() {
        return fixed;
    }
    if let Some(get) = lister(&info.name, &param.name) {
        return names(&Request::new(get))
            .into_iter()
            .filter(|n| starts(n))
            .collect();
    }
    let type_name = param.type_name.as_str();
    if type_name.ends_with("IdParameter")
        && ["Mailbox", "User", "Recipient"]
            .iter()
            .any(|k| type_name.contains(k))
    {
        return identities(prefix);
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;

    #[test]
    fn offers_identities_policies_and_enumerations() {
        let dir = std::env::temp_dir().join(format!("exosh-complete-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let local = session::open_local(&dir.join("org.db")).expect("sample organisation");
        session::set_backend(Some(Rc::new(local)));
        assert_eq!(identities("Esther V"), ["Esther Valle"]);
        assert_eq!(
            parameter_values("Set-CASMailbox", "Identity", "esther"),
            ["Esther Valle"]
        );
        assert_eq!(
            parameter_values("Set-CASMailbox", "MAPIEnabled", ""),
            ["$true", "$false"]
        );
        assert_eq!(
            parameter_values("Set-CASMailbox", "OwaMailboxPolicy", "ex"),
            ["Executives"]
        );
        assert_eq!(
            parameter_values("Get-CASMailbox", "RecipientTypeDetails", "sh"),
            ["SharedMailbox"]
        );
        assert_eq!(
            parameter_values("Set-MobileDeviceMailboxPolicy", "Identity", ""),
            ["Default", "Management"]
        );
        session::set_backend(None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
