//! The admin web page at `/`: an Exchange admin center (EAC) for the served organisation,
//! where the procedure of Microsoft's documentation works as written: Recipients ›
//! Mailboxes, click the mailbox, Edit, Mailbox Features, under Email Connectivity Disable
//! (a warning asks whether you're sure: Yes) or Enable, Save.
//!
//! Server-rendered HTML with a little plain script and a style sheet, both compiled into
//! the binary and served from `/assets/` (the pages load nothing from anywhere else).
//! Every control is a real `<button>`, link, `<summary>` or labelled `<input>`, so its
//! accessible name is its visible text and it works with the keyboard alone.
//!
//! The page reads and changes the organisation only by running cmdlets for the signed-in
//! user through [`ServerState::run`], the door the InvokeCommand endpoint uses, so every
//! check and record that applies to a command sent to the endpoint applies to the page's.
//! Sign-in is the shared browser session ([`super::session`]); every change is a POST
//! carrying the session's nonce.
//!
//! - `GET /`: the admin center's start (or how to sign in);
//! - [`mailboxes`]: the mailbox list, searched and paged by the server;
//! - [`properties`]: a mailbox's properties, Mailbox Features, bulk edit and Save.

mod mailboxes;
mod properties;

use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::html::{self, escape};
use super::oauth::Form;
use super::session::{self, Session};
use super::{Peer, ServerState};
use crate::exchange::audit::Caller;
use crate::exchange::{ExchangeError, Object, Request};

const STYLE: &str = include_str!("eac.css");
const SCRIPT: &str = include_str!("eac.js");

/// What the admin pages may load: their own script and style sheet, nothing else.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The product's name, as the pages' titles end.
const PRODUCT: &str = "Exchange admin center";

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new()
        .route("/", get(home))
        .route(
            "/assets/eac.css",
            get(|| async { asset(STYLE, "text/css") }),
        )
        .route(
            "/assets/eac.js",
            get(|| async { asset(SCRIPT, "text/javascript") }),
        )
        .merge(mailboxes::routes())
        .merge(properties::routes())
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(match kind {
            "text/css" => "text/css; charset=utf-8",
            _ => "text/javascript; charset=utf-8",
        }),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn home(State(state): State<Arc<ServerState>>, headers: HeaderMap) -> Response {
    match session::current(&state, &headers) {
        None => sign_in_page(StatusCode::OK),
        Some(session) => shell(
            StatusCode::OK,
            &session,
            Nav::Home,
            PRODUCT,
            "<p>Manage your organisation's recipients and their settings. To change a mailbox, go to <strong>Recipients</strong> › <strong>Mailboxes</strong>.</p>",
        ),
    }
}

/// How to sign in: the answer to any admin page without a session.
fn sign_in_page(status: StatusCode) -> Response {
    html::page(
        status,
        &format!("Sign in to the {PRODUCT}"),
        "<p>You are not signed in.</p>\
<p>Ask the server's administrator for your sign-in link: they run <code>exosh token YOUR-UPN</code>, and you open this page with <code>?token=</code> followed by that token (for example <code>https://HOST/?token=...</code>). The token is taken out of the address bar once you are signed in.</p>",
    )
}

/// Where a page sits in the navigation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nav {
    Home,
    Mailboxes,
}

/// An admin page: the top bar (who is signed in, Sign out), the navigation (Recipients ›
/// Mailboxes) and `body` under the heading `title`.
fn shell(status: StatusCode, session: &Session, nav: Nav, title: &str, body: &str) -> Response {
    let (open, current) = match nav {
        Nav::Home => ("", ""),
        Nav::Mailboxes => (" open", " aria-current=\"page\""),
    };
    let page_title = match title == PRODUCT {
        true => PRODUCT.to_string(),
        false => format!("{} - {PRODUCT}", escape(title)),
    };
    html::document(
        status,
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{page_title}</title><link rel=\"stylesheet\" href=\"/assets/eac.css\">\
<script src=\"/assets/eac.js\" defer></script></head><body>\
<a class=\"skip\" href=\"#main\">Skip to main content</a>\
<header class=\"top\"><a class=\"brand\" href=\"/\">{PRODUCT}</a>\
<span class=\"user\">{upn}</span>\
<form method=\"post\" action=\"/signout\">{token}<button type=\"submit\">Sign out</button></form></header>\
<div class=\"layout\"><nav class=\"side\" aria-label=\"Admin center\">\
<details{open}><summary>Recipients</summary>\
<ul><li><a href=\"/recipients/mailboxes\"{current}>Mailboxes</a></li></ul></details></nav>\
<main id=\"main\"><h1>{title}</h1>\n{body}\n</main></div></body></html>\n",
            upn = escape(&session.upn),
            token = form_token(session),
            title = escape(title),
        ),
        POLICY,
    )
}

