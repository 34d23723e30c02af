//! The applications an organisation lets sign in with a certificate: what Entra's app
//! registrations hold for a real tenant ("Certificates & secrets"), kept in the
//! organisation store (`app_certificates`, schema version 4). `exosh app add` registers a
//! certificate; the token endpoint of `exosh serve` finds it by thumbprint and spends each
//! client assertion once (`spent_assertions`).

use rusqlite::{OptionalExtension, params};

use super::certificate::Certificate;
use crate::exchange::ExchangeError;
use crate::exchange::store::{Store, now_utc, sql_error};

/// How a client assertion names its certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Thumbprint {
    /// SHA-1, upper-case hex (`x5t`).
    Sha1(String),
    /// SHA-256, upper-case hex (`x5t#S256`).
    Sha256(String),
}

/// One registered certificate, as `exosh app list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub app_id: String,
    pub thumbprint: String,
    pub subject: String,
    pub not_after: i64,
}

/// Whether `text` is an application id: a GUID (`00000000-0000-0000-0000-000000000000`).
pub fn is_app_id(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Registers `certificate` for `app_id`; false when it already was.
pub fn add(
    store: &mut Store,
    app_id: &str,
    certificate: &Certificate,
) -> Result<bool, ExchangeError> {
    store.write(|tx, _| {
        let inserted = tx
            .execute(
                "INSERT OR IGNORE INTO app_certificates (app_id, thumbprint, thumbprint_sha256, subject, not_before, not_after, certificate, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    app_id.to_ascii_lowercase(),
                    certificate.thumbprint,
                    certificate.thumbprint_sha256,
                    certificate.subject,
                    certificate.not_before,
                    certificate.not_after,
                    certificate.der,
                    now_utc()
                ],
            )
            .map_err(sql_error)?;
        Ok(inserted == 1)
    })
}

/// Removes `app_id`'s certificates (only the one with this SHA-1 thumbprint, when given);
/// how many went.
pub fn remove(
    store: &mut Store,
    app_id: &str,
    thumbprint: Option<&str>,
) -> Result<usize, ExchangeError> {
    store.write(|tx, _| {
        tx.execute(
            "DELETE FROM app_certificates WHERE app_id = ?1 AND (?2 IS NULL OR thumbprint = ?2)",
            params![app_id, thumbprint],
        )
        .map_err(sql_error)
    })
}

/// Every registered certificate, by application.
pub fn list(store: &Store) -> Result<Vec<Registration>, ExchangeError> {
    let mut stmt = store
        .connection()
        .prepare_cached(
            "SELECT app_id, thumbprint, subject, not_after FROM app_certificates ORDER BY app_id, not_after",
        )
        .map_err(sql_error)?;
    stmt.query_map([], |row| {
        Ok(Registration {
            app_id: row.get(0)?,
            thumbprint: row.get(1)?,
            subject: row.get(2)?,
            not_after: row.get(3)?,
        })
    })
    .and_then(|rows| rows.collect())
    .map_err(sql_error)
}

/// Whether any certificate is registered for `app_id`.
pub fn is_registered(store: &Store, app_id: &str) -> Result<bool, ExchangeError> {
    store
        .connection()
        .query_row(
            "SELECT 1 FROM app_certificates WHERE app_id = ?1 LIMIT 1",
            [app_id],
            |_| Ok(()),
        )
        .optional()
        .map(|found| found.is_some())
        .map_err(sql_error)
}

/// `app_id`'s certificate with this thumbprint, if registered.
pub fn certificate(
    store: &Store,
    app_id: &str,
    thumbprint: &Thumbprint,
) -> Result<Option<Certificate>, ExchangeError> {
    let (sql, value) = match thumbprint {
        Thumbprint::Sha1(t) => (
            "SELECT certificate FROM app_certificates WHERE app_id = ?1 AND thumbprint = ?2",
            t,
        ),
        Thumbprint::Sha256(t) => (
            "SELECT certificate FROM app_certificates WHERE app_id = ?1 AND thumbprint_sha256 = ?2",
            t,
        ),
    };
    let der: Option<Vec<u8>> = store
        .connection()
        .query_row(sql, params![app_id, value], |row| row.get(0))
        .optional()
        .map_err(sql_error)?;
    // What the store holds was read as a certificate when it was added.
    Ok(der.and_then(|der| Certificate::from_der(&der).ok()))
}

/// Records that `app_id` used the assertion `jti` (valid until `expires`); false when it
/// had been used before. Spent assertions past their expiry are forgotten on the way.
pub fn spend(
    store: &mut Store,
    app_id: &str,
    jti: &str,
    expires: i64,
    now: i64,
) -> Result<bool, ExchangeError> {
    store.write(|tx, _| {
        tx.execute("DELETE FROM spent_assertions WHERE expires < ?1", [now])
            .map_err(sql_error)?;
        let inserted = tx
            .execute(
                "INSERT OR IGNORE INTO spent_assertions (app_id, jti, expires) VALUES (?1, ?2, ?3)",
                params![app_id, jti, expires],
            )
            .map_err(sql_error)?;
        Ok(inserted == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_ids_are_guids() {
        assert!(is_app_id("fb78d390-0c51-40cd-8e17-fdbfab77341b"));
        assert!(!is_app_id("fb78d390-0c51-40cd-8e17-fdbfab77341"));
        assert!(!is_app_id("my-app"));
        assert!(!is_app_id("fb78d390-0c51-40cd-8e17-fdbfab77341g"));
    }
}
