//! Sign-in as Microsoft's identity platform offers it, for the organisation `exosh serve`
//! serves: the endpoints a client such as `Connect-ExchangeOnline` (or MSAL) calls with
//! `-AzureADAuthorizationEndpointUri https://<server>/<tenant>`.
//!
//! - `GET /<tenant>/v2.0/.well-known/openid-configuration` (OpenID discovery);
//! - `POST /<tenant>/oauth2/v2.0/devicecode` (RFC 8628: a device code and a user code);
//! - `POST /<tenant>/oauth2/v2.0/token`, with the device-code, client-credentials (JWT
//!   client assertion signed by a registered certificate) and refresh-token grants.
//!
//! Errors have the identity platform's shape (`error`, `error_description` starting with
//! the `AADSTS` code, `error_codes`, `timestamp`, `trace_id`, `correlation_id`,
//! `error_uri`); `invalid_client` is 401, the others 400. `<tenant>` is the organisation's
//! `*.onmicrosoft.com` name, or `organizations`/`common` (this server has one tenant);
//! the client-credentials grant needs the tenant's own name, as Entra's does.
//!
//! Differences from the identity platform, by decision:
//! - tokens are exosh's own (HS256, see `token.rs`), so discovery publishes no `jwks_uri`:
//!   only this server can check its tokens;
//! - a device code polled sooner than its `interval` is answered `slow_down` (RFC 8628)
//!   and its interval grows by 5 seconds;
//! - a client assertion is accepted once (its `jti` is spent), where Entra accepts one
//!   again until it expires;
//! - refresh tokens are signed, not stored: they last [`REFRESH_LIFETIME`] and are not
//!   revoked one by one (a new signing key ends them all).

pub mod device;
mod grants;
pub mod revocation;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Peer, ServerState};
pub use device::DeviceFlows;

/// The sign-in state a server keeps: its times and the device flows in progress.
#[derive(Default)]
pub struct SignIn {
    pub times: SignInTimes,
    pub flows: DeviceFlows,
}

/// The ExchangeOnlineManagement module's public client id, and what the device login
/// page calls it.
pub const EXO_MODULE_CLIENT_ID: &str = "fb78d390-0c51-40cd-8e17-fdbfab77341b";
pub const EXO_MODULE_NAME: &str = "Microsoft Exchange REST API Based Powershell";

/// How long a refresh token lasts (Entra's inactivity lifetime: 90 days).
pub const REFRESH_LIFETIME: i64 = 90 * 86_400;

/// The times of sign-in: `exosh serve`'s `--token-lifetime`, `--device-code-lifetime`,
/// `--poll-interval` and `--clock-skew`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInTimes {
    /// Seconds an access token issued at sign-in lasts (Entra: about an hour).
    pub token_lifetime: i64,
    /// Seconds a device code waits for its user (Entra: 15 minutes).
    pub device_code_lifetime: i64,
    /// Seconds between two polls of a device code (Entra: 5).
    pub poll_interval: i64,
    /// Seconds by which a client's clock may differ from the server's (tokens and
    /// client assertions; the 5 minutes).
    pub clock_skew: i64,
}

impl Default for SignInTimes {
    fn default() -> SignInTimes {
        SignInTimes {
            token_lifetime: 3600,
            device_code_lifetime: 900,
            poll_interval: 5,
            clock_skew: 300,
        }
    }
}

impl SignInTimes {
    /// Takes one of the sign-in options (`flag` lower-cased, `value` its text); `None`
    /// when `flag` is not one of them.
    pub fn take(
        &mut self,
        flag: &str,
        value: impl FnOnce() -> Result<String, String>,
    ) -> Option<Result<(), String>> {
        let (field, duration) = match flag {
            "--token-lifetime" => (&mut self.token_lifetime, true),
            "--device-code-lifetime" => (&mut self.device_code_lifetime, true),
            "--poll-interval" => (&mut self.poll_interval, false),
            "--clock-skew" => (&mut self.clock_skew, false),
            _ => return None,
        };
        Some(value().and_then(|text| {
            let parsed = match duration {
                true => crate::exchange::auth::token::parse_duration(&text),
                false => text.parse::<i64>().ok().filter(|n| *n >= 0),
            };
            let kind = match duration {
                true => "a duration such as 1h, 10m or 30s",
                false => "a number of seconds",
            };
            *field =
                parsed.ok_or_else(|| format!("exosh serve: {flag} needs {kind}, not '{text}'."))?;
            Ok(())
        }))
    }
}

/// The sign-in endpoints.
pub fn routes() -> Router<Arc<ServerState>> {
    Router::new()
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            get(discovery),
        )
        .route("/{tenant}/oauth2/v2.0/devicecode", post(device::start))
        .route("/{tenant}/oauth2/v2.0/token", post(grants::token))
}

