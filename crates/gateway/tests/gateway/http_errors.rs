//! Raw HTTP: what a broken or hostile client gets.

use serde_json::json;

use super::harness::{parse_body, start};

const ACCEPT: &str = "application/json, text/event-stream";

#[tokio::test]
async fn missing_or_bad_credentials_get_401_with_a_bearer_challenge() {
    let gw = start().await;
    let body = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"});
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let challenge = r.headers()["www-authenticate"].to_str().unwrap().to_owned();
    assert!(
        challenge.starts_with("Bearer resource_metadata=\"http://127.0.0.1:"),
        "{challenge}"
    );
    assert!(
        challenge.ends_with("/.well-known/oauth-protected-resource/mcp\""),
        "{challenge}"
    );

    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .bearer_auth("nope")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .contains("invalid_token"));

    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("authorization", "Basic cmVhZGVyLWtleQ==")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    let r = gw
        .http
        .post(format!("{}?access_token=reader-key", gw.url))
        .header("accept", ACCEPT)
        .bearer_auth("reader-key")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "tokens in the query string are refused");
    assert_eq!(gw.calls(), 0);
}

#[tokio::test]
async fn malformed_json_is_a_parse_error() {
    let gw = start().await;
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("content-type", "application/json")
        .bearer_auth("reader-key")
        .body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ")
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let body = parse_body(&r.text().await.unwrap());
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], -32700, "{body}");

    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("content-type", "application/json")
        .bearer_auth("reader-key")
        .body("{\"id\": 1, \"method\": \"tools/list\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        parse_body(&r.text().await.unwrap())["error"]["code"],
        -32600
    );
}

#[tokio::test]
async fn unknown_methods_are_method_not_found() {
    let gw = start().await;
    let (_, body) = gw.rpc("reader-key", "tools/frobnicate", json!({})).await;
    assert_eq!(body["error"]["code"], -32601, "{body}");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let gw = start().await;
    let big = "z".repeat(8192);
    let body = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "test_echo_text", "arguments": {"text": big}}});
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("mcp-protocol-version", "2026-07-28")
        .bearer_auth("reader-key")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert_eq!(gw.calls(), 0);
}

#[tokio::test]
async fn foreign_hosts_and_origins_are_refused() {
    let gw = start().await;
    let body = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"});
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", ACCEPT)
        .header("host", "evil.example")
        .bearer_auth("reader-key")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn healthz_needs_no_credentials() {
    let gw = start().await;
    let r = gw
        .http
        .get(gw.url.replace("/mcp", "/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-request-id"));
}
