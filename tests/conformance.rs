//! The conformance suite: external example corpora run against the real `exosh` binary.
//!
//! The corpora are third-party text (Microsoft's documentation examples, cases recovered
//! from PowerShell's and Pash's own tests). They are never copied into this project: the
//! suite reads them from `$EXOSH_CORPUS` (default `../shared/cases` beside the project). Its
//! tests are ignored unless asked for (`scripts/test` asks when the corpus is there; see
//! `conformance/support.rs`), so a plain clone still passes and says what it did not run.
//!
//! - Documentation examples (`exchange-examples.jsonl`, `cas-examples.jsonl`,
//!   `client-access-docs.jsonl`): every non-template example must pass `exosh check`.
//! - Language cases (`pwsh-language-cases.jsonl`, `pash-reference-cases.jsonl`): each runs
//!   and is compared with its expected result. Cases exosh does not pass yet are listed in
//!   `tests/conformance/known-failures.txt` with the reason; a listed case that passes fails
//!   the run, so the list can only shrink. Set `EXOSH_CONFORMANCE_WRITE=1` to print a fresh
//!   list of failing cases (with what went wrong) instead of failing.

mod common;
#[path = "conformance/language_cases.rs"]
mod language_cases;
#[path = "conformance/support.rs"]
mod support;

use common::TempOrg;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use support::{corpus_dir, load_jsonl, run_exosh, tally};

