//! What Tab offers, from the shell itself: command names and aliases (the Exchange Online
//! cmdlets included), parameters from each command's signature, values the signature
//! or the organisation knows, and the session's variables.

use std::ops::ControlFlow;

use crate::commands::exchange::session::ExchangeSession;
use crate::engine::binder::common_params;
use crate::engine::command::{Param, ParamType, Signature};
use crate::engine::function::ScriptCommand;
use crate::engine::runtime::Engine;
use crate::engine::value::Value;
use crate::exchange::Request;
use crate::exchange::catalog::Catalog;
use crate::exchange::enums;
use crate::exchange::nouns::{self, Op, Target};
use crate::format::select::{property_names, property_value};
use crate::repl::complete::Argument;
use crate::syntax::ast::{ExprKind, ParameterDecl};

/// How many organisation objects one Tab reads at most: enough to complete any name a
/// prefix narrows down, bounded so a large organisation never stalls the prompt.
const MAX_OBJECTS: usize = 5000;

/// The values of an Exchange enumeration, by the parameter's type name: the table the
/// backend checks values against (the catalog knows types, not their values).
fn enum_values(type_name: &str) -> Vec<String> {
    match enums::lookup(type_name) {
        Some(enumeration) => enumeration.names.clone(),
        // Quotas and sizes: the one word among the numbers.
        None if type_name.trim_end_matches("[]") == "Unlimited" => vec!["Unlimited".to_string()],
        None => Vec::new(),
    }
}

/// Every command name, alias and function.
pub fn commands(engine: &Engine) -> Vec<String> {
    let mut names: Vec<String> = engine
        .registry
        .commands()
        .map(|c| c.sig.name.clone())
        .collect();
    names.extend(engine.registry.aliases().map(|(a, _)| a.to_string()));
    names.extend(engine.scopes.functions().iter().map(|f| f.def.name.clone()));
    names
}

/// A command's signature and whether it takes the common parameters: a cmdlet's, or a
/// function's as the binder sees it (with `[ValidateSet()]` values as its choices).
fn signature_of(engine: &Engine, command: &str) -> Option<(Signature, bool)> {
    if let Some(f) = engine.scopes.function(command) {
        let mut params = f.def.params.clone();
        if let Some(block) = &f.def.body.param_block {
            params.extend(block.params.iter().cloned());
        }
        let script = ScriptCommand {
            name: f.def.name.clone(),
            ast: f.def.body.clone(),
            source: f.source.clone(),
            params,
            is_filter: f.def.is_filter,
            is_script: false,
            dot_source: false,
        };
        let mut sig = script.signature();
        for (param, decl) in sig.params.iter_mut().zip(&script.params) {
            if let Some(choices) = validate_set(decl) {
                param.ty = ParamType::Enum(choices);
            }
        }
        return Some((sig, script.is_advanced()));
    }
    let info = engine.registry.lookup(command)?;
    Some((Signature::clone(&info.sig), true))
}

