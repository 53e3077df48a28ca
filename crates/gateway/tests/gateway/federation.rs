//! Federation hooks, with a fake federated connector (`fed`): its tool list
//! changing at run time, content blocks passed through, the caller relay,
//! and resources/prompts forwarded through policy and audit.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use serde_json::{json, Value};
use switchboard_core::{
    CachePolicy, CallContext, Connector, ConnectorError, Effect, ErrorKind, JsonObject,
    SurfaceChange, SurfacesChanged, ToolOutput, ToolSpec, ToolsChanged,
};
use switchboard_gateway::audit::{CacheStatus, Decision};
use switchboard_gateway::refresh::Refreshed;
use switchboard_gateway::GatewayOptions;

use super::harness::{parse_body, start_full, TestGateway};

/// Admins may use everything; readers only the `test` connector's tools.
const POLICY: &str = r#"
permit (principal in Group::"admins", action == Action::"use", resource);
permit (principal in Group::"readers", action == Action::"use", resource) when { resource.connector == "test" };
permit (principal, action == Action::"invoke", resource);
"#;

/// The same, naming `fed_pinned`: a catalog without it does not validate.
const PINNED_POLICY: &str = r#"
permit (principal in Group::"admins", action == Action::"use", resource);
permit (principal in Group::"readers", action == Action::"use", resource) when { resource.connector == "test" };
permit (principal, action == Action::"invoke", resource);
forbid (principal in Group::"readers", action == Action::"use", resource == Tool::"fed_pinned");
"#;

/// A federated MCP server as the gateway sees it through the contract.
#[derive(Default)]
struct Fed {
    tools: Mutex<Vec<&'static str>>,
    changed: Mutex<Option<ToolsChanged>>,
    calls: AtomicUsize,
    /// `subscribe:<uri>` / `unsubscribe:<uri>`, in order.
    subscriptions: Mutex<Vec<String>>,
    surface_watch: Mutex<Option<SurfacesChanged>>,
}

