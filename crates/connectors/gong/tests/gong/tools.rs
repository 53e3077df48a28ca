//! `gong_list_calls` against the fake Gong serving the demo company,
//! asserting concrete shaped results.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::calls::call_library;
use switchboard_testkit::fake::gong::GongOptions;

use crate::common::{call, call_as, column, env, env_with, unthrottled};

async fn as_user(
    env: &crate::common::Env,
    user: &str,
    args: Value,
) -> Result<Value, switchboard_core::ConnectorError> {
    call_as(
        &env.gong,
        user,
        Duration::from_secs(10),
        "gong_list_calls",
        args,
    )
    .await
}

#[tokio::test]
async fn calls_with_a_customer_by_domain_or_name() {
    let env = env().await;
    let acme = call(
        &env.gong,
        "gong_list_calls",
        json!({"company": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&acme, "calls", "title"),
        [
            "Acme Robotics — quarterly business review",
            "Acme Robotics — data sync escalation",
            "Acme Robotics — renewal review",
        ]
    );
    let last = &acme["calls"][2];
    assert_eq!(last["started"], "2026-11-17T18:01:03Z");
    assert_eq!(last["duration_minutes"], 46);
    assert_eq!(
        last["host"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert_eq!(
        last["external"],
        json!([
            {"name": "Dana Whitfield", "email": "dana.whitfield@acme-robotics.example"},
            {"name": "Lena Okafor", "email": "lena.okafor@acme-robotics.example"},
        ])
    );
    assert!(acme.get("next_cursor").is_none());

    let globex = call(
        &env.gong,
        "gong_list_calls",
        json!({"company": "Globex", "from": "2026-10-01"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&globex, "calls", "title").len(), 2, "{globex}");
    // No call with Helios Pharma in the last 90 days; an older one exists.
    let helios =
        json!({"company": "helios-pharma.example", "from": "2026-08-27", "to": "2026-11-25"});
    let quiet = call(&env.gong, "gong_list_calls", helios).await.unwrap();
    assert_eq!(quiet, json!({"calls": []}));
    let ever = call(
        &env.gong,
        "gong_list_calls",
        json!({"company": "helios-pharma.example"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&ever, "calls", "started"), ["2026-08-13T11:32:12Z"]);
}

#[tokio::test]
async fn the_date_range_is_inclusive_days_in_utc() {
    let env = env().await;
    let week = call(
        &env.gong,
        "gong_list_calls",
        json!({"from": "2026-11-15", "to": "2026-11-22"}),
    )
    .await
    .unwrap();
    let titles = column(&week, "calls", "title");
    assert_eq!(titles.len(), 7, "{titles:?}");
    assert_eq!(
        titles[6], "Globex Logistics — renewal review",
        "the 22nd is included"
    );
    let asked = env.server.hits.requests();
    assert!(asked
        .iter()
        .all(|r| r.method == "POST" && r.path == "/v2/calls/extensive"));
    let nothing = call(
        &env.gong,
        "gong_list_calls",
        json!({"from": "2025-01-01", "to": "2025-01-31"}),
    )
    .await
    .unwrap();
    assert_eq!(
        nothing,
        json!({"calls": []}),
        "Gong's 404 \"No calls found\" is an empty list"
    );
}

#[tokio::test]
async fn me_is_the_caller_and_participants_match_by_email() {
    let env = env().await;
    let mine = call(&env.gong, "gong_list_calls", json!({"participant": "me"}))
        .await
        .unwrap();
    let titles = column(&mine, "calls", "title");
    assert_eq!(titles.len(), 10, "{titles:?}");
    assert!(mine["calls"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["host"]["name"] == "Sam Carter"));

    let support = as_user(&env, "support@demo", json!({"participant": "me"}))
        .await
        .unwrap();
    assert_eq!(
        column(&support, "calls", "title"),
        [
            "Acme Robotics — data sync escalation",
            "Lion City Bank — reporting outage escalation"
        ]
    );
    let err = as_user(&env, "finance@demo", json!({"participant": "me"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("finance@northwind.example"),
        "{}",
        err.message
    );

    let dana = call(
        &env.gong,
        "gong_list_calls",
        json!({"participant": "Dana.Whitfield@acme-robotics.example", "to": "2026-11-01"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&dana, "calls", "title").len(), 2);
    let maria = json!({"participant": "maria.lopez@northwind.example", "company": "Northwind"});
    let forecast = call(&env.gong, "gong_list_calls", maria).await.unwrap();
    assert_eq!(
        column(&forecast, "calls", "title"),
        ["Northwind Example — Q4 renewal forecast"]
    );
    assert_eq!(forecast["calls"][0]["external"], json!([]));
}

#[tokio::test]
async fn pages_across_gong_pages_up_to_the_limit() {
    let mut env = env_with(GongOptions { page_size: Some(5) }).await;
    env.gong = unthrottled(&env.server);
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    let mut calls = 0;
    loop {
        let mut args = json!({"limit": 12});
        if let Some(c) = &cursor {
            args["cursor"] = c.clone().into();
        }
        let page = call(&env.gong, "gong_list_calls", args).await.unwrap();
        calls += 1;
        ids.extend(column(&page, "calls", "id"));
        match page.get("next_cursor") {
            Some(c) => cursor = Some(c.as_str().unwrap().to_owned()),
            None => break,
        }
    }
    let expected: Vec<String> = call_library().calls.iter().map(|c| c.id.clone()).collect();
    assert_eq!((ids, calls), (expected, 4), "37 calls in pages of 12");
    assert!(env.server.hits.path("/v2/calls/extensive") >= 8);

    let first = call(
        &env.gong,
        "gong_list_calls",
        json!({"company": "lioncity-bank.example", "limit": 2}),
    )
    .await
    .unwrap();
    assert_eq!(column(&first, "calls", "title").len(), 2);
    let next = first["next_cursor"].as_str().unwrap();
    let rest = call(
        &env.gong,
        "gong_list_calls",
        json!({"company": "lioncity-bank.example", "limit": 2, "cursor": next}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&rest, "calls", "title"),
        ["Lion City Bank — renewal review"]
    );
    assert!(rest.get("next_cursor").is_none());
}
