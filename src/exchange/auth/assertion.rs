//! Client assertions: how an application proves, with its certificate, who it is (RFC
//! 7523, Entra's "certificate credentials"). The client makes one per token request
//! ([`make`]); `exosh serve` reads it, finds the certificate it names and checks it
//! ([`read`], [`Presented::check`]), then spends its `jti` so it is accepted only once.
//!
//! A JWT whose header names the algorithm (`RS256` or `PS256`) and the certificate (`x5t`:
//! SHA-1 thumbprint, or `x5t#S256`: SHA-256, base64url with or without padding), and
//! whose claims say `aud` = the token endpoint, `iss` = `sub` = the application id, `jti`
//! (unique), `exp` and optionally `nbf`/`iat` (whole or fractional seconds).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::apps::Thumbprint;
use super::certificate::{Algorithm, Certificate, SigningCertificate};
use super::jwt;
use super::{guid, hex};

/// `client_assertion_type` of a JWT client assertion.
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// How long an assertion [`make`] makes is valid (Entra: "5-10 minutes").
pub const LIFETIME: i64 = 600;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    alg: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    typ: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    x5t: Option<String>,
    #[serde(rename = "x5t#S256", default, skip_serializing_if = "Option::is_none")]
    x5t_s256: Option<String>,
}

/// A new assertion for `client_id` at the token endpoint `audience`, signed (PS256, as
/// Entra recommends) by the certificate's key and naming it by its SHA-256 thumbprint.
pub fn make(
    certificate: &SigningCertificate,
    client_id: &str,
    audience: &str,
    now: i64,
) -> Result<String, String> {
    let header = Header {
        alg: Algorithm::Ps256.name().to_string(),
        typ: Some("JWT".to_string()),
        x5t: None,
        x5t_s256: super::unhex(&certificate.certificate.thumbprint_sha256)
            .map(|bytes| jwt::encode(&bytes)),
    };
    let claims = serde_json::json!({
        "aud": audience,
        "iss": client_id,
        "sub": client_id,
        "jti": random_id(),
        "nbf": now,
        "iat": now,
        "exp": now + LIFETIME,
    });
    jwt::compose(&header, &claims, |input| {
        certificate.sign(Algorithm::Ps256, input)
    })
}

/// A random identifier in GUID form.
pub fn random_id() -> String {
    let mut bytes = super::random::<16>();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    guid(&bytes)
}

/// Why an assertion is refused: Entra's `AADSTS` code and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: u32,
    pub description: String,
}

fn refuse(code: u32, description: impl Into<String>) -> Refusal {
    Refusal {
        code,
        description: description.into(),
    }
}

/// An assertion as presented, read but not yet checked.
pub struct Presented {
    algorithm: Algorithm,
    thumbprint: Thumbprint,
    claims: serde_json::Map<String, Value>,
    signing_input: String,
    signature: Vec<u8>,
}

/// What an accepted assertion leaves for the server to spend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub jti: String,
    /// Until when (seconds since the epoch, leeway included) it could be accepted again.
    pub spendable_until: i64,
}

/// Reads an assertion; refused when it is not a signed JWT naming its certificate.
pub fn read(text: &str) -> Result<Presented, Refusal> {
    let malformed = || {
        refuse(
            50013,
            "Assertion is malformed: it is not a JWT (header.claims.signature, base64url).",
        )
    };
    let parts = jwt::split(text).ok_or_else(malformed)?;
    let header: Header = jwt::decode_part(parts.header).ok_or_else(malformed)?;
    let claims: serde_json::Map<String, Value> =
        jwt::decode_part(parts.claims).ok_or_else(malformed)?;
    let algorithm = Algorithm::from_name(&header.alg).ok_or_else(|| {
        refuse(
            700027,
            format!(
                "Client assertion failed signature validation. [Reason - The algorithm '{}' is not supported: use RS256 or PS256.]",
                header.alg
            ),
        )
    })?;
    let named = |b64: &Option<String>| {
        b64.as_deref()
            .and_then(jwt::decode_lenient)
            .map(|b| hex(&b))
    };
    let thumbprint = match (named(&header.x5t_s256), named(&header.x5t)) {
        (Some(sha256), _) if sha256.len() == 64 => Thumbprint::Sha256(sha256),
        (_, Some(sha1)) if sha1.len() == 40 => Thumbprint::Sha1(sha1),
        _ => {
            return Err(refuse(
                700027,
                "Client assertion failed signature validation. [Reason - The assertion's header names no certificate: it needs x5t or x5t#S256, the certificate's thumbprint.]",
            ));
        }
    };
    Ok(Presented {
        algorithm,
        thumbprint,
        claims,
        signing_input: parts.signing_input.to_string(),
        signature: parts.signature,
    })
}

