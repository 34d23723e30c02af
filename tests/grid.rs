//! Out-GridView driven as an admin drives it: the real binary in a pseudo-terminal, keys
//! typed into the grid, the chosen objects read from what the pipeline prints after it.

#![cfg(unix)]

mod common;

use common::TempOrg;
use rexpect::session::PtySession;

/// Every expectation waits at most this long, so a broken grid fails instead of hanging.
const TIMEOUT_MS: u64 = 30_000;

const RIGHT: &str = "\x1b[C";
const DOWN: &str = "\x1b[B";
const CTRL_S: &str = "\x13";

const PEOPLE: &str =
    "$p = 1..3 | ForEach-Object { [pscustomobject]@{Name=\"user$_\"; Size=$_ * 10} }";

/// Starts `exosh -Command script` in a pseudo-terminal and waits for the grid's last row.
/// (The screen is drawn cell by cell, the cursor jumping over blanks, so only runs of
/// characters without spaces are looked for.)
fn start(org: &TempOrg, script: &str) -> PtySession {
    let mut cmd = org.exosh();
    cmd.args(["-NoProfile", "-Command", script])
        .env("TERM", "xterm");
    let mut session =
        rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("exosh starts in a pty");
    session.exp_string("user3").expect("the grid is drawn");
    session
}

fn keys(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("keys sent");
    session.flush().expect("keys flushed");
    // Let the grid read each batch of keys before the next arrives.
    std::thread::sleep(std::time::Duration::from_millis(300));
}

#[test]
fn filter_mark_and_pass_the_marked_row_through() {
    let org = TempOrg::new();
    let mut s = start(
        &org,
        &format!(
            "{PEOPLE}; $p | Out-GridView -PassThru -Title 'Pick people' | ForEach-Object {{ \"chose $($_.Name)\" }}"
        ),
    );
    keys(&mut s, "user2");
    keys(&mut s, "\t");
    keys(&mut s, "\r");
    s.exp_string("chose user2")
        .expect("the marked row is written");
    s.exp_eof().expect("exosh ends");
}

#[test]
fn the_title_shows_and_several_rows_come_back_in_order() {
    let org = TempOrg::new();
    let mut s = org_start_multiple(&org);
    keys(&mut s, "\t");
    keys(&mut s, DOWN);
    keys(&mut s, DOWN);
    keys(&mut s, "\t");
    keys(&mut s, "\r");
    let before = s.exp_string("end").expect("output after the grid");
    assert!(
        before.contains("chose user1\r\nchose user3\r\n"),
        "{before:?}"
    );
}

fn org_start_multiple(org: &TempOrg) -> PtySession {
    let mut cmd = org.exosh();
    cmd.args([
        "-NoProfile",
        "-Command",
        &format!("{PEOPLE}; $p | Out-GridView -OutputMode Multiple -Title 'Pick people' | ForEach-Object {{ \"chose $($_.Name)\" }}; 'end'"),
    ])
    .env("TERM", "xterm");
    let mut session =
        rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("exosh starts in a pty");
    session.exp_string("Pick").expect("the title is shown");
    session.exp_string("people").expect("the title is shown");
    session.exp_string("user3").expect("the grid is drawn");
    session
}

#[test]
fn sorting_descending_by_a_column_and_single_mode() {
    let org = TempOrg::new();
    let mut s = start(
        &org,
        &format!(
            "{PEOPLE}; $p | Out-GridView -OutputMode Single | ForEach-Object {{ \"chose $($_.Name)\" }}"
        ),
    );
    keys(&mut s, RIGHT);
    keys(&mut s, CTRL_S);
    keys(&mut s, CTRL_S);
    keys(&mut s, "\r");
    s.exp_string("chose user3")
        .expect("the first row after sorting by Size, descending");
    s.exp_eof().expect("exosh ends");
}

#[test]
fn escape_cancels_and_nothing_is_written() {
    let org = TempOrg::new();
    let mut s = start(
        &org,
        &format!("{PEOPLE}; $n = @($p | Out-GridView -PassThru).Count; \"count $n\""),
    );
    keys(&mut s, "\x1b");
    s.exp_string("count 0").expect("nothing chosen");
    s.exp_eof().expect("exosh ends");
}
