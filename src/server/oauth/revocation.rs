//! Revoking a user's or an application's tokens (`exosh token --revoke SUBJECT`), and the
//! claims challenge that tells their clients (Continuous Access Evaluation's shape).
//!
//! Revoking records "tokens of SUBJECT issued before now are void" in the organisation
//! (`organization` setting `tokens_not_before:<subject>`). Until they sign in again, the
//! subject's bearer tokens are answered `401` with `WWW-Authenticate: Bearer
//! error="insufficient_claims", claims="<base64 JSON>"`, and their refresh tokens are
//! refused (`invalid_grant`, AADSTS50173), so a user signs in afresh; an application's new
//! client assertion gets it a new token at once.

use base64::Engine as _;
use rusqlite::OptionalExtension;

use crate::exchange::ExchangeError;
use crate::exchange::auth::token;
use crate::exchange::store::{Store, sql_error};

fn setting(subject: &str) -> String {
    format!("tokens_not_before:{}", subject.to_ascii_lowercase())
}

/// Voids the tokens issued to `subject` (a UPN or an application id) before now; the time
/// from which new ones are good.
pub fn revoke(store: &mut Store, subject: &str) -> Result<i64, ExchangeError> {
    let now = token::now();
    store.write(|tx, _| {
        tx.execute(
            "INSERT OR REPLACE INTO organization (key, value) VALUES (?1, ?2)",
            [setting(subject), now.to_string()],
        )
        .map_err(sql_error)?;
        Ok(now)
    })
}

/// Whether a token of `subject` issued at `issued` was revoked since.
pub fn revoked(store: &Store, subject: &str, issued: i64) -> bool {
    let not_before: Option<String> = store
        .connection()
        .query_row(
            "SELECT value FROM organization WHERE key = ?1",
            [setting(subject)],
            |row| row.get(0),
        )
        .optional()
        .ok()
        .flatten();
    not_before
        .and_then(|t| t.parse::<i64>().ok())
        .is_some_and(|not_before| issued < not_before)
}

/// The `WWW-Authenticate` value of a claims challenge for a token issued from now on.
pub fn claims_challenge() -> String {
    let claims = serde_json::json!({
        "access_token": {"nbf": {"essential": true, "value": token::now().to_string()}}
    });
    format!(
        "Bearer realm=\"\", error=\"insufficient_claims\", error_description=\"A fresh token is needed: this one was revoked.\", claims=\"{}\"",
        base64::engine::general_purpose::STANDARD.encode(claims.to_string())
    )
}
