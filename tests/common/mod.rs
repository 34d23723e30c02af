//! Shared helpers of the integration tests: a throw-away organisation and private folders
//! to run the `exosh` binary in, the sample organisation, and shortcuts for requests.
//!
//! `TempOrg::exosh` is how a test starts the binary: never in the source tree, never with
//! the user's home, history, profile or organisation.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use exosh::exchange::local::LocalBackend;
use exosh::exchange::{Backend, Object, Request};
use serde_json::Value;

/// A private temporary folder, removed when dropped: the working directory of the exosh it
/// starts, with that exosh's home (`home/`), data (`data/`) and config (`config/`) folders
/// and its organisation database (`org.db`, created on first use).
pub struct TempOrg {
    pub dir: PathBuf,
}

impl TempOrg {
    pub fn new() -> TempOrg {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "exosh-test-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("home")).expect("temp dir");
        // As the system resolves it, so that it reads as exosh shows it ($PWD, the prompt).
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        TempOrg { dir }
    }
    /// The organisation database.
    pub fn path(&self) -> PathBuf {
        self.dir.join("org.db")
    }
    pub fn open(&self) -> LocalBackend {
        LocalBackend::open(&self.path()).expect("store opens")
    }
    /// `$XDG_CONFIG_HOME` of the exosh started here (the profile is `exosh/profile.ps1`).
    pub fn config_dir(&self) -> PathBuf {
        self.dir.join("config")
    }
    /// `$XDG_DATA_HOME` of the exosh started here (history is `exosh/history.txt`).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }
    /// The `exosh` binary, to run in this folder on this organisation, without colour and
    /// without any `EXOSH_*` setting of the environment the tests run in.
    pub fn exosh(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_exosh"));
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("EXOSH_") {
                cmd.env_remove(name);
            }
        }
        cmd.current_dir(&self.dir)
            .env("EXOSH_ORG", self.path())
            .env("HOME", self.dir.join("home"))
            .env("XDG_DATA_HOME", self.data_dir())
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env("NO_COLOR", "1")
            // One time zone, so that local times print alike on every machine.
            .env("TZ", "UTC");
        cmd
    }
}

impl Drop for TempOrg {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A new organisation holding the sample people, as the shell will create it.
pub fn sample_org() -> (TempOrg, LocalBackend) {
    let org = TempOrg::new();
    let backend =
        exosh::commands::exchange::session::open_local(&org.path()).expect("sample loads");
    (org, backend)
}

/// Runs a request built from (cmdlet, parameters as JSON object text).
pub fn run(
    backend: &LocalBackend,
    cmdlet: &str,
    params: Value,
) -> Result<exosh::exchange::Response, exosh::exchange::ExchangeError> {
    let mut request = Request::new(cmdlet);
    if let Value::Object(map) = params {
        request.parameters = map;
    }
    backend.invoke(&request)
}

/// The one object a Get returns.
pub fn get_one(backend: &LocalBackend, cmdlet: &str, identity: &str) -> Object {
    let response =
        run(backend, cmdlet, serde_json::json!({ "Identity": identity })).expect("get succeeds");
    assert_eq!(response.value.len(), 1, "{cmdlet} {identity}");
    response.value.into_iter().next().expect("one object")
}

/// Every CAS mailbox, as text, to compare a store before and after a refused command.
pub fn snapshot(backend: &LocalBackend) -> String {
    let mut text = String::new();
    for cmdlet in [
        "Get-CASMailbox",
        "Get-Mailbox",
        "Get-User",
        "Get-OwaMailboxPolicy",
        "Get-MobileDeviceMailboxPolicy",
    ] {
        let response = run(
            backend,
            cmdlet,
            serde_json::json!({"ResultSize": "Unlimited"}),
        )
        .or_else(|_| run(backend, cmdlet, serde_json::json!({})))
        .expect("get succeeds");
        for mut object in response.value {
            object.remove("RunspaceId");
            text.push_str(&Value::Object(object).to_string());
            text.push('\n');
        }
    }
    text
}

/// Reads a child's `done <name>` lines and kills it once `n` have arrived: a process
/// stopped without warning, right after it reported that much done. Returns the names.
pub fn kill_after_done(child: &mut std::process::Child, n: usize) -> Vec<String> {
    use std::io::{BufRead, BufReader};
    let stdout = child.stdout.take().expect("stdout");
    let mut done = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(name) = line.strip_prefix("done ") {
            done.push(name.to_string());
            if done.len() == n {
                child.kill().expect("kill");
                break;
            }
        }
    }
    let _ = child.wait();
    done
}
