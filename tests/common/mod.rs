//! Shared helpers of the Exchange integration tests: a throw-away organisation store and
//! the sample organisation loaded through requests, before the shell exists to run
//! `scripts/sample-tenant.ps1` itself.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use exosh::exchange::local::LocalBackend;
use exosh::exchange::{Backend, Object, Request, SAMPLE_ORGANIZATION_SCRIPT};
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

/// Splits one simple command line into words, honouring '...' and "..." quotes.
fn words(line: &str) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' || c == '\'' {
            chars.next();
            let word: String = chars.by_ref().take_while(|&x| x != c).collect();
            words.push((word, true));
        } else {
            let mut word = String::new();
            while let Some(&x) = chars.peek() {
                if x.is_whitespace() {
                    break;
                }
                word.push(x);
                chars.next();
            }
            words.push((word, false));
        }
    }
    words
}

/// Reads the simple lines of the sample script (`Verb-Noun -Param value -Switch ...`)
/// into requests. Lines assigning variables and parameters given a variable (the sample
/// password) are left out: the backend keeps no passwords.
pub fn sample_requests() -> Vec<Request> {
    let mut requests = Vec::new();
    for line in SAMPLE_ORGANIZATION_SCRIPT.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('$') {
            continue;
        }
        let words = words(line);
        let Some(((cmdlet, _), rest)) = words.split_first() else {
            continue;
        };
        let mut request = Request::new(cmdlet.clone());
        let mut i = 0;
        while i < rest.len() {
            let (word, _) = &rest[i];
            let name = word
                .strip_prefix('-')
                .expect("named parameters only")
                .to_string();
            match rest.get(i + 1) {
                Some((value, quoted)) if *quoted || !value.starts_with('-') => {
                    i += 2;
                    let json = match value.as_str() {
                        "$true" if !quoted => Value::Bool(true),
                        "$false" if !quoted => Value::Bool(false),
                        v if !quoted && v.starts_with('$') => continue,
                        v if !quoted && v.parse::<i64>().is_ok() => {
                            Value::from(v.parse::<i64>().unwrap_or(0))
                        }
                        v => Value::String(v.to_string()),
                    };
                    request.parameters.insert(name, json);
                }
                _ => {
                    i += 1;
                    request.parameters.insert(name, Value::Bool(true));
                }
            }
        }
        requests.push(request);
    }
    requests
}

/// A new organisation holding the sample people, as the shell will create it.
pub fn sample_org() -> (TempOrg, LocalBackend) {
    let org = TempOrg::new();
    let backend = org.open();
    assert!(backend.store().claim_sample_load().expect("claim"));
    for request in sample_requests() {
        backend
            .invoke(&request)
            .unwrap_or_else(|e| panic!("{} failed: {}", request.cmdlet_name, e.message));
    }
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
