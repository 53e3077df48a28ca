//! The `--demo` warehouse (SQLite in memory, seeded from the demo data).

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;

use crate::common::{call_as, demo};
use crate::suite;

#[tokio::test]
async fn demo_passes_the_conformance_check() {
    check_connector(demo().await).await;
}

#[tokio::test]
async fn demo_answers_every_tool() {
    suite::exercise(&demo().await, "BIGINT", suite::plain).await;
}

#[tokio::test]
async fn demo_lists_only_the_finance_tables() {
    let c = demo().await;
    let out = call_as(&c, "finance@demo", "warehouse_list_tables", json!({}))
        .await
        .unwrap();
    assert_eq!(
        out,
        json!({"tables": [
            {"name": "revenue_by_month", "kind": "table"},
            {"name": "invoices_summary", "kind": "table"},
            {"name": "arr_by_customer", "kind": "table"}
        ]})
    );
    let err = call_as(
        &c,
        "finance@demo",
        "warehouse_describe_table",
        json!({"table": "salaries"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
}
