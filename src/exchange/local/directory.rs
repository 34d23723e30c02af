//! The directory properties every object shows ([`DIRECTORY`]): its distinguished name,
//! ids, schema class and the organisation's, as Exchange Online's directory gives them.
//!
//! [`DIRECTORY`]: crate::exchange::nouns::DIRECTORY

use serde_json::{Value, json};

use crate::exchange::nouns::Derived;
use crate::exchange::store::{OrgInfo, new_guid};

/// Where an object sits in the directory.
pub(super) struct Place<'a> {
    pub name: &'a str,
    pub dn: String,
    /// The schema class (`Person`, `OwaMailboxPolicy`).
    pub category: &'a str,
    /// Its classes, most general first.
    pub classes: &'a [&'a str],
}

/// The organisation's part of distinguished names and organisation ids.
pub(super) fn directory_suffix(org: &OrgInfo) -> String {
    format!(
        "OU={},OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com",
        org.tenant
    )
}

/// Escapes a name for a distinguished name's CN.
pub(super) fn escape_dn(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The schema path of a class, as ObjectCategory shows it.
pub(super) fn category_path(category: &str) -> String {
    format!("NAMPR01A001.prod.outlook.com/Configuration/Schema/{category}")
}

/// The organisation's id, as OrganizationId shows it.
pub(super) fn organization_id(org: &OrgInfo) -> String {
    format!(
        "NAMPR01A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/{0} - NAMPR01A001.prod.outlook.com/ConfigurationUnits/{0}/Configuration",
        org.tenant
    )
}

/// One id for this process's session, as Exchange gives each remote session one.
pub(super) fn runspace_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(new_guid)
}

/// A directory property's value, or `None` for a variant that depends on more than
/// the object's place (a stored property).
pub(super) fn value(derived: Derived, place: &Place, org: &OrgInfo) -> Option<Value> {
    Some(match derived {
        Derived::Null => Value::Null,
        Derived::True => Value::Bool(true),
        Derived::EmptyList => json!([]),
        Derived::Text(text) => json!(text),
        Derived::DistinguishedName => json!(place.dn),
        Derived::ObjectId => json!(place.name),
        Derived::ObjectCategory => json!(category_path(place.category)),
        Derived::ObjectClass => json!(place.classes),
        Derived::OrganizationId => json!(organization_id(org)),
        Derived::OriginatingServer => json!(org.server),
        Derived::RunspaceId => json!(runspace_id()),
        Derived::Same(_)
        | Derived::Is(..)
        | Derived::Set(_)
        | Derived::Addresses
        | Derived::RecipientType
        | Derived::GroupType
        | Derived::Linked(_)
        | Derived::MemberOf
        | Derived::LinkCount(_)
        | Derived::NamesDefault(_) => {
            return None;
        }
    })
}
