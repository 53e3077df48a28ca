//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_as, connector_for, env, USER};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_slack() {
    let env = env().await;
    check_connector(env.slack.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let read = json!({"channel": "#sales", "limit": 2});

    let wrong = connector_for(&env.server, "xoxb-revoked", Some(USER));
    let err = call(&wrong, "slack_get_channel_history", read.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(200))
    );
    assert!(err.message.contains("invalid_auth"), "{}", err.message);
    assert!(!err.message.contains("xoxb"), "never echo the token");

    let err = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "C0NOTTHERE1"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("C0NOTTHERE1"), "{}", err.message);

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(&env.slack, "slack_get_user", json!({"user": "me"}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after, err.upstream_status),
        (
            ErrorKind::RateLimited,
            Some(Duration::from_secs(30)),
            Some(429)
        )
    );
    assert!(err.message.contains("ratelimited"), "{}", err.message);

    env.server.faults.inject(Fault::ServerError);
    let err = call(&env.slack, "slack_get_user", json!({"user": "me"}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );
    assert!(err.message.contains("fatal_error"), "{}", err.message);

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(
        &env.slack,
        "slack_search_messages",
        json!({"query": "acme"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_as(
        &env.slack,
        "sales@demo",
        Duration::from_millis(300),
        "slack_get_thread",
        json!({"channel": "#sales", "thread_ts": "1795000000.000001"}),
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
        call(&env.slack, "slack_get_channel_history", read)
            .await
            .is_ok(),
        "recovers once the fault is gone"
    );
}

#[tokio::test]
async fn invalid_arguments_never_reach_slack() {
    let env = env().await;
    let cases = [
        ("slack_search_messages", json!({}), "query"),
        (
            "slack_search_messages",
            json!({"query": "x", "date_from": "2026-02-30"}),
            "date_from",
        ),
        (
            "slack_search_messages",
            json!({"query": "x", "date_from": "2026-12-31", "date_to": "2026-10-01"}),
            "date_from",
        ),
        (
            "slack_search_messages",
            json!({"query": "x", "limit": 101}),
            "limit",
        ),
        (
            "slack_search_messages",
            json!({"query": "x", "from": "sam"}),
            "from",
        ),
        (
            "slack_search_messages",
            json!({"query": "x", "cursor": "page-2"}),
            "cursor",
        ),
        (
            "slack_search_messages",
            json!({"query": "x", "user": "me"}),
            "user",
        ),
        ("slack_get_channel_history", json!({}), "channel"),
        (
            "slack_get_channel_history",
            json!({"channel": "sales team"}),
            "channel",
        ),
        (
            "slack_get_channel_history",
            json!({"channel": "#sales", "oldest": "last week"}),
            "oldest",
        ),
        (
            "slack_get_channel_history",
            json!({"channel": "#sales", "oldest": "2026-11-20", "latest": "2026-11-01"}),
            "oldest",
        ),
        (
            "slack_get_channel_history",
            json!({"channel": "#sales", "limit": 0}),
            "limit",
        ),
        (
            "slack_get_channel_history",
            json!({"channel": "#sales", "replies_per_thread": 11}),
            "replies_per_thread",
        ),
        (
            "slack_get_channel_history",
            json!({"channel": "#sales", "cursor": "a b"}),
            "cursor",
        ),
        (
            "slack_get_thread",
            json!({"channel": "#sales", "thread_ts": "yesterday"}),
            "thread_ts",
        ),
        (
            "slack_get_thread",
            json!({"channel": "#sales"}),
            "thread_ts",
        ),
        ("slack_list_channels", json!({"limit": 201}), "limit"),
        ("slack_list_channels", json!({"cursor": "x"}), "cursor"),
        ("slack_get_user", json!({"user": "sam"}), "user"),
        ("slack_get_user", json!({"user": "not@an"}), "user"),
        (
            "slack_post_message",
            json!({"channel": "general", "text": "hi"}),
            "channel",
        ),
        (
            "slack_post_message",
            json!({"channel": "#general", "text": "   "}),
            "text",
        ),
        (
            "slack_post_message",
            json!({"channel": "#general", "text": "x".repeat(4001)}),
            "text",
        ),
        (
            "slack_post_message",
            json!({"channel": "#general", "text": "hi", "thread_ts": "1"}),
            "thread_ts",
        ),
        (
            "slack_post_message",
            json!({"channel": "#general", "text": "hi", "as_user": "ceo@northwind.example"}),
            "as_user",
        ),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.slack, tool, args.clone()).await.unwrap_err();
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
