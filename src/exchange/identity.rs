//! Identity resolution (exchange.md §3): which object an `-Identity` value names, and the
//! exact errors when it names none, several, or an object referenced by another parameter
//! is missing.
//!
//! A recipient identity matches, case-insensitively, its Name, Alias, DisplayName,
//! PrimarySmtpAddress or any address in EmailAddresses (with or without `smtp:`),
//! UserPrincipalName, Guid, ExchangeGuid, ExternalDirectoryObjectId, SamAccountName,
//! LegacyExchangeDN, DistinguishedName (`CN=<name>,...`) or `domain\account`. In Get-*
//! cmdlets `*` is a wildcard. Identities are data: they reach SQL only as bound values,
//! and `%`, `_` and `\` are escaped inside LIKE patterns.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::nouns::ObjectKind;
use super::request::{ErrorCode, ExchangeError};
use super::store::{SqlFragment, sql_error};

/// `The operation couldn't be performed because object 'X' couldn't be found on '<server>'.`
pub fn not_found(identity: &str, server: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::NotFound,
        "ManagementObjectNotFoundException",
        "ObjectNotFound",
        format!(
            "The operation couldn't be performed because object '{identity}' couldn't be found on '{server}'."
        ),
    )
    .with_target(identity)
}

/// `The operation couldn't be performed because 'X' matches multiple entries.`
pub fn ambiguous(identity: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::BadRequest,
        "ManagementObjectAmbiguousException",
        "NotSpecified",
        format!(
            "The operation couldn't be performed because '{identity}' matches multiple entries."
        ),
    )
    .with_target(identity)
}

/// An object named by another parameter (`-OwaMailboxPolicy "X"`) that does not exist.
pub fn reference_missing(name: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::NotFound,
        "ManagementObjectNotFoundException",
        "NotSpecified",
        format!(
            "Couldn't find object \"{name}\". Please make sure that it was spelled correctly or specify a different object."
        ),
    )
    .with_target(name)
}

/// Which recipients a command sees. Exchange Online keeps a removed mailbox for
/// [`SOFT_DELETE_DAYS`] among the soft-deleted mailboxes, which only the commands that
/// ask for them see (`Get-Mailbox -SoftDeletedMailbox`, `Get-Recipient
/// -IncludeSoftDeletedRecipients`, `Undo-SoftDeletedMailbox`, `Remove-Mailbox
/// -PermanentlyDelete`); an ordinary identity never names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// The mailboxes in use.
    Active,
    /// The soft-deleted mailboxes not yet purged.
    SoftDeleted,
    /// Both.
    Any,
}

/// How long a soft-deleted mailbox is kept before it is purged.
pub const SOFT_DELETE_DAYS: i64 = 30;

/// The oldest removal a soft-deleted mailbox can date from and still be kept, as stored.
pub fn soft_delete_cutoff() -> String {
    (chrono::Utc::now() - chrono::Duration::days(SOFT_DELETE_DAYS))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The condition (on table alias `r`) selecting the recipients of a lifecycle.
pub fn lifecycle_condition(lifecycle: Lifecycle) -> SqlFragment {
    let kept = || vec![SqlValue::Text(soft_delete_cutoff())];
    match lifecycle {
        // Not through the soft-delete index (the `+`): nearly every recipient is active,
        // and that index would lead the planner away from a better one (the name order
        // of a sorted page, an identity's).
        Lifecycle::Active => SqlFragment::new("+r.\"WhenSoftDeleted\" IS NULL", Vec::new()),
        Lifecycle::SoftDeleted => SqlFragment::new("r.\"WhenSoftDeleted\" >= ?", kept()),
        Lifecycle::Any => SqlFragment::new(
            "(r.\"WhenSoftDeleted\" IS NULL OR r.\"WhenSoftDeleted\" >= ?)",
            kept(),
        ),
    }
}

/// The condition (on table alias `r`) selecting the recipients of these kinds
/// (RecipientTypeDetails values): what a noun's identity can name (`Set-Mailbox` finds no
/// group). No kinds: every recipient.
pub fn kinds_condition(kinds: &[&str]) -> SqlFragment {
    if kinds.is_empty() {
        return SqlFragment::all();
    }
    SqlFragment::new(
        format!(
            "r.\"RecipientTypeDetails\" IN ({})",
            vec!["?"; kinds.len()].join(", ")
        ),
        kinds
            .iter()
            .map(|k| SqlValue::Text(k.to_string()))
            .collect(),
    )
}

/// The recipients of a lifecycle and of these kinds.
pub fn scope(lifecycle: Lifecycle, kinds: &[&str]) -> SqlFragment {
    lifecycle_condition(lifecycle).and(kinds_condition(kinds))
}

/// Whether a Get-* identity is a wildcard pattern.
pub fn has_wildcard(identity: &str) -> bool {
    identity.contains('*')
}

/// A LIKE pattern (with `ESCAPE '\'`) for a text holding `*` wildcards: every other
/// character stands for itself.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '*' => pattern.push('%'),
            '%' | '_' | '\\' => {
                pattern.push('\\');
                pattern.push(c);
            }
            _ => pattern.push(c),
        }
    }
    pattern
}

