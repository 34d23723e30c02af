//! A connection's credential: the tokens of its sign-in, kept in memory only (never in a
//! file, the history, a transcript or a log line), and a fresh access token whenever a
//! request asks for one.
//!
//! - A token is refreshed before it expires: when less than [`refresh_margin`] of its life
//!   is left, the next request first gets a new one (a user's refresh token, or an
//!   application's new client assertion), so a two-hour bulk change outlives its first
//!   token. A refresh that fails while the old token is still valid leaves the old one in
//!   use (the next request tries again).
//! - A server's claims challenge (`401` with `WWW-Authenticate: Bearer ...
//!   claims="..."`, as Continuous Access Evaluation sends) asks for a fresh sign-in:
//!   [`Credential::renew`] gets one, passing the claims on; the caller retries once.
//!   When the user's refresh token is no longer accepted, the user signs in again with a
//!   new device code ([`Reprompt`]) if the connection was made on a terminal.
//! - A token given as it is (`-AccessToken`) cannot be renewed: when it expires, the
//!   connection says so.

use std::sync::Mutex;

use base64::Engine as _;

use super::certificate::SigningCertificate;
use super::client::{DeviceFlow, Poll, SignInClient, SignInError, Tokens};
use super::token;

/// How long before expiry a token is renewed: five minutes, or half the life of a
/// shorter-lived token.
pub fn refresh_margin(lifetime: i64) -> i64 {
    (lifetime / 2).min(300)
}

/// How a user signs in again when the refresh token no longer works: the device flow,
/// shown and awaited by whoever connected (the shell, on its terminal). It returns the new
/// tokens, or why not (declined, expired, stopped with Ctrl-C).
pub type Reprompt = Box<dyn Fn(&SignInClient) -> Result<Tokens, SignInError> + Send + Sync>;

/// Who the credential signs in as, and how it gets new tokens.
enum Grant {
    /// A user, through a public client (the module's id): refresh tokens.
    User {
        client_id: String,
        reprompt: Option<Reprompt>,
    },
    /// An application with its certificate: a new client-credentials grant each time.
    App {
        app_id: String,
        certificate: Box<SigningCertificate>,
    },
    /// A token given as it is.
    Given,
}

