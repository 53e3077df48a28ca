//! The saved-query and refusal half of the shared backend suite.

use std::sync::Arc;

use serde_json::json;
use switchboard_core::{Connector, ErrorKind};

use crate::common::{call_as, column};
use crate::suite::Naming;

/// Saved queries with typed, bound parameters and the caller's identity.
pub async fn saved_queries(c: &Arc<dyn Connector>) {
    // Saved queries with typed, bound parameters.
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_query_revenue_by_month",
        json!({"from_month": "2026-09-01", "to_month": "2026-10-01"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "month_start"), ["2026-09-01", "2026-10-01"]);
    assert_eq!(out["rows"][1]["collected"], json!(647000));
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_query_revenue_by_month",
        json!({}),
    )
    .await
    .unwrap();
    assert_eq!(out["row_count"], 11);

    let out = call_as(
        c,
        "finance@demo",
        "warehouse_query_arr_by_customer",
        json!({"tier": "enterprise", "renewal_quarter": "2026-Q4"}),
    )
    .await
    .unwrap();
    assert_eq!(out["row_count"], 7);
    assert_eq!(out["rows"][0]["customer_name"], "Lion City Bank");
    assert_eq!(out["rows"][0]["arr"], json!(460000));

    let out = call_as(
        c,
        "finance@demo",
        "warehouse_query_overdue_invoices",
        json!({"min_days_overdue": 60}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&out, "customer_domain"),
        [
            "oceanic-insurance.example",
            "globex-logistics.example",
            "vandelay.example"
        ]
    );

    // Identity: the HR partner sees the salaries they handle; no one else
    // does through this query, and nobody can pass an identity in.
    let out = call_as(
        c,
        "hr@demo",
        "warehouse_query_salary",
        json!({"department": "engineering"}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["rows"],
        json!([{
            "email": "engineering@northwind.example", "first_name": "Erik", "last_name": "Lindqvist",
            "title": "Engineering Manager", "department": "engineering", "base_salary": 155000,
            "bonus_target_pct": 15, "currency": "USD", "pay_band": "M3", "effective_date": "2026-04-01"
        }])
    );
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_query_salary",
        json!({"department": "engineering"}),
    )
    .await
    .unwrap();
    assert_eq!(out["row_count"], 0, "finance@ is nobody's HR partner");
    let err = call_as(
        c,
        "finance@demo",
        "warehouse_query_salary",
        json!({"caller_email": "hr@northwind.example"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    assert!(err.message.contains("caller_email"), "{}", err.message);

    let out = call_as(
        c,
        "hr@demo",
        "warehouse_query_salary",
        json!({"employee_email": "sales@northwind.example"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "email"), ["sales@northwind.example"]);
    assert_eq!(out["rows"][0]["base_salary"], json!(98000));
    let out = call_as(c, "hr@demo", "warehouse_query_salary", json!({}))
        .await
        .unwrap();
    assert_eq!(out["row_count"], 10, "every employee has hr@ as HR partner");
}

/// Refusals name why; engine errors come back as invalid arguments.
pub async fn refusals(c: &Arc<dyn Connector>, t: Naming) {
    let revenue = t("revenue_by_month");
    let err = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("SELECT * FROM {}", t("salaries"))}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    let expected = format!("`{}` is not on the allowlist", t("salaries"));
    assert!(err.message.contains(&expected), "{}", err.message);
    let err = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("SELECT no_such_column FROM {revenue}")}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs, "{}", err.message);
    assert!(err.message.contains("no_such_column"), "{}", err.message);
    let err = call_as(
        c,
        "finance@demo",
        "warehouse_query_revenue_by_month",
        json!({"from_month": "October"}),
    )
    .await
    .unwrap_err();
    assert!(err.message.contains("from_month"), "{}", err.message);
}
