//! `/devicelogin`: where a signed-in user (a browser session, see `session.rs`) enters the
//! code a device shows, sees which application asks and for what, and approves or
//! declines. Plain server-rendered pages, no script.
//!
//! - `GET /devicelogin`: the code form (or how to sign in, without a session);
//! - `POST /devicelogin`: the code entered → the approval page, or why the code is not
//!   accepted (unknown, expired, already used, too many wrong codes);
//! - `POST /devicelogin/decision`: Continue (approve) or Cancel (decline).
//!
//! Every POST must come from this session's own page (its form token) as well as carry
//! the cookie. **decision**: when the application asked for a particular user
//! (`login_hint`, e.g. `Connect-ExchangeOnline -UserPrincipalName`) and another user is
//! signed in, the page says so and offers only Cancel.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};

use super::html::{escape, page};
use super::oauth::device::{FlowView, Lookup};
use super::oauth::{EXO_MODULE_CLIENT_ID, EXO_MODULE_NAME, Form, address};
use super::session::PostRefused;
use super::session::{self, Session};
use super::{Peer, ServerState};
use crate::exchange::auth::token;

/// The largest form these pages read.
const MAX_FORM: usize = 4096;

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new()
        .route("/devicelogin", get(show).post(enter))
        .route("/devicelogin/decision", post(decide))
}

/// What the approval page calls an application.
fn app_name(client_id: &str) -> String {
    match client_id.eq_ignore_ascii_case(EXO_MODULE_CLIENT_ID) {
        true => EXO_MODULE_NAME.to_string(),
        false => format!("the application {client_id}"),
    }
}

async fn show(State(state): State<Arc<ServerState>>, headers: HeaderMap) -> Response {
    match session::current(&state, &headers) {
        None => signed_out(),
        Some(session) => code_form(StatusCode::OK, &session, None),
    }
}

fn signed_out() -> Response {
    page(
        StatusCode::OK,
        "Sign in to enter a code",
        "<p>To approve a device's sign-in you must be signed in here first.</p>\
<p>Ask the server's administrator for your sign-in link: they run <code>exosh token YOUR-UPN</code> and you open <code>/devicelogin?token=</code> followed by that token.</p>",
    )
}

fn code_form(status: StatusCode, session: &Session, error: Option<&str>) -> Response {
    let error = error.map_or_else(String::new, |e| {
        format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e))
    });
    page(
        status,
        "Enter code to allow access",
        &format!(
            "<p>Signed in as {upn}.</p>{error}\
<form method=\"post\" action=\"/devicelogin\">\
<label for=\"code\">Code</label>\
<input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" required>\
<input type=\"hidden\" name=\"session\" value=\"{token}\">\
<div><button type=\"submit\">Next</button></div></form>\
<p>Enter the code shown by the application or device that asks you to sign in.</p>",
            upn = escape(&session.upn),
            token = escape(session.form_token()),
        ),
    )
}

/// A POST from one of this session's pages.
struct Posted {
    session: Session,
    form: Form,
    /// Where it came from.
    address: String,
}

/// The session and form of a POST from one of this session's pages; otherwise the page
/// that says why not.
async fn posted(
    state: &ServerState,
    peer: Option<axum::Extension<Peer>>,
    headers: &HeaderMap,
    body: axum::body::Body,
) -> Result<Posted, Response> {
    let (session, form) = session::read_post(state, headers, body, MAX_FORM)
        .await
        .map_err(|why| match why {
            PostRefused::SignedOut => signed_out(),
            PostRefused::Unreadable => page(
                StatusCode::BAD_REQUEST,
                "Something went wrong",
                "<p class=\"error\">The form was too large or cut off.</p>",
            ),
            PostRefused::Forged => page(
                StatusCode::FORBIDDEN,
                "Something went wrong",
                "<p class=\"error\">This form did not come from your own sign-in page. Open <a href=\"/devicelogin\">the code page</a> again.</p>",
            ),
        })?;
    Ok(Posted {
        session,
        form,
        address: address(peer),
    })
}

async fn enter(
    State(state): State<Arc<ServerState>>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let Posted {
        session,
        form,
        address,
    } = match posted(&state, peer, &headers, body).await {
        Ok(posted) => posted,
        Err(page) => return page,
    };
    let code = form.get("code").unwrap_or("");
    let found = state
        .sign_in
        .flows
        .lookup(code, &session.upn, &address, token::now());
    state.log(&format!(
        "{} devicelogin code {}",
        session.upn,
        match &found {
            Lookup::Waiting(_) => "found",
            Lookup::Unknown => "unknown",
            Lookup::Expired => "expired",
            Lookup::Decided => "used",
            Lookup::TooManyAttempts(_) => "limited",
        }
    ));
    match found {
        Lookup::Waiting(flow) => approval(&session, &flow),
        Lookup::Unknown => code_form(
            StatusCode::BAD_REQUEST,
            &session,
            Some("That code didn't work. Check the code and try again."),
        ),
        Lookup::Expired => code_form(
            StatusCode::BAD_REQUEST,
            &session,
            Some(
                "That code has expired. Start the sign-in again on your device to get a new code.",
            ),
        ),
        Lookup::Decided => code_form(
            StatusCode::BAD_REQUEST,
            &session,
            Some(
                "That code has already been used. Start the sign-in again on your device to get a new code.",
            ),
        ),
        Lookup::TooManyAttempts(wait) => code_form(
            StatusCode::TOO_MANY_REQUESTS,
            &session,
            Some(&format!(
                "Too many wrong codes. Try again in {} minutes.",
                wait.div_ceil(60)
            )),
        ),
    }
}

