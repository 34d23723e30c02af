//! The organisation store: one SQLite file holding every recipient, policy, plan and
//! organisation setting.
//!
//! Several exosh processes may share one file: it runs in WAL mode with a busy timeout,
//! every command's change is one `BEGIN IMMEDIATE` transaction (all of it or none), and a
//! read-modify-write (a multi-valued `@{Add=...}`) happens inside that transaction, so no
//! update is lost. The schema evolves by numbered migrations recorded in
//! `PRAGMA user_version`. Every value reaches SQL as a bound parameter, never as text.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::model::{self, Kind, ObjectKind, RECIPIENT_COLUMNS};
use super::request::ExchangeError;

/// A piece of SQL with its bound parameters (`?` placeholders, in order).
#[derive(Debug, Clone, Default)]
pub struct SqlFragment {
    pub sql: String,
    pub params: Vec<SqlValue>,
}

impl SqlFragment {
    pub fn new(sql: impl Into<String>, params: Vec<SqlValue>) -> Self {
        SqlFragment {
            sql: sql.into(),
            params,
        }
    }
    /// Always true.
    pub fn all() -> Self {
        Self::new("1", Vec::new())
    }
    /// Both conditions.
    pub fn and(mut self, other: SqlFragment) -> Self {
        self.sql = format!("({}) AND ({})", self.sql, other.sql);
        self.params.extend(other.params);
        self
    }
}

/// Facts about the organisation kept in the store.
#[derive(Debug, Clone)]
pub struct OrgInfo {
    /// The tenant's initial domain, e.g. `contoso.onmicrosoft.com`.
    pub tenant: String,
    /// The default accepted domain new addresses use, e.g. `contoso.com`.
    pub domain: String,
    /// The directory host named in "couldn't be found on '<server>'" messages.
    pub server: String,
    /// The mailbox server new mailboxes live on.
    pub mailbox_server: String,
    /// The mailbox database new mailboxes live in.
    pub database: String,
}

/// An open organisation store.
pub struct Store {
    conn: Connection,
    org: OrgInfo,
    bulk: Bulk,
}

/// A bulk change in progress ([`Store::begin_bulk`]): how many callers asked for one, and
/// the store transaction its commands are sharing, if one is open.
#[derive(Default)]
struct Bulk {
    depth: usize,
    open: Option<OpenBatch>,
}

struct OpenBatch {
    commands: usize,
    since: Instant,
}

/// A bulk change commits after this many commands ...
const BATCH_COMMANDS: usize = 500;
/// ... or after this long, whichever comes first, so another process waiting for the
/// store (and the work a kill would undo) stays small.
const BATCH_WINDOW: Duration = Duration::from_millis(100);

/// The schema's migrations, in order; migration `i` brings `user_version` to `i + 1`.
/// Never edit a released migration: append a new one.
const MIGRATIONS: &[fn(&Transaction) -> rusqlite::Result<()>] = &[migrate_1, migrate_2];

/// How many prepared statements the store keeps for reuse.
const STATEMENT_CACHE: usize = 64;

/// How long a command waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

