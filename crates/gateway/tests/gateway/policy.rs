//! Cedar through the gateway: argument-level rules, one predicate for list
//! and call (property test), identity only from the credential, and
//! atomic policy reloads that tell legacy sessions the list changed.

use std::sync::Arc;

use proptest::prelude::*;
use serde_json::json;
use switchboard_core::{AuthMethod, Principal};
use switchboard_gateway::{CallError, CallRequest};
use tokio_util::sync::CancellationToken;

use super::harness::{engine, start};

#[tokio::test]
async fn an_invoke_forbid_refuses_the_call_with_those_arguments_only() {
    let gw = start().await;
    let body = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"text": "x", "times": 51}),
        )
        .await;
    assert_eq!(body["result"]["isError"], true);
    assert!(
        body["result"]["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("policy"),
        "{body}"
    );
    assert_eq!(gw.calls(), 0);
    let body = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"text": "x", "times": 50}),
        )
        .await;
    assert_eq!(body["result"]["isError"], false);
}

#[tokio::test]
async fn no_argument_changes_who_the_gateway_thinks_is_calling() {
    let gw = start().await;
    for smuggled in [
        json!({"text": "x", "user_id": "admin@test"}),
        json!({"text": "x", "principal": {"user_id": "admin@test", "groups": ["admins"]}}),
        json!({"text": "x", "_meta": {"user": "admin@test"}}),
    ] {
        let (_, body) = gw
            .rpc(
                "reader-key",
                "tools/call",
                json!({"name": "test_echo_text", "arguments": smuggled}),
            )
            .await;
        assert_eq!(body["error"]["code"], -32602, "{body}");
    }
    // A params-level _meta naming someone else changes nothing either.
    let (_, body) = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_wipe_everything", "arguments": {}, "user": "admin@test"}),
        )
        .await;
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Unknown tool"),
        "{body}"
    );
    let body = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "x"}))
        .await;
    assert_eq!(body["result"]["structuredContent"]["caller"], "reader@test");
    assert_eq!(gw.calls(), 1);
}

#[tokio::test]
async fn a_reload_swaps_policies_atomically_and_tells_legacy_sessions() {
    let gw = start().await;
    // A legacy session that listens for notifications.
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}});
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", "application/json, text/event-stream")
        .bearer_auth("reader-key")
        .json(&init)
        .send()
        .await
        .unwrap();
    let sid = r.headers()["mcp-session-id"].to_str().unwrap().to_owned();
    let initialized = json!({"jsonrpc": "2.0", "method": "notifications/initialized"});
    gw.http
        .post(&gw.url)
        .header("accept", "application/json, text/event-stream")
        .header("mcp-session-id", &sid)
        .header("mcp-protocol-version", "2025-11-25")
        .bearer_auth("reader-key")
        .json(&initialized)
        .send()
        .await
        .unwrap();
    let mut stream = gw
        .http
        .get(&gw.url)
        .header("accept", "text/event-stream")
        .header("mcp-session-id", &sid)
        .header("mcp-protocol-version", "2025-11-25")
        .bearer_auth("reader-key")
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);

    let (_, before) = gw.rpc("reader-key", "tools/list", json!({})).await;
    assert_eq!(before["result"]["tools"].as_array().unwrap().len(), 2);
    let widened = r#"permit (principal, action, resource);"#;
    gw.authorizer
        .replace(engine(&gw.gateway.catalog(), widened));
    assert_eq!(gw.sessions.notify_tools_changed().await, 1);
    let (_, after) = gw.rpc("reader-key", "tools/list", json!({})).await;
    assert_eq!(after["result"]["tools"].as_array().unwrap().len(), 3);

    let mut seen = String::new();
    while let Ok(Ok(Some(chunk))) =
        tokio::time::timeout(std::time::Duration::from_secs(5), stream.chunk()).await
    {
        seen.push_str(&String::from_utf8_lossy(&chunk));
        if seen.contains("notifications/tools/list_changed") {
            break;
        }
    }
    assert!(seen.contains("notifications/tools/list_changed"), "{seen}");
}

fn principal(groups: Vec<String>) -> Arc<Principal> {
    Arc::new(Principal {
        user_id: "p@test".into(),
        email: "p@test.example".into(),
        org: "test".into(),
        groups,
        auth: AuthMethod::Internal,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// For random groups and tools: shown in tools/list ⇔ callable ⇔ the
    /// policy engine's answer.
    #[test]
    fn list_call_and_engine_always_agree(
        groups in proptest::sample::subsequence(vec!["readers", "admins", "sales", "x"], 0..=4),
        tool in proptest::sample::select(vec!["test_echo_text", "test_wipe_everything", "test_count_things"]),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let gw = start().await;
            let p = principal(groups.iter().map(|g| g.to_string()).collect());
            let listed = gw.gateway.visible_tools(&p).iter().any(|s| s.name == tool);
            let engine_says = gw.authorizer.engine().allows_use(&p, tool);
            let args = if tool == "test_echo_text" { json!({"text": "x"}) } else { json!({}) };
            let outcome = gw.gateway.call(CallRequest {
                principal: p.clone(),
                tool: tool.to_owned(),
                args,
                request_id: "prop".into(),
                session_id: None,
                client: None,
                parent_call_id: None,
            parent_stats: None,
            stats_out: None,
                cancel: CancellationToken::new(),
                relay: None,
                credentials: Default::default(),
                input: None,
            }).await;
            let callable = !matches!(outcome, Err(CallError::UnknownTool(_)));
            prop_assert_eq!(listed, engine_says);
            prop_assert_eq!(callable, engine_says);
            Ok(())
        })?;
    }
}
