//! The organisation store: one SQLite file holding every recipient, policy, plan and
//! organisation setting.
//!
//! Several exosh processes may share one file: it runs in WAL mode with a busy timeout,
//! every command's change is one `BEGIN IMMEDIATE` transaction (all of it or none), and a
//! read-modify-write (a multi-valued `@{Add=...}`) happens inside that transaction, so no
//! update is lost. The schema evolves by numbered migrations recorded in
//! `PRAGMA user_version`, each a SQL file in `migrations/` frozen as it was released (a
//! test opens a file made by an earlier release after every change). Every value reaches
//! SQL as a bound parameter, never as text.
//!
//! The file is the organisation's only copy, so the store is careful with it: a new file
//! is private (0600, in folders made 0700); SQLite's `application_id` marks it as exosh's,
//! and a database of any other application is refused without a byte of it changed; a
//! file without write permission is opened read-only (reads work, changes are refused
//! with a clear error); the sample organisation is loaded in the same transaction that
//! claims the load, so a first start killed midway leaves nothing or all of it.

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, MAIN_DB, OpenFlags, OptionalExtension, TransactionBehavior, params};

use super::nouns::ObjectKind;
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
    path: PathBuf,
    /// Opened read-only: every change is refused ([`read_only`]).
    read_only: bool,
    /// The audit record each running command's change leaves, by the thread running it
    /// (commands of several callers may take turns on one store); written by the
    /// command's first committed write, in its transaction.
    audits: std::collections::HashMap<std::thread::ThreadId, super::audit::Pending>,
}

/// A bulk change in progress ([`Store::begin_bulk`]): how many callers asked for one, and
/// the store transaction its commands are sharing, if one is open.
#[derive(Default)]
struct Bulk {
    depth: usize,
    open: Option<OpenBatch>,
    /// The sample organisation is loading: its commands share one transaction, never
    /// committed in batches.
    whole: bool,
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

/// One command's savepoint in a bulk change's transaction: its changes are undone when it
/// is dropped unreleased (the command failed, or ran with `-WhatIf`), and kept with the
/// batch when released. Its statements are prepared once per connection, not parsed again
/// for each of a bulk change's commands.
struct CommandSavepoint<'c> {
    conn: &'c Connection,
    released: bool,
}

impl<'c> CommandSavepoint<'c> {
    fn begin(conn: &'c Connection) -> Result<CommandSavepoint<'c>, ExchangeError> {
        Self::run(conn, "SAVEPOINT exosh_command")?;
        Ok(CommandSavepoint {
            conn,
            released: false,
        })
    }

    fn release(mut self) -> Result<(), ExchangeError> {
        Self::run(self.conn, "RELEASE exosh_command")?;
        self.released = true;
        Ok(())
    }

    fn run(conn: &Connection, sql: &str) -> Result<(), ExchangeError> {
        conn.prepare_cached(sql)
            .and_then(|mut statement| statement.execute([]))
            .map(drop)
            .map_err(sql_error)
    }
}

impl Drop for CommandSavepoint<'_> {
    fn drop(&mut self) {
        if !self.released {
            let _ = Self::run(self.conn, "ROLLBACK TO exosh_command")
                .and_then(|()| Self::run(self.conn, "RELEASE exosh_command"));
        }
    }
}

/// The schema's migrations, in order; migration `i` brings `user_version` to `i + 1`.
/// Never edit a released migration (nor build one from today's constants): append a new
/// file.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/1.sql"),
    include_str!("migrations/2.sql"),
    include_str!("migrations/3.sql"),
    include_str!("migrations/4.sql"),
    include_str!("migrations/5.sql"),
    include_str!("migrations/6.sql"),
    include_str!("migrations/7.sql"),
    include_str!("migrations/8.sql"),
    include_str!("migrations/9.sql"),
    include_str!("migrations/10.sql"),
    include_str!("migrations/11.sql"),
    include_str!("migrations/12.sql"),
    include_str!("migrations/13.sql"),
    include_str!("migrations/14.sql"),
];

/// exosh's mark in the SQLite header (`PRAGMA application_id`): "exoS". Set by
/// migration 3; files written before it are recognised by their schema.
pub const APPLICATION_ID: i64 = 0x6578_6F53;

