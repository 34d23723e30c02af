//! Runs every `tests/cases/**/*.ps1` script with the built `exosh` and compares what it
//! prints (standard output and error, interleaved) with the expected text:
//!
//! - a sibling `NAME.out` file holds the exact output, or else
//! - the script's `# CHECK: <line>` comments list the output lines in order (`# CHECK:`
//!   alone is an empty line), as fish's tests do.
//!
//! `# EXIT: N` gives the expected exit code (default 0); `# ARGS: a b c` the script's
//! arguments (split on spaces). In expected text, `{file}` stands for the script's full
//! path, as pwsh prints it in error positions.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "ps1") {
            out.push(p);
        }
    }
}

struct Expectation {
    output: String,
    exit: i32,
    args: Vec<String>,
}

fn expectation(path: &Path, text: &str) -> Expectation {
    let mut lines = Vec::new();
    let mut exit = 0;
    let mut args = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("# CHECK:") {
            lines.push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
        } else if let Some(rest) = t.strip_prefix("# EXIT:") {
            exit = rest.trim().parse().unwrap_or(0);
        } else if let Some(rest) = t.strip_prefix("# ARGS:") {
            args = rest.split_whitespace().map(str::to_string).collect();
        }
    }
    let out_file = path.with_extension("out");
    let output = match fs::read_to_string(&out_file) {
        Ok(t) => t,
        Err(_) => {
            let mut s = lines.join("\n");
            if !lines.is_empty() {
                s.push('\n');
            }
            s
        }
    };
    Expectation { output, exit, args }
}

/// A line diff: `-` expected, `+` got, ` ` same.
fn diff(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(g.len()) {
        match (e.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("   {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("  -{a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("  +{b}\n"));
                }
            }
        }
    }
    out
}

#[test]
fn cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(!files.is_empty(), "no cases found under {}", root.display());
    let tmp = std::env::temp_dir().join(format!("exosh-cases-{}", std::process::id()));
    let mut failures = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_default();
        let exp = expectation(path, &text);
        let full = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let capture = match fs::File::create(&tmp) {
            Ok(f) => f,
            Err(e) => panic!("cannot create {}: {e}", tmp.display()),
        };
        let err = capture.try_clone().expect("clone capture file");
        let status = Command::new(env!("CARGO_BIN_EXE_exosh"))
            .arg(&full)
            .args(&exp.args)
            .current_dir(path.parent().unwrap_or(&root))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(capture)
            .stderr(err)
            .status()
            .expect("run exosh");
        let got = fs::read_to_string(&tmp)
            .unwrap_or_default()
            .replace(&full.display().to_string(), "{file}");
        let code = status.code().unwrap_or(-1);
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        if got != exp.output || code != exp.exit {
            let mut report = format!("FAIL {name}");
            if code != exp.exit {
                report.push_str(&format!(" (exit code {code}, expected {})", exp.exit));
            }
            report.push('\n');
            if got != exp.output {
                report.push_str(&diff(&exp.output, &got));
            }
            failures.push(report);
        }
    }
    let _ = fs::remove_file(&tmp);
    let total = files.len();
    eprintln!("{} of {total} cases passed", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