fn no_longer_waiting(session: &Session) -> Response {
    code_form(
        StatusCode::BAD_REQUEST,
        session,
        Some(
            "That sign-in is no longer waiting (it expired or was already answered). Start it again on your device.",
        ),
    )
}

/// Whether the flow asked for another user than the one signed in.
fn wrong_user(session: &Session, flow: &FlowView) -> Option<String> {
    flow.login_hint
        .as_deref()
        .filter(|hint| !hint.eq_ignore_ascii_case(&session.upn))
        .map(str::to_string)
}

fn approval(session: &Session, flow: &FlowView) -> Response {
    let name = app_name(&flow.client_id);
    let scopes = flow
        .scopes
        .iter()
        .map(|s| format!("<li>{}</li>", escape(s)))
        .collect::<String>();
    let mismatch = wrong_user(session, flow);
    let warning = match &mismatch {
        Some(hint) => format!(
            "<p class=\"error\" role=\"alert\">The application asked to sign in as {}, but you are signed in as {}. Only {} can approve this sign-in.</p>",
            escape(hint),
            escape(&session.upn),
            escape(hint)
        ),
        None => "<p>Only continue if you started this sign-in yourself, on a device or in a program you trust.</p>".to_string(),
    };
    let approve = match mismatch {
        Some(_) => "",
        None => "<button type=\"submit\" name=\"decision\" value=\"approve\">Continue</button>",
    };
    page(
        StatusCode::OK,
        &format!("Are you trying to sign in to {name}?"),
        &format!(
            "<dl><dt>Application</dt><dd>{name}</dd>\
<dt>Application ID</dt><dd>{client_id}</dd>\
<dt>Permissions</dt><dd><ul>{scopes}</ul></dd>\
<dt>Requested from</dt><dd>{requester}</dd>\
<dt>Signing in as</dt><dd>{upn}</dd></dl>{warning}\
<form method=\"post\" action=\"/devicelogin/decision\">\
<input type=\"hidden\" name=\"code\" value=\"{code}\">\
<input type=\"hidden\" name=\"session\" value=\"{token}\">\
{approve}<button type=\"submit\" name=\"decision\" value=\"decline\">Cancel</button></form>",
            name = escape(&name),
            client_id = escape(&flow.client_id),
            requester = escape(&flow.requester),
            upn = escape(&session.upn),
            code = escape(&flow.user_code),
            token = escape(session.form_token()),
        ),
    )
}

async fn decide(
    State(state): State<Arc<ServerState>>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let posted = match posted(&state, peer, &headers, body).await {
        Ok(posted) => posted,
        Err(page) => return page,
    };
    let (session, form, address) = (posted.session, posted.form, posted.address);
    let code = form.get("code").unwrap_or("");
    let now = token::now();
    // Look the flow up again: it may have expired or been decided in another tab.
    let flow = match state
        .sign_in
        .flows
        .lookup(code, &session.upn, &address, now)
    {
        Lookup::Waiting(flow) => flow,
        _ => {
            return no_longer_waiting(&session);
        }
    };
    let approve = form.get("decision") == Some("approve");
    if approve && wrong_user(&session, &flow).is_some() {
        return approval(&session, &flow);
    }
    let decided = state
        .sign_in
        .flows
        .decide(code, approve.then_some(session.upn.as_str()), now);
    state.log(&format!(
        "{} devicelogin {} {}",
        session.upn,
        if approve { "approve" } else { "decline" },
        flow.client_id
    ));
    let name = escape(&app_name(&flow.client_id));
    match (decided, approve) {
        (false, _) => no_longer_waiting(&session),
        (true, true) => page(
            StatusCode::OK,
            "You're signed in",
            &format!(
                "<p>You have signed in to {name} on your device as {}. You may now close this window.</p>",
                escape(&session.upn)
            ),
        ),
        (true, false) => page(
            StatusCode::OK,
            "Sign-in cancelled",
            &format!(
                "<p>You declined the sign-in to {name}. Nothing was given access. You may now close this window.</p>"
            ),
        ),
    }
}