impl Fed {
    fn new(tools: &[&'static str]) -> Arc<Self> {
        let fed = Fed::default();
        *fed.tools.lock().unwrap() = tools.to_vec();
        Arc::new(fed)
    }

    /// A subscribed resource changed upstream.
    fn touch(&self, uri: &str) {
        self.surface_changed(SurfaceChange::ResourceUpdated(uri.to_owned()));
    }

    fn surface_changed(&self, change: SurfaceChange) {
        if let Some(changed) = self.surface_watch.lock().unwrap().as_ref() {
            changed(&change);
        }
    }

    /// The upstream's list changed: swap it and tell the gateway.
    fn set_tools(&self, tools: &[&'static str]) {
        *self.tools.lock().unwrap() = tools.to_vec();
        if let Some(changed) = self.changed.lock().unwrap().as_ref() {
            changed();
        }
    }
}

fn spec(name: &str) -> ToolSpec {
    let mut schema = JsonObject::new();
    schema.insert("type".into(), json!("object"));
    let read = matches!(name, "fed_content" | "fed_whoami" | "fed_ask");
    ToolSpec {
        name: name.into(),
        title: name.into(),
        description: format!("{name} from the federated server"),
        input_schema: Arc::new(schema),
        output_schema: None,
        permission: if read {
            "fed:tools:read".into()
        } else {
            "fed:tools:write".into()
        },
        effect: if read { Effect::Read } else { Effect::Write },
        cache: if read {
            CachePolicy::PerCaller {
                ttl: Duration::from_secs(60),
            }
        } else {
            CachePolicy::Never
        },
        idempotent: false,
        open_world: true,
    }
}

#[async_trait]
impl Connector for Fed {
    fn id(&self) -> &str {
        "fed"
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        self.tools.lock().unwrap().iter().map(|n| spec(n)).collect()
    }

    async fn call(
        &self,
        ctx: &CallContext,
        tool: &str,
        _args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        match tool {
            "fed_content" => Ok(ToolOutput {
                structured: json!({"pixels": 1}),
                text: None,
                content: Some(vec![
                    json!({"type": "text", "text": "a red dot"}),
                    json!({"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png"}),
                ]),
                input_required: None,
            }),
            "fed_progress" => {
                let relay = ctx.relay.as_ref().expect("top-level calls carry a relay");
                for step in 1..=2 {
                    // The upstream's own token; the gateway must put the
                    // caller's in its place.
                    relay
                        .notify(
                            "notifications/progress",
                            json!({"progressToken": "upstream-7", "progress": step, "total": 2}),
                        )
                        .await;
                    tokio::time::sleep(Duration::from_millis(30)).await;
                }
                Ok(ToolOutput::structured(
                    json!({"caller_token": relay.progress_token()}),
                ))
            }
            "fed_sample" => {
                let relay = ctx.relay.as_ref().expect("top-level calls carry a relay");
                let answer = relay
                    .request(
                        "sampling/createMessage",
                        json!({"messages": [{"role": "user", "content": {"type": "text", "text": "hi"}}], "maxTokens": 10}),
                    )
                    .await?;
                Ok(ToolOutput::structured(json!({"sampled": answer})))
            }
            // Needs the caller's answer first (a 2026-07-28 input round).
            "fed_ask" => match &ctx.resume {
                None => {
                    let takes = ctx.relay.as_ref().is_some_and(|r| r.takes_input_required());
                    assert!(takes, "only a 2026-07-28 caller is sent a round");
                    let requests = json!({"q": {"method": "elicitation/create",
                        "params": {"mode": "form", "message": "Which?", "requestedSchema": {"type": "object", "properties": {}}}}});
                    Ok(ToolOutput::needs_input(switchboard_core::InputRequired {
                        requests: requests.as_object().unwrap().clone(),
                        upstream_state: Some("fed-state-1".into()),
                    }))
                }
                Some(resume) => Ok(ToolOutput::structured(json!({
                    "answer": resume.responses["q"]["content"]["pick"],
                    "state": resume.upstream_state,
                }))),
            },
            // The upstream knows its users by their own credentials.
            "fed_whoami" => {
                let credentials = ctx.credentials.as_ref().expect("a caller's call");
                let user = match credentials.get("x-fed-token") {
                    Some("token-a") => json!("ann"),
                    Some("token-b") => json!("ben"),
                    Some(_) => json!("stranger"),
                    None => Value::Null,
                };
                Ok(ToolOutput::structured(json!({"upstream_user": user})))
            }
            other => Ok(ToolOutput::structured(json!({"tool": other}))),
        }
    }

    fn watch_tools(&self, changed: ToolsChanged) {
        *self.changed.lock().unwrap() = Some(changed);
    }

    fn watch_surfaces(&self, changed: SurfacesChanged) {
        *self.surface_watch.lock().unwrap() = Some(changed);
    }

    fn caller_headers(&self) -> Vec<String> {
        vec!["x-fed-token".into()]
    }

    async fn forward(
        &self,
        _ctx: &CallContext,
        method: &str,
        params: Value,
    ) -> Option<Result<Value, ConnectorError>> {
        let not_found = || Err(ConnectorError::not_found("no such thing"));
        Some(match method {
            "resources/list" => Ok(json!({"resources": [{"uri": "test://fed/a", "name": "a"}]})),
            "resources/templates/list" => Ok(json!({"resourceTemplates": []})),
            "resources/read" if params["uri"] == "test://fed/a" => Ok(
                json!({"contents": [{"uri": "test://fed/a", "mimeType": "text/plain", "text": "hello"}]}),
            ),
            "resources/read" => not_found(),
            "prompts/list" => Ok(json!({"prompts": [{"name": "fed_prompt"}]})),
            "prompts/get" if params["name"] == "fed_prompt" => Ok(json!({
                "messages": [{"role": "user", "content": {"type": "text", "text": "prompted"}}]
            })),
            "prompts/get" => not_found(),
            "completion/complete" if params.get("ref").is_some() => {
                Ok(json!({"completion": {"values": ["fed"], "hasMore": false}}))
            }
            "completion/complete" => Err(ConnectorError::new(ErrorKind::InvalidArgs, "no ref")),
            "logging/setLevel" => Ok(json!({})),
            "resources/subscribe" | "resources/unsubscribe" if params["uri"] == "test://fed/a" => {
                let verb = method.trim_start_matches("resources/");
                self.subscriptions
                    .lock()
                    .unwrap()
                    .push(format!("{verb}:{}", params["uri"].as_str().unwrap()));
                Ok(json!({}))
            }
            "resources/subscribe" | "resources/unsubscribe" => not_found(),
            _ => return None,
        })
    }
}

/// A composite: one tool that calls a federated tool through the pipeline.
struct Wrap;

#[async_trait]
impl Connector for Wrap {
    fn id(&self) -> &str {
        "wrap"
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        Arc::from(vec![spec("wrap_progress")])
    }

    async fn call(
        &self,
        ctx: &CallContext,
        _tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let dispatcher = ctx.dispatcher.as_ref().expect("inside the gateway");
        let target = args["tool"].as_str().unwrap_or("fed_progress");
        dispatcher.call_tool(ctx, target, json!({})).await
    }
}

async fn start(fed: &Arc<Fed>) -> TestGateway {
    start_with_policy(fed, POLICY).await
}

async fn start_with_policy(fed: &Arc<Fed>, policy: &'static str) -> TestGateway {
    start_full(
        GatewayOptions::default(),
        vec![fed.clone() as Arc<dyn Connector>],
        policy,
    )
    .await
}

async fn tool_names(gw: &TestGateway, key: &str) -> Vec<String> {
    let (_, list) = gw.rpc(key, "tools/list", json!({})).await;
    list["result"]["tools"]
        .as_array()
        .unwrap_or_else(|| panic!("{list}"))
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

/// A legacy session for `key` with its GET stream open.
async fn legacy_session(gw: &TestGateway, key: &str) -> (String, reqwest::Response) {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {"sampling": {}},
        "clientInfo": {"name": "fed-test", "version": "1"}}});
    let r = gw
        .http
        .post(&gw.url)
        .header("accept", "application/json, text/event-stream")
        .bearer_auth(key)
        .json(&init)
        .send()
        .await
        .unwrap();
    let sid = r.headers()["mcp-session-id"].to_str().unwrap().to_owned();
    post_in(
        gw,
        key,
        &sid,
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
    )
    .await;
    let stream = gw
        .http
        .get(&gw.url)
        .header("accept", "text/event-stream")
        .header("mcp-session-id", &sid)
        .header("mcp-protocol-version", "2025-11-25")
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    (sid, stream)
}

