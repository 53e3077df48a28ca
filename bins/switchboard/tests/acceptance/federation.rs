//! Federation end to end: the real binary, configured with
//! `[[connectors.mcp]]`, federating the testkit's MCP fixture next to a
//! native connector (HubSpot against its fake). An upstream MCP server that
//! dies mid-call gives that call a clean tool error; `tools/list`, the
//! native connector and, once the upstream is back, the federated tools
//! carry on. A federated server configured for header passthrough gets
//! each caller's own credential, and never the gateway's.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::spawn_hubspot;
use switchboard_testkit::mcp_fixture::{spawn_mcp_fixture, Fault};

const KEY: &str = "sb-federation-key";
/// `printf %s sb-federation-key | sha256sum`
const KEY_SHA256: &str = "315fc49253d0a4b046d47790d403e2c2e5ef4904a3fd950c943646662f357cbe";
/// A second member of `ops`, for requests replayed by another caller.
const KEY2: &str = "sb-federation-key-2";
const KEY2_SHA256: &str = "cb616bebb8184c4be128091fbc52fa7117cc039b8a7e75ab572e48eda3f81a49";
const HUBSPOT_TOKEN: &str = "fed-test-hubspot-token";

/// The `ops` group may use the federated server's tools and HubSpot's.
const POLICY: &str = r#"
permit (principal in Group::"ops", action, resource)
when { resource.connector == "fx" || resource.connector == "gh" || resource.connector == "hubspot" };
"#;

struct Gateway {
    child: Child,
    url: String,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path, fixture_url: &str, hubspot_url: &str) -> Gateway {
    std::fs::create_dir_all(dir.join("policies")).unwrap();
    std::fs::write(dir.join("policies/ops.cedar"), POLICY).unwrap();
    let config = format!(
        r#"version = 1

[[api_keys]]
id = "ops"
sha256 = "{KEY_SHA256}"
user_id = "ops@example.test"
email = "ops@example.test"
org = "example"
groups = ["ops"]

[[api_keys]]
id = "ops2"
sha256 = "{KEY2_SHA256}"
user_id = "ops2@example.test"
email = "ops2@example.test"
org = "example"
groups = ["ops"]

[policy]
dir = "{policies}"

[audit]
url = "sqlite://{audit}"

[connectors.hubspot]
base_url = "{hubspot_url}"
token = "env:SB_FED_TEST_HUBSPOT"

# Every federated tool is a write (nothing listed read-only), so nothing is
# cached and each call really reaches the upstream.
[[connectors.mcp]]
id = "fx"
transport = "http"
url = "{fixture_url}"
permission_default = "fx:tools:write"
read_only = []

# The same server again, behind each caller's own credential.
[[connectors.mcp]]
id = "gh"
transport = "http"
url = "{fixture_url}"
permission_default = "gh:tools:write"
auth = {{ forward_header = "X-GH-Token" }}
"#,
        policies = dir.join("policies").display(),
        audit = dir.join("audit.db").display(),
    );
    let path = dir.join("switchboard.toml");
    std::fs::write(&path, config).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["serve", "--bind", "127.0.0.1:0", "--config"])
        .arg(&path)
        .env("SB_FED_TEST_HUBSPOT", HUBSPOT_TOKEN)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("switchboard starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("switchboard printed its URL").unwrap();
        if let Some(url) = line.strip_prefix("Switchboard listening on ") {
            break url.trim().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Gateway { child, url }
}

/// One 2026-07-28 stateless request; the JSON-RPC reply (from JSON or the
/// last SSE event).
async fn rpc(http: &reqwest::Client, url: &str, method: &str, params: Value) -> Value {
    rpc_with(http, url, method, params, &[]).await
}

/// [`rpc`] with extra request headers.
async fn rpc_with(
    http: &reqwest::Client,
    url: &str,
    method: &str,
    params: Value,
    headers: &[(&str, &str)],
) -> Value {
    let meta = json!({
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "federation-test", "version": "1"},
    });
    let mut params = params;
    params["_meta"] = meta;
    let mut request = http.post(url);
    if !headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("authorization"))
    {
        request = request.bearer_auth(KEY);
    }
    let mut request = request
        .header("accept", "application/json, text/event-stream")
        .header("mcp-protocol-version", "2026-07-28")
        .header("mcp-method", method);
    if let Some(name) = params.get("name").and_then(Value::as_str) {
        request = request.header("mcp-name", name);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = request
        .json(&json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}))
        .send()
        .await
        .expect("the gateway answers")
        .text()
        .await
        .unwrap();
    let json = if body.starts_with('{') {
        body.as_str()
    } else {
        body.lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .next_back()
            .unwrap_or_else(|| panic!("not JSON-RPC: {body}"))
    };
    serde_json::from_str(json.trim()).unwrap_or_else(|e| panic!("{e}: {body}"))
}

