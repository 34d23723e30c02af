//! The organisation store's robustness: several processes on one file lose no update, a
//! process killed midway leaves a sound store with everything it reported done, and a
//! failed command leaves no trace.
//!
//! The "other processes" are this test binary started again with a worker variable set:
//! real processes, each with its own SQLite connection and locks.

mod common;

use std::process::{Command, Stdio};

use common::{TempOrg, get_one, kill_after_done, run};
use exosh::exchange::ExchangeError;
use exosh::exchange::request::hashtable;
use serde_json::json;

const WORKER_DB: &str = "EXOSH_TEST_WORKER_DB";
const WORKER_TAG: &str = "EXOSH_TEST_WORKER_TAG";

/// Starts this test binary as a worker running `test_name` against `db`.
fn worker(test_name: &str, db: &std::path::Path, tag: &str) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", test_name, "--nocapture", "--test-threads=1"])
        .env(WORKER_DB, db)
        .env(WORKER_TAG, tag)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts")
}

fn worker_env() -> Option<(std::path::PathBuf, String)> {
    let db = std::env::var_os(WORKER_DB)?;
    let tag = std::env::var(WORKER_TAG).unwrap_or_default();
    Some((db.into(), tag))
}

/// Worker: adds 100 tagged entries to Ken's EWS allow list, one command each.
#[test]
fn worker_adds_entries() {
    let Some((db, tag)) = worker_env() else {
        return;
    };
    let backend = exosh::exchange::local::LocalBackend::open(&db).expect("open");
    for i in 0..100 {
        let add = hashtable([("Add".to_string(), json!(format!("{tag}-{i}")))]);
        run(
            &backend,
            "Set-CASMailbox",
            json!({"Identity": "ken", "EwsAllowList": add}),
        )
        .expect("add");
    }
}

#[test]
fn two_processes_changing_one_organisation_lose_no_update() {
    let org = TempOrg::new();
    let backend = org.open();
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": "Ken Sanchez", "Alias": "ken"}),
    )
    .expect("new");
    let children: Vec<_> = ["A", "B"]
        .iter()
        .map(|tag| worker("worker_adds_entries", &org.path(), tag))
        .collect();
    for mut child in children {
        assert!(child.wait().expect("worker ends").success());
    }
    let list = get_one(&backend, "Get-CASMailbox", "ken")["EwsAllowList"].clone();
    let list = list.as_array().expect("a list");
    assert_eq!(list.len(), 200);
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}

/// Worker: turns MAPI off on every bulk mailbox, reporting each one done.
#[test]
fn worker_disables_mapi() {
    let Some((db, _)) = worker_env() else { return };
    let backend = exosh::exchange::local::LocalBackend::open(&db).expect("open");
    for i in 0..400 {
        let name = format!("Bulk {i:03}");
        run(
            &backend,
            "Set-CASMailbox",
            json!({"Identity": name, "MAPIEnabled": false}),
        )
        .expect("set");
        println!("done {name}");
    }
}

#[test]
fn a_bulk_change_killed_midway_leaves_a_consistent_store() {
    let org = TempOrg::new();
    let backend = org.open();
    for i in 0..400 {
        run(
            &backend,
            "New-Mailbox",
            json!({"Name": format!("Bulk {i:03}")}),
        )
        .expect("new");
    }
    let mut child = worker("worker_disables_mapi", &org.path(), "");
    let done = kill_after_done(&mut child, 50);
    assert_eq!(done.len(), 50);
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
    let all = run(
        &backend,
        "Get-CASMailbox",
        json!({"ResultSize": "Unlimited"}),
    )
    .expect("get");
    assert_eq!(all.value.len(), 400);
    for object in &all.value {
        let name = object["Name"].as_str().unwrap_or_default();
        if done.iter().any(|d| d == name) {
            assert_eq!(object["MapiEnabled"], false, "{name} was reported done");
        }
    }
}

#[test]
fn a_failed_transaction_leaves_the_store_unchanged() {
    let org = TempOrg::new();
    let backend = org.open();
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": "Ken Sanchez", "Alias": "ken"}),
    )
    .expect("new");
    let result: Result<(), ExchangeError> = backend.store().write(|tx, _| {
        tx.execute("UPDATE recipients SET \"MapiEnabled\" = 0", [])
            .map_err(exosh::exchange::store::sql_error)?;
        tx.execute("DELETE FROM addresses", [])
            .map_err(exosh::exchange::store::sql_error)?;
        Err(ExchangeError::store("failed on purpose"))
    });
    assert!(result.is_err());
    let ken = get_one(&backend, "Get-CASMailbox", "ken@contoso.com");
    assert_eq!(ken["MapiEnabled"], true);
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}

#[test]
fn a_new_store_is_created_once_with_its_schema_and_sample_claim() {
    let org = TempOrg::new();
    let nested = org.dir.join("a").join("b").join("org.db");
    let backend = exosh::exchange::local::LocalBackend::open(&nested).expect("creates folders");
    assert!(backend.store().claim_sample_load().expect("claim"));
    drop(backend);
    let again = exosh::exchange::local::LocalBackend::open(&nested).expect("reopens");
    assert!(
        !again.store().claim_sample_load().expect("claim"),
        "loaded once only"
    );
    let version: i64 = again
        .store()
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 2);
    let mode: String = again
        .store()
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn processes_starting_on_a_new_organisation_all_see_the_whole_sample() {
    let org = TempOrg::new();
    let children: Vec<_> = (0..3)
        .map(|_| {
            org.exosh()
                .args(["-Command", "(Get-Mailbox -ResultSize Unlimited).Count"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("exosh starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("exosh ends");
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "32");
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let backend = org.open();
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}
