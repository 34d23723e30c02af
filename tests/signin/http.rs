//! What the sign-in tests share: raw HTTP requests to a server's sign-in endpoints and
//! pages, a browser session made by hand (`?token=`, the cookie and the form token), a
//! device code approved or declined through the server's own forms, and `exosh app add`.

#![allow(dead_code)]

use serde_json::Value;

use crate::server::{Reply, Scratch, TENANT, body, request, token};

pub const MODULE: &str = "fb78d390-0c51-40cd-8e17-fdbfab77341b";
pub const APP: &str = "6e0a1c2d-3b4f-4a5e-8d7c-9b1a2c3d4e5f";
pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

pub fn form(fields: &[(&str, &str)]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
        .into_bytes()
}

/// POSTs a form (with a cookie when given).
pub fn post_form(port: u16, path: &str, cookie: Option<&str>, fields: &[(&str, &str)]) -> Reply {
    let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
    if let Some(cookie) = cookie {
        headers.push(("Cookie", cookie));
    }
    request(port, "POST", path, &headers, &form(fields))
}

pub fn get(port: u16, path: &str, cookie: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = cookie.map(|c| vec![("Cookie", c)]).unwrap_or_default();
    request(port, "GET", path, &headers, b"")
}

pub fn oauth(tenant: &str, endpoint: &str) -> String {
    format!("/{tenant}/oauth2/v2.0/{endpoint}")
}

/// The identity platform's error shape, checked; the error and the AADSTS code.
pub fn oauth_error(reply: &Reply) -> (String, u64) {
    let body = reply.json();
    let error = body["error"].as_str().unwrap_or_default().to_string();
    let code = body["error_codes"][0].as_u64().unwrap_or_default();
    let description = body["error_description"].as_str().unwrap_or_default();
    assert!(
        description.starts_with(&format!("AADSTS{code}: ")),
        "{}",
        reply.body
    );
    for field in ["timestamp", "trace_id", "correlation_id", "error_uri"] {
        assert!(body[field].is_string(), "{field} in {}", reply.body);
    }
    assert!(body.get("access_token").is_none());
    (error, code)
}

/// A started device flow: (device code, user code).
pub fn start_flow(port: u16, tenant: &str, extra: &[(&str, &str)]) -> (String, String) {
    let mut fields = vec![
        ("client_id", MODULE),
        (
            "scope",
            "https://outlook.office365.com/.default offline_access openid profile",
        ),
    ];
    fields.extend_from_slice(extra);
    let reply = post_form(port, &oauth(tenant, "devicecode"), None, &fields);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let flow = reply.json();
    (
        flow["device_code"]
            .as_str()
            .expect("device code")
            .to_string(),
        flow["user_code"].as_str().expect("user code").to_string(),
    )
}

pub fn poll(port: u16, device_code: &str) -> Reply {
    post_form(
        port,
        &oauth(TENANT, "token"),
        None,
        &[
            ("grant_type", DEVICE_GRANT),
            ("client_id", MODULE),
            ("device_code", device_code),
            ("client_info", "1"),
        ],
    )
}

/// A browser session for `upn` made by raw requests: the cookie and the form token.
pub fn sign_in(scratch: &Scratch, port: u16, upn: &str) -> (String, String) {
    let reply = get(
        port,
        &format!("/devicelogin?token={}", token(scratch, upn, None)),
        None,
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), Some("/devicelogin"));
    let set = reply.header("set-cookie").expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attribute), "{set}");
    }
    let cookie = set.split(';').next().expect("name=value").to_string();
    let page = get(port, "/devicelogin", Some(&cookie));
    assert!(
        page.body.contains(&format!("Signed in as {upn}.")),
        "{}",
        page.body
    );
    (cookie, form_token(&page.body))
}

pub fn form_token(html: &str) -> String {
    let marker = "name=\"session\" value=\"";
    let start = html.find(marker).expect("a form token") + marker.len();
    html[start..].split('"').next().expect("value").to_string()
}

/// Enters a user code at `/devicelogin`, then Continue or Cancel.
pub fn answer(port: u16, session: &(String, String), user_code: &str, decision: &str) -> Reply {
    let (cookie, form_token) = session;
    let found = post_form(
        port,
        "/devicelogin",
        Some(cookie),
        &[("code", user_code), ("session", form_token)],
    );
    assert_eq!(found.status, 200, "{}", found.body);
    assert!(
        found
            .body
            .contains("Are you trying to sign in to Microsoft Exchange REST API Based Powershell?"),
        "{}",
        found.body
    );
    post_form(
        port,
        "/devicelogin/decision",
        Some(cookie),
        &[
            ("code", user_code),
            ("session", form_token),
            ("decision", decision),
        ],
    )
}

pub fn invoke(port: u16, token: &str, cmdlet: &str, parameters: Value) -> Reply {
    request(
        port,
        "POST",
        &format!("/adminapi/beta/{TENANT}/InvokeCommand"),
        &[
            ("Authorization", &format!("Bearer {token}")),
            ("Content-Type", "application/json"),
        ],
        &body(cmdlet, parameters),
    )
}

/// `exosh app add` on the scratch organisation; its output.
pub fn app_add(scratch: &Scratch, app_id: &str, file: &std::path::Path) -> std::process::Output {
    scratch
        .exosh()
        .args(["app", "add", app_id, "--certificate"])
        .arg(file)
        .output()
        .expect("exosh app add runs")
}
