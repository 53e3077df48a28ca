//! The invoice tools against the fake serving the demo books.

use serde_json::{json, Value};
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::billing::books;

use crate::common::{call, column, env};

/// The id of the demo invoice of `customer_id` dated `date`.
fn invoice_of(customer_id: &str, date: &str) -> String {
    books()
        .invoices_of(customer_id)
        .find(|i| i.txn_date.to_string() == date)
        .unwrap_or_else(|| panic!("no invoice of {customer_id} on {date}"))
        .id
        .clone()
}

#[tokio::test]
async fn overdue_invoices_oldest_first() {
    let env = env().await;
    let found = call(
        &env.qbo,
        "quickbooks_search_invoices",
        json!({"status": "overdue"}),
    )
    .await
    .unwrap();
    assert_eq!(found["as_of"], "2026-11-25");
    let invoices = found["invoices"].as_array().unwrap();
    assert_eq!(invoices.len(), 11);
    assert!(found.get("next_cursor").is_none());
    let days: Vec<i64> = invoices
        .iter()
        .map(|i| i["days_overdue"].as_i64().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert_eq!(days[0], 117);
    assert!(invoices.iter().all(|i| i["status"] == "overdue"));
    let customers: Vec<String> = column(&found, "invoices", "customer");
    for name in [
        "Acme Robotics",
        "Globex Logistics",
        "Sakura Telecom",
        "Helios Pharma",
        "Oceanic Insurance",
        "Vandelay Industries",
        "Umbrella Health",
    ] {
        assert!(
            customers.iter().any(|c| c == name),
            "{name} missing from {customers:?}"
        );
    }

    let globex = call(
        &env.qbo,
        "quickbooks_search_invoices",
        json!({"status": "overdue", "customer": "Globex Logistics"}),
    )
    .await
    .unwrap();
    let balances: Vec<&Value> = globex["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["balance"])
        .collect();
    assert_eq!(balances, [&json!(37500), &json!(77500)]);
}

#[tokio::test]
async fn status_customer_and_date_filters() {
    let env = env().await;
    let paid = call(
        &env.qbo,
        "quickbooks_search_invoices",
        json!({"status": "paid", "customer": "64"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&paid, "invoices", "customer"),
        ["Stark Aerospace"; 4]
    );
    assert_eq!(
        column(&paid, "invoices", "date"),
        ["2026-10-01", "2026-07-01", "2026-04-01", "2026-01-01"],
        "newest first"
    );
    assert!(paid["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["balance"] == 0 && i["status"] == "paid"));

    let helios = call(
        &env.qbo,
        "quickbooks_search_invoices",
        json!({"status": "open", "customer": "helios pharma"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&helios, "invoices", "status"), ["open", "overdue"]);
    assert_eq!(helios["invoices"][0]["due_date"], "2026-11-30");

    let november = call(
        &env.qbo,
        "quickbooks_search_invoices",
        json!({"date_from": "2026-11-01", "date_to": "2026-11-30"}),
    )
    .await
    .unwrap();
    let dates = column(&november, "invoices", "date");
    assert_eq!(dates.len(), 5);
    assert_eq!(
        (
            dates[0].as_str(),
            november["invoices"][0]["customer"].as_str()
        ),
        ("2026-11-12", Some("Wayne Financial"))
    );
    assert!(dates.iter().all(|d| d.starts_with("2026-11")));
}

#[tokio::test]
async fn search_pages_with_the_next_start_position() {
    let env = env().await;
    let total = books().invoices.len();
    let first = call(&env.qbo, "quickbooks_search_invoices", json!({"limit": 25}))
        .await
        .unwrap();
    assert_eq!(
        (
            first["invoices"].as_array().unwrap().len(),
            first["next_cursor"].as_str()
        ),
        (25, Some("26"))
    );
    let mut ids = column(&first, "invoices", "id");
    let mut cursor = first["next_cursor"].as_str().map(str::to_owned);
    while let Some(c) = cursor {
        let page = call(
            &env.qbo,
            "quickbooks_search_invoices",
            json!({"limit": 100, "cursor": c}),
        )
        .await
        .unwrap();
        ids.extend(column(&page, "invoices", "id"));
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    assert_eq!(ids.len(), total);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "no invoice twice across pages");
    let asked = env.server.hits.requests();
    let query = |i: usize| asked[i].query.clone().unwrap_or_default();
    assert!(
        query(0).contains("STARTPOSITION+1+MAXRESULTS+26"),
        "{}",
        query(0)
    );
    assert!(
        query(1).contains("STARTPOSITION+26+MAXRESULTS+101"),
        "{}",
        query(1)
    );
}

#[tokio::test]
async fn an_invoice_with_its_lines() {
    let env = env().await;
    let id = invoice_of("60", "2026-10-01");
    let acme = call(
        &env.qbo,
        "quickbooks_get_invoice",
        json!({"invoice_id": id}),
    )
    .await
    .unwrap();
    assert_eq!(
        (acme["customer"].as_str(), acme["customer_id"].as_str()),
        (Some("Acme Robotics"), Some("60"))
    );
    assert_eq!(
        (acme["status"].as_str(), acme["days_overdue"].as_i64()),
        (Some("overdue"), Some(25))
    );
    assert_eq!(
        (acme["terms"].as_str(), acme["currency"].as_str()),
        (Some("Net 30"), Some("USD"))
    );
    assert_eq!(
        (&acme["total"], &acme["amount_paid"], &acme["payments"]),
        (&json!(60000), &json!(0), &json!(0))
    );
    assert_eq!(acme["bill_to"], "lena.okafor@acme-robotics.example");
    assert_eq!(
        acme["note"],
        "Chased 2026-11-10; AP will pay once the renewal is signed"
    );
    assert_eq!(
        acme["lines"],
        json!([
            {"description": "Enterprise subscription, Q4 2026", "item": "Analytics Platform - Enterprise", "qty": 1.0, "unit_price": 48000, "amount": 48000},
            {"description": "Premium support, Q4 2026", "item": "Premium Support", "qty": 1.0, "unit_price": 12000, "amount": 12000},
        ])
    );
    assert!(
        acme.get("tax").is_none(),
        "no tax line when there is no tax"
    );

    let globex = call(
        &env.qbo,
        "quickbooks_get_invoice",
        json!({"invoice_id": invoice_of("61", "2026-07-01")}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            &globex["amount_paid"],
            &globex["balance"],
            &globex["payments"]
        ),
        (&json!(40000), &json!(37500), &json!(1))
    );

    let err = call(
        &env.qbo,
        "quickbooks_get_invoice",
        json!({"invoice_id": "99999"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "QuickBooks has no invoice with id 99999"
        )
    );
}
