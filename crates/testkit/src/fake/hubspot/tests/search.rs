//! CRM search: filters, query, sorts, offsets, validation.

use serde_json::json;

use super::{ids, Api};
use crate::fake::hubspot::HubSpotOptions;

#[tokio::test]
async fn search_filters_sorts_and_pages_by_offset() {
    let api = Api::start(HubSpotOptions::default()).await;
    let mine = json!({
        "filterGroups": [{"filters": [
            {"propertyName": "hubspot_owner_id", "operator": "EQ", "value": "61842001"},
            {"propertyName": "closedate", "operator": "GTE", "value": "1790812800000"},
            {"propertyName": "closedate", "operator": "LTE", "value": "2026-12-31"}
        ]}],
        "sorts": [{"propertyName": "amount", "direction": "DESCENDING"}],
        "properties": ["dealname", "amount"],
        "limit": 2
    });
    let (status, body) = api.search("deals", mine.clone()).await;
    assert_eq!(status, 200);
    // Sam's deals closing 2026-10-01..=2026-12-31.
    assert_eq!(body["total"], 7);
    assert_eq!(
        body["results"][0]["properties"]["dealname"],
        "Acme Robotics - Enterprise Renewal 2027"
    );
    assert_eq!(
        body["results"][1]["properties"]["dealname"],
        "Hooli Cloud - Platform Migration"
    );
    assert_eq!(body["paging"]["next"], json!({"after": "2"}));
    let mut next = mine;
    next["after"] = json!("5");
    let (_, last) = api.search("deals", next).await;
    assert_eq!(ids(&last).len(), 2);
    assert!(last.get("paging").is_none());

    let (_, renewals) = api.search("deals", json!({"query": "enterprise renew", "filterGroups": [
        {"filters": [{"propertyName": "dealstage", "operator": "IN", "values": ["contractsent", "closedwon"]}]},
        {"filters": [{"propertyName": "amount", "operator": "BETWEEN", "value": "400000", "highValue": 500000}]}
    ]})).await;
    assert_eq!(renewals["total"], 6, "{renewals}");
    let (_, contacts) = api.search("contacts", json!({"filterGroups": [{"filters": [
        {"propertyName": "email", "operator": "CONTAINS_TOKEN", "value": "*@lioncity-bank.example"}]}]})).await;
    assert_eq!(contacts["total"], 3);
    let (_, by_name) = api.search("companies", json!({"query": "glob"})).await;
    assert_eq!(
        by_name["results"][0]["properties"]["domain"],
        "globex-logistics.example"
    );

    for bad in [
        json!({"filterGroups": [{"filters": [{"propertyName": "dealstage", "operator": "LIKE", "value": "x"}]}]}),
        json!({"filterGroups": [{"filters": [{"propertyName": "nope", "operator": "EQ", "value": "x"}]}]}),
        json!({"filterGroups": [{"filters": [{"propertyName": "closedate", "operator": "GT", "value": "soon"}]}]}),
        json!({"filterGroups": [{"filters": [{"propertyName": "amount", "operator": "GT"}]}]}),
        json!({"limit": 201}),
        json!({"after": "x"}),
        json!({"after": "9990", "limit": 20}),
    ] {
        let (status, body) = api.search("deals", bad.clone()).await;
        assert_eq!(
            (status, body["category"].as_str()),
            (400, Some("VALIDATION_ERROR")),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn page_cap_forces_short_pages() {
    let api = Api::start(HubSpotOptions {
        max_page_size: Some(3),
    })
    .await;
    let (_, body) = api.search("deals", json!({"limit": 10})).await;
    assert_eq!(
        (ids(&body).len(), &body["paging"]["next"]["after"]),
        (3, &json!("3"))
    );
}
