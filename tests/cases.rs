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
//!
//! Each script runs in a private folder of its own (its working directory, home and
//! organisation): what it writes is gone afterwards, and files beside it are reached
//! through `$PSScriptRoot`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::TempOrg;

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
        let org = TempOrg::new();
        let status = org
            .exosh()
            .arg(&full)
            .args(&exp.args)
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

/// Runs exosh with `args` and optional stdin; returns (stdout+stderr, exit code).
fn exosh(args: &[&str], stdin: Option<&[u8]>) -> (String, i32) {
    use std::io::Write;
    let org = TempOrg::new();
    let mut child = org
        .exosh()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run exosh");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(input).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for exosh");
    let mut text = String::from_utf8_lossy(&out.stdout).to_string();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn command_flag_runs_text_and_sets_exit_code() {
    assert_eq!(exosh(&["-Command", "1 + 1"], None), ("2\n".to_string(), 0));
    assert_eq!(exosh(&["-c", "'a'; 'b'"], None), ("a\nb\n".to_string(), 0));
    // -Command: 1 when the last command failed; errors in the one-line view.
    assert_eq!(
        exosh(&["-c", "Write-Error 'bad'"], None),
        ("Write-Error: bad\n".to_string(), 1)
    );
    assert_eq!(exosh(&["-c", "exit 5"], None).1, 5);
    assert_eq!(
        exosh(&["-co", "throw 'thrown'"], None),
        ("Exception: thrown\n".to_string(), 1)
    );
}

#[test]
fn pwsh_flags_are_accepted_and_abbreviated() {
    let (out, code) = exosh(
        &[
            "-NoProfile",
            "-NonInteractive",
            "-NoLogo",
            "-ExecutionPolicy",
            "Bypass",
            "-Command",
            "'ok'",
        ],
        None,
    );
    assert_eq!((out.as_str(), code), ("ok\n", 0));
    let (out, code) = exosh(&["-nop", "-noni", "-ex", "Bypass", "-c", "'short'"], None);
    assert_eq!((out.as_str(), code), ("short\n", 0));
    let (out, code) = exosh(&["-NOPROFILE", "-COMMAND", "'upper'"], None);
    assert_eq!((out.as_str(), code), ("upper\n", 0));
}

#[test]
fn stdin_runs_as_a_script() {
    assert_eq!(
        exosh(&["-"], Some(b"'from stdin'\n")),
        ("from stdin\n".to_string(), 0)
    );
    assert_eq!(exosh(&[], Some(b"1..2\n")), ("1\n2\n".to_string(), 0));
    assert_eq!(
        exosh(&["-Command", "-"], Some(b"'x'")),
        ("x\n".to_string(), 0)
    );
}

#[test]
fn bad_files_give_clear_errors() {
    let org = TempOrg::new();
    // Not UTF-8 (a Latin-1 é): read as pwsh 7 reads it, the byte replaced by U+FFFD.
    let latin1 = org.dir.join("latin1.ps1");
    fs::write(&latin1, b"'caf\xe9'\n").expect("write");
    let (out, code) = exosh(&[latin1.to_str().unwrap_or_default()], None);
    assert_eq!((out.as_str(), code), ("caf\u{FFFD}\n", 0));
    let (out, code) = exosh(&["no-such-file.ps1"], None);
    assert_eq!(code, 64);
    assert!(
        out.contains("The argument 'no-such-file.ps1' is not recognized"),
        "{out}"
    );
}

/// Scripts saved by Windows editors: UTF-16 LE or BE with a byte-order mark (Windows
/// PowerShell ISE), UTF-8 with a BOM, run as files, with -File and from standard input.
#[test]
fn scripts_in_windows_encodings_run() {
    let org = TempOrg::new();
    let text = "$n = 'Ken Sánchez ✓'\r\n\"hello $n\"\r\n";
    let utf16 = |mark: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
        mark.into_iter()
            .chain(text.encode_utf16().flat_map(unit))
            .collect()
    };
    let files = [
        ("utf16le.ps1", utf16([0xFF, 0xFE], u16::to_le_bytes)),
        ("utf16be.ps1", utf16([0xFE, 0xFF], u16::to_be_bytes)),
        (
            "utf8bom.ps1",
            [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        ),
        ("utf8.ps1", text.as_bytes().to_vec()),
    ];
    for (name, bytes) in files {
        let path = org.dir.join(name);
        fs::write(&path, &bytes).expect("write");
        let path = path.to_str().unwrap_or_default();
        let expected = ("hello Ken Sánchez ✓\n".to_string(), 0);
        assert_eq!(exosh(&[path], None), expected, "{name}");
        assert_eq!(exosh(&["-File", path], None), expected, "{name} with -File");
        assert_eq!(exosh(&["-"], Some(&bytes)), expected, "{name} on stdin");
    }
}

#[test]
fn check_parses_only() {
    let org = TempOrg::new();
    let good = org.dir.join("good.ps1");
    let bad = org.dir.join("bad.ps1");
    fs::write(&good, "Write-Host 'would run'\n").expect("write");
    fs::write(&bad, "$x = 1 +\n").expect("write");
    let good_s = good.to_str().unwrap_or_default();
    let bad_s = bad.to_str().unwrap_or_default();
    assert_eq!(exosh(&["check", good_s], None), (String::new(), 0));
    let (out, code) = exosh(&["check", good_s, bad_s], None);
    assert_eq!(code, 1);
    // pwsh's NormalView layout: file, line, column, the marker and the error id.
    assert_eq!(
        out,
        format!(
            "At {bad_s}:1 char:9\n\
             + $x = 1 +\n\
             +         ~\n\
             You must provide a value expression following the '+' operator.\n    \
             + CategoryInfo          : ParserError: (:) [], IncompleteParseException\n    \
             + FullyQualifiedErrorId : ExpectedValueExpression\n"
        )
    );
    assert_eq!(exosh(&["check", "-"], Some(b"'fine'")), (String::new(), 0));
    let (out, code) = exosh(&["check", "-"], Some(b"Get-Mailbox |\n"));
    assert_eq!(code, 1);
    assert!(out.starts_with("At line:1 char:"), "{out}");
}
