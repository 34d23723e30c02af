//! `exosh serve` as a client meets it on the wire: a real server on a random loopback
//! port, spoken to in raw HTTP/1.1 so that every status, header and body byte is the
//! server's own.

mod common;
#[path = "remote/server.rs"]
mod server;

use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use exosh::exchange::auth::token::{Claims, TokenKey};
use serde_json::json;
use server::{ADMIN, Scratch, Server, TENANT, body, post, read_reply, token};

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[test]
fn a_token_runs_commands_and_anything_else_is_refused_before_running() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let mut server = Server::start(&scratch, &[]);
    let path = format!("/adminapi/beta/{TENANT}/InvokeCommand");
    let get = body("Get-CASMailbox", json!({"Identity": "Ken Sanchez"}));

    let reply = post(
        server.port,
        &path,
        &[("Authorization", &bearer(&good))],
        &get,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = reply.json();
    assert_eq!(answer["value"][0]["Name"], "Ken Sanchez");
    assert_eq!(
        answer["value"][0]["@odata.type"],
        "#Microsoft.Exchange.Data.Directory.Management.CASMailbox"
    );

    // An expired token, one signed by another organisation, one for another tenant, a
    // tampered one and none at all: 401, and the change they carry is not made.
    let expired = {
        let backend = exosh::exchange::local::LocalBackend::open(&scratch.path()).expect("org");
        let mut store = backend.store();
        let key = TokenKey::load_or_create(&mut store).expect("key");
        let mut claims = Claims::for_user(ADMIN, TENANT, 60);
        claims.exp -= 3600;
        key.mint(&claims)
    };
    let other_org = Scratch::new();
    let foreign = token(&other_org, ADMIN, None);
    let tampered = format!("{good}x");
    let change = body(
        "Set-CASMailbox",
        json!({"Identity": "Ken Sanchez", "MAPIEnabled": false}),
    );
    for (what, header) in [
        ("expired", Some(bearer(&expired))),
        ("foreign", Some(bearer(&foreign))),
        ("tampered", Some(bearer(&tampered))),
        ("basic", Some("Basic YWRtaW46cGFzcw==".to_string())),
        ("missing", None),
    ] {
        let headers: Vec<(&str, &str)> = header
            .as_deref()
            .map(|h| vec![("Authorization", h)])
            .unwrap_or_default();
        let reply = post(server.port, &path, &headers, &change);
        assert_eq!(reply.status, 401, "{what}: {}", reply.body);
        assert!(reply.header("www-authenticate").is_some(), "{what}");
        assert!(reply.json()["error"]["message"].is_string(), "{what}");
    }
    let wrong_tenant = post(
        server.port,
        "/adminapi/beta/fabrikam.onmicrosoft.com/InvokeCommand",
        &[("Authorization", &bearer(&good))],
        &change,
    );
    assert_eq!(wrong_tenant.status, 401);
    let after = post(
        server.port,
        &path,
        &[("Authorization", &bearer(&good))],
        &get,
    );
    assert_eq!(after.json()["value"][0]["MapiEnabled"], true, "nothing ran");

    // Each request is one log line: caller, cmdlet, status, milliseconds.
    let lines: Vec<String> = server.log.try_iter().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("{ADMIN} Get-CASMailbox 200 ")) && l.ends_with("ms")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains(" - - 401 ")), "{lines:?}");
    assert_eq!(server.stop(), Some(0), "a clean stop on SIGTERM");
}

#[test]
fn bad_bodies_are_400_in_the_error_shape_and_the_server_goes_on() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let server = Server::start(&scratch, &[]);
    let path = format!("/adminapi/beta/{TENANT}/InvokeCommand");
    let auth = bearer(&good);
    let headers = [("Authorization", auth.as_str())];
    let too_big = vec![b' '; 2 << 20];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "malformed",
            b"{\"CmdletInput\": {".to_vec(),
            "InvalidRequestBody",
        ),
        ("not an object", b"[1,2]".to_vec(), "InvalidRequestBody"),
        ("not UTF-8", b"\xff\xfe{}".to_vec(), "InvalidRequestBody"),
        (
            "unknown cmdlet",
            body("Get-Nothing", json!({})),
            "CommandNotFoundException",
        ),
        (
            "unknown parameter",
            body("Get-CASMailbox", json!({"Colour": "blue"})),
            "NamedParameterNotFound",
        ),
        ("too large", too_big, "RequestTooLarge"),
    ];
    for (what, bytes, id) in cases {
        let reply = post(server.port, &path, &headers, &bytes);
        assert_eq!(reply.status, 400, "{what}: {}", reply.body);
        let error = &reply.json()["error"];
        assert_eq!(error["code"], "BadRequest", "{what}");
        let detail = error["details"][0]["message"].as_str().unwrap_or("");
        assert!(detail.starts_with(&format!("{id}|")), "{what}: {detail}");
    }
    let missing = post(
        server.port,
        &path,
        &headers,
        &body("Get-CASMailbox", json!({"Identity": "Nobody Here"})),
    );
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["error"]["code"], "NotFound");
    let still = post(
        server.port,
        &path,
        &headers,
        &body("Get-Mailbox", json!({"Identity": "Ken Sanchez"})),
    );
    assert_eq!(still.status, 200);
}

