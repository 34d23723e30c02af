//! Shared helpers of the Exchange integration tests: a throw-away organisation store,
//! the sample organisation, and shortcuts for requests.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use exosh::exchange::local::LocalBackend;
use exosh::exchange::{Backend, Object, Request};
use serde_json::Value;

/// A fresh database file in a private temporary folder, removed when dropped.
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
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempOrg { dir }
    }
    pub fn path(&self) -> PathBuf {
        self.dir.join("org.db")
    }
    pub fn open(&self) -> LocalBackend {
        LocalBackend::open(&self.path()).expect("store opens")
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
