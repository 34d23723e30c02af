//! Invoke-RestMethod and Invoke-WebRequest against a real HTTP server on loopback,
//! started by the test: a small HTTP/1.1 server on a std TcpListener whose routes answer
//! fixed bodies, echo the request back as JSON, fail with a status, redirect, or stall.
//! The built `exosh` runs each script, and the test compares what it prints.

mod common;
mod loopback;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::OnceLock;
use std::time::Duration;

use common::TempOrg;

/// The request as the server read it.
struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn read_request(stream: &mut impl Read) -> Option<Seen> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Seen {
        method,
        target,
        headers,
        body,
    })
}

fn respond(stream: &mut impl Write, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// The request echoed as JSON: method, path and query, the headers the tests look at,
/// the body as text.
fn echo(seen: &Seen) -> Vec<u8> {
    let header = |name: &str| {
        seen.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    serde_json::json!({
        "method": seen.method,
        "target": seen.target,
        "contentType": header("content-type"),
        "authorization": header("authorization"),
        "custom": header("x-custom"),
        "userAgent": header("user-agent").map(|u| u.split(' ').next_back().unwrap_or_default().to_string()),
        "body": String::from_utf8_lossy(&seen.body),
    })
    .to_string()
    .into_bytes()
}

fn handle(mut stream: impl Read + Write) {
    let Some(seen) = read_request(&mut stream) else {
        return;
    };
    let path = seen
        .target
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    let json = [("Content-Type", "application/json; charset=utf-8")];
    match path.as_str() {
        "/user" => respond(
            &mut stream,
            "200 OK",
            &json,
            br#"{"name":"Ken Sanchez","mailboxes":2,"enabled":true,"aliases":["ken","ksanchez"]}"#,
        ),
        "/users" => respond(
            &mut stream,
            "200 OK",
            &json,
            br#"[{"name":"Ken","size":10},{"name":"Pilar","size":20}]"#,
        ),
        "/text" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/plain")],
            b"plain words",
        ),
        "/page" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/html"), ("X-Served-By", "loopback")],
            br#"<p><a href="/one">One</a><img src="logo.png" alt=logo><input name="q" value='x'></p>"#,
        ),
        "/long" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/plain")],
            "x".repeat(250).as_bytes(),
        ),
        "/bytes" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "application/octet-stream")],
            &[0, 1, 2, 255],
        ),
        "/echo" => respond(&mut stream, "200 OK", &json, &echo(&seen)),
        "/missing" => respond(
            &mut stream,
            "404 Not Found",
            &json,
            br#"{"error":{"code":"NotFound","message":"No such mailbox"}}"#,
        ),
        "/broken" => respond(
            &mut stream,
            "500 Internal Server Error",
            &[("Content-Type", "text/html")],
            b"<html><body><h1>Server fault</h1></body></html>",
        ),
        "/empty404" => respond(&mut stream, "404 Not Found", &[], b""),
        "/moved" => respond(&mut stream, "302 Found", &[("Location", "/text")], b""),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            respond(&mut stream, "200 OK", &[], b"late");
        }
        _ => respond(&mut stream, "404 Not Found", &[], b""),
    }
}

/// The server's base address (`http://127.0.0.1:PORT`), started once for all tests.
fn server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || handle(stream));
            }
        });
        format!("http://127.0.0.1:{port}")
    })
}

/// An HTTPS server on loopback with a self-signed certificate for `127.0.0.1`, answering
/// as [`server`] does.
fn tls_server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let config = loopback::self_signed_tls();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let config = config.clone();
                std::thread::spawn(move || {
                    if let Ok(conn) = rustls::ServerConnection::new(config) {
                        handle(rustls::StreamOwned::new(conn, stream));
                    }
                });
            }
        });
        format!("https://127.0.0.1:{port}")
    })
}

/// Runs a script (with `{url}` replaced by the server's address) in a private folder and
/// returns its standard output and standard error.
fn run(script: &str) -> (String, String) {
    run_in(&TempOrg::new(), script)
}

/// Runs a script as `run` does, in `org`'s folder (where relative -OutFile paths land).
fn run_in(org: &TempOrg, script: &str) -> (String, String) {
    let text = script
        .replace("{url}", server())
        .replace("{https}", tls_server());
    loopback::run_in(org, &text)
}

fn stdout(script: &str) -> String {
    let (out, err) = run(script);
    assert_eq!(err, "", "no errors expected from {script}");
    out
}

#[test]
fn json_answers_become_objects() {
    assert_eq!(
        stdout("Invoke-RestMethod {url}/user"),
        "\nname        mailboxes enabled aliases\n----        --------- ------- -------\nKen Sanchez         2    True {ken, ksanchez}\n\n"
    );
    assert_eq!(
        stdout("$u = irm {url}/user; $u.aliases[1]; $u.mailboxes + 1"),
        "ksanchez\n3\n"
    );
}

