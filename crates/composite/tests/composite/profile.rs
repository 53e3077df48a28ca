//! `customer_get_profile`: parts joined, omitted or failing on their own.

use std::sync::Arc;

use serde_json::json;

use super::dispatcher::{composite, demo_config, run, Reply, Script};

fn full() -> Script {
    Script::default()
        .on("hubspot_search_companies", |_| Reply::Ok(json!({"companies": [{"id": "101", "name": "Acme Robotics", "domain": "acme-robotics.example"}]})))
        .on("hubspot_search_deals", |_| Reply::Ok(json!({"deals": [{"id": "9", "name": "Acme Robotics - Enterprise Renewal 2027", "stage": "Contract Sent", "amount": 252000.0, "close_date": "2026-12-15", "owner": {"name": "Sam Carter"}}], "total": 1})))
        .on("intercom_search_conversations", |_| Reply::Ok(json!({"conversations": [{"id": "c1", "title": "Sync broken", "created": "2026-11-01T10:00:00Z"}], "total": 1})))
        .on("intercom_search_tickets", |_| Reply::Ok(json!({"tickets": [{"id": "t1", "title": "Fleet sync", "created": "2026-10-20T09:00:00Z"}, {"id": "t2", "title": "Export gap", "created": "2026-11-10T09:00:00Z"}], "total": 2})))
        .on("quickbooks_get_customer", |_| Reply::Ok(json!({"status": "overdue", "open_amount": 60000.0, "overdue_amount": 60000.0, "oldest_overdue_days": 25})))
        .on("gong_list_calls", |_| Reply::Ok(json!({"calls": [{"id": "g1", "started": "2026-11-17T15:00:00Z"}, {"id": "g2", "started": "2026-10-02T15:00:00Z"}]})))
}

#[tokio::test]
async fn the_profile_joins_crm_support_billing_and_calls() {
    let script = Arc::new(full());
    let c = composite(demo_config());
    let p = run(
        &c,
        script.clone(),
        "customer_get_profile",
        json!({"customer": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(p["crm"]["deals"][0]["stage"], "Contract Sent");
    assert_eq!(p["crm"]["deals"][0]["amount"], 252000.0);
    assert_eq!(p["support"]["open_tickets"], 2);
    assert_eq!(p["support"]["open_conversations"], 1);
    assert_eq!(p["support"]["oldest_open"]["title"], "Fleet sync");
    assert_eq!(p["support"]["oldest_open"]["age_days"], 36);
    assert_eq!(p["billing"]["overdue_amount"], 60000.0);
    assert_eq!(p["calls"]["last_call"], "2026-11-17");
    assert_eq!(p["calls"]["calls_last_90_days"], 2);
    // The CRM id keys the deals; the domain keys support and calls.
    assert_eq!(
        script.called("hubspot_search_deals")[0]["company_id"],
        "101"
    );
    assert_eq!(
        script.called("intercom_search_tickets")[0]["company"],
        "acme-robotics.example"
    );
    assert_eq!(script.called("gong_list_calls")[0]["from"], "2026-08-27");
}

#[tokio::test]
async fn a_part_the_caller_may_not_see_is_omitted_and_a_failing_part_degrades_alone() {
    let script = Arc::new(
        full()
            .on("quickbooks_get_customer", |_| Reply::Denied)
            .on("gong_list_calls", |_| {
                Reply::Fails("Gong is failing (HTTP 503)")
            }),
    );
    let c = composite(demo_config());
    let p = run(
        &c,
        script,
        "customer_get_profile",
        json!({"customer": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(p["billing"], json!({"omitted": "not permitted"}));
    assert_eq!(p["calls"], json!({"error": "Gong is failing (HTTP 503)"}));
    assert_eq!(p["support"]["open_tickets"], 2, "the rest still answers");
    assert!(
        p.to_string().find("60000").is_none(),
        "nothing from the denied part leaks"
    );
}

#[tokio::test]
async fn support_halves_are_omitted_on_their_own() {
    let script = Arc::new(full().on("intercom_search_conversations", |_| Reply::Denied));
    let c = composite(demo_config());
    let p = run(
        &c,
        script,
        "customer_get_profile",
        json!({"customer": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        p["support"]["open_conversations"],
        json!({"omitted": "not permitted"})
    );
    assert_eq!(p["support"]["open_tickets"], 2);
    assert_eq!(p["support"]["oldest_open"]["kind"], "ticket");
}
