//! Command signatures from the Exchange cmdlet catalog: every Exchange Online cmdlet,
//! with the parameters that exist in Exchange Online (on-premises-only ones are left out,
//! so binding refuses them as Exchange Online does).

use crate::engine::command::{Param, ParamType, Signature};
use crate::exchange::catalog::{CmdletInfo, ParameterInfo};
use crate::exchange::enums;
use crate::exchange::nouns::{for_cmdlet, nullable_boolean};

/// How the binder converts an argument for a catalog type. Identities and multi-valued
/// properties stay as given (an object piped in identifies itself; `@{Add=...}` is a
/// hashtable), Booleans take only Booleans and numbers, as PowerShell binds them.
fn param_type(cmdlet: &str, info: &ParameterInfo) -> ParamType {
    let base = info
        .type_name
        .strip_prefix("System.")
        .unwrap_or(&info.type_name);
    if info.is_switch() {
        ParamType::Switch
    } else if info.is_boolean() && nullable_boolean(cmdlet, &info.name) {
        // `$null` clears the setting; the backend refuses anything but Booleans,
        // numbers and `$null`, with PowerShell's words.
        ParamType::Any
    } else if info.is_boolean() {
        ParamType::Bool
    } else if info.is_multi_valued() {
        ParamType::Any
    } else if let Some(enumeration) = enums::lookup(&info.type_name)
        .filter(|e| !e.numbered() && !e.is_flags() && !info.type_name.ends_with("[]"))
    {
        // Refused at binding with PowerShell's words, as a .NET enum parameter is. (Lists,
        // flags, and enumerations that also take numbers, are checked by the backend.)
        ParamType::Enum(enumeration.names.clone())
    } else if base == "String" {
        ParamType::String
    } else if base == "Int32" {
        ParamType::Int
    } else if base == "Int64" {
        ParamType::Long
    } else {
        ParamType::Any
    }
}

/// The full name of a catalog type, as PowerShell's binding errors print it
/// (`Specify a parameter of type 'System.Boolean'`): the catalog, like the reference
/// pages, gives short names. Exchange's identity parameters live in
/// `Microsoft.Exchange.Configuration.Tasks` (the cmdlet reference's parameter tables); a
/// type whose namespace is not known stays as the catalog gives it (without the `<...>`
/// one page wraps a type in).
fn full_type_name(short: &str) -> String {
    let short = short.trim_matches(|c| c == '<' || c == '>');
    if short.contains('.') {
        return short.to_string();
    }
    let (base, array) = match short.strip_suffix("[]") {
        Some(base) => (base, "[]"),
        None => (short, ""),
    };
    let namespace = match base {
        "Boolean" | "String" | "Int32" | "Int64" | "UInt32" | "Double" | "Guid" | "DateTime"
        | "TimeSpan" | "Byte" | "Object" | "Uri" => "System",
        "SwitchParameter" | "PSCredential" => "System.Management.Automation",
        "SecureString" => "System.Security",
        "CultureInfo" => "System.Globalization",
        _ if base.ends_with("IdParameter") => "Microsoft.Exchange.Configuration.Tasks",
        _ => return short.to_string(),
    };
    format!("{namespace}.{base}{array}")
}

/// The signature of one catalog cmdlet.
pub fn signature(cmdlet: &CmdletInfo) -> Signature {
    let mut sig = Signature::new(&cmdlet.name).synopsis(if for_cmdlet(&cmdlet.name).is_some() {
        "Exchange Online cmdlet; runs in the local organisation."
    } else {
        "Exchange Online cmdlet; needs a connection to Exchange Online."
    });
    if let Some(set) = cmdlet.default_set() {
        sig = sig.default_set(set);
    }
    // The reference numbers positions from 0 or from 1; the order is what counts.
    let mut positions: Vec<u32> = cmdlet
        .parameters
        .iter()
        .filter_map(|p| p.position)
        .collect();
    positions.sort_unstable();
    positions.dedup();
    for info in cmdlet.parameters.iter().filter(|p| p.available_online()) {
        if ["WhatIf", "Confirm"]
            .iter()
            .any(|n| info.name.eq_ignore_ascii_case(n))
        {
            sig = sig
                .supports_should_process()
                .confirm_impact(super::confirm::impact(&cmdlet.name));
            continue;
        }
        let mut param = Param::new(&info.name, param_type(&cmdlet.name, info))
            .type_name(&full_type_name(&info.type_name));
        for alias in &info.aliases {
            param = param.alias(alias);
        }
        if let Some(index) = info
            .position
            .and_then(|p| positions.iter().position(|q| *q == p))
        {
            param = param.position(index);
        }
        if info.mandatory {
            param = param.mandatory();
        }
        if info.pipeline.by_value() {
            param = param.from_pipeline();
        }
        if info.pipeline.by_property_name() {
            param = param.from_pipeline_by_name();
        }
        for set in &info.sets {
            param = param.set(set);
        }
        sig = sig.param(param);
    }
    if let Some(reads) = input_reads(cmdlet) {
        sig = sig.reads_input(reads);
    }
    super::help::add_help(sig)
}

