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
    assert!(backend.store().begin_sample_load().expect("claim"));
    backend.store().finish_sample_load().expect("loaded");
    drop(backend);
    let again = exosh::exchange::local::LocalBackend::open(&nested).expect("reopens");
    assert!(
        !again.store().begin_sample_load().expect("claim"),
        "loaded once only"
    );
    let version: i64 = again
        .store()
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    let migrations = std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/exchange/migrations"),
    )
    .expect("the migrations")
    .count();
    assert_eq!(version, migrations as i64, "at the latest schema");
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

/// Runs `exosh -Command script` in `org`'s folder on the organisation at `path`: (stdout,
/// stderr, success).
fn exosh(org: &TempOrg, path: &std::path::Path, script: &str) -> (String, String, bool) {
    let output = org
        .exosh()
        .args(["-NoProfile", "-NonInteractive", "-Command", script])
        .env("EXOSH_ORG", path)
        .output()
        .expect("exosh runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.success(),
    )
}

#[test]
fn a_new_organisation_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let org = TempOrg::new();
    let path = org.dir.join("new").join("deeper").join("org.db");
    let (out, err, ok) = exosh(&org, &path, "(Get-Mailbox -ResultSize Unlimited).Count");
    assert!(ok && out.trim() == "32", "{out}{err}");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&org.dir.join("new")), 0o700);
    assert_eq!(mode(&org.dir.join("new").join("deeper")), 0o700);
    let application_id: i64 = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("PRAGMA application_id", [], |r| r.get(0)))
        .expect("header");
    assert_eq!(application_id, exosh::exchange::store::APPLICATION_ID);
}

#[test]
fn another_applications_database_is_refused_and_left_as_it_was() {
    let org = TempOrg::new();
    let sqlite_file = org.dir.join("notes.db");
    {
        let conn = rusqlite::Connection::open(&sqlite_file).expect("create");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE notes (body TEXT);
             INSERT INTO notes VALUES ('keep me'); PRAGMA user_version = 2;",
        )
        .expect("fill");
    }
    let marked = org.dir.join("marked.db");
    {
        let conn = rusqlite::Connection::open(&marked).expect("create");
        conn.execute_batch("PRAGMA application_id = 42; CREATE TABLE recipients (x);")
            .expect("fill");
    }
    let text_file = org.dir.join("notes.txt");
    std::fs::write(&text_file, "not a database\n").expect("text");
    for path in [&sqlite_file, &marked, &text_file] {
        let before = std::fs::read(path).expect("read");
        let (out, err, ok) = exosh(
            &org,
            path,
            "Get-Mailbox ken; Set-CASMailbox ken -PopEnabled $false",
        );
        assert!(!ok && out.is_empty(), "{out}");
        assert!(
            err.contains(&format!(
                "Get-Mailbox: The file '{}' isn't an exosh organisation store",
                path.display()
            )) && err.contains("exosh left it unchanged. Set EXOSH_ORG to another file."),
            "{err}"
        );
        assert_eq!(
            std::fs::read(path).expect("read"),
            before,
            "{}",
            path.display()
        );
        let library = exosh::exchange::local::LocalBackend::open(path);
        assert_eq!(
            library.err().map(|e| e.error_id),
            Some("ForeignOrganizationStore".to_string())
        );
        assert_eq!(
            std::fs::read(path).expect("read"),
            before,
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_read_only_organisation_can_be_read_but_not_changed() {
    use std::os::unix::fs::PermissionsExt;
    let org = TempOrg::new();
    let (out, _, _) = exosh(
        &org,
        &org.path(),
        "Set-CASMailbox ken -PopEnabled $false; 'ready'",
    );
    assert_eq!(out.trim(), "ready");
    std::fs::set_permissions(org.path(), std::fs::Permissions::from_mode(0o444))
        .expect("read-only");
    let before = std::fs::read(org.path()).expect("read");
    let (out, err, ok) = exosh(
        &org,
        &org.path(),
        "(Get-CASMailbox ken).PopEnabled; (Get-Mailbox -ResultSize Unlimited).Count; \
         Set-CASMailbox ken -PopEnabled $true; New-Mailbox -Name 'Not Kept'",
    );
    assert!(!ok);
    assert_eq!(out, "False\n32\n");
    let refusal = format!(
        "The organisation store '{}' is read-only: exosh can show the organisation but not change it. Make the file writable to change it.",
        org.path().display()
    );
    assert_eq!(
        err,
        format!("Set-CASMailbox: {refusal}\nNew-Mailbox: {refusal}\n")
    );
    assert_eq!(std::fs::read(org.path()).expect("read"), before);
}

/// Starts exosh on a new organisation and kills it `delay` into its first start: the
/// organisation is then empty or whole, and the next start finds (or builds) all of it.
fn first_start_killed_after(delay: std::time::Duration) {
    let org = TempOrg::new();
    let mut child = org
        .exosh()
        .args([
            "-NoProfile",
            "-Command",
            "(Get-Mailbox -ResultSize Unlimited).Count",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("exosh starts");
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
    if org.path().exists() {
        let backend = org.open();
        assert_eq!(backend.store().integrity_check().expect("check"), "ok");
        let count: i64 = backend
            .store()
            .connection()
            .query_row("SELECT count(*) FROM recipients", [], |r| r.get(0))
            .expect("count");
        assert!(
            // The sample's 32 mailboxes, 12 groups, mail user and 2 mail contacts.
            count == 0 || count == 47,
            "killed after {delay:?}: {count} recipients"
        );
        println!("killed after {delay:?}: {count} recipients");
    }
    let (out, err, ok) = exosh(
        &org,
        &org.path(),
        "(Get-Mailbox -ResultSize Unlimited).Count",
    );
    assert!(ok && err.is_empty(), "after a kill at {delay:?}: {err}");
    assert_eq!(out.trim(), "32", "after a kill at {delay:?}");
}

#[test]
fn a_first_start_killed_at_any_moment_leaves_nothing_or_the_whole_sample() {
    // Moments spread over a first start (about 0.1 s in a debug build), in an order that
    // changes from run to run.
    let seed = std::process::id() as u64;
    for i in 0..12u64 {
        let millis = (i * 17 + seed) % 200;
        first_start_killed_after(std::time::Duration::from_millis(millis));
    }
}
