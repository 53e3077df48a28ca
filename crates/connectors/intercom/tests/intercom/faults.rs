//! The contract check, and upstream failures mapped to error kinds.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::support::support_desk;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_as, connector_for, env};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_intercom() {
    let env = env().await;
    check_connector(env.intercom.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
    let names: Vec<String> = env
        .intercom
        .tools()
        .iter()
        .map(|t| format!("{} {}", t.name, t.permission))
        .collect();
    assert_eq!(
        names,
        [
            "intercom_search_conversations intercom:conversations:read",
            "intercom_get_conversation intercom:conversations:read",
            "intercom_search_contacts intercom:contacts:read",
            "intercom_get_contact intercom:contacts:read",
            "intercom_get_company intercom:companies:read",
            "intercom_search_tickets intercom:tickets:read",
            "intercom_get_ticket intercom:tickets:read",
            "intercom_add_note intercom:conversations:write",
        ]
    );
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let id = &support_desk().conversations[0].id;
    let get = json!({"conversation_id": id});

    let wrong = connector_for(&env.server, "revoked-token");
    let err = call(&wrong, "intercom_get_conversation", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(
        err.message.contains("Access Token Invalid [unauthorized]"),
        "{}",
        err.message
    );
    assert!(
        !err.message.contains("revoked-token"),
        "never echo the token"
    );

    let err = call(
        &env.intercom,
        "intercom_get_ticket",
        json!({"ticket_id": "404"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );

    // Warm the teammate directory, so each faulted call below makes one
    // request and a handful of failures stays under the breaker's threshold.
    call(&env.intercom, "intercom_get_conversation", get.clone())
        .await
        .unwrap();

    // Longer than the client waits within a call: handed back to the caller.
    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"state": "open"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(
        err.message.contains("rate_limit_exceeded"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::ServerError);
    let err = call(&env.intercom, "intercom_get_conversation", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"query": "dana"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream, "{}", err.message);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_as(
        &env.intercom,
        "support@demo",
        Duration::from_millis(300),
        "intercom_get_conversation",
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
        call(&env.intercom, "intercom_get_conversation", get)
            .await
            .is_ok(),
        "recovers once the fault is gone"
    );
}