/// Every non-template documentation example parses (`exosh check` exits 0).
#[test]
#[ignore = "needs the external corpus (EXOSH_CORPUS); scripts/test runs it when present"]
fn documentation_examples_pass_check() {
    let dir = corpus_dir();
    let mut ran = 0;
    let mut report = Vec::new();
    let mut failures = Vec::new();
    let mut doc_bugs = Vec::new();
    for file in [
        "exchange-examples.jsonl",
        "cas-examples.jsonl",
        "client-access-docs.jsonl",
    ] {
        let path = dir.join(file);
        let records = load_jsonl(&path);
        let mut total = 0;
        let mut passed = 0;
        let mut bugs = 0;
        for (i, rec) in records.iter().enumerate() {
            if rec
                .get("template")
                .and_then(|t| t.as_bool())
                .unwrap_or(false)
            {
                continue;
            }
            let Some(code) = rec.get("code").and_then(|c| c.as_str()) else {
                continue;
            };
            ran += 1;
            let out = run_exosh(&TempOrg::new(), &["check", "-"], code);
            let cmdlet = rec.get("cmdlet").and_then(|c| c.as_str()).unwrap_or("");
            if let Some(bug) = DOC_BUGS.iter().find(|b| (b.matches)(cmdlet, code)) {
                // A doc bug kept verbatim: exosh must reject it as pwsh does, clearly.
                let clear = match bug.outcome {
                    Rejection::Parse => {
                        out.code == Some(1)
                            && format!("{}{}", out.stdout, out.stderr).contains(bug.message)
                    }
                    Rejection::Run => {
                        let run = run_exosh(
                            &TempOrg::new(),
                            &["-NoProfile", "-NonInteractive", "-"],
                            code,
                        );
                        out.code == Some(0) && run.stderr.contains(bug.message)
                    }
                    Rejection::Either => {
                        out.code == Some(1) || {
                            let run = run_exosh(
                                &TempOrg::new(),
                                &["-NoProfile", "-NonInteractive", "-"],
                                code,
                            );
                            matches!(run.code, Some(0 | 1)) && !run.stderr.trim().is_empty()
                        }
                    }
                };
                if clear {
                    bugs += 1;
                    doc_bugs.push(format!(
                        "{file} record {}: rejected as pwsh rejects it ({})",
                        i + 1,
                        bug.why
                    ));
                } else {
                    failures.push(format!(
                        "{file} record {}: doc bug not rejected clearly ({})\n{}{}",
                        i + 1,
                        bug.why,
                        out.stdout,
                        out.stderr
                    ));
                }
            } else if out.code == Some(0) {
                total += 1;
                passed += 1;
            } else {
                total += 1;
                failures.push(format!(
                    "{file} record {}: exit {:?}\n--- code ---\n{code}\n--- output ---\n{}{}",
                    i + 1,
                    out.code,
                    out.stdout,
                    out.stderr
                ));
            }
        }
        report.push(format!("{file}: {passed}/{total} parse; {bugs} documentation bugs rejected as pwsh rejects them"));
    }
    println!(
        "documentation examples (exosh check):\n  {}",
        report.join("\n  ")
    );
    tally("documentation examples checked", ran);
    assert!(
        failures.is_empty(),
        "{} examples fail `exosh check`:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

enum Rejection {
    /// `exosh check` reports a parse error whose message contains `message`.
    Parse,
    /// It parses, and running it writes an error containing `message`.
    Run,
    /// A parse error, or a run that ends normally having written an error.
    Either,
}

/// A known bug of the documentation, kept verbatim in the corpus, found by its cmdlet and
/// code.
struct DocBug {
    matches: fn(&str, &str) -> bool,
    outcome: Rejection,
    message: &'static str,
    why: &'static str,
}

/// The documentation bugs that must behave as they do in PowerShell: a clear parse,
/// binding or not-recognized error, never a panic and never a silent success.
const DOC_BUGS: &[DocBug] = &[
    DocBug {
        matches: |_, code| code.contains("Contents of the file named"),
        outcome: Rejection::Parse,
        message: "Unexpected token ':' in expression or statement.",
        why: "the code block shows a JSON file's contents, not PowerShell",
    },
    DocBug {
        matches: |_, code| code.contains("USER01-ImapUseProtocolDefaults"),
        outcome: Rejection::Run,
        message: "A positional parameter cannot be found that accepts argument",
        why: "a missing space makes one identity word; $false is left without a parameter",
    },
    DocBug {
        matches: |cmdlet, code| {
            cmdlet.eq_ignore_ascii_case("Set-MigrationBatch") && code.trim_start().starts_with('`')
        },
        outcome: Rejection::Either,
        message: "",
        why: "the example is wrapped in stray backticks",
    },
    DocBug {
        matches: |cmdlet, code| {
            cmdlet.eq_ignore_ascii_case("Set-DefaultTenantBriefingConfig") && code.contains("This ")
        },
        outcome: Rejection::Run,
        message: "The term 'This' is not recognized",
        why: "prose inside the code block: `This` is not a command",
    },
    DocBug {
        matches: |cmdlet, code| {
            cmdlet.eq_ignore_ascii_case("Set-ActiveSyncDeviceAutoblockThreshold")
                && code.trim_end().ends_with(']')
        },
        outcome: Rejection::Either,
        message: "",
        why: "a parameter written without its `-`, and a stray `]`",
    },
];

/// The language cases of PowerShell's and Pash's tests, with the known-failure list.
#[test]
#[ignore = "needs the external corpus (EXOSH_CORPUS); scripts/test runs it when present"]
fn language_cases() {
    let dir = corpus_dir();
    let known = load_known_failures(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/conformance/known-failures.txt")
            .as_path(),
    );
    let write_mode = std::env::var_os("EXOSH_CONFORMANCE_WRITE").is_some();

    let mut cases = Vec::new();
    for (prefix, file) in [
        ("pwsh", "pwsh-language-cases.jsonl"),
        ("pash", "pash-reference-cases.jsonl"),
    ] {
        cases.extend(language_cases::load(prefix, &dir.join(file)));
    }

    let mut per_file: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut unexpected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut fresh_list = Vec::new();
    for case in &cases {
        let outcome = language_cases::run(case);
        let listed = known.ids.contains_key(&case.id)
            || case
                .tags
                .iter()
                .any(|t| known.tags.contains_key(t.as_str()));
        let listed_by_id = known.ids.contains_key(&case.id);
        let entry = per_file.entry(case.prefix).or_default();
        entry.2 += 1;
        match outcome {
            Ok(()) => {
                entry.0 += 1;
                if listed_by_id {
                    unexpected_passes.push(case.id.clone());
                }
            }
            Err(why) => {
                entry.1 += 1;
                if !case.tags.iter().any(|t| t == "dotnet") {
                    fresh_list.push(format!("{}\t{}", case.id, reason_for(case, &why)));
                }
                if !listed {
                    unexpected_failures.push(format!(
                        "{}\n  input: {}\n  {}",
                        case.id,
                        case.input.replace('\n', "\n         "),
                        why.replace('\n', "\n  ")
                    ));
                }
            }
        }
    }
    tally("language cases", cases.len());
    for (prefix, (pass, fail, total)) in &per_file {
        println!(
            "language cases {prefix}: {pass} passed, {fail} known-failing or failing, {total} total"
        );
    }
    if write_mode {
        println!(
            "--- fresh known-failure list ---\n{DOTNET_LINE}\n{}",
            fresh_list.join("\n")
        );
        return;
    }
    let mut msg = String::new();
    if !unexpected_passes.is_empty() {
        msg += &format!(
            "{} listed cases now pass: remove them from tests/conformance/known-failures.txt:\n  {}\n",
            unexpected_passes.len(),
            unexpected_passes.join("\n  ")
        );
    }
    if !unexpected_failures.is_empty() {
        msg += &format!(
            "{} cases fail and are not listed:\n{}\n",
            unexpected_failures.len(),
            unexpected_failures.join("\n")
        );
    }
    assert!(msg.is_empty(), "{msg}");
}

/// Cases tagged `dotnet` need .NET classes; they are listed wholesale.
const DOTNET_LINE: &str =
    "tag:dotnet\tneeds .NET classes and their members, which exosh does not host";

/// Why a case fails, for the known-failure list: the unsupported feature when it is one
/// exosh leaves out on purpose, else the first line of what went wrong.
fn reason_for(case: &language_cases::Case, why: &str) -> String {
    let class_like = regex::Regex::new(r"(?im)^\s*(class|enum|configuration)\s+\w+")
        .map(|r| r.is_match(&case.input))
        .unwrap_or(false);
    if class_like {
        return "PowerShell classes, enums and DSC configurations are not supported".into();
    }
    if let Some(name) = why
        .split("The term '")
        .nth(1)
        .and_then(|r| r.split('\'').next())
    {
        return format!("command not available in exosh: {name}");
    }
    why.lines().next().unwrap_or("").chars().take(160).collect()
}

/// `known-failures.txt`: `<case id>\t<reason>` per line, or `tag:<tag>\t<reason>` for a
/// whole tag (allowed for `dotnet`: cases that need .NET classes). `#` starts a comment.
struct KnownFailures {
    ids: HashMap<String, String>,
    tags: HashMap<String, String>,
}

fn load_known_failures(path: &Path) -> KnownFailures {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut known = KnownFailures {
        ids: HashMap::new(),
        tags: HashMap::new(),
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, reason) = line.split_once('\t').unwrap_or((line, ""));
        assert!(
            !reason.trim().is_empty(),
            "known-failures.txt: {id} has no reason"
        );
        match id.strip_prefix("tag:") {
            Some(tag) => known.tags.insert(tag.to_string(), reason.to_string()),
            None => known.ids.insert(id.to_string(), reason.to_string()),
        };
    }
    known
}