/// What the cmdlet reads of an object piped to it, when that is less than the whole
/// object: when every parameter that takes a piped object whole is an identity, it reads
/// the object's identity properties ([`super::convert::IDENTITY_PROPERTIES`]) and the
/// properties its by-name parameters take. (A piped object bound whole to any other
/// parameter is sent with all its properties.)
fn input_reads(cmdlet: &CmdletInfo) -> Option<Vec<String>> {
    let online = || cmdlet.parameters.iter().filter(|p| p.available_online());
    if online().any(|p| p.pipeline.by_value() && !p.type_name.ends_with("IdParameter")) {
        return None;
    }
    let mut reads: Vec<String> = super::convert::IDENTITY_PROPERTIES
        .iter()
        .map(|p| p.to_string())
        .collect();
    for p in online().filter(|p| p.pipeline.by_property_name()) {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            if !reads.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                reads.push(name.clone());
            }
        }
    }
    Some(reads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::catalog::Catalog;

    #[test]
    fn set_casmailbox_binds_as_exchange_online_does() {
        let cmdlet = Catalog::get().cmdlet("Set-CASMailbox").expect("known");
        let sig = signature(cmdlet);
        assert!(sig.supports_should_process);
        let identity = sig.find_param("Identity").expect("Identity");
        assert_eq!(identity.position, Some(0));
        assert!(identity.mandatory && identity.from_pipeline);
        assert_eq!(
            identity.type_name,
            "Microsoft.Exchange.Configuration.Tasks.MailboxIdParameter"
        );
        assert_eq!(
            sig.find_param("MAPIEnabled").map(|p| p.type_name.as_str()),
            Some("System.Boolean")
        );
        assert_eq!(
            sig.find_param("ActiveSyncAllowedDeviceIDs")
                .map(|p| p.type_name.as_str()),
            Some("MultiValuedProperty"),
            "namespace not known: as the catalog says"
        );
        assert_eq!(
            sig.find_param("MAPIEnabled").map(|p| p.ty.clone()),
            Some(ParamType::Bool)
        );
        assert_eq!(
            sig.find_param("SmtpClientAuthenticationDisabled")
                .map(|p| p.ty.clone()),
            Some(ParamType::Any),
            "blank is a value: the organisation's setting applies"
        );
        assert!(sig.find_param("DisplayName").is_none(), "on-premises only");
        assert!(
            sig.find_param("WhatIf").is_none(),
            "added by SupportsShouldProcess"
        );
    }

    #[test]
    fn a_cmdlet_reads_of_a_piped_object_what_names_it() {
        let reads = |name: &str| {
            signature(Catalog::get().cmdlet(name).expect("known"))
                .input_reads
                .of(&Default::default())
        };
        let identities = Some(vec![
            "Guid".to_string(),
            "Identity".to_string(),
            "Name".to_string(),
            "DisplayName".to_string(),
        ]);
        // Identity by value (Set-CASMailbox) or by property name only (Set-Mailbox).
        assert_eq!(reads("Set-CASMailbox"), identities);
        assert_eq!(reads("Set-Mailbox"), identities);
        // A by-name parameter that is not an identity adds its name and aliases.
        assert_eq!(
            reads("Get-AggregateZapReport"),
            Some(
                [
                    "Guid",
                    "Identity",
                    "Name",
                    "DisplayName",
                    "EndDate",
                    "StartDate"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        // An identity typed as a plain string takes a piped object whole.
        assert_eq!(reads("Get-EXOCasMailbox"), None);
    }
}
