//! Signing in as a client, as the ExchangeOnlineManagement module does with MSAL: against
//! Microsoft's identity platform by default, or any server that speaks it (`exosh serve`)
//! when given its authority (`-AzureADAuthorizationEndpointUri`). The same code serves
//! both: it reads the authority's OpenID discovery document and calls the endpoints it
//! names.
//!
//! - The device-code flow ([`SignInClient::start_device_flow`], then
//!   [`SignInClient::poll_device_flow`] every `interval` seconds): the caller shows the
//!   message, waits and polls, and may stop at any time (Ctrl-C).
//! - The client-credentials flow with a certificate ([`SignInClient::app_token`]): a fresh
//!   client assertion for each request.
//! - The refresh-token flow ([`SignInClient::refresh`]).
//!
//! Nothing here writes tokens anywhere: they are returned to the caller, which keeps them
//! in memory ([`super::credential`]).

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use super::assertion::{self, ASSERTION_TYPE};
use super::certificate::SigningCertificate;
use super::token;

/// How long one request to the identity platform may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// A cloud's identity platform and Exchange hosts (`-ExchangeEnvironmentName`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cloud {
    pub name: &'static str,
    /// The identity platform's host (`login.microsoftonline.com`).
    pub login: &'static str,
    /// The Exchange Online host (`outlook.office365.com`): the admin endpoint and the
    /// resource tokens are for.
    pub exchange: &'static str,
}

/// The clouds `-ExchangeEnvironmentName` names. Identity hosts from Microsoft's
/// Connect-ExchangeOnline reference; Exchange hosts from exo-rest.md. Only the public
/// cloud's names are the default; none of these has been reached from here.
pub const CLOUDS: &[Cloud] = &[
    Cloud {
        name: "O365Default",
        login: "login.microsoftonline.com",
        exchange: "outlook.office365.com",
    },
    Cloud {
        name: "O365USGovGCCHigh",
        login: "login.microsoftonline.us",
        exchange: "outlook.office365.us",
    },
    Cloud {
        name: "O365USGovDoD",
        login: "login.microsoftonline.us",
        exchange: "outlook-dod.office365.us",
    },
    Cloud {
        name: "O365China",
        login: "login.chinacloudapi.cn",
        exchange: "outlook.office365.cn",
    },
];

/// The cloud of `-ExchangeEnvironmentName` (case-insensitive).
pub fn cloud(name: &str) -> Option<&'static Cloud> {
    CLOUDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// The public client id of the ExchangeOnlineManagement module (exo-rest.md), which
/// delegated sign-ins use.
pub const EXO_CLIENT_ID: &str = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

/// Why signing in failed, said for an admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInError {
    pub message: String,
    /// The identity platform's error (`expired_token`, `invalid_client`, ...), if it
    /// answered with one.
    pub error: Option<String>,
}

impl SignInError {
    fn new(message: impl Into<String>) -> SignInError {
        SignInError {
            message: message.into(),
            error: None,
        }
    }
}

