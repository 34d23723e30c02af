//! Microsoft's Exchange Online documentation examples, run verbatim against a fresh sample
//! organisation, each checked for the effect its page documents.
//!
//! The examples are third-party text and are never copied into this project: they are read
//! from `cas-examples.jsonl` (entries whose `applicable` names Exchange Online),
//! `client-access-docs.jsonl` (entries scoped `ExchangeOnline`) and, for the nouns in
//! [`CHECKED_NOUNS`], `exchange-examples.jsonl` (the cmdlet reference's examples of every
//! noun, entries whose `applicable` names Exchange Online) in `$EXOSH_CORPUS` (default
//! `../shared/cases` beside the project); the test is ignored unless asked for, as the
//! conformance suite's are (see `conformance/support.rs`). Templates (`<Identity>`
//! placeholders) are left out.
//!
//! What each example is expected to do lives in `tests/exchange_docs/effects.txt`, written
//! by hand from the page's own description of the example, keyed by the page's file name and
//! the example's index there. Every example in scope must have an entry, so a new example in
//! the corpus fails the test until someone says what it does or why it cannot run. The
//! entry's keys:
//!
//! - `setup: <page> <index>` runs an earlier example of the same page first, in the same
//!   script (the docs build on one another: `$Mgmt` is filled by the example before).
//! - `before:` a line of our own run before the example (for state a page describes in
//!   prose or in an example the corpus does not hold).
//! - `file: <Windows path>` and `file-line:` lines: the example reads that file; the test
//!   writes the given lines to a temporary file and rewrites the path in the script to it.
//! - `output:` lines: the example's whole output (trailing spaces and blank-line runs
//!   ignored); `output-has:` / `output-lacks:` lines that must (not) appear in it, compared
//!   with runs of spaces folded to one.
//! - `check:` lines: a script of our own run after the example in the same session, and
//!   `expect:` lines: its exact output.
//! - `cannot-run: <reason kind>: <why>` with `refusal:` the error text the example must
//!   produce instead (the `check:` then shows that nothing changed).
//!
//! Any error output from an example that is not `cannot-run` fails the test.
//!
//! The suite runs twice: on the local organisation, and through a connection
//! (`Connect-ExchangeOnline -ConnectionUri ... -AccessToken ...` to a real `exosh serve` on a
//! random loopback port, serving a fresh sample organisation of its own). The second run
//! is the same script with the connection's line before it, checked against the same
//! entries: its `check:` lines read the effect back through the connection. What stays on
//! the client is what stays on an admin's machine with Exchange Online: the `file:` files
//! (Get-Content, Import-Csv and Export-Csv run in the shell, not in the organisation), and
//! `-WhatIf`/`-Confirm`, which the shell decides before anything is sent. Errors show one
//! line further down (the connection's line is line 1); `refusal:` compares the message
//! only. So that a run that never reached the server cannot pass on the client's own
//! organisation, the server's log must show the administrator's commands, and the client
//! must not have opened a local organisation.

mod common;
#[path = "remote/server.rs"]
mod server;
#[path = "conformance/support.rs"]
mod support;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use common::TempOrg;
use support::{corpus_dir, load_jsonl, run_exosh, tally};

/// What the data file says about one documentation example.
#[derive(Default, Debug)]
struct Entry {
    key: String,
    setup: Vec<String>,
    before: Vec<String>,
    files: Vec<(String, Vec<String>)>,
    output: Option<Vec<String>>,
    output_has: Vec<String>,
    output_lacks: Vec<String>,
    check: Vec<String>,
    expect: Vec<String>,
    cannot_run: Option<String>,
    refusal: Option<String>,
}

