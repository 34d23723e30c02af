//! Get-Command (`gcm`) and Get-Alias (`gal`): what commands and aliases exist, as
//! CommandInfo/AliasInfo objects printed in pwsh's table (CommandType 15 cells, Name 50,
//! Version 10, Source).
//!
//! **decision**: Version and Source are empty — exosh's commands do not come from
//! modules.

use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{has_wildcard, wildcard_match};
use crate::format::view::{ALIAS_INFO, CMDLET_INFO, FUNCTION_INFO};

/// A command as Get-Command shows it.
fn info(kind: &str, name: &str, definition: &str) -> Value {
    let type_name = match kind {
        "Alias" => ALIAS_INFO,
        "Function" => FUNCTION_INFO,
        _ => CMDLET_INFO,
    };
    let mut o = PsObject::new(vec![
        type_name.into(),
        "System.Management.Automation.CommandInfo".into(),
        "System.Object".into(),
    ]);
    let display = if kind == "Alias" {
        format!("{name} -> {definition}")
    } else {
        name.to_string()
    };
    o.set("CommandType", Value::str(kind));
    o.set("Name", Value::str(name));
    o.set("DisplayName", Value::str(display));
    o.set("Definition", Value::str(definition));
    o.set("Version", Value::Null);
    o.set("Source", Value::str(""));
    Value::object(o)
}

/// Every command: `(type, name, definition)`, cmdlets and functions sorted by name.
fn all_commands(cx: &Ctx) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = cx
        .engine
        .registry
        .commands()
        .map(|c| ("Cmdlet".to_string(), c.sig.name.clone(), c.sig.name.clone()))
        .collect();
    out.extend(cx.engine.scopes.functions().iter().map(|f| {
        (
            "Function".to_string(),
            f.def.name.clone(),
            f.def.name.clone(),
        )
    }));
    out.sort_by_key(|c| c.1.to_lowercase());
    out
}

fn aliases(cx: &Ctx) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = cx
        .engine
        .registry
        .aliases()
        .map(|(a, t)| {
            let alias = cx
                .engine
                .registry
                .lookup(t)
                .and_then(|c| {
                    c.sig
                        .aliases
                        .iter()
                        .find(|x| x.eq_ignore_ascii_case(a))
                        .cloned()
                })
                .unwrap_or_else(|| a.to_string());
            let target = cx
                .engine
                .registry
                .lookup(t)
                .map(|c| c.sig.name.clone())
                .unwrap_or_else(|| t.to_string());
            (alias, target)
        })
        .collect();
    out.sort_by_key(|a| a.0.to_lowercase());
    out
}

fn matches(pattern: &str, name: &str) -> bool {
    if has_wildcard(pattern) {
        wildcard_match(pattern, name)
    } else {
        pattern.eq_ignore_ascii_case(name)
    }
}

struct GetCommand;

impl Processor for GetCommand {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let names = strings(cx.param("Name"));
        let verbs = strings(cx.param("Verb"));
        let nouns = strings(cx.param("Noun"));
        let split = |name: &str| -> (String, String) {
            match name.split_once('-') {
                Some((v, n)) => (v.to_string(), n.to_string()),
                None => (String::new(), name.to_string()),
            }
        };
        let wanted = |name: &str| {
            let (verb, noun) = split(name);
            (names.is_empty() || names.iter().any(|p| matches(p, name)))
                && (verbs.is_empty() || verbs.iter().any(|p| matches(p, &verb)))
                && (nouns.is_empty() || nouns.iter().any(|p| matches(p, &noun)))
        };
        let mut found = Vec::new();
        if !names.is_empty() && verbs.is_empty() && nouns.is_empty() {
            for (alias, target) in aliases(cx) {
                if names.iter().any(|p| matches(p, &alias)) {
                    found.push(info("Alias", &alias, &target));
                }
            }
        }
        for (kind, name, definition) in all_commands(cx) {
            if wanted(&name) {
                found.push(info(&kind, &name, &definition));
            }
        }
        for pattern in names.iter().filter(|p| !has_wildcard(p)) {
            let any = found.iter().any(|v| {
                crate::format::select::property_value(v, "Name")
                    .is_some_and(|n| n.to_string().eq_ignore_ascii_case(pattern))
            });
            if !any {
                cx.error(
                    &format!(
                        "The term '{pattern}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
                    ),
                    "CommandNotFoundException",
                    ErrorCategory::ObjectNotFound,
                )?;
            }
        }
        for v in found {
            cx.write(v)?;
        }
        Ok(())
    }
}

pub fn get_command() -> CommandInfo {
    let sig = Signature::new("Get-Command")
        .alias("gcm")
        .synopsis("Gets all commands.")
        .param(Param::new("Name", ParamType::StringArray).position(0))
        .param(Param::new("Verb", ParamType::StringArray))
        .param(Param::new("Noun", ParamType::StringArray))
        .param(Param::new("CommandType", ParamType::StringArray).alias("Type"))
        .example(
            "By verb and noun",
            "(Get-Command -Verb Format -Noun List).Name",
            "Format-List",
        );
    CommandInfo::new(sig, || Box::new(GetCommand))
}

struct GetAlias;

impl Processor for GetAlias {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let names = strings(cx.param("Name"));
        let definitions = strings(cx.param("Definition"));
        let mut any = false;
        for (alias, target) in aliases(cx) {
            let by_name = names.is_empty() || names.iter().any(|p| matches(p, &alias));
            let by_def = definitions.is_empty() || definitions.iter().any(|p| matches(p, &target));
            if by_name && by_def {
                any = true;
                cx.write(info("Alias", &alias, &target))?;
            }
        }
        if !any {
            for n in names.iter().filter(|n| !has_wildcard(n)) {
                cx.error(
                    &format!("This command cannot find a matching alias because an alias with the name '{n}' does not exist."),
                    "ItemNotFoundException",
                    ErrorCategory::ObjectNotFound,
                )?;
            }
        }
        Ok(())
    }
}

pub fn get_alias() -> CommandInfo {
    let sig = Signature::new("Get-Alias")
        .alias("gal")
        .synopsis("Gets the aliases for the current session.")
        .param(Param::new("Name", ParamType::StringArray).position(0))
        .param(Param::new("Definition", ParamType::StringArray))
        .example(
            "What an alias stands for",
            "(Get-Alias ft).Definition",
            "Format-Table",
        );
    CommandInfo::new(sig, || Box::new(GetAlias))
}
