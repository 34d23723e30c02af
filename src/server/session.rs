//! Browser sessions of the server's pages: `/devicelogin`, and the admin web page (`GET /`)
//! reuses this module for its own sign-in, so both pages share one session.
//!
//! A browser signs in by opening any page with `?token=TOKEN` (a bearer token from
//! `exosh token UPN`): [`sign_in_from_query`] checks the token, answers with a session
//! cookie and a redirect to the same address without the token, so the token leaves the
//! address bar and the history (and, with `Referrer-Policy: no-referrer`, never reaches
//! another site). The cookie (`exosh_session`) is `HttpOnly` (no script reads it),
//! `SameSite=Strict` (no other site's page sends it), `Secure` over HTTPS, and signed
//! with the organisation's key (the one that signs tokens, under its own purpose) so it
//! cannot be forged or altered. It holds the user, an expiry (the token's, at most
//! [`MAX_SESSION`]) and a random nonce that pages put in their forms and check on POST;
//! revoking the user's tokens (`exosh token --revoke`) ends it too.
//!
//! A POST from a page is taken only with the session's nonce in its `session` field
//! ([`read_post`]): another site's page can neither send the cookie (SameSite) nor know
//! the nonce. `POST /signout` ends the session: the cookie is removed from the browser
//! and its nonce refused from then on, so a copy of the cookie is worth nothing either.
//!
//! **decision**: the session is the token's user; an application's token (no user) does
//! not sign a browser in. **decision**: sign-outs are remembered in memory until the
//! sessions they ended would have expired anyway; a restarted server forgets them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};

use super::ServerState;
use super::html;
use super::oauth::Form;
use crate::exchange::auth::{jwt, token};

/// The cookie's name.
pub const COOKIE: &str = "exosh_session";

/// The longest a browser session lasts, in seconds.
pub const MAX_SESSION: i64 = 8 * 3600;

/// What the cookie's signature is for (keeps it from passing for anything else).
const PURPOSE: &str = "exosh browser session";

/// A signed-in browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The user's UPN.
    pub upn: String,
    /// Seconds since the epoch when the session began, and when it ends.
    pub iat: i64,
    pub exp: i64,
    /// Random; forms carry it ([`Session::form_token`]) and POSTs must bring it back.
    nonce: String,
}

impl Session {
    /// The value a page's forms carry in their hidden `session` field.
    pub fn form_token(&self) -> &str {
        &self.nonce
    }

    /// Whether a submitted form came from one of this session's pages.
    pub fn sent(&self, form_token: Option<&str>) -> bool {
        form_token.is_some_and(|t| !t.is_empty() && t == self.nonce)
    }

    fn open(state: &ServerState, value: &str) -> Option<Session> {
        let session: Session = jwt::unseal(&state.key, PURPOSE, value)?;
        let revoked =
            super::oauth::revocation::revoked(&state.backend.store(), &session.upn, session.iat);
        (token::now() < session.exp && !revoked && !state.signed_out.ended(&session.nonce))
            .then_some(session)
    }
}

/// Sessions ended by a sign-out before their time: nonce → when they would have expired.
#[derive(Default)]
pub struct SignedOut(Mutex<HashMap<String, i64>>);

impl SignedOut {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, i64>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn end(&self, session: &Session) {
        let now = token::now();
        let mut ended = self.lock();
        ended.retain(|_, exp| *exp > now);
        ended.insert(session.nonce.clone(), session.exp);
    }

    fn ended(&self, nonce: &str) -> bool {
        self.lock().contains_key(nonce)
    }
}

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new().route("/signout", post(sign_out))
}

/// Why a POST from a browser was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostRefused {
    /// No valid session cookie.
    SignedOut,
    /// The body was larger than the page's forms can be, or cut off.
    Unreadable,
    /// The form did not carry this session's nonce: it came from elsewhere.
    Forged,
}

