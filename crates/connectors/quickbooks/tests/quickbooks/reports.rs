//! The report tools against the fake serving the demo books.

use serde_json::json;
use switchboard_testkit::demo::billing::books;

use crate::common::{call, column, env};

#[tokio::test]
async fn ar_aging_of_the_demo_books() {
    let env = env().await;
    let report = call(&env.qbo, "quickbooks_get_ar_aging", json!({}))
        .await
        .unwrap();
    assert_eq!(
        (report["as_of"].as_str(), report["currency"].as_str()),
        (Some("2026-11-25"), Some("USD"))
    );
    let names = column(&report, "customers", "customer");
    assert_eq!(
        names[..3],
        ["Oceanic Insurance", "Globex Logistics", "Sakura Telecom"]
    );
    let globex = &report["customers"][1];
    assert_eq!(
        (
            &globex["days_1_30"],
            &globex["days_91_plus"],
            &globex["overdue"],
            &globex["total"]
        ),
        (&json!(77500), &json!(37500), &json!(115000), &json!(115000))
    );
    let b = books();
    let owed: u64 = b
        .customers
        .iter()
        .map(|c| b.customer_balance(&c.id, b.as_of))
        .sum();
    let overdue: u64 = b
        .customers
        .iter()
        .map(|c| b.overdue_amount(&c.id, b.as_of))
        .sum();
    assert_eq!(
        (
            report["totals"]["total"].as_u64(),
            report["totals"]["overdue"].as_u64()
        ),
        (Some(owed), Some(overdue))
    );
    assert!(env.server.hits.requests()[0]
        .query
        .as_deref()
        .unwrap()
        .contains("report_date=2026-11-25"));

    let one = call(
        &env.qbo,
        "quickbooks_get_ar_aging",
        json!({"customer": "Vandelay Industries"}),
    )
    .await
    .unwrap();
    let v = &one["customers"][0];
    assert_eq!(
        (
            &v["current"],
            &v["days_1_30"],
            &v["days_31_60"],
            &v["days_61_90"]
        ),
        (&json!(1500), &json!(1500), &json!(1500), &json!(1500))
    );
    let short = call(
        &env.qbo,
        "quickbooks_get_ar_aging",
        json!({"as_of": "2026-09-30", "limit": 2}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            short["as_of"].as_str(),
            short["customers"].as_array().unwrap().len()
        ),
        (Some("2026-09-30"), 2)
    );
    assert!(short["omitted"].as_u64().unwrap() >= 1);
}

#[tokio::test]
async fn profit_and_loss_of_the_demo_books() {
    let env = env().await;
    let ytd = call(&env.qbo, "quickbooks_get_profit_and_loss", json!({}))
        .await
        .unwrap();
    assert_eq!(
        (
            ytd["start_date"].as_str(),
            ytd["end_date"].as_str(),
            ytd["basis"].as_str()
        ),
        (Some("2026-01-01"), Some("2026-11-25"), Some("Accrual"))
    );
    let invoiced: u64 = books().invoices.iter().map(|i| i.total()).sum();
    assert_eq!(ytd["income"].as_u64(), Some(invoiced));
    let f = |k: &str| ytd[k].as_f64().unwrap();
    assert_eq!(f("gross_profit"), f("income") - f("cost_of_goods_sold"));
    assert_eq!(f("net_income"), f("gross_profit") - f("expenses"));
    assert_eq!(
        (
            ytd["top_income"][0]["account"].as_str(),
            ytd["top_expenses"][0]["account"].as_str()
        ),
        (Some("Subscription Revenue"), Some("Salaries & Wages"))
    );
    assert_eq!(ytd["top_expenses"].as_array().unwrap().len(), 5);

    let q4 = call(&env.qbo, "quickbooks_get_profit_and_loss",
        json!({"start_date": "2026-10-01", "end_date": "2026-12-31", "accounting_method": "Cash", "top": 2})).await.unwrap();
    let paid: u64 = books()
        .payments
        .iter()
        .filter(|p| p.date.to_string().as_str() >= "2026-10-01")
        .map(|p| p.amount)
        .sum();
    assert_eq!(
        (q4["basis"].as_str(), q4["income"].as_u64()),
        (Some("Cash"), Some(paid))
    );
    assert_eq!(q4["top_income"].as_array().unwrap().len(), 2);
    let asked = env
        .server
        .hits
        .requests()
        .last()
        .unwrap()
        .query
        .clone()
        .unwrap();
    assert!(
        asked.contains("accounting_method=Cash") && asked.contains("start_date=2026-10-01"),
        "{asked}"
    );
}
