//! Checks a request's values before the command runs, so a value Exchange would refuse
//! never reaches the organisation: enumeration values (with PowerShell's binding error
//! and the list of valid names), the lengths and address syntax Exchange enforces, and
//! references to kinds of policy the local organisation doesn't keep.
//!
//! These run in the backend, so a request arriving over REST is checked as one typed at
//! the shell; the shell's binder also refuses a bad enumeration value before sending
//! (with the same words), using the same table.

use std::borrow::Cow;

use serde_json::Value;

use super::catalog::{Catalog, ParameterInfo};
use super::enums::{self, Enumeration};
use super::identity::reference_missing;
use super::request::{ErrorCode, ExchangeError, Request, TYPE_ANNOTATION, scalar_text};

/// The request with every enumeration value in its canonical spelling, or the error for
/// the first value Exchange would refuse.
pub fn request(request: &Request) -> Result<Cow<'_, Request>, ExchangeError> {
    let Some(cmdlet) = Catalog::get().cmdlet(&request.cmdlet_name) else {
        return Ok(Cow::Borrowed(request));
    };
    let mut checked = Cow::Borrowed(request);
    for (name, value) in &request.parameters {
        let Some(info) = cmdlet.parameter(name) else {
            continue;
        };
        if let Some(enumeration) = enums::lookup(&info.type_name) {
            let canonical = enumeration_value(info, enumeration, value)?;
            if canonical != *value {
                checked.to_mut().parameters.insert(name.clone(), canonical);
            }
            continue;
        }
        check_single_identity(info, value)?;
        let changes = ["new-", "set-"]
            .iter()
            .any(|verb| cmdlet.name.to_ascii_lowercase().starts_with(verb));
        if changes {
            check_length(info, value)?;
            check_reference(info, value)?;
        }
        check_addresses(info, value)?;
    }
    Ok(checked)
}

/// PowerShell's refusal of several values for an identity parameter that takes one
/// (`Get-Mailbox $list`): an identity names one object.
fn check_single_identity(info: &ParameterInfo, value: &Value) -> Result<(), ExchangeError> {
    match value {
        Value::Array(items)
            if items.len() > 1
                && info.type_name.ends_with("IdParameter")
                && !info.is_multi_valued() =>
        {
            Err(ExchangeError::invalid_argument(
                "ParameterArgumentTransformationError",
                format!(
                    "Cannot process argument transformation on parameter '{}'. Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"Microsoft.Exchange.Configuration.Tasks.{}\".",
                    info.name, info.type_name
                ),
            )
            .with_target(info.name.clone()))
        }
        _ => Ok(()),
    }
}

/// The most characters Exchange keeps in a property (the directory's limits), by the
/// parameter that sets it.
const LENGTH_LIMITS: &[(&str, usize)] = &[
    ("Name", 64),
    ("Alias", 64),
    ("DisplayName", 256),
    ("SimpleDisplayName", 256),
    ("FirstName", 64),
    ("LastName", 64),
    ("Initials", 6),
    ("Title", 128),
    ("Department", 64),
    ("Company", 64),
    ("Office", 128),
    ("City", 128),
    ("StateOrProvince", 128),
    ("PostalCode", 40),
    ("Phone", 64),
    ("MobilePhone", 64),
    ("HomePhone", 64),
    ("Fax", 64),
    ("Pager", 64),
];

/// The limit of the CustomAttribute1..15 properties.
const CUSTOM_ATTRIBUTE_LIMIT: usize = 1024;

/// Exchange's refusal of a text longer than its property holds (lengths in UTF-16 code
/// units, as .NET counts them).
fn check_length(info: &ParameterInfo, value: &Value) -> Result<(), ExchangeError> {
    let name = info.name.as_str();
    let limit = LENGTH_LIMITS
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(name))
        .map(|(_, n)| *n)
        .or_else(|| {
            let lower = name.to_ascii_lowercase();
            let index = lower.strip_prefix("customattribute")?.parse::<u8>().ok()?;
            (1..=15).contains(&index).then_some(CUSTOM_ATTRIBUTE_LIMIT)
        });
    let (Some(limit), Value::String(text)) = (limit, value) else {
        return Ok(());
    };
    let length = text.encode_utf16().count();
    if length <= limit {
        return Ok(());
    }
    Err(ExchangeError::new(
        ErrorCode::BadRequest,
        "DataValidationException",
        "InvalidData",
        format!(
            "The length of the property is too long. The maximum length is {limit} and the length of the value provided is {length}."
        ),
    )
    .with_target(name))
}

