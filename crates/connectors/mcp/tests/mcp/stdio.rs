//! stdio: a supervised child process — discovery, calls, relay, restarts
//! with in-flight calls failed cleanly, and no process left behind.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::json;
use switchboard_core::{Connector, ErrorKind, Health};

use crate::common::*;

/// Processes whose parent is this test process and that run the fixture
/// (zombies included: an unreaped child still counts as left behind).
fn fixture_children() -> BTreeSet<u32> {
    let me = std::process::id();
    let mut children = BTreeSet::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid ...
        let Some((comm, rest)) = stat.split_once(") ") else {
            continue;
        };
        let ppid: u32 = rest
            .split(' ')
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        if ppid == me && comm.contains("switchboard-mcp") {
            children.insert(pid);
        }
    }
    children
}

fn alive(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

async fn pid_of(connector: &switchboard_mcp::McpConnector) -> u32 {
    let out = call(connector, "local_fixture_pid", json!({}))
        .await
        .unwrap();
    out.text.unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_stdio_upstream_serves_tools_and_relays_to_a_single_caller() {
    let connector = connect(&stdio_config(json!({}))).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    assert!(connector
        .tools()
        .iter()
        .any(|t| t.name == "local_test_simple_text"));
    assert_eq!(connector.protocol_version().as_deref(), Some("2025-11-25"));
    let out = call(&connector, "local_test_image_content", json!({}))
        .await
        .unwrap();
    assert_eq!(out.content.unwrap()[0]["type"], "image");

    let relay = TestRelay::new(Some(json!(99)));
    let out = connector
        .call(
            &ctx_with(relay.clone()),
            "local_test_sampling",
            json!({"prompt": "hi"}),
        )
        .await
        .unwrap();
    assert_eq!(
        out.text.as_deref(),
        Some("LLM response: the relay's answer")
    );
    connector
        .call(
            &ctx_with(relay.clone()),
            "local_test_tool_with_progress",
            json!({}),
        )
        .await
        .unwrap();
    let progress = relay.notifications("notifications/progress");
    assert_eq!(progress.len(), 3);
    assert!(progress.iter().all(|p| p["progressToken"] == json!(99)));
    let prompt = connector
        .forward(&ctx(), "prompts/get", json!({"name": "test_simple_prompt"}))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        prompt["messages"][0]["content"]["text"],
        "This is a simple prompt for testing."
    );
    assert_eq!(connector.health().await, Health::Ok);
}

#[tokio::test]
async fn concurrent_callers_get_only_their_own_progress_and_nobody_elses_logs() {
    let connector = connect(&stdio_config(json!({}))).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let (a, b) = (
        TestRelay::new(Some(json!("a"))),
        TestRelay::new(Some(json!("b"))),
    );
    let (ctx_a, ctx_b) = (ctx_with(a.clone()), ctx_with(b.clone()));
    let (ra, rb, la, lb) = tokio::join!(
        connector.call(&ctx_a, "local_test_tool_with_progress", json!({})),
        connector.call(&ctx_b, "local_test_tool_with_progress", json!({})),
        connector.call(&ctx_a, "local_test_tool_with_logging", json!({})),
        connector.call(&ctx_b, "local_test_tool_with_logging", json!({})),
    );
    for r in [ra, rb, la, lb] {
        r.unwrap();
    }
    for (relay, token) in [(&a, "a"), (&b, "b")] {
        let progress = relay.notifications("notifications/progress");
        assert_eq!(
            progress.len(),
            3,
            "three steps, all of its own call: {progress:?}"
        );
        assert!(progress.iter().all(|p| p["progressToken"] == token));
    }
    // stdio does not say which call a log line belongs to: with several
    // callers in flight, none of them gets it (it goes to the gateway's log).
    let logs = a.notifications("notifications/message").len()
        + b.notifications("notifications/message").len();
    assert!(
        logs < 6,
        "every log line reached a caller although the calls overlapped"
    );
}

#[tokio::test]
async fn a_dropped_stdio_call_is_cancelled_and_the_child_keeps_serving() {
    let connector = connect(&stdio_config(json!({}))).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let slow = call(&connector, "local_fixture_slow", json!({"ms": 30_000}));
    assert!(tokio::time::timeout(Duration::from_millis(200), slow)
        .await
        .is_err());
    let out = call(&connector, "local_test_simple_text", json!({}))
        .await
        .unwrap();
    assert!(out.text.is_some());
    assert_eq!(connector.restarts(), 0);
}

#[tokio::test]
async fn a_crash_fails_the_call_in_flight_and_100_restarts_leave_no_process_behind() {
    // Under nextest every test is its own process, so the test's children
    // are exactly this connector's; under `cargo test` other tests'
    // children may be around, and only the pids seen here are checked.
    let alone = std::env::var_os("NEXTEST_RUN_ID").is_some();
    let connector = connect(&stdio_config(json!({}))).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;

    let mut pids = BTreeSet::new();
    for round in 0..100 {
        let pid = pid_of(&connector).await;
        assert!(
            pids.insert(pid),
            "round {round}: pid {pid} reused while alive"
        );
        let e = call(&connector, "local_fixture_exit", json!({}))
            .await
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Unavailable, "round {round}: {e:?}");
        assert!(e.message.contains("exited"), "{}", e.message);
        wait_until("the child is reaped", || !alive(pid)).await;
    }
    let last = pid_of(&connector).await;
    assert!(connector.restarts() >= 100, "{}", connector.restarts());
    if alone {
        assert_eq!(
            fixture_children(),
            BTreeSet::from([last]),
            "exactly one child runs"
        );
    }

    drop(connector);
    wait_until("the last child is killed and reaped", || !alive(last)).await;
    if alone {
        assert!(fixture_children().is_empty(), "{:?}", fixture_children());
    }
    for pid in pids {
        assert!(!alive(pid), "pid {pid} outlived its restart");
    }
}

#[tokio::test]
async fn a_program_that_cannot_start_is_retried_and_reported() {
    let mut config = stdio_config(json!({}));
    config.command = Some("/nonexistent/switchboard-mcp-nothing".into());
    let connector = connect(&config).await;
    assert!(connector.tools().is_empty());
    match connector.health().await {
        Health::Down(why) => assert!(why.contains("cannot start"), "{why}"),
        other => panic!("{other:?}"),
    }
    let n = connector.refreshes();
    connector.wait_for_refreshes(n + 1).await;
    assert!(connector.restarts() >= 1);
}
