//! RestBackend: the same requests the local organisation runs, sent to a remote admin
//! endpoint (Exchange Online, or an `exosh serve`) over HTTPS with reqwest and rustls.
//!
//! - Each command is one `POST <endpoint>` with the InvokeCommand body, the bearer token,
//!   `X-AnchorMailbox` and `Prefer: odata.maxpagesize`.
//! - Results stream: each page's objects go to the sink before the next page is asked
//!   for (`@odata.nextLink`, the same body POSTed again), and a sink that stops (Ctrl-C,
//!   `Select-Object -First`) stops the paging.
//! - 429 and 503 are retried after `Retry-After` (doubling back-off from
//!   [`FIRST_BACKOFF`] when it is absent), at most [`MAX_RETRIES`] times.
//! - Redirects are followed here, not by reqwest, so a redirect to another host keeps
//!   the Authorization header (at most [`MAX_REDIRECTS`]).
//! - An error body becomes the same [`ExchangeError`] the local organisation gives; a body
//!   that is not JSON becomes an error carrying its status and text.
//! - The bearer token comes from the connection's [`Credential`] for each request, so a
//!   token about to expire is renewed first; a `401` carrying a claims challenge
//!   (`WWW-Authenticate: ... claims="..."`) gets one fresh sign-in and one retry.
//! - A failure of the transport itself (no answer, connection cut) is an error of category
//!   `ConnectionError`, which the shell makes terminating.

use std::ops::ControlFlow;
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};
use serde_json::Value;

use super::auth::client::SignInError;
use super::auth::credential::{Credential, claims_challenge};
use super::request::{Backend, ErrorCode, ExchangeError, Object, Request, Response};

/// Retries of a throttled (429) or unavailable (503) request.
pub const MAX_RETRIES: u32 = 6;
/// The first wait when the server gives no `Retry-After`; doubled on each retry.
pub const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// The longest wait honoured for one retry.
const MAX_WAIT: Duration = Duration::from_secs(60);
/// Redirects followed for one request.
pub const MAX_REDIRECTS: usize = 5;
/// How long one request may take, connection included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Where and as whom a connection sends its commands.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The InvokeCommand URL: `https://<host>/adminapi/beta/<tenant>/InvokeCommand`.
    pub url: String,
    /// Where the bearer tokens come from (a sign-in, or `-AccessToken`).
    pub credential: std::sync::Arc<Credential>,
    /// `X-AnchorMailbox`: `UPN:<admin>` (or `APP:...` for an application).
    pub anchor: Option<String>,
    /// Objects per page asked for (`-PageSize`, at most 1000).
    pub page_size: u32,
}

/// A connection to a remote admin endpoint.
pub struct RestBackend {
    endpoint: Endpoint,
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
}

