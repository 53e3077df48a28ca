//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::demo::calls::call_library;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_as, connector_for, env, KEY, SECRET};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_gong() {
    let env = env().await;
    check_connector(env.gong.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
    let specs = env.gong.tools();
    let permissions: Vec<(&str, &str)> = specs
        .iter()
        .map(|s| (s.name.as_str(), s.permission.as_str()))
        .collect();
    assert_eq!(
        permissions,
        [
            ("gong_list_calls", "gong:calls:read"),
            ("gong_get_call", "gong:calls:read"),
            ("gong_get_transcript", "gong:transcripts:read"),
            ("gong_list_users", "gong:users:read"),
        ]
    );
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let id = &call_library().calls[0].id;
    let get = json!({"call_id": id});

    let wrong = connector_for(&env.server, KEY, "revoked-secret");
    let err = call(&wrong, "gong_get_call", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(err.message.contains("Access denied"), "{}", err.message);
    assert!(
        !err.message.contains("revoked-secret"),
        "never echo the secret"
    );

    let err = call(&env.gong, "gong_get_call", json!({"call_id": "12345"}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status, err.message.as_str()),
        (
            ErrorKind::NotFound,
            Some(404),
            "Gong has no call with id 12345"
        )
    );

    // Longer than the client waits within one call, so it is handed back.
    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(&env.gong, "gong_get_call", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(
        err.message.contains("API request limit exceeded"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::ServerError);
    let err = call(&env.gong, "gong_list_users", json!({}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(&env.gong, "gong_list_calls", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    // A fresh connector: this one's quota is spent by the calls above.
    let fresh = connector_for(&env.server, KEY, SECRET);
    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_as(
        &fresh,
        "sales@demo",
        Duration::from_millis(300),
        "gong_get_transcript",
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
        call(&env.gong, "gong_get_call", get).await.is_ok(),
        "recovers once the fault is gone"
    );
}

#[tokio::test]
async fn stays_within_gongs_three_requests_per_second() {
    let env = env().await;
    let id = &call_library().calls[0].id;
    let started = Instant::now();
    for _ in 0..6 {
        call(&env.gong, "gong_get_call", json!({"call_id": id}))
            .await
            .unwrap();
    }
    // Three at once, then one every third of a second.
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert_eq!(env.server.hits.total(), 6);
}

#[tokio::test]
async fn invalid_arguments_never_reach_gong() {
    let env = env().await;
    let cases = [
        ("gong_list_calls", json!({"from": "2026-02-30"}), "from"),
        ("gong_list_calls", json!({"to": "next friday"}), "to"),
        (
            "gong_list_calls",
            json!({"from": "2026-12-31", "to": "2026-10-01"}),
            "from",
        ),
        ("gong_list_calls", json!({"limit": 0}), "limit"),
        ("gong_list_calls", json!({"limit": 101}), "limit"),
        ("gong_list_calls", json!({"limit": "ten"}), "limit"),
        (
            "gong_list_calls",
            json!({"participant": "dana"}),
            "participant",
        ),
        (
            "gong_list_calls",
            json!({"company": "x".repeat(201)}),
            "company",
        ),
        ("gong_list_calls", json!({"cursor": "page-2"}), "cursor"),
        ("gong_list_calls", json!({"email": "x@y.example"}), "email"),
        ("gong_get_call", json!({"call_id": "../users"}), "call_id"),
        ("gong_get_call", json!({}), "call_id"),
        ("gong_get_call", json!({"call_id": ""}), "call_id"),
        (
            "gong_get_transcript",
            json!({"call_id": "123", "max_chars": 100}),
            "max_chars",
        ),
        (
            "gong_get_transcript",
            json!({"call_id": "123", "max_chars": 20001}),
            "max_chars",
        ),
        ("gong_get_transcript", json!({"call_id": "1e5"}), "call_id"),
        ("gong_list_users", json!({"limit": 101}), "limit"),
        ("gong_list_users", json!({"cursor": "a b"}), "cursor"),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.gong, tool, args.clone()).await.unwrap_err();
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
    // "me" needs a caller with an email address, never an argument.
    let anonymous = call_as(
        &env.gong,
        "service-account",
        Duration::from_secs(5),
        "gong_list_calls",
        json!({"participant": "me"}),
    )
    .await
    .unwrap_err();
    assert_eq!(anonymous.kind, ErrorKind::InvalidArgs);
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
