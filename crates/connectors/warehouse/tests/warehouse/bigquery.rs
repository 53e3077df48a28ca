//! BigQuery against the fake serving the demo warehouse: every tool, job
//! polling and result paging, and the fault paths.

use std::sync::Arc;

use serde_json::json;
use switchboard_core::{Connector, ErrorKind};
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::demo::warehouse::FINANCE_TABLES;
use switchboard_testkit::fake::bigquery::{spawn_bigquery_with, BigQueryOptions, PROJECT};
use switchboard_testkit::fake::FakeServer;
use switchboard_warehouse::{connect, demo_config, BackendKind, BigQueryConfig, WarehouseConfig};

use crate::common::{call_as, column, env_reference, unique_name};
use crate::suite;

pub const TOKEN: &str = "ya29.demo-bigquery-token";

/// `dataset.table` for the demo tables.
pub fn qualified(table: &str) -> String {
    let dataset = if FINANCE_TABLES.contains(&table) {
        "finance"
    } else {
        "hr"
    };
    format!("{dataset}.{table}")
}

/// The demo configuration on BigQuery: tables and saved queries name
/// their dataset.
pub fn config(server: &FakeServer, token: &str) -> WarehouseConfig {
    let mut c = demo_config();
    c.backend = BackendKind::Bigquery;
    c.url = None;
    c.bigquery = Some(BigQueryConfig {
        base_url: server.base_url.join("bigquery/v2").unwrap(),
        project: PROJECT.into(),
        token: env_reference(&format!("SBWH_BQ_{}", unique_name().to_uppercase()), token),
        location: None,
        maximum_bytes_billed: Some(1_000_000_000),
    });
    c.tables = c.tables.iter().map(|t| qualified(t)).collect();
    for q in &mut c.saved_queries {
        for table in [
            "revenue_by_month",
            "invoices_summary",
            "arr_by_customer",
            "employees",
            "salaries",
        ] {
            q.sql = q.sql.replace(
                &format!("FROM {table}"),
                &format!("FROM {}", qualified(table)),
            );
            q.sql = q.sql.replace(
                &format!("JOIN {table}"),
                &format!("JOIN {}", qualified(table)),
            );
        }
    }
    c
}

pub async fn env(options: BigQueryOptions) -> (FakeServer, Arc<dyn Connector>) {
    let server = spawn_bigquery_with(northwind(), TOKEN, options).await;
    let c = connect(&config(&server, TOKEN)).await.unwrap();
    (server, c)
}

#[tokio::test]
async fn bigquery_answers_every_tool() {
    let (server, c) = env(BigQueryOptions::default()).await;
    check_connector(c.clone()).await;
    assert_eq!(
        server.hits.total(),
        0,
        "the contract check never reaches BigQuery"
    );
    suite::exercise(&c, "INTEGER", qualified).await;
    let out = call_as(&c, "finance@demo", "warehouse_list_tables", json!({}))
        .await
        .unwrap();
    assert_eq!(
        out["tables"][0],
        json!({"name": "finance.revenue_by_month", "kind": "table"})
    );
    let out = call_as(
        &c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": "SELECT COUNT(*) AS n FROM `northwind-analytics.finance.arr_by_customer`"}),
    )
    .await
    .unwrap();
    assert_eq!(out["rows"][0]["n"], json!(20));
    assert!(out["bytes_processed"].as_u64().unwrap() > 0);
    // Parameters travel as NAMED query parameters, never in the SQL text.
    assert!(server
        .hits
        .requests()
        .iter()
        .all(|r| !r.path.contains("enterprise")));
}

#[tokio::test]
async fn running_jobs_are_polled_and_results_paged() {
    let (server, c) = env(BigQueryOptions {
        page_size: Some(4),
        pending_polls: 2,
        error_reason: None,
    })
    .await;
    let out = call_as(&c, "finance@demo", "warehouse_sql", json!({"sql": "SELECT customer_domain FROM finance.arr_by_customer ORDER BY customer_domain", "max_rows": 10}))
        .await
        .unwrap();
    assert_eq!(
        (out["row_count"].as_u64(), out["truncated"].as_bool()),
        (Some(10), Some(true))
    );
    assert_eq!(
        column(&out, "customer_domain")[9],
        "nordlicht-energie.example"
    );
    let results = server
        .hits
        .with_prefix(&format!("/bigquery/v2/projects/{PROJECT}/queries/"));
    assert!(results >= 4, "2 polls and 3 pages of 4, got {results}");
}

#[tokio::test]
async fn a_job_past_the_statement_timeout_is_cancelled() {
    let server = spawn_bigquery_with(
        northwind(),
        TOKEN,
        BigQueryOptions {
            pending_polls: 10_000,
            ..Default::default()
        },
    )
    .await;
    let mut cfg = config(&server, TOKEN);
    cfg.statement_timeout_ms = Some(300);
    let c = connect(&cfg).await.unwrap();
    let err = call_as(
        &c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": "SELECT * FROM finance.revenue_by_month"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{}", err.message);
    let cancels = server
        .hits
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/cancel"))
        .count();
    assert_eq!(cancels, 1);
}
