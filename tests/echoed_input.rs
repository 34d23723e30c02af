//! What errors, warnings and verbose lines quote from the admin's input reaches the
//! terminal with its control characters made visible: the real binary is given escape
//! sequences, BEL, CR, backspace, a C1 CSI and a direction override through every kind
//! of message that echoes input, and no such byte may come out on standard error, while
//! what the script writes on purpose (`Write-Host`, `Write-Output`) keeps its bytes.

mod common;

use common::TempOrg;

/// Bytes that must never reach the terminal from a message: ESC, BEL, CR, backspace,
/// the C1 CSI (U+009B, `C2 9B` in UTF-8) and the right-to-left override (U+202E).
const RAW: &[&[u8]] = &[
    b"\x1b",
    b"\x07",
    b"\r",
    b"\x08",
    b"\xc2\x9b",
    "\u{202e}".as_bytes(),
];

fn raw_bytes_in(text: &[u8]) -> Vec<&'static str> {
    let names = ["ESC", "BEL", "CR", "BS", "CSI", "RLO"];
    RAW.iter()
        .zip(names)
        .filter(|(raw, _)| text.windows(raw.len()).any(|w| w == **raw))
        .map(|(_, name)| name)
        .collect()
}

fn run(org: &TempOrg, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let out = org.exosh().args(args).output().expect("exosh runs");
    (out.stdout, out.stderr)
}

#[test]
fn no_control_character_of_the_input_reaches_the_terminal_in_a_message() {
    let org = TempOrg::new();
    let script = r#"
        Get-CASMailbox "a`e[2Jb`a`b"
        Set-CASMailbox -Identity ken -PopMessagesRetrievalMimeFormat "Bogus`e[31m"
        Get-Mailbox -Filter "Name -eq 'x`r`e]0;title`a"
        & "evil`u{202E}txt.exe"
        Get-CASMailbox "c1`u{9B}2J"
        Write-Error "wrote`e[5m"
        Write-Warning "warned`e[2J"
        Write-Verbose "verbose`e[2J" -Verbose
        try { throw "thrown`e[2J" } catch { Write-Error $_ }
        Write-Host "host`e[31mred`e[0m"
        Write-Output "output`e[32mgreen`e[0m"
    "#;
    let (stdout, stderr) = run(&org, &["-NonInteractive", "-Command", script]);
    let err = String::from_utf8_lossy(&stderr);
    assert!(
        raw_bytes_in(&stderr).is_empty(),
        "{:?}\n{err}",
        raw_bytes_in(&stderr)
    );
    for shown in [
        "'a\u{241b}[2Jb\u{2407}\u{2408}'",
        "Bogus\u{241b}[31m",
        "\u{240d}\u{241b}]0;title\u{2407}",
        "evil`u{202E}txt.exe",
        "c1`u{9B}2J",
        "wrote\u{241b}[5m",
        "thrown\u{241b}[2J",
    ] {
        assert!(err.contains(shown), "{shown} not in:\n{err}");
    }
    let out = String::from_utf8_lossy(&stdout);
    for line in out.lines() {
        if line.starts_with("WARNING:") || line.starts_with("VERBOSE:") {
            assert!(raw_bytes_in(line.as_bytes()).is_empty(), "{line:?}");
            assert!(line.contains("\u{241b}[2J"), "{line:?}");
        }
    }
    assert!(out.contains("host\x1b[31mred\x1b[0m"), "{out:?}");
    assert!(out.contains("output\x1b[32mgreen\x1b[0m"), "{out:?}");
}

#[test]
fn a_parse_error_shows_its_line_without_raw_escapes() {
    let org = TempOrg::new();
    let path = org.dir.join("broken.ps1");
    std::fs::write(&path, "Write-Output 1\n$x = \"\x1b[31m\x07\" +\n").expect("script");
    let path = path.to_string_lossy().into_owned();
    for args in [vec!["-File", path.as_str()], vec!["check", path.as_str()]] {
        let (_, stderr) = run(&org, &args);
        let err = String::from_utf8_lossy(&stderr);
        assert!(raw_bytes_in(&stderr).is_empty(), "{args:?}: {err}");
        assert!(
            err.contains("$x = \"\u{241b}[31m\u{2407}\" +"),
            "{args:?}: {err}"
        );
    }
    let (_, stderr) = run(&org, &["-Command", "1 +\x1b[2J"]);
    assert!(raw_bytes_in(&stderr).is_empty());
    assert!(String::from_utf8_lossy(&stderr).contains("1 +\u{241b}[2J"));
}

#[test]
fn a_script_name_from_the_command_line_is_echoed_visibly() {
    let org = TempOrg::new();
    let (_, stderr) = run(&org, &["-File", "no\x1b[2Jsuch.ps1"]);
    let err = String::from_utf8_lossy(&stderr);
    assert!(raw_bytes_in(&stderr).is_empty(), "{err}");
    assert!(
        err.starts_with("The argument 'no\u{241b}[2Jsuch.ps1' is not recognized"),
        "{err}"
    );
}

#[test]
fn a_huge_identity_gives_a_short_message() {
    let org = TempOrg::new();
    let (_, stderr) = run(
        &org,
        &[
            "-Command",
            "Get-CASMailbox ('start' + 'x' * 100000 + 'end')",
        ],
    );
    let err = String::from_utf8_lossy(&stderr);
    assert!(err.len() < 1000, "{} bytes", err.len());
    let expected = format!(
        "object 'start{}\u{2026}{}end'",
        "x".repeat(122),
        "x".repeat(123)
    );
    assert!(err.contains(&expected), "{err}");
}
