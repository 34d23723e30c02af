//! Connect-ExchangeOnline signing in, end to end on loopback: the built `exosh` runs a
//! script that connects to a real `exosh serve` (its `-AzureADAuthorizationEndpointUri`
//! and `-ConnectionUri`), the test plays the user (in a real browser, or through the
//! server's own forms) and checks what the script prints.
//!
//! The shell has an organisation of its own, where Ken's POP is on; the server's has it
//! off, so a `False` proves the command ran on the server.

mod browser;
mod common;
#[path = "signin/http.rs"]
mod http;
#[path = "signin/keys.rs"]
mod keys;
#[path = "remote/server.rs"]
mod server;

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use http::*;
use server::{ADMIN, Scratch, Server, TENANT, token};

/// A server for the scratch organisation, with Ken's POP turned off first.
fn server(scratch: &Scratch, extra: &[&str]) -> Server {
    let done = scratch
        .exosh()
        .args([
            "-NoProfile",
            "-Command",
            "Set-CASMailbox -Identity 'Ken Sanchez' -PopEnabled $false",
        ])
        .output()
        .expect("exosh runs");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    Server::start(scratch, extra)
}

/// The shell, on an organisation of its own, running `script`; its output lines as they
/// come, and the process.
fn shell(scratch: &Scratch, script: &str) -> (Child, Receiver<String>) {
    let mut child = scratch
        .exosh()
        .env("EXOSH_ORG", scratch.dir.join("shell.db"))
        .args(["-NoProfile", "-Command", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("exosh starts");
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    let stderr = child.stderr.take().expect("stderr");
    for (stream, prefix) in [
        (Box::new(stdout) as Box<dyn std::io::Read + Send>, ""),
        (Box::new(stderr), "ERR "),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(format!("{prefix}{line}")).is_err() {
                    break;
                }
            }
        });
    }
    (child, rx)
}

/// The next line, waiting up to a minute.
fn next(lines: &Receiver<String>) -> String {
    lines
        .recv_timeout(Duration::from_secs(60))
        .expect("the shell prints a line")
}

/// Everything else the shell prints, once it exits; and its exit code.
fn finish(mut child: Child, lines: &Receiver<String>) -> (Vec<String>, Option<i32>) {
    let status = child.wait().expect("the shell exits");
    let rest = std::iter::from_fn(|| lines.recv_timeout(Duration::from_secs(5)).ok()).collect();
    (rest, status.code())
}

/// The user code in the device-code message, checked word for word.
fn code_in(message: &str, server: &Server) -> String {
    let prefix = format!(
        "To sign in, use a web browser to open the page {}/devicelogin and enter the code ",
        server.base
    );
    let code = message
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(" to authenticate."))
        .unwrap_or_else(|| panic!("the device-code message: {message}"));
    code.to_string()
}

fn connect_device(server: &Server, extra: &str) -> String {
    format!(
        "Connect-ExchangeOnline {extra} -AzureADAuthorizationEndpointUri {base}/organizations -ConnectionUri {base} -ShowBanner:$false",
        base = server.base
    )
}

#[test]
fn a_user_signs_in_with_a_device_code_approved_in_a_real_browser() {
    let Some(browser) =
        browser::Browser::start("a_user_signs_in_with_a_device_code_approved_in_a_real_browser")
    else {
        return;
    };
    let scratch = Scratch::new();
    let server = server(&scratch, &["--poll-interval", "1"]);
    let script = format!(
        "{}; (Get-ConnectionInformation).UserPrincipalName; (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled",
        connect_device(&server, &format!("-UserPrincipalName {ADMIN}"))
    );
    let (child, lines) = shell(&scratch, &script);
    let code = code_in(&next(&lines), &server);

    browser.goto(&format!(
        "{}/devicelogin?token={}",
        server.base,
        token(&scratch, ADMIN, None)
    ));
    browser.fill("Code", &code);
    browser.click_button("Next");
    let asking = "Are you trying to sign in to Microsoft Exchange REST API Based Powershell?";
    assert_eq!(browser.wait_for_title(asking), asking);
    assert!(
        browser.text().contains(&format!("Signing in as\n{ADMIN}")),
        "{}",
        browser.text()
    );
    browser.click_button("Continue");
    assert_eq!(
        browser.wait_for_title("You're signed in"),
        "You're signed in"
    );

    let (rest, code) = finish(child, &lines);
    assert_eq!(rest, vec![ADMIN.to_string(), "False".to_string()]);
    assert_eq!(code, Some(0));
}