#[test]
fn a_json_array_is_one_array_object() {
    // pwsh writes the array without enumerating it: the pipeline sees one object.
    assert_eq!(
        stdout(
            "(Invoke-RestMethod {url}/users | Measure-Object).Count; (irm {url}/users).Count; (irm {url}/users)[1].name"
        ),
        "1\n2\nPilar\n"
    );
}

#[test]
fn text_answers_stay_text() {
    assert_eq!(stdout("Invoke-RestMethod {url}/text"), "plain words\n");
}

#[test]
fn method_headers_body_and_content_type_are_sent() {
    let out = stdout(
        r#"$r = Invoke-RestMethod -Uri {url}/echo -Method Post -Body '{"a":1}' -ContentType 'application/json' -Headers @{'X-Custom'='yes'}
"$($r.method) $($r.target) $($r.contentType) $($r.custom) $($r.body)""#,
    );
    assert_eq!(out, "POST /echo application/json yes {\"a\":1}\n");
}

#[test]
fn a_hashtable_body_is_a_form_or_a_query() {
    let out = stdout(
        r#"$r = Invoke-RestMethod {url}/echo -Method Post -Body @{name='Ken Sanchez'; dept='R&D'}
"$($r.contentType)|$($r.body)"
(Invoke-RestMethod {url}/echo?x=1 -Body @{q='a b'}).target"#,
    );
    assert_eq!(
        out,
        "application/x-www-form-urlencoded|name=Ken+Sanchez&dept=R%26D\n/echo?x=1&q=a+b\n"
    );
}

#[test]
fn bytes_are_sent_as_bytes_and_piped_bodies_are_sent() {
    let out = stdout(
        r#"(Invoke-RestMethod {url}/echo -Method Put -Body ([byte[]](104, 105))).body
('piped' | Invoke-RestMethod {url}/echo -Method Post).body"#,
    );
    assert_eq!(out, "hi\npiped\n");
}

#[test]
fn bearer_and_basic_authentication() {
    let out = stdout(
        r#"$t = ConvertTo-SecureString 'tok123' -AsPlainText
(Invoke-RestMethod {url}/echo -Authentication Bearer -Token $t -AllowUnencryptedAuthentication).authorization
$c = [pscustomobject]@{UserName='admin'; Password=(ConvertTo-SecureString 'pw' -AsPlainText)}
(Invoke-RestMethod {url}/echo -Credential $c -AllowUnencryptedAuthentication).authorization"#,
    );
    assert_eq!(out, "Bearer tok123\nBasic YWRtaW46cHc=\n");
}

#[test]
fn secrets_over_plain_http_are_refused() {
    let (out, err) = run(
        "try { Invoke-RestMethod {url}/echo -Authentication Bearer -Token (ConvertTo-SecureString t -AsPlainText) } catch { $_.FullyQualifiedErrorId }",
    );
    assert_eq!(
        (out.as_str(), err.as_str()),
        (
            "WebCmdletAllowUnencryptedAuthenticationRequiredException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand\n",
            ""
        )
    );
}

#[test]
fn http_errors_show_the_server_s_answer() {
    let (out, err) = run("Invoke-RestMethod {url}/missing");
    assert_eq!(out, "");
    // ConciseView shows the error details (the JSON answer, indented) in place of the
    // exception's message.
    assert_eq!(
        err,
        "Invoke-RestMethod: \n{\n  \"error\": {\n    \"code\": \"NotFound\",\n    \"message\": \"No such mailbox\"\n  }\n}\n"
    );
    let out = stdout(
        r#"try { Invoke-WebRequest {url}/broken } catch {
  $_.Exception.Message; $_.ErrorDetails.Message; $_.FullyQualifiedErrorId; $_.Exception.Response.StatusCode; "$($_.CategoryInfo.Category)"
}"#,
    );
    assert_eq!(
        out,
        "Response status code does not indicate success: 500 (Internal Server Error).\nServer fault\nWebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand\nInternalServerError\nInvalidOperation\n"
    );
    let (_, err) = run("Invoke-WebRequest {url}/empty404");
    assert_eq!(
        err,
        "Invoke-WebRequest: Response status code does not indicate success: 404 (Not Found).\n"
    );
}

#[test]
fn skip_http_error_check_returns_the_answer() {
    assert_eq!(
        stdout(
            "(Invoke-WebRequest {url}/missing -SkipHttpErrorCheck).StatusCode; Invoke-WebRequest {url}/empty404 -SkipHttpErrorCheck -StatusCodeVariable sc | Out-Null; $sc"
        ),
        "404\n404\n"
    );
}

#[test]
fn redirects_are_followed_unless_forbidden() {
    assert_eq!(stdout("Invoke-RestMethod {url}/moved"), "plain words\n");
    let (out, err) =
        run("(Invoke-WebRequest {url}/moved -MaximumRedirection 0 -SkipHttpErrorCheck).StatusCode");
    assert_eq!(out, "302\n");
    assert_eq!(
        err,
        "Invoke-WebRequest: The maximum redirection count has been exceeded. To increase the number of redirections allowed, supply a higher value to the -MaximumRedirection parameter.\n"
    );
}