impl Presented {
    /// The certificate the assertion says it was signed with.
    pub fn thumbprint(&self) -> &Thumbprint {
        &self.thumbprint
    }

    /// Checks the assertion against the registered `certificate` of `client_id`: its
    /// signature, the certificate's validity, issuer and subject, audience (one of
    /// `audiences`), validity in time (with `leeway` seconds of clock difference) and jti.
    pub fn check(
        &self,
        certificate: &Certificate,
        client_id: &str,
        audiences: &[String],
        now: i64,
        leeway: i64,
    ) -> Result<Accepted, Refusal> {
        if !certificate.verifies(
            self.algorithm,
            self.signing_input.as_bytes(),
            &self.signature,
        ) {
            return Err(refuse(
                700027,
                "Client assertion failed signature validation. [Reason - The assertion was not signed by the key of the certificate its header names.]",
            ));
        }
        if now > certificate.not_after.saturating_add(leeway)
            || now < certificate.not_before.saturating_sub(leeway)
        {
            return Err(refuse(
                700027,
                format!(
                    "Client assertion failed signature validation. [Reason - The key used is expired or not yet valid: the certificate {} is valid from {} to {}.]",
                    certificate.thumbprint,
                    stamp(certificate.not_before),
                    stamp(certificate.not_after)
                ),
            ));
        }
        for claim in ["iss", "sub"] {
            if !self
                .text(claim)
                .is_some_and(|v| v.eq_ignore_ascii_case(client_id))
            {
                return Err(refuse(
                    700021,
                    format!(
                        "Client assertion application identifier doesn't match 'client_id' parameter. [Reason - the '{claim}' claim must be the application id '{client_id}'.]"
                    ),
                ));
            }
        }
        let audience = self.text("aud").unwrap_or_default();
        let same = |a: &String| {
            a.trim_end_matches('/')
                .eq_ignore_ascii_case(audience.trim_end_matches('/'))
        };
        if !audiences.iter().any(same) {
            return Err(refuse(
                50013,
                format!(
                    "Assertion is invalid: its audience '{audience}' is not this token endpoint ('{}').",
                    audiences.first().map_or("", String::as_str)
                ),
            ));
        }
        let Some(exp) = self.seconds("exp") else {
            return Err(refuse(
                50013,
                "Assertion is invalid: it has no 'exp' (expiry) claim.",
            ));
        };
        let nbf = self.seconds("nbf").unwrap_or(i64::MIN);
        if now >= exp.saturating_add(leeway) || now < nbf.saturating_sub(leeway) {
            return Err(refuse(
                700024,
                format!(
                    "Client assertion is not within its valid time range. Current time: {}, assertion valid from {}, expiry time of assertion {}.",
                    stamp(now),
                    if nbf == i64::MIN {
                        stamp(0)
                    } else {
                        stamp(nbf)
                    },
                    stamp(exp)
                ),
            ));
        }
        let jti = self.text("jti").filter(|j| !j.is_empty()).ok_or_else(|| {
            refuse(50013, "Assertion is invalid: it has no 'jti' (a unique identifier), so it could be replayed.")
        })?;
        Ok(Accepted {
            jti: jti.to_string(),
            spendable_until: exp.saturating_add(leeway),
        })
    }

    fn text(&self, claim: &str) -> Option<&str> {
        self.claims.get(claim).and_then(Value::as_str)
    }

    /// A time claim in whole seconds (JWT NumericDate may carry a fraction).
    fn seconds(&self, claim: &str) -> Option<i64> {
        let value = self.claims.get(claim)?;
        value.as_i64().or_else(|| {
            value
                .as_f64()
                .filter(|f| f.is_finite())
                .map(|f| f.floor() as i64)
        })
    }
}

/// The refusal of an assertion already used.
pub fn replayed(jti: &str) -> Refusal {
    refuse(
        50013,
        format!(
            "Assertion is invalid: it was already used (jti '{jti}'). Make a new assertion for each token request."
        ),
    )
}

/// Seconds since the epoch as Entra prints times in its errors.
pub fn stamp(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| seconds.to_string())
}