#[test]
fn a_slow_client_is_cut_off_and_others_are_served_meanwhile() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let server = Server::start(&scratch, &["--client-timeout", "1"]);
    // Headers that never end.
    let mut stuck = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    stuck
        .write_all(
            b"POST /adminapi/beta/contoso.onmicrosoft.com/InvokeCommand HTTP/1.1\r\nHost: x\r\n",
        )
        .expect("writes");
    // A body that never comes.
    let mut slow_body = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    slow_body
        .write_all(
            format!(
                "POST /adminapi/beta/{TENANT}/InvokeCommand HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {good}\r\nContent-Length: 100\r\n\r\n{{"
            )
            .as_bytes(),
        )
        .expect("writes");
    let path = format!("/adminapi/beta/{TENANT}/InvokeCommand");
    let ok = post(
        server.port,
        &path,
        &[("Authorization", &bearer(&good))],
        &body("Get-CASMailbox", json!({"Identity": "ken"})),
    );
    assert_eq!(ok.status, 200);
    let started = Instant::now();
    stuck
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let cut = read_reply(&mut stuck);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "cut off in time"
    );
    assert_ne!(cut.status, 200);
    slow_body
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let late = read_reply(&mut slow_body);
    assert_eq!(late.status, 408, "{}", late.body);
}

#[test]
fn a_client_that_stops_sending_after_its_request_still_gets_the_answer() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let server = Server::start(&scratch, &[]);
    // A keep-alive request, then the client shuts its sending side (as `nc -N` and
    // scripted clients do) and waits for the answer.
    let request = body(
        "Set-CASMailbox",
        json!({"Identity": "ken", "PopEnabled": false}),
    );
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let head = format!(
        "POST /adminapi/beta/{TENANT}/InvokeCommand HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {good}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        request.len()
    );
    stream.write_all(head.as_bytes()).expect("writes");
    stream.write_all(&request).expect("writes");
    stream.shutdown(Shutdown::Write).expect("half-closes");
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let backend = scratch.open();
    let ken = common::get_one(&backend, "Get-CASMailbox", "ken");
    assert_eq!(
        ken["PopEnabled"], false,
        "the change it was told of is made"
    );
}

#[test]
fn over_the_rate_limit_a_caller_gets_429_with_retry_after() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let server = Server::start(&scratch, &["--rate-limit", "3"]);
    let path = format!("/adminapi/beta/{TENANT}/InvokeCommand");
    let get = body("Get-CASMailbox", json!({"Identity": "ken"}));
    let statuses: Vec<Reply> = (0..6)
        .map(|_| {
            post(
                server.port,
                &path,
                &[("Authorization", &bearer(&good))],
                &get,
            )
        })
        .collect();
    let throttled: Vec<&Reply> = statuses.iter().filter(|r| r.status == 429).collect();
    assert!(!throttled.is_empty(), "some requests are throttled");
    assert!(statuses.iter().filter(|r| r.status == 200).count() >= 3);
    let wait: u64 = throttled[0]
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=1).contains(&wait));
    std::thread::sleep(Duration::from_secs(wait));
    let again = post(
        server.port,
        &path,
        &[("Authorization", &bearer(&good))],
        &get,
    );
    assert_eq!(again.status, 200, "admitted after waiting");
}

use server::Reply;

#[test]
fn results_come_in_pages_linked_by_next_link() {
    let scratch = Scratch::new();
    let good = token(&scratch, ADMIN, None);
    let server = Server::start(&scratch, &[]);
    let path = format!("/adminapi/beta/{TENANT}/InvokeCommand");
    let auth = bearer(&good);
    let get = body("Get-Mailbox", json!({"ResultSize": "Unlimited"}));
    let headers = [
        ("Authorization", auth.as_str()),
        ("Prefer", "odata.maxpagesize=10"),
    ];
    let mut names = Vec::new();
    let mut url = path.clone();
    let mut pages = 0;
    loop {
        let reply = post(server.port, &url, &headers, &get);
        assert_eq!(reply.status, 200, "{}", reply.body);
        let page = reply.json();
        let objects = page["value"].as_array().expect("value").clone();
        assert!(objects.len() <= 10);
        names.extend(
            objects
                .iter()
                .map(|o| o["Name"].as_str().unwrap_or("").to_string()),
        );
        pages += 1;
        match page["@odata.nextLink"].as_str() {
            Some(next) => {
                url = next
                    .strip_prefix(&server.base)
                    .expect("the next page is on this server")
                    .to_string()
            }
            None => break,
        }
    }
    assert!(pages >= 3, "{pages} pages");
    let all = post(
        server.port,
        &path,
        &[("Authorization", auth.as_str())],
        &get,
    );
    let expected: Vec<String> = all.json()["value"]
        .as_array()
        .expect("value")
        .iter()
        .map(|o| o["Name"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        names, expected,
        "the pages hold every object once, in order"
    );
    // A skip token is the caller's own.
    let other = token(&scratch, "ken@contoso.com", None);
    let first = post(server.port, &path, &headers, &get).json();
    let next = first["@odata.nextLink"].as_str().expect("more").to_string();
    let stolen = post(
        server.port,
        next.strip_prefix(&server.base).expect("here"),
        &[("Authorization", &bearer(&other))],
        &get,
    );
    assert_eq!(stolen.status, 400);
}

#[test]
fn https_by_default_with_a_self_signed_certificate_beside_the_organisation() {
    let scratch = Scratch::new();
    let mut child = scratch
        .exosh()
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("a line");
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("Listening on https://127.0.0.1:"), "{line}");
    assert!(line.contains("self-signed, made now"), "{line}");
    let fingerprint = line.rsplit(' ').next().expect("fingerprint").trim();
    assert_eq!(fingerprint.len(), 32 * 3 - 1, "{fingerprint}");
    assert!(server::exists(&scratch.dir.join("org.db.cert.pem")));
    let key = scratch.dir.join("org.db.key.pem");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("key").permissions().mode();
        assert_eq!(mode & 0o077, 0, "the key is its owner's only");
    }
}
