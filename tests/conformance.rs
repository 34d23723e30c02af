//! The conformance suite: external example corpora run against the real `exosh` binary.
//!
//! The corpora are third-party text (Microsoft's documentation examples, cases recovered
//! from PowerShell's and Pash's own tests). They are never copied into this project: the
//! suite reads them from `$EXOSH_CORPUS` (default `../shared/cases` beside the project) and,
//! where that folder is absent, says so and skips, so a plain clone still passes.
//!
//! - Documentation examples (`exchange-examples.jsonl`, `cas-examples.jsonl`,
//!   `client-access-docs.jsonl`): every non-template example must pass `exosh check`.
//! - Language cases (`pwsh-language-cases.jsonl`, `pash-reference-cases.jsonl`): each runs
//!   and is compared with its expected result. Cases exosh does not pass yet are listed in
//!   `tests/conformance/known-failures.txt` with the reason; a listed case that passes fails
//!   the run, so the list can only shrink. Set `EXOSH_CONFORMANCE_WRITE=1` to print a fresh
//!   list of failing cases (with what went wrong) instead of failing.

mod language_cases;
mod support;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use support::{corpus_dir, load_jsonl, run_exosh};

/// Every non-template documentation example parses (`exosh check` exits 0).
#[test]
fn documentation_examples_pass_check() {
    let Some(dir) = corpus_dir() else { return };
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for file in [
        "exchange-examples.jsonl",
        "cas-examples.jsonl",
        "client-access-docs.jsonl",
    ] {
        let path = dir.join(file);
        let records = load_jsonl(&path);
        let mut total = 0;
        let mut passed = 0;
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
            total += 1;
            let out = run_exosh(&["check", "-"], code, &[]);
            if out.code == Some(0) {
                passed += 1;
            } else {
                failures.push(format!(
                    "{file} record {}: exit {:?}\n--- code ---\n{code}\n--- output ---\n{}{}",
                    i + 1,
                    out.code,
                    out.stdout,
                    out.stderr
                ));
            }
        }
        report.push(format!("{file}: {passed}/{total} parse"));
    }
    println!(
        "documentation examples (exosh check):\n  {}",
        report.join("\n  ")
    );
    assert!(
        failures.is_empty(),
        "{} examples fail `exosh check`:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The language cases of PowerShell's and Pash's tests, with the known-failure list.
#[test]
fn language_cases() {
    let Some(dir) = corpus_dir() else { return };
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
                let why_line = why
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(160)
                    .collect::<String>();
                fresh_list.push(format!("{}\t{}", case.id, why_line));
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
    for (prefix, (pass, fail, total)) in &per_file {
        println!(
            "language cases {prefix}: {pass} passed, {fail} known-failing or failing, {total} total"
        );
    }
    if write_mode {
        println!(
            "--- fresh known-failure list ---\n{}",
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
