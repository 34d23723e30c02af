//! The values of Exchange's enumeration types, by type name, compiled in from
//! `data/exo-enums.tsv` (facts from Microsoft's cmdlet reference; see `data/README.md`).
//!
//! The catalog knows a parameter's type (`MimeTextFormat`), not its values: this table
//! adds them. It is the one source for refusing a value outside an enumeration (binding
//! on the client, [`super::validate`] in the backend) and for Tab completion. A type the
//! table doesn't know takes any value, as before.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/exo-enums.tsv");

/// One enumeration: its names in the reference's order, and the number of each where the
/// reference gives one (a number is accepted in place of the name).
#[derive(Debug)]
pub struct Enumeration {
    pub type_name: String,
    pub names: Vec<String>,
    numbers: Vec<Option<i64>>,
    flags: bool,
}

impl Enumeration {
    /// The name a text stands for, matched case-insensitively (surrounding spaces
    /// ignored, as .NET's enum parsing does).
    pub fn name_of(&self, text: &str) -> Option<&str> {
        let text = text.trim();
        self.names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(text))
            .map(String::as_str)
    }

    /// The name a number stands for, where the reference numbers the values.
    pub fn name_of_number(&self, number: i64) -> Option<&str> {
        self.numbers
            .iter()
            .position(|n| *n == Some(number))
            .and_then(|i| self.names.get(i))
            .map(String::as_str)
    }

    /// Whether the reference gives numbers for the values.
    pub fn numbered(&self) -> bool {
        self.numbers.iter().any(Option::is_some)
    }

    /// Whether several names may be given at once (a .NET flags enumeration, such as
    /// MailboxFolderPermissionFlags: `Delegate, CanViewPrivateItems`, or DaysOfWeek:
    /// `Monday,Tuesday`). **decision**: the data file marks these, from the type's name
    /// (`...Flags`) or a reference page saying the one value takes several names.
    pub fn is_flags(&self) -> bool {
        self.flags
    }
}

fn table() -> &'static HashMap<String, Enumeration> {
    static TABLE: OnceLock<HashMap<String, Enumeration>> = OnceLock::new();
    TABLE.get_or_init(|| parse(DATA))
}

/// Parses the data file; malformed lines are skipped (the file is generated and checked
/// by the tests).
fn parse(text: &str) -> HashMap<String, Enumeration> {
    let mut table = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(type_name), Some(values)) = (fields.next(), fields.next()) else {
            continue;
        };
        let flags = fields.nth(1) == Some("flags");
        let (numbers, names): (Vec<Option<i64>>, Vec<String>) = values
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| match v.split_once(':') {
                Some((n, name)) => (n.parse().ok(), name.to_string()),
                None => (None, v.to_string()),
            })
            .unzip();
        table.insert(
            type_name.to_ascii_lowercase(),
            Enumeration {
                type_name: type_name.to_string(),
                names,
                numbers,
                flags,
            },
        );
    }
    table
}

/// The enumeration a catalog type names (`MimeTextFormat`, `RecipientTypeDetails[]`,
/// `Microsoft.Exchange....EntityType`, `<ResourceBookingType>` as one page writes it), if
/// the table knows it.
pub fn lookup(type_name: &str) -> Option<&'static Enumeration> {
    let base = type_name
        .trim()
        .trim_end_matches("[]")
        .trim_matches(|c| c == '<' || c == '>');
    let table = table();
    table.get(&base.to_ascii_lowercase()).or_else(|| {
        base.rsplit_once('.')
            .and_then(|(_, short)| table.get(&short.to_ascii_lowercase()))
    })
}

/// Every enumeration, for the tests and completion.
pub fn all() -> impl Iterator<Item = &'static Enumeration> {
    table().values()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_by_type_name_in_any_spelling() {
        let mime = lookup("MimeTextFormat").expect("known");
        assert_eq!(mime.name_of("bestbodyformat"), Some("BestBodyFormat"));
        assert_eq!(mime.name_of_number(6), Some("Tnef"));
        assert_eq!(mime.name_of("Whatever"), None);
        assert!(lookup("RecipientTypeDetails[]").is_some());
        assert!(lookup("Some.Namespace.EwsApplicationAccessPolicy").is_some());
        assert!(lookup("String").is_none());
        assert_eq!(
            lookup("<ResourceBookingType>").map(|e| e.type_name.as_str()),
            Some("ResourceBookingType")
        );
    }

    #[test]
    fn the_data_file_marks_the_flags_enumerations() {
        assert!(lookup("CalendarProcessingFlags").is_some_and(Enumeration::is_flags));
        assert!(lookup("MimeTextFormat").is_some_and(|e| !e.is_flags()));
        let parsed = parse("A\tX,Y\tPage\tflags\nB\tX,Y\tPage\n");
        assert!(parsed["a"].is_flags() && !parsed["b"].is_flags());
    }

    #[test]
    fn every_enumeration_is_a_type_of_the_catalog_with_distinct_names() {
        let catalog = super::super::catalog::Catalog::get();
        for enumeration in all() {
            assert!(
                catalog.cmdlets().any(|c| c.parameters.iter().any(|p| {
                    lookup(&p.type_name).is_some_and(|e| std::ptr::eq(e, enumeration))
                })),
                "{} is no parameter's type",
                enumeration.type_name
            );
            assert!(!enumeration.names.is_empty());
            for (i, name) in enumeration.names.iter().enumerate() {
                assert!(
                    !enumeration.names[..i]
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(name)),
                    "{} repeats {name}",
                    enumeration.type_name
                );
            }
        }
    }
}
