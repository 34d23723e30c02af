//! Signing in to `exosh serve` as to Microsoft's identity platform, end to end on
//! loopback: a real server, spoken to in raw HTTP (every status, header and body byte is
//! the server's), a real browser for `/devicelogin`, certificates made by the test.
//!
//! - the device-code flow: discovery, a code, a signed-in user approving it in the
//!   browser, the tokens, a refresh, the token running a command;
//! - its refusals: nobody approved, expired, declined, redeemed twice, polled too fast,
//!   guessed user codes (rate-limited), forms from elsewhere;
//! - the client-credentials flow with an application's certificate, and each refusal:
//!   another certificate's signature, expired, replayed, wrong audience, clock skew.

mod browser;
mod common;
#[path = "signin/http.rs"]
mod http;
#[path = "signin/keys.rs"]
mod keys;
#[path = "remote/server.rs"]
mod server;

use std::time::Duration;

use http::*;
use serde_json::json;
use server::{ADMIN, Reply, Scratch, Server, TENANT, token};

#[test]
fn discovery_names_the_endpoints_a_client_uses() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &[]);
    for tenant in [TENANT, "organizations"] {
        let reply = get(
            server.port,
            &format!("/{tenant}/v2.0/.well-known/openid-configuration"),
            None,
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
        let config = reply.json();
        let authority = format!("{}/{tenant}", server.base);
        assert_eq!(
            config["token_endpoint"],
            format!("{authority}/oauth2/v2.0/token")
        );
        assert_eq!(
            config["device_authorization_endpoint"],
            format!("{authority}/oauth2/v2.0/devicecode")
        );
        assert_eq!(
            config["authorization_endpoint"],
            format!("{authority}/oauth2/v2.0/authorize")
        );
        assert_eq!(config["issuer"], format!("{}/{TENANT}/v2.0", server.base));
    }
    let unknown = get(
        server.port,
        "/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration",
        None,
    );
    assert_eq!(unknown.status, 400);
    assert_eq!(oauth_error(&unknown), ("invalid_request".into(), 90002));
}

