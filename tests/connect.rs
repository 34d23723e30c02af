//! Connect-ExchangeOnline against a real `exosh serve` on a random loopback port: the
//! same scripts print the same bytes as on the local organisation, results page and
//! stream, throttling and redirects are ridden out, errors read as local errors, and a
//! server killed mid-pipeline leaves nothing half done.

mod common;
#[path = "remote/server.rs"]
mod server;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

use common::run;
use serde_json::json;
use server::{ADMIN, Scratch, Server, token};

/// The line that connects a script to `server` as `upn`.
fn connect_line(server: &Server, token: &str) -> String {
    format!(
        "Connect-ExchangeOnline -ConnectionUri {} -AccessToken {token} -ShowBanner:$false",
        server.base
    )
}

/// Runs `exosh -Command text` with a client-side organisation of its own.
fn client(text: &str) -> Output {
    let scratch = Scratch::new();
    scratch
        .exosh()
        .args(["-NonInteractive", "-Command", text])
        .output()
        .expect("exosh runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_seeds_procedures_print_the_same_bytes_over_the_wire() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/examples");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 9);
    let mut differences = Vec::new();
    for script in &scripts {
        let original = std::fs::read_to_string(script).expect("script");
        let work = Scratch::new();
        let copy = work.dir.join(script.file_name().expect("name"));
        std::fs::copy(dir.join("accounts.txt"), work.dir.join("accounts.txt")).expect("copy");
        // Locally, on a fresh sample organisation.
        std::fs::write(&copy, &original).expect("write");
        let local_org = Scratch::new();
        let local = local_org.exosh().arg(&copy).output().expect("runs");
        // Over the wire: the first line (a comment) begins with the connection, so every
        // line keeps its number.
        let served = Scratch::new();
        let token = token(&served, ADMIN, None);
        let server = Server::start(&served, &[]);
        let connected = format!("{} {original}", connect_line(&server, &token));
        std::fs::write(&copy, connected).expect("write");
        let client_org = Scratch::new();
        let remote = client_org.exosh().arg(&copy).output().expect("runs");
        let name = script.display();
        if local.stdout != remote.stdout || local.stderr != remote.stderr {
            differences.push(format!(
                "{name}\n--- local\n{}{}\n--- over the wire\n{}{}",
                text(&local.stdout),
                text(&local.stderr),
                text(&remote.stdout),
                text(&remote.stderr)
            ));
        }
        assert_eq!(local.status.code(), remote.status.code(), "{name}");
        assert!(!local.stdout.is_empty(), "{name} printed something");
    }
    assert!(differences.is_empty(), "{}", differences.join("\n\n"));
}

#[test]
fn connection_information_tells_where_commands_run() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    let out = client(&format!(
        "if (Get-ConnectionInformation) {{ 'connected before' }} else {{ 'not connected' }}
         Connect-ExchangeOnline -ConnectionUri {}/some/path -AccessToken {token} -PageSize 200 -ShowBanner:$false
         Get-ConnectionInformation | Format-List State,Name,UserPrincipalName,ConnectionUri,Organization,PageSize,TokenStatus,ModulePrefix
         Disconnect-ExchangeOnline -Confirm:$false
         @(Get-ConnectionInformation).Count",
        server.base
    ));
    assert_eq!(text(&out.stderr), "");
    let expected = format!(
        "not connected\n\nState             : Connected\nName              : ExchangeOnline_1\nUserPrincipalName : {ADMIN}\nConnectionUri     : {}\nOrganization      : contoso.onmicrosoft.com\nPageSize          : 200\nTokenStatus       : Active\nModulePrefix      : \n\n0\n",
        server.base
    );
    assert_eq!(text(&out.stdout), expected);
}

#[test]
fn a_banner_a_prefix_and_a_command_list_shape_the_session() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    let out = client(&format!(
        "Connect-ExchangeOnline -ConnectionUri {} -AccessToken {token} -Prefix Contoso -CommandName Get-CASMailbox,Set-CASMailbox
         Set-ContosoCASMailbox -Identity ken -PopEnabled $false
         (Get-ContosoCASMailbox -Identity ken).PopEnabled
         Get-Mailbox -Identity ken",
        server.base
    ));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{}\nexosh: Exchange cmdlets now run on {} for contoso.onmicrosoft.com as {ADMIN}.",
            "-".repeat(88),
            server.base
        )),
        "{stdout}"
    );
    assert!(stdout.ends_with("False\n"), "{stdout}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("The term 'Get-Mailbox' is not recognized"),
        "{stderr}"
    );
}

