//! The database layer: one pool type for embedded SQLite and PostgreSQL, chosen by `DATABASE_URL`.
//!
//! Application code is written once against sqlx's `Any` driver: queries use `$1`-style parameters
//! (both databases accept them), times are stored as Unix seconds (`BIGINT`/`INTEGER`), and the few
//! places where the two databases differ (pragmas, how a write transaction begins, backups) live here.

mod backup;
pub mod columns;
pub mod search;
/// Databases for tests; only the test builds turn the feature on (see the dev-dependencies).
#[cfg(feature = "testing")]
pub mod testing;
pub mod upgrades;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{Any, AnyConnection, AnyPool, Executor, Transaction};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{Mutex, OwnedMutexGuard};

pub use backup::BackupError;

/// Which database a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    pub fn from_url(url: &str) -> Option<DbKind> {
        let scheme = url.split(':').next()?.to_ascii_lowercase();
        match scheme.as_str() {
            "sqlite" => Some(DbKind::Sqlite),
            "postgres" | "postgresql" => Some(DbKind::Postgres),
            _ => None,
        }
    }
}

/// Which database a pool is connected to (code that is handed only the pool).
pub fn kind_of(pool: &AnyPool) -> DbKind {
    DbKind::from_url(pool.connect_options().database_url.as_str()).unwrap_or(DbKind::Sqlite)
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL must start with sqlite:// or postgres://")]
    UnsupportedUrl,
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A pool of connections to the app's database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    kind: DbKind,
    /// SQLite's one write lock, taken in this process in arrival order (see `begin_write`).
    writer_turn: Arc<Mutex<()>>,
    /// Write transactions committed through this pool: what a cache of pages rendered from the
    /// database compares to know whether anything changed since.
    commits: Arc<AtomicU64>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Opens the database (creating an SQLite file and its folder when missing). Does not migrate.
    pub async fn connect(url: &str) -> Result<Db, ConnectError> {
        install_default_drivers();
        let kind = DbKind::from_url(url).ok_or(ConnectError::UnsupportedUrl)?;
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let pool = match kind {
            DbKind::Sqlite => {
                let url = prepare_sqlite_url(url)?;
                options
                    // One writer at a time is SQLite's model; a few readers share the WAL.
                    .max_connections(8)
                    // A file on this machine does not hang up: pinging each connection before
                    // every query (sqlx's default) doubled the trips to SQLite's worker thread.
                    .test_before_acquire(false)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // A page cache of 1 MB a connection instead of SQLite's 2 MB: the
                            // operating system caches the file as well, and eight connections'
                            // caches counted in the server's memory budget.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                                 PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; \
                                 PRAGMA cache_size = -1024;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            DbKind::Postgres => options.max_connections(16).connect(url).await?,
        };
        Ok(Db {
            pool,
            kind,
            writer_turn: Arc::new(Mutex::new(())),
            commits: Arc::default(),
        })
    }

    /// Opens and brings the schema up to date: what `serve` and `migrate` do at start.
    pub async fn connect_and_migrate(url: &str) -> Result<Db, ConnectError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(db)
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.kind {
            DbKind::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            DbKind::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        // Upgrades SQL cannot do (hashing needs Rust); each does nothing once done.
        upgrades::hash_stored_tokens(&self.pool)
            .await
            .map_err(sqlx::migrate::MigrateError::Execute)?;
        Ok(())
    }

    pub fn kind(&self) -> DbKind {
        self.kind
    }

    /// For reads: any query can run on the pool directly.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a read cannot turn into a write halfway through and fail with
    /// "database is locked". Writers in this process first queue for their turn on a fair async
    /// lock: SQLite's own busy handler polls, so under a crowd one writer could lose every poll
    /// until its timeout ran out. The busy timeout is left for other processes (`backup`).
    pub async fn begin_write(&self) -> Result<DbTx, sqlx::Error> {
        match self.kind {
            DbKind::Sqlite => {
                let turn = self.writer_turn.clone().lock_owned().await;
                let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                Ok(DbTx {
                    tx,
                    _turn: Some(turn),
                    commits: Some(self.commits.clone()),
                })
            }
            DbKind::Postgres => Ok(DbTx {
                tx: self.pool.begin().await?,
                _turn: None,
                commits: Some(self.commits.clone()),
            }),
        }
    }

    /// How many write transactions this process has committed so far.
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Acquire)
    }

    /// Starts a transaction that only reads (a consistent view across several queries).
    pub async fn begin_read(&self) -> Result<DbTx, sqlx::Error> {
        Ok(DbTx {
            tx: self.pool.begin().await?,
            _turn: None,
            commits: None,
        })
    }

    /// Answers when the database answers; used by `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Waits for connections in use to come back, then closes them (SQLite checkpoints its WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A transaction from [`Db::begin_write`] or [`Db::begin_read`]: used like a connection
