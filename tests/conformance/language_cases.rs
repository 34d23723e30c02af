//! Running one language case and judging its result as the original test asserted it.
//!
//! Values are observed through a wrapper script that writes, for every object the case
//! outputs, one record line `<type name>|<string form>` (newlines escaped), so a case is
//! judged on the values themselves rather than on how Out-Default would lay them out.
//! Parse-error cases are judged in-process on the parser's error ids and positions (the
//! 0-based offset, or the 1-based column where the case says `position_kind: column`, as
//! PowerShell's tests check `-CheckColumnNumber` cases).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value as Json;

use super::support::{load_jsonl, run_exosh};
use crate::common::TempOrg;

pub struct Case {
    pub id: String,
    pub prefix: &'static str,
    pub input: String,
    kind: String,
    assert: String,
    expected: Json,
    expected_types: Vec<String>,
    positions: Vec<usize>,
    /// The expected positions are 1-based columns rather than 0-based offsets.
    positions_are_columns: bool,
    pub tags: Vec<String>,
}

/// Loads a case file; ids are `<prefix>:<test file name>:<line>`, with `#2`, `#3`, ... for
/// further cases recovered from the same line.
pub fn load(prefix: &'static str, path: &Path) -> Vec<Case> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut cases = Vec::new();
    for rec in load_jsonl(path) {
        let source = rec["source"].as_str().unwrap_or("");
        let file = source.rsplit('/').next().unwrap_or(source);
        let base = format!("{prefix}:{file}:{}", rec["line"]);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}#{n}") };
        let strings = |key: &str| -> Vec<String> {
            rec[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        cases.push(Case {
            id,
            prefix,
            input: rec["input"].as_str().unwrap_or("").to_string(),
            kind: rec["kind"].as_str().unwrap_or("").to_string(),
            assert: rec["assert"].as_str().unwrap_or("").to_string(),
            expected: rec["expected"].clone(),
            expected_types: strings("expected_types"),
            positions: rec["positions"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_u64().map(|n| n as usize))
                        .collect()
                })
                .unwrap_or_default(),
            positions_are_columns: rec["position_kind"].as_str() == Some("column"),
            tags: strings("tags"),
        });
    }
    cases
}

/// Runs a case: `Ok` when exosh behaves as the case expects, else what differed.
pub fn run(case: &Case) -> Result<(), String> {
    match (case.kind.as_str(), case.assert.as_str()) {
        ("error", "ParseError") => parse_error(case),
        ("error", _) => throws(case),
        ("output", _) => output(case),
        _ => value(case),
    }
}

fn parse_error(case: &Case) -> Result<(), String> {
    let expected: Vec<&str> = case
        .expected
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let errors = match exosh::syntax::parser::parse_script(&case.input) {
        Ok(_) => return Err(format!("parsed without error; expected {expected:?}")),
        Err(e) => e,
    };
    let got: Vec<(&str, usize)> = errors
        .iter()
        .map(|e| {
            let offset = char_offset(&case.input, e.span.start);
            let pos = if case.positions_are_columns {
                char_column(&case.input, e.span.start)
            } else {
                offset
            };
            (e.id, pos)
        })
        .collect();
    for (i, id) in expected.iter().enumerate() {
        let want_pos = case.positions.get(i).copied();
        let ok = got
            .get(i)
            .is_some_and(|(gid, gpos)| gid == id && want_pos.is_none_or(|p| p == *gpos));
        if !ok {
            return Err(format!(
                "expected parse errors {expected:?} at {:?}; got {got:?}",
                case.positions
            ));
        }
    }
    Ok(())
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < byte).count()
}

/// The 1-based column (in characters) of a byte offset on its line.
fn char_column(text: &str, byte: usize) -> usize {
    let line_start = text[..byte.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    char_offset(&text[line_start..], byte.saturating_sub(line_start)) + 1
}

const MARK: &str = "exosh-conformance:";

fn throws(case: &Case) -> Result<(), String> {
    let expected = case.expected.as_str().unwrap_or("*");
    if expected == "ParseException" || expected == "IncompleteParseException" {
        return match exosh::syntax::parser::parse_script(&case.input) {
            Ok(_) => Err(format!("parsed; expected {expected}")),
            Err(errors) => {
                let incomplete = errors.iter().any(|e| e.incomplete);
                if (expected == "IncompleteParseException") == incomplete {
                    Ok(())
                } else {
                    Err(format!(
                        "parse error {:?} (incomplete: {incomplete}); expected {expected}",
                        errors[0].id
                    ))
                }
            }
        };
    }
    let script = format!(
        "try {{ $null = & {{\n{}\n}}; '{MARK}no error' }} catch {{ '{MARK}' + $_.FullyQualifiedErrorId + '|' + $_.Exception.GetType().Name }}\n",
        case.input
    );
    let out = run_exosh(
        &TempOrg::new(),
        &["-NoProfile", "-NonInteractive", "-"],
        &script,
    );
    let line = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix(MARK))
        .map(String::from);
    let Some(line) = line else {
        return Err(format!("no result; stderr: {}", first_line(&out.stderr)));
    };
    if line == "no error" {
        return Err(format!("no error was thrown; expected {expected}"));
    }
    let (fqid, exception) = line.split_once('|').unwrap_or((&line, ""));
    let matches = expected == "*"
        || expected == "Exception"
        || fqid.eq_ignore_ascii_case(expected)
        || fqid
            .to_lowercase()
            .starts_with(&format!("{},", expected.to_lowercase()))
        || exception.eq_ignore_ascii_case(expected);
    if matches {
        Ok(())
    } else {
        Err(format!("threw {fqid} ({exception}); expected {expected}"))
    }
}

