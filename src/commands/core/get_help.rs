//! Get-Help (`help`, `man`): help generated from each command's signature — synopsis,
//! syntax per parameter set, parameters, aliases and the runnable examples — in the
//! layout of pwsh's help view (`NAME`, `SYNOPSIS`, `SYNTAX`, ... with four-space
//! indents). `-Examples`, `-Full`/`-Detailed`, `-Parameter X`.
//!
//! The synopsis, syntax and description wrap at the screen's width as pwsh's help view
//! wraps them (its custom-control writer): word by word, a line keeping the blank that
//! ended it, each line indented four cells; a word longer than a line is cut.
//! **decision**: the width is the screen's when Get-Help runs (pwsh's when the help is
//! shown), so `Get-Help x | Out-String -Width 200` does not rewrap it.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;
use crate::format::select::wildcard_match;

/// The syntax lines of a command, one per parameter set.
pub fn syntax(sig: &Signature) -> Vec<String> {
    let mut sets = sig.set_names();
    if sets.is_empty() {
        sets.push(String::new());
    }
    sets.iter()
        .map(|set| {
            let mut params: Vec<&Param> = sig
                .params
                .iter()
                .filter(|p| set.is_empty() || p.in_set(set))
                .collect();
            // Positional parameters first, by position; then the rest as declared.
            params.sort_by_key(|p| p.position.unwrap_or(usize::MAX));
            let mut parts = vec![sig.name.clone()];
            parts.extend(params.iter().map(|p| syntax_part(p)));
            if sig.supports_should_process {
                parts.push("[-WhatIf]".into());
                parts.push("[-Confirm]".into());
            }
            parts.push("[<CommonParameters>]".into());
            parts.join(" ")
        })
        .collect()
}

fn syntax_part(p: &Param) -> String {
    if p.ty == ParamType::Switch {
        return if p.mandatory {
            format!("-{}", p.name)
        } else {
            format!("[-{}]", p.name)
        };
    }
    let value = format!("<{}>", p.type_name);
    match (p.position.is_some(), p.mandatory) {
        (true, true) => format!("[-{}] {value}", p.name),
        (true, false) => format!("[[-{}] {value}]", p.name),
        (false, true) => format!("-{} {value}", p.name),
        (false, false) => format!("[-{} {value}]", p.name),
    }
}

/// A parameter's block (`-Parameter X`, and each parameter of `-Full`).
fn parameter_block(p: &Param, indent: &str) -> Vec<String> {
    let head = if p.ty == ParamType::Switch {
        format!("{indent}-{}", p.name)
    } else {
        format!("{indent}-{} <{}>", p.name, p.type_name)
    };
    let pipeline = match (p.from_pipeline, p.from_pipeline_by_name) {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        (false, false) => "False",
    };
    let position = p
        .position
        .map(|n| n.to_string())
        .unwrap_or_else(|| "named".into());
    let aliases = if p.aliases.is_empty() {
        "None".to_string()
    } else {
        p.aliases.join(", ")
    };
    let mut out = vec![head];
    if !p.help.is_empty() {
        out.push(format!("{indent}    {}", p.help));
    }
    out.push(String::new());
    for (label, value) in [
        ("Required?", p.mandatory.to_string()),
        ("Position?", position),
        ("Default value", "None".to_string()),
        ("Accept pipeline input?", pipeline.to_string()),
        ("Aliases", aliases),
        ("Accept wildcard characters?", "false".to_string()),
    ] {
        out.push(format!("{indent}    {label:<28} {value}"));
    }
    out.push(String::new());
    out
}

/// The examples section.
fn examples(sig: &Signature) -> Vec<String> {
    let mut out = Vec::new();
    for (i, ex) in sig.examples.iter().enumerate() {
        out.push(format!(
            "    --------- Example {}: {} ---------",
            i + 1,
            ex.description
        ));
        out.push(String::new());
        out.extend(ex.code.lines().map(|l| format!("    {l}")));
        out.push(String::new());
        if !ex.expected.is_empty() {
            out.extend(ex.expected.lines().map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("    {l}")
                }
            }));
            out.push(String::new());
        }
    }
    out
}

/// `text` as pwsh's help view writes it in a frame indented `indent` cells on a screen of
/// `columns` text columns (`GenerateLinesWithWordWrap`): words with the blank after them,
/// a line ending when the next word does not fit, a word wider than a line cut.
pub fn wrap(text: &str, columns: usize, indent: usize) -> Vec<String> {
    use crate::format::width::display_width;
    let width = columns.saturating_sub(indent).max(1);
    let pad = " ".repeat(indent);
    let mut out = Vec::new();
    for line in text.split('\n') {
        if display_width(line) <= width {
            out.push(format!("{pad}{line}"));
            continue;
        }
        let mut current = String::new();
        let mut left = width;
        let words: Vec<&str> = line.split_inclusive([' ', '\t']).collect();
        for word in words {
            let w = display_width(word);
            if w > width {
                for c in word.chars() {
                    let cw = display_width(&c.to_string());
                    if cw > left {
                        out.push(format!("{pad}{current}"));
                        current.clear();
                        left = width;
                    }
                    current.push(c);
                    left = left.saturating_sub(cw);
                }
            } else if w > left {
                out.push(format!("{pad}{current}"));
                current = word.to_string();
                left = width - w;
            } else {
                current.push_str(word);
                left -= w;
            }
        }
        out.push(format!("{pad}{current}"));
    }
    out
}