#[test]
fn a_declined_or_expired_device_code_connects_nothing() {
    let scratch = Scratch::new();
    let server = server(
        &scratch,
        &["--poll-interval", "1", "--device-code-lifetime", "3s"],
    );
    let script = format!(
        "{}; 'connected'; (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled",
        connect_device(&server, "-Device")
    );

    let (child, lines) = shell(&scratch, &script);
    let code = code_in(&next(&lines), &server);
    let session = sign_in(&scratch, server.port, ADMIN);
    answer(server.port, &session, &code, "decline");
    let (rest, status) = finish(child, &lines);
    assert_eq!(status, Some(1));
    assert!(
        rest.iter().all(|l| l.starts_with("ERR ")),
        "nothing ran: {rest:?}"
    );
    let said = rest.join("\n");
    assert!(
        said.contains(&format!(
            "The sign-in was declined at {}/devicelogin: nothing was connected.",
            server.base
        )),
        "{said}"
    );

    let (child, lines) = shell(&scratch, &script);
    next(&lines);
    let (rest, status) = finish(child, &lines);
    assert_eq!(status, Some(1));
    let said = rest.join("\n");
    assert!(
        said.contains("The sign-in code expired before anyone approved it. Run Connect-ExchangeOnline again for a new code."),
        "{said}"
    );
    assert!(!said.contains("connected\n"), "{said}");
}

/// Writes `bytes` to the scratch folder; its path.
fn file(scratch: &Scratch, name: &str, bytes: &[u8]) -> String {
    let path = scratch.dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path.display().to_string()
}

/// A new certificate for the application, registered with the scratch organisation, and
/// the application given the Mail Recipients role.
fn registered_app(scratch: &Scratch) -> keys::AppKey {
    let key = keys::AppKey::new("Contoso automation");
    let public = file(scratch, "app.cer.pem", key.cert_pem.as_bytes());
    let added = app_add(scratch, APP, std::path::Path::new(&public));
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    // Its rights in Exchange: a role assignment, as in Exchange Online.
    common::run(
        &scratch.open(),
        "New-ManagementRoleAssignment",
        serde_json::json!({"Role": "Mail Recipients", "App": APP}),
    )
    .expect("assigned");
    key
}

fn connect_app(server: &Server, file: &str, password: Option<&str>) -> String {
    let password = password
        .map(|p| {
            format!(
                " -CertificatePassword (ConvertTo-SecureString -String '{p}' -AsPlainText -Force)"
            )
        })
        .unwrap_or_default();
    format!(
        "Connect-ExchangeOnline -AppId {APP} -CertificateFilePath '{file}'{password} -Organization {TENANT} -AzureADAuthorizationEndpointUri {base}/{TENANT} -ConnectionUri {base} -ShowBanner:$false",
        base = server.base
    )
}

#[test]
fn an_application_connects_with_its_certificate_from_pem_or_pfx() {
    let scratch = Scratch::new();
    let key = registered_app(&scratch);
    let server = server(&scratch, &[]);

    let pem = file(&scratch, "app.pem", key.pem_pair().as_bytes());
    let aes = file(
        &scratch,
        "app.pfx",
        &key.pfx(
            "pa55",
            p12_keystore::EncryptionAlgorithm::PbeWithHmacSha256AndAes256,
        ),
    );
    let des = file(
        &scratch,
        "legacy.pfx",
        &key.pfx(
            "pa55",
            p12_keystore::EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc,
        ),
    );
    for (what, connect) in [
        ("PEM", connect_app(&server, &pem, None)),
        ("PFX (AES)", connect_app(&server, &aes, Some("pa55"))),
        ("PFX (3DES)", connect_app(&server, &des, Some("pa55"))),
    ] {
        let script = format!(
            "{connect}; (Get-ConnectionInformation).AppId; (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled"
        );
        let (child, lines) = shell(&scratch, &script);
        let (said, status) = finish(child, &lines);
        assert_eq!(said, vec![APP.to_string(), "False".to_string()], "{what}");
        assert_eq!(status, Some(0), "{what}");
    }

    // A wrong password, and a certificate the organisation does not know: errors, and
    // the command after the connection never runs.
    let stranger = keys::AppKey::new("Mallory");
    let unknown = file(&scratch, "stranger.pem", stranger.pem_pair().as_bytes());
    for (connect, expected) in [
        (
            connect_app(&server, &aes, Some("wrong")),
            "the password is not this file's password",
        ),
        (
            connect_app(&server, &unknown, None),
            "Sign-in failed (invalid_client): AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.",
        ),
    ] {
        let (child, lines) = shell(&scratch, &format!("{connect}; 'ran'"));
        let (said, status) = finish(child, &lines);
        assert_eq!(status, Some(1), "{said:?}");
        let said = said.join("\n");
        assert!(said.contains(expected) && !said.contains("ran"), "{said}");
    }
}