impl RestBackend {
    pub fn new(endpoint: Endpoint) -> Result<RestBackend, ExchangeError> {
        // Both ends use ring; installing it twice is harmless (the first one stays).
        let _ = rustls::crypto::CryptoProvider::install_default(
            (*super::auth::crypto_provider()).clone(),
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| connection_error(format!("Cannot start the network runtime: {e}")))?;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("exosh/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| connection_error(format!("Cannot set up HTTPS: {}", chain(&e))))?;
        Ok(RestBackend {
            endpoint,
            runtime,
            client,
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    fn headers(&self, token: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&format!("Bearer {token}")) {
            headers.insert(header::AUTHORIZATION, value);
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(anchor) = self
            .endpoint
            .anchor
            .as_deref()
            .and_then(|a| HeaderValue::from_str(a).ok())
        {
            headers.insert("X-AnchorMailbox", anchor);
        }
        if let Ok(value) =
            HeaderValue::from_str(&format!("odata.maxpagesize={}", self.endpoint.page_size))
        {
            headers.insert("Prefer", value);
        }
        if let Ok(value) = HeaderValue::from_str(&super::store::new_guid()) {
            headers.insert("client-request-id", value);
        }
        headers
    }

    /// POSTs the body to `url`: follows redirects, rides out throttling, and returns the
    /// successful answer's JSON or the error it stands for.
    fn post(&self, url: &str, body: &[u8]) -> Result<Value, ExchangeError> {
        let mut url = reqwest::Url::parse(url)
            .map_err(|e| connection_error(format!("'{url}' is not a valid address: {e}")))?;
        let mut retries = 0;
        let mut redirects = 0;
        let mut token = self.endpoint.credential.token().map_err(sign_in_error)?;
        let mut challenged = false;
        loop {
            let sent = self.runtime.block_on(async {
                let response = self
                    .client
                    .post(url.clone())
                    .headers(self.headers(&token))
                    .body(body.to_vec())
                    .send()
                    .await?;
                let status = response.status().as_u16();
                let headers = response.headers().clone();
                let bytes = response.bytes().await?;
                Ok::<_, reqwest::Error>((status, headers, bytes))
            });
            let (status, headers, bytes) = sent.map_err(|e| transport_error(&url, &e))?;
            match status {
                200..=299 => {
                    return serde_json::from_slice(&bytes).map_err(|_| {
                        connection_error(format!(
                            "The answer from {} is not JSON: {}",
                            host(&url),
                            text_excerpt(&bytes)
                        ))
                    });
                }
                301 | 302 | 303 | 307 | 308 if redirects < MAX_REDIRECTS => {
                    let location = headers
                        .get(header::LOCATION)
                        .and_then(|l| l.to_str().ok())
                        .and_then(|l| url.join(l).ok());
                    match location {
                        Some(next) => {
                            redirects += 1;
                            url = next;
                            continue;
                        }
                        None => return Err(http_error(status, &bytes)),
                    }
                }
                401 if !challenged => {
                    let claims = headers
                        .get_all(header::WWW_AUTHENTICATE)
                        .iter()
                        .filter_map(|v| v.to_str().ok())
                        .find_map(claims_challenge);
                    match claims {
                        Some(claims) => {
                            challenged = true;
                            token = self
                                .endpoint
                                .credential
                                .renew(Some(&claims))
                                .map_err(sign_in_error)?;
                        }
                        None => return Err(http_error(status, &bytes)),
                    }
                }
                429 | 503 if retries < MAX_RETRIES => {
                    std::thread::sleep(retry_wait(&headers, retries));
                    retries += 1;
                }
                _ => return Err(http_error(status, &bytes)),
            }
        }
    }
}

impl Backend for RestBackend {
    fn invoke_each(
        &self,
        request: &Request,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let body = serde_json::to_vec(request)
            .map_err(|e| ExchangeError::invalid_argument("InvalidRequestBody", e.to_string()))?;
        let mut url = self.endpoint.url.clone();
        if let Some(select) = &request.select {
            // The first page's address carries `$select`; the next pages' come from the
            // service.
            let mut first = reqwest::Url::parse(&url)
                .map_err(|e| connection_error(format!("'{url}' is not a valid address: {e}")))?;
            first
                .query_pairs_mut()
                .append_pair("$select", &select.join(","));
            url = first.to_string();
        }
        let mut warnings = Vec::new();
        loop {
            let page = self.post(&url, &body)?;
            let response = Response::from_json(&page).ok_or_else(|| {
                connection_error(format!(
                    "The answer from {url} is not an InvokeCommand result (no \"value\")."
                ))
            })?;
            warnings.extend(response.warnings);
            for object in response.value {
                if sink(object).is_break() {
                    return Ok(warnings);
                }
            }
            match page.get("@odata.nextLink").and_then(Value::as_str) {
                Some(next) if !next.is_empty() => url = next.to_string(),
                _ => return Ok(warnings),
            }
        }
    }
}

/// How long to wait before retry number `retries` (0-based): `Retry-After` in seconds
/// (or an HTTP date), else a doubling back-off.
fn retry_wait(headers: &HeaderMap, retries: u32) -> Duration {
    let given = headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.trim()
                .parse::<u64>()
                .map(Duration::from_secs)
                .ok()
                .or_else(|| {
                    chrono::DateTime::parse_from_rfc2822(v.trim())
                        .ok()
                        .map(|at| {
                            (at.with_timezone(&chrono::Utc) - chrono::Utc::now())
                                .to_std()
                                .unwrap_or_default()
                        })
                })
        });
    given
        .unwrap_or_else(|| FIRST_BACKOFF.saturating_mul(1 << retries.min(16)))
        .min(MAX_WAIT)
}

/// An error answer as the ExchangeError it stands for.
fn http_error(status: u16, bytes: &[u8]) -> ExchangeError {
    if let Some(error) = serde_json::from_slice::<Value>(bytes)
        .ok()
        .and_then(|body| ExchangeError::from_json(&body, status))
    {
        return error;
    }
    let (code, category) = match status {
        401 => (ErrorCode::Forbidden, "AuthenticationError"),
        403 => (ErrorCode::Forbidden, "PermissionDenied"),
        404 => (ErrorCode::NotFound, "ObjectNotFound"),
        400..=499 => (ErrorCode::BadRequest, "InvalidArgument"),
        _ => (ErrorCode::InternalServerError, "ResourceUnavailable"),
    };
    let text = text_excerpt(bytes);
    let message = if text.is_empty() {
        format!("The server answered HTTP {status}.")
    } else {
        format!("The server answered HTTP {status}: {text}")
    };
    ExchangeError {
        http_status: status,
        ..ExchangeError::new(code, &format!("Http{status}"), category, message)
    }
}

/// The start of a body as one line of text.
fn text_excerpt(bytes: &[u8]) -> String {
    const MAX: usize = 300;
    let text = String::from_utf8_lossy(bytes);
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}...", &line[..at]),
        None => line,
    }
}

