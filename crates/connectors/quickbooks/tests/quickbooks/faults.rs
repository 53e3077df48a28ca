//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::REFERENCE_DATE;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_within, connector_for, env};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_quickbooks() {
    let env = env().await;
    check_connector(env.qbo.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
    let names: Vec<String> = env
        .qbo
        .tools()
        .iter()
        .map(|t| format!("{} {}", t.name, t.permission))
        .collect();
    assert_eq!(
        names,
        [
            "quickbooks_search_customers quickbooks:customers:read",
            "quickbooks_get_customer quickbooks:customers:read",
            "quickbooks_search_invoices quickbooks:invoices:read",
            "quickbooks_get_invoice quickbooks:invoices:read",
            "quickbooks_get_ar_aging quickbooks:reports:read",
            "quickbooks_get_profit_and_loss quickbooks:reports:read",
        ]
    );
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let get = json!({"customer": "60"});

    let stale = connector_for(&env.server, "expired-access-token", REFERENCE_DATE);
    let err = call(&stale, "quickbooks_get_customer", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(
        err.message
            .contains("[AuthenticationFault 3200] AuthenticationFailed"),
        "{}",
        err.message
    );
    assert!(
        !err.message.contains("expired-access-token"),
        "never echo the token"
    );

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(
        &env.qbo,
        "quickbooks_get_invoice",
        json!({"invoice_id": "300"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(err.message.contains("ThrottleExceeded"), "{}", err.message);

    env.server.faults.inject(Fault::ServerError);
    let err = call(&env.qbo, "quickbooks_get_ar_aging", json!({}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );
    assert!(err.message.contains("SystemFault 10000"), "{}", err.message);

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(&env.qbo, "quickbooks_search_invoices", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_within(
        &env.qbo,
        Duration::from_millis(300),
        "quickbooks_get_profit_and_loss",
        json!({}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "bounded by the call's deadline"
    );

    env.server.faults.clear();
    assert!(
        call(&env.qbo, "quickbooks_get_customer", get).await.is_ok(),
        "recovers once the fault is gone"
    );
}

#[tokio::test]
async fn invalid_arguments_never_reach_quickbooks() {
    let env = env().await;
    let cases = [
        ("quickbooks_search_customers", json!({"limit": 0}), "limit"),
        (
            "quickbooks_search_customers",
            json!({"limit": 101}),
            "limit",
        ),
        (
            "quickbooks_search_customers",
            json!({"cursor": "page-2"}),
            "cursor",
        ),
        (
            "quickbooks_search_customers",
            json!({"name": "100% Juice"}),
            "name",
        ),
        (
            "quickbooks_search_customers",
            json!({"name": "x".repeat(101)}),
            "name",
        ),
        (
            "quickbooks_search_customers",
            json!({"query": "acme"}),
            "query",
        ),
        ("quickbooks_get_customer", json!({}), "customer"),
        (
            "quickbooks_get_customer",
            json!({"customer": "  "}),
            "customer",
        ),
        (
            "quickbooks_get_customer",
            json!({"customer": "a\nb"}),
            "customer",
        ),
        (
            "quickbooks_search_invoices",
            json!({"status": "late"}),
            "status",
        ),
        (
            "quickbooks_search_invoices",
            json!({"date_from": "2026-02-30"}),
            "date_from",
        ),
        (
            "quickbooks_search_invoices",
            json!({"date_to": "next week"}),
            "date_to",
        ),
        (
            "quickbooks_search_invoices",
            json!({"date_from": "2026-12-01", "date_to": "2026-11-01"}),
            "date_from",
        ),
        (
            "quickbooks_search_invoices",
            json!({"cursor": "0"}),
            "cursor",
        ),
        (
            "quickbooks_search_invoices",
            json!({"limit": "ten"}),
            "limit",
        ),
        (
            "quickbooks_get_invoice",
            json!({"invoice_id": "../customer/60"}),
            "invoice_id",
        ),
        (
            "quickbooks_get_invoice",
            json!({"invoice_id": "INV-1001"}),
            "invoice_id",
        ),
        (
            "quickbooks_get_ar_aging",
            json!({"as_of": "25/11/2026"}),
            "as_of",
        ),
        ("quickbooks_get_ar_aging", json!({"limit": 201}), "limit"),
        (
            "quickbooks_get_profit_and_loss",
            json!({"start_date": "2026-12-01", "end_date": "2026-01-31"}),
            "start_date",
        ),
        (
            "quickbooks_get_profit_and_loss",
            json!({"accounting_method": "cash"}),
            "accounting_method",
        ),
        ("quickbooks_get_profit_and_loss", json!({"top": 21}), "top"),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.qbo, tool, args.clone()).await.unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        assert!(
            err.message.contains(field),
            "{tool} {args}: `{}` should name `{field}`",
            err.message
        );
    }
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