#[test]
fn a_sign_in_that_fails_stops_the_script() {
    // Without a token Connect-ExchangeOnline signs in; here its identity platform (a
    // closed port on this machine) cannot be reached.
    let out = client(
        "Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -AzureADAuthorizationEndpointUri http://127.0.0.1:9/organizations\n'after'",
    );
    assert!(
        text(&out.stderr)
            .contains("Cannot reach the sign-in service http://127.0.0.1:9/organizations"),
        "{}",
        text(&out.stderr)
    );
    assert!(!text(&out.stdout).contains("after"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_rehearsal_connects_to_the_local_organisation_without_editing_the_script() {
    let scratch = Scratch::new();
    let out = scratch.exosh()
        .env("EXOSH_REHEARSE", "1")
        .args([
            "-Command",
            "Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false
             Set-CASMailbox -Identity ken -ImapEnabled $false
             (Get-CASMailbox -Identity ken).ImapEnabled
             (Get-ConnectionInformation).State",
        ])
        .output()
        .expect("runs");
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "WARNING: EXOSH_REHEARSE is set: Connect-ExchangeOnline uses the local organisation"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("nothing is sent to Exchange Online.\nFalse\nConnected\n"),
        "{stdout}"
    );
    let backend = scratch.open();
    let ken = common::get_one(&backend, "Get-CASMailbox", "ken");
    assert_eq!(
        ken["ImapEnabled"], false,
        "the change is in the local organisation"
    );
}

/// An organisation with `n` extra mailboxes named `Bulk 0000`...
fn org_with_mailboxes(n: usize) -> Scratch {
    let scratch = Scratch::new();
    let backend =
        exosh::commands::exchange::session::open_local(&scratch.path()).expect("sample loads");
    backend.begin_bulk_for_tests();
    for i in 0..n {
        run(
            &backend,
            "New-Mailbox",
            json!({"Name": format!("Bulk {i:04}")}),
        )
        .expect("new");
    }
    backend.end_bulk_for_tests();
    scratch
}

trait Bulk {
    fn begin_bulk_for_tests(&self);
    fn end_bulk_for_tests(&self);
}

impl Bulk for exosh::exchange::local::LocalBackend {
    fn begin_bulk_for_tests(&self) {
        exosh::exchange::Backend::begin_bulk(self);
    }
    fn end_bulk_for_tests(&self) {
        exosh::exchange::Backend::end_bulk(self).expect("commit");
    }
}

#[test]
fn paging_goes_past_a_thousand_and_stops_where_asked() {
    let served = org_with_mailboxes(1_150);
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    let out = client(&format!(
        "{}
         (Get-Mailbox).Count
         (Get-Mailbox -ResultSize Unlimited).Count
         (Get-Mailbox -ResultSize 1050).Count
         Get-Mailbox -ResultSize Unlimited | Select-Object -First 3 | ForEach-Object Name",
        connect_line(&server, &token).replace("-ShowBanner", "-PageSize 100 -ShowBanner")
    ));
    let total = 1_150 + 32;
    let stdout = text(&out.stdout);
    let (warnings, output): (Vec<&str>, Vec<&str>) =
        stdout.lines().partition(|l| l.starts_with("WARNING: "));
    assert_eq!(
        output.join("\n"),
        format!("1000\n{total}\n1050\nKen Sanchez\nEsther Valle\nYan Li")
    );
    let stderr = warnings.join("\n");
    assert!(
        stderr.contains("WARNING: By default, only the first 1000 items are returned."),
        "{stderr}"
    );
    assert!(
        stderr.contains("WARNING: There are more results available than are currently displayed."),
        "{stderr}"
    );
    // Pages are fetched as the pipeline asks for them: the Select-Object -First 3 took
    // one page of the last Get and no more.
    let log: Vec<String> = server.log.try_iter().collect();
    let gets = log
        .iter()
        .filter(|l| l.contains(" Get-Mailbox 200 "))
        .count();
    let pages = |n: usize| n.div_ceil(100);
    assert_eq!(
        gets,
        pages(1000) + pages(total) + pages(1050) + 1,
        "{log:?}"
    );
}

#[test]
fn throttled_requests_are_retried_after_retry_after() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &["--rate-limit", "2"]);
    let out = client(&format!(
        "{}
         foreach ($i in 1..6) {{ Set-CASMailbox -Identity ken -ActiveSyncAllowedDeviceIDs @{{Add=\"device$i\"}} }}
         (Get-CASMailbox -Identity ken).ActiveSyncAllowedDeviceIDs.Count",
        connect_line(&server, &token)
    ));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "6\n");
    let log: Vec<String> = server.log.try_iter().collect();
    assert!(
        log.iter().any(|l| l.contains(" 429 ")),
        "throttled: {log:?}"
    );
}

/// A one-shot HTTP server on loopback answering every request with `reply(request)`,
/// for what `exosh serve` never sends (redirects, bodies that are not JSON, 503s).
fn scripted_server(replies: Vec<String>) -> (u16, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("addr").port();
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for reply in replies {
            let Ok((mut stream, _)) = listener.accept() else {
                break;
            };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut head = String::new();
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            seen.push(head);
            let _ = stream.write_all(reply.as_bytes());
        }
        seen
    });
    (port, handle)
}

fn http_reply(status: &str, headers: &[&str], body: &str) -> String {
    let mut text = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for h in headers {
        text.push_str(h);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    text
}

#[test]
fn a_redirect_to_another_host_keeps_the_token_and_503_is_retried() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    // "localhost" redirects to "127.0.0.1": another host, as Exchange Online's regional
    // redirects are; the token must follow.
    let target = format!(
        "http://127.0.0.1:{}/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand",
        server.port
    );
    let location = format!("Location: {target}");
    let (port, seen) = scripted_server(vec![
        http_reply("503 Service Unavailable", &[], ""),
        http_reply("302 Found", &[&location], ""),
    ]);
    let out = client(&format!(
        "Connect-ExchangeOnline -ConnectionUri http://localhost:{port} -AccessToken {token} -ShowBanner:$false
         (Get-CASMailbox -Identity ken).Name"
    ));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "Ken Sanchez\n");
    let requests = seen.join().expect("served");
    assert_eq!(requests.len(), 2, "one 503, retried once");
    for head in &requests {
        let head = head.to_ascii_lowercase();
        assert!(head.contains(&format!(
            "authorization: bearer {}",
            token.to_ascii_lowercase()
        )));
        assert!(head.contains("x-anchormailbox: upn:admin@contoso.onmicrosoft.com"));
        assert!(head.contains("prefer: odata.maxpagesize=1000"));
    }
}