async fn post_in(gw: &TestGateway, key: &str, sid: &str, body: Value) -> reqwest::Response {
    gw.http
        .post(&gw.url)
        .header("accept", "application/json, text/event-stream")
        .header("mcp-session-id", sid)
        .header("mcp-protocol-version", "2025-11-25")
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Reads an SSE body until `needle` shows up (or 5 s pass).
async fn read_until(stream: &mut reqwest::Response, seen: &mut String, needle: &str) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !seen.contains(needle) {
        match tokio::time::timeout_at(deadline, stream.chunk()).await {
            Ok(Ok(Some(chunk))) => seen.push_str(&String::from_utf8_lossy(&chunk)),
            _ => return false,
        }
    }
    true
}

/// A denied caller's error for `uri` has the code of an unknown resource's
/// and names the resource as not found.
fn assert_denied_like_unknown(denied: &Value, unknown: &Value, uri: &str) {
    assert_eq!(
        denied["error"]["code"], unknown["error"]["code"],
        "{denied} {unknown}"
    );
    assert_eq!(
        denied["error"]["message"],
        format!("Resource not found: {uri}")
    );
}

/// Whether `needle` arrives on `stream` within `ms`, and what did.
async fn hears_within(stream: &mut reqwest::Response, needle: &str, ms: u64) -> (bool, String) {
    let mut seen = String::new();
    let heard = tokio::time::timeout(
        Duration::from_millis(ms),
        read_until(stream, &mut seen, needle),
    )
    .await;
    (matches!(heard, Ok(true)), seen)
}

/// The gateway with `fed` and the composite `Wrap` over it.
async fn start_with_wrap(fed: &Arc<Fed>) -> TestGateway {
    let connectors = vec![
        fed.clone() as Arc<dyn Connector>,
        Arc::new(Wrap) as Arc<dyn Connector>,
    ];
    start_full(GatewayOptions::default(), connectors, POLICY).await
}

#[tokio::test]
async fn a_new_upstream_tool_shows_to_allowed_callers_only_and_sessions_hear_of_it() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;
    gw.refresher.watch(Duration::from_millis(20));
    let (_sid, mut stream) = legacy_session(&gw, "admin-key").await;
    assert!(tool_names(&gw, "admin-key")
        .await
        .contains(&"fed_alpha".into()));

    fed.set_tools(&["fed_alpha", "fed_beta"]);
    fed.set_tools(&["fed_alpha", "fed_beta", "fed_gamma"]);
    let mut listed = Vec::new();
    for _ in 0..100 {
        listed = tool_names(&gw, "admin-key").await;
        if listed.contains(&"fed_gamma".to_owned()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        listed.contains(&"fed_beta".to_owned()) && listed.contains(&"fed_gamma".to_owned()),
        "{listed:?}"
    );
    let body = gw.call_tool("admin-key", "fed_gamma", json!({})).await;
    assert_eq!(body["result"]["structuredContent"]["tool"], "fed_gamma");

    // Readers never see the federated tools, and calling one reads as unknown.
    let reader = tool_names(&gw, "reader-key").await;
    assert!(!reader.iter().any(|t| t.starts_with("fed_")), "{reader:?}");
    let (_, denied) = gw
        .rpc(
            "reader-key",
            "tools/call",
            json!({"name": "fed_gamma", "arguments": {}}),
        )
        .await;
    assert_eq!(denied["error"]["code"], -32602, "{denied}");
    assert_eq!(denied["error"]["message"], "Unknown tool: fed_gamma");

    let mut seen = String::new();
    assert!(
        read_until(&mut stream, &mut seen, "notifications/tools/list_changed").await,
        "{seen}"
    );
}

