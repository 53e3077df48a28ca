//! The real engines: MariaDB over the MySQL protocol (standing in for
//! StarRocks) and PostgreSQL, each in a fresh database seeded with the
//! demo tables.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::{CallContext, ErrorKind};
use switchboard_testkit::conformance::check_connector;
use switchboard_warehouse::backend::mysql::{MySqlBackend, Server as MySqlServer};
use switchboard_warehouse::backend::postgres::Postgres;
use switchboard_warehouse::backend::{Backend, Binds};
use switchboard_warehouse::plan::Prepared;
use switchboard_warehouse::{connect, demo_config, BackendKind, WarehouseConfig};

use crate::common::{call_as, call_within, env_reference, unique_name};
use crate::servers::{with_database, Server};
use crate::suite;

/// The demo configuration pointed at `url` on `backend`.
fn config(backend: BackendKind, url: &str) -> WarehouseConfig {
    let mut c = demo_config();
    c.backend = backend;
    c.url = Some(env_reference(
        &format!("SBWH_URL_{}", unique_name().to_uppercase()),
        url,
    ));
    c
}

/// 20^7 rows to count: far longer than the timeout on any engine.
const SLOW: &str = "SELECT COUNT(*) AS c FROM arr_by_customer a, arr_by_customer b, \
    arr_by_customer c, arr_by_customer d, arr_by_customer e, arr_by_customer f, arr_by_customer g";

async fn engine_behaves(backend: BackendKind, url: String) {
    let c = connect(&config(backend, &url)).await.unwrap();
    check_connector(c.clone()).await;
    suite::exercise(&c, "BIGINT", suite::plain).await;

    // The allowlist names a table the database lacks: listed as missing.
    let mut cfg = config(backend, &url);
    cfg.tables.push("forecast".into());
    let c = connect(&cfg).await.unwrap();
    let out = call_as(&c, "finance@demo", "warehouse_list_tables", json!({}))
        .await
        .unwrap();
    assert_eq!(out["tables"].as_array().unwrap().len(), 3);
    assert_eq!(out["missing"], json!(["forecast"]));
    let err = call_as(
        &c,
        "finance@demo",
        "warehouse_describe_table",
        json!({"table": "forecast"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);

    // The statement timeout is enforced by the engine.
    cfg.statement_timeout_ms = Some(300);
    let c = connect(&cfg).await.unwrap();
    let started = Instant::now();
    let err = call_within(
        &c,
        "finance@demo",
        Duration::from_secs(10),
        "warehouse_sql",
        json!({"sql": SLOW}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{}", err.message);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // The pool is still usable afterwards.
    let out = call_as(
        &c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": "SELECT COUNT(*) AS n FROM arr_by_customer"}),
    )
    .await
    .unwrap();
    assert_eq!(out["rows"][0]["n"], json!(20));
}

/// Behind the guard, the engine itself refuses writes: the query runs in a
/// read-only transaction.
async fn writes_fail_in_the_engine(backend: &dyn Backend) {
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal("admin@demo", &[]),
        Instant::now() + Duration::from_secs(10),
    );
    for sql in [
        "DELETE FROM salaries",
        "UPDATE salaries SET base_salary = 1",
        "CREATE TABLE stolen (x INT)",
    ] {
        let prepared = Prepared {
            sql: sql.into(),
            binds: Vec::new(),
            max_rows: 10,
        };
        let err = backend
            .query(&ctx, &prepared, &Binds::new(), Duration::from_secs(5))
            .await
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidArgs, "{sql}: {}", err.message);
        assert!(
            err.message.to_lowercase().contains("read"),
            "{sql}: {}",
            err.message
        );
    }
}

#[tokio::test]
async fn mariadb_behaves() {
    with_database(Server::MariaDb, |url| async move {
        engine_behaves(BackendKind::Mysql, url.clone()).await;
        let backend = MySqlBackend::connect(&url).await.unwrap();
        assert_eq!(backend.server(), MySqlServer::MariaDb);
        writes_fail_in_the_engine(&backend).await;
    })
    .await;
}

#[tokio::test]
async fn postgres_behaves() {
    with_database(Server::Postgres, |url| async move {
        engine_behaves(BackendKind::Postgres, url.clone()).await;
        writes_fail_in_the_engine(&Postgres::connect(&url).await.unwrap()).await;
    })
    .await;
}