/// The tenant names this server answers to: its own, or an alias for "the tenant of
/// whoever signs in", which here is always the same one.
fn tenant_known(state: &ServerState, tenant: &str) -> bool {
    state.serves_tenant(tenant) || is_alias(tenant)
}

fn is_alias(tenant: &str) -> bool {
    tenant.eq_ignore_ascii_case("organizations") || tenant.eq_ignore_ascii_case("common")
}

/// `https://host[:port]` as the client reached it.
fn base(state: &ServerState, headers: &HeaderMap) -> String {
    super::invoke::base_url(state, headers)
}

/// `<base>/<tenant>`: the authority a client names.
fn authority(state: &ServerState, headers: &HeaderMap, tenant: &str) -> String {
    format!("{}/{tenant}", base(state, headers))
}

/// The token endpoint as a client reaches it (the audience of its client assertions).
fn token_endpoint(state: &ServerState, headers: &HeaderMap, tenant: &str) -> String {
    format!("{}/oauth2/v2.0/token", authority(state, headers, tenant))
}

/// The issuer of the tokens this server makes.
fn issuer(state: &ServerState, headers: &HeaderMap) -> String {
    format!("{}/{}/v2.0", base(state, headers), state.tenant)
}

async fn discovery(
    State(state): State<Arc<ServerState>>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !tenant_known(&state, &tenant) {
        return OAuthError::unknown_tenant(&tenant).into_response();
    }
    let authority = authority(&state, &headers, &tenant);
    let body = json!({
        "token_endpoint": format!("{authority}/oauth2/v2.0/token"),
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "PS256"],
        "response_types_supported": [],
        "grant_types_supported": [
            "urn:ietf:params:oauth:grant-type:device_code",
            "client_credentials",
            "refresh_token"
        ],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": issuer(&state, &headers),
        "authorization_endpoint": format!("{authority}/oauth2/v2.0/authorize"),
        "device_authorization_endpoint": format!("{authority}/oauth2/v2.0/devicecode"),
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["none"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "preferred_username", "tid", "ver"],
        "tenant_region_scope": null,
        "cloud_instance_name": "exosh",
    });
    json_response(StatusCode::OK, &body)
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, serde_json::to_vec(body).unwrap_or_default()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// An error in the identity platform's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    /// The OAuth 2.0 error (`invalid_grant`, `authorization_pending`, ...).
    pub error: &'static str,
    /// The `AADSTS` number.
    pub code: u32,
    pub description: String,
}

impl OAuthError {
    pub fn new(error: &'static str, code: u32, description: impl Into<String>) -> OAuthError {
        OAuthError {
            error,
            code,
            description: description.into(),
        }
    }

    fn unknown_tenant(tenant: &str) -> OAuthError {
        OAuthError::new(
            "invalid_request",
            90002,
            format!(
                "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
            ),
        )
    }

    fn missing(parameter: &str) -> OAuthError {
        OAuthError::new(
            "invalid_request",
            900144,
            format!("The request body must contain the following parameter: '{parameter}'."),
        )
    }