#[test]
fn a_get_piped_to_a_set_asks_the_service_for_the_identities_only() {
    let body = r#"{"value":[{"Name":"Ken Sanchez","Guid":"7c1d7c50-0b44-4d5a-9a3b-2f8e4a6f1a11","Identity":"Ken Sanchez","DisplayName":"Ken Sanchez"}]}"#;
    let (port, seen) = scripted_server(vec![
        http_reply("200 OK", &["Content-Type: application/json"], body),
        http_reply("200 OK", &["Content-Type: application/json"], body),
    ]);
    let out = client(&format!(
        "Connect-ExchangeOnline -ConnectionUri http://127.0.0.1:{port} -AccessToken x.y.z -Organization contoso.onmicrosoft.com -ShowBanner:$false
         Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox -MAPIEnabled $false -WhatIf
         Get-CASMailbox -ResultSize Unlimited | ForEach-Object Name"
    ));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        "What if: Performing the operation \"Set-CASMailbox\" on target \"Ken Sanchez\".\nKen Sanchez\n"
    );
    let requests = seen.join().expect("served");
    let lines: Vec<&str> = requests.iter().filter_map(|h| h.lines().next()).collect();
    assert_eq!(
        lines,
        [
            "POST /adminapi/beta/contoso.onmicrosoft.com/InvokeCommand?%24select=Guid%2CIdentity%2CName%2CDisplayName HTTP/1.1",
            "POST /adminapi/beta/contoso.onmicrosoft.com/InvokeCommand HTTP/1.1",
        ],
        "a script reading the objects gets them whole"
    );
}

#[test]
fn error_bodies_read_as_the_local_error_or_say_what_came() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    let script = "Get-CASMailbox -Identity nobody
                  Set-CASMailbox -Identity ken -OwaMailboxPolicy Nonexistent
                  $Error[1].FullyQualifiedErrorId
                  $Error[1].CategoryInfo.Category
                  $Error[0].FullyQualifiedErrorId";
    let local = client(script);
    let remote = client(&format!("{}\n{script}", connect_line(&server, &token)));
    assert_eq!(text(&local.stdout), text(&remote.stdout));
    assert!(
        text(&local.stdout)
            .starts_with("ManagementObjectNotFoundException,Get-CASMailbox\nObjectNotFound\n")
    );
    let messages = |o: &Output| {
        text(&o.stderr)
            .lines()
            .filter(|l| l.contains("couldn't be found") || l.contains("Couldn't find"))
            .map(|l| l.trim().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(&local), messages(&remote));
    assert_eq!(messages(&local).len(), 2);

    let (port, _seen) = scripted_server(vec![http_reply(
        "403 Forbidden",
        &["Content-Type: text/html"],
        "<html><body>Access denied</body></html>",
    )]);
    let odd = client(&format!(
        "Connect-ExchangeOnline -ConnectionUri http://127.0.0.1:{port} -AccessToken {token} -ShowBanner:$false
         Get-CASMailbox -Identity ken
         'went on'"
    ));
    let stderr = text(&odd.stderr);
    assert!(
        stderr.contains("The server answered HTTP 403: <html><body>Access denied</body></html>"),
        "{stderr}"
    );
    assert!(text(&odd.stdout).contains("went on"));
}

