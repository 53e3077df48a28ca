//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::{hubspot, Fault};

use crate::common::{call, call_as, connector_for, env};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_hubspot() {
    let env = env().await;
    check_connector(env.hubspot.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let deal = hubspot::deal_id(northwind(), "Hooli Cloud - Platform Migration").unwrap();
    let get = json!({"deal_id": deal});

    let wrong = connector_for(&env.server, "pat-na1-revoked");
    let err = call(&wrong, "hubspot_get_deal", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(
        err.message.contains("INVALID_AUTHENTICATION"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("pat-na1"), "never echo the token");

    let err = call(
        &env.hubspot,
        "hubspot_get_deal",
        json!({"deal_id": "12345"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );
    assert_eq!(err.message, "HubSpot has no deal with id 12345");
    let err = call(
        &env.hubspot,
        "hubspot_get_contact",
        json!({"contact_id": "12345"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(7),
    });
    let err = call(&env.hubspot, "hubspot_get_deal", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(7)))
    );
    assert!(err.message.contains("daily limit"), "{}", err.message);

    env.server.faults.inject(Fault::ServerError);
    let err = call(&env.hubspot, "hubspot_list_pipelines", json!({}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(
        &env.hubspot,
        "hubspot_search_companies",
        json!({"query": "acme"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_as(
        &env.hubspot,
        "sales@demo",
        Duration::from_millis(300),
        "hubspot_get_company",
        json!({"company_id": "1"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "bounded by the call's deadline"
    );

    env.server.faults.clear();
    assert!(
        call(&env.hubspot, "hubspot_get_deal", get).await.is_ok(),
        "recovers once the fault is gone"
    );
}

#[tokio::test]
async fn invalid_arguments_never_reach_hubspot() {
    let env = env().await;
    let cases = [
        (
            "hubspot_search_deals",
            json!({"close_date_from": "2026-02-30"}),
            "close_date_from",
        ),
        (
            "hubspot_search_deals",
            json!({"close_date_to": "next friday"}),
            "close_date_to",
        ),
        (
            "hubspot_search_deals",
            json!({"close_date_from": "2026-12-31", "close_date_to": "2026-10-01"}),
            "close_date_from",
        ),
        ("hubspot_search_deals", json!({"limit": 0}), "limit"),
        ("hubspot_search_deals", json!({"limit": 201}), "limit"),
        (
            "hubspot_search_deals",
            json!({"min_amount": -5}),
            "min_amount",
        ),
        ("hubspot_search_deals", json!({"owner": "sam"}), "owner"),
        (
            "hubspot_search_deals",
            json!({"cursor": "page-2"}),
            "cursor",
        ),
        (
            "hubspot_search_deals",
            json!({"owner_email": "x@y.example"}),
            "owner_email",
        ),
        ("hubspot_search_deals", json!({"limit": "ten"}), "limit"),
        (
            "hubspot_get_deal",
            json!({"deal_id": "../owners"}),
            "deal_id",
        ),
        ("hubspot_get_deal", json!({}), "deal_id"),
        (
            "hubspot_get_company",
            json!({"company_id": ""}),
            "company_id",
        ),
        (
            "hubspot_search_companies",
            json!({"domain": "https://acme.example/"}),
            "domain",
        ),
        (
            "hubspot_search_contacts",
            json!({"email": "not-an-email"}),
            "email",
        ),
        ("hubspot_list_owners", json!({"limit": 101}), "limit"),
        ("hubspot_list_owners", json!({"cursor": "a b"}), "cursor"),
        (
            "hubspot_list_pipelines",
            json!({"pipeline": "default"}),
            "pipeline",
        ),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.hubspot, tool, args.clone()).await.unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        assert!(
            err.message.contains(field),
            "{tool} {args}: `{}` should name `{field}`",
            err.message
        );
    }
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
