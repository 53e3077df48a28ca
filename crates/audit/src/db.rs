//! Connecting to the store. The settings here are what make a committed row
//! durable: SQLite runs in WAL mode with `synchronous=FULL` (every commit is
//! fsynced), PostgreSQL commits are durable by default.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
    TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use crate::migration::Migrator;
use crate::AuditError;

/// How long SQLite waits for a lock held by another connection (pruning,
/// a second process) before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Serializes migrations between replicas starting at the same time.
const MIGRATION_LOCK_KEY: i64 = 0x5357_4155_4449_5400; // "SWAUDIT\0"

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub(crate) fn of(url: &str) -> Result<Backend, AuditError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(AuditError::Config(
                "audit url must start with sqlite:// or postgres://".to_owned(),
            ))
        }
    }
}

/// Whether a missing SQLite file is created: yes for the gateway's store
/// (`--audit-url sqlite://PATH` just works), no for readers (a mistyped path
/// should fail, not create an empty trail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Create {
    IfMissing,
    Never,
}

/// Opens a pool. Statement logging is off: SQL logs could carry argument
/// values and results, which only the audit table may hold.
pub(crate) async fn connect(url: &str, create: Create) -> Result<DatabaseConnection, AuditError> {
    let backend = Backend::of(url)?;
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10));
    if backend == Backend::Sqlite {
        options.map_sqlx_sqlite_opts(move |o| {
            let o = if create == Create::IfMissing {
                o.create_if_missing(true)
            } else {
                o
            };
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
        });
    }
    Ok(Database::connect(options).await?)
}

/// Brings the schema up to date. On PostgreSQL the migrations run in one
/// transaction under an advisory lock, so replicas starting together do not
/// race each other's `CREATE TABLE`.
pub(crate) async fn migrate(db: &DatabaseConnection) -> Result<(), AuditError> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let txn = db.begin().await?;
            txn.execute(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"),
            ))
            .await?;
            Migrator::up(&txn, None).await?;
            txn.commit().await?;
        }
        _ => Migrator::up(db, None).await?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};

    use super::*;

    /// Durability is the point of the store: check what SQLite was told.
    #[tokio::test]
    async fn sqlite_is_wal_and_fsyncs_every_commit() {
        let dir = std::env::temp_dir().join(format!("sb_audit_{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db = connect(
            &format!("sqlite://{}", dir.join("a.db").display()),
            Create::IfMissing,
        )
        .await
        .expect("connect");
        let pragma =
            |name: &str| Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {name}"));
        let journal = db
            .query_one(pragma("journal_mode"))
            .await
            .expect("query")
            .expect("row");
        assert_eq!(journal.try_get_by_index::<String>(0).expect("mode"), "wal");
        let sync = db
            .query_one(pragma("synchronous"))
            .await
            .expect("query")
            .expect("row");
        assert_eq!(
            sync.try_get_by_index::<i32>(0).expect("level"),
            2,
            "2 = FULL"
        );
        let busy = db
            .query_one(pragma("busy_timeout"))
            .await
            .expect("query")
            .expect("row");
        assert_eq!(busy.try_get_by_index::<i32>(0).expect("ms"), 5000);
        db.close().await.ok();
        let _ = std::fs::remove_dir_all(dir);
    }
}