/// (`&mut tx`). A write transaction keeps this process's SQLite writer turn until it commits,
/// rolls back or is dropped.
pub struct DbTx {
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
    /// The pool's count of commits, for a write transaction.
    commits: Option<Arc<AtomicU64>>,
}

impl DbTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await?;
        if let Some(commits) = self.commits {
            commits.fetch_add(1, Ordering::AcqRel);
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl Deref for DbTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for DbTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// Makes sure the folder of an SQLite file exists and asks SQLite to create the file if needed.
fn prepare_sqlite_url(url: &str) -> Result<String, ConnectError> {
    let (location, query) = url.split_once('?').unwrap_or((url, ""));
    let path = location
        .trim_start_matches("sqlite:")
        .trim_start_matches("//");
    let in_memory = path.is_empty() || path == ":memory:";
    if !in_memory {
        if let Some(folder) = std::path::Path::new(path).parent() {
            if !folder.as_os_str().is_empty() {
                std::fs::create_dir_all(folder).map_err(|source| ConnectError::Folder {
                    path: folder.display().to_string(),
                    source,
                })?;
            }
        }
    }
    if in_memory || query.split('&').any(|p| p.starts_with("mode=")) {
        return Ok(url.to_string());
    }
    let separator = if query.is_empty() { "?" } else { "&" };
    Ok(format!("{url}{separator}mode=rwc"))
}

/// A nullable float as a query parameter, for a placeholder written `CAST($n AS DOUBLE PRECISION)`.
/// Through the Any driver a bound NULL float prepares the statement with a parameter type that a
/// real float sent later on the same connection no longer fits (PostgreSQL refuses it: "incorrect
/// binary data format"); as text, NULL and a number share a type, and the text round-trips
/// exactly (Rust prints the shortest form that reads back as the same float).
pub fn float_param(value: Option<f64>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// A page of a list read in id order: the rows after id `after`, at most `limit` of them. Read
/// by the index on ids, so the last page of a million rows costs what the first does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdPage {
    pub after: i64,
    pub limit: i64,
}

impl IdPage {
    pub const EVERYTHING: IdPage = IdPage {
        after: i64::MIN,
        limit: i64::MAX,
    };
}

/// Whether a write was refused by a unique index: two requests claimed the same thing at once,
/// and the answer is a conflict, not a fault.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// Now, as stored in the database: whole seconds since the Unix epoch, UTC.
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_urls() {
        assert_eq!(DbKind::from_url("sqlite://data/x.db"), Some(DbKind::Sqlite));
        assert_eq!(DbKind::from_url("sqlite::memory:"), Some(DbKind::Sqlite));
        assert_eq!(
            DbKind::from_url("postgres://u@localhost/db"),
            Some(DbKind::Postgres)
        );
        assert_eq!(
            DbKind::from_url("PostgreSQL://localhost/db"),
            Some(DbKind::Postgres)
        );
        assert_eq!(DbKind::from_url("mysql://localhost/db"), None);
        assert_eq!(DbKind::from_url("data.db"), None);
    }

    #[test]
    fn sqlite_urls_get_create_mode_and_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nested/app.db");
        let url = format!("sqlite://{}", file.display());
        assert_eq!(prepare_sqlite_url(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(file.parent().unwrap().is_dir());

        let with_mode = format!("{url}?mode=ro");
        assert_eq!(prepare_sqlite_url(&with_mode).unwrap(), with_mode);
        assert_eq!(
            prepare_sqlite_url("sqlite::memory:").unwrap(),
            "sqlite::memory:"
        );
    }
}
