//! Rate limits and the response cache, seen from clients.

use serde_json::json;
use switchboard_gateway::audit::{CacheStatus, Outcome};
use switchboard_gateway::pipeline::LimitSettings;
use switchboard_gateway::GatewayOptions;

use super::harness::{start, start_with};

fn cache_of(gw: &super::harness::TestGateway, tool: &str) -> Vec<CacheStatus> {
    gw.audit
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.tool.as_deref() == Some(tool))
        .map(|r| r.cache)
        .collect()
}

#[tokio::test]
async fn a_repeated_read_is_served_from_the_cache_for_the_same_caller_only() {
    let gw = start().await;
    let a = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"text": "x", "times": 2}),
        )
        .await;
    let b = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"times": 2, "text": "x"}),
        )
        .await;
    assert_eq!(
        a["result"]["structuredContent"],
        b["result"]["structuredContent"]
    );
    assert_eq!(
        gw.calls(),
        1,
        "argument order does not matter; the second call is a hit"
    );
    let c = gw
        .call_tool(
            "reader2-key",
            "test_echo_text",
            json!({"text": "x", "times": 2}),
        )
        .await;
    assert_eq!(
        c["result"]["structuredContent"]["caller"], "reader2@test",
        "never another caller's answer"
    );
    assert_eq!(gw.calls(), 2);
    assert_eq!(
        cache_of(&gw, "test_echo_text"),
        [CacheStatus::Miss, CacheStatus::Hit, CacheStatus::Miss]
    );
}

#[tokio::test]
async fn caller_independent_reads_are_shared_only_between_equal_permission_sets() {
    let gw = start().await;
    let first = gw
        .call_tool("reader-key", "test_count_things", json!({}))
        .await;
    let same_permissions = gw
        .call_tool("reader2-key", "test_count_things", json!({}))
        .await;
    assert_eq!(
        first["result"]["structuredContent"],
        same_permissions["result"]["structuredContent"]
    );
    assert_eq!(gw.calls(), 1);
    gw.call_tool("admin-key", "test_count_things", json!({}))
        .await;
    assert_eq!(
        gw.calls(),
        2,
        "an admin (more permissions) never shares a reader's entry"
    );
}

#[tokio::test]
async fn a_write_invalidates_its_connectors_cached_reads() {
    let gw = start().await;
    gw.call_tool("admin-key", "test_echo_text", json!({"text": "x"}))
        .await;
    gw.call_tool("admin-key", "test_echo_text", json!({"text": "x"}))
        .await;
    assert_eq!(gw.calls(), 1);
    gw.call_tool("admin-key", "test_wipe_everything", json!({}))
        .await;
    gw.call_tool("admin-key", "test_echo_text", json!({"text": "x"}))
        .await;
    assert_eq!(gw.calls(), 3, "wipe + a fresh read");
    assert_eq!(cache_of(&gw, "test_wipe_everything"), [CacheStatus::Bypass]);
}

#[tokio::test]
async fn concurrent_identical_misses_coalesce_into_one_dispatch() {
    let gw = start().await;
    let calls =
        (0..8).map(|_| gw.call_tool("reader-key", "test_echo_text", json!({"text": "slow"})));
    let results = futures::future::join_all(calls).await;
    assert!(results
        .iter()
        .all(|r| r["result"]["structuredContent"]["echoed"][0] == "slow"));
    assert_eq!(
        gw.calls(),
        1,
        "one dispatch for eight identical concurrent calls"
    );
    let statuses = cache_of(&gw, "test_echo_text");
    assert_eq!(
        statuses.iter().filter(|s| **s == CacheStatus::Miss).count(),
        1
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == CacheStatus::Hit).count(),
        7
    );
}

#[tokio::test]
async fn errors_are_not_cached() {
    let gw = start().await;
    gw.call_tool("reader-key", "test_echo_text", json!({"text": "fail"}))
        .await;
    gw.call_tool("reader-key", "test_echo_text", json!({"text": "fail"}))
        .await;
    assert_eq!(gw.calls(), 2);
}

#[tokio::test]
async fn per_caller_limits_refuse_with_retry_after_and_are_audited() {
    let gw = start_with(GatewayOptions {
        limits: LimitSettings {
            per_user_tool_per_minute: 3,
            ..LimitSettings::default()
        },
        ..GatewayOptions::default()
    })
    .await;
    for i in 0..3 {
        let r = gw
            .call_tool(
                "reader-key",
                "test_echo_text",
                json!({"text": format!("{i}")}),
            )
            .await;
        assert_eq!(r["result"]["isError"], false);
    }
    let limited = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "3"}))
        .await;
    assert_eq!(limited["result"]["isError"], true);
    let err: serde_json::Value =
        serde_json::from_str(limited["result"]["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(err["error"], "rate_limited");
    assert!(err["retry_after_ms"].as_u64().unwrap() > 0);
    assert_eq!(gw.calls(), 3, "a limited call never reaches the connector");
    let other = gw
        .call_tool("reader2-key", "test_echo_text", json!({"text": "3"}))
        .await;
    assert_eq!(other["result"]["isError"], false, "limits are per caller");
    let outcomes: Vec<Outcome> = gw
        .audit
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.method == "tools/call")
        .map(|r| r.outcome)
        .collect();
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == Outcome::RateLimited)
            .count(),
        1
    );
}

/// Two replicas sharing Redis keep one limit per caller: calls on either
/// count against the same budget. Needs the Redis at 127.0.0.1:6379 (CI
/// starts it); a unique key prefix per run keeps runs apart.
#[tokio::test]
async fn replicas_share_one_limit_through_redis() {
    let prefix = format!("sb-test-{}-{}", std::process::id(), uuid_like());
    let shared =
        switchboard_gateway::pipeline::RedisLimiter::connect("redis://127.0.0.1:6379", &prefix)
            .await
            .expect("Redis at 127.0.0.1:6379 (started by .ci/run)");
    let options = || GatewayOptions {
        limits: LimitSettings {
            per_user_tool_per_minute: 3,
            ..LimitSettings::default()
        },
        shared_limiter: Some(shared.clone()),
        ..GatewayOptions::default()
    };
    let (a, b) = (start_with(options()).await, start_with(options()).await);
    for (gw, text) in [(&a, "1"), (&b, "2"), (&a, "3")] {
        let r = gw
            .call_tool("reader-key", "test_echo_text", json!({"text": text}))
            .await;
        assert_eq!(r["result"]["isError"], false, "{r}");
    }
    let limited = b
        .call_tool("reader-key", "test_echo_text", json!({"text": "4"}))
        .await;
    assert_eq!(
        limited["result"]["isError"], true,
        "the fourth call on the other replica is over the shared limit"
    );
    assert!(limited["result"]["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("rate_limited"));
}

fn uuid_like() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}
