//! Finding the corpus and running the `exosh` binary with a time limit.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The corpus folder: `$EXOSH_CORPUS`, else `../shared/cases` beside the project. `None`
/// (after saying so, visibly) when it is absent.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("EXOSH_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: corpus not found at {} (set EXOSH_CORPUS to run the conformance suite)",
            dir.display()
        );
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
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

/// Runs `exosh ARGS` with `stdin` as its standard input and a fresh, private organisation
/// database; kills it after 20 seconds.
pub fn run_exosh(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let tmp = std::env::temp_dir().join(format!("exosh-conf-{}-{}", std::process::id(), unique()));
    let _ = std::fs::create_dir_all(&tmp);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_exosh"));
    cmd.args(args)
        .env("EXOSH_ORG", tmp.join("org.db"))
        .env("NO_COLOR", "1")
        .env("HOME", &tmp)
        .env("XDG_DATA_HOME", tmp.join("data"))
        .env("XDG_CONFIG_HOME", tmp.join("config"))
        .current_dir(&tmp)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
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
    let _ = std::fs::remove_dir_all(&tmp);
    Output {
        code,
        stdout,
        stderr,
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}