#[tokio::test]
async fn a_duplicate_name_or_a_policy_that_no_longer_validates_keeps_the_old_catalog() {
    let fed = Fed::new(&["fed_alpha", "fed_pinned"]);
    let gw = start_with_policy(&fed, PINNED_POLICY).await;
    let before = tool_names(&gw, "admin-key").await;

    // `test_echo_text` belongs to the `test` connector.
    fed.set_tools(&["fed_alpha", "fed_pinned", "test_echo_text"]);
    let err = gw.refresher.refresh_catalog().await.unwrap_err();
    assert!(err.contains("test_echo_text"), "{err}");
    assert_eq!(tool_names(&gw, "admin-key").await, before);

    // The policy names fed_pinned; a list without it does not validate.
    fed.set_tools(&["fed_alpha"]);
    let err = gw.refresher.refresh_catalog().await.unwrap_err();
    assert!(err.contains("fed_pinned"), "{err}");
    assert_eq!(tool_names(&gw, "admin-key").await, before);

    // And a valid change goes through.
    fed.set_tools(&["fed_alpha", "fed_pinned", "fed_delta"]);
    assert!(matches!(
        gw.refresher.refresh_catalog().await,
        Ok(Refreshed::Swapped { .. })
    ));
    assert_eq!(
        gw.refresher.refresh_catalog().await,
        Ok(Refreshed::Unchanged)
    );
    assert!(tool_names(&gw, "admin-key")
        .await
        .contains(&"fed_delta".to_owned()));
}

#[tokio::test]
async fn content_blocks_pass_through_verbatim_and_survive_the_cache() {
    let fed = Fed::new(&["fed_content"]);
    let gw = start(&fed).await;
    for _ in 0..2 {
        let body = gw.call_tool("admin-key", "fed_content", json!({})).await;
        let content = &body["result"]["content"];
        assert_eq!(content[0], json!({"type": "text", "text": "a red dot"}));
        assert_eq!(
            content[1],
            json!({"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png"}),
            "{body}"
        );
        assert_eq!(body["result"]["structuredContent"], json!({"pixels": 1}));
    }
    assert_eq!(fed.calls.load(Ordering::SeqCst), 1, "the second is a hit");
    let statuses: Vec<CacheStatus> = gw
        .audit
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.tool.as_deref() == Some("fed_content"))
        .map(|r| r.cache)
        .collect();
    assert_eq!(statuses, vec![CacheStatus::Miss, CacheStatus::Hit]);
}

/// A 2026-07-28 `tools/call` with a progress token; the raw SSE body.
async fn call_with_progress(gw: &TestGateway, key: &str, tool: &str, token: &str) -> String {
    let body = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
    "name": tool, "arguments": {},
    "_meta": {
        "progressToken": token,
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "fed-test", "version": "1"},
    }}});
    gw.http
        .post(&gw.url)
        .header("authorization", format!("Bearer {key}"))
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", "2026-07-28")
        .header("mcp-method", "tools/call")
        .header("mcp-name", tool)
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn progress_reaches_each_caller_with_its_own_token_only() {
    let fed = Fed::new(&["fed_progress"]);
    let gw = start(&fed).await;
    let (a, b) = tokio::join!(
        call_with_progress(&gw, "admin-key", "fed_progress", "token-a"),
        call_with_progress(&gw, "admin-key", "fed_progress", "token-b"),
    );
    for (mine, theirs, body) in [("token-a", "token-b", &a), ("token-b", "token-a", &b)] {
        let progress: Vec<Value> = body
            .lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
            .filter(|m| m["method"] == "notifications/progress")
            .collect();
        assert_eq!(progress.len(), 2, "{body}");
        for p in &progress {
            assert_eq!(p["params"]["progressToken"], mine, "{body}");
        }
        assert!(
            !body.contains(theirs) && !body.contains("upstream-7"),
            "{body}"
        );
        assert_eq!(
            parse_body(body)["result"]["structuredContent"]["caller_token"],
            mine
        );
    }
}

