//! Both protocol revisions: 2026-07-28 (stateless, `server/discover`) and
//! the legacy handshake with `Mcp-Session-Id`.

use serde_json::{json, Value};

use super::harness::{parse_body, start};

const ACCEPT: &str = "application/json, text/event-stream";

#[tokio::test]
async fn stateless_discover_then_list_and_call() {
    let gw = start().await;
    let (status, body) = gw.rpc("reader-key", "server/discover", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let versions: Vec<&str> = body["result"]["supportedVersions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        versions.contains(&"2026-07-28") && versions.contains(&"2025-11-25"),
        "{body}"
    );
    assert!(
        body["result"]["capabilities"]["tools"].is_object(),
        "{body}"
    );
    let (_, list) = gw.rpc("reader-key", "tools/list", json!({})).await;
    assert!(list["result"]["tools"].is_array(), "{list}");
}

async fn legacy(
    gw: &super::harness::TestGateway,
    session: Option<&str>,
    body: Value,
) -> (u16, Option<String>, Value) {
    let mut request = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("content-type", "application/json")
        .bearer_auth("reader-key");
    if let Some(s) = session {
        request = request
            .header("mcp-session-id", s)
            .header("mcp-protocol-version", "2025-11-25");
    }
    let r = request.json(&body).send().await.unwrap();
    let status = r.status().as_u16();
    let sid = r
        .headers()
        .get("mcp-session-id")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, sid, parse_body(&r.text().await.unwrap()))
}

#[tokio::test]
async fn legacy_initialize_session_and_404_for_an_unknown_session() {
    let gw = start().await;
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "legacy-test", "version": "0.1"}}});
    let (status, sid, body) = legacy(&gw, None, init).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["result"]["protocolVersion"], "2025-11-25");
    assert_eq!(body["result"]["serverInfo"]["name"], "switchboard");
    let sid = sid.expect("a session id");

    let (status, _, _) = legacy(
        &gw,
        Some(&sid),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
    )
    .await;
    assert_eq!(status, 202);
    let (status, _, body) = legacy(
        &gw,
        Some(&sid),
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["result"]["tools"][0]["name"], "test_echo_text");
    let (_, _, body) = legacy(&gw, Some(&sid), json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "test_echo_text", "arguments": {"text": "a"}}})).await;
    assert_eq!(body["result"]["structuredContent"]["echoed"][0], "a");
    let row = gw
        .audit
        .0
        .lock()
        .unwrap()
        .iter()
        .find(|r| r.method == "tools/call")
        .cloned()
        .unwrap();
    assert_eq!(row.session_id.as_deref(), Some(sid.as_str()));
    assert_eq!(row.client.as_deref(), Some("legacy-test/0.1"));

    let (status, _, _) = legacy(
        &gw,
        Some("no-such-session"),
        json!({"jsonrpc": "2.0", "id": 4, "method": "tools/list"}),
    )
    .await;
    assert_eq!(status, 404);

    let r = gw
        .http
        .delete(&gw.url)
        .bearer_auth("reader-key")
        .header("mcp-session-id", &sid)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let (status, _, _) = legacy(
        &gw,
        Some(&sid),
        json!({"jsonrpc": "2.0", "id": 5, "method": "tools/list"}),
    )
    .await;
    assert_eq!(status, 404, "a terminated session is unknown");
}

#[tokio::test]
async fn legacy_sessions_are_capped() {
    let gw = super::harness::start_with(switchboard_gateway::GatewayOptions {
        max_sessions: 2,
        ..switchboard_gateway::GatewayOptions::default()
    })
    .await;
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "cap", "version": "1"}}});
    for _ in 0..2 {
        let (status, sid, _) = legacy(&gw, None, init.clone()).await;
        assert_eq!(status, 200);
        assert!(sid.is_some());
    }
    let (status, _, body) = legacy(&gw, None, init).await;
    assert_eq!(status, 503, "{body}");
    // Stateless requests are not sessions and still work.
    let (status, _) = gw.rpc("reader-key", "tools/list", json!({})).await;
    assert_eq!(status, 200);
}
