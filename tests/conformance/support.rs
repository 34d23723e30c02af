//! Finding the corpus, counting the cases run, and running the `exosh` binary with a time
//! limit.
//!
//! **decision**: the tests that read the corpus are marked `#[ignore]`, so that on a clone
//! without it `cargo test` shows them as cargo shows any test it did not run
//! (`... ignored, needs the external corpus ...`) instead of `ok` in no time. Cargo's test
//! runner cannot decide at run time that a test is skipped, and deciding at build time
//! would mean watching a folder outside the project. `scripts/test` runs them
//! (`--include-ignored`) whenever the corpus is there, as does `cargo test -- --ignored` by
//! hand; run so without the corpus, they fail saying where they looked.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::TempOrg;

/// The corpus folder: `$EXOSH_CORPUS`, else `../shared/cases` beside the project.
pub fn corpus_dir() -> PathBuf {
    let dir = match std::env::var_os("EXOSH_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases"),
    };
    assert!(
        dir.is_dir(),
        "corpus not found at {}: set EXOSH_CORPUS to the folder holding it",
        dir.display()
    );
    dir
}

/// Adds `count` corpus cases run, under `label`, to the file named by `$EXOSH_CORPUS_TALLY`
/// (when set): `scripts/test` sums it up in its summary line.
pub fn tally(label: &str, count: usize) {
    let Some(path) = std::env::var_os("EXOSH_CORPUS_TALLY") else {
        return;
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path);
    let written = file.and_then(|mut f| writeln!(f, "{label}\t{count}"));
    if let Err(e) = written {
        panic!(
            "cannot add to the tally {}: {e}",
            Path::new(&path).display()
        );
    }
}

/// Every line of a JSON-lines file, parsed. A missing file is an empty list (and said).
pub fn load_jsonl(path: &Path) -> Vec<serde_json::Value> {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {} not found", path.display());
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}: bad JSON line: {e}", path.display()))
        })
        .collect()
}

pub struct Output {
    /// `None` when the process was killed for running too long.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `exosh ARGS` with `stdin` as its standard input, in `org`'s private folder and on
/// its organisation; kills it after 20 seconds.
pub fn run_exosh(org: &TempOrg, args: &[&str], stdin: &str) -> Output {
    let mut cmd = org.exosh();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the exosh binary runs");
    let input = stdin.as_bytes().to_vec();
    let mut child_stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(s) = child_stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > Duration::from_secs(20) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Output {
        code,
        stdout,
        stderr,
    }
}
