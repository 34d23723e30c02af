//! `POST /adminapi/beta/<tenant>/InvokeCommand`: the one door into the organisation.
//!
//! In order: the tenant in the URL, the bearer token (401), the caller's rate (429), the
//! body (400: too large, not JSON, not an InvokeCommand body, an unknown cmdlet), then the
//! command runs on the organisation (roles checked first: 403) and its objects go out in
//! pages. Every request ends in one log line: caller, cmdlet, status, milliseconds.
//!
//! **decision**: an unknown cmdlet is 400 in the JSON error shape (Exchange Online answers
//! 403 with a body that is not JSON); exosh's client reads both.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Map, Value};

use super::paging::{Item, Page, Stream};
use super::{Peer, ServerState};
use crate::exchange::audit::Caller;
use crate::exchange::catalog::Catalog;
use crate::exchange::rbac;
use crate::exchange::{ErrorCode, ExchangeError, Request};

/// The largest request body accepted.
pub const MAX_BODY: usize = 1 << 20;

/// The page size when the client does not ask (`Prefer: odata.maxpagesize=N`), and the most
/// it may ask for.
const MAX_PAGE: usize = 1000;

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new().route("/adminapi/beta/{tenant}/InvokeCommand", post(invoke))
}

/// What the log line says about a request.
struct Logged {
    caller: String,
    cmdlet: String,
}

async fn invoke(
    State(state): State<Arc<ServerState>>,
    Path(tenant): Path<String>,
    peer: Option<axum::Extension<Peer>>,
    request: axum::extract::Request,
) -> Response {
    let started = Instant::now();
    let mut logged = Logged {
        caller: "-".to_string(),
        cmdlet: "-".to_string(),
    };
    let peer = peer.map(|axum::Extension(Peer(addr))| addr.ip().to_string());
    let response = answer(&state, &tenant, peer, request, &mut logged).await;
    state.log(&format!(
        "{} {} {} {}ms",
        logged.caller,
        logged.cmdlet,
        response.status().as_u16(),
        started.elapsed().as_millis()
    ));
    response
}

async fn answer(
    state: &Arc<ServerState>,
    tenant: &str,
    peer: Option<String>,
    request: axum::extract::Request,
    logged: &mut Logged,
) -> Response {
    let (parts, body) = request.into_parts();
    if !state.serves_tenant(tenant) {
        return unauthorized(crate::exchange::auth::token::TokenError::WrongTenant);
    }
    let claims = match bearer(&parts.headers).and_then(|t| state.verify(t)) {
        Ok(claims) => claims,
        Err(why) => return unauthorized(why),
    };
    logged.caller = claims.subject().to_string();
    if let Some(limit) = &state.rate_limit
        && let Err(wait) = limit.admit(claims.subject())
    {
        return throttled(wait);
    }
    let bytes = match read_body(body, state.client_timeout).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let query = Query::parse(parts.uri.query().unwrap_or(""));
    let command = match parse_request(&bytes) {
        // `$select` lets the command leave the other properties out as it makes them.
        Ok(command) => Request {
            select: query.select.clone(),
            ..command
        },
        Err(error) => return error_response(&error),
    };
    logged.cmdlet = command.cmdlet_name.clone();
    let page_size = page_size(&parts.headers);
    let caller = Caller::signed_in(claims.subject(), claims.appid.as_deref(), peer);
    let mut stream = match &query.skip_token {
        Some(token) => match state
            .cursors
            .take(token, claims.subject(), &command.cmdlet_name)
        {
            Some(stream) => stream,
            None => return error_response(&expired_page()),
        },
        None => start(state, caller, command.clone()),
    };
    let page = stream.next_page(page_size).await;
    let next = page.end.is_none().then(|| {
        let token = state
            .cursors
            .park(stream, claims.subject(), &command.cmdlet_name);
        next_link(state, &parts.headers, tenant, &token)
    });
    page_response(page, next, &query.select, state, tenant, &parts.headers)
}

/// Runs the command on a blocking thread, its objects flowing into the returned stream.
fn start(state: &Arc<ServerState>, caller: Caller, command: Request) -> Stream {
    let (tx, stream) = Stream::channel();
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let result = state.run(&caller, &command, &mut |object| {
            if tx.blocking_send(Item::Object(object)).is_err() {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        });
        let _ = tx.blocking_send(Item::Done(result));
    });
    stream
}

