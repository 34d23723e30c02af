//! The seed's procedures as runnable scripts (`scripts/examples/*.ps1`): each runs in a
//! new process against a fresh sample organisation and must print its sibling `.out`
//! file, written by hand from the admin pages and PowerShell's layouts.
//!
//! Comparison ignores trailing spaces and how many blank lines separate blocks (the
//! blank lines around Format-List/Format-Table groups are the formatter's own tests'
//! business); every other character counts.

mod common;

use std::path::Path;

use common::TempOrg;

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

#[test]
fn every_example_prints_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join("examples");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 9, "{} examples", scripts.len());
    let mut failures = Vec::new();
    for script in &scripts {
        let org = TempOrg::new();
        let output = org.exosh().arg(script).output().expect("exosh runs");
        let expected =
            std::fs::read_to_string(script.with_extension("out")).expect("expected output");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if normalise(&stdout) != normalise(&expected)
            || !stderr.is_empty()
            || !output.status.success()
        {
            failures.push(format!(
                "{}\n--- expected\n{}\n--- got (exit {:?})\n{}\n--- stderr\n{}",
                script.display(),
                normalise(&expected),
                output.status.code(),
                normalise(&stdout),
                stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
