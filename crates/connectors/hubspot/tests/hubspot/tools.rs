//! The deal tools against the fake HubSpot serving the demo company,
//! asserting concrete shaped results.

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::{hubspot, HubSpotOptions};

use crate::common::{call, call_as, column, env, env_with};

#[tokio::test]
async fn my_deals_resolve_the_caller_not_the_arguments() {
    let env = env().await;
    let mine = call(&env.hubspot, "hubspot_search_deals", json!({"owner": "me"}))
        .await
        .unwrap();
    let expected = northwind()
        .deals()
        .filter(|(_, d)| d.owner_email == "sales@northwind.example")
        .count();
    assert_eq!(
        (mine["total"].as_u64(), column(&mine, "deals", "name").len()),
        (Some(expected as u64), expected)
    );
    for deal in mine["deals"].as_array().unwrap() {
        assert_eq!(
            deal["owner"],
            json!({"name": "Sam Carter", "email": "sales@northwind.example"})
        );
    }
    let dates = column(&mine, "deals", "close_date");
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "sorted by close date: {dates:?}"
    );
    let asked = env.server.hits.requests();
    assert!(asked.iter().any(|r| r.path == "/crm/v3/owners"
        && r.query
            .as_deref()
            .unwrap_or("")
            .contains("email=sales%40northwind.example")));

    // Someone else's "me" is their own deals; a non-owner has none.
    let tom = call_as(
        &env.hubspot,
        "tom.becker@demo",
        Duration::from_secs(10),
        "hubspot_search_deals",
        json!({"owner": "me"}),
    )
    .await
    .unwrap();
    assert!(column(&tom, "deals", "name")
        .iter()
        .all(|n| !column(&mine, "deals", "name").contains(n)));
    assert_eq!(tom["total"], 5);
    let err = call_as(
        &env.hubspot,
        "finance@demo",
        Duration::from_secs(10),
        "hubspot_search_deals",
        json!({"owner": "me"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("finance@northwind.example"),
        "{}",
        err.message
    );

    let priya = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"owner": "Priya.Nair@northwind.example"}),
    )
    .await
    .unwrap();
    assert_eq!(priya["total"], 6);
}

#[tokio::test]
async fn deals_filter_by_stage_dates_amount_and_text() {
    let env = env().await;
    let quarter = json!({"stage": "Contract Sent", "close_date_from": "2026-10-01", "close_date_to": "2026-12-31"});
    let found = call(&env.hubspot, "hubspot_search_deals", quarter)
        .await
        .unwrap();
    assert_eq!(
        column(&found, "deals", "name"),
        [
            "Pied Piper - Compression Analytics",
            "Acme Robotics - Enterprise Renewal 2027",
            "Lion City Bank - Enterprise Renewal 2027",
            "Stark Aerospace - Enterprise Renewal 2027",
        ]
    );
    let acme = &found["deals"][1];
    assert_eq!(
        acme["id"],
        hubspot::deal_id(northwind(), "Acme Robotics - Enterprise Renewal 2027").unwrap()
    );
    assert_eq!(
        (
            &acme["stage"],
            &acme["pipeline"],
            &acme["amount"],
            &acme["close_date"],
            &acme["deal_type"]
        ),
        (
            &json!("Contract Sent"),
            &json!("Sales Pipeline"),
            &json!(252000),
            &json!("2026-12-15"),
            &json!("Existing Business")
        )
    );
    assert_eq!(found["deals"][2]["owner"]["name"], "Kenji Watanabe");
    assert!(found.get("next_cursor").is_none());

    let by_id = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"stage": "contractsent", "close_date_to": "2026-12-15"}),
    )
    .await
    .unwrap();
    assert_eq!(by_id["total"], 2, "the end date is inclusive: {by_id}");
    let big = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"min_amount": 400000}),
    )
    .await
    .unwrap();
    assert_eq!(big["total"], 4);
    let renewals = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"query": "renewal", "limit": 200}),
    )
    .await
    .unwrap();
    assert_eq!(renewals["total"], 10);
    assert!(column(&renewals, "deals", "deal_type")
        .iter()
        .all(|t| t == "Existing Business"));

    let err = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"stage": "Negotiation"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    assert!(
        err.message.contains("Contract Sent"),
        "lists the real stages: {}",
        err.message
    );
    // Owners and stages were fetched once for all these calls.
    assert_eq!(env.server.hits.path("/crm/v3/pipelines/deals"), 1);
}