/// The help text of a command, wrapped for a screen of `columns` text columns.
pub fn help_text(sig: &Signature, mode: Mode, columns: usize) -> Vec<String> {
    let mut out = vec![
        String::new(),
        "NAME".into(),
        format!("    {}", sig.name),
        String::new(),
    ];
    if let Mode::Parameter(pattern) = &mode {
        out.clear();
        out.push(String::new());
        for p in sig
            .params
            .iter()
            .filter(|p| wildcard_match(pattern, &p.name))
        {
            out.extend(parameter_block(p, ""));
        }
        return out;
    }
    out.push("SYNOPSIS".into());
    out.extend(wrap(&sig.synopsis, columns, 4));
    out.push(String::new());
    if mode == Mode::Examples {
        out.push(String::new());
        out.extend(examples(sig));
        return out;
    }
    out.push(String::new());
    out.push("SYNTAX".into());
    for line in syntax(sig) {
        out.extend(wrap(&line, columns, 4));
        out.push(String::new());
    }
    out.push(String::new());
    if !sig.description.is_empty() {
        out.push("DESCRIPTION".into());
        out.extend(wrap(&sig.description, columns, 4));
        out.push(String::new());
        out.push(String::new());
    }
    if mode == Mode::Full {
        out.push("PARAMETERS".into());
        for p in &sig.params {
            out.extend(parameter_block(p, "    "));
        }
        out.push("    <CommonParameters>".into());
        out.push("        This cmdlet supports the common parameters: Verbose, Debug,".into());
        out.push("        ErrorAction, ErrorVariable, WarningAction, WarningVariable,".into());
        out.push("        OutBuffer, PipelineVariable, and OutVariable.".into());
        out.push(String::new());
        out.push(String::new());
        if !sig.examples.is_empty() {
            out.extend(examples(sig));
        }
    }
    if !sig.aliases.is_empty() {
        out.push("ALIASES".into());
        out.extend(sig.aliases.iter().map(|a| format!("    {a}")));
        out.push(String::new());
        out.push(String::new());
    }
    out.push("REMARKS".into());
    out.push(format!(
        "    To see the examples, type: \"Get-Help {} -Examples\".",
        sig.name
    ));
    out.push(format!(
        "    For technical information, type: \"Get-Help {} -Full\".",
        sig.name
    ));
    out.push(String::new());
    out
}

/// How much help to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Default,
    Examples,
    Full,
    Parameter(String),
}

struct GetHelp;

impl Processor for GetHelp {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let Some(name) = cx.string("Name") else {
            let text = "\nTOPIC\n    exosh help\n\n    Get-Help <command> shows a command's synopsis, syntax and examples.\n    Get-Command lists the commands; Get-Help <command> -Examples shows examples.\n";
            return cx.write(Value::str(text));
        };
        let mode = if let Some(p) = cx.string("Parameter") {
            Mode::Parameter(p)
        } else if cx.switch("Examples") {
            Mode::Examples
        } else if cx.switch("Full") || cx.switch("Detailed") {
            Mode::Full
        } else {
            Mode::Default
        };
        let sig = cx.engine.registry.lookup(&name).map(|c| c.sig.clone());
        match sig {
            Some(sig) => {
                // The text columns of the screen (pwsh leaves the last one free).
                let columns = crate::format::terminal_width().saturating_sub(1);
                let text = help_text(&sig, mode, columns).join("\n");
                cx.write(Value::str(text))
            }
            None => cx.error(
                &format!("Get-Help could not find {name} in a help file in this session."),
                "HelpNotFound",
                ErrorCategory::ResourceUnavailable,
            ),
        }
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Get-Help")
        .alias("help")
        .alias("man")
        .synopsis("Displays information about PowerShell commands and concepts.")
        .param(Param::new("Name", ParamType::String).position(0))
        .param(Param::switch("Examples"))
        .param(Param::switch("Full"))
        .param(Param::switch("Detailed"))
        .param(Param::new("Parameter", ParamType::String))
        .example(
            "A parameter's details",
            "Get-Help Out-Null -Parameter InputObject",
            "\n-InputObject <System.Object>\n\n    Required?                    false\n    Position?                    named\n    Default value                None\n    Accept pipeline input?       True (ByValue)\n    Aliases                      None\n    Accept wildcard characters?  false\n",
        );
    CommandInfo::new(sig, || Box::new(GetHelp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_marks_positions_and_options() {
        let sig = Signature::new("Get-Thing")
            .param(
                Param::new("Identity", ParamType::String)
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("Filter", ParamType::String))
            .param(Param::new("Server", ParamType::String).position(1))
            .param(Param::switch("Force"))
            .supports_should_process();
        assert_eq!(
            syntax(&sig),
            [
                "Get-Thing [-Identity] <System.String> [[-Server] <System.String>] [-Filter <System.String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]"
            ]
        );
    }

    /// pwsh's word wrap: a line keeps the blank before the word that did not fit; a word
    /// wider than a line is cut; text that fits is left alone.
    #[test]
    fn wraps_as_pwshs_help_view() {
        assert_eq!(wrap("aaa bbb ccc", 12, 4), ["    aaa bbb ", "    ccc"]);
        assert_eq!(wrap("short", 12, 4), ["    short"]);
        assert_eq!(
            wrap("abcdefghijk", 9, 4),
            ["    abcde", "    fghij", "    k"]
        );
    }

    #[test]
    fn one_syntax_line_per_set() {
        let sig = Signature::new("Set-Thing")
            .param(Param::new("A", ParamType::Int).mandatory().set("One"))
            .param(Param::new("B", ParamType::Int).mandatory().set("Two"))
            .param(Param::switch("C"));
        assert_eq!(
            syntax(&sig),
            [
                "Set-Thing -A <System.Int32> [-C] [<CommonParameters>]",
                "Set-Thing -B <System.Int32> [-C] [<CommonParameters>]"
            ]
        );
    }
}