/// The data file's entries by key (`<page file name> <index>`).
fn load_entries(path: &Path) -> BTreeMap<String, Entry> {
    let text = std::fs::read_to_string(path).expect("the effects file is readable");
    let mut entries = BTreeMap::new();
    let mut current: Option<Entry> = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if let Some(done) = current.take() {
                entries.insert(done.key.clone(), done);
            }
            current = Some(Entry {
                key: key.to_string(),
                ..Entry::default()
            });
            continue;
        }
        let entry = current
            .as_mut()
            .unwrap_or_else(|| panic!("line {}: no [page index] heading above", n + 1));
        let (name, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("line {}: expected `key: value`", n + 1));
        let value = value.strip_prefix(' ').unwrap_or(value).to_string();
        match name {
            "setup" => entry.setup.push(value),
            "before" => entry.before.push(value),
            "file" => entry.files.push((value, Vec::new())),
            "file-line" => entry
                .files
                .last_mut()
                .unwrap_or_else(|| panic!("line {}: file-line without file", n + 1))
                .1
                .push(value),
            "output" => entry.output.get_or_insert_with(Vec::new).push(value),
            "output-has" => entry.output_has.push(value),
            "output-lacks" => entry.output_lacks.push(value),
            "check" => entry.check.push(value),
            "expect" => entry.expect.push(value),
            "cannot-run" => entry.cannot_run = Some(value),
            "refusal" => entry.refusal = Some(value),
            other => panic!("line {}: unknown key `{other}`", n + 1),
        }
    }
    if let Some(done) = current {
        entries.insert(done.key.clone(), done);
    }
    entries
}

/// The key of a corpus record: its page's file name and its index on that page.
fn record_key(record: &serde_json::Value) -> String {
    let source = record["source"].as_str().unwrap_or("");
    let page = source.rsplit('/').next().unwrap_or(source);
    format!("{page} {}", record["index"])
}

/// The nouns whose reference pages in `exchange-examples.jsonl` are checked here: a noun
/// joins when the local organisation runs its cmdlets and this file says what each of its
/// examples does (the other pages are only parsed, by the conformance suite). A cmdlet of
/// the Get-EXO* family counts as its noun's.
const CHECKED_NOUNS: &[&str] = &[
    "MailboxPermission",
    "RecipientPermission",
    "MailboxFolderPermission",
    "MailboxStatistics",
    "MailboxFolderStatistics",
    "MobileDevice",
    "MobileDeviceStatistics",
    "ActiveSyncDevice",
    "ActiveSyncDeviceStatistics",
    "TransportRule",
    "RetentionPolicy",
    "RetentionPolicyTag",
    "MailboxMessageConfiguration",
    "DistributionGroup",
    "DistributionGroupMember",
    "DynamicDistributionGroup",
    "DynamicDistributionGroupMember",
    "UnifiedGroup",
    "UnifiedGroupLinks",
    "AcceptedDomain",
    "MailUser",
    "MailContact",
];

/// Whether a record is an Exchange Online, non-template example.
fn in_scope(file: &str, record: &serde_json::Value) -> bool {
    if record["template"].as_bool().unwrap_or(false) {
        return false;
    }
    let online = || {
        record["applicable"]
            .as_str()
            .is_some_and(|a| a.contains("Exchange Online"))
    };
    match file {
        "cas-examples.jsonl" => online(),
        "exchange-examples.jsonl" => {
            let cmdlet = record["cmdlet"].as_str().unwrap_or("");
            let noun = cmdlet.split_once('-').map_or("", |(_, noun)| noun);
            let noun = noun.strip_prefix("EXO").unwrap_or(noun);
            online() && CHECKED_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(noun))
        }
        _ => record["scope"].as_str() == Some("ExchangeOnline"),
    }
}