/// How many of the server's log lines so far contain `what`.
fn logged(server: &Server, what: &str) -> usize {
    std::iter::from_fn(|| server.log.try_recv().ok())
        .filter(|line| line.contains(what))
        .count()
}

/// A pipeline of `n` commands over about `n * 0.8` seconds, counting what came back.
fn long_pipeline(n: u32) -> String {
    format!(
        "1..{n} | ForEach-Object {{ Start-Sleep -Milliseconds 800; (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled }} | Where-Object {{ $_ -eq $false }} | Measure-Object | ForEach-Object Count"
    )
}

#[test]
fn tokens_are_renewed_before_they_expire_during_a_long_pipeline() {
    let scratch = Scratch::new();
    let key = registered_app(&scratch);
    // Four-second tokens, checked to the second: a token that were not renewed would be
    // refused a few commands in.
    let server = server(
        &scratch,
        &[
            "--token-lifetime",
            "4s",
            "--clock-skew",
            "0",
            "--poll-interval",
            "1",
        ],
    );

    // A user, renewed by refresh token.
    let script = format!(
        "{}; {}",
        connect_device(&server, "-Device"),
        long_pipeline(10)
    );
    let (child, lines) = shell(&scratch, &script);
    let code = code_in(&next(&lines), &server);
    let session = sign_in(&scratch, server.port, ADMIN);
    answer(server.port, &session, &code, "approve");
    let (said, status) = finish(child, &lines);
    assert_eq!((said, status), (vec!["10".to_string()], Some(0)));
    assert!(logged(&server, "token refresh_token 200") >= 2);

    // An application, renewed by a new client assertion.
    let pem = file(&scratch, "app.pem", key.pem_pair().as_bytes());
    let script = format!(
        "{}; {}",
        connect_app(&server, &pem, None),
        long_pipeline(10)
    );
    let (child, lines) = shell(&scratch, &script);
    let (said, status) = finish(child, &lines);
    assert_eq!((said, status), (vec!["10".to_string()], Some(0)));
    assert!(logged(&server, "token client_credentials 200") >= 3);

    // Without renewal (a token given as it is), the same pipeline dies at expiry.
    let given = token(&scratch, ADMIN, Some("4s"));
    let script = format!(
        "Connect-ExchangeOnline -AccessToken {given} -ConnectionUri {} -ShowBanner:$false; {}",
        server.base,
        long_pipeline(10)
    );
    let (child, lines) = shell(&scratch, &script);
    let (said, status) = finish(child, &lines);
    assert_ne!(
        (said.clone(), status),
        (vec!["10".to_string()], Some(0)),
        "{said:?}"
    );
}

#[test]
fn a_claims_challenge_gets_one_fresh_sign_in_and_one_retry() {
    let scratch = Scratch::new();
    let key = registered_app(&scratch);
    let server = server(&scratch, &[]);
    let pem = file(&scratch, "app.pem", key.pem_pair().as_bytes());
    let script = format!(
        "{}; 'first ' + (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled; Start-Sleep -Seconds 3; 'second ' + (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled",
        connect_app(&server, &pem, None)
    );
    let (child, lines) = shell(&scratch, &script);
    assert_eq!(next(&lines), "first False");
    // The application's tokens are revoked while the script sleeps (in a later second
    // than its token was issued in).
    std::thread::sleep(Duration::from_millis(1100));
    let revoked = scratch
        .exosh()
        .args(["token", "--revoke", APP])
        .output()
        .expect("exosh token --revoke runs");
    assert!(revoked.status.success());
    let (said, status) = finish(child, &lines);
    assert_eq!((said, status), (vec!["second False".to_string()], Some(0)));
    let log: Vec<String> = std::iter::from_fn(|| server.log.try_recv().ok()).collect();
    let challenged = log
        .iter()
        .position(|l| l.contains(" - - 401 "))
        .unwrap_or_else(|| panic!("a 401: {log:#?}"));
    assert!(
        log[challenged..]
            .iter()
            .any(|l| l.contains("token client_credentials 200")),
        "{log:#?}"
    );
    assert!(
        log[challenged..]
            .iter()
            .any(|l| l.contains(" Get-CASMailbox 200 ")),
        "{log:#?}"
    );
}
