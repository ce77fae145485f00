//! Fresh databases for tests: always an SQLite file of its own, and a PostgreSQL schema of its own
//! when `TEST_POSTGRES_URL` is set (CI sets it when the machine's PostgreSQL answers).

use super::{Db, DbKind};
use std::sync::atomic::{AtomicU32, Ordering};

/// A migrated, empty database that removes itself in [`TestDb::finish`]. One dropped without it
/// fails its test: its PostgreSQL schema would stay behind on the machine, and CI runs on the same
/// machine, where piled-up schemas slowed every later run.
pub struct TestDb {
    pub db: Db,
    /// Where it is, for another process (a server started by a test) to open it too.
    pub url: String,
    /// A folder of the test's own for files (messages a test server writes), removed at the end.
    pub files: std::path::PathBuf,
    /// `None` once finished.
    cleanup: Option<Cleanup>,
}

enum Cleanup {
    SqliteFolder(std::path::PathBuf),
    PostgresSchema { admin_url: String, schema: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name no other test in this run (or a parallel run) uses: lowercase letters, digits and `_`.
fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "t{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

/// One fresh database per backend to test: SQLite, plus PostgreSQL when `TEST_POSTGRES_URL` is set.
pub async fn each_backend() -> Vec<TestDb> {
    let mut dbs = vec![TestDb::sqlite().await];
    if let Ok(url) = std::env::var("TEST_POSTGRES_URL") {
        if !url.trim().is_empty() {
            dbs.push(TestDb::postgres(&url).await);
        }
    }
    dbs
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let folder = std::env::temp_dir().join(format!("yunyixiang-test-{}", unique_name()));
        let url = format!("sqlite://{}", folder.join("test.db").display());
        let db = Db::connect_and_migrate(&url)
            .await
            .expect("open a fresh SQLite database");
        TestDb {
            db,
            url,
            files: folder.join("files"),
            cleanup: Some(Cleanup::SqliteFolder(folder)),
        }
    }

    pub async fn postgres(admin_url: &str) -> TestDb {
        use sqlx::Connection;
        assert_eq!(DbKind::from_url(admin_url), Some(DbKind::Postgres));
        sqlx::any::install_default_drivers();
        let schema = unique_name();
        let mut admin = sqlx::AnyConnection::connect(admin_url)
            .await
            .expect("connect to TEST_POSTGRES_URL");
        // Extensions belong to the whole database: create the ones the migrations use here, once,
        // so that tests migrating side by side do not race to create them. (Losing that race
        // only means another test created it.)
        let _ = sqlx::query("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
            .execute(&mut admin)
            .await;
        // Identifiers cannot be bound as parameters; this one is generated above from [a-z0-9_].
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut admin)
            .await
            .expect("create a test schema");
        admin.close().await.ok();

        let separator = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{separator}options=-c%20search_path%3D{schema}");
        let db = Db::connect_and_migrate(&url)
            .await
            .expect("migrate a fresh PostgreSQL schema");
        TestDb {
            db,
            url,
            files: std::env::temp_dir().join(format!("yunyixiang-test-{schema}")),
            cleanup: Some(Cleanup::PostgresSchema {
                admin_url: admin_url.to_string(),
                schema,
            }),
        }
    }

    /// Closes the pool and removes the database; call at the end of each test.
    pub async fn finish(mut self) {
        self.db.close().await;
        match self.cleanup.take() {
            None => {}
            Some(Cleanup::SqliteFolder(folder)) => {
                let _ = std::fs::remove_dir_all(folder);
            }
            Some(Cleanup::PostgresSchema { admin_url, schema }) => {
                use sqlx::Connection;
                let _ = std::fs::remove_dir_all(&self.files);
                if let Ok(mut admin) = sqlx::AnyConnection::connect(&admin_url).await {
                    let drop = format!("DROP SCHEMA IF EXISTS {schema} CASCADE");
                    let _ = sqlx::query(&drop).execute(&mut admin).await;
                    admin.close().await.ok();
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        // A test that failed already says why; only a passing one is told it left a database.
        if self.cleanup.is_some() && !std::thread::panicking() {
            panic!(
                "a test database ({}) was dropped without `test.finish().await`",
                self.url
            );
        }
    }
}

/// Every text column of a SQLite database's own tables, as (table, column): what people typed
/// lives in these. Search indexes and sqlx's bookkeeping are left out.
pub async fn sqlite_text_columns(pool: &sqlx::AnyPool) -> Vec<(String, String)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '%fts%' AND name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut text_columns = Vec::new();
    for table in tables {
        let columns: Vec<(String, String)> =
            sqlx::query_as("SELECT name, type FROM pragma_table_info(?)")
                .bind(&table)
                .fetch_all(pool)
                .await
                .unwrap();
        for (column, kind) in columns {
            if kind.eq_ignore_ascii_case("TEXT") {
                text_columns.push((table.clone(), column));
            }
        }
    }
    text_columns
}
