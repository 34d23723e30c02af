//! Checks a request's values before the command runs, so a value Exchange would refuse
//! never reaches the organisation: enumeration values (with PowerShell's binding error
//! and the list of valid names), and the lengths and address syntax Exchange enforces.
//!
//! These run in the backend, so a request arriving over REST is checked as one typed at
//! the shell; the shell's binder also refuses a bad enumeration value before sending
//! (with the same words), using the same table.

use std::borrow::Cow;

use serde_json::Value;

use super::catalog::{Catalog, ParameterInfo};
use super::enums::{self, Enumeration};
use super::request::{ExchangeError, Request, TYPE_ANNOTATION, scalar_text};

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
        }
    }
    Ok(checked)
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
    let list = info.type_name.ends_with("[]") || info.is_multi_valued();
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
