//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::docs::workspace;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_as, connector_for, env};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_notion() {
    let env = env().await;
    check_connector(env.notion.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let plan = workspace()
        .account_plan("globex-logistics.example")
        .unwrap();
    let get = json!({"page_id": plan.id});

    let wrong = connector_for(&env.server, "ntn_revoked_token");
    let err = call(&wrong, "notion_search", json!({})).await.unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(
        err.message.contains("API token is invalid. [unauthorized]"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("ntn_"), "never echo the token");

    let missing = "00000000-0000-0000-0000-000000000000";
    let err = call(&env.notion, "notion_get_page", json!({"page_id": missing}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );
    assert_eq!(
        err.message,
        format!("Notion has no page {missing}, or it is not shared with the integration")
    );
    let err = call(
        &env.notion,
        "notion_query_database",
        json!({"database_id": missing}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("database or data source"),
        "{}",
        err.message
    );
    let err = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": missing}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);

    // Each fault gets a fresh connector so retries, the quota and the
    // breaker of one case never leak into the next.
    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(
        &connector_for(&env.server, crate::common::TOKEN),
        "notion_get_page",
        get.clone(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(
        err.message.contains("You have been rate limited"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::ServerError);
    let err = call(
        &connector_for(&env.server, crate::common::TOKEN),
        "notion_search",
        json!({}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );
    assert!(
        err.message.contains("internal_server_error"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(
        &connector_for(&env.server, crate::common::TOKEN),
        "notion_list_comments",
        get_comments(&plan.id),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let hung = connector_for(&env.server, crate::common::TOKEN);
    let err = call_as(
        &hung,
        "sales@demo",
        Duration::from_millis(300),
        "notion_get_page",
        get.clone(),
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
        call(&env.notion, "notion_get_page", get).await.is_ok(),
        "recovers once the fault is gone"
    );
}

fn get_comments(id: &str) -> serde_json::Value {
    json!({"block_id": id})
}
