//! The pipeline's decisions, seen from a client.

use serde_json::json;
use switchboard_gateway::audit::{Decision, Outcome};

use super::harness::start;

#[tokio::test]
async fn tools_list_is_filtered_by_the_same_policy_as_calls() {
    let gw = start().await;
    let (_, reader) = gw.rpc("reader-key", "tools/list", json!({})).await;
    let names: Vec<&str> = reader["result"]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["test_echo_text", "test_count_things"]);
    let (_, admin) = gw.rpc("admin-key", "tools/list", json!({})).await;
    assert_eq!(admin["result"]["tools"].as_array().unwrap().len(), 3);

    // Hints are sent only where they differ from MCP's defaults
    // (readOnlyHint false, destructiveHint true, idempotentHint false,
    // openWorldHint true); the last two mean nothing on a read-only tool.
    let echo = &reader["result"]["tools"][0];
    assert_eq!(echo["annotations"], json!({"readOnlyHint": true}));
    assert_eq!(echo["inputSchema"]["type"], "object");
    assert_eq!(echo["inputSchema"]["additionalProperties"], false);
    assert_eq!(echo["outputSchema"]["type"], "object");
    let wipe = admin["result"]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "test_wipe_everything")
        .unwrap();
    // Destructive and not idempotent: every hint is the default.
    assert!(wipe.get("annotations").is_none());
    let hints = wipe["annotations"].clone();
    assert_ne!(hints["destructiveHint"], false);
    assert_ne!(hints["readOnlyHint"], true);
}

#[tokio::test]
async fn a_denied_tool_reads_exactly_like_an_unknown_one_and_never_runs() {
    let gw = start().await;
    let denied = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_wipe_everything", "arguments": {}}),
        )
        .await;
    let unknown = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_wipe_everythinx", "arguments": {}}),
        )
        .await;
    assert_eq!(denied.0, unknown.0);
    assert_eq!(denied.1["error"]["code"], unknown.1["error"]["code"]);
    assert_eq!(denied.1["error"]["code"], -32602);
    assert_eq!(
        denied.1["error"]["message"]
            .as_str()
            .unwrap()
            .replace("test_wipe_everything", "X"),
        unknown.1["error"]["message"]
            .as_str()
            .unwrap()
            .replace("test_wipe_everythinx", "X"),
    );
    assert_eq!(gw.calls(), 0, "a denied call reached the connector");

    let records = gw.audit.0.lock().unwrap().clone();
    let denied_row = records
        .iter()
        .find(|r| r.tool.as_deref() == Some("test_wipe_everything"))
        .unwrap();
    assert_eq!(denied_row.decision, Decision::Denied);
    assert_eq!(denied_row.outcome, Outcome::Denied);
    assert_eq!(denied_row.user_id, "reader@test");
    let unknown_row = records
        .iter()
        .find(|r| r.tool.as_deref() == Some("test_wipe_everythinx"))
        .unwrap();
    assert_eq!(unknown_row.outcome, Outcome::UnknownTool);

    let ok = gw
        .call_tool("admin-key", "test_wipe_everything", json!({}))
        .await;
    assert_eq!(ok["result"]["structuredContent"]["done"], true);
    assert_eq!(gw.calls(), 1);
}

#[tokio::test]
async fn results_carry_structured_content_and_text_and_the_caller_comes_from_the_key() {
    let gw = start().await;
    let body = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"text": "hi", "times": 2}),
        )
        .await;
    let result = &body["result"];
    assert_eq!(
        result["structuredContent"],
        json!({"echoed": ["hi", "hi"], "caller": "reader@test"})
    );
    let text: serde_json::Value =
        serde_json::from_str(result["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(text, result["structuredContent"]);
    assert_eq!(result["isError"], false);

    let records = gw.audit.0.lock().unwrap().clone();
    let row = records.iter().find(|r| r.method == "tools/call").unwrap();
    assert_eq!(row.outcome, Outcome::Ok);
    assert_eq!(row.client.as_deref(), Some("gateway-test/1"));
    assert!(row.result_sha256.is_some());
}

#[tokio::test]
async fn arguments_failing_the_schema_are_invalid_params_naming_the_field_and_never_run() {
    let gw = start().await;
    let (_, body) = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_echo_text", "arguments": {"text": "x", "times": "two"}}),
        )
        .await;
    assert_eq!(body["error"]["code"], -32602, "{body}");
    assert!(
        body["error"]["message"].as_str().unwrap().contains("times"),
        "{body}"
    );
    let (_, body) = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_echo_text", "arguments": {"text": "x", "caller": "admin@test"}}),
        )
        .await;
    assert_eq!(body["error"]["code"], -32602, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("caller"),
        "{body}"
    );
    let (_, body) = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "test_echo_text", "arguments": {}}),
        )
        .await;
    assert!(
        body["error"]["message"].as_str().unwrap().contains("text"),
        "{body}"
    );
    assert_eq!(gw.calls(), 0);
    assert!(gw
        .audit
        .0
        .lock()
        .unwrap()
        .iter()
        .all(|r| r.method != "tools/call" || r.outcome == Outcome::InvalidArgs));
}

#[tokio::test]
async fn tool_errors_and_panics_become_error_results() {
    let gw = start().await;
    let body = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "fail"}))
        .await;
    assert_eq!(body["result"]["isError"], true);
    let err: serde_json::Value =
        serde_json::from_str(body["result"]["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(err["error"], "rate_limited");
    assert_eq!(err["retry_after_ms"], 1500);

    let body = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "panic"}))
        .await;
    assert_eq!(body["result"]["isError"], true);
    assert!(body["result"]["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("internal"));
    // The gateway still serves after a connector panic.
    let body = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "ok"}))
        .await;
    assert_eq!(body["result"]["isError"], false);
}

#[tokio::test]
async fn oversized_results_are_trimmed_with_a_marker() {
    let gw = start().await;
    let long = "y".repeat(100);
    let body = gw
        .call_tool(
            "reader-key",
            "test_echo_text",
            json!({"text": long, "times": 50}),
        )
        .await;
    let result = &body["result"];
    let kept = result["structuredContent"]["echoed"]
        .as_array()
        .unwrap()
        .len();
    assert!(kept < 50 && kept > 0, "kept {kept}");
    assert_eq!(
        result["_meta"]["switchboard/truncated"]["items_dropped"],
        50 - kept
    );
    assert!(result["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("truncated by the gateway"));
}