/// Tokens from a sign-in.
#[derive(Clone, PartialEq, Eq)]
pub struct Tokens {
    pub access_token: String,
    /// Seconds since the epoch when the access token expires (by this machine's clock).
    pub expires_at: i64,
    /// How long the access token was issued for, in seconds.
    pub lifetime: i64,
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Tokens never reach a log or an error message.
        f.debug_struct("Tokens")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A device flow in progress.
#[derive(Clone)]
pub struct DeviceFlow {
    /// What to show the user (the platform's own text: the page and the code).
    pub message: String,
    pub user_code: String,
    pub verification_uri: String,
    /// Seconds to wait between polls (grows on `slow_down`).
    pub interval: u64,
    /// Seconds since the epoch when the code expires.
    pub expires_at: i64,
    device_code: String,
}

/// One poll's outcome.
#[derive(Debug)]
pub enum Poll {
    /// Nobody has answered yet: poll again after `interval`.
    Pending,
    /// Polled too often: the flow's interval grew; poll again after it.
    SlowDown,
    Done(Tokens),
}

/// The endpoints an authority's discovery document names.
#[derive(Debug, Clone, Deserialize)]
struct Endpoints {
    token_endpoint: String,
    #[serde(default)]
    device_authorization_endpoint: Option<String>,
}

/// A client of one authority (`https://login.microsoftonline.com/organizations`, or
/// `https://<exosh server>/<tenant>`).
pub struct SignInClient {
    authority: String,
    runtime: tokio::runtime::Runtime,
    http: reqwest::Client,
    endpoints: std::sync::OnceLock<Endpoints>,
}

impl SignInClient {
    pub fn new(authority: &str) -> Result<SignInClient, SignInError> {
        let authority = authority.trim_end_matches('/').to_string();
        let parsed = reqwest::Url::parse(&authority).map_err(|_| {
            SignInError::new(format!(
                "'{authority}' is not an authority address such as https://login.microsoftonline.com/organizations."
            ))
        })?;
        if !matches!(parsed.scheme(), "https" | "http")
            || parsed.path().trim_matches('/').is_empty()
        {
            return Err(SignInError::new(format!(
                "'{authority}' is not an authority: it needs https:// and a tenant, as https://login.microsoftonline.com/contoso.onmicrosoft.com."
            )));
        }
        let _ =
            rustls::crypto::CryptoProvider::install_default((*super::crypto_provider()).clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| SignInError::new(format!("Cannot start the network runtime: {e}")))?;
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("exosh/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SignInError::new(format!("Cannot set up HTTPS: {e}")))?;
        Ok(SignInClient {
            authority,
            runtime,
            http,
            endpoints: std::sync::OnceLock::new(),
        })
    }

    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The authority's endpoints, read once from its discovery document.
    fn endpoints(&self) -> Result<&Endpoints, SignInError> {
        if let Some(endpoints) = self.endpoints.get() {
            return Ok(endpoints);
        }
        let url = format!("{}/v2.0/.well-known/openid-configuration", self.authority);
        let (status, body) = self.send(self.http.get(&url))?;
        if status != 200 {
            return Err(platform_error(status, &body, &url));
        }
        let endpoints: Endpoints = serde_json::from_value(body).map_err(|_| {
            SignInError::new(format!(
                "{url} is not an OpenID discovery document (it names no token endpoint)."
            ))
        })?;
        Ok(self.endpoints.get_or_init(|| endpoints))
    }

    /// Sends a request; its status and JSON body (`null` when the body is not JSON).
    fn send(&self, request: reqwest::RequestBuilder) -> Result<(u16, Value), SignInError> {
        self.runtime.block_on(async {
            let response = request.send().await.map_err(|e| {
                SignInError::new(format!(
                    "Cannot reach the sign-in service {}: {}",
                    self.authority,
                    crate::exchange::remote::chain(&e)
                ))
            })?;
            let status = response.status().as_u16();
            let bytes = response.bytes().await.unwrap_or_default();
            Ok((
                status,
                serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            ))
        })
    }

    /// POSTs a form to an endpoint.
    fn post(&self, url: &str, fields: &[(&str, &str)]) -> Result<(u16, Value), SignInError> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.send(
            self.http
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body),
        )
    }

    /// Starts a device-code sign-in for `client_id` and `scope`.
    pub fn start_device_flow(
        &self,
        client_id: &str,
        scope: &str,
        login_hint: Option<&str>,
    ) -> Result<DeviceFlow, SignInError> {
        let endpoints = self.endpoints()?;
        let url = endpoints
            .device_authorization_endpoint
            .clone()
            .unwrap_or_else(|| endpoints.token_endpoint.replace("/token", "/devicecode"));
        let mut fields = vec![("client_id", client_id), ("scope", scope)];
        if let Some(hint) = login_hint {
            fields.push(("login_hint", hint));
        }
        let (status, body) = self.post(&url, &fields)?;
        let text = |name: &str| body[name].as_str().map(str::to_string);
        match (status, text("device_code"), text("user_code")) {
            (200, Some(device_code), Some(user_code)) => {
                let verification_uri = text("verification_uri").unwrap_or_default();
                let message = text("message").unwrap_or_else(|| {
                    format!("To sign in, use a web browser to open the page {verification_uri} and enter the code {user_code} to authenticate.")
                });
                Ok(DeviceFlow {
                    message,
                    user_code,
                    verification_uri,
                    interval: number(&body["interval"]).unwrap_or(5).max(0).unsigned_abs(),
                    expires_at: token::now() + number(&body["expires_in"]).unwrap_or(900),
                    device_code,
                })
            }
            _ => Err(platform_error(status, &body, &url)),
        }
    }

    /// Polls the token endpoint once for a device flow.
    pub fn poll_device_flow(
        &self,
        flow: &mut DeviceFlow,
        client_id: &str,
    ) -> Result<Poll, SignInError> {
        let url = self.endpoints()?.token_endpoint.clone();
        let asked = token::now();
        let (status, body) = self.post(
            &url,
            &[
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("client_id", client_id),
                ("device_code", &flow.device_code),
            ],
        )?;
        if status == 200 {
            return tokens(&body, asked).map(Poll::Done);
        }
        match body["error"].as_str() {
            Some("authorization_pending") => Ok(Poll::Pending),
            Some("slow_down") => {
                flow.interval += 5;
                Ok(Poll::SlowDown)
            }
            Some("expired_token") => Err(SignInError {
                message: "The sign-in code expired before anyone approved it. Run Connect-ExchangeOnline again for a new code.".into(),
                error: Some("expired_token".into()),
            }),
            Some("authorization_declined") => Err(SignInError {
                message: format!(
                    "The sign-in was declined at {}: nothing was connected.",
                    flow.verification_uri
                ),
                error: Some("authorization_declined".into()),
            }),
            _ => Err(platform_error(status, &body, &url)),
        }
    }