/// The values a `[ValidateSet('a', 'b')]` allows.
fn validate_set(decl: &ParameterDecl) -> Option<Vec<String>> {
    let attr = decl
        .attributes
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case("ValidateSet"))?;
    let values: Vec<String> = attr
        .positional
        .iter()
        .flat_map(|e| match &e.kind {
            ExprKind::ArrayLiteral(items) => items.iter().collect::<Vec<_>>(),
            _ => vec![e],
        })
        .filter_map(|e| match &e.kind {
            ExprKind::StringLiteral(s) | ExprKind::BareWord(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    (!values.is_empty()).then_some(values)
}

/// Every parameter a command takes: its own, then the common ones.
fn all_params(engine: &Engine, command: &str) -> Vec<Param> {
    let Some((sig, common)) = signature_of(engine, command) else {
        return Vec::new();
    };
    let commons = if common {
        common_params(sig.supports_should_process)
    } else {
        Vec::new()
    };
    sig.params.into_iter().chain(commons).collect()
}

/// The parameter names of a command, common parameters included.
pub fn parameters(engine: &Engine, command: &str) -> Vec<String> {
    all_params(engine, command)
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// The parameter an argument is for: the named one (by name, alias or unique prefix, as
/// the binder resolves it), or the one at `position` (preferring the default set's).
fn parameter_of(
    engine: &Engine,
    command: &str,
    parameter: Option<&str>,
    position: usize,
) -> Option<Param> {
    let all = all_params(engine, command);
    match parameter {
        Some(name) => {
            let named = |p: &&Param| {
                p.name.eq_ignore_ascii_case(name)
                    || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            };
            if let Some(p) = all.iter().find(named) {
                return Some(p.clone());
            }
            let lower = name.to_lowercase();
            let mut prefixed = all
                .iter()
                .filter(|p| p.name.to_lowercase().starts_with(&lower));
            match (prefixed.next(), prefixed.next()) {
                (Some(p), None) => Some(p.clone()),
                _ => None,
            }
        }
        None => {
            let default_set = signature_of(engine, command).and_then(|(sig, _)| sig.default_set);
            let at: Vec<&Param> = all
                .iter()
                .filter(|p| p.position == Some(position))
                .collect();
            let in_default = default_set
                .as_deref()
                .and_then(|set| at.iter().find(|p| p.in_set(set)));
            in_default.or(at.first()).map(|p| (*p).clone())
        }
    }
}

/// The parameter an argument binds to. A switch takes no value, so the word after it is
/// the next positional argument.
fn argument_param(
    engine: &Engine,
    command: &str,
    parameter: Option<&str>,
    position: usize,
) -> Option<Param> {
    match parameter_of(engine, command, parameter, position) {
        Some(p) if p.is_switch() => parameter_of(engine, command, None, position),
        other => other,
    }
}

/// Known values for an argument: `$true`/`$false` for Booleans, an enumeration's
/// names, for Exchange identities the names of the objects in the organisation, and for
/// the property arguments of Format-List, Select-Object, Where-Object, ... the properties
/// of what the pipeline's first command outputs.
pub fn values(engine: &Engine, argument: &Argument) -> Vec<String> {
    let Argument {
        command,
        parameter,
        position,
        prefix,
        upstream,
    } = *argument;
    let Some(param) = argument_param(engine, command, parameter, position) else {
        return Vec::new();
    };
    if let Some(upstream) = upstream.filter(|_| names_properties(&param)) {
        return output_properties(engine, upstream);
    }
    match &param.ty {
        ParamType::Bool => return vec!["$true".into(), "$false".into()],
        ParamType::Enum(names) => return names.clone(),
        _ => {}
    }
    let fixed = enum_values(&param.type_name);
    if !fixed.is_empty() {
        return fixed;
    }
    let Some(cmdlet) = engine
        .registry
        .lookup(command)
        .and_then(|info| Catalog::get().cmdlet(&info.sig.name))
    else {
        return Vec::new();
    };
    if !param.type_name.ends_with("IdParameter") {
        return Vec::new();
    }
    for getter in getters(&cmdlet.name, &param) {
        if let Some(names) = object_names(engine, &getter, prefix) {
            return names;
        }
    }
    Vec::new()
}

/// Whether a parameter takes property names of the input (`Format-List -Property`,
/// `Where-Object Name -eq ...`, `ForEach-Object Name`).
fn names_properties(param: &Param) -> bool {
    [
        "Property",
        "ExpandProperty",
        "ExcludeProperty",
        "FilterScript",
        "Process",
        "MemberName",
    ]
    .iter()
    .any(|n| param.name.eq_ignore_ascii_case(n))
}

/// The properties of the objects an Exchange Get-* cmdlet outputs: its noun's (what the
/// organisation shows), else the catalog's filterable ones.
fn output_properties(engine: &Engine, command: &str) -> Vec<String> {
    let Some(name) = engine.registry.lookup(command).map(|i| i.sig.name.clone()) else {
        return Vec::new();
    };
    match nouns::for_cmdlet(&name) {
        Some((noun, Op::Get)) => noun.properties(),
        _ if name.to_ascii_lowercase().starts_with("get-") => Catalog::get()
            .cmdlet(&name)
            .map(|c| c.filterable.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The Get-* cmdlets that list what an identity parameter names, best first: for
/// `-Identity`, the cmdlet's own noun (Set-CASMailbox → Get-CASMailbox); for a reference
/// to another object, the noun it names (`-ActiveSyncMailboxPolicy` →
/// Get-MobileDeviceMailboxPolicy), else the parameter's name as a noun; then by the
/// identity's type, the recipients.
fn getters(cmdlet: &str, param: &Param) -> Vec<String> {
    let mut out = Vec::new();
    let reference = nouns::for_cmdlet(cmdlet).and_then(|(noun, _)| noun.reference(&param.name));
    match reference {
        Some(Target::Object(noun)) => out.push(format!("Get-{}", noun.nouns[0])),
        Some(Target::Recipient) => out.push("Get-Recipient".to_string()),
        None if param.name.eq_ignore_ascii_case("Identity") => {
            if let Some((_, noun)) = cmdlet.split_once('-') {
                out.push(format!("Get-{noun}"));
            }
        }
        None => out.push(format!("Get-{}", param.name)),
    }
    let ty = param.type_name.as_str();
    if ty.contains("Mailbox") && !ty.contains("Policy") && !ty.contains("Plan") {
        out.push("Get-Mailbox".to_string());
    }
    if ty.contains("Recipient") || ty.contains("User") || ty.contains("Mailbox") {
        out.push("Get-Recipient".to_string());
    }
    out.dedup();
    out
}

/// The names of the objects a Get-* cmdlet lists, those starting with `prefix` (a
/// server-side filter when the cmdlet takes one); `None` when the cmdlet cannot run
/// here.
fn object_names(engine: &Engine, getter: &str, prefix: &str) -> Option<Vec<String>> {
    let info = Catalog::get().cmdlet(getter)?;
    let backend = engine.session.backend().ok()?;
    let mut request = Request::new(getter);
    if info.parameter("ResultSize").is_some() {
        request = request.param("ResultSize", "Unlimited");
    }
    let filtered = !prefix.is_empty() && info.parameter("Filter").is_some();
    if filtered {
        let quoted = prefix.replace('\'', "''").replace('*', "");
        request = request.param("Filter", format!("Name -like '{quoted}*'"));
    }
    let mut names = Vec::new();
    let mut collect = |object: crate::exchange::Object| {
        if let Some(name) = object.get("Name").and_then(|n| n.as_str()) {
            names.push(name.to_string());
        }
        if names.len() >= MAX_OBJECTS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    match backend.invoke_each(&request, &mut collect) {
        Ok(_) => Some(names),
        // A filter the organisation cannot evaluate: list everything instead.
        Err(_) if filtered => object_names(engine, getter, ""),
        Err(_) => None,
    }
}

/// The session's variable names, with the constants `$true`, `$false` and `$null`.
pub fn variables(engine: &Engine) -> Vec<String> {
    let mut names: Vec<String> = engine
        .scopes
        .variables()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    names.extend(["true", "false", "null"].map(String::from));
    names
}

/// The property names of `$variable.path...`, read from the session without running
/// anything (a collection shows its first element's, as pwsh's member enumeration).
pub fn members(engine: &Engine, variable: &str, path: &[String]) -> Vec<String> {
    let first = |v: Value| match v {
        Value::Array(items) => items.borrow().first().cloned().unwrap_or(Value::Null),
        other => other,
    };
    let mut value = match engine.scopes.get(None, variable) {
        Some(v) => first(v),
        None => return Vec::new(),
    };
    for name in path {
        value = match property_value(&value, name) {
            Some(v) => first(v),
            None => return Vec::new(),
        };
    }
    match &value {
        Value::Hashtable(h) => h.borrow().iter().map(|(k, _)| k.to_string()).collect(),
        other => property_names(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::builtin_registry;
    use crate::engine::runtime::CaptureHost;

    fn engine() -> Engine {
        let mut e = Engine::new(builtin_registry(), Box::new(CaptureHost::default()));
        e.init_session_variables();
        e
    }

    fn arg<'a>(command: &'a str, parameter: Option<&'a str>, position: usize) -> Argument<'a> {
        Argument {
            command,
            parameter,
            position,
            prefix: "",
            upstream: None,
        }
    }

    #[test]
    fn properties_of_the_pipeline_s_first_command() {
        let e = engine();
        let after = |command: &'static str, upstream: &'static str| Argument {
            upstream: Some(upstream),
            ..arg(command, None, 0)
        };
        let fl = values(&e, &after("fl", "Get-CASMailbox"));
        assert!(fl.contains(&"MapiEnabled".to_string()) && fl.contains(&"Name".to_string()));
        let owa = values(&e, &after("Select-Object", "Get-OwaMailboxPolicy"));
        assert!(owa.contains(&"CalendarEnabled".to_string()), "{owa:?}");
        assert!(values(&e, &after("Where-Object", "Get-Mailbox")).contains(&"Alias".to_string()));
        assert!(values(&e, &after("Select-Object", "Write-Output")).is_empty());
        assert!(values(&e, &arg("Format-List", None, 0)).is_empty());
    }

    #[test]
    fn every_exchange_cmdlet_and_alias_is_a_command() {
        let names = commands(&engine());
        assert!(names.len() > 730);
        for name in [
            "Get-CASMailbox",
            "Set-OwaMailboxPolicy",
            "ForEach-Object",
            "%",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}");
        }
    }

    #[test]
    fn parameters_come_from_the_signature_with_common_ones() {
        let e = engine();
        let p = parameters(&e, "Set-CASMailbox");
        for name in [
            "Identity",
            "MAPIEnabled",
            "OwaMailboxPolicy",
            "ErrorAction",
            "WhatIf",
        ] {
            assert!(p.iter().any(|n| n == name), "{name}");
        }
        assert!(
            parameters(&e, "Get-CASMailbox")
                .iter()
                .all(|n| n != "WhatIf")
        );
    }

    #[test]
    fn values_from_the_signature() {
        let e = engine();
        assert_eq!(
            values(&e, &arg("Set-CASMailbox", Some("MAPIEnab"), 0)),
            vec!["$true", "$false"]
        );
        assert!(
            values(&e, &arg("Get-Mailbox", Some("RecipientTypeDetails"), 0))
                .contains(&"SharedMailbox".to_string())
        );
        assert!(
            values(&e, &arg("Get-Mailbox", Some("ea"), 0))
                .contains(&"SilentlyContinue".to_string())
        );
        assert_eq!(
            values(&e, &arg("Set-Mailbox", Some("ProhibitSendQuota"), 0)),
            vec!["Unlimited"]
        );
        assert!(values(&e, &arg("Write-Output", None, 0)).is_empty());
        // After a switch, the first positional argument (Get-Mailbox's Identity).
        assert_eq!(
            argument_param(&e, "Get-Mailbox", Some("Archive"), 0).map(|p| p.name),
            Some("Identity".to_string())
        );
    }

    #[test]
    fn functions_complete_from_their_declaration() {
        let mut e = engine();
        e.run_interactive(crate::syntax::ast::Source::new(
            "",
            "function Set-Thing { [CmdletBinding()] param([ValidateSet('Low', 'High')] [string]$Level, [bool]$On) }\nfunction plain($a) {}",
        ));
        let p = parameters(&e, "Set-Thing");
        assert!(p.contains(&"Level".to_string()) && p.contains(&"ErrorAction".to_string()));
        assert_eq!(parameters(&e, "plain"), vec!["a"]);
        assert_eq!(
            values(&e, &arg("Set-Thing", Some("Lev"), 0)),
            vec!["Low", "High"]
        );
        assert_eq!(values(&e, &arg("Set-Thing", None, 0)), vec!["Low", "High"]);
        assert_eq!(
            values(&e, &arg("Set-Thing", Some("On"), 0)),
            vec!["$true", "$false"]
        );
    }

    #[test]
    fn members_are_read_from_the_session() {
        let mut e = engine();
        e.run_interactive(crate::syntax::ast::Source::new(
            "",
            "$o = [pscustomobject]@{ MapiEnabled = $true; Inner = @{ Key = 1 } }; $list = @($o, $o)",
        ));
        assert_eq!(members(&e, "o", &[]), vec!["MapiEnabled", "Inner"]);
        assert_eq!(members(&e, "list", &[]), vec!["MapiEnabled", "Inner"]);
        assert_eq!(members(&e, "o", &["Inner".to_string()]), vec!["Key"]);
        assert!(members(&e, "nothing", &[]).is_empty());
    }

    #[test]
    fn the_identity_getter_follows_the_noun_then_the_type() {
        let e = engine();
        let sig = &e.registry.lookup("Set-CASMailbox").map(|i| i.sig.clone());
        let identity = sig
            .as_ref()
            .and_then(|s| s.find_param("Identity").cloned())
            .map(|p| getters("Set-CASMailbox", &p));
        assert_eq!(
            identity,
            Some(vec![
                "Get-CASMailbox".to_string(),
                "Get-Mailbox".to_string(),
                "Get-Recipient".to_string()
            ])
        );
        let policy = sig
            .as_ref()
            .and_then(|s| s.find_param("ActiveSyncMailboxPolicy").cloned())
            .map(|p| getters("Set-CASMailbox", &p));
        assert_eq!(
            policy.and_then(|g| g.first().cloned()),
            Some("Get-MobileDeviceMailboxPolicy".to_string())
        );
    }
}
