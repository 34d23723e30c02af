//! The signatures of every Exchange Online cmdlet, compiled in from `data/exo-cmdlets.tsv`.
//!
//! The data file holds facts from Microsoft's cmdlet reference (see `data/README.md`); each
//! cmdlet's lines are parsed the first time it is asked for ([`Catalog`]), so a command
//! pays only for the cmdlets it runs and one that never touches Exchange nothing. The
//! binder turns these into command signatures; the type names stay the reference's own
//! (`Boolean`, `SwitchParameter`, `MailboxIdParameter`, `MultiValuedProperty`, `Unlimited`)
//! so that binding can decide conversions from them.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/exo-cmdlets.tsv");

/// How a parameter takes pipeline input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineInput {
    None,
    ByValue,
    ByPropertyName,
    /// Both ways (the reference's older pages say only "True").
    ByValueAndPropertyName,
}

impl PipelineInput {
    pub fn by_value(self) -> bool {
        matches!(self, Self::ByValue | Self::ByValueAndPropertyName)
    }
    pub fn by_property_name(self) -> bool {
        matches!(self, Self::ByPropertyName | Self::ByValueAndPropertyName)
    }
}

/// One parameter of a cmdlet, as the reference describes it.
#[derive(Debug, Clone)]
pub struct ParameterInfo {
    pub name: String,
    /// The reference's type name: `Boolean`, `SwitchParameter`, `String[]`, ...
    pub type_name: String,
    /// The parameter sets it belongs to; empty means all sets.
    pub sets: Vec<String>,
    pub aliases: Vec<String>,
    /// Mandatory in every parameter set it belongs to.
    pub mandatory: bool,
    /// When mandatory in some of its sets only: those sets (read from the reference's
    /// syntax blocks, which show per set what is required).
    pub mandatory_sets: Vec<String>,
    /// Position among positional arguments (the reference counts from 0 or 1; only the
    /// order matters); `None` for named-only parameters.
    pub position: Option<u32>,
    pub pipeline: PipelineInput,
    /// Applies to Exchange Online.
    pub exchange_online: bool,
    /// Exists only on Exchange Server: Exchange Online refuses it as an unknown parameter.
    pub onprem_only: bool,
    /// Reserved for Microsoft's internal use.
    pub reserved: bool,
    pub wildcards: bool,
}

impl ParameterInfo {
    /// Whether this parameter exists when talking to Exchange Online.
    pub fn available_online(&self) -> bool {
        !self.onprem_only
    }
    pub fn is_switch(&self) -> bool {
        base_type(&self.type_name).eq_ignore_ascii_case("SwitchParameter")
    }
    pub fn is_boolean(&self) -> bool {
        base_type(&self.type_name).eq_ignore_ascii_case("Boolean")
    }
    /// Multi-valued: arrays and `MultiValuedProperty`-like collections, which also accept
    /// `@{Add=...; Remove=...}`.
    pub fn is_multi_valued(&self) -> bool {
        let t = base_type(&self.type_name);
        self.type_name.ends_with("[]")
            || t.eq_ignore_ascii_case("MultiValuedProperty")
            || t.eq_ignore_ascii_case("ProxyAddressCollection")
    }
    /// Whether the parameter must be given when binding in `set`.
    pub fn mandatory_in(&self, set: &str) -> bool {
        (self.mandatory && self.in_set(set))
            || self
                .mandatory_sets
                .iter()
                .any(|s| s.eq_ignore_ascii_case(set))
    }
    /// Whether the parameter belongs to the named set (or to all sets).
    pub fn in_set(&self, set: &str) -> bool {
        self.sets.is_empty() || self.sets.iter().any(|s| s.eq_ignore_ascii_case(set))
    }
}

/// The type name without a `System.` namespace prefix.
fn base_type(type_name: &str) -> &str {
    type_name.strip_prefix("System.").unwrap_or(type_name)
}