/// A GET of an admin page by a signed-in browser: its session and query. Without a
/// session the sign-in page answers instead.
struct SignedIn {
    session: Session,
    query: Form,
}

impl axum::extract::FromRequestParts<Arc<ServerState>> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &Arc<ServerState>,
    ) -> Result<Self, Self::Rejection> {
        let session = session::current(state, &parts.headers)
            .ok_or_else(|| sign_in_page(StatusCode::UNAUTHORIZED))?;
        Ok(SignedIn {
            session,
            query: Form::parse(parts.uri.query().unwrap_or("").as_bytes()),
        })
    }
}

/// The hidden field that proves a form came from this session's own page.
fn form_token(session: &Session) -> String {
    format!(
        "<input type=\"hidden\" name=\"session\" value=\"{}\">",
        escape(session.form_token())
    )
}

/// A hidden field.
fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        escape(name),
        escape(value)
    )
}

/// A 303 to `location` (a path of this server).
fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    html::no_store(headers);
    if let Ok(location) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, location);
    }
    response
}

/// `path?query` from the pairs that have a value.
fn link(path: &str, pairs: &[(&str, &str)]) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().filter(|(_, v)| !v.is_empty()))
        .finish();
    match query.is_empty() {
        true => path.to_string(),
        false => format!("{path}?{query}"),
    }
}

/// The signed-in user, as the caller of the page's commands.
fn caller(session: &Session, peer: Option<axum::Extension<Peer>>) -> Caller {
    Caller::signed_in(
        &session.upn,
        None,
        peer.map(|axum::Extension(Peer(addr))| addr.ip().to_string()),
    )
}

/// Runs one command for `caller` through [`ServerState::run`] (off the async threads) and
/// collects its objects; logged as the endpoint logs its requests.
async fn invoke(
    state: &Arc<ServerState>,
    caller: &Caller,
    request: Request,
) -> Result<Vec<Object>, ExchangeError> {
    let started = Instant::now();
    let cmdlet = request.cmdlet_name.clone();
    let shared = state.clone();
    let who = caller.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut objects = Vec::new();
        shared
            .run(&who, &request, &mut |object| {
                objects.push(object);
                ControlFlow::Continue(())
            })
            .map(|_warnings| objects)
    })
    .await
    .unwrap_or_else(|_| {
        Err(ExchangeError::store(
            "The command stopped before it finished.",
        ))
    });
    state.log(&format!(
        "{} {cmdlet} {} {}ms (admin page)",
        caller.user_id,
        result.as_ref().map_or_else(|e| e.http_status, |_| 200),
        started.elapsed().as_millis()
    ));
    result
}

/// Whether `caller` may run `cmdlet` here: the page shows what the server would refuse
/// with its controls disabled (the server refuses it anyway). A failure to tell counts
/// as no.
async fn may_run(state: &Arc<ServerState>, caller: &Caller, cmdlet: &'static str) -> bool {
    let shared = state.clone();
    let who = caller.clone();
    tokio::task::spawn_blocking(move || {
        crate::exchange::rbac::allows(shared.backend.store().connection(), &who, cmdlet)
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A property of a result object, as text (names compared case-insensitively).
fn text(object: &Object, name: &str) -> String {
    object
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| crate::exchange::request::scalar_text(v))
        .unwrap_or_default()
}

/// The status a failed command's page is sent with.
fn status_of(error: &ExchangeError) -> StatusCode {
    StatusCode::from_u16(error.http_status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The page for a POST that is not taken, saying why; nothing was changed.
fn refused_post(why: session::PostRefused) -> Response {
    match why {
        session::PostRefused::SignedOut => sign_in_page(StatusCode::UNAUTHORIZED),
        session::PostRefused::Unreadable => html::page(
            StatusCode::BAD_REQUEST,
            "Something went wrong",
            "<p class=\"error\">The form was too large or cut off. Nothing was changed.</p>",
        ),
        session::PostRefused::Forged => html::page(
            StatusCode::FORBIDDEN,
            "Something went wrong",
            "<p class=\"error\">This change did not come from your own admin page, so nothing was changed. Open <a href=\"/recipients/mailboxes\">Mailboxes</a> and make it there.</p>",
        ),
    }
}