fn output(case: &Case) -> Result<(), String> {
    let out = run_exosh(
        &TempOrg::new(),
        &["-NoProfile", "-NonInteractive", "-"],
        &case.input,
    );
    let got = out
        .stdout
        .strip_suffix('\n')
        .unwrap_or(&out.stdout)
        .replace("\r\n", "\n");
    let Some(expected) = case.expected.as_str() else {
        return Err("no expected text".into());
    };
    let ok = match case.assert.as_str() {
        "Not.BeNullOrEmpty" => !got.is_empty(),
        "Be" => got.to_lowercase() == expected.to_lowercase(),
        _ => got == expected,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "output differs\n--- expected ---\n{expected}\n--- got ---\n{got}\n--- stderr ---\n{}",
            out.stderr
        ))
    }
}

/// One output object: its .NET type name (`Int32`) or `null`, and its string form.
#[derive(Debug)]
struct Record {
    ty: String,
    text: String,
}

fn value(case: &Case) -> Result<(), String> {
    let script = format!(
        "& {{\n{}\n}} | ForEach-Object {{ if ($null -eq $_) {{ '{MARK}null|' }} else {{ '{MARK}' + $_.GetType().Name + '|' + ([string]$_).Replace(\"`r\", '').Replace(\"`n\", '\\n') }} }}\n",
        case.input
    );
    let out = run_exosh(
        &TempOrg::new(),
        &["-NoProfile", "-NonInteractive", "-"],
        &script,
    );
    let records: Vec<Record> = out
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix(MARK))
        .map(|l| {
            let (ty, text) = l.split_once('|').unwrap_or((l, ""));
            Record {
                ty: ty.to_string(),
                text: text.replace("\\n", "\n"),
            }
        })
        .collect();
    if out.code.is_none() {
        return Err("timed out".into());
    }
    let judged = judge(case, &records);
    judged.map_err(|e| {
        let err = first_line(&out.stderr);
        if err.is_empty() {
            e
        } else {
            format!("{e}; stderr: {err}")
        }
    })
}

fn judge(case: &Case, records: &[Record]) -> Result<(), String> {
    let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
    let fail = || {
        Err(format!(
            "got {texts:?}; expected {} ({})",
            case.expected, case.assert
        ))
    };
    let exact = case.assert == "BeExactly"
        || case.assert.starts_with("AreEqual")
        || case.assert == "TypedResult";
    let ok = match case.assert.as_str() {
        "BeNullOrEmpty" => records.iter().all(|r| r.ty == "null" || r.text.is_empty()),
        "Not.BeNullOrEmpty" => records.iter().any(|r| r.ty != "null" && !r.text.is_empty()),
        "BeTrue" => records.len() == 1 && truthy(&records[0]),
        "BeFalse" => records.is_empty() || (records.len() == 1 && !truthy(&records[0])),
        "HaveCount" => case
            .expected
            .as_u64()
            .is_some_and(|n| n as usize == records.len()),
        "Match" => {
            let pattern = case.expected.as_str().unwrap_or("");
            let joined = texts.join("\n");
            regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .is_ok_and(|re| re.is_match(&joined))
        }
        "BeLike" => {
            let pattern = case.expected.as_str().unwrap_or("");
            records.len() == 1 && wildcard(pattern, &records[0].text)
        }
        _ => match &case.expected {
            Json::Array(items) => {
                items.len() == records.len()
                    && items.iter().zip(records).all(|(e, r)| same(e, r, exact))
                    && types_match(case, records)
            }
            Json::Null => records.is_empty() || (records.len() == 1 && records[0].ty == "null"),
            e => records.len() == 1 && same(e, &records[0], exact),
        },
    };
    if ok { Ok(()) } else { fail() }
}

fn types_match(case: &Case, records: &[Record]) -> bool {
    if case.expected_types.is_empty() {
        return true;
    }
    case.expected_types.iter().zip(records).all(|(want, r)| {
        let dotnet = match want.as_str() {
            "int" => "Int32",
            "long" => "Int64",
            "string" => "String",
            "bool" => "Boolean",
            "double" => "Double",
            "float" => "Single",
            "decimal" => "Decimal",
            "char" => "Char",
            "byte" => "Byte",
            "null" => "null",
            other => other,
        };
        r.ty.eq_ignore_ascii_case(dotnet)
    })
}

fn same(expected: &Json, got: &Record, exact: bool) -> bool {
    match expected {
        Json::Null => got.ty == "null" || got.text.is_empty(),
        Json::Bool(b) => got.text == if *b { "True" } else { "False" },
        Json::Number(n) => {
            let want = n.as_f64().unwrap_or(f64::NAN);
            got.text
                .parse::<f64>()
                .is_ok_and(|g| (g - want).abs() <= f64::EPSILON * want.abs().max(1.0))
        }
        Json::String(s) => {
            if exact {
                got.text == *s
            } else {
                got.text.to_lowercase() == s.to_lowercase()
            }
        }
        other => got.text == *other,
    }
}

fn truthy(r: &Record) -> bool {
    match r.ty.as_str() {
        "null" => false,
        "Boolean" => r.text == "True",
        "Int32" | "Int64" | "Double" | "Decimal" | "Single" | "Byte" => {
            r.text.parse::<f64>().is_ok_and(|n| n != 0.0)
        }
        _ => !r.text.is_empty(),
    }
}

/// PowerShell wildcard match (`*`, `?`), case-insensitive.
fn wildcard(pattern: &str, text: &str) -> bool {
    let mut re = String::from("(?is)^");
    for c in pattern.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re).is_ok_and(|r| r.is_match(text))
}

fn first_line(s: &str) -> String {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}