#[test]
fn a_device_code_approved_by_its_user_gives_tokens_once() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &["--poll-interval", "0"]);
    let port = server.port;
    let reply = post_form(
        port,
        &oauth("organizations", "devicecode"),
        None,
        &[
            ("client_id", MODULE),
            (
                "scope",
                "https://outlook.office365.com/.default offline_access openid profile",
            ),
        ],
    );
    let flow = reply.json();
    let (device_code, user_code) = (
        flow["device_code"].as_str().expect("device code"),
        flow["user_code"].as_str().expect("user code"),
    );
    let verification = format!("{}/devicelogin", server.base);
    assert_eq!(flow["verification_uri"], verification.as_str());
    assert_eq!(
        flow["message"],
        format!(
            "To sign in, use a web browser to open the page {verification} and enter the code {user_code} to authenticate."
        )
    );
    assert_eq!(
        (flow["expires_in"].as_i64(), flow["interval"].as_i64()),
        (Some(900), Some(0))
    );

    let pending = poll(port, device_code);
    assert_eq!(pending.status, 400);
    assert_eq!(
        oauth_error(&pending),
        ("authorization_pending".into(), 70016)
    );

    let session = sign_in(&scratch, port, ADMIN);
    let approved = answer(port, &session, &user_code.to_lowercase(), "approve");
    assert_eq!(approved.status, 200, "{}", approved.body);
    assert!(
        approved.body.contains("You're signed in"),
        "{}",
        approved.body
    );

    let tokens = poll(port, device_code);
    assert_eq!(tokens.status, 200, "{}", tokens.body);
    let tokens = tokens.json();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 3600);
    for field in ["access_token", "refresh_token", "id_token", "client_info"] {
        assert!(tokens[field].is_string(), "{field}: {tokens}");
    }
    let access = tokens["access_token"].as_str().expect("token");
    let reply = invoke(
        port,
        access,
        "Get-CASMailbox",
        json!({"Identity": "Ken Sanchez"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);

    // A code is redeemed once.
    let again = poll(port, device_code);
    assert_eq!(oauth_error(&again), ("invalid_grant".into(), 70000));

    // The refresh token gives new tokens to the same client, and to no other.
    let refresh = |client: &str, token: &str| {
        post_form(
            port,
            &oauth(TENANT, "token"),
            None,
            &[
                ("grant_type", "refresh_token"),
                ("client_id", client),
                ("refresh_token", token),
            ],
        )
    };
    let refresh_token = tokens["refresh_token"].as_str().expect("refresh token");
    let refreshed = refresh(MODULE, refresh_token);
    assert_eq!(refreshed.status, 200, "{}", refreshed.body);
    let renewed = refreshed.json();
    assert!(renewed["refresh_token"].is_string());
    let reply = invoke(
        port,
        renewed["access_token"].as_str().expect("token"),
        "Get-CASMailbox",
        json!({"Identity": "Ken Sanchez"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        oauth_error(&refresh(APP, refresh_token)),
        ("invalid_grant".into(), 70000)
    );
    let forged = format!("{}x", &refresh_token[..refresh_token.len() - 1]);
    assert_eq!(
        oauth_error(&refresh(MODULE, &forged)),
        ("invalid_grant".into(), 9002313)
    );
}

#[test]
fn device_codes_nobody_approves_or_that_are_declined_give_nothing() {
    let scratch = Scratch::new();
    let server = Server::start(
        &scratch,
        &["--device-code-lifetime", "2s", "--poll-interval", "2"],
    );
    let port = server.port;
    let session = sign_in(&scratch, port, ADMIN);

    // Approved by nobody: pending, then expired; the page no longer takes the code.
    let (forgotten, forgotten_user) = start_flow(port, TENANT, &[]);
    assert_eq!(
        oauth_error(&poll(port, &forgotten)).0,
        "authorization_pending"
    );
    std::thread::sleep(Duration::from_millis(2200));
    let expired = poll(port, &forgotten);
    assert_eq!(oauth_error(&expired), ("expired_token".into(), 70019));
    let late = post_form(
        port,
        "/devicelogin",
        Some(&session.0),
        &[("code", &forgotten_user), ("session", &session.1)],
    );
    assert_eq!(late.status, 400);
    assert!(
        late.body.contains("That code has expired."),
        "{}",
        late.body
    );

    // Declined: the client is told so, and the code cannot be approved afterwards.
    let (declined, declined_user) = start_flow(port, TENANT, &[]);
    let cancelled = answer(port, &session, &declined_user, "decline");
    assert!(
        cancelled.body.contains("Sign-in cancelled"),
        "{}",
        cancelled.body
    );
    assert_eq!(
        oauth_error(&poll(port, &declined)),
        ("authorization_declined".into(), 65004)
    );
    let reuse = post_form(
        port,
        "/devicelogin",
        Some(&session.0),
        &[("code", &declined_user), ("session", &session.1)],
    );
    assert!(
        reuse.body.contains("That code has already been used."),
        "{}",
        reuse.body
    );

    // Polled faster than the interval: slow_down.
    let (hurried, _) = start_flow(port, TENANT, &[]);
    assert_eq!(
        oauth_error(&poll(port, &hurried)).0,
        "authorization_pending"
    );
    assert_eq!(oauth_error(&poll(port, &hurried)).0, "slow_down");

    // A device code this server never issued.
    assert_eq!(
        oauth_error(&poll(port, "not-a-code")).0,
        "bad_verification_code"
    );
}

#[test]
fn the_approval_pages_take_forms_only_from_the_signed_in_users_own_pages() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &[]);
    let port = server.port;
    let (_, user_code) = start_flow(port, TENANT, &[("login_hint", "ken@contoso.com")]);
    let (cookie, form_token) = sign_in(&scratch, port, ADMIN);

    // No cookie: the page says how to sign in. A cookie without its form token, or a
    // forged cookie: refused.
    let anonymous = post_form(port, "/devicelogin", None, &[("code", &user_code)]);
    assert!(
        anonymous.body.contains("Sign in to enter a code"),
        "{}",
        anonymous.body
    );
    let cross_site = post_form(port, "/devicelogin", Some(&cookie), &[("code", &user_code)]);
    assert_eq!(cross_site.status, 403);
    let forged = cookie.replace("exosh_session=", "exosh_session=x");
    let forged = post_form(
        port,
        "/devicelogin",
        Some(&forged),
        &[("code", &user_code), ("session", &form_token)],
    );
    assert!(
        forged.body.contains("Sign in to enter a code"),
        "{}",
        forged.body
    );

    // A sign-in started for another user offers only Cancel, and an approval is refused.
    let found = post_form(
        port,
        "/devicelogin",
        Some(&cookie),
        &[("code", &user_code), ("session", &form_token)],
    );
    assert!(
        found
            .body
            .contains("The application asked to sign in as ken@contoso.com"),
        "{}",
        found.body
    );
    assert!(!found.body.contains(">Continue</button>"), "{}", found.body);
    let pushed = post_form(
        port,
        "/devicelogin/decision",
        Some(&cookie),
        &[
            ("code", &user_code),
            ("session", &form_token),
            ("decision", "approve"),
        ],
    );
    assert!(!pushed.body.contains("You're signed in"), "{}", pushed.body);

    // An application's token does not sign a browser in; a bad token says why.
    let bad = get(port, "/devicelogin?token=not-a-token", None);
    assert_eq!(bad.status, 401);
    assert!(bad.header("set-cookie").is_none());
}

#[test]
fn guessing_user_codes_is_rate_limited() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &[]);
    let port = server.port;
    let (_, user_code) = start_flow(port, TENANT, &[]);
    let (cookie, form_token) = sign_in(&scratch, port, ADMIN);
    let enter = |code: &str| {
        post_form(
            port,
            "/devicelogin",
            Some(&cookie),
            &[("code", code), ("session", &form_token)],
        )
    };
    for guess in [
        "BBBBBBBBB",
        "CCCCCCCCC",
        "DDDDDDDDD",
        "FFFFFFFFF",
        "GGGGGGGGG",
    ] {
        let wrong = enter(guess);
        assert_eq!(wrong.status, 400);
        assert!(
            wrong.body.contains("That code didn't work."),
            "{}",
            wrong.body
        );
    }
    let limited = enter(&user_code);
    assert_eq!(limited.status, 429);
    assert!(
        limited.body.contains("Too many wrong codes."),
        "{}",
        limited.body
    );
}

