//! BigQuery fault paths: Google's errors, the fake's injected faults, and
//! bad input refused before anything is sent.

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::fake::bigquery::BigQueryOptions;
use switchboard_testkit::fake::Fault;
use switchboard_warehouse::connect;

use crate::bigquery::{config, env, TOKEN};
use crate::common::{call_as, call_within};

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let (server, c) = env(BigQueryOptions::default()).await;
    let sql = json!({"sql": "SELECT * FROM finance.revenue_by_month"});

    let wrong = connect(&config(&server, "ya29.revoked")).await.unwrap();
    let err = call_as(&wrong, "finance@demo", "warehouse_sql", sql.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(
        err.message.contains("invalid authentication credentials")
            && err.message.contains("[authError]"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("revoked"), "never echo the token");

    let mut cfg = config(&server, TOKEN);
    cfg.tables.push("finance.forecast".into());
    let c2 = connect(&cfg).await.unwrap();
    let err = call_as(
        &c2,
        "finance@demo",
        "warehouse_describe_table",
        json!({"table": "finance.forecast"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = call_as(
        &c2,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": "SELECT * FROM finance.forecast"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );
    assert!(
        err.message.contains("finance.forecast was not found"),
        "{}",
        err.message
    );

    server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call_as(&c, "finance@demo", "warehouse_sql", sql.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(err.message.contains("rateLimitExceeded"), "{}", err.message);

    server.faults.inject(Fault::ServerError);
    let err = call_as(&c, "finance@demo", "warehouse_sql", sql.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );

    server.faults.inject(Fault::MalformedJson);
    let err = call_as(&c, "finance@demo", "warehouse_list_tables", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    server.faults.inject(Fault::Hang);
    let err = call_within(
        &c,
        "finance@demo",
        Duration::from_millis(300),
        "warehouse_sql",
        sql.clone(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout);
    server.faults.clear();

    // Bad input is refused before anything is sent.
    server.hits.reset();
    for (tool, args) in [
        (
            "warehouse_sql",
            json!({"sql": "DELETE FROM finance.revenue_by_month"}),
        ),
        ("warehouse_sql", json!({"sql": "SELECT * FROM hr.salaries"})),
        ("warehouse_sql", json!({"sql": "SELECT 1; SELECT 2"})),
        ("warehouse_describe_table", json!({"table": "hr.salaries"})),
        (
            "warehouse_query_revenue_by_month",
            json!({"from_month": "2026-13-01"}),
        ),
        (
            "warehouse_query_salary",
            json!({"caller_email": "hr@northwind.example"}),
        ),
        (
            "warehouse_query_overdue_invoices",
            json!({"min_days_overdue": "ten"}),
        ),
    ] {
        let err = call_as(&c, "finance@demo", tool, args.clone())
            .await
            .unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        c.check_args(tool, &args).unwrap_err();
    }
    assert_eq!(server.hits.total(), 0);
}

#[tokio::test]
async fn quota_and_access_errors_keep_their_meaning() {
    for (reason, kind, retry) in [
        (
            "quotaExceeded",
            ErrorKind::RateLimited,
            Some(Duration::from_secs(600)),
        ),
        ("rateLimitExceeded", ErrorKind::RateLimited, None),
        ("accessDenied", ErrorKind::UpstreamDenied, None),
    ] {
        let (_server, c) = env(BigQueryOptions {
            error_reason: Some(reason),
            ..Default::default()
        })
        .await;
        let err = call_as(
            &c,
            "finance@demo",
            "warehouse_query_revenue_by_month",
            json!({}),
        )
        .await
        .unwrap_err();
        assert_eq!(
            (err.kind, err.upstream_status),
            (kind, Some(403)),
            "{reason}: {}",
            err.message
        );
        assert!(err.message.contains(reason), "{}", err.message);
        if retry.is_some() {
            assert_eq!(err.retry_after, retry);
        }
    }
}
