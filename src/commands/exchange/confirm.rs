//! What an Exchange cmdlet says before it changes something: how much the change matters
//! (its ConfirmImpact) and the words of `-WhatIf` and of the confirmation prompt. Decided
//! here, in the client, before anything is sent to the organisation.
//!
//! **decision** (ConfirmImpact): the cmdlet reference says of every `-Confirm` that
//! "destructive cmdlets (for example, Remove-* cmdlets) have a built-in pause" and that
//! "most other cmdlets (for example, New-* and Set-* cmdlets) don't". Destructive here
//! means what cannot be undone with the opposite verb: Remove-* and Delete-* (objects and
//! quarantined messages gone), Clear-* (a mobile device wiped, a texting account
//! cleared), and Disable-Mailbox and Disable-MailPublicFolder (the recipient's mailbox
//! data let go, as Remove-Mailbox does). Those are High, so they ask under the default
//! `$ConfirmPreference`; every other cmdlet that changes something is Medium and asks
//! only with `-Confirm`. Disable-* of rules and features is Medium: Enable-* undoes it.
//!
//! **decision** (words): the object is named as the admin knows it, by the identity they
//! typed, or for an object piped in by its Identity, else Name, else DisplayName (never
//! its Guid); a cmdlet with no identity names its Name parameter, else its noun.
//! Remove-Mailbox uses Exchange's own sentence; the other cmdlets use PowerShell's
//! standard `Performing the operation "<cmdlet>" on target "<object>".`.

use crate::engine::command::Bound;
use crate::engine::confirm::{ConfirmImpact, operation};
use crate::engine::value::Value;

/// The cmdlets whose change cannot be undone by another cmdlet.
fn destructive(cmdlet: &str) -> bool {
    let verb = cmdlet.split('-').next().unwrap_or_default();
    ["Remove", "Delete", "Clear"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(verb))
        || ["Disable-Mailbox", "Disable-MailPublicFolder"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(cmdlet))
}

/// The ConfirmImpact of an Exchange cmdlet that supports `-Confirm`.
pub fn impact(cmdlet: &str) -> ConfirmImpact {
    if destructive(cmdlet) {
        ConfirmImpact::High
    } else {
        ConfirmImpact::Medium
    }
}

/// How an identity argument names its object: typed text as typed, an object piped in by
/// its Identity, Name or DisplayName.
fn named(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Object(object) => {
            let object = object.borrow();
            ["Identity", "Name", "DisplayName"].iter().find_map(|p| {
                object
                    .get(p)
                    .filter(|v| !v.is_null())
                    .map(|v| v.to_string())
            })
        }
        Value::Array(items) => {
            let names: Vec<String> = items.borrow().iter().filter_map(named).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => Some(other.to_string()),
    }
}

/// The object the cmdlet changes, as the admin knows it.
fn target(cmdlet: &str, args: &Bound) -> String {
    ["Identity", "Name"]
        .iter()
        .find_map(|p| args.get(p).and_then(named))
        .unwrap_or_else(|| {
            cmdlet
                .split_once('-')
                .map_or(cmdlet, |(_, noun)| noun)
                .to_string()
        })
}

/// What `-WhatIf` prints after `What if: ` and the confirmation shows under its question.
pub fn description(cmdlet: &str, args: &Bound) -> String {
    let object = target(cmdlet, args);
    if cmdlet.eq_ignore_ascii_case("Remove-Mailbox") {
        return format!(
            "Removing mailbox \"{object}\" will remove the Active Directory user object and mark the mailbox and the archive (if present) in the database for removal."
        );
    }
    operation(cmdlet, &object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::object::PsObject;

    fn bound(pairs: &[(&str, Value)]) -> Bound {
        Bound {
            values: pairs
                .iter()
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect(),
            set: None,
        }
    }

    #[test]
    fn destructive_verbs_are_high() {
        assert_eq!(impact("Remove-Mailbox"), ConfirmImpact::High);
        assert_eq!(impact("Remove-OwaMailboxPolicy"), ConfirmImpact::High);
        assert_eq!(impact("Clear-MobileDevice"), ConfirmImpact::High);
        assert_eq!(impact("Disable-Mailbox"), ConfirmImpact::High);
        assert_eq!(impact("Disable-TransportRule"), ConfirmImpact::Medium);
        assert_eq!(impact("Set-CASMailbox"), ConfirmImpact::Medium);
        assert_eq!(impact("New-Mailbox"), ConfirmImpact::Medium);
    }

    #[test]
    fn objects_are_named_as_the_admin_knows_them() {
        let mut piped = PsObject::new(vec!["Deserialized.CASMailbox".into()]);
        piped.set("Guid", Value::str("673b58fd-6c62-4c8d-941c-f15c498f4fed"));
        piped.set("Identity", Value::str("Ken Sanchez"));
        let args = bound(&[("Identity", Value::object(piped))]);
        assert_eq!(
            description("Set-CASMailbox", &args),
            "Performing the operation \"Set-CASMailbox\" on target \"Ken Sanchez\"."
        );
        let args = bound(&[("Name", Value::str("Policy A"))]);
        assert_eq!(
            description("New-OwaMailboxPolicy", &args),
            "Performing the operation \"New-OwaMailboxPolicy\" on target \"Policy A\"."
        );
        assert_eq!(
            description("Set-OrganizationConfig", &bound(&[])),
            "Performing the operation \"Set-OrganizationConfig\" on target \"OrganizationConfig\"."
        );
    }
}