/// References to kinds of policy the local organisation doesn't keep, with the names
/// Exchange Online creates in every organisation. **Decision**: a reference to one of
/// these is accepted; any other is refused as Exchange refuses a policy that doesn't
/// exist (authentication, address book and data encryption policies exist only once an
/// admin creates them, which needs Exchange Online).
const POLICIES_NOT_KEPT: &[(&str, &[&str])] = &[
    ("RoleAssignmentPolicy", &["Default Role Assignment Policy"]),
    ("SharingPolicy", &["Default Sharing Policy"]),
    ("AddressBookPolicy", &[]),
    ("DataEncryptionPolicy", &[]),
    ("AuthenticationPolicy", &[]),
    ("DefaultAuthenticationPolicy", &[]),
];

fn check_reference(info: &ParameterInfo, value: &Value) -> Result<(), ExchangeError> {
    if !info.type_name.ends_with("IdParameter") {
        return Ok(());
    }
    let Some((_, built_in)) = POLICIES_NOT_KEPT
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(&info.name))
    else {
        return Ok(());
    };
    match scalar_text(value).map(|t| t.trim().to_string()) {
        Some(name)
            if !name.is_empty() && !built_in.iter().any(|b| b.eq_ignore_ascii_case(&name)) =>
        {
            Err(reference_missing(&name))
        }
        _ => Ok(()),
    }
}

/// Whether Exchange takes a text as an SMTP address: `local@domain`, the local part made
/// of RFC 5322's atom characters in dot-separated runs (or quoted), the domain of
/// letter-digit-hyphen labels (no hyphen at either end), at most 320 characters.
pub fn is_smtp_address(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    let atom = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let local_ok = if local.len() >= 2 && local.starts_with('"') && local.ends_with('"') {
        !local[1..local.len() - 1].contains(['"', '\\'])
    } else {
        !local.is_empty()
            && local
                .split('.')
                .all(|run| !run.is_empty() && run.chars().all(atom))
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    text.chars().count() <= 320 && local.len() <= 64 && local_ok && domain.split('.').all(label_ok)
}

/// Exchange's refusal of a text that is no SMTP address, for a parameter of `type_name`.
fn not_an_address(parameter: &str, type_name: &str, given: &str, address: &str) -> ExchangeError {
    ExchangeError::invalid_argument(
        "ParameterArgumentTransformationError",
        format!(
            "Cannot process argument transformation on parameter '{parameter}'. Cannot convert value \"{given}\" to type \"Microsoft.Exchange.Data.{type_name}\". Error: \"The email address \"{address}\" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com.\""
        ),
    )
    .with_target(parameter)
}

/// Checks the SMTP addresses a parameter gives: `SmtpAddress` and `WindowsLiveId` values,
/// and the `smtp:` entries (or entries without a prefix) of proxy addresses, including
/// those added with `@{Add=...}`.
fn check_addresses(info: &ParameterInfo, value: &Value) -> Result<(), ExchangeError> {
    let base = info.type_name.trim_end_matches("[]");
    let proxy = matches!(base, "ProxyAddress" | "ProxyAddressCollection");
    if !proxy && !matches!(base, "SmtpAddress" | "WindowsLiveId") {
        return Ok(());
    }
    let mut texts = Vec::new();
    collect_added(value, &mut texts);
    for given in texts {
        let address = if proxy {
            match given.split_once(':') {
                Some((prefix, rest)) if !prefix.contains('@') => {
                    if !prefix.eq_ignore_ascii_case("smtp") {
                        continue;
                    }
                    rest
                }
                _ => given.as_str(),
            }
        } else {
            given.as_str()
        };
        if !is_smtp_address(address.trim()) {
            return Err(not_an_address(&info.name, base, &given, address));
        }
    }
    Ok(())
}

/// The texts a value sets or adds (a hashtable's `Remove` items are left out).
fn collect_added(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_added(item, out)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !k.contains('@') && !k.eq_ignore_ascii_case("Remove"))
            .for_each(|(_, v)| collect_added(v, out)),
        Value::String(text) if !text.is_empty() => out.push(text.clone()),
        _ => {}
    }
}

/// PowerShell's refusal of a value that names no member of the enumeration.
pub fn not_an_enumerator(parameter: &str, enumeration: &Enumeration, text: &str) -> ExchangeError {
    ExchangeError::invalid_argument(
        "CannotConvertArgumentNoMessage",
        format!(
            "Cannot bind parameter '{parameter}'. Cannot convert value \"{text}\" to type \"{}\". Error: \"Unable to match the identifier name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
            enumeration.type_name,
            enumeration.names.join(", ")
        ),
    )
    .with_target(parameter)
}