/// One cmdlet: its parameter sets (default first), parameters and filterable properties.
#[derive(Debug, Clone)]
pub struct CmdletInfo {
    pub name: String,
    pub parameter_sets: Vec<String>,
    pub parameters: Vec<ParameterInfo>,
    /// The properties `-Filter` accepts (empty when the cmdlet has no documented list).
    pub filterable: Vec<String>,
}

impl CmdletInfo {
    /// The parameter with this exact name or alias, compared case-insensitively.
    pub fn parameter(&self, name: &str) -> Option<&ParameterInfo> {
        self.parameters.iter().find(|p| {
            p.name.eq_ignore_ascii_case(name)
                || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }
    pub fn default_set(&self) -> Option<&str> {
        self.parameter_sets.first().map(String::as_str)
    }
    /// Whether `-Filter` accepts this property here (case-insensitive); `None` when the
    /// cmdlet has no documented filterable list.
    pub fn filterable_property(&self, property: &str) -> Option<&str> {
        self.filterable
            .iter()
            .find(|p| p.eq_ignore_ascii_case(property))
            .map(String::as_str)
    }
}

/// The whole catalog.
///
/// Start-up needs only the cmdlets' names (the shell registers every cmdlet by name), so
/// the data file is not parsed up front: [`Catalog::get`] finds where each cmdlet's lines
/// are, and a cmdlet's lines are parsed the first time something asks for that cmdlet.
/// A single command pays for the cmdlets it runs, not for all 730.
#[derive(Debug)]
pub struct Catalog {
    /// In the data file's order: by name, case-insensitively (a test checks it), which
    /// lets [`Catalog::cmdlet`] search by halves.
    entries: Vec<Entry>,
}

/// One cmdlet's place in the data file, and what its lines say once parsed.
#[derive(Debug)]
struct Entry {
    name: &'static str,
    /// Its `C` line and the `P`/`F` lines that follow.
    lines: &'static str,
    parsed: OnceLock<CmdletInfo>,
}

impl Entry {
    fn info(&self) -> &CmdletInfo {
        self.parsed
            .get_or_init(|| parse_cmdlet(self.name, self.lines))
    }
}

impl Catalog {
    /// The compiled-in catalog, indexed on first use.
    pub fn get() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::index(DATA))
    }

    /// Looks a cmdlet up by name, case-insensitively.
    pub fn cmdlet(&self, name: &str) -> Option<&CmdletInfo> {
        self.entries
            .binary_search_by(|e| caseless(e.name, name))
            .ok()
            .map(|i| self.entries[i].info())
    }

    /// Every cmdlet, sorted by name (each parsed as it is reached).
    pub fn cmdlets(&self) -> impl Iterator<Item = &CmdletInfo> {
        self.entries.iter().map(Entry::info)
    }

    /// Every cmdlet name, sorted (nothing parsed).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.name)
    }

    /// Finds each cmdlet's lines: a `C` line starts a cmdlet, whose `P` and `F` lines
    /// follow it.
    fn index(text: &'static str) -> Catalog {
        // A vectorised substring search finds the `C` lines without looking at each line.
        let first = text.starts_with("C\t").then_some(0);
        let starts: Vec<(&'static str, usize)> = first
            .into_iter()
            .chain(memchr::memmem::find_iter(text.as_bytes(), b"\nC\t").map(|at| at + 1))
            .map(|start| {
                let rest = &text[start + 2..];
                let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
                (rest[..end].trim_end(), start)
            })
            .collect();
        let ends = starts
            .iter()
            .skip(1)
            .map(|(_, start)| *start)
            .chain([text.len()]);
        let entries = starts
            .iter()
            .zip(ends)
            .map(|(&(name, start), end)| Entry {
                name,
                lines: &text[start..end],
                parsed: OnceLock::new(),
            })
            .collect();
        Catalog { entries }
    }
}