impl Store {
    /// The file `EXOSH_ORG` names, else `$XDG_DATA_HOME/exosh/org.db`
    /// (`~/.local/share/exosh/org.db`).
    pub fn default_path() -> PathBuf {
        if let Some(path) = std::env::var_os("EXOSH_ORG").filter(|p| !p.is_empty()) {
            return PathBuf::from(path);
        }
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .map(|home| PathBuf::from(home).join(".local").join("share"))
            })
            .unwrap_or_else(|| PathBuf::from("."));
        data_home.join("exosh").join("org.db")
    }

    /// Opens (creating when missing) the store at `path`, bringing its schema up to date.
    /// A new file holds an empty organisation with Exchange Online's built-in policies,
    /// plans and settings; the sample people are loaded by whoever wins
    /// [`Store::claim_sample_load`].
    pub fn open(path: &Path) -> Result<Store, ExchangeError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                ExchangeError::store(format!(
                    "Cannot create the organisation folder '{}': {e}",
                    dir.display()
                ))
            })?;
        }
        let conn = Connection::open(path).map_err(|e| {
            ExchangeError::store(format!(
                "Cannot open the organisation store '{}': {e}",
                path.display()
            ))
        })?;
        Self::from_connection(conn)
    }

    fn from_connection(mut conn: Connection) -> Result<Store, ExchangeError> {
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
        // Room for every statement a bulk of commands repeats (the default 16 let the
        // Get's page query, the identity lookups and the updates evict each other).
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql_error)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql_error)?;
        // A stable query plan: without it SQLite re-prepares a cached statement whenever
        // a bound identity changes, which made every Set-* of a bulk change pay for a
        // full parse.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(sql_error)?;
        migrate(&mut conn)?;
        let org = read_org(&conn)?;
        Ok(Store {
            conn,
            org,
            bulk: Bulk::default(),
        })
    }

    pub fn org(&self) -> &OrgInfo {
        &self.org
    }

    /// The connection, for reads outside a transaction.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one write transaction: committed when it returns `Ok`, rolled back
    /// (nothing changed) when it returns `Err` or panics.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection, &OrgInfo) -> Result<T, ExchangeError>,
    ) -> Result<T, ExchangeError> {
        self.write_if(true, f)
    }

    /// As [`Store::write`], but with `commit` false the change is always rolled back:
    /// `-WhatIf` runs every check of the command and changes nothing.
    ///
    /// During a bulk change the command runs in a savepoint of the batch's transaction
    /// instead: its own failure still undoes only its own changes, and its success is
    /// durable once the batch commits (at the latest when the bulk change ends).
    pub fn write_if<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Connection, &OrgInfo) -> Result<T, ExchangeError>,
    ) -> Result<T, ExchangeError> {
        if self.bulk.depth == 0 {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sql_error)?;
            let value = f(&tx, &self.org)?;
            if commit {
                tx.commit().map_err(sql_error)?;
            }
            return Ok(value);
        }
        if self.bulk.open.is_none() {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(sql_error)?;
            self.bulk.open = Some(OpenBatch {
                commands: 0,
                since: Instant::now(),
            });
        }
        let value = {
            let savepoint = self.conn.savepoint().map_err(sql_error)?;
            let value = f(&savepoint, &self.org)?;
            if commit {
                savepoint.commit().map_err(sql_error)?;
            }
            value
        };
        if let Some(batch) = &mut self.bulk.open {
            batch.commands += 1;
            if batch.commands >= BATCH_COMMANDS || batch.since.elapsed() >= BATCH_WINDOW {
                self.commit_batch()?;
            }
        }
        Ok(value)
    }

    /// Starts (or joins) a bulk change: the commands that follow share store
    /// transactions, committed in batches, until the matching [`Store::end_bulk`]. The
    /// caller must not report a command done before `end_bulk` returns.
    pub fn begin_bulk(&mut self) {
        self.bulk.depth += 1;
    }

    /// Commits what the bulk change holds and leaves it (the last caller out returns the
    /// store to one transaction per command).
    pub fn end_bulk(&mut self) -> Result<(), ExchangeError> {
        self.bulk.depth = self.bulk.depth.saturating_sub(1);
        self.commit_batch()
    }

    fn commit_batch(&mut self) -> Result<(), ExchangeError> {
        if self.bulk.open.take().is_none() {
            return Ok(());
        }
        self.conn.execute_batch("COMMIT").map_err(|error| {
            // Whatever happened, leave no transaction open behind the next command.
            let _ = self.conn.execute_batch("ROLLBACK");
            sql_error(error)
        })
    }

    /// Whether the caller should load the sample organisation: true exactly once per
    /// store, for the first process that asks (so two processes starting on a new file
    /// don't both load it). The winner calls [`Store::finish_sample_load`] when done;
    /// the others [`Store::wait_for_sample_load`].
    pub fn claim_sample_load(&mut self) -> Result<bool, ExchangeError> {
        self.write(|tx, _| {
            let changed = tx
                .execute(
                    "UPDATE organization SET value = '1' WHERE key = 'sample_loaded' AND value = '0'",
                    [],
                )
                .map_err(sql_error)?;
            Ok(changed == 1)
        })
    }

    /// Records that the sample organisation is fully loaded.
    pub fn finish_sample_load(&mut self) -> Result<(), ExchangeError> {
        self.write(|tx, _| {
            tx.execute(
                "UPDATE organization SET value = '2' WHERE key = 'sample_loaded'",
                [],
            )
            .map_err(sql_error)?;
            Ok(())
        })
    }

    /// Waits (up to `timeout`) while another process is loading the sample organisation,
    /// so a command run at the same moment sees the whole of it. Gives up quietly: a
    /// loader that died leaves what it loaded.
    pub fn wait_for_sample_load(&self, timeout: Duration) {
        let start = std::time::Instant::now();
        while start.elapsed() < timeout {
            let state: Option<String> = self
                .conn
                .query_row(
                    "SELECT value FROM organization WHERE key = 'sample_loaded'",
                    [],
                    |r| r.get(0),
                )
                .ok();
            if state.as_deref() != Some("1") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `PRAGMA integrity_check`'s verdict (`ok` when sound).
    pub fn integrity_check(&self) -> Result<String, ExchangeError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(sql_error)
    }
}

/// Turns a SQLite failure into the error a command reports.
pub fn sql_error(error: rusqlite::Error) -> ExchangeError {
    ExchangeError::store(format!("The organisation store failed: {error}"))
}