#[tokio::test]
async fn sampling_is_relayed_to_a_legacy_caller_and_refused_fast_on_2026_07_28() {
    let fed = Fed::new(&["fed_sample"]);
    let gw = start(&fed).await;

    // 2026-07-28 has no server-to-client requests: a clean tool error.
    let body = gw.call_tool("admin-key", "fed_sample", json!({})).await;
    assert_eq!(body["result"]["isError"], true, "{body}");
    assert!(body.to_string().contains("2026-07-28"), "{body}");

    // A legacy session: the request arrives on the call's own stream, the
    // client answers it, and the answer reaches the tool.
    let (sid, _stream) = legacy_session(&gw, "admin-key").await;
    let mut call = post_in(
        &gw,
        "admin-key",
        &sid,
        json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "fed_sample", "arguments": {}}}),
    )
    .await;
    let mut seen = String::new();
    assert!(
        read_until(&mut call, &mut seen, "sampling/createMessage").await,
        "{seen}"
    );
    let request = seen
        .lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
        .find(|m| m["method"] == "sampling/createMessage")
        .unwrap();
    let answer = json!({"jsonrpc": "2.0", "id": request["id"], "result": {
        "role": "assistant", "content": {"type": "text", "text": "sampled!"}, "model": "test-model"}});
    let r = post_in(&gw, "admin-key", &sid, answer).await;
    assert_eq!(r.status(), 202);
    assert!(read_until(&mut call, &mut seen, "\"id\":7").await, "{seen}");
    assert!(seen.contains("sampled!"), "{seen}");
}

#[tokio::test]
async fn resources_and_prompts_are_forwarded_through_policy_and_audit() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;

    let (_, discover) = gw.rpc("reader-key", "server/discover", json!({})).await;
    let caps = &discover["result"]["capabilities"];
    for cap in ["resources", "prompts", "completions", "logging"] {
        assert!(caps[cap].is_object(), "{cap} missing: {discover}");
    }

    // Allowed: the federated server answers.
    let (_, list) = gw.rpc("admin-key", "resources/list", json!({})).await;
    assert_eq!(
        list["result"]["resources"][0]["uri"], "test://fed/a",
        "{list}"
    );
    let (_, read) = gw
        .rpc(
            "admin-key",
            "resources/read",
            json!({"uri": "test://fed/a"}),
        )
        .await;
    assert_eq!(read["result"]["contents"][0]["text"], "hello", "{read}");
    let (_, prompt) = gw
        .rpc("admin-key", "prompts/get", json!({"name": "fed_prompt"}))
        .await;
    assert_eq!(
        prompt["result"]["messages"][0]["content"]["text"], "prompted",
        "{prompt}"
    );
    let (_, done) = gw
        .rpc(
            "admin-key",
            "completion/complete",
            json!({"ref": {"type": "ref/prompt", "name": "fed_prompt"}, "argument": {"name": "a", "value": "f"}}),
        )
        .await;
    assert_eq!(done["result"]["completion"]["values"][0], "fed", "{done}");

    // Denied: exactly what an unknown resource or prompt gets.
    let (_, list) = gw.rpc("reader-key", "resources/list", json!({})).await;
    assert_eq!(list["result"]["resources"], json!([]), "{list}");
    let (_, denied) = gw
        .rpc(
            "reader-key",
            "resources/read",
            json!({"uri": "test://fed/a"}),
        )
        .await;
    let (_, unknown) = gw
        .rpc(
            "admin-key",
            "resources/read",
            json!({"uri": "test://fed/a"}),
        )
        .await;
    assert!(unknown["result"].is_object());
    let (_, unknown) = gw
        .rpc(
            "admin-key",
            "resources/read",
            json!({"uri": "test://fed/zz"}),
        )
        .await;
    assert_denied_like_unknown(&denied, &unknown, "test://fed/a");
    assert_eq!(
        unknown["error"]["message"],
        "Resource not found: test://fed/zz"
    );
    let (_, denied) = gw
        .rpc("reader-key", "prompts/get", json!({"name": "fed_prompt"}))
        .await;
    let (_, unknown) = gw
        .rpc(
            "admin-key",
            "prompts/get",
            json!({"name": "fed_prompt_nope"}),
        )
        .await;
    assert_eq!(denied["error"]["code"], unknown["error"]["code"]);
    assert_eq!(denied["error"]["message"], "Unknown prompt: fed_prompt");
    assert_eq!(
        unknown["error"]["message"],
        "Unknown prompt: fed_prompt_nope"
    );

    // Audited: one row per connector considered, with the decision.
    let rows = gw.audit.0.lock().unwrap().clone();
    let reads: Vec<_> = rows
        .iter()
        .filter(|r| r.method == "resources/read")
        .map(|r| (r.user_id.as_str(), r.tool.as_deref(), r.decision))
        .collect();
    assert!(
        reads.contains(&("reader@test", Some("fed__resources"), Decision::Denied)),
        "{reads:?}"
    );
    assert!(
        reads.contains(&("admin@test", Some("fed__resources"), Decision::Allowed)),
        "{reads:?}"
    );
    assert!(rows
        .iter()
        .any(|r| r.method == "prompts/get" && r.decision == Decision::Denied));
}

