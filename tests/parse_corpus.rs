//! Parse coverage over the documented Exchange examples.
//!
//! The corpus is third-party text and is not part of the project: the test reads it from
//! `$EXOSH_CORPUS` (default `../shared/cases` beside the crate) and, when the folder is
//! absent, says so and passes. Every non-template example must parse, except the known
//! documentation bugs, which must give a parse error or parse into a command the binder
//! rejects (checked here only for the parse part: they must not panic).

use std::path::PathBuf;

use exosh::syntax::parser::parse_script;

const FILES: [&str; 3] = [
    "exchange-examples.jsonl",
    "cas-examples.jsonl",
    "client-access-docs.jsonl",
];

fn corpus_dir() -> PathBuf {
    match std::env::var_os("EXOSH_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/cases"),
    }
}

/// Examples whose documentation is wrong, kept verbatim by the corpus on purpose. The
/// last kind pastes a JSON file's contents into the code block, which pwsh rejects too
/// (`Unexpected token ':'`).
fn is_known_doc_bug(cmdlet: &str, code: &str) -> bool {
    let cmdlet = cmdlet.to_ascii_lowercase();
    (code.contains("USER01-ImapUseProtocolDefaults"))
        || code.contains("Contents of the file named")
        || (code.contains("Get-CasMailbox - Identity"))
        || (cmdlet == "set-migrationbatch" && code.trim_start().starts_with('`'))
        || (cmdlet == "set-defaulttenantbriefingconfig" && code.contains("This "))
        || (cmdlet == "set-activesyncdeviceautoblockthreshold" && code.trim_end().ends_with(']'))
}

#[test]
fn every_documented_example_parses() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        println!("skipped: corpus not found at {}", dir.display());
        return;
    }
    let mut failures = Vec::new();
    for file in FILES {
        let path = dir.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("skipped: {} not found", path.display());
            continue;
        };
        let (mut total, mut parsed, mut doc_bugs) = (0usize, 0usize, 0usize);
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value =
                serde_json::from_str(line).expect("corpus line is JSON");
            if record["template"].as_bool().unwrap_or(false) {
                continue;
            }
            let code = record["code"].as_str().unwrap_or_default();
            let cmdlet = record["cmdlet"].as_str().unwrap_or_default();
            let result = parse_script(code);
            if is_known_doc_bug(cmdlet, code) {
                doc_bugs += 1;
                if result.is_ok() {
                    println!("doc bug parsed (the binder must reject it): {code:?}");
                }
                continue;
            }
            total += 1;
            match result {
                Ok(_) => parsed += 1,
                Err(errors) => failures.push(format!("{file}: {code:?}: {:?}", errors[0])),
            }
        }
        let rate = if total == 0 {
            100.0
        } else {
            parsed as f64 * 100.0 / total as f64
        };
        println!("{file}: {parsed}/{total} parsed ({rate:.1}%), {doc_bugs} known doc bugs");
    }
    assert!(
        failures.is_empty(),
        "examples that do not parse:\n{}",
        failures.join("\n")
    );
}