/// One value of an enumeration-typed parameter in canonical form: names in the
/// enumeration's spelling, numbers the reference gives turned into their names, lists
/// and `@{Add=...; Remove=...}` checked item by item. `$null` clears the setting.
fn enumeration_value(
    info: &ParameterInfo,
    enumeration: &Enumeration,
    value: &Value,
) -> Result<Value, ExchangeError> {
    let refuse = |text: &str| not_an_enumerator(&info.name, enumeration, text);
    // A flags enumeration takes several names at once, in one text or as a list.
    let list = info.type_name.ends_with("[]") || info.is_multi_valued() || enumeration.is_flags();
    match value {
        Value::Null => Ok(Value::Null),
        Value::String(text) if list && text.contains(',') => {
            // A list typed as one string (`"UserMailbox,SharedMailbox"`).
            let names = text
                .split(',')
                .map(|part| enumeration.name_of(part).ok_or_else(|| refuse(part.trim())))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Value::String(names.join(",")))
        }
        Value::String(text) => enumeration
            .name_of(text)
            .map(|n| Value::String(n.to_string()))
            .ok_or_else(|| refuse(text)),
        Value::Number(number) => number
            .as_i64()
            .and_then(|n| enumeration.name_of_number(n))
            .map(|n| Value::String(n.to_string()))
            .ok_or_else(|| refuse(&number.to_string())),
        Value::Array(items) => items
            .iter()
            .map(|item| enumeration_value(info, enumeration, item))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Value::Object(map) if map.contains_key(TYPE_ANNOTATION) || list => {
            let mut checked = map.clone();
            for (_, operand) in checked.iter_mut().filter(|(k, _)| !k.contains('@')) {
                *operand = enumeration_value(info, enumeration, operand)?;
            }
            Ok(Value::Object(checked))
        }
        other => Err(refuse(
            &scalar_text(other).unwrap_or_else(|| other.to_string()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(cmdlet: &str, parameter: &str, value: Value) -> Result<Value, ExchangeError> {
        let asked = Request::new(cmdlet).param(parameter, value);
        let checked = request(&asked)?;
        Ok(checked.get(parameter).cloned().unwrap_or(Value::Null))
    }

    #[test]
    fn enumeration_values_are_refused_with_powershells_words_or_made_canonical() {
        let error = check(
            "Set-CASMailbox",
            "EwsApplicationAccessPolicy",
            json!("Bogus"),
        )
        .expect_err("refused");
        assert_eq!(
            error.message,
            "Cannot bind parameter 'EwsApplicationAccessPolicy'. Cannot convert value \"Bogus\" to type \"EwsApplicationAccessPolicy\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nEnforceAllowList, EnforceBlockList\""
        );
        assert_eq!(error.error_id, "CannotConvertArgumentNoMessage");
        assert_eq!(
            check(
                "Set-CASMailbox",
                "popmessagesretrievalmimeformat",
                json!(" textonly")
            )
            .ok(),
            Some(json!("TextOnly"))
        );
        assert_eq!(
            check("Set-CASMailbox", "PopMessagesRetrievalMimeFormat", json!(6)).ok(),
            Some(json!("Tnef"))
        );
        assert!(check("Set-CASMailbox", "PopMessagesRetrievalMimeFormat", json!(7)).is_err());
        assert!(
            check(
                "Set-CASMailbox",
                "PopMessagesRetrievalMimeFormat",
                json!(true)
            )
            .is_err()
        );
        assert_eq!(
            check("Set-CASMailbox", "EwsApplicationAccessPolicy", Value::Null).ok(),
            Some(Value::Null)
        );
    }

    #[test]
    fn every_enumeration_typed_parameter_of_the_catalog_refuses_a_stranger() {
        let mut checked = 0;
        for cmdlet in Catalog::get().cmdlets() {
            for parameter in cmdlet.parameters.iter().filter(|p| p.available_online()) {
                let Some(enumeration) = enums::lookup(&parameter.type_name) else {
                    continue;
                };
                let asked = Request::new(&cmdlet.name).param(&parameter.name, "Bogus");
                let error =
                    request(&asked).expect_err(&format!("{} -{}", cmdlet.name, parameter.name));
                assert!(
                    error
                        .message
                        .ends_with(&format!("{}\"", enumeration.names.join(", "))),
                    "{}",
                    error.message
                );
                let first = &enumeration.names[0];
                let asked = Request::new(&cmdlet.name).param(&parameter.name, first.to_lowercase());
                assert_eq!(
                    request(&asked)
                        .ok()
                        .and_then(|r| r.get(&parameter.name).cloned()),
                    Some(Value::String(first.clone()))
                );
                checked += 1;
            }
        }
        assert!(checked > 40, "{checked} parameters checked");
    }

    #[test]
    fn lengths_are_exchanges() {
        let error = check("Set-Mailbox", "DisplayName", json!("x".repeat(257))).expect_err("long");
        assert_eq!(
            error.message,
            "The length of the property is too long. The maximum length is 256 and the length of the value provided is 257."
        );
        assert!(check("Set-Mailbox", "DisplayName", json!("x".repeat(256))).is_ok());
        assert!(check("New-Mailbox", "Name", json!("n".repeat(65))).is_err());
        assert!(check("New-Mailbox", "Alias", json!("a".repeat(65))).is_err());
        assert!(check("Set-Mailbox", "CustomAttribute15", json!("c".repeat(1025))).is_err());
        assert!(check("Set-User", "Initials", json!("ABCDEFG")).is_err());
        // Counted in UTF-16 units, as .NET counts: 64 emoji are 128 units.
        assert!(check("New-Mailbox", "Name", json!("\u{1F600}".repeat(33))).is_err());
        assert!(check("Get-Mailbox", "Identity", json!("n".repeat(65))).is_ok());
    }

    #[test]
    fn smtp_addresses_are_checked_where_exchange_checks_them() {
        for good in [
            "ken@contoso.com",
            "o'brien+x@mail.contoso.com",
            "\"a b\"@contoso.com",
            "x@localhost",
        ] {
            assert!(is_smtp_address(good), "{good}");
        }
        for bad in [
            "ken",
            "ken@",
            "@contoso.com",
            "ken@contoso..com",
            "ken@-contoso.com",
            "k en@contoso.com",
            "ken..x@contoso.com",
            "ken@contoso.com.",
        ] {
            assert!(!is_smtp_address(bad), "{bad}");
        }
        let error = check(
            "New-Mailbox",
            "PrimarySmtpAddress",
            json!("ken.contoso.com"),
        )
        .expect_err("bad");
        assert_eq!(
            error.message,
            "Cannot process argument transformation on parameter 'PrimarySmtpAddress'. Cannot convert value \"ken.contoso.com\" to type \"Microsoft.Exchange.Data.SmtpAddress\". Error: \"The email address \"ken.contoso.com\" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com.\""
        );
        let added = crate::exchange::request::hashtable([(
            "Add".to_string(),
            json!(["smtp:ok@contoso.com", "smtp:not an address"]),
        )]);
        assert!(check("Set-Mailbox", "EmailAddresses", added).is_err());
        let removed =
            crate::exchange::request::hashtable([("Remove".to_string(), json!("smtp:whatever"))]);
        assert!(check("Set-Mailbox", "EmailAddresses", removed).is_ok());
        assert!(
            check(
                "Set-Mailbox",
                "EmailAddresses",
                json!(["SMTP:a@contoso.com", "X500:/o=x/cn=y", "sip:a@contoso.com"])
            )
            .is_ok()
        );
    }

    #[test]
    fn references_to_policies_the_organisation_does_not_keep() {
        assert!(
            check(
                "Set-Mailbox",
                "RoleAssignmentPolicy",
                json!("default role assignment policy")
            )
            .is_ok()
        );
        let error = check(
            "Set-Mailbox",
            "SharingPolicy",
            json!("Contoso Sharing Policy"),
        )
        .expect_err("missing");
        assert_eq!(
            error.message,
            "Couldn't find object \"Contoso Sharing Policy\". Please make sure that it was spelled correctly or specify a different object."
        );
        assert!(
            check(
                "Set-OrganizationConfig",
                "DefaultAuthenticationPolicy",
                json!("Block Basic Auth")
            )
            .is_err()
        );
        assert!(check("Set-Mailbox", "RoleAssignmentPolicy", Value::Null).is_ok());
    }

    #[test]
    fn lists_are_checked_item_by_item() {
        assert_eq!(
            check(
                "Get-Recipient",
                "RecipientTypeDetails",
                json!(["usermailbox", "SharedMailbox"])
            )
            .ok(),
            Some(json!(["UserMailbox", "SharedMailbox"]))
        );
        assert_eq!(
            check(
                "Get-Recipient",
                "RecipientTypeDetails",
                json!("usermailbox, roommailbox")
            )
            .ok(),
            Some(json!("UserMailbox,RoomMailbox"))
        );
        let error = check(
            "Get-Recipient",
            "RecipientTypeDetails",
            json!(["UserMailbox", "Nope"]),
        )
        .expect_err("refused");
        assert!(
            error
                .message
                .contains("Cannot convert value \"Nope\" to type \"RecipientTypeDetails\"")
        );
    }
}