async fn tool_names(http: &reqwest::Client, url: &str) -> Vec<String> {
    let reply = rpc(http, url, "tools/list", json!({})).await;
    reply["result"]["tools"]
        .as_array()
        .unwrap_or_else(|| panic!("no tools: {reply}"))
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn call(http: &reqwest::Client, url: &str, tool: &str, args: Value) -> Value {
    rpc(
        http,
        url,
        "tools/call",
        json!({"name": tool, "arguments": args}),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_that_dies_mid_call_fails_that_call_alone() {
    let fixture = spawn_mcp_fixture().await;
    let hubspot = spawn_hubspot(northwind(), HUBSPOT_TOKEN).await;
    let dir = std::env::temp_dir().join(format!("sb-federation-{}", std::process::id()));
    let gateway = start(&dir, &fixture.url, hubspot.base_url.as_str());
    let http = reqwest::Client::new();
    let url = &gateway.url;

    let names = tool_names(&http, url).await;
    assert!(
        names.iter().any(|n| n == "fx_test_simple_text"),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == "hubspot_list_owners"),
        "{names:?}"
    );

    let ok = call(&http, url, "fx_test_simple_text", json!({})).await;
    assert_eq!(ok["result"]["isError"], json!(false), "{ok}");
    assert_eq!(
        ok["result"]["content"][0]["text"],
        "This is a simple text response for testing."
    );

    // The upstream drops the connection in the middle of the call.
    fixture.set_fault(Some(Fault::DieMidCall));
    let failed = call(&http, url, "fx_test_simple_text", json!({})).await;
    assert_eq!(failed["result"]["isError"], json!(true), "{failed}");
    let error: Value =
        serde_json::from_str(failed["result"]["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(error["error"], "unavailable", "{error}");

    // The rest of the gateway carries on: the list, and a native connector.
    let names = tool_names(&http, url).await;
    assert!(
        names.iter().any(|n| n == "hubspot_list_owners"),
        "{names:?}"
    );
    let owners = call(&http, url, "hubspot_list_owners", json!({})).await;
    assert_eq!(owners["result"]["isError"], json!(false), "{owners}");

    // And the federated tools recover with their upstream.
    fixture.set_fault(None);
    let again = call(&http, url, "fx_test_simple_text", json!({})).await;
    assert_eq!(again["result"]["isError"], json!(false), "{again}");

    drop(gateway);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passthrough_upstream_gets_each_callers_own_credential_and_never_the_gateways() {
    const OWN: &str = "ops-own-gh-credential";
    let fixture = spawn_mcp_fixture().await;
    let hubspot = spawn_hubspot(northwind(), HUBSPOT_TOKEN).await;
    let dir = std::env::temp_dir().join(format!("sb-passthrough-{}", std::process::id()));
    let gateway = start(&dir, &fixture.url, hubspot.base_url.as_str());
    let http = reqwest::Client::new();
    let url = &gateway.url;
    let names = tool_names(&http, url).await;
    assert!(
        names.iter().any(|n| n == "gh_test_simple_text"),
        "{names:?}"
    );

    let params = json!({"name": "gh_test_simple_text", "arguments": {}});
    let ok = rpc_with(
        &http,
        url,
        "tools/call",
        params.clone(),
        &[("X-GH-Token", OWN)],
    )
    .await;
    assert_eq!(ok["result"]["isError"], json!(false), "{ok}");

    let refused = rpc(&http, url, "tools/call", params).await;
    assert_eq!(refused["result"]["isError"], json!(true), "{refused}");
    let error: Value =
        serde_json::from_str(refused["result"]["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(error["error"], "upstream_denied", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("x-gh-token"),
        "{error}"
    );

    let seen = fixture.seen().requests.clone();
    let calls: Vec<Option<&str>> = seen
        .iter()
        .filter(|r| r.method == "tools/call")
        .map(|r| r.authorization.as_deref())
        .collect();
    assert_eq!(
        calls,
        [Some(format!("Bearer {OWN}").as_str())],
        "one call went upstream"
    );
    assert!(
        seen.iter()
            .all(|r| !r.authorization.as_deref().unwrap_or_default().contains(KEY)),
        "the gateway's own credential was passed through"
    );

    drop(gateway);
    // Neither the audit trail (which has the calls) nor anything else on
    // disk holds it.
    let contains = |path: &Path, needle: &str| {
        let bytes = std::fs::read(path).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    };
    assert!(
        ["audit.db", "audit.db-wal"]
            .iter()
            .any(|f| contains(&dir.join(f), "gh_test_simple_text")),
        "the calls were audited"
    );
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert!(
            !contains(&path, OWN),
            "{} holds the caller's credential",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_2026_caller_answers_a_federated_tools_sampling_in_an_input_round() {
    let fixture = spawn_mcp_fixture().await;
    let hubspot = spawn_hubspot(northwind(), HUBSPOT_TOKEN).await;
    let dir = std::env::temp_dir().join(format!("sb-mrtr-{}", std::process::id()));
    let gateway = start(&dir, &fixture.url, hubspot.base_url.as_str());
    let http = reqwest::Client::new();
    let url = &gateway.url;
    let args = json!({"prompt": "What is 2+2?"});

    let first = call(&http, url, "fx_test_sampling", args.clone()).await;
    let round = &first["result"];
    assert_eq!(round["resultType"], "input_required", "{first}");
    assert_eq!(
        round["inputRequests"]["input"]["method"],
        "sampling/createMessage"
    );
    assert_eq!(
        round["inputRequests"]["input"]["params"]["messages"][0]["content"]["text"],
        "What is 2+2?"
    );
    let state = round["requestState"]
        .as_str()
        .expect("a requestState")
        .to_owned();
    assert_ne!(
        state, "test_sampling-round-1",
        "the upstream's own state is sealed"
    );

    let answers = json!({"input": {"role": "assistant", "model": "m", "stopReason": "endTurn",
        "content": {"type": "text", "text": "four"}}});
    let retry = |key: &'static str, state: String, args: Value| {
        let http = http.clone();
        let answers = answers.clone();
        async move {
            let auth = format!("Bearer {key}");
            rpc_with(
                &http,
                url,
                "tools/call",
                json!({"name": "fx_test_sampling", "arguments": args,
                       "inputResponses": answers, "requestState": state}),
                &[("authorization", auth.as_str())],
            )
            .await
        }
    };
    let done = retry(KEY, state.clone(), args.clone()).await;
    assert_eq!(done["result"]["isError"], json!(false), "{done}");
    assert_eq!(
        done["result"]["content"][0]["text"], "LLM response: four",
        "{done}"
    );

    // Not another caller's, not for other arguments, not altered.
    // One character in the middle (a last character may only carry
    // padding bits).
    let middle = state.len() / 2;
    let swapped = if &state[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    let altered = format!("{}{swapped}{}", &state[..middle], &state[middle + 1..]);
    for (key, state, args) in [
        (KEY2, state.clone(), args.clone()),
        (KEY, state.clone(), json!({"prompt": "What is 3+3?"})),
        (KEY, altered, args.clone()),
        (KEY, "test_sampling-round-1".to_owned(), args.clone()),
    ] {
        let refused = retry(key, state, args).await;
        assert_eq!(refused["error"]["code"], json!(-32602), "{refused}");
        assert!(
            refused["error"]["message"]
                .as_str()
                .unwrap()
                .contains("requestState"),
            "{refused}"
        );
    }
    drop(gateway);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A real client (the Python SDK) with a sampling handler calls a federated
/// tool that samples, in both eras: over a 2025-11-25 session the request is
/// relayed during the call; on 2026-07-28 it comes back as an input round
/// that the SDK answers and retries.
const SAMPLING_CLIENT: &str = r#"
import asyncio, sys
import mcp.types as types
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

async def sample(context, params):
    asked = params.messages[0].content.text
    return types.CreateMessageResult(role="assistant", model="test-model", stop_reason="endTurn",
        content=types.TextContent(type="text", text=f"four (asked: {asked})"))

async def main():
    url, key, mode = sys.argv[1:4]
    async with create_mcp_http_client(headers={"Authorization": f"Bearer {key}"}) as http:
        transport = streamable_http_client(url, http_client=http)
        async with Client(transport, mode=mode, raise_exceptions=True, sampling_callback=sample) as client:
            result = await client.call_tool("fx_test_sampling", {"prompt": "What is 2+2?"})
            print("PROTOCOL", client.protocol_version)
            for block in result.content:
                print("TEXT", getattr(block, "text", ""))

asyncio.run(main())
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_answers_a_federated_tools_sampling_in_both_eras() {
    let harness = super::support::harness();
    let fixture = spawn_mcp_fixture().await;
    let hubspot = spawn_hubspot(northwind(), HUBSPOT_TOKEN).await;
    let dir = std::env::temp_dir().join(format!("sb-sampling-{}", std::process::id()));
    let gateway = start(&dir, &fixture.url, hubspot.base_url.as_str());
    let script = dir.join("sampling_client.py");
    std::fs::write(&script, SAMPLING_CLIENT).unwrap();
    for (mode, protocol) in [("legacy", "2025-11-25"), ("2026-07-28", "2026-07-28")] {
        let url = gateway.url.clone();
        let (python, script) = (harness.join(".venv/bin/python"), script.clone());
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(python)
                .arg(&script)
                .args([url.as_str(), KEY, mode])
                .output()
                .expect("python runs")
        })
        .await
        .unwrap();
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{mode}: {text}");
        assert!(
            text.contains(&format!("PROTOCOL {protocol}")),
            "{mode}: {text}"
        );
        assert!(
            text.contains("TEXT LLM response: four (asked: What is 2+2?)"),
            "{mode}: {text}"
        );
    }
    drop(gateway);
    let _ = std::fs::remove_dir_all(&dir);
}
