//! Bearer tokens for `exosh serve`: minted by `exosh token UPN`, checked on every request.
//!
//! A token is a JWT (`header.claims.signature`, base64url) signed with HMAC-SHA256 under a
//! key kept in the organisation store, so whoever can write the organisation file (the
//! server's admin) can mint tokens and nobody else can. The claims are those of an Entra
//! access token for Exchange Online that a server needs: audience, tenant, user, validity.
//!
//! **decision**: HS256 rather than Entra's RS256: the server is its own issuer and the only
//! verifier, so a shared secret in the store is enough and needs no key distribution.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::hmac;
use serde::{Deserialize, Serialize};

use crate::exchange::store::Store;
use crate::exchange::{ErrorCode, ExchangeError};

/// The audience of an Exchange Online access token (the resource it is for).
pub const AUDIENCE: &str = "https://outlook.office365.com";

/// The organisation setting holding the signing key (hex).
const KEY_SETTING: &str = "token_signing_key";

/// Key length in bytes (HMAC-SHA256's block-sized key).
const KEY_BYTES: usize = 32;

/// Allowed clock difference between minting and checking, in seconds.
const CLOCK_SKEW: i64 = 60;

/// What a token says about its bearer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub aud: String,
    /// The tenant's initial domain (`contoso.onmicrosoft.com`).
    pub tid: String,
    /// The signed-in user; empty for an application's token.
    #[serde(default)]
    pub upn: String,
    /// The application, for app-only tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

impl Claims {
    /// A user's token for `tenant`, valid from now for `valid_for` seconds.
    pub fn for_user(upn: &str, tenant: &str, valid_for: i64) -> Claims {
        let now = now();
        Claims {
            aud: AUDIENCE.to_string(),
            tid: tenant.to_string(),
            upn: upn.to_string(),
            appid: None,
            iat: now,
            nbf: now,
            exp: now.saturating_add(valid_for),
        }
    }

    /// Who the token stands for: the user, else the application.
    pub fn subject(&self) -> &str {
        match &self.appid {
            Some(app) if self.upn.is_empty() => app,
            _ => &self.upn,
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The organisation's token signing key.
pub struct TokenKey {
    key: hmac::Key,
}

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    typ: String,
}

impl TokenKey {
    /// The store's key, made (from the system's random source) the first time it is needed.
    pub fn load_or_create(store: &mut Store) -> Result<TokenKey, ExchangeError> {
        let secret = store.write(|tx, _| {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT value FROM organization WHERE key = ?1",
                    [KEY_SETTING],
                    |row| row.get(0),
                )
                .ok();
            if let Some(hex) = existing
                .and_then(|h| super::unhex(&h))
                .filter(|k| !k.is_empty())
            {
                return Ok(hex);
            }
            let mut bytes = [0u8; KEY_BYTES];
            ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
                .map_err(|_| ExchangeError::store("The system's random source failed."))?;
            tx.execute(
                "INSERT OR REPLACE INTO organization (key, value) VALUES (?1, ?2)",
                [KEY_SETTING, &super::hex(&bytes).to_ascii_lowercase()],
            )
            .map_err(crate::exchange::store::sql_error)?;
            Ok(bytes.to_vec())
        })?;
        Ok(TokenKey::from_secret(&secret))
    }

    pub fn from_secret(secret: &[u8]) -> TokenKey {
        TokenKey {
            key: hmac::Key::new(hmac::HMAC_SHA256, secret),
        }
    }

    /// The signed token for these claims.
    pub fn mint(&self, claims: &Claims) -> String {
        let header = Header {
            alg: "HS256".to_string(),
            typ: "JWT".to_string(),
        };
        let signing_input = format!("{}.{}", encode_part(&header), encode_part(claims));
        let signature = hmac::sign(&self.key, signing_input.as_bytes());
        format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature.as_ref())
        )
    }

    /// The claims of a token signed with this key, current at `now`, for Exchange and for
    /// `tenant`; otherwise why it is refused.
    pub fn verify(&self, token: &str, tenant: &str, now: i64) -> Result<Claims, TokenError> {
        self.verify_within(token, tenant, now, CLOCK_SKEW)
    }

    /// [`TokenKey::verify`] with `leeway` seconds of clock difference allowed (the
    /// server's `--clock-skew`).
    pub fn verify_within(
        &self,
        token: &str,
        tenant: &str,
        now: i64,
        leeway: i64,
    ) -> Result<Claims, TokenError> {
        let mut parts = token.split('.');
        let (Some(header), Some(claims), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| TokenError::Malformed)?;
        let signing_input = &token[..header.len() + 1 + claims.len()];
        hmac::verify(&self.key, signing_input.as_bytes(), &signature)
            .map_err(|_| TokenError::BadSignature)?;
        let header: Header = decode_part(header)?;
        if header.alg != "HS256" {
            return Err(TokenError::BadSignature);
        }
        let claims: Claims = decode_part(claims)?;
        if claims.aud.trim_end_matches('/') != AUDIENCE {
            return Err(TokenError::WrongAudience);
        }
        if !claims.tid.eq_ignore_ascii_case(tenant) {
            return Err(TokenError::WrongTenant);
        }
        if now >= claims.exp.saturating_add(leeway) {
            return Err(TokenError::Expired);
        }
        if now < claims.nbf.saturating_sub(leeway) {
            return Err(TokenError::NotYetValid);
        }
        if claims.subject().is_empty() {
            return Err(TokenError::Malformed);
        }
        Ok(claims)
    }
}