/// The schema versions released before the mark, whose files carry application_id 0.
const UNMARKED_VERSIONS: std::ops::RangeInclusive<i64> = 1..=2;

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
    /// [`Store::begin_sample_load`].
    pub fn open(path: &Path) -> Result<Store, ExchangeError> {
        create_private(path)?;
        // **Decision**: a file with no write permission bits is opened read-only even for
        // root, who could write it anyway: whoever took the bits away meant it.
        let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| {
            let error = sql_error(e);
            ExchangeError {
                message: format!(
                    "Cannot open the organisation store '{}'. {}",
                    path.display(),
                    error.message
                ),
                ..error
            }
        })?;
        Self::from_connection(conn, path)
    }

    fn from_connection(mut conn: Connection, path: &Path) -> Result<Store, ExchangeError> {
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
        // Nothing is written before the file is known to be exosh's.
        check_identity(&conn, path)?;
        // Room for every statement a bulk of commands repeats (the default 16 let the
        // Get's page query, the identity lookups and the updates evict each other).
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let read_only = conn.is_readonly(MAIN_DB).map_err(sql_error)?;
        if !read_only {
            set_wal(&conn)?;
        }
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
        if read_only {
            if schema_version(&conn)? != MIGRATIONS.len() {
                return Err(ExchangeError {
                    message: format!(
                        "The organisation store '{}' is read-only and was written by another version of exosh: make it writable once so that exosh can bring it up to date.",
                        path.display()
                    ),
                    ..read_only_error(path)
                });
            }
        } else {
            migrate(&mut conn)?;
        }
        let org = read_org(&conn)?;
        Ok(Store {
            conn,
            org,
            bulk: Bulk::default(),
            path: path.to_path_buf(),
            read_only,
            audits: Default::default(),
        })
    }

    pub fn org(&self) -> &OrgInfo {
        &self.org
    }

    /// The connection, for reads outside a transaction.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Sets (or with `None` clears) the audit record this thread's command will leave.
    pub fn set_audit(&mut self, pending: Option<super::audit::Pending>) {
        let thread = std::thread::current().id();
        match pending {
            Some(p) => self.audits.insert(thread, p),
            None => self.audits.remove(&thread),
        };
    }

    /// Who this thread's command runs for, when its change is recorded (nobody for what
    /// exosh loads itself, such as the sample organisation).
    pub fn caller(&self) -> Option<&super::audit::Caller> {
        self.audits
            .get(&std::thread::current().id())
            .map(|pending| &pending.caller)
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
        if self.read_only {
            return Err(read_only_error(&self.path));
        }
        if self.bulk.depth == 0 {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sql_error)?;
            let value = f(&tx, &self.org)?;
            if commit {
                if let Some(pending) = self.audits.remove(&std::thread::current().id()) {
                    super::audit::write(&tx, &self.org, &pending)?;
                }
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
            let savepoint = CommandSavepoint::begin(&self.conn)?;
            let value = f(&self.conn, &self.org)?;
            if commit {
                if let Some(pending) = self.audits.remove(&std::thread::current().id()) {
                    super::audit::write(&self.conn, &self.org, &pending)?;
                }
                savepoint.release()?;
            }
            value
        };
        if let Some(batch) = &mut self.bulk.open {
            batch.commands += 1;
            let full = batch.commands >= BATCH_COMMANDS || batch.since.elapsed() >= BATCH_WINDOW;
            if full && !self.bulk.whole {
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
    /// don't both load it). When true, a transaction is open that holds the claim: the
    /// commands that follow all join it, and nothing of the load is visible (nor kept,
    /// if the process dies) until [`Store::finish_sample_load`] commits the whole of it.
    /// A process asking while another loads waits for that load to commit.
    pub fn begin_sample_load(&mut self) -> Result<bool, ExchangeError> {
        if self.read_only || self.bulk.depth > 0 || !self.sample_pending()? {
            return Ok(false);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(sql_error)?;
        // Another process may have loaded it while we waited for the lock.
        let claimed = self.sample_pending().and_then(|pending| {
            if pending {
                self.conn
                    .execute(
                        "UPDATE organization SET value = '2' WHERE key = 'sample_loaded'",
                        [],
                    )
                    .map_err(sql_error)?;
            }
            Ok(pending)
        });
        if !matches!(claimed, Ok(true)) {
            let _ = self.conn.execute_batch("ROLLBACK");
            return claimed;
        }
        self.bulk = Bulk {
            depth: 1,
            open: Some(OpenBatch {
                commands: 0,
                since: Instant::now(),
            }),
            whole: true,
        };
        Ok(true)
    }

    /// Commits the sample organisation, claim and all.
    pub fn finish_sample_load(&mut self) -> Result<(), ExchangeError> {
        self.bulk.whole = false;
        self.end_bulk()
    }

    /// Gives the load up: nothing of it is kept, and the next start tries again.
    pub fn abandon_sample_load(&mut self) {
        if self.bulk.open.take().is_some() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.bulk = Bulk::default();
    }

    /// Whether the sample organisation is still to be loaded. (A store an earlier exosh
    /// left at `1`, a load that died midway, is not loaded again: the people it holds
    /// would clash.)
    fn sample_pending(&self) -> Result<bool, ExchangeError> {
        let state: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM organization WHERE key = 'sample_loaded'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?;
        Ok(state.as_deref() == Some("0"))
    }

    /// Whether the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// `PRAGMA integrity_check`'s verdict (`ok` when sound).
    pub fn integrity_check(&self) -> Result<String, ExchangeError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(sql_error)
    }
}

/// Turns a SQLite failure into the error a command reports: an admin's message, with
/// SQLite's own words kept as the error's details (shown under `-Verbose`).
pub fn sql_error(error: rusqlite::Error) -> ExchangeError {
    use rusqlite::ErrorCode as Code;
    let text = error.to_string();
    let message = match error.sqlite_error_code() {
        Some(Code::DatabaseBusy | Code::DatabaseLocked) => format!(
            "The organisation store is busy: another exosh process has held it for more than {} seconds. Try the command again.",
            BUSY_TIMEOUT.as_secs()
        ),
        Some(Code::ReadOnly) => {
            "The organisation store is read-only: exosh can show the organisation but not change it. Make the file writable to change it.".to_string()
        }
        Some(Code::DiskFull) => {
            "The organisation store couldn't be changed: the disk is full.".to_string()
        }
        Some(Code::DatabaseCorrupt | Code::NotADatabase) => {
            "The organisation store is damaged. Restore it from a copy, or set EXOSH_ORG to a new file.".to_string()
        }
        Some(Code::CannotOpen | Code::PermissionDenied | Code::SystemIoFailure) => {
            "The organisation store's file couldn't be read or written.".to_string()
        }
        Some(Code::TooBig) => "The command is too large for the organisation store: use fewer or shorter values.".to_string(),
        _ if [
            "too complex",
            "too large",
            "too many",
            "too big",
            "too long",
            "variable number",
        ]
            .iter()
            .any(|t| text.contains(t)) =>
        {
            "The command is too complex for the organisation store: use a shorter filter, pattern or list of values.".to_string()
        }
        _ => "The organisation store couldn't run the command.".to_string(),
    };
    ExchangeError::store(message)
        .with_details(format!("The organisation store (SQLite) reported: {text}"))
}

/// Creates the folders leading to `path` (0700) and the file itself (0600) when missing.
/// Folders and files that exist keep their permissions.
fn create_private(path: &Path) -> Result<(), ExchangeError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                ExchangeError::store(format!(
                    "Cannot create the organisation folder '{}': {}.",
                    dir.display(),
                    io_reason(&e)
                ))
            })?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(ExchangeError::store(format!(
            "Cannot create the organisation store '{}': {}.",
            path.display(),
            io_reason(&e)
        ))),
    }
}