#[tokio::test]
async fn deal_search_pages_up_to_the_limit() {
    let env = env_with(HubSpotOptions {
        max_page_size: Some(3),
    })
    .await;
    let first = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"owner": "me", "limit": 7}),
    )
    .await
    .unwrap();
    assert_eq!(column(&first, "deals", "id").len(), 7);
    assert_eq!(
        (&first["total"], &first["next_cursor"]),
        (&json!(9), &json!("7"))
    );
    assert_eq!(
        env.server.hits.path("/crm/v3/objects/deals/search"),
        3,
        "3 + 3 + 1"
    );
    let rest = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"owner": "me", "limit": 7, "cursor": "7"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&rest, "deals", "id").len(), 2);
    assert!(rest.get("next_cursor").is_none());
    let mut all = column(&first, "deals", "id");
    all.extend(column(&rest, "deals", "id"));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 9);
}

#[tokio::test]
async fn get_deal_joins_company_and_contacts() {
    let env = env().await;
    let id = hubspot::deal_id(northwind(), "Acme Robotics - Enterprise Renewal 2027").unwrap();
    let deal = call(&env.hubspot, "hubspot_get_deal", json!({"deal_id": id}))
        .await
        .unwrap();
    assert_eq!(deal["name"], "Acme Robotics - Enterprise Renewal 2027");
    assert_eq!(deal["owner"]["name"], "Sam Carter");
    assert_eq!(
        deal["companies"],
        json!([{"id": hubspot::company_id(northwind(), "acme-robotics.example").unwrap(), "name": "Acme Robotics", "domain": "acme-robotics.example"}])
    );
    assert_eq!(
        column(&deal, "contacts", "name"),
        ["Dana Whitfield", "Marcus Chen", "Lena Okafor"]
    );
    assert_eq!(
        deal["contacts"][0]["email"],
        "dana.whitfield@acme-robotics.example"
    );
    assert_eq!(deal["contacts"][0]["job_title"], "VP Operations");
    let keys: Vec<&String> = deal.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        10,
        "8 deal fields + companies + contacts: {keys:?}"
    );
}

#[tokio::test]
async fn search_deals_filters_by_associated_company() {
    let env = env().await;
    let acme = hubspot::company_id(northwind(), "acme-robotics.example").unwrap();
    let out = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"company_id": acme}),
    )
    .await
    .unwrap();
    let names = column(&out, "deals", "name");
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n.starts_with("Acme Robotics")),
        "{names:?}"
    );
    let err = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"company_id": "1 OR 1=1"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
}

#[tokio::test]
async fn list_tools_take_a_brief_detail_that_keeps_identity_and_paging() {
    let env = env().await;
    let full = call(&env.hubspot, "hubspot_search_deals", json!({"limit": 3}))
        .await
        .unwrap();
    let brief = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"limit": 3, "detail": "brief"}),
    )
    .await
    .unwrap();
    assert_eq!(brief["next_cursor"], full["next_cursor"], "paging survives");
    assert_eq!(brief["deals"][0]["id"], full["deals"][0]["id"]);
    assert!(brief["deals"][0].get("owner").is_none() && full["deals"][0].get("owner").is_some());
    assert!(brief.to_string().len() < full.to_string().len());
    let err = call(
        &env.hubspot,
        "hubspot_search_deals",
        json!({"detail": "everything"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    let spec = env
        .hubspot
        .tools()
        .iter()
        .find(|t| t.name == "hubspot_get_deal")
        .cloned()
        .unwrap();
    assert!(
        spec.input_schema["properties"].get("detail").is_none(),
        "single-object tools have no detail"
    );
}
