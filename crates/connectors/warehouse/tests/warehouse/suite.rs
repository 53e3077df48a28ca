//! The same behaviour asserted on every backend seeded with the demo
//! company: concrete values from the demo data, limits, identity binding.

use std::sync::Arc;

use serde_json::json;
use switchboard_core::Connector;

use crate::common::{call_as, column};
use crate::suite_saved::{refusals, saved_queries};

/// How a backend names the demo tables: plain, or `dataset.table` on
/// BigQuery.
pub type Naming = fn(&str) -> String;

pub fn plain(table: &str) -> String {
    table.to_owned()
}

/// Every tool on a connector over the seeded demo tables; `int_type` is
/// how the engine names the `invoiced` column's type.
pub async fn exercise(c: &Arc<dyn Connector>, int_type: &str, t: Naming) {
    let (revenue, invoices, arr) = (
        t("revenue_by_month"),
        t("invoices_summary"),
        t("arr_by_customer"),
    );
    let described = call_as(
        c,
        "finance@demo",
        "warehouse_describe_table",
        json!({"table": revenue}),
    )
    .await
    .unwrap();
    assert_eq!(described["table"], revenue.as_str());
    assert_eq!(described["columns"][1]["name"], "invoiced");
    assert!(
        described["columns"][1]["type"]
            .as_str()
            .unwrap()
            .to_uppercase()
            .starts_with(int_type),
        "{described}"
    );
    assert_eq!(described["columns"][1]["nullable"], false);

    // Ad-hoc SQL: values typed, dates as ISO strings.
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("SELECT month_start, invoiced, invoice_count FROM {revenue} \
                       WHERE month_start >= '2026-10-01' ORDER BY month_start")}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["columns"],
        json!(["month_start", "invoiced", "invoice_count"])
    );
    assert_eq!(
        out["rows"][0],
        json!({"month_start": "2026-10-01", "invoiced": 1109250, "invoice_count": 22})
    );
    assert_eq!(
        (out["row_count"].as_u64(), out["truncated"].as_bool()),
        (Some(2), Some(false))
    );

    // The cross-system question, answered from the warehouse alone.
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("WITH q4 AS (SELECT * FROM {arr} WHERE renewal_quarter = '2026-Q4') \
                       SELECT q4.customer_name, i.overdue_balance FROM q4 JOIN {invoices} i \
                       ON i.customer_domain = q4.customer_domain WHERE i.overdue_balance > 0 \
                       ORDER BY i.overdue_balance DESC")}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&out, "customer_name"),
        [
            "Oceanic Insurance",
            "Globex Logistics",
            "Sakura Telecom",
            "Acme Robotics",
            "Helios Pharma"
        ]
    );

    // SUM over integers is a number on every engine (NUMERIC/DECIMAL included).
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("SELECT SUM(overdue_balance) AS overdue FROM {invoices}")}),
    )
    .await
    .unwrap();
    assert_eq!(out["rows"][0]["overdue"], json!(517000));

    // The row limit: at most max_rows, and the cut is reported.
    let out = call_as(c, "finance@demo", "warehouse_sql", json!({"sql": format!("SELECT customer_domain FROM {arr} ORDER BY customer_domain"), "max_rows": 5}))
        .await
        .unwrap();
    assert_eq!(
        (out["row_count"].as_u64(), out["truncated"].as_bool()),
        (Some(5), Some(true))
    );
    assert_eq!(column(&out, "customer_domain")[0], "acme-robotics.example");
    let out = call_as(
        c,
        "finance@demo",
        "warehouse_sql",
        json!({"sql": format!("SELECT customer_domain FROM {arr} LIMIT 3"), "max_rows": 5}),
    )
    .await
    .unwrap();
    assert_eq!(
        (out["row_count"].as_u64(), out["truncated"].as_bool()),
        (Some(3), Some(false))
    );

    saved_queries(c).await;
    refusals(c, t).await;
}