impl TokenKey {
    /// A signature (base64url) of `data` for another use of the key than bearer tokens,
    /// such as a browser session cookie or a refresh token. `purpose` names that use, so a
    /// value signed for one can never pass for another, nor for a bearer token (whose
    /// signing input never holds the NUL byte that separates the two here).
    pub fn sign(&self, purpose: &str, data: &[u8]) -> String {
        let signature = hmac::sign(&self.key, &purposed(purpose, data));
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    }

    /// Whether `signature` is [`TokenKey::sign`]'s for this purpose and data.
    pub fn check(&self, purpose: &str, data: &[u8], signature: &str) -> bool {
        URL_SAFE_NO_PAD.decode(signature).is_ok_and(|signature| {
            hmac::verify(&self.key, &purposed(purpose, data), &signature).is_ok()
        })
    }
}

fn purposed(purpose: &str, data: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(purpose.len() + 1 + data.len());
    input.extend_from_slice(purpose.as_bytes());
    input.push(0);
    input.extend_from_slice(data);
    input
}

fn encode_part<T: Serialize>(value: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap_or_default())
}

/// A token's claims read without checking its signature: what a client may learn from a
/// token it was given (its user, tenant and expiry). Never used to grant anything.
pub fn unverified_claims(token: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let claims = token.split('.').nth(1)?;
    decode_part(claims).ok()
}

fn decode_part<T: serde::de::DeserializeOwned>(part: &str) -> Result<T, TokenError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| TokenError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| TokenError::Malformed)
}

/// Why a token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Missing,
    Malformed,
    BadSignature,
    WrongAudience,
    WrongTenant,
    Expired,
    NotYetValid,
    /// Issued before its subject's tokens were revoked (`exosh token --revoke`).
    Revoked,
}

impl TokenError {
    pub fn description(self) -> &'static str {
        match self {
            Self::Missing => "The request has no bearer token (Authorization: Bearer <token>).",
            Self::Malformed => "The bearer token is not a well-formed token.",
            Self::BadSignature => {
                "The bearer token's signature is not valid for this organisation."
            }
            Self::WrongAudience => "The bearer token is not for Exchange (wrong audience).",
            Self::WrongTenant => "The bearer token is for another organisation.",
            Self::Expired => "The bearer token has expired.",
            Self::NotYetValid => "The bearer token is not valid yet.",
            Self::Revoked => {
                "The bearer token was revoked (issued before its user's or application's tokens were revoked): sign in again."
            }
        }
    }

    /// The error the server answers with (401).
    pub fn to_exchange_error(self) -> ExchangeError {
        ExchangeError {
            http_status: 401,
            ..ExchangeError::new(
                ErrorCode::Forbidden,
                "UnauthorizedAccessException",
                "AuthenticationError",
                self.description(),
            )
        }
    }
}

/// Parses a validity such as `8h`, `30m`, `1d`, `90s` or `1h30m` into seconds.
pub fn parse_duration(text: &str) -> Option<i64> {
    let mut total: i64 = 0;
    let mut number = String::new();
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c.to_ascii_lowercase() {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        };
        let n: i64 = number.parse().ok()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        number.clear();
        any = true;
    }
    if !number.is_empty() {
        // A bare number is seconds.
        total = total.checked_add(number.parse().ok()?)?;
        any = true;
    }
    (any && total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENANT: &str = "contoso.onmicrosoft.com";

    #[test]
    fn a_minted_token_verifies_and_a_changed_one_does_not() {
        let key = TokenKey::from_secret(b"0123456789abcdef0123456789abcdef");
        let token = key.mint(&Claims::for_user(
            "admin@contoso.onmicrosoft.com",
            TENANT,
            3600,
        ));
        let claims = key.verify(&token, TENANT, now()).expect("valid");
        assert_eq!(claims.upn, "admin@contoso.onmicrosoft.com");
        let other = TokenKey::from_secret(b"another key, another organisation");
        assert_eq!(
            other.verify(&token, TENANT, now()),
            Err(TokenError::BadSignature)
        );
        let mut tampered = token.clone();
        tampered.insert(token.find('.').expect("dot") + 2, 'x');
        assert!(key.verify(&tampered, TENANT, now()).is_err());
        assert_eq!(
            key.verify(&token, "fabrikam.onmicrosoft.com", now()),
            Err(TokenError::WrongTenant)
        );
        assert_eq!(
            key.verify(&token, TENANT, now() + 7200),
            Err(TokenError::Expired)
        );
        assert_eq!(key.verify("a.b", TENANT, now()), Err(TokenError::Malformed));
    }

    #[test]
    fn a_token_for_another_audience_is_refused() {
        let key = TokenKey::from_secret(b"k");
        let mut claims = Claims::for_user("a@contoso.com", TENANT, 60);
        claims.aud = "https://graph.microsoft.com".into();
        assert_eq!(
            key.verify(&key.mint(&claims), TENANT, now()),
            Err(TokenError::WrongAudience)
        );
    }

    #[test]
    fn durations_read_as_admins_write_them() {
        assert_eq!(parse_duration("8h"), Some(8 * 3600));
        assert_eq!(parse_duration("1h30m"), Some(5400));
        assert_eq!(parse_duration("2d"), Some(2 * 86_400));
        assert_eq!(parse_duration("90"), Some(90));
        assert_eq!(parse_duration("h"), None);
        assert_eq!(parse_duration("0s"), None);
        assert_eq!(parse_duration("5 weeks"), None);
    }
}