    fn status(&self) -> StatusCode {
        match self.error {
            "invalid_client" => StatusCode::UNAUTHORIZED,
            "temporarily_unavailable" => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let now = chrono::Utc::now();
        let timestamp = now.format("%Y-%m-%d %H:%M:%SZ").to_string();
        let trace = crate::exchange::auth::assertion::random_id();
        let correlation = crate::exchange::auth::assertion::random_id();
        let body = json!({
            "error": self.error,
            "error_description": format!(
                "AADSTS{}: {}\r\nTrace ID: {trace}\r\nCorrelation ID: {correlation}\r\nTimestamp: {timestamp}",
                self.code, self.description
            ),
            "error_codes": [self.code],
            "timestamp": timestamp,
            "trace_id": trace,
            "correlation_id": correlation,
            "error_uri": format!("https://login.microsoftonline.com/error?code={}", self.code),
        });
        json_response(self.status(), &body)
    }
}

/// A form body's fields (`application/x-www-form-urlencoded`); the first of a repeated
/// name wins.
pub struct Form(Vec<(String, String)>);

impl Form {
    pub fn parse(bytes: &[u8]) -> Form {
        Form(
            form_urlencoded::parse(bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
    /// Every value of a field given more than once (`id=a&id=b`), empty ones included.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn require(&self, name: &str) -> Result<&str, OAuthError> {
        self.get(name).ok_or_else(|| OAuthError::missing(name))
    }
}

/// The address a request came from, for logs and limits.
pub fn address(peer: Option<axum::Extension<Peer>>) -> String {
    peer.map_or_else(|| "-".to_string(), |p| p.0.0.ip().to_string())
}

/// The form of a request to `<tenant>`'s endpoint, once the tenant is known to be this one.
async fn tenant_form(
    state: &ServerState,
    tenant: &str,
    body: axum::body::Body,
) -> Result<Form, OAuthError> {
    if !tenant_known(state, tenant) {
        return Err(OAuthError::unknown_tenant(tenant));
    }
    read_form(body).await
}

/// The answer to a sign-in request (its JSON, or the error's), logged as `what STATUS`.
fn respond(state: &ServerState, answer: Result<Value, OAuthError>, what: &str) -> Response {
    let response = match answer {
        Ok(body) => json_response(StatusCode::OK, &body),
        Err(error) => error.into_response(),
    };
    state.log(&format!("{what} {}", response.status().as_u16()));
    response
}

/// The largest form body the sign-in endpoints read.
const MAX_FORM: usize = 64 * 1024;

/// Reads a request's form body; an error when it is too large or cut off.
async fn read_form(body: axum::body::Body) -> Result<Form, OAuthError> {
    axum::body::to_bytes(body, MAX_FORM)
        .await
        .map(|bytes| Form::parse(&bytes))
        .map_err(|_| {
            OAuthError::new(
                "invalid_request",
                90004,
                format!("The request isn't properly formatted: its body is larger than {MAX_FORM} bytes or was cut off."),
            )
        })
}

/// OpenID Connect's own scopes.
fn is_oidc(scope: &str) -> bool {
    ["openid", "profile", "email", "offline_access"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scope))
}

/// The scopes a client asked for, checked: OpenID Connect's own, and scopes of the
/// Exchange resource (`https://outlook.office365.com/...`); `invalid_scope` when another
/// resource is named.
fn checked_scopes(scope: &str) -> Result<Vec<String>, OAuthError> {
    let resource = crate::exchange::auth::token::AUDIENCE;
    let mut scopes = Vec::new();
    for scope in scope.split_whitespace() {
        let oidc = is_oidc(scope);
        let exchange = scope
            .get(..resource.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(resource))
            && scope[resource.len()..].starts_with('/');
        if !oidc && !exchange {
            return Err(OAuthError::new(
                "invalid_scope",
                70011,
                format!(
                    "The provided value for the input parameter 'scope' isn't valid. The scope {scope} isn't valid: this server issues tokens for Exchange ({resource}) only."
                ),
            ));
        }
        scopes.push(scope.to_string());
    }
    Ok(scopes)
}

fn has_scope(scopes: &[String], name: &str) -> bool {
    scopes.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// A deterministic object id for a user of the tenant (a GUID from a hash of both).
fn object_id(tenant: &str, upn: &str) -> String {
    let digest = ring::digest::digest(
        &ring::digest::SHA256,
        format!(
            "{}\n{}",
            tenant.to_ascii_lowercase(),
            upn.to_ascii_lowercase()
        )
        .as_bytes(),
    );
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest.as_ref()[..16]);
    crate::exchange::auth::guid(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exchange_and_openid_scopes_are_issued() {
        let ok = checked_scopes("https://outlook.office365.com/.default openid offline_access")
            .expect("valid");
        assert_eq!(ok.len(), 3);
        assert!(has_scope(&ok, "OFFLINE_ACCESS"));
        let graph = checked_scopes("https://graph.microsoft.com/.default").expect_err("refused");
        assert_eq!((graph.error, graph.code), ("invalid_scope", 70011));
        assert!(checked_scopes("https://outlook.office365.com.evil.example/.default").is_err());
    }

    #[test]
    fn sign_in_times_read_their_options() {
        let mut times = SignInTimes::default();
        assert_eq!(
            times.take("--token-lifetime", || Ok("90s".into())),
            Some(Ok(()))
        );
        assert_eq!(times.token_lifetime, 90);
        assert_eq!(
            times.take("--poll-interval", || Ok("0".into())),
            Some(Ok(()))
        );
        assert_eq!(times.poll_interval, 0);
        assert!(matches!(
            times.take("--clock-skew", || Ok("soon".into())),
            Some(Err(_))
        ));
        assert_eq!(times.take("--listen", || Ok("x".into())), None);
    }

    #[test]
    fn object_ids_are_stable_guids() {
        let a = object_id("contoso.onmicrosoft.com", "Admin@Contoso.onmicrosoft.com");
        assert_eq!(
            a,
            object_id("CONTOSO.onmicrosoft.com", "admin@contoso.onmicrosoft.com")
        );
        assert_eq!(a.len(), 36);
        assert_ne!(a, object_id("contoso.onmicrosoft.com", "ken@contoso.com"));
    }
}
