//! Database connection (SQLite by default, PostgreSQL by URL), migrations, and test databases.
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
use std::time::Duration;

/// Connects to `url` and brings the schema up to date.
///
/// SQLite runs in WAL mode with `synchronous=FULL`: a write acknowledged to a person survives a
/// crash of the process or of the machine (NORMAL would only survive the process).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false).connect_timeout(Duration::from_secs(5)).acquire_timeout(Duration::from_secs(5));
    if url.starts_with("sqlite:") {
        ensure_sqlite_dir(url);
        opts.max_connections(8).map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .pragma("journal_mode", "WAL")
                .pragma("synchronous", "FULL")
                .pragma("foreign_keys", "ON")
                .busy_timeout(Duration::from_secs(5))
        });
    } else {
        opts.max_connections(16);
    }
    let db = Database::connect(opts).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Creates the parent folder of a SQLite file (`sqlite://data/x.db` → `data/`).
fn ensure_sqlite_dir(url: &str) {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//").split('?').next().unwrap_or_default();
    if path.is_empty() || path.starts_with(":memory:") {
        return;
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(parent);
        }
    }
}

/// SQLite lets one writer at a time in; others wait in its busy handler, which sleeps in steps of
/// up to 100 ms. Under many concurrent writes (registrations at the opening of a session) taking
/// turns here instead keeps the throughput of writes done one after another (see
/// docs/PERFORMANCE.md). PostgreSQL locks rows and needs no turn: `None`.
pub async fn write_turn(db: &DatabaseConnection) -> Option<tokio::sync::MutexGuard<'static, ()>> {
    static SQLITE_WRITER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    match db.get_database_backend() {
        DbBackend::Sqlite => Some(SQLITE_WRITER.lock().await),
        _ => None,
    }
}

/// Answers whether the database is reachable (for `/healthz`).
/// SQL written with `?` placeholders, numbered `$1, $2…` for PostgreSQL.
/// A list stored in a text column as JSON (`[]` when it cannot be written).
pub fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

pub fn numbered(backend: DbBackend, text: &str) -> String {
    if backend != DbBackend::Postgres {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut n = 0;
    for c in text.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// A statement for `db` from SQL with `?` placeholders.
pub fn statement(db: &impl ConnectionTrait, text: &str, values: Vec<sea_orm::Value>) -> sea_orm::Statement {
    sea_orm::Statement::from_sql_and_values(
        db.get_database_backend(),
        numbered(db.get_database_backend(), text),
        values,
    )
}

pub async fn ping(db: &DatabaseConnection) -> bool {
    db.execute_unprepared("SELECT 1").await.is_ok()
}

/// The migrations this server knows that the database has not run yet: none when it is ready
/// for this version (an upgrade runs them at start-up; another process may be behind).
pub async fn pending_migrations(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
    Ok(Migrator::get_pending_migrations(db).await?.iter().map(|m| m.name().to_owned()).collect())
}

pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Sqlite => "sqlite",
        DbBackend::Postgres => "postgres",
        _ => "other",
    }
}

/// Databases for tests: a fresh SQLite file always, and a fresh PostgreSQL schema when
/// `DATABASE_URL` points at PostgreSQL. Each test gets its own, so tests run in parallel.
pub mod testing {
    use super::*;

    pub struct TestDb {
        pub db: DatabaseConnection,
        cleanup: Cleanup,
    }

    enum Cleanup {
        File(std::path::PathBuf),
        Schema { admin_url: String, schema: String },
    }

    impl TestDb {
        pub async fn sqlite() -> TestDb {
            let path = std::env::temp_dir().join(format!("itineraire-test-{}.db", uuid::Uuid::new_v4()));
            let db = connect(&format!("sqlite://{}?mode=rwc", path.display())).await.expect("test sqlite database");
            TestDb { db, cleanup: Cleanup::File(path) }
        }

        pub async fn postgres(url: &str) -> TestDb {
            let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(url).await.expect("test postgres server");
            admin.execute_unprepared(&format!("CREATE SCHEMA {schema}")).await.expect("create test schema");
            admin.close().await.ok();
            let mut opts = ConnectOptions::new(url.to_owned());
            opts.sqlx_logging(false).max_connections(16).set_schema_search_path(schema.clone());
            let db = Database::connect(opts).await.expect("test postgres schema");
            Migrator::up(&db, None).await.expect("migrate test schema");
            TestDb { db, cleanup: Cleanup::Schema { admin_url: url.to_owned(), schema } }
        }

        /// The database of a test written for one: SQLite, or PostgreSQL (at `DATABASE_URL`)
        /// when `ITINERAIRE_TESTS_BASE=postgres` — `scripts/test.sh` runs the HTTP tests once
        /// each way. Asking for PostgreSQL without a `postgres://` URL stops the test.
        pub async fn chosen() -> TestDb {
            match std::env::var("ITINERAIRE_TESTS_BASE").as_deref() {
                Ok("postgres") => {
                    let url = std::env::var("DATABASE_URL").unwrap_or_default();
                    assert!(
                        url.starts_with("postgres"),
                        "ITINERAIRE_TESTS_BASE=postgres needs DATABASE_URL=postgres://…"
                    );
                    TestDb::postgres(&url).await
                }
                Ok("sqlite") | Err(_) => TestDb::sqlite().await,
                Ok(other) => panic!("ITINERAIRE_TESTS_BASE={other}: sqlite or postgres"),
            }
        }

        /// SQLite, plus PostgreSQL when `DATABASE_URL` is a `postgres://` URL.
        pub async fn all() -> Vec<TestDb> {
            let mut dbs = vec![TestDb::sqlite().await];
            if let Ok(url) = std::env::var("DATABASE_URL") {
                if url.starts_with("postgres") {
                    dbs.push(TestDb::postgres(&url).await);
                }
            }
            dbs
        }

        pub fn backend(&self) -> &'static str {
            backend_name(&self.db)
        }

        pub async fn drop(self) {
            self.db.close().await.ok();
            match self.cleanup {
                Cleanup::File(path) => {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                    }
                }
                Cleanup::Schema { admin_url, schema } => {
                    if let Ok(admin) = Database::connect(admin_url.as_str()).await {
                        let _ = admin.execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE")).await;
                        admin.close().await.ok();
                    }
                }
            }
        }
    }
}