impl ServerState {
    /// Runs one command for a caller on the organisation: refused (403, nothing run)
    /// outside the caller's roles, its change audited under the caller. The one door every
    /// command comes through, from the endpoint and from the admin web page alike.
    pub(super) fn run(
        &self,
        caller: &Caller,
        command: &Request,
        sink: &mut dyn FnMut(crate::exchange::Object) -> std::ops::ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let allowed = rbac::allows(
            self.backend.store().connection(),
            caller,
            &command.cmdlet_name,
        )?;
        if !allowed {
            return Err(rbac::forbidden(caller, &command.cmdlet_name));
        }
        self.backend.invoke_each_as(Some(caller), command, sink)
    }
}

/// The body of an InvokeCommand request, checked: JSON of the right shape naming a known
/// cmdlet. (The parameters are checked by the organisation against the cmdlet's signature.)
pub fn parse_request(bytes: &[u8]) -> Result<Request, ExchangeError> {
    let request: Request = serde_json::from_slice(bytes).map_err(|e| {
        ExchangeError::invalid_argument(
            "InvalidRequestBody",
            format!(
                "The request body is not an InvokeCommand body ({{\"CmdletInput\":{{\"CmdletName\":...,\"Parameters\":{{...}}}}}}): {e}"
            ),
        )
    })?;
    let Some(cmdlet) = Catalog::get().cmdlet(&request.cmdlet_name) else {
        return Err(ExchangeError::new(
            ErrorCode::BadRequest,
            "CommandNotFoundException",
            "ObjectNotFound",
            format!(
                "The term '{}' is not recognized as a name of a cmdlet, function, script file, or executable program.",
                request.cmdlet_name
            ),
        )
        .with_target(request.cmdlet_name.clone()));
    };
    Ok(Request {
        cmdlet_name: cmdlet.name.clone(),
        parameters: request.parameters,
        select: None,
    })
}

async fn read_body(body: Body, timeout: Duration) -> Result<Bytes, Response> {
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Err(_) => Err(error_response(&ExchangeError {
            http_status: 408,
            ..ExchangeError::invalid_argument(
                "RequestTimeout",
                "The request body did not arrive in time.",
            )
        })),
        Ok(Err(_)) => Err(error_response(&ExchangeError {
            http_status: 400,
            ..ExchangeError::invalid_argument(
                "RequestTooLarge",
                format!("The request body is larger than {MAX_BODY} bytes or was cut off."),
            )
        })),
        Ok(Ok(bytes)) => Ok(bytes),
    }
}

fn bearer(headers: &HeaderMap) -> Result<&str, crate::exchange::auth::token::TokenError> {
    use crate::exchange::auth::token::TokenError;
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or(TokenError::Missing)?;
    let (scheme, token) = value.split_once(' ').ok_or(TokenError::Missing)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(TokenError::Missing);
    }
    Ok(token.trim())
}