#[test]
fn four_clients_at_once_lose_no_update() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start(&served, &[]);
    let children: Vec<_> = (0..4)
        .map(|c| {
            let scratch = Scratch::new();
            let child = scratch.exosh()
                .args([
                    "-Command",
                    &format!(
                        "{}
                         foreach ($i in 1..25) {{ Set-CASMailbox -Identity ken -ActiveSyncAllowedDeviceIDs @{{Add=\"c{c}-$i\"}} }}",
                        connect_line(&server, &token)
                    ),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("client starts");
            (scratch, child)
        })
        .collect();
    for (_scratch, child) in children {
        let out = child.wait_with_output().expect("client ends");
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let backend = served.open();
    let ken = common::get_one(&backend, "Get-CASMailbox", "ken");
    let ids = ken["ActiveSyncAllowedDeviceIDs"].as_array().expect("array");
    assert_eq!(ids.len(), 100, "every client's every addition is there");
}

#[test]
fn a_server_killed_mid_pipeline_stops_the_client_with_a_clear_error() {
    let served = org_with_mailboxes(1_500);
    let token = token(&served, ADMIN, None);
    let mut server = Server::start(&served, &[]);
    let scratch = Scratch::new();
    let mut child = scratch.exosh()
        .args([
            "-NonInteractive",
            "-Command",
            &format!(
                "{}
                 Get-CASMailbox -ResultSize Unlimited -Filter \"Name -like 'Bulk*'\" | ForEach-Object {{
                     Set-CASMailbox -Identity $_.Name -MAPIEnabled $false -PopEnabled $false -ImapEnabled $false
                     \"done $($_.Name)\" }}
                 'after the pipeline'",
                connect_line(&server, &token)
            ),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("client starts");
    let mut stderr_pipe = child.stderr.take().expect("stderr");
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut done = Vec::new();
    for line in lines.by_ref() {
        let Ok(line) = line else { break };
        if let Some(name) = line.strip_prefix("done ") {
            done.push(name.to_string());
            if done.len() == 200 {
                server.child.kill().expect("kill the server");
                let _ = server.child.wait();
                break;
            }
        }
    }
    for line in lines.map_while(Result::ok) {
        assert_ne!(line, "after the pipeline", "the script stopped");
        if let Some(name) = line.strip_prefix("done ") {
            done.push(name.to_string());
        }
    }
    let stderr = stderr_reader.join().expect("stderr read");
    let status = child.wait().expect("client ends");
    assert!(!status.success(), "the client exits non-zero");
    assert!(
        stderr.contains("could not be reached or dropped the connection"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("could not be reached").count(),
        1,
        "one error, not one per object: {stderr}"
    );
    // The organisation: sound, each mailbox all or nothing, all that was reported done.
    std::thread::sleep(Duration::from_millis(100));
    let backend = served.open();
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
    let all = run(
        &backend,
        "Get-CASMailbox",
        json!({"ResultSize": "Unlimited", "Filter": "Name -like 'Bulk*'"}),
    )
    .expect("get");
    let mut changed = 0;
    for o in &all.value {
        let flags = [&o["MapiEnabled"], &o["PopEnabled"], &o["ImapEnabled"]];
        let name = o["Name"].as_str().unwrap_or("");
        assert!(
            flags.iter().all(|f| **f == true) || flags.iter().all(|f| **f == false),
            "{name} is half changed"
        );
        if o["MapiEnabled"] == false {
            changed += 1;
        } else {
            assert!(!done.iter().any(|d| d == name), "{name} was reported done");
        }
    }
    assert!(changed >= done.len());
}

#[test]
fn https_with_the_servers_own_certificate_trusted_through_ssl_cert_file() {
    let served = Scratch::new();
    let token = token(&served, ADMIN, None);
    let server = Server::start_with(&served, &[]);
    assert!(server.base.starts_with("https://127.0.0.1:"));
    let script = format!(
        "{}\n(Get-CASMailbox -Identity ken).Name",
        connect_line(&server, &token)
    );
    let cert = served.dir.join("org.db.cert.pem");
    let scratch = Scratch::new();
    let trusted = scratch
        .exosh()
        .env("SSL_CERT_FILE", &cert)
        .args(["-Command", &script])
        .output()
        .expect("runs");
    assert_eq!(text(&trusted.stderr), "");
    assert_eq!(text(&trusted.stdout), "Ken Sanchez\n");
    let untrusted = scratch
        .exosh()
        .env_remove("SSL_CERT_FILE")
        .env_remove("SSL_CERT_DIR")
        .args(["-Command", &script])
        .output()
        .expect("runs");
    assert!(!untrusted.status.success());
    assert!(
        text(&untrusted.stderr).contains("could not be reached"),
        "{}",
        text(&untrusted.stderr)
    );
}