#[test]
fn a_time_out_stops_the_request() {
    let (out, err) = run("Invoke-RestMethod {url}/slow -TimeoutSec 1");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "Invoke-RestMethod: The request was canceled due to the configured HttpClient.Timeout of 1 seconds elapsing.\n"
    );
}

#[test]
fn web_request_object_and_its_view() {
    let out = stdout("Invoke-WebRequest {url}/page");
    let page = "<p><a href=\"/one\">One</a><img src=\"logo.png\" alt=logo><input name=\"q\" value='x'></p>";
    let raw = format!(
        "HTTP/1.1 200 OK\nContent-Type: text/html\nX-Served-By: loopback\nContent-Length: {}\nConnection: close\n\n{page}",
        page.len()
    );
    // The view's rule: the first 200 characters, `…` after them when there were 200.
    let mut raw_shown: String = raw.chars().take(200).collect();
    if raw_shown.chars().count() == 200 {
        raw_shown.push('…');
    }
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "StatusCode        : 200");
    assert_eq!(lines[2], "StatusDescription : OK");
    assert_eq!(lines[3], format!("Content           : {page}"));
    let raw_lines: Vec<String> = raw_shown
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("RawContent        : {l}")
            } else {
                format!("                    {l}")
            }
        })
        .collect();
    assert_eq!(
        lines[4..4 + raw_lines.len()].join("\n"),
        raw_lines.join("\n")
    );
    let rest = &lines[4 + raw_lines.len()..];
    // The Headers line is not compared: pwsh shows each entry's value as
    // `System.String[]`, exosh (whose arrays carry no element type) as its text.
    assert!(rest[0].starts_with("Headers           : {[Content-Type, "));
    assert_eq!(
        rest[1..6].join("\n"),
        format!(
            "Images            : {{@{{outerHTML=<img src=\"logo.png\" alt=logo>; tagName=IMG; src=logo.png; alt=logo}}}}\nInputFields       : {{@{{outerHTML=<input name=\"q\" value='x'>; tagName=INPUT; name=q; value=x}}}}\nLinks             : {{@{{outerHTML=<a href=\"/one\">One</a>; tagName=A; href=/one}}}}\nRawContentLength  : {}\nRelationLink      : {{}}",
            page.len()
        )
    );
}

#[test]
fn the_view_cuts_long_content_at_200_characters() {
    let out = stdout("Invoke-WebRequest {url}/long");
    // The value wraps at the output width; its pieces joined give the shown text.
    let mut content = String::new();
    let mut inside = false;
    for line in out.lines() {
        if let Some(v) = line.strip_prefix("Content           : ") {
            inside = true;
            content.push_str(v.trim_end());
        } else if inside && line.starts_with("                    ") {
            content.push_str(line.trim());
        } else {
            inside = false;
        }
    }
    assert_eq!(content, "x".repeat(200) + "…");
}

#[test]
fn web_request_properties() {
    assert_eq!(
        stdout(
            "$r = iwr {url}/long; $r.Content.Length; $r.Headers['Content-Type']; $r.Links.Count; (iwr {url}/bytes).Content -eq ''; (iwr {url}/bytes).RawContentLength"
        ),
        "250\ntext/plain\n0\nTrue\n4\n"
    );
}

#[test]
fn out_file_saves_the_body() {
    let org = TempOrg::new();
    let (out, err) = run_in(
        &org,
        "Invoke-WebRequest {url}/bytes -OutFile got.bin
$r = Invoke-RestMethod {url}/text -OutFile t.txt -PassThru; $r; Get-Content t.txt",
    );
    assert_eq!(
        (out.as_str(), err.as_str()),
        ("plain words\nplain words\n", "")
    );
    let saved = std::fs::read(org.dir.join("got.bin")).expect("saved file");
    assert_eq!(saved, [0, 1, 2, 255]);
}

#[test]
fn the_user_agent_names_the_shell() {
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        stdout("(irm {url}/echo).userAgent; (irm {url}/echo -UserAgent 'Custom/1.0').userAgent"),
        format!("exosh/{version}\nCustom/1.0\n")
    );
}

#[test]
fn an_untrusted_certificate_is_refused_unless_the_check_is_skipped() {
    let (out, err) = run("Invoke-RestMethod {https}/text");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "Invoke-RestMethod: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot\n"
    );
    assert_eq!(
        stdout("Invoke-RestMethod {https}/text -SkipCertificateCheck"),
        "plain words\n"
    );
}

#[test]
fn a_refused_connection_names_the_address() {
    let out = stdout(
        "try { Invoke-RestMethod http://127.0.0.1:1/ } catch { $_.Exception.Message; $_.ErrorDetails.Message }",
    );
    assert_eq!(
        out,
        "Connection refused (127.0.0.1:1)\nConnection refused\n"
    );
}