/// The credential of one connection.
pub struct Credential {
    client: Option<SignInClient>,
    scope: String,
    grant: Grant,
    tokens: Mutex<Tokens>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl Credential {
    /// A user's credential after a sign-in (the device flow): `tokens` as it gave them.
    pub fn user(
        client: SignInClient,
        client_id: &str,
        scope: &str,
        tokens: Tokens,
        reprompt: Option<Reprompt>,
    ) -> Credential {
        Credential {
            client: Some(client),
            scope: scope.to_string(),
            grant: Grant::User {
                client_id: client_id.to_string(),
                reprompt,
            },
            tokens: Mutex::new(tokens),
        }
    }

    /// An application's credential: signs in now with its certificate.
    pub fn app(
        client: SignInClient,
        app_id: &str,
        certificate: SigningCertificate,
        scope: &str,
    ) -> Result<Credential, SignInError> {
        let tokens = client.app_token(app_id, &certificate, scope, None)?;
        Ok(Credential {
            client: Some(client),
            scope: scope.to_string(),
            grant: Grant::App {
                app_id: app_id.to_string(),
                certificate: Box::new(certificate),
            },
            tokens: Mutex::new(tokens),
        })
    }

    /// A token given as it is, valid until `expires_at` (when it says).
    pub fn given(access_token: &str, expires_at: Option<i64>) -> Credential {
        Credential {
            client: None,
            scope: String::new(),
            grant: Grant::Given,
            tokens: Mutex::new(Tokens {
                access_token: access_token.to_string(),
                expires_at: expires_at.unwrap_or(i64::MAX),
                lifetime: 0,
                refresh_token: None,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Tokens> {
        self.tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// When the current token expires (seconds since the epoch).
    pub fn expires_at(&self) -> i64 {
        self.lock().expires_at
    }

    /// An access token for the next request: the current one, or a new one when it is
    /// about to expire.
    pub fn token(&self) -> Result<String, SignInError> {
        let mut tokens = self.lock();
        let now = token::now();
        let due = now + refresh_margin(tokens.lifetime) >= tokens.expires_at;
        if !due || matches!(self.grant, Grant::Given) {
            if now >= tokens.expires_at {
                return Err(SignInError {
                    message: "The access token has expired and this connection cannot renew it (it was made with -AccessToken): get a new token and connect again.".into(),
                    error: Some("expired_token".into()),
                });
            }
            return Ok(tokens.access_token.clone());
        }
        match self.fresh(&tokens, None) {
            Ok(fresh) => {
                *tokens = fresh;
                Ok(tokens.access_token.clone())
            }
            // The old token still works for now: use it; the next request tries again.
            Err(_) if now < tokens.expires_at => Ok(tokens.access_token.clone()),
            Err(error) => Err(error),
        }
    }

    /// A fresh sign-in after a claims challenge (`claims`: the challenge's JSON); the new
    /// token. The caller retries its request once with it.
    pub fn renew(&self, claims: Option<&str>) -> Result<String, SignInError> {
        let mut tokens = self.lock();
        *tokens = self.fresh(&tokens, claims)?;
        Ok(tokens.access_token.clone())
    }

    /// New tokens by the credential's grant.
    fn fresh(&self, current: &Tokens, claims: Option<&str>) -> Result<Tokens, SignInError> {
        let Some(client) = &self.client else {
            return Err(SignInError {
                message: "The server asked for a new sign-in, and this connection was made with -AccessToken: get a new token and connect again.".into(),
                error: None,
            });
        };
        match &self.grant {
            Grant::App {
                app_id,
                certificate,
            } => client.app_token(app_id, certificate, &self.scope, claims),
            Grant::User {
                client_id,
                reprompt,
            } => {
                let refreshed = match &current.refresh_token {
                    Some(refresh) => client.refresh(client_id, &self.scope, refresh, claims),
                    None => Err(SignInError {
                        message: "The sign-in gave no refresh token.".into(),
                        error: Some("invalid_grant".into()),
                    }),
                };
                match (refreshed, reprompt) {
                    (Ok(mut tokens), _) => {
                        // A server may keep the refresh token and not send a new one.
                        if tokens.refresh_token.is_none() {
                            tokens.refresh_token = current.refresh_token.clone();
                        }
                        Ok(tokens)
                    }
                    (Err(error), Some(reprompt))
                        if error.error.as_deref() == Some("invalid_grant") =>
                    {
                        reprompt(client)
                    }
                    (Err(error), _) => Err(error),
                }
            }
            Grant::Given => Err(SignInError {
                message:
                    "This connection's token was given with -AccessToken and cannot be renewed."
                        .into(),
                error: None,
            }),
        }
    }
}

/// Waits out a device flow: polls every `interval` (growing on `slow_down`) until its
/// user answers, it expires, or `stop` says to stop (Ctrl-C), sleeping in short steps so
/// a stop is noticed at once.
pub fn await_device_flow(
    client: &SignInClient,
    flow: &mut DeviceFlow,
    client_id: &str,
    stop: &dyn Fn() -> bool,
) -> Result<Tokens, SignInError> {
    loop {
        let wait = std::time::Duration::from_secs(flow.interval);
        let started = std::time::Instant::now();
        while started.elapsed() < wait {
            if stop() {
                return Err(SignInError {
                    message: "The sign-in was stopped (Ctrl-C): nothing was connected.".into(),
                    error: Some("stopped".into()),
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(50).min(wait));
        }
        if stop() {
            return Err(SignInError {
                message: "The sign-in was stopped (Ctrl-C): nothing was connected.".into(),
                error: Some("stopped".into()),
            });
        }
        match client.poll_device_flow(flow, client_id)? {
            Poll::Done(tokens) => return Ok(tokens),
            Poll::Pending | Poll::SlowDown => {}
        }
    }
}

/// The claims a `WWW-Authenticate` header's challenge asks for (its `claims` parameter,
/// base64 decoded to JSON), if it is a claims challenge.
pub fn claims_challenge(www_authenticate: &str) -> Option<String> {
    let start = www_authenticate.find("claims=\"")? + "claims=\"".len();
    let value = www_authenticate[start..].split('"').next()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(value)
        .ok()
        .or_else(|| super::jwt::decode_lenient(value))?;
    let text = String::from_utf8(bytes).ok()?;
    serde_json::from_str::<serde_json::Value>(&text).ok()?;
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_renewed_five_minutes_or_half_a_life_early() {
        assert_eq!(refresh_margin(3600), 300);
        assert_eq!(refresh_margin(4), 2);
        assert_eq!(refresh_margin(0), 0);
    }

    #[test]
    fn a_given_token_is_used_until_it_expires() {
        let live = Credential::given("t", Some(token::now() + 60));
        assert_eq!(live.token(), Ok("t".to_string()));
        assert!(live.renew(None).is_err());
        let dead = Credential::given("t", Some(token::now() - 1));
        assert!(
            dead.token()
                .expect_err("expired")
                .message
                .contains("expired")
        );
    }

    #[test]
    fn claims_challenges_are_read_from_the_header() {
        let claims = r#"{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}"#;
        let header = format!(
            "Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{}\"",
            base64::engine::general_purpose::STANDARD.encode(claims)
        );
        assert_eq!(claims_challenge(&header).as_deref(), Some(claims));
        assert_eq!(claims_challenge("Bearer error=\"invalid_token\""), None);
        assert_eq!(claims_challenge("Bearer claims=\"!!\""), None);
    }
}
