//! Test databases and records. Every test gets its own database: a temp
//! SQLite file, or a fresh PostgreSQL database (dropped afterwards, even when
//! the test panics). PostgreSQL being down fails the tests: CI starts it.

use std::path::PathBuf;
use std::sync::Arc;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use serde_json::json;
use switchboard_audit::{AuditSettings, AuditStore, OnFailure};
use switchboard_gateway::audit::{AuditRecord, CacheStatus, Decision, Outcome};

/// Server for the PostgreSQL half of the suite (`SWITCHBOARD_TEST_PG` overrides).
fn pg_server() -> String {
    std::env::var("SWITCHBOARD_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

/// The maintenance database, failing fast when the server is down.
async fn admin() -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut options = ConnectOptions::new(format!("{}/postgres", pg_server()));
    options
        .acquire_timeout(std::time::Duration::from_secs(5))
        .sqlx_logging(false);
    Database::connect(options).await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One test's private database.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    Database(String),
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let name = format!("sb_audit_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&dir).expect("temp dir");
                let url = format!("sqlite://{}", dir.join("audit.db").display());
                TestDb {
                    backend,
                    url,
                    cleanup: Cleanup::Dir(dir),
                }
            }
            Backend::Postgres => {
                let admin = admin()
                    .await
                    .expect("PostgreSQL must be reachable for the audit suite (CI starts it)");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create database");
                admin.close().await.ok();
                TestDb {
                    backend,
                    url: format!("{}/{name}", pg_server()),
                    cleanup: Cleanup::Database(name),
                }
            }
        }
    }

    pub fn settings(&self, on_failure: OnFailure) -> AuditSettings {
        AuditSettings {
            on_failure,
            ..AuditSettings::with_url(&self.url)
        }
    }

    pub async fn open(&self) -> Arc<AuditStore> {
        AuditStore::open(&self.settings(OnFailure::Deny))
            .await
            .expect("open store")
    }

    /// A separate connection for raw SQL: what an attacker or an operator
    /// with database access would do.
    pub async fn raw(&self) -> DatabaseConnection {
        Database::connect(&self.url).await.expect("raw connection")
    }

    pub async fn exec(&self, sql: &str) {
        let db = self.raw().await;
        db.execute_unprepared(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        db.close().await.ok();
    }

    /// Drops the database now (PostgreSQL), terminating open connections.
    pub async fn drop_database(&self) {
        if let Cleanup::Database(name) = &self.cleanup {
            let admin = admin().await.expect("admin");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("drop database");
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            // Drop may run inside the test's runtime (or while panicking), so
            // the cleanup gets its own thread and runtime.
            Cleanup::Database(name) => {
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("runtime");
                    rt.block_on(async {
                        if let Ok(admin) = admin().await {
                            let _ = admin.execute_unprepared(&sql).await;
                            let _ = admin.close().await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

pub const OUTCOMES: [Outcome; 7] = [
    Outcome::Ok,
    Outcome::UnknownTool,
    Outcome::Denied,
    Outcome::InvalidArgs,
    Outcome::RateLimited,
    Outcome::ToolError,
    Outcome::Cancelled,
];

/// A record with every field filled in.
pub fn record(i: usize, outcome: Outcome) -> AuditRecord {
    AuditRecord {
        time_us: 1_760_000_000_000_000 + i as i64,
        call_id: format!("call-{i}"),
        parent_call_id: i.is_multiple_of(2).then(|| format!("parent-{i}")),
        request_id: format!("req-{i}"),
        trace_id: Some(format!("{i:032x}")),
        session_id: Some("sess-1".into()),
        client: Some("claude-code/2.1".into()),
        method: "tools/call",
        user_id: format!("user-{}", i % 3),
        org: "acme".into(),
        groups: vec!["sales".into(), "emea".into()],
        tool: Some(format!("hubspot_get_deal_{}", i % 2)),
        connector: Some("hubspot".into()),
        arguments: json!({"deal_id": i, "fields": ["stage", "amount"], "note": "naïve ✓"}),
        decision: if outcome == Outcome::Denied {
            Decision::Denied
        } else {
            Decision::Allowed
        },
        outcome,
        error_kind: (outcome != Outcome::Ok).then_some("upstream"),
        error_message: (outcome != Outcome::Ok).then(|| format!("failed {i}")),
        result: (outcome == Outcome::Ok).then(|| format!("{{\"deal\":{i}}}")),
        result_sha256: (outcome == Outcome::Ok).then(|| "ab".repeat(32)),
        result_bytes: (outcome == Outcome::Ok).then_some(10),
        cache: if i.is_multiple_of(2) {
            CacheStatus::Hit
        } else {
            CacheStatus::Miss
        },
        upstream_requests: 3,
        latency_us: 1234 + i as u64,
    }
}
