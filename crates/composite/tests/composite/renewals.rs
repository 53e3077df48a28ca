//! `customers_find_renewals_at_risk`: the seed question.

use std::sync::Arc;

use serde_json::{json, Value};

use super::dispatcher::{composite, demo_config, run, Reply, Script};

fn deal(id: &str, name: &str, stage: &str, close: &str) -> Value {
    json!({"id": id, "name": name, "stage": stage, "amount": 100000.0, "close_date": close})
}

fn script() -> Script {
    Script::default()
        .on("hubspot_search_deals", |_| {
            Reply::Ok(json!({"deals": [
                deal("1", "Acme Robotics - Enterprise Renewal 2027", "Contract Sent", "2026-12-15"),
                deal("2", "Globex Logistics - Enterprise Renewal 2027", "Decision Maker Bought-In", "2026-12-20"),
                deal("3", "Stark Aerospace - Enterprise Renewal 2027", "Closed Won", "2026-11-01"),
                deal("4", "Initech - Premium Support Renewal", "Contract Sent", "2026-12-01"),
            ]}))
        })
        .on("hubspot_get_deal", |args| {
            let (name, domain) = match args["deal_id"].as_str().unwrap() {
                "1" => ("Acme Robotics", "acme-robotics.example"),
                _ => ("Globex Logistics", "globex-logistics.example"),
            };
            Reply::Ok(json!({"companies": [{"name": name, "domain": domain}]}))
        })
        .on("intercom_search_tickets", |args| {
            let n = if args["company"] == "acme-robotics.example" { 3 } else { 1 };
            let tickets: Vec<Value> = (0..n).map(|i| json!({"id": format!("t{i}"), "title": format!("ticket {i}")})).collect();
            Reply::Ok(json!({"tickets": tickets, "total": n}))
        })
}

#[tokio::test]
async fn open_enterprise_renewals_with_more_than_one_open_ticket() {
    let script = Arc::new(script());
    let c = composite(demo_config());
    let a = run(
        &c,
        script.clone(),
        "customers_find_renewals_at_risk",
        json!({}),
    )
    .await
    .unwrap();
    assert_eq!(a["quarter"], "2026-Q4");
    assert_eq!(
        a["renewals_checked"], 2,
        "closed and non-enterprise renewals are not checked"
    );
    let at_risk = a["at_risk"].as_array().unwrap();
    assert_eq!(at_risk.len(), 1);
    assert_eq!(at_risk[0]["customer"], "Acme Robotics");
    assert_eq!(at_risk[0]["open_tickets"], 3);
    let q = &script.called("hubspot_search_deals")[0];
    assert_eq!(
        (q["close_date_from"].as_str(), q["close_date_to"].as_str()),
        (Some("2026-10-01"), Some("2026-12-31"))
    );
    let a = run(
        &c,
        script,
        "customers_find_renewals_at_risk",
        json!({"min_open_tickets": 1}),
    )
    .await
    .unwrap();
    assert_eq!(a["at_risk"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn without_support_the_answer_says_so() {
    let script = Arc::new(script().on("intercom_search_tickets", |_| Reply::Denied));
    let c = composite(demo_config());
    let a = run(
        &c,
        script,
        "customers_find_renewals_at_risk",
        json!({"quarter": "2026-Q4"}),
    )
    .await
    .unwrap();
    assert_eq!(a["at_risk"], json!({"omitted": "not permitted"}));
}

#[tokio::test]
async fn the_contract_holds() {
    switchboard_testkit::conformance::check_connector(composite(demo_config())).await;
}
