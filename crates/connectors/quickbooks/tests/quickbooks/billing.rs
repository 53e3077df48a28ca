//! `quickbooks_get_customer`: billing status measured against the
//! connector's "today", customers by name or id, and names that match
//! nothing or several customers.

use chrono::NaiveDate;
use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, connector_for, env, TOKEN};

#[tokio::test]
async fn billing_status_of_an_overdue_enterprise_customer() {
    let env = env().await;
    let acme = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "Acme Robotics"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            acme["status"].as_str(),
            acme["as_of"].as_str(),
            acme["city"].as_str()
        ),
        (Some("overdue"), Some("2026-11-25"), Some("Pittsburgh"))
    );
    assert_eq!(
        (
            &acme["balance"],
            &acme["open_amount"],
            &acme["overdue_amount"]
        ),
        (&json!(60000), &json!(60000), &json!(60000))
    );
    assert_eq!(
        (
            &acme["open_invoices"],
            &acme["overdue_invoices"],
            &acme["oldest_overdue_days"]
        ),
        (&json!(1), &json!(1), &json!(25))
    );
    let late = &acme["overdue"][0];
    assert_eq!(
        (
            late["due_date"].as_str(),
            late["balance"].as_u64(),
            late["status"].as_str()
        ),
        (Some("2026-10-31"), Some(60000), Some("overdue"))
    );

    // By id: Helios owes a Net 60 quarter not yet due and one late invoice.
    let helios = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "79"}),
    )
    .await
    .unwrap();
    assert_eq!(helios["name"], "Helios Pharma");
    assert_eq!(
        (&helios["open_amount"], &helios["overdue_amount"]),
        (&json!(152500), &json!(55000))
    );
    assert_eq!(
        (
            &helios["open_invoices"],
            &helios["overdue_invoices"],
            &helios["oldest_overdue_days"]
        ),
        (&json!(2), &json!(1), &json!(36))
    );

    let stark = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "stark aerospace"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (stark["status"].as_str(), &stark["open_amount"]),
        (Some("paid_up"), &json!(0))
    );
    assert!(stark.get("overdue").is_none() && stark.get("oldest_overdue_days").is_none());
    let wayne = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "Wayne"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (wayne["name"].as_str(), wayne["status"].as_str()),
        (Some("Wayne Financial"), Some("current"))
    );
    assert_eq!(
        (&wayne["open_amount"], &wayne["overdue_amount"]),
        (&json!(35000), &json!(0))
    );
}

#[tokio::test]
async fn overdue_is_measured_against_the_injected_today() {
    let env = env().await;
    let mid_october = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let earlier = connector_for(&env.server, TOKEN, mid_october);
    let acme = call(
        &earlier,
        "quickbooks_get_customer",
        json!({"customer": "60"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (acme["status"].as_str(), acme["as_of"].as_str()),
        (Some("current"), Some("2026-10-15"))
    );
    assert_eq!(
        (&acme["open_amount"], &acme["overdue_amount"]),
        (&json!(60000), &json!(0))
    );
    let globex = call(
        &earlier,
        "quickbooks_get_customer",
        json!({"customer": "Globex Logistics"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&globex["overdue_amount"], &globex["oldest_overdue_days"]),
        (&json!(37500), &json!(76))
    );
}

#[tokio::test]
async fn unknown_and_ambiguous_customers() {
    let env = env().await;
    let err = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "99999"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(400))
    );
    assert_eq!(err.message, "QuickBooks has no customer with id 99999");
    let err = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "Initrode"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = call(
        &env.qbo,
        "quickbooks_get_customer",
        json!({"customer": "an"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    assert!(
        err.message.contains("`customer`") && err.message.contains("matches several customers"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("Lion City Bank")
            && err.message.ends_with("give the exact name or the id"),
        "{}",
        err.message
    );
}