/// The columns an exact recipient identity is compared with.
const EXACT_COLUMNS: &[&str] = &[
    "Name",
    "Alias",
    "DisplayName",
    "PrimarySmtpAddress",
    "UserPrincipalName",
    "Guid",
    "ExchangeGuid",
    "ExternalDirectoryObjectId",
    "SamAccountName",
    "LegacyExchangeDN",
];

/// The columns a wildcard identity is compared with.
const WILDCARD_COLUMNS: &[&str] = &["Name", "Alias", "DisplayName", "PrimarySmtpAddress"];

/// The condition (on table alias `r`) selecting the recipients an identity names.
/// `wildcards`: whether `*` is a wildcard (Get-* cmdlets) or a plain character.
///
/// Written as `r.rid IN (one indexed lookup per identity form, UNIONed)`, so resolving one
/// identity among 100,000 mailboxes is a handful of index probes, not a table scan.
pub fn recipient_condition(identity: &str, wildcards: bool) -> SqlFragment {
    let lookup = recipient_lookup(identity, wildcards);
    SqlFragment::new(format!("r.rid IN ({})", lookup.sql), lookup.params)
}

/// The row ids of the recipients an identity names, as a query (`SELECT rid ...`): what
/// [`recipient_condition`] compares with, for a condition on another column.
pub fn recipient_lookup(identity: &str, wildcards: bool) -> SqlFragment {
    let identity = identity.trim();
    let mut lookups: Vec<String> = Vec::new();
    let mut params: Vec<SqlValue> = Vec::new();
    let mut lookup = |sql: String, value: &str| {
        lookups.push(sql);
        params.push(SqlValue::Text(value.to_string()));
    };
    if wildcards && has_wildcard(identity) {
        let pattern = like_pattern(identity);
        for column in WILDCARD_COLUMNS {
            lookup(
                format!("SELECT rid FROM recipients WHERE \"{column}\" LIKE ? ESCAPE '\\'"),
                &pattern,
            );
        }
        lookup(
            "SELECT rid FROM addresses WHERE address LIKE ? ESCAPE '\\'".to_string(),
            &pattern,
        );
    } else {
        let bare = identity
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .unwrap_or(identity);
        for column in EXACT_COLUMNS {
            lookup(
                format!("SELECT rid FROM recipients WHERE \"{column}\" = ?"),
                bare,
            );
        }
        lookup(
            "SELECT rid FROM addresses WHERE address = ?".to_string(),
            strip_smtp_prefix(bare),
        );
        if let Some(name) = distinguished_name_cn(bare) {
            lookup(
                "SELECT rid FROM recipients WHERE \"Name\" = ?".to_string(),
                &name,
            );
        }
        if let Some((_, account)) = bare
            .split_once('\\')
            .filter(|(d, a)| !d.is_empty() && !a.is_empty())
        {
            for column in ["Alias", "SamAccountName"] {
                lookup(
                    format!("SELECT rid FROM recipients WHERE \"{column}\" = ?"),
                    account,
                );
            }
        }
    }
    SqlFragment::new(lookups.join(" UNION "), params)
}

fn strip_smtp_prefix(text: &str) -> &str {
    match text.split_once(':') {
        Some((prefix, rest)) if prefix.eq_ignore_ascii_case("smtp") => rest,
        _ => text,
    }
}

/// The CN of a distinguished name (`CN=Ken Sanchez,OU=...` → `Ken Sanchez`), unescaping
/// `\,` and friends.
fn distinguished_name_cn(text: &str) -> Option<String> {
    text.get(..3).filter(|p| p.eq_ignore_ascii_case("CN="))?;
    let body = text.get(3..)?;
    let mut name = String::new();
    let mut chars = body.chars();
    let mut terminated = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => name.push(chars.next()?),
            ',' => {
                terminated = true;
                break;
            }
            _ => name.push(c),
        }
    }
    (terminated && !name.is_empty()).then_some(name)
}

/// The GUID an identity spells (`8-4-4-4-12` hex digits, braces allowed), if it is one.
fn guid_text(identity: &str) -> Option<&str> {
    let identity = identity.trim();
    let bare = identity
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(identity);
    let groups: Vec<&str> = bare.split('-').collect();
    let shaped = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()));
    shaped.then_some(bare)
}

/// Resolves an identity to exactly one recipient within `scope` (a condition on `r`);
/// returns its row id.
pub fn resolve_recipient(
    conn: &Connection,
    scope: &SqlFragment,
    identity: &str,
    server: &str,
) -> Result<i64, ExchangeError> {
    resolve_recipient_as(conn, scope, identity, server, "r.rid", |row| row.get(0))
}

