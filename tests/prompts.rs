//! What the console asks and records, the real binary in a pseudo-terminal: Get-Credential
//! and Read-Host -AsSecureString read without showing what is typed, `-NonInteractive` (or
//! no terminal) makes them pwsh's NonInteractive error, and a transcript of an interactive
//! session records the inputs, except one that may hold a secret.

#![cfg(unix)]

mod common;

use std::process::Stdio;

use common::TempOrg;
use rexpect::session::PtySession;

const TIMEOUT_MS: u64 = 120_000;

fn spawn(org: &TempOrg, args: &[&str]) -> PtySession {
    let mut cmd = org.exosh();
    cmd.args(args).env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("exosh starts")
}

fn expect(session: &mut PtySession, text: &str) -> String {
    match session.exp_string(text) {
        Ok(before) => before,
        Err(e) => panic!("waiting for {text:?}: {e}"),
    }
}

#[test]
fn passwords_are_read_without_echo() {
    let org = TempOrg::new();
    let script = "$c = Get-Credential -UserName ken; 'user=' + $c.UserName; 'pw=' + $c.Password; \
                  $pin = Read-Host -AsSecureString -Prompt PIN; 'pin=' + $pin";
    let mut s = spawn(&org, &["-NoProfile", "-Command", script]);
    let before = expect(&mut s, "Password for user ken: ");
    assert!(before.contains("PowerShell credential request"), "{before}");
    assert!(before.contains("Enter your credentials."), "{before}");
    s.send_line("s3cret-word").expect("typed");
    let middle = expect(&mut s, "PIN: ");
    s.send_line("4711").expect("typed");
    let rest = s.exp_eof().expect("exosh ends");
    let shown = format!("{before}{middle}{rest}");
    assert!(shown.contains("user=ken"), "{shown}");
    assert!(shown.contains("pw=System.Security.SecureString"), "{shown}");
    assert!(
        shown.contains("pin=System.Security.SecureString"),
        "{shown}"
    );
    assert!(
        !shown.contains("s3cret-word") && !shown.contains("4711"),
        "{shown}"
    );
}

#[test]
fn nobody_to_ask_is_the_noninteractive_error() {
    let org = TempOrg::new();
    let error =
        "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";
    let mut s = spawn(&org, &["-NonInteractive", "-Command", "Get-Credential"]);
    let shown = s.exp_eof().expect("exosh ends");
    assert!(
        shown.contains(&format!("Get-Credential: {error}")),
        "{shown}"
    );
    // Without a terminal at all.
    let out = org
        .exosh()
        .args(["-Command", "Read-Host -AsSecureString"])
        .stdin(Stdio::null())
        .output()
        .expect("exosh runs");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains(&format!("Read-Host: {error}")), "{text}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_interactive_transcript_records_inputs_but_not_secrets() {
    let org = TempOrg::new();
    let prompt = format!("PS {}> ", org.dir.display());
    let mut s = spawn(&org, &["-NoLogo", "-NoProfile"]);
    for line in [
        "Start-Transcript -Path t.txt",
        "'visible output'",
        "$token = 'abc'",
        "Stop-Transcript",
    ] {
        expect(&mut s, &prompt);
        s.send_line(line).expect("typed");
    }
    expect(&mut s, &prompt);
    s.send_line("exit").expect("typed");
    s.exp_eof().expect("exosh ends");
    let text = std::fs::read_to_string(org.dir.join("t.txt")).expect("the transcript");
    let body: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Transcript started"))
        .collect();
    assert_eq!(
        body[1..6],
        [
            format!("{prompt}'visible output'").as_str(),
            "visible output",
            format!("{prompt}<input not recorded: it may hold a secret>").as_str(),
            format!("{prompt}Stop-Transcript").as_str(),
            "**********************",
        ],
        "{text}"
    );
    assert!(!text.contains("abc"), "{text}");
}