fn migrate(conn: &mut Connection) -> Result<(), ExchangeError> {
    let current: usize = conn
        .pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))
        .map_err(sql_error)?
        .try_into()
        .unwrap_or(0);
    if current > MIGRATIONS.len() {
        return Err(ExchangeError::store(format!(
            "The organisation store was written by a newer exosh (schema version {current}; this one knows up to {}).",
            MIGRATIONS.len()
        )));
    }
    if current == MIGRATIONS.len() {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql_error)?;
    // Another process may have migrated while we waited for the lock: read again.
    let current: usize = tx
        .pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))
        .map_err(sql_error)?
        .try_into()
        .unwrap_or(0);
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(current) {
        migration(&tx).map_err(sql_error)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)
            .map_err(sql_error)?;
    }
    tx.commit().map_err(sql_error)
}

/// Version 1: recipients, their addresses, the document objects and the organisation,
/// with Exchange Online's built-in policies, plans and settings.
fn migrate_1(tx: &Transaction) -> rusqlite::Result<()> {
    let mut columns = String::new();
    for column in RECIPIENT_COLUMNS {
        let sql_type = match column.kind {
            Kind::Bool | Kind::NullBool | Kind::Int => "INTEGER",
            Kind::Text | Kind::Multi => "TEXT",
        };
        let not_null = matches!(column.kind, Kind::Bool | Kind::Multi);
        columns.push_str(&format!(
            ", \"{}\" {}{}{}{}",
            column.name,
            sql_type,
            if column.kind == Kind::Text {
                " COLLATE NOCASE"
            } else {
                ""
            },
            if not_null { " NOT NULL" } else { "" },
            column
                .default
                .map(|d| format!(" DEFAULT {d}"))
                .unwrap_or_default()
        ));
    }
    tx.execute_batch(&format!(
        "CREATE TABLE organization (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         CREATE TABLE recipients (rid INTEGER PRIMARY KEY{columns},
             \"Extra\" TEXT NOT NULL DEFAULT '{{}}');
         CREATE UNIQUE INDEX recipients_guid ON recipients(\"Guid\");
         CREATE INDEX recipients_name ON recipients(\"Name\");
         CREATE INDEX recipients_alias ON recipients(\"Alias\");
         CREATE INDEX recipients_display_name ON recipients(\"DisplayName\");
         CREATE INDEX recipients_primary_smtp ON recipients(\"PrimarySmtpAddress\");
         CREATE INDEX recipients_upn ON recipients(\"UserPrincipalName\");
         CREATE INDEX recipients_edoid ON recipients(\"ExternalDirectoryObjectId\");
         CREATE TABLE addresses (
             rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
             pos INTEGER NOT NULL,
             prefix TEXT NOT NULL,
             address TEXT NOT NULL COLLATE NOCASE,
             PRIMARY KEY (rid, pos));
         CREATE INDEX addresses_address ON addresses(address);
         CREATE TABLE objects (
             oid INTEGER PRIMARY KEY,
             kind TEXT NOT NULL,
             name TEXT NOT NULL COLLATE NOCASE,
             guid TEXT NOT NULL,
             is_default INTEGER NOT NULL DEFAULT 0,
             settings TEXT NOT NULL,
             created TEXT NOT NULL,
             changed TEXT NOT NULL,
             UNIQUE (kind, name));"
    ))?;
    let org: [(&str, String); 6] = [
        ("tenant", "contoso.onmicrosoft.com".to_string()),
        ("domain", "contoso.com".to_string()),
        (
            "server",
            "CY4PR01A001DC01.NAMPR01A001.prod.outlook.com".to_string(),
        ),
        ("mailbox_server", "CY4PR01MB1234".to_string()),
        ("database", "NAMPR01DG001-db001".to_string()),
        ("sample_loaded", "0".to_string()),
    ];
    for (key, value) in org {
        tx.execute(
            "INSERT INTO organization (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    let plans = [
        "ExchangeOnline",
        "ExchangeOnlineEnterprise",
        "ExchangeOnlineEssentials",
        "ExchangeOnlineDeskless",
    ];
    let mut builtins: Vec<(&ObjectKind, &str, bool)> = vec![
        (&model::OWA_MAILBOX_POLICY, "OwaMailboxPolicy-Default", true),
        (&model::MOBILE_DEVICE_MAILBOX_POLICY, "Default", true),
    ];
    for plan in plans {
        builtins.push((&model::CAS_MAILBOX_PLAN, plan, false));
        builtins.push((
            &model::MAILBOX_PLAN,
            plan,
            plan == "ExchangeOnlineEnterprise",
        ));
    }
    for kind in [
        &model::TRANSPORT_CONFIG,
        &model::ORGANIZATION_CONFIG,
        &model::ACTIVESYNC_ORGANIZATION_SETTINGS,
    ] {
        builtins.push((kind, kind.singleton.unwrap_or(kind.noun), false));
    }
    for (kind, name, is_default) in builtins {
        let mut settings = default_settings(kind);
        if let Some(display) = settings.get_mut("DisplayName").filter(|v| v.is_null()) {
            *display = serde_json::Value::String(name.to_string());
        }
        insert_object(tx, kind, name, is_default, &settings)?;
    }
    Ok(())
}

/// Version 2: indexes for every identity form, so resolving an identity never scans.
fn migrate_2(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE INDEX recipients_exchange_guid ON recipients(\"ExchangeGuid\");
         CREATE INDEX recipients_sam ON recipients(\"SamAccountName\");
         CREATE INDEX recipients_legacy_dn ON recipients(\"LegacyExchangeDN\");",
    )
}

/// A kind's default settings as an ordered JSON object.
pub fn default_settings(kind: &ObjectKind) -> serde_json::Map<String, serde_json::Value> {
    serde_json::from_str(kind.defaults).unwrap_or_default()
}

/// Inserts a document object; returns its row id.
pub fn insert_object(
    tx: &Connection,
    kind: &ObjectKind,
    name: &str,
    is_default: bool,
    settings: &serde_json::Map<String, serde_json::Value>,
) -> rusqlite::Result<i64> {
    let now = now_utc();
    tx.execute(
        "INSERT INTO objects (kind, name, guid, is_default, settings, created, changed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            kind.noun,
            name,
            new_guid(),
            is_default,
            serde_json::Value::Object(settings.clone()).to_string(),
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn read_org(conn: &Connection) -> Result<OrgInfo, ExchangeError> {
    let get = |key: &str| -> Result<String, ExchangeError> {
        conn.query_row(
            "SELECT value FROM organization WHERE key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql_error)?
        .ok_or_else(|| ExchangeError::store(format!("The organisation store lacks '{key}'.")))
    };
    Ok(OrgInfo {
        tenant: get("tenant")?,
        domain: get("domain")?,
        server: get("server")?,
        mailbox_server: get("mailbox_server")?,
        database: get("database")?,
    })
}

/// The current time in UTC, as stored (`2026-01-31T09:15:00Z`).
pub fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A new GUID in its usual text form. Uniqueness, not secrecy, is what matters here: the
/// bits mix the clock, the process id and a counter.
pub fn new_guid() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let seed =
        nanos ^ (u64::from(std::process::id()) << 32) ^ count.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let high = splitmix(seed);
    let low = splitmix(high ^ count);
    // Version 4, variant 1 bits, as random GUIDs carry.
    let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
    let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_from_a_newer_exosh_is_refused() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
        let error = migrate(&mut conn).expect_err("newer schema");
        assert!(error.message.contains("schema version 99"));
    }

    #[test]
    fn guids_are_unique_and_well_formed() {
        let a = new_guid();
        let b = new_guid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn a_bulk_change_keeps_each_command_all_or_nothing_and_commits_at_its_end() {
        let path = std::env::temp_dir().join(format!("exosh-bulk-{}.db", std::process::id()));
        let mut store = Store::open(&path).expect("store");
        let count = |conn: &Connection| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM organization WHERE key LIKE 'bulk%'",
                [],
                |r| r.get(0),
            )
            .expect("count")
        };
        let insert = |key: &'static str| {
            move |tx: &Connection, _: &OrgInfo| {
                tx.execute(
                    "INSERT INTO organization (key, value) VALUES (?1, 'x')",
                    [key],
                )
                .map_err(sql_error)
            }
        };
        store.begin_bulk();
        store.write(insert("bulk-1")).expect("first command");
        let failed = store.write(|tx, org| {
            insert("bulk-2")(tx, org)?;
            Err::<(), _>(ExchangeError::store("refused"))
        });
        assert!(failed.is_err());
        store.write_if(false, insert("bulk-3")).expect("what-if");
        let other = Connection::open(&path).expect("second connection");
        assert_eq!(
            count(&other),
            0,
            "nothing is visible before the batch commits"
        );
        store.end_bulk().expect("commit");
        assert_eq!(count(&other), 1, "only the command that succeeded is kept");
        store
            .write(insert("bulk-4"))
            .expect("after the bulk change");
        assert_eq!(count(&other), 2);
        drop((store, other));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    #[test]
    fn a_new_store_has_the_builtin_objects() {
        let conn = Connection::open_in_memory().expect("memory db");
        let store = Store::from_connection(conn).expect("store");
        let count: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM objects", [], |r| r.get(0))
            .expect("count");
        assert_eq!(count, 13);
        assert_eq!(store.org().domain, "contoso.com");
        assert_eq!(store.integrity_check().expect("check"), "ok");
    }
}