fn host(url: &reqwest::Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
    }
}

/// An error and its causes, as one line.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut why = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        why = format!("{why}: {cause}");
        source = cause.source();
    }
    why
}

/// The transport failed: no answer, a refused or cut connection, a TLS failure.
fn transport_error(url: &reqwest::Url, error: &reqwest::Error) -> ExchangeError {
    let why = chain(error);
    let what = if error.is_timeout() {
        "did not answer in time"
    } else {
        "could not be reached or dropped the connection"
    };
    connection_error(format!(
        "The Exchange endpoint {} {what} ({why}).",
        host(url)
    ))
}

/// A sign-in that failed on the way (renewing the token): the connection cannot go on.
fn sign_in_error(error: SignInError) -> ExchangeError {
    ExchangeError {
        http_status: 401,
        ..ExchangeError::new(
            ErrorCode::Forbidden,
            "SignInFailed",
            "AuthenticationError",
            error.message,
        )
    }
}

/// An error of the connection itself (category ConnectionError).
pub fn connection_error(message: impl Into<String>) -> ExchangeError {
    ExchangeError {
        http_status: 0,
        ..ExchangeError::new(
            ErrorCode::InternalServerError,
            "ConnectionFailure",
            "ConnectionError",
            message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_honoured_and_back_off_doubles_without_it() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_wait(&headers, 0), FIRST_BACKOFF);
        assert_eq!(retry_wait(&headers, 2), FIRST_BACKOFF * 4);
        assert_eq!(retry_wait(&headers, 30), MAX_WAIT);
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("3"));
        assert_eq!(retry_wait(&headers, 5), Duration::from_secs(3));
    }

    #[test]
    fn an_error_body_that_is_not_json_still_says_what_happened() {
        let error = http_error(403, b"<html><body>Forbidden</body></html>");
        assert_eq!(error.http_status, 403);
        assert_eq!(error.category, "PermissionDenied");
        assert!(error.message.contains("HTTP 403"), "{}", error.message);
        assert!(error.message.contains("Forbidden"));
        let empty = http_error(502, b"");
        assert_eq!(empty.message, "The server answered HTTP 502.");
    }
}