/// The session and form (at most `max` bytes) of a POST from one of this session's own
/// pages.
pub async fn read_post(
    state: &ServerState,
    headers: &HeaderMap,
    body: axum::body::Body,
    max: usize,
) -> Result<(Session, Form), PostRefused> {
    let session = current(state, headers).ok_or(PostRefused::SignedOut)?;
    let bytes = axum::body::to_bytes(body, max)
        .await
        .map_err(|_| PostRefused::Unreadable)?;
    let form = Form::parse(&bytes);
    if !session.sent(form.get("session")) {
        return Err(PostRefused::Forged);
    }
    Ok((session, form))
}

/// `POST /signout`: ends the session and goes to the admin page, which then offers to sign
/// in. A sign-out without this session's nonce is refused, so another site cannot sign
/// anyone out either.
async fn sign_out(
    State(state): State<Arc<ServerState>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    match read_post(&state, &headers, body, 4096).await {
        Ok((session, _)) => {
            state.signed_out.end(&session);
            state.log(&format!("{} signout", session.upn));
        }
        Err(PostRefused::SignedOut) => {}
        Err(_) => {
            return html::page(
                StatusCode::FORBIDDEN,
                "Something went wrong",
                "<p class=\"error\">This sign-out did not come from your own page. Open <a href=\"/\">the admin page</a> and sign out there.</p>",
            );
        }
    }
    redirect_with_cookie(
        &format!(
            "{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
            secure(&state)
        ),
        "/",
    )
}

fn secure(state: &ServerState) -> &'static str {
    if state.tls { "; Secure" } else { "" }
}

/// The browser's session, if its cookie is valid now.
pub fn current(state: &ServerState, headers: &HeaderMap) -> Option<Session> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == COOKIE)
        .find_map(|(_, value)| Session::open(state, value))
}

/// Middleware of every route: a GET whose query has `token=` signs the browser in and is
/// redirected to the same address without the token; anything else passes through.
pub async fn sign_in_from_query(
    State(state): State<Arc<ServerState>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let query = request.uri().query().unwrap_or("");
    let mut token = None;
    let mut kept = Vec::new();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        if name == "token" {
            token = Some(value.into_owned());
        } else {
            kept.push((name.into_owned(), value.into_owned()));
        }
    }
    let Some(token) = token else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    let location = match kept.is_empty() {
        true => path.to_string(),
        false => format!(
            "{path}?{}",
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish()
        ),
    };
    start(&state, &token, &location)
}

/// Signs the browser in with `token` and sends it on to `location`.
fn start(state: &ServerState, token: &str, location: &str) -> Response {
    let claims = match state.verify(token) {
        Ok(claims) if !claims.upn.is_empty() => claims,
        Ok(_) => {
            return refused(
                "This token is an application's: a browser signs in with a user's token (exosh token UPN).",
            );
        }
        Err(why) => return refused(why.description()),
    };
    let now = token::now();
    let session = Session {
        upn: claims.upn,
        iat: now,
        exp: claims.exp.min(now.saturating_add(MAX_SESSION)),
        nonce: jwt::encode(&crate::exchange::auth::random::<18>()),
    };
    let cookie = format!(
        "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        jwt::seal(&state.key, PURPOSE, &session),
        (session.exp - now).max(0),
        secure(state)
    );
    redirect_with_cookie(&cookie, location)
}

/// A 303 to `location` setting `cookie`.
fn redirect_with_cookie(cookie: &str, location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    html::no_store(headers);
    if let (Ok(cookie), Ok(location)) = (
        HeaderValue::from_str(cookie),
        HeaderValue::from_str(location),
    ) {
        headers.insert(header::SET_COOKIE, cookie);
        headers.insert(header::LOCATION, location);
    }
    response
}

fn refused(reason: &str) -> Response {
    html::page(
        StatusCode::UNAUTHORIZED,
        "Sign-in failed",
        &format!(
            "<p class=\"error\">{}</p><p>Ask the server's administrator for a new sign-in link (<code>exosh token YOUR-UPN</code>, then open this page with <code>?token=</code> and the token).</p>",
            html::escape(reason)
        ),
    )
}
