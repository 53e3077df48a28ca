//! The workloads: what one "job" sends and what counts as a failure
//! (non-2xx, a JSON-RPC error, or a tool result with `isError: true`).
//!
//! W1–W3 use the 2026-07-28 stateless shape (`MCP-Protocol-Version`,
//! `Mcp-Method`, `Mcp-Name` and the protocol `_meta` in every request);
//! W4 is a pre-2026 client's whole session (`legacy.rs`).

use std::net::SocketAddr;

use bytes::Bytes;
use clap::ValueEnum;
use http::{header, HeaderValue, Method, Request};
use http_body_util::Full;

use crate::conn::Conn;
use crate::reply::{check_rpc, send};

/// The tool W2 calls: cached (shared by permission set) after the first call.
pub const CACHED_TOOL: &str = "hubspot_list_pipelines";
/// The tool W3 calls; the bench config sets its cache TTL to 0, so every
/// call goes to the upstream: one `GET /crm/v3/owners?limit=50`, which is
/// what the bench's direct measurement (`--workload upstream`) requests.
pub const MISS_TOOL: &str = "hubspot_list_owners";
/// The API keys are `KEY_PREFIX` + a three-digit index.
pub const KEY_PREFIX: &str = "sb-bench-";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Workload {
    /// W1: tools/list, rotating the API keys.
    List,
    /// W2: tools/call answered from the cache.
    Cached,
    /// W3: tools/call that misses the cache and calls the upstream.
    Miss,
    /// W4: legacy session churn.
    Session,
    /// W5: 4 × W1, 5 × W2, 1 × W4 in every 10 jobs.
    Mix,
    /// tools/call `echo` on the rmcp reference server.
    Echo,
    /// The echo request against the bare hyper server.
    Bare,
    /// `GET` the URL's path straight from the fake upstream, with `--token`.
    Upstream,
}

/// Everything a job needs, built once.
pub struct Target {
    pub addr: SocketAddr,
    host: HeaderValue,
    path: String,
    keys: Vec<HeaderValue>,
    upstream_auth: HeaderValue,
    list: Bytes,
    cached: Bytes,
    miss: Bytes,
    echo: Bytes,
}

fn stateless_call(name: &str, arguments: serde_json::Value) -> Bytes {
    let meta = serde_json::json!({
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "loadgen", "version": "1"},
    });
    let params = if name.is_empty() {
        serde_json::json!({"_meta": meta})
    } else {
        serde_json::json!({"name": name, "arguments": arguments, "_meta": meta})
    };
    let method = if name.is_empty() {
        "tools/list"
    } else {
        "tools/call"
    };
    let body = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
    Bytes::from(body.to_string())
}

impl Target {
    pub fn new(addr: SocketAddr, path: &str, keys: usize, token: &str) -> anyhow::Result<Self> {
        Ok(Target {
            addr,
            host: HeaderValue::from_str(&addr.to_string())?,
            path: path.to_owned(),
            keys: (0..keys.max(1))
                .map(|i| HeaderValue::from_str(&format!("Bearer {KEY_PREFIX}{i:03}")))
                .collect::<Result<_, _>>()?,
            upstream_auth: HeaderValue::from_str(&format!("Bearer {token}"))?,
            list: stateless_call("", serde_json::Value::Null),
            cached: stateless_call(CACHED_TOOL, serde_json::json!({})),
            miss: stateless_call(MISS_TOOL, serde_json::json!({"limit": 50})),
            echo: stateless_call("echo", serde_json::json!({"message": "hello"})),
        })
    }

    pub(crate) fn key(&self, i: u64) -> &HeaderValue {
        &self.keys[(i % self.keys.len() as u64) as usize]
    }

    pub(crate) fn post(&self, key: &HeaderValue) -> http::request::Builder {
        Request::builder()
            .method(Method::POST)
            .uri(self.path.as_str())
            .header(header::HOST, &self.host)
            .header(header::AUTHORIZATION, key)
            .header(header::ACCEPT, "application/json, text/event-stream")
            .header(header::CONTENT_TYPE, "application/json")
    }

    fn stateless(&self, i: u64, method: &str, tool: &str, body: &Bytes) -> Request<Full<Bytes>> {
        let mut b = self
            .post(self.key(i))
            .header("mcp-protocol-version", "2026-07-28")
            .header("mcp-method", method);
        if !tool.is_empty() {
            b = b.header("mcp-name", tool);
        }
        b.body(Full::new(body.clone())).expect("a valid request")
    }

    /// A 2026-07-28 `tools/call` as user `i` (for the one-off drivers).
    pub(crate) fn tool_call(
        &self,
        i: u64,
        tool: &str,
        arguments: serde_json::Value,
    ) -> Request<Full<Bytes>> {
        self.stateless(i, "tools/call", tool, &stateless_call(tool, arguments))
    }

    /// Runs job number `i` of `workload` on `conn`.
    pub async fn job(&self, workload: Workload, conn: &mut Conn, i: u64) -> Result<(), String> {
        let request = match workload {
            Workload::List => self.stateless(i, "tools/list", "", &self.list),
            Workload::Cached => self.stateless(i, "tools/call", CACHED_TOOL, &self.cached),
            Workload::Miss => self.stateless(i, "tools/call", MISS_TOOL, &self.miss),
            Workload::Echo | Workload::Bare => self.stateless(i, "tools/call", "echo", &self.echo),
            Workload::Upstream => Request::get(self.path.as_str())
                .header(header::HOST, &self.host)
                .header(header::AUTHORIZATION, &self.upstream_auth)
                .header(header::ACCEPT, "application/json")
                .body(Full::new(Bytes::new()))
                .expect("a valid request"),
            Workload::Session => return self.session(conn, i).await,
            Workload::Mix => {
                let next = match i % 10 {
                    0..=3 => Workload::List,
                    4..=8 => Workload::Cached,
                    _ => Workload::Session,
                };
                return Box::pin(self.job(next, conn, i)).await;
            }
        };
        let reply = send(conn, request).await?;
        if workload == Workload::Upstream {
            return Ok(());
        }
        check_rpc(&reply.body)
    }
}