/// Orders names as the data file does: by their ASCII lowercase.
fn caseless(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Parses one cmdlet's lines; malformed lines are skipped (the file is generated and
/// checked by the tests, so skipping only guards against a hand edit).
fn parse_cmdlet(name: &str, text: &str) -> CmdletInfo {
    let mut cmdlet = CmdletInfo {
        name: name.to_string(),
        parameter_sets: Vec::new(),
        parameters: Vec::new(),
        filterable: Vec::new(),
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["C", _, sets] => cmdlet.parameter_sets = split_list(sets),
            [
                "P",
                name,
                type_name,
                sets,
                aliases,
                mandatory,
                position,
                pipeline,
                flags,
            ] => cmdlet.parameters.push(ParameterInfo {
                name: (*name).to_string(),
                type_name: (*type_name).to_string(),
                sets: if *sets == "*" {
                    Vec::new()
                } else {
                    split_list(sets)
                },
                aliases: split_list(aliases),
                mandatory: *mandatory == "*",
                mandatory_sets: match *mandatory {
                    "*" | "0" => Vec::new(),
                    sets => split_list(sets),
                },
                position: position.parse().ok(),
                pipeline: match *pipeline {
                    "V" => PipelineInput::ByValue,
                    "P" => PipelineInput::ByPropertyName,
                    "VP" => PipelineInput::ByValueAndPropertyName,
                    _ => PipelineInput::None,
                },
                exchange_online: flags.contains('e'),
                onprem_only: flags.contains('o'),
                reserved: flags.contains('r'),
                wildcards: flags.contains('w'),
            }),
            ["F", properties] => cmdlet.filterable = split_list(properties),
            _ => {}
        }
    }
    cmdlet
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_cmdlet_and_finds_them_case_insensitively() {
        let catalog = Catalog::get();
        assert_eq!(catalog.cmdlets().count(), 730);
        assert_eq!(catalog.names().count(), 730);
        let set = catalog.cmdlet("set-casmailbox").expect("Set-CASMailbox");
        assert_eq!(set.name, "Set-CASMailbox");
        let identity = set.parameter("identity").expect("Identity");
        assert_eq!(identity.type_name, "MailboxIdParameter");
        assert!(identity.mandatory);
        assert_eq!(identity.position, Some(1));
        assert!(identity.pipeline.by_value());
        let mapi = set.parameter("MAPIEnabled").expect("MAPIEnabled");
        assert!(mapi.is_boolean() && !mapi.onprem_only);
        assert!(
            set.parameter("EwsAllowList")
                .is_some_and(ParameterInfo::is_multi_valued)
        );
        assert!(set.parameter("DisplayName").is_some_and(|p| p.onprem_only));
        assert!(set.parameter("cf").is_some_and(ParameterInfo::is_switch));
    }

    /// The lookup searches by halves: the data file must list cmdlets by name,
    /// case-insensitively, each once.
    #[test]
    fn lists_cmdlets_in_order() {
        let names: Vec<String> = Catalog::get()
            .names()
            .map(str::to_ascii_lowercase)
            .collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "out of order");
        for name in Catalog::get().names() {
            assert_eq!(
                Catalog::get().cmdlet(name).map(|c| c.name.as_str()),
                Some(name)
            );
        }
        assert!(Catalog::get().cmdlet("Get-Nothing").is_none());
    }

    #[test]
    fn knows_parameter_sets_and_filterable_properties() {
        let get = Catalog::get()
            .cmdlet("Get-CASMailbox")
            .expect("Get-CASMailbox");
        assert_eq!(get.parameter_sets, ["Identity", "AnrSet"]);
        assert!(
            get.parameter("Anr")
                .is_some_and(|p| p.in_set("AnrSet") && !p.in_set("Identity"))
        );
        assert_eq!(get.filterable.len(), 34);
        assert_eq!(get.filterable_property("mapienabled"), Some("MAPIEnabled"));
    }
}