#[test]
fn a_device_code_is_approved_in_a_real_browser() {
    let Some(browser) = browser::Browser::start("a_device_code_is_approved_in_a_real_browser")
    else {
        return;
    };
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &["--poll-interval", "0"]);
    let (device_code, user_code) = start_flow(server.port, "organizations", &[]);

    browser.goto(&format!(
        "{}/devicelogin?token={}",
        server.base,
        token(&scratch, ADMIN, None)
    ));
    assert_eq!(
        browser.url(),
        format!("{}/devicelogin", server.base),
        "the token left the address bar"
    );
    assert_eq!(
        browser.script("return document.cookie"),
        json!(""),
        "no script reads the session"
    );
    assert_eq!(browser.title(), "Enter code to allow access");
    browser.fill("Code", &user_code);
    browser.click_button("Next");
    let asking = "Are you trying to sign in to Microsoft Exchange REST API Based Powershell?";
    assert_eq!(browser.wait_for_title(asking), asking);
    let text = browser.text();
    assert!(
        text.contains(MODULE) && text.contains("https://outlook.office365.com/.default"),
        "{text}"
    );
    browser.click_button("Continue");
    assert_eq!(
        browser.wait_for_title("You're signed in"),
        "You're signed in"
    );

    let tokens = poll(server.port, &device_code);
    assert_eq!(tokens.status, 200, "{}", tokens.body);
    let access = tokens.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let reply = invoke(
        server.port,
        &access,
        "Get-CASMailbox",
        json!({"Identity": "Ken Sanchez"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
}

/// A client-credentials request for the application, with `extra` fields (the assertion).
fn client_credentials(port: u16, tenant: &str, extra: &[(&str, &str)]) -> Reply {
    let mut fields = vec![
        ("grant_type", "client_credentials"),
        ("client_id", APP),
        ("scope", "https://outlook.office365.com/.default"),
        ("client_assertion_type", ASSERTION_TYPE),
    ];
    fields.extend_from_slice(extra);
    post_form(port, &oauth(tenant, "token"), None, &fields)
}

#[test]
fn an_application_signs_in_with_its_certificate_and_nothing_else_passes() {
    let scratch = Scratch::new();
    let key = keys::AppKey::new("Contoso automation");
    let pem = scratch.dir.join("app.pem");
    // The file holds the key too, as many do: only the certificate is registered.
    std::fs::write(&pem, key.pem_pair()).expect("written");
    let added = app_add(&scratch, APP, &pem);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let said = String::from_utf8_lossy(&added.stdout);
    assert!(
        said.starts_with(&format!(
            "Registered the certificate {} (CN=Contoso automation",
            key.thumbprint()
        )),
        "{said}"
    );
    let again = app_add(&scratch, APP, &pem);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("Already registered:"));
    let junk = scratch.dir.join("junk.pem");
    std::fs::write(&junk, "not a certificate").expect("written");
    let refused = app_add(&scratch, APP, &junk);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cannot be used"));

    // Exchange gives an application its rights with a role assignment.
    common::run(
        &scratch.open(),
        "New-ManagementRoleAssignment",
        json!({"Role": "Mail Recipients", "App": APP}),
    )
    .expect("assigned");
    let server = Server::start(&scratch, &[]);
    let port = server.port;
    let endpoint = format!("{}/{TENANT}/oauth2/v2.0/token", server.base);
    let grant = |assertion: &str| {
        client_credentials(
            port,
            TENANT,
            &[("client_assertion", assertion), ("client_info", "1")],
        )
    };

    // As MSAL signs it (RS256, x5t padded, fractional times, no nbf): a token.
    let good = key.msal_style_assertion(APP, &endpoint);
    let reply = grant(&good);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = reply.json();
    assert_eq!(answer["token_type"], "Bearer");
    assert!(
        answer.get("refresh_token").is_none(),
        "an application signs in again instead"
    );
    let access = answer["access_token"].as_str().expect("token");
    let ran = invoke(
        port,
        access,
        "Get-CASMailbox",
        json!({"Identity": "Ken Sanchez"}),
    );
    assert_eq!(ran.status, 200, "{}", ran.body);

    // Replayed.
    assert_eq!(oauth_error(&grant(&good)), ("invalid_client".into(), 50013));
    assert!(grant(&good).body.contains("already used"));

    let now = keys::now_seconds();
    let header = json!({"alg": "RS256", "typ": "JWT", "x5t": key.x5t()});
    let claims = |aud: &str, nbf: f64, exp: f64| json!({"aud": aud, "iss": APP, "sub": APP, "jti": keys::unique_id(), "nbf": nbf, "exp": exp});
    let refused = |assertion: String, code: u64| {
        let reply = grant(&assertion);
        assert_eq!(reply.status, 401, "{}", reply.body);
        assert_eq!(
            oauth_error(&reply),
            ("invalid_client".into(), code),
            "{}",
            reply.body
        );
    };
    // Signed by another certificate's key, under this certificate's thumbprint.
    let stranger = keys::AppKey::new("Mallory");
    refused(
        stranger.sign_jwt(&header, &claims(&endpoint, now, now + 600.0)),
        700027,
    );
    // Naming a certificate that is not registered.
    refused(stranger.msal_style_assertion(APP, &endpoint), 700027);
    // Expired, beyond the 5 minutes of clock skew.
    refused(
        key.sign_jwt(&header, &claims(&endpoint, now - 1000.0, now - 400.0)),
        700024,
    );
    // Not valid yet, beyond the skew.
    refused(
        key.sign_jwt(&header, &claims(&endpoint, now + 400.0, now + 1000.0)),
        700024,
    );
    // For another token endpoint (Entra's).
    let entra = format!("https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token");
    refused(
        key.sign_jwt(&header, &claims(&entra, now, now + 600.0)),
        50013,
    );
    // Issued for another application.
    let mut other_issuer = claims(&endpoint, now, now + 600.0);
    other_issuer["iss"] = json!(MODULE);
    refused(key.sign_jwt(&header, &other_issuer), 700021);

    // A client whose clock is 4 minutes fast or slow is still let in.
    for shift in [240.0, -240.0] {
        let skewed = key.sign_jwt(&header, &claims(&endpoint, now + shift, now + shift + 60.0));
        assert_eq!(grant(&skewed).status, 200, "clock {shift:+} s");
    }

    // The tenant aliases and client secrets are not for this grant.
    let assertion = key.msal_style_assertion(APP, &endpoint);
    let on_alias = client_credentials(port, "organizations", &[("client_assertion", &assertion)]);
    assert_eq!(oauth_error(&on_alias), ("invalid_request".into(), 9001023));
    let secret = client_credentials(port, TENANT, &[("client_secret", "hunter2")]);
    assert_eq!(oauth_error(&secret), ("invalid_client".into(), 7000215));
}

#[test]
fn revoked_tokens_get_a_claims_challenge_and_their_refresh_tokens_are_refused() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &["--poll-interval", "0"]);
    let port = server.port;
    let (device_code, user_code) = start_flow(port, TENANT, &[]);
    let session = sign_in(&scratch, port, ADMIN);
    answer(port, &session, &user_code, "approve");
    let tokens = poll(port, &device_code).json();
    let access = tokens["access_token"].as_str().expect("token").to_string();
    let refresh_token = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let ken = || json!({"Identity": "Ken Sanchez"});
    assert_eq!(invoke(port, &access, "Get-CASMailbox", ken()).status, 200);

    // Tokens carry whole seconds: revoke in a later second than they were issued in.
    std::thread::sleep(Duration::from_millis(1100));
    let revoked = scratch
        .exosh()
        .args(["token", "--revoke", ADMIN])
        .output()
        .expect("exosh token --revoke runs");
    assert!(
        revoked.status.success(),
        "{}",
        String::from_utf8_lossy(&revoked.stderr)
    );

    let refused = invoke(
        port,
        &access,
        "Set-CASMailbox",
        json!({"Identity": "Ken Sanchez", "PopEnabled": false}),
    );
    assert_eq!(refused.status, 401, "{}", refused.body);
    let challenge = refused.header("www-authenticate").expect("a challenge");
    assert!(
        challenge.contains("error=\"insufficient_claims\"") && challenge.contains("claims=\""),
        "{challenge}"
    );
    let pop = |token: &str| {
        invoke(port, token, "Get-CASMailbox", ken()).json()["value"][0]["PopEnabled"].clone()
    };

    let renewed = post_form(
        port,
        &oauth(TENANT, "token"),
        None,
        &[
            ("grant_type", "refresh_token"),
            ("client_id", MODULE),
            ("refresh_token", &refresh_token),
        ],
    );
    assert_eq!(oauth_error(&renewed), ("invalid_grant".into(), 50173));

    // The browser session ended too: the user signs in again, and a fresh device code
    // gives a token that works; the refused change was not made.
    let page = get(port, "/devicelogin", Some(&session.0));
    assert!(
        page.body.contains("Sign in to enter a code"),
        "{}",
        page.body
    );
    let session = sign_in(&scratch, port, ADMIN);
    let (device_code, user_code) = start_flow(port, TENANT, &[]);
    answer(port, &session, &user_code, "approve");
    let fresh = poll(port, &device_code).json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    assert_eq!(pop(&fresh), json!(true));
}
