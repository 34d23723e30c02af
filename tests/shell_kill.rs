//! A bulk change run by the real `exosh` binary and killed midway: the organisation stays
//! sound (`PRAGMA integrity_check`), every mailbox has all of the change or none of it,
//! and whatever the script reported done is still done.

mod common;

use std::process::Stdio;

use common::{TempOrg, kill_after_done, run};
use serde_json::json;

const MAILBOXES: usize = 1500;

fn org_with_bulk_mailboxes() -> TempOrg {
    let org = TempOrg::new();
    let backend = org.open();
    for i in 0..MAILBOXES {
        run(
            &backend,
            "New-Mailbox",
            json!({"Name": format!("Bulk {i:04}")}),
        )
        .expect("new");
    }
    org
}

/// Starts `exosh -Command script` on the organisation, reading its output lines.
fn start(org: &TempOrg, script: &str) -> std::process::Child {
    org.exosh()
        .args(["-NoProfile", "-NonInteractive", "-Command", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("exosh starts")
}

/// Each bulk mailbox's (MapiEnabled, PopEnabled, ImapEnabled), by name.
fn settings(org: &TempOrg) -> Vec<(String, [bool; 3])> {
    let backend = org.open();
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
    let all = run(
        &backend,
        "Get-CASMailbox",
        json!({"ResultSize": "Unlimited"}),
    )
    .expect("get");
    all.value
        .iter()
        .filter_map(|o| {
            let name = o["Name"].as_str()?.to_string();
            name.starts_with("Bulk ").then(|| {
                let flag = |k: &str| o[k].as_bool().unwrap_or(true);
                (
                    name,
                    [flag("MapiEnabled"), flag("PopEnabled"), flag("ImapEnabled")],
                )
            })
        })
        .collect()
}

fn assert_all_or_nothing(settings: &[(String, [bool; 3])]) {
    assert_eq!(settings.len(), MAILBOXES);
    for (name, s) in settings {
        assert!(
            s == &[true; 3] || s == &[false; 3],
            "{name} is half changed: {s:?}"
        );
    }
}

#[test]
fn a_reporting_bulk_script_killed_midway_keeps_what_it_reported() {
    let org = org_with_bulk_mailboxes();
    let script = "Get-CASMailbox -ResultSize Unlimited -Filter \"Name -like 'Bulk*'\" | ForEach-Object { \
                  Set-CASMailbox -Identity $_.Name -MAPIEnabled $false -PopEnabled $false -ImapEnabled $false; \
                  \"done $($_.Name)\" }";
    let mut child = start(&org, script);
    let done = kill_after_done(&mut child, 100);
    assert_eq!(
        done.len(),
        100,
        "the script reported 100 mailboxes done before it was killed"
    );
    let settings = settings(&org);
    assert_all_or_nothing(&settings);
    for name in &done {
        let s = settings.iter().find(|(n, _)| n == name).map(|(_, s)| *s);
        assert_eq!(s, Some([false; 3]), "{name} was reported done");
    }
}

#[test]
fn the_documented_bulk_pipeline_killed_midway_leaves_every_mailbox_before_or_after() {
    let org = org_with_bulk_mailboxes();
    let mut child = start(
        &org,
        "Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false -PopEnabled $false -ImapEnabled $false",
    );
    // Let it get going, then kill it without warning.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().expect("kill");
    let _ = child.wait();
    let settings = settings(&org);
    assert_all_or_nothing(&settings);
    let changed = settings.iter().filter(|(_, s)| s == &[false; 3]).count();
    println!("killed after {changed} of {MAILBOXES} mailboxes were changed");
}