/// An I/O failure in an admin's words (the OS's own text, without the error number).
fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.split_once(" (os error") {
        Some((reason, _)) => reason.to_string(),
        None => text,
    }
}

/// Puts the store in WAL mode. Changing the journal mode needs the file to itself, and
/// SQLite answers "busy" at once (without waiting, as it does for other locks) while
/// another process reads it, as one starting beside this one does; so this tries again
/// until the busy timeout.
fn set_wal(conn: &Connection) -> Result<(), ExchangeError> {
    let started = Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return done.map_err(sql_error),
        }
    }
}

/// Refuses a file that is not an exosh organisation, reading only: its application_id
/// is exosh's, or it is empty (a new store), or it has the schema of an exosh release
/// from before the mark. Read in one transaction, so that a store another process is
/// creating meanwhile is seen before its first migration or after it, never half-way
/// (tables, but not yet the mark).
fn check_identity(conn: &Connection, path: &Path) -> Result<(), ExchangeError> {
    conn.execute_batch("BEGIN").map_err(sql_error)?;
    let checked = check_identity_now(conn, path);
    let ended = conn.execute_batch("COMMIT").map_err(sql_error);
    checked.and(ended)
}

fn check_identity_now(conn: &Connection, path: &Path) -> Result<(), ExchangeError> {
    let foreign = || {
        ExchangeError::new(
            super::request::ErrorCode::InternalServerError,
            "ForeignOrganizationStore",
            "InvalidData",
            format!(
                "The file '{}' isn't an exosh organisation store: it belongs to another application. exosh left it unchanged. Set EXOSH_ORG to another file.",
                path.display()
            ),
        )
    };
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => foreign(),
            _ => sql_error(e),
        })?;
    if application_id == APPLICATION_ID {
        return Ok(());
    }
    if application_id != 0 {
        return Err(foreign());
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(sql_error)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sql_error)?;
    let ours = ["addresses", "objects", "organization", "recipients"];
    if (tables.is_empty() && version == 0)
        || (UNMARKED_VERSIONS.contains(&version) && tables == ours)
    {
        Ok(())
    } else {
        Err(foreign())
    }
}

