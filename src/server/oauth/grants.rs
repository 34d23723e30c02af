//! `POST /<tenant>/oauth2/v2.0/token`: the device-code, client-credentials and
//! refresh-token grants, each ending in an access token from the organisation's key.
//!
//! - Device code: the flow's user approved it at `/devicelogin`; the token is theirs.
//! - Client credentials: the application proves itself with a client assertion signed by
//!   a certificate registered with `exosh app add` (checked by `assertion.rs`); the
//!   assertion is then spent. The token is the application's (`appid`, no user).
//! - Refresh token: a refresh token this server issued to the same client; a new one
//!   comes with each new access token.
//!
//! A successful answer is Entra's: `token_type`, `scope`, `expires_in`, `ext_expires_in`,
//! `access_token`, and for a user `refresh_token` (scope `offline_access`), `id_token`
//! (scope `openid`; unsigned, `alg: none`, read by clients only over TLS as OpenID allows)
//! and `client_info` when asked for (`client_info=1`, as MSAL does).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::device::Poll;
use super::{
    EXO_MODULE_CLIENT_ID, Form, OAuthError, REFRESH_LIFETIME, address, checked_scopes, has_scope,
    is_alias, is_oidc, object_id, respond, tenant_form, token_endpoint,
};
use crate::exchange::auth::assertion::{self, ASSERTION_TYPE};
use crate::exchange::auth::token::{self, AUDIENCE, Claims};
use crate::exchange::auth::{apps, jwt};
use crate::server::{Peer, ServerState};

const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// What a refresh token's signature is for.
const REFRESH_PURPOSE: &str = "exosh refresh token";

/// `POST /<tenant>/oauth2/v2.0/token`.
pub async fn token(
    State(state): State<Arc<ServerState>>,
    Path(tenant): Path<String>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let mut logged = (address(peer), "-".to_string());
    let answer = async {
        let form = tenant_form(&state, &tenant, body).await?;
        let grant = form.require("grant_type")?;
        logged.1 = grant.to_string();
        let request = TokenRequest {
            state: &state,
            headers: &headers,
            tenant: &tenant,
            form: &form,
        };
        let (caller, body) = match grant {
            DEVICE_CODE_GRANT => request.device_code()?,
            "client_credentials" => request.client_credentials()?,
            "refresh_token" => request.refresh()?,
            other => {
                return Err(OAuthError::new(
                    "unsupported_grant_type",
                    70003,
                    format!("The app requested an unsupported grant type '{other}'."),
                ));
            }
        };
        logged.0 = caller;
        Ok(body)
    }
    .await;
    respond(&state, answer, &format!("{} token {}", logged.0, logged.1))
}

/// The clients that may start a device flow: the ExchangeOnlineManagement module, and
/// applications registered with `exosh app add`.
pub fn known_public_client(state: &ServerState, client_id: &str) -> Result<(), OAuthError> {
    let registered = client_id.eq_ignore_ascii_case(EXO_MODULE_CLIENT_ID)
        || apps::is_registered(&state.backend.store(), client_id).unwrap_or(false);
    match registered {
        true => Ok(()),
        false => Err(not_found(state, client_id)),
    }
}

fn not_found(state: &ServerState, client_id: &str) -> OAuthError {
    OAuthError::new(
        "unauthorized_client",
        700016,
        format!(
            "Application with identifier '{client_id}' was not found in the directory '{}'. Register it on the server with: exosh app add {client_id} --certificate FILE.pem",
            state.tenant
        ),
    )
}

struct TokenRequest<'a> {
    state: &'a ServerState,
    headers: &'a HeaderMap,
    tenant: &'a str,
    form: &'a Form,
}

/// Who a grant signed in (for the log) and the answer's body.
type Granted = (String, Value);