#[tokio::test]
async fn without_a_federated_server_the_methods_stay_unadvertised() {
    let gw = super::harness::start().await;
    let (_, discover) = gw.rpc("admin-key", "server/discover", json!({})).await;
    let caps = &discover["result"]["capabilities"];
    for cap in ["resources", "prompts", "completions", "logging"] {
        assert!(caps[cap].is_null(), "{cap} advertised: {discover}");
    }
    for method in ["resources/list", "prompts/list", "logging/setLevel"] {
        let params = if method == "logging/setLevel" {
            json!({"level": "info"})
        } else {
            json!({})
        };
        let (_, body) = gw.rpc("admin-key", method, params).await;
        assert_eq!(body["error"]["code"], -32601, "{method}: {body}");
    }
}

#[tokio::test]
async fn a_composite_childs_progress_reaches_the_parents_caller() {
    let fed = Fed::new(&["fed_progress"]);
    let gw = start_with_wrap(&fed).await;
    let body = call_with_progress(&gw, "admin-key", "wrap_progress", "token-c").await;
    let tokens: Vec<Value> = body
        .lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
        .filter(|m| m["method"] == "notifications/progress")
        .map(|m| m["params"]["progressToken"].clone())
        .collect();
    assert_eq!(tokens, vec![json!("token-c"), json!("token-c")], "{body}");
}