/// A change asked of a store opened read-only.
fn read_only_error(path: &Path) -> ExchangeError {
    ExchangeError::new(
        super::request::ErrorCode::Forbidden,
        "OrganizationStoreReadOnly",
        "PermissionDenied",
        format!(
            "The organisation store '{}' is read-only: exosh can show the organisation but not change it. Make the file writable to change it.",
            path.display()
        ),
    )
}

fn schema_version(conn: &Connection) -> Result<usize, ExchangeError> {
    Ok(conn
        .pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))
        .map_err(sql_error)?
        .try_into()
        .unwrap_or(0))
}

fn migrate(conn: &mut Connection) -> Result<(), ExchangeError> {
    let current = schema_version(conn)?;
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
    let current = schema_version(&tx)?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(current) {
        tx.execute_batch(migration).map_err(sql_error)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)
            .map_err(sql_error)?;
    }
    tx.commit().map_err(sql_error)
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

/// The current time in UTC, as stored (`2026-01-31T09:15:00Z`): whole seconds, `Z` for
/// UTC. (Written without a format string: every change of a bulk change stamps it.)
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
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
    fn the_time_is_stored_in_whole_seconds_of_utc() {
        let now = now_utc();
        let parsed = chrono::NaiveDateTime::parse_from_str(&now, "%Y-%m-%dT%H:%M:%SZ");
        assert!(parsed.is_ok() && now.len() == 20, "{now}");
    }

    #[test]
    fn a_store_from_a_newer_exosh_is_refused() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
        let error = migrate(&mut conn).expect_err("newer schema");
        assert!(error.message.contains("schema version 99"));
    }

    #[test]
    fn no_sqlite_wording_reaches_the_message() {
        let conn = Connection::open_in_memory().expect("memory db");
        let failures = [
            "SELECT 'a' LIKE '%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%' || zeroblob(60000)",
            "SELECT * FROM nowhere",
            "SELECT ?40000",
        ];
        for sql in failures {
            let error = conn
                .prepare(sql)
                .and_then(|mut s| s.query_row([], |r| r.get::<_, SqlValue>(0)))
                .map(|_| ())
                .expect_err(sql);
            let error = sql_error(error);
            for word in ["SQL", "SELECT", "GLOB", "LIKE", "nowhere", "variable"] {
                assert!(!error.message.contains(word), "{}", error.message);
            }
            assert!(error.details.is_some_and(|d| d.contains("SQLite")));
        }
        let deep = (0..1200).fold("1".to_string(), |e, i| format!("({e} + {i})"));
        let error = sql_error(
            conn.query_row(&format!("SELECT {deep}"), [], |r| r.get::<_, i64>(0))
                .expect_err("too deep"),
        );
        assert_eq!(
            error.message,
            "The command is too complex for the organisation store: use a shorter filter, pattern or list of values."
        );
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
        let store = Store::from_connection(conn, Path::new(":memory:")).expect("store");
        let count: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM objects", [], |r| r.get(0))
            .expect("count");
        assert_eq!(
            count,
            13 + 12 + 2,
            "and the retention policy and its tags, and the two accepted domains"
        );
        assert_eq!(store.org().domain, "contoso.com");
        assert_eq!(store.integrity_check().expect("check"), "ok");
    }
}