/// Trailing spaces and runs of blank lines do not count.
fn normalise(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

fn fold_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Printed between the example's output and the check's, so the two can be told apart.
const MARKER: &str = "=== exosh-docs-check ===";

/// Where a run of the suite sends the Exchange cmdlets.
#[derive(Clone, Copy, PartialEq)]
enum Through {
    /// The shell's own local organisation.
    Local,
    /// A connection to an `exosh serve` of a fresh sample organisation.
    Connection,
}

/// A fresh sample organisation served by a real `exosh serve` on a random loopback port,
/// and the line that connects a script to it as the organisation's administrator. (The
/// server is stopped before its organisation's folder goes.)
struct Served {
    server: server::Server,
    _org: TempOrg,
    connect: String,
}

impl Served {
    fn start() -> Served {
        let org = TempOrg::new();
        let token = server::token(&org, server::ADMIN, None);
        let server = server::Server::start(&org, &[]);
        let connect = format!(
            "Connect-ExchangeOnline -ConnectionUri {} -AccessToken {token} -ShowBanner:$false",
            server.base
        );
        Served {
            server,
            _org: org,
            connect,
        }
    }

    /// The commands the server ran for the administrator (its log lines: time, caller,
    /// cmdlet, status, milliseconds), so a run that never reached it cannot pass.
    fn commands_run(&self) -> Vec<String> {
        let caller = format!(" {} ", server::ADMIN);
        let first = self
            .server
            .log
            .recv_timeout(std::time::Duration::from_secs(5));
        first
            .into_iter()
            .chain(self.server.log.try_iter())
            .filter(|line| line.contains(&caller))
            .filter_map(|line| line.split_whitespace().nth(2).map(str::to_string))
            .collect()
    }
}

/// Runs one example and its check; `Ok` with a line for the summary, or what went wrong.
fn run_entry(
    entry: &Entry,
    code_of: &BTreeMap<String, String>,
    scratch: &TempOrg,
    through: Through,
) -> Result<(), String> {
    let served = (through == Through::Connection).then(Served::start);
    let mut script = String::new();
    if let Some(served) = &served {
        script.push_str(&served.connect);
        script.push('\n');
    }
    for key in &entry.setup {
        let code = code_of
            .get(key)
            .ok_or_else(|| format!("setup example `{key}` is not in the corpus"))?;
        script.push_str(code);
        script.push('\n');
    }
    for line in &entry.before {
        script.push_str(line);
        script.push('\n');
    }
    script.push_str(&code_of[&entry.key]);
    script.push_str(&format!("\n'{MARKER}'\n"));
    for line in &entry.check {
        script.push_str(line);
        script.push('\n');
    }
    for (i, (windows_path, lines)) in entry.files.iter().enumerate() {
        let local = scratch.dir.join(format!("file{i}.txt"));
        std::fs::write(&local, lines.join("\n") + "\n").map_err(|e| e.to_string())?;
        println!(
            "  {}: the file {windows_path} is a temporary file ({} lines of our own), its path rewritten to {}",
            entry.key,
            lines.len(),
            local.display()
        );
        script = script.replace(windows_path.as_str(), &local.display().to_string());
    }
    let out = run_exosh(scratch, &["-Command", &script], "");
    if out.code.is_none() {
        return Err("timed out".into());
    }
    if let Some(served) = &served {
        if served.commands_run().is_empty() {
            return Err(format!(
                "no command reached the server\n--- stdout\n{}\n--- stderr\n{}",
                out.stdout, out.stderr
            ));
        }
        if scratch.path().exists() {
            return Err("the connected shell opened its local organisation".into());
        }
    }
    let (example_out, check_out) = match out.stdout.split_once(&format!("{MARKER}\n")) {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => {
            return Err(format!(
                "the script stopped before its check\n--- stdout\n{}\n--- stderr\n{}",
                out.stdout, out.stderr
            ));
        }
    };
    match (&entry.cannot_run, &entry.refusal) {
        (Some(_), Some(refusal)) => {
            if !fold_spaces(&out.stderr).contains(&fold_spaces(refusal)) {
                return Err(format!(
                    "expected the refusal `{refusal}`\n--- stderr\n{}",
                    out.stderr
                ));
            }
        }
        (Some(_), None) => return Err("cannot-run entries need a `refusal:`".into()),
        (None, _) => {
            if !out.stderr.trim().is_empty() {
                return Err(format!("the example failed\n--- stderr\n{}", out.stderr));
            }
        }
    }
    if let Some(expected) = &entry.output {
        let (want, got) = (normalise(&expected.join("\n")), normalise(&example_out));
        if want != got {
            return Err(format!("--- expected output\n{want}\n--- got\n{got}"));
        }
    }
    let folded: HashSet<String> = example_out.lines().map(fold_spaces).collect();
    for line in &entry.output_has {
        if !folded.contains(&fold_spaces(line)) {
            return Err(format!("output lacks `{line}`\n--- got\n{example_out}"));
        }
    }
    for line in &entry.output_lacks {
        if folded.contains(&fold_spaces(line)) {
            return Err(format!("output has `{line}`\n--- got\n{example_out}"));
        }
    }
    let (want, got) = (normalise(&entry.expect.join("\n")), normalise(&check_out));
    if want != got {
        return Err(format!(
            "--- check\n{}\n--- expected\n{want}\n--- got\n{got}",
            entry.check.join("\n")
        ));
    }
    Ok(())
}

#[test]
#[ignore = "needs the external corpus (EXOSH_CORPUS); scripts/test runs it when present"]
fn exchange_online_examples_have_their_documented_effect() {
    run_suite(Through::Local);
}

#[test]
#[ignore = "needs the external corpus (EXOSH_CORPUS); scripts/test runs it when present"]
fn exchange_online_examples_have_the_same_effect_through_a_connection() {
    run_suite(Through::Connection);
}

/// Runs every example in scope, `through` the local organisation or a connection.
fn run_suite(through: Through) {
    let label = match through {
        Through::Local => "Exchange Online examples",
        Through::Connection => "Exchange Online examples through a connection",
    };
    let dir = corpus_dir();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exchange_docs/effects.txt");
    let entries = load_entries(&data);
    let mut code_of = BTreeMap::new();
    let mut in_scope_keys = Vec::new();
    for file in [
        "cas-examples.jsonl",
        "client-access-docs.jsonl",
        "exchange-examples.jsonl",
    ] {
        for record in load_jsonl(&dir.join(file)) {
            let key = record_key(&record);
            let code = record["code"].as_str().unwrap_or("").to_string();
            assert!(
                code_of.insert(key.clone(), code).is_none(),
                "two examples share the key `{key}`: the data file could not tell them apart"
            );
            if in_scope(file, &record) {
                in_scope_keys.push(key);
            }
        }
    }
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut checked = 0;
    let mut cannot: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for key in &in_scope_keys {
        let Some(entry) = entries.get(key) else {
            failures.push(format!("{key}: no entry in {}", data.display()));
            continue;
        };
        ran += 1;
        let result = run_entry(entry, &code_of, &TempOrg::new(), through);
        match result {
            Err(why) => failures.push(format!("{key}: {why}")),
            Ok(()) => match &entry.cannot_run {
                Some(reason) => {
                    let kind = reason.split(':').next().unwrap_or(reason).to_string();
                    cannot
                        .entry(kind)
                        .or_default()
                        .push(format!("{key} ({reason})"));
                }
                None => checked += 1,
            },
        }
    }
    tally(label, ran);
    let stale: Vec<_> = entries
        .keys()
        .filter(|k| !in_scope_keys.contains(k))
        .collect();
    for key in stale {
        failures.push(format!("{key}: entry for an example not in scope"));
    }
    println!(
        "{} {label}: {checked} ran with their effect checked, {} cannot run",
        in_scope_keys.len(),
        cannot.values().map(Vec::len).sum::<usize>()
    );
    for (kind, keys) in &cannot {
        println!("  cannot run, {kind}: {}", keys.len());
        for key in keys {
            println!("    {key}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