/// As [`resolve_recipient`], reading of the recipient found what `select` (a SELECT list
/// over table alias `r`) selects, with `read`: a change reads the row it changes in the
/// same statement that finds it.
pub fn resolve_recipient_as<T>(
    conn: &Connection,
    scope: &SqlFragment,
    identity: &str,
    server: &str,
    select: &str,
    mut read: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<T, ExchangeError> {
    if let Some(guid) = guid_text(identity) {
        // As Exchange's identity parameters do, a GUID names the object with that GUID
        // before anything else: one probe of a unique index (a piped object arrives as
        // its Guid), the full search only when no object has it.
        let sql = format!(
            "SELECT {select} FROM recipients r WHERE ({}) AND r.\"Guid\" = ? LIMIT 1",
            scope.sql
        );
        let params = scope
            .params
            .iter()
            .cloned()
            .chain(std::iter::once(SqlValue::Text(guid.to_string())));
        let found: Option<T> = conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_row(params_from_iter(params), &mut read)
                    .optional()
            })
            .map_err(sql_error)?;
        if let Some(found) = found {
            return Ok(found);
        }
    }
    let condition = recipient_condition(identity, false);
    let sql = format!(
        "SELECT {select} FROM recipients r WHERE ({}) AND ({}) LIMIT 2",
        scope.sql, condition.sql
    );
    let params = scope.params.iter().chain(condition.params.iter());
    let mut stmt = conn.prepare_cached(&sql).map_err(sql_error)?;
    let mut found: Vec<T> = stmt
        .query_map(params_from_iter(params), read)
        .map_err(sql_error)?
        .collect::<Result<_, _>>()
        .map_err(sql_error)?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(not_found(identity, server)),
        _ => Err(ambiguous(identity)),
    }
}

/// The condition (on table alias `o`) selecting the document objects of `kind` an
/// identity names (by name or GUID; `*` a wildcard when `wildcards`).
pub fn object_condition(kind: &ObjectKind, identity: &str, wildcards: bool) -> SqlFragment {
    let identity = identity.trim();
    let kind_value = SqlValue::Text(kind.noun.to_string());
    if wildcards && has_wildcard(identity) {
        return SqlFragment::new(
            "o.kind = ? AND o.name LIKE ? ESCAPE '\\'",
            vec![kind_value, SqlValue::Text(like_pattern(identity))],
        );
    }
    // **Decision**: `Default` also names the kind's default object when none is called
    // that (Exchange Server's default OWA policy is "Default"; the docs use the name).
    let name = SqlValue::Text(identity.to_string());
    SqlFragment::new(
        "o.kind = ? AND (o.name = ? OR o.guid = ? COLLATE NOCASE OR \
         (? = 'Default' COLLATE NOCASE AND o.is_default = 1 AND NOT EXISTS \
          (SELECT 1 FROM objects x WHERE x.kind = ? AND x.name = 'Default')))",
        vec![
            kind_value.clone(),
            name.clone(),
            name.clone(),
            name,
            kind_value,
        ],
    )
}

/// Resolves an identity to exactly one object of `kind`; returns its row id and name.
/// `missing` builds the error when nothing matches (not-found for `-Identity`,
/// [`reference_missing`] for a reference).
pub fn resolve_object(
    conn: &Connection,
    kind: &ObjectKind,
    identity: &str,
    missing: impl FnOnce() -> ExchangeError,
) -> Result<(i64, String), ExchangeError> {
    let condition = object_condition(kind, identity, false);
    let sql = format!(
        "SELECT o.oid, o.name FROM objects o WHERE {} LIMIT 2",
        condition.sql
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(sql_error)?;
    let found: Vec<(i64, String)> = stmt
        .query_map(params_from_iter(condition.params.iter()), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .map_err(sql_error)?
        .collect::<Result<_, _>>()
        .map_err(sql_error)?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(missing()),
        _ => Err(ambiguous(identity)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_sql_wildcards() {
        assert_eq!(like_pattern("a*"), "a%");
        assert_eq!(like_pattern("50%_off\\*"), "50\\%\\_off\\\\%");
    }

    #[test]
    fn recognises_guids_with_or_without_braces() {
        let guid = "8f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        assert_eq!(guid_text(guid), Some(guid));
        assert_eq!(guid_text(&format!(" {{{guid}}} ")), Some(guid));
        assert_eq!(guid_text("8f1e2d3c-4b5a-4978-8695-a4b3c2d1e0fz"), None);
        assert_eq!(guid_text("Ken Sanchez"), None);
    }

    #[test]
    fn reads_the_cn_of_a_distinguished_name() {
        assert_eq!(
            distinguished_name_cn("CN=Sanchez\\, Ken,OU=contoso"),
            Some("Sanchez, Ken".to_string())
        );
        assert_eq!(distinguished_name_cn("Ken Sanchez"), None);
    }

    #[test]
    fn error_texts_are_exchanges() {
        assert_eq!(
            not_found("Nobody", "srv").message,
            "The operation couldn't be performed because object 'Nobody' couldn't be found on 'srv'."
        );
        assert_eq!(
            reference_missing("Sales Associate").message,
            "Couldn't find object \"Sales Associate\". Please make sure that it was spelled correctly or specify a different object."
        );
    }
}