/// `Prefer: odata.maxpagesize=N`, at most [`MAX_PAGE`].
fn page_size(headers: &HeaderMap) -> usize {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|pref| {
            let (name, value) = pref.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("odata.maxpagesize")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .filter(|n| *n > 0)
        .map_or(MAX_PAGE, |n| n.min(MAX_PAGE))
}

/// The URL options the endpoint reads: `$skiptoken` (a parked page) and `$select`.
struct Query {
    skip_token: Option<String>,
    select: Option<Vec<String>>,
}

impl Query {
    fn parse(query: &str) -> Query {
        let mut parsed = Query {
            skip_token: None,
            select: None,
        };
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match percent_decode(name).as_str() {
                "$skiptoken" => parsed.skip_token = Some(value),
                "$select" => {
                    parsed.select = Some(
                        value
                            .split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect(),
                    );
                }
                _ => {}
            }
        }
        parsed
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let decoded = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match decoded {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The base URL the client reached (scheme and Host header).
pub(super) fn base_url(state: &ServerState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && !h.contains(['/', ' ', '?', '#']))
        .map_or_else(|| state.listen.to_string(), str::to_string);
    format!("{}://{host}", state.scheme())
}

fn next_link(state: &ServerState, headers: &HeaderMap, tenant: &str, token: &str) -> String {
    format!(
        "{}/adminapi/beta/{tenant}/InvokeCommand?$skiptoken={token}",
        base_url(state, headers)
    )
}

fn page_response(
    page: Page,
    next: Option<String>,
    select: &Option<Vec<String>>,
    state: &ServerState,
    tenant: &str,
    headers: &HeaderMap,
) -> Response {
    let warnings = match page.end {
        Some(Err(error)) => return error_response(&error),
        Some(Ok(warnings)) => warnings,
        None => Vec::new(),
    };
    let mut body = Map::new();
    body.insert(
        "@odata.context".to_string(),
        Value::String(format!(
            "{}/adminapi/beta/{tenant}/$metadata#Collection(Exchange.GenericHashTable)",
            base_url(state, headers)
        )),
    );
    let objects = page
        .objects
        .into_iter()
        .map(|object| Value::Object(selected(object, select)))
        .collect();
    body.insert("value".to_string(), Value::Array(objects));
    if let Some(next) = next {
        body.insert("@odata.nextLink".to_string(), Value::String(next));
    }
    if !warnings.is_empty() {
        body.insert(
            "@adminapi.warnings".to_string(),
            Value::Array(warnings.into_iter().map(Value::String).collect()),
        );
    }
    json_response(StatusCode::OK, &Value::Object(body))
}

/// `$select=A,B`: only those properties (and the annotations).
fn selected(object: crate::exchange::Object, select: &Option<Vec<String>>) -> Map<String, Value> {
    match select {
        None => object,
        Some(names) => object
            .into_iter()
            .filter(|(k, _)| k.contains('@') || names.iter().any(|n| n.eq_ignore_ascii_case(k)))
            .collect(),
    }
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let mut response = (status, bytes).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// An error in the protocol's shape, with its status.
pub fn error_response(error: &ExchangeError) -> Response {
    let status =
        StatusCode::from_u16(error.http_status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    json_response(status, &error.to_json())
}

fn unauthorized(why: crate::exchange::auth::token::TokenError) -> Response {
    let mut response = error_response(&why.to_exchange_error());
    let challenge = match why {
        // Continuous Access Evaluation's answer: a claims challenge asking for a token
        // issued from now on.
        crate::exchange::auth::token::TokenError::Revoked => {
            HeaderValue::from_str(&super::oauth::revocation::claims_challenge())
                .unwrap_or_else(|_| HeaderValue::from_static("Bearer error=\"invalid_token\""))
        }
        _ => HeaderValue::from_static("Bearer error=\"invalid_token\""),
    };
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, challenge);
    response
}

fn throttled(wait: u64) -> Response {
    let error = ExchangeError {
        http_status: 429,
        ..ExchangeError::new(
            ErrorCode::BadRequest,
            "TooManyRequests",
            "LimitsExceeded",
            format!("Too many requests from this caller: try again in {wait} seconds."),
        )
    };
    let mut response = error_response(&error);
    if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

fn expired_page() -> ExchangeError {
    ExchangeError::invalid_argument(
        "PageExpired",
        "The next page of these results is no longer available: run the command again.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_body_is_read_and_checked() {
        let request = parse_request(
            br#"{"CmdletInput":{"CmdletName":"set-casmailbox","Parameters":{"Identity":"Ken Sanchez"}}}"#,
        )
        .expect("parses");
        assert_eq!(request.cmdlet_name, "Set-CASMailbox");
        let bad = parse_request(b"{not json").expect_err("malformed");
        assert_eq!(bad.http_status, 400);
        let unknown =
            parse_request(br#"{"CmdletInput":{"CmdletName":"Get-Nothing"}}"#).expect_err("unknown");
        assert_eq!(
            (unknown.http_status, unknown.error_id.as_str()),
            (400, "CommandNotFoundException")
        );
    }

    #[test]
    fn the_url_options_are_decoded() {
        let q = Query::parse("$skiptoken=ab12&%24select=Name,%20MapiEnabled");
        assert_eq!(q.skip_token.as_deref(), Some("ab12"));
        assert_eq!(
            q.select,
            Some(vec!["Name".to_string(), "MapiEnabled".to_string()])
        );
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn the_page_size_is_bounded() {
        let mut headers = HeaderMap::new();
        assert_eq!(page_size(&headers), 1000);
        headers.insert("prefer", HeaderValue::from_static("odata.maxpagesize=50"));
        assert_eq!(page_size(&headers), 50);
        headers.insert("prefer", HeaderValue::from_static("odata.maxpagesize=5000"));
        assert_eq!(page_size(&headers), 1000);
    }
}