#[tokio::test]
async fn a_change_before_the_watch_starts_is_not_missed() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;
    // No callback registered yet: nobody hears of this change.
    fed.set_tools(&["fed_alpha", "fed_early"]);
    gw.refresher.watch(Duration::from_millis(20));
    let mut listed = Vec::new();
    for _ in 0..100 {
        listed = tool_names(&gw, "admin-key").await;
        if listed.contains(&"fed_early".to_owned()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(listed.contains(&"fed_early".to_owned()), "{listed:?}");
}

/// `fed_whoami`'s `upstream_user` for `key` sending `headers`.
async fn upstream_user(gw: &TestGateway, key: &str, tool: &str, headers: &[(&str, &str)]) -> Value {
    let args = if tool == "wrap_progress" {
        json!({"tool": "fed_whoami"})
    } else {
        json!({})
    };
    let (status, body) = gw
        .rpc_with_headers(
            key,
            "tools/call",
            json!({"name": tool, "arguments": args}),
            headers,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["result"]["structuredContent"]["upstream_user"].clone()
}

#[tokio::test]
async fn a_callers_upstream_credential_reaches_their_calls_only_and_scopes_the_cache() {
    let fed = Fed::new(&["fed_whoami"]);
    let gw = start_with_wrap(&fed).await;
    let a = [("X-Fed-Token", "token-a")];
    let b = [("x-fed-token", "token-b")];
    assert_eq!(
        upstream_user(&gw, "admin-key", "fed_whoami", &a).await,
        "ann"
    );
    // The same caller with another credential: never the cached answer
    // of the first.
    assert_eq!(
        upstream_user(&gw, "admin-key", "fed_whoami", &b).await,
        "ben"
    );
    assert_eq!(
        upstream_user(&gw, "admin-key", "fed_whoami", &a).await,
        "ann"
    );
    assert_eq!(fed.calls.load(Ordering::SeqCst), 2, "the third is a hit");
    // Without it (or with a header no connector names) the call carries
    // nothing, and is not served another credential's answer.
    assert_eq!(
        upstream_user(&gw, "admin-key", "fed_whoami", &[]).await,
        Value::Null
    );
    assert_eq!(
        upstream_user(
            &gw,
            "admin-key",
            "fed_whoami",
            &[("x-other-token", "token-a")]
        )
        .await,
        Value::Null
    );
    // A composite's child carries its parent caller's credential.
    assert_eq!(
        upstream_user(&gw, "admin-key", "wrap_progress", &b).await,
        "ben"
    );

    let rows = format!("{:?}", gw.audit.0.lock().unwrap());
    assert!(rows.contains("fed_whoami"), "the rows are there");
    for secret in ["token-a", "token-b"] {
        assert!(!rows.contains(secret), "{secret} reached an audit row");
    }
}

/// A JSON-RPC request in a legacy session; the reply.
async fn in_session(gw: &TestGateway, key: &str, sid: &str, method: &str, params: Value) -> Value {
    let body = json!({"jsonrpc": "2.0", "id": 9, "method": method, "params": params});
    let text = post_in(gw, key, sid, body).await.text().await.unwrap();
    parse_body(&text)
}

#[tokio::test]
async fn a_sessions_subscription_gets_its_resources_updates_and_nobody_elses() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;
    let uri = json!({"uri": "test://fed/a"});

    let (sid, mut stream) = legacy_session(&gw, "admin-key").await;
    let (_, mut other_stream) = legacy_session(&gw, "admin-key").await;
    let ok = in_session(&gw, "admin-key", &sid, "resources/subscribe", uri.clone()).await;
    assert_eq!(ok["result"], json!({}), "{ok}");
    assert_eq!(
        *fed.subscriptions.lock().unwrap(),
        ["subscribe:test://fed/a"]
    );

    fed.touch("test://fed/a");
    let mut seen = String::new();
    assert!(
        read_until(&mut stream, &mut seen, "notifications/resources/updated").await,
        "the subscribed session hears of it: {seen}"
    );
    assert!(seen.contains("test://fed/a"), "{seen}");
    // A session that did not subscribe hears nothing.
    let (heard, other) = hears_within(&mut other_stream, "resources/updated", 300).await;
    assert!(!heard, "{other}");

    // A caller who may not read the connector's resources: exactly the
    // answer for a resource nobody has.
    let (reader_sid, _reader_stream) = legacy_session(&gw, "reader-key").await;
    let denied = in_session(
        &gw,
        "reader-key",
        &reader_sid,
        "resources/subscribe",
        uri.clone(),
    )
    .await;
    let unknown = in_session(
        &gw,
        "admin-key",
        &sid,
        "resources/subscribe",
        json!({"uri": "test://fed/zz"}),
    )
    .await;
    assert_denied_like_unknown(&denied, &unknown, "test://fed/a");

    // Without a session there is nowhere to send updates.
    let (_, stateless) = gw
        .rpc("admin-key", "resources/subscribe", uri.clone())
        .await;
    assert!(stateless["error"].is_object(), "{stateless}");

    // Unsubscribed: the connector is told, and no update follows.
    let ok = in_session(&gw, "admin-key", &sid, "resources/unsubscribe", uri.clone()).await;
    assert_eq!(ok["result"], json!({}), "{ok}");
    assert_eq!(
        *fed.subscriptions.lock().unwrap(),
        ["subscribe:test://fed/a", "unsubscribe:test://fed/a"]
    );
    fed.touch("test://fed/a");
    let (again, after) = hears_within(&mut stream, "resources/updated", 500).await;
    assert!(!again, "an update after unsubscribing: {after}");
}

/// A 2026-07-28 `subscriptions/listen` stream for `key`.
async fn listen(gw: &TestGateway, key: &str, notifications: Value) -> reqwest::Response {
    let body = json!({"jsonrpc": "2.0", "id": 5, "method": "subscriptions/listen", "params": {
    "notifications": notifications,
    "_meta": {
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "listen-test", "version": "1"},
    }}});
    let response = gw
        .http
        .post(&gw.url)
        .bearer_auth(key)
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", "2026-07-28")
        .header("mcp-method", "subscriptions/listen")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response
}

async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..250 {
        if condition() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test]