    /// A new access token from a refresh token (with the claims of a challenge, if any).
    pub fn refresh(
        &self,
        client_id: &str,
        scope: &str,
        refresh_token: &str,
        claims: Option<&str>,
    ) -> Result<Tokens, SignInError> {
        let url = self.endpoints()?.token_endpoint.clone();
        let fields = [
            ("grant_type", "refresh_token"),
            ("client_id", client_id),
            ("scope", scope),
            ("refresh_token", refresh_token),
        ];
        self.grant(&url, &fields, claims, token::now())
    }

    /// A token request with `fields` (and the claims of a challenge, if any), asked at
    /// `asked`: its tokens, or the platform's error.
    fn grant(
        &self,
        url: &str,
        fields: &[(&str, &str)],
        claims: Option<&str>,
        asked: i64,
    ) -> Result<Tokens, SignInError> {
        let mut fields = fields.to_vec();
        if let Some(claims) = claims {
            fields.push(("claims", claims));
        }
        let (status, body) = self.post(url, &fields)?;
        match status {
            200 => tokens(&body, asked),
            _ => Err(platform_error(status, &body, url)),
        }
    }

    /// An application's access token: the client-credentials grant, authenticated by a
    /// new client assertion signed with its certificate.
    pub fn app_token(
        &self,
        app_id: &str,
        certificate: &SigningCertificate,
        scope: &str,
        claims: Option<&str>,
    ) -> Result<Tokens, SignInError> {
        let url = self.endpoints()?.token_endpoint.clone();
        let asked = token::now();
        let assertion =
            assertion::make(certificate, app_id, &url, asked).map_err(SignInError::new)?;
        let fields = [
            ("grant_type", "client_credentials"),
            ("client_id", app_id),
            ("scope", scope),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", &assertion),
        ];
        self.grant(&url, &fields, claims, asked)
    }
}

/// A JSON number or numeric string (some servers send `"900"`).
fn number(value: &Value) -> Option<i64> {
    value
        .as_i64()
        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}

/// The tokens of a successful token response, timed from `asked` (when it was asked for).
fn tokens(body: &Value, asked: i64) -> Result<Tokens, SignInError> {
    let access_token = body["access_token"]
        .as_str()
        .filter(|t| !t.is_empty())
        .ok_or_else(|| SignInError::new("The sign-in service answered without an access token."))?;
    let lifetime = number(&body["expires_in"]).unwrap_or(3600).max(0);
    Ok(Tokens {
        access_token: access_token.to_string(),
        expires_at: asked + lifetime,
        lifetime,
        refresh_token: body["refresh_token"].as_str().map(str::to_string),
    })
}

/// The identity platform's error, said plainly: its description's first line (which
/// starts with the `AADSTS` code) and where it came from.
fn platform_error(status: u16, body: &Value, url: &str) -> SignInError {
    let error = body["error"].as_str().map(str::to_string);
    let description = body["error_description"]
        .as_str()
        .and_then(|d| d.lines().next())
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let message = match (&error, description) {
        (Some(e), Some(d)) => format!("Sign-in failed ({e}): {d}"),
        (Some(e), None) => format!("Sign-in failed ({e})."),
        _ => format!("Sign-in failed: {url} answered HTTP {status} without an OAuth error."),
    };
    SignInError { message, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clouds_are_found_by_name() {
        assert_eq!(
            cloud("o365default").map(|c| c.login),
            Some("login.microsoftonline.com")
        );
        assert_eq!(
            cloud("O365USGovGCCHigh").map(|c| c.exchange),
            Some("outlook.office365.us")
        );
        assert!(cloud("O365Mars").is_none());
    }

    #[test]
    fn platform_errors_keep_the_first_line_of_the_description() {
        let body = serde_json::json!({
            "error": "invalid_client",
            "error_description": "AADSTS700027: Client assertion failed signature validation.\r\nTrace ID: x",
        });
        let error = platform_error(401, &body, "https://login.example/t/oauth2/v2.0/token");
        assert_eq!(
            error.message,
            "Sign-in failed (invalid_client): AADSTS700027: Client assertion failed signature validation."
        );
        assert_eq!(error.error.as_deref(), Some("invalid_client"));
        let bare = platform_error(502, &Value::Null, "https://x/token");
        assert!(bare.message.contains("HTTP 502"), "{}", bare.message);
    }

    #[test]
    fn authorities_need_a_tenant() {
        assert!(SignInClient::new("https://login.microsoftonline.com").is_err());
        assert!(SignInClient::new("login.microsoftonline.com/common").is_err());
        assert!(SignInClient::new("https://login.microsoftonline.com/organizations/").is_ok());
    }

    #[test]
    fn token_answers_are_timed_from_the_request() {
        let body = serde_json::json!({"access_token": "SECRET-A", "expires_in": "120", "refresh_token": "SECRET-R"});
        let t = tokens(&body, 1000).expect("tokens");
        assert_eq!(
            (t.expires_at, t.lifetime, t.refresh_token.as_deref()),
            (1120, 120, Some("SECRET-R"))
        );
        assert!(
            !format!("{t:?}").contains("SECRET"),
            "tokens stay out of debug output"
        );
    }
}