impl TokenRequest<'_> {
    fn device_code(&self) -> Result<Granted, OAuthError> {
        let client_id = self.form.require("client_id")?;
        let device_code = self.form.require("device_code")?;
        let flow = match self
            .state
            .sign_in
            .flows
            .poll(device_code, client_id, token::now())
        {
            Poll::Ready(flow) => flow,
            Poll::Refused(error) => return Err(error),
        };
        let upn = match flow.decision {
            super::device::Decision::Approved { upn } => upn,
            _ => {
                return Err(OAuthError::new(
                    "invalid_grant",
                    70000,
                    "Provided grant is invalid or malformed.",
                ));
            }
        };
        Ok((upn.clone(), self.user_tokens(&upn, client_id, &flow.scopes)))
    }

    fn refresh(&self) -> Result<Granted, OAuthError> {
        let client_id = self.form.require("client_id")?;
        let presented = self.form.require("refresh_token")?;
        let refresh = Refresh::open(self.state, presented)?;
        if super::revocation::revoked(&self.state.backend.store(), &refresh.upn, refresh.iat) {
            return Err(OAuthError::new(
                "invalid_grant",
                50173,
                "The provided grant has expired due to it being revoked, and a fresh auth token is needed. The user might have changed or reset their password, or the administrator revoked their sign-in sessions.",
            ));
        }
        if !refresh.cid.eq_ignore_ascii_case(client_id) {
            return Err(OAuthError::new(
                "invalid_grant",
                70000,
                "Provided grant is invalid or malformed: the refresh token was issued to another client.",
            ));
        }
        let granted: Vec<String> = refresh.scp.split_whitespace().map(str::to_string).collect();
        // A client may ask for less than it was granted, never for more.
        let scopes = match self.form.get("scope") {
            Some(asked) => {
                let asked = checked_scopes(asked)?;
                if let Some(extra) = asked
                    .iter()
                    .find(|s| !has_scope(&granted, s) && !is_oidc(s))
                {
                    return Err(OAuthError::new(
                        "invalid_grant",
                        70000,
                        format!(
                            "Provided grant is invalid or malformed: the refresh token does not grant the scope '{extra}'."
                        ),
                    ));
                }
                asked
            }
            None => granted,
        };
        Ok((
            refresh.upn.clone(),
            self.user_tokens(&refresh.upn, client_id, &scopes),
        ))
    }

    fn client_credentials(&self) -> Result<Granted, OAuthError> {
        if is_alias(self.tenant) {
            return Err(OAuthError::new(
                "invalid_request",
                9001023,
                "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
            ));
        }
        let client_id = self.form.require("client_id")?;
        let scope = self.form.require("scope")?;
        let default_scope = format!("{AUDIENCE}/.default");
        if !scope
            .split_whitespace()
            .all(|s| s.eq_ignore_ascii_case(&default_scope))
        {
            return Err(OAuthError::new(
                "invalid_scope",
                1002012,
                format!(
                    "The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI): {default_scope}."
                ),
            ));
        }
        if self.form.get("client_secret").is_some() {
            return Err(OAuthError::new(
                "invalid_client",
                7000215,
                "Invalid client secret provided: this server knows no client secrets. Sign in with a certificate (client_assertion).",
            ));
        }
        let (Some(kind), Some(text)) = (
            self.form.get("client_assertion_type"),
            self.form.get("client_assertion"),
        ) else {
            return Err(OAuthError::new(
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            ));
        };
        if kind != ASSERTION_TYPE {
            return Err(OAuthError::new(
                "invalid_client",
                50027,
                format!(
                    "The client_assertion_type '{kind}' is not supported: use {ASSERTION_TYPE}."
                ),
            ));
        }
        let refuse =
            |r: assertion::Refusal| OAuthError::new("invalid_client", r.code, r.description);
        let presented = assertion::read(text).map_err(refuse)?;
        let certificate = {
            let store = self.state.backend.store();
            if !apps::is_registered(&store, client_id).unwrap_or(false) {
                return Err(not_found(self.state, client_id));
            }
            apps::certificate(&store, client_id, presented.thumbprint())
                .ok()
                .flatten()
        };
        let Some(certificate) = certificate else {
            return Err(OAuthError::new(
                "invalid_client",
                700027,
                format!(
                    "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{}'.]",
                    match presented.thumbprint() {
                        apps::Thumbprint::Sha1(t) | apps::Thumbprint::Sha256(t) => t,
                    }
                ),
            ));
        };
        let audiences = [token_endpoint(self.state, self.headers, self.tenant)];
        let now = token::now();
        let accepted = presented
            .check(
                &certificate,
                client_id,
                &audiences,
                now,
                self.state.sign_in.times.clock_skew,
            )
            .map_err(refuse)?;
        let first_use = apps::spend(
            &mut self.state.backend.store(),
            client_id,
            &accepted.jti,
            accepted.spendable_until,
            now,
        )
        .map_err(|e| OAuthError::new("temporarily_unavailable", 90006, e.message))?;
        if !first_use {
            return Err(refuse(assertion::replayed(&accepted.jti)));
        }
        let lifetime = self.state.sign_in.times.token_lifetime;
        let claims = Claims {
            appid: Some(client_id.to_ascii_lowercase()),
            upn: String::new(),
            ..Claims::for_user("", &self.state.tenant, lifetime)
        };
        let body = json!({
            "token_type": "Bearer",
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": self.state.key.mint(&claims),
        });
        Ok((client_id.to_string(), body))
    }

    /// A user's access token, with a refresh token, ID token and client info as asked.
    fn user_tokens(&self, upn: &str, client_id: &str, scopes: &[String]) -> Value {
        let state = self.state;
        let lifetime = state.sign_in.times.token_lifetime;
        let claims = Claims::for_user(upn, &state.tenant, lifetime);
        let oid = object_id(&state.tenant, upn);
        let mut body = json!({
            "token_type": "Bearer",
            "scope": scopes.join(" "),
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": state.key.mint(&claims),
        });
        if has_scope(scopes, "offline_access") {
            let refresh = Refresh {
                upn: upn.to_string(),
                cid: client_id.to_ascii_lowercase(),
                scp: scopes.join(" "),
                iat: claims.iat,
                exp: claims.iat.saturating_add(REFRESH_LIFETIME),
            };
            body["refresh_token"] = Value::String(jwt::seal(&state.key, REFRESH_PURPOSE, &refresh));
            body["refresh_token_expires_in"] = json!(REFRESH_LIFETIME);
        }
        if has_scope(scopes, "openid") {
            let id = json!({
                "aud": client_id,
                "iss": super::issuer(state, self.headers),
                "iat": claims.iat,
                "nbf": claims.nbf,
                "exp": claims.exp,
                "name": upn,
                "oid": oid,
                "preferred_username": upn,
                "sub": oid,
                "tid": state.tenant,
                "ver": "2.0",
            });
            let unsigned = jwt::compose::<()>(&json!({"typ": "JWT", "alg": "none"}), &id, |_| {
                Ok(Vec::new())
            });
            body["id_token"] = Value::String(unsigned.unwrap_or_default());
        }
        if self.form.get("client_info") == Some("1") {
            body["client_info"] =
                Value::String(jwt::encode_part(&json!({"uid": oid, "utid": state.tenant})));
        }
        body
    }
}

/// A refresh token's contents: `<claims>.<signature>`, signed with the organisation's key.
#[derive(Debug, Serialize, Deserialize)]
struct Refresh {
    upn: String,
    /// The client it was issued to.
    cid: String,
    /// The scopes granted, space-separated.
    scp: String,
    iat: i64,
    exp: i64,
}

impl Refresh {
    fn open(state: &ServerState, text: &str) -> Result<Refresh, OAuthError> {
        let invalid = || {
            OAuthError::new(
                "invalid_grant",
                9002313,
                "Invalid request. Request is malformed or invalid: the refresh token is not one this server issued.",
            )
        };
        let refresh: Refresh =
            jwt::unseal(&state.key, REFRESH_PURPOSE, text).ok_or_else(invalid)?;
        if token::now() >= refresh.exp {
            return Err(OAuthError::new(
                "invalid_grant",
                700082,
                format!(
                    "The refresh token has expired due to inactivity. The token was issued on {} and was valid until {}.",
                    assertion::stamp(refresh.iat),
                    assertion::stamp(refresh.exp)
                ),
            ));
        }
        Ok(refresh)
    }
}