async fn a_2026_listen_stream_hears_of_tool_changes_and_of_its_resources() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;
    gw.refresher.watch(Duration::from_millis(20));
    let subscribed = |fed: &Fed| {
        fed.subscriptions
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.starts_with("subscribe:"))
            .count()
    };

    let mut stream = listen(
        &gw,
        "admin-key",
        json!({"toolsListChanged": true, "resourceSubscriptions": ["test://fed/a"]}),
    )
    .await;
    let mut seen = String::new();
    assert!(
        read_until(
            &mut stream,
            &mut seen,
            "notifications/subscriptions/acknowledged"
        )
        .await,
        "{seen}"
    );
    wait_for("the connector has the subscription", || {
        subscribed(&fed) == 1
    })
    .await;

    fed.touch("test://fed/a");
    assert!(
        read_until(&mut stream, &mut seen, "notifications/resources/updated").await,
        "{seen}"
    );
    fed.set_tools(&["fed_alpha", "fed_beta"]);
    assert!(
        read_until(&mut stream, &mut seen, "notifications/tools/list_changed").await,
        "{seen}"
    );

    // A caller who may not read the connector's resources subscribes to
    // nothing (exactly as for a URI nobody has).
    let mut reader = listen(
        &gw,
        "reader-key",
        json!({"resourceSubscriptions": ["test://fed/a", "test://fed/zz"]}),
    )
    .await;
    let mut reader_seen = String::new();
    assert!(read_until(&mut reader, &mut reader_seen, "acknowledged").await);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(subscribed(&fed), 1);

    // The stream ends: its subscription is released at the connector.
    drop(stream);
    wait_for("the connector is told", || {
        fed.subscriptions
            .lock()
            .unwrap()
            .contains(&"unsubscribe:test://fed/a".to_owned())
    })
    .await;
}

#[tokio::test]
async fn a_federated_prompt_list_change_reaches_only_callers_who_may_use_its_prompts() {
    let fed = Fed::new(&["fed_alpha"]);
    let gw = start(&fed).await;
    let (_, mut admin) = legacy_session(&gw, "admin-key").await;
    let (_, mut reader) = legacy_session(&gw, "reader-key").await;
    let mut admin_listen = listen(&gw, "admin-key", json!({"promptsListChanged": true})).await;
    let mut reader_listen = listen(&gw, "reader-key", json!({"promptsListChanged": true})).await;
    let (mut seen, mut reader_seen) = (String::new(), String::new());
    assert!(read_until(&mut admin_listen, &mut seen, "acknowledged").await);
    assert!(read_until(&mut reader_listen, &mut reader_seen, "acknowledged").await);

    fed.surface_changed(SurfaceChange::PromptsListChanged);
    let mut session_seen = String::new();
    assert!(
        read_until(
            &mut admin,
            &mut session_seen,
            "notifications/prompts/list_changed"
        )
        .await
    );
    assert!(
        read_until(
            &mut admin_listen,
            &mut seen,
            "notifications/prompts/list_changed"
        )
        .await
    );
    for stream in [&mut reader, &mut reader_listen] {
        let (got, heard) = hears_within(stream, "list_changed", 300).await;
        assert!(!got, "a reader heard of fed's prompts: {heard}");
    }
}

#[tokio::test]
async fn an_input_round_is_never_cached_and_its_retry_needs_the_gateways_state() {
    let fed = Fed::new(&["fed_ask"]);
    let gw = start(&fed).await;
    let call = |extra: Value| {
        let mut params = json!({"name": "fed_ask", "arguments": {}});
        if let (Value::Object(p), Value::Object(e)) = (&mut params, extra) {
            p.extend(e);
        }
        gw.rpc("admin-key", "tools/call", params)
    };
    let (_, first) = call(json!({})).await;
    assert_eq!(first["result"]["resultType"], "input_required", "{first}");
    assert_eq!(
        first["result"]["inputRequests"]["q"]["method"],
        "elicitation/create"
    );
    let state = first["result"]["requestState"].as_str().unwrap().to_owned();
    assert_ne!(state, "fed-state-1", "the upstream's state goes out sealed");
    // A read tool, yet the round was not cached: the same call asks again.
    let (_, second) = call(json!({})).await;
    assert_eq!(second["result"]["resultType"], "input_required", "{second}");
    assert_eq!(fed.calls.load(Ordering::SeqCst), 2);

    let answers = json!({"q": {"action": "accept", "content": {"pick": "blue"}}});
    let (_, done) = call(json!({"inputResponses": answers, "requestState": state})).await;
    assert_eq!(
        done["result"]["structuredContent"],
        json!({"answer": "blue", "state": "fed-state-1"}),
        "{done}"
    );
    let (_, stateless) = call(json!({"inputResponses": answers})).await;
    assert_eq!(stateless["error"]["code"], -32602, "{stateless}");
    assert_eq!(
        fed.calls.load(Ordering::SeqCst),
        3,
        "a refused retry never reaches it"
    );
    let rows = gw.audit.0.lock().unwrap();
    let statuses: Vec<_> = rows
        .iter()
        .filter(|r| r.tool.as_deref() == Some("fed_ask"))
        .map(|r| r.cache)
        .collect();
    assert_eq!(statuses.len(), 4, "every attempt is audited");
    assert!(!statuses.contains(&CacheStatus::Hit));
}
