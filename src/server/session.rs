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
//! **decision**: the session is the token's user; an application's token (no user) does
//! not sign a browser in.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::ServerState;
use super::html;
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
        (token::now() < session.exp && !revoked).then_some(session)
    }
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
    let mut cookie = format!(
        "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}",
        jwt::seal(&state.key, PURPOSE, &session),
        (session.exp - now).max(0)
    );
    if state.tls {
        cookie.push_str("; Secure");
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    html::no_store(headers);
    if let (Ok(cookie), Ok(location)) = (
        HeaderValue::from_str(&cookie),
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
