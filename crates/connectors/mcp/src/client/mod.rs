//! A small MCP *client* on JSON-RPC values: the transports (Streamable
//! HTTP, stdio), what travels back during a request (`Inbound`), and the
//! 2026-07-28 multi-round-trip loop (`input_required` results).

pub mod http;
pub mod jsonrpc;
pub mod sse;
pub mod stdio;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::{json, Map, Value};
use switchboard_core::{ConnectorError, ErrorKind, Health, SurfaceChange, SurfacesChanged};
use tokio::sync::Notify;

pub use jsonrpc::RpcError;

/// The revision that has no `initialize` (stateless, `server/discover`).
pub const MODERN_VERSION: &str = "2026-07-28";
/// The revision offered in `initialize` to servers without discovery.
pub const LEGACY_VERSION: &str = "2025-11-25";
/// A misbehaving upstream may not keep a request alive forever with
/// `input_required` rounds.
pub const MAX_INPUT_ROUNDS: usize = 10;

/// How the gateway introduces itself to upstreams.
pub fn client_info() -> Value {
    json!({"name": "switchboard", "version": env!("CARGO_PKG_VERSION")})
}

/// What the gateway can relay back to its own callers.
pub fn client_capabilities() -> Value {
    json!({"sampling": {}, "elicitation": {"form": {}, "url": {}}, "roots": {"listChanged": false}})
}

/// What the upstream sends *during* one request: progress, log messages,
/// and requests only the caller can answer (sampling, elicitation, roots).
#[async_trait]
pub trait Inbound: Send + Sync {
    async fn notification(&self, method: &str, params: Value);
    async fn request(&self, method: &str, params: Value) -> Result<Value, RpcError>;
    /// Whether this request stands for a caller (a tool call or forwarded
    /// method) rather than the connector's own housekeeping.
    fn has_caller(&self) -> bool {
        true
    }
}

/// Housekeeping requests (discovery, `tools/list`): nobody to relay to.
pub struct NoCaller;

#[async_trait]
impl Inbound for NoCaller {
    async fn notification(&self, _method: &str, _params: Value) {}
    async fn request(&self, method: &str, _params: Value) -> Result<Value, RpcError> {
        Err(RpcError::new(
            jsonrpc::code::METHOD_NOT_FOUND,
            format!("{method} is not available outside a client's call"),
        ))
    }
    fn has_caller(&self) -> bool {
        false
    }
}

/// Connection-wide events a transport reports to the connector, and the
/// resource subscriptions the transport's listener asks for.
pub struct Events {
    /// `notifications/tools/list_changed`, or a (re)started upstream whose
    /// list must be read again.
    pub tools_changed: Notify,
    /// Subscribed URI → how many gateway subscriptions hold it. Updates for
    /// any other URI are dropped, and a 2026-07-28 listener asks for
    /// exactly these (starting again when the set of URIs changes).
    subscribed: tokio::sync::watch::Sender<BTreeMap<String, usize>>,
    surfaces_changed: std::sync::Mutex<Option<SurfacesChanged>>,
}

impl Default for Events {
    fn default() -> Self {
        Events {
            tools_changed: Notify::new(),
            subscribed: tokio::sync::watch::Sender::new(Default::default()),
            surfaces_changed: std::sync::Mutex::new(None),
        }
    }
}

impl Events {
    /// Handles a notification that concerns the whole connection rather
    /// than one call; `false` for anything else.
    pub fn connection_wide(&self, method: &str, params: &Value) -> bool {
        match method {
            "notifications/tools/list_changed" => {
                self.tools_changed.notify_one();
                true
            }
            "notifications/resources/updated" => {
                let uri = params
                    .get("uri")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if self.is_subscribed(uri) {
                    self.surface_changed(SurfaceChange::ResourceUpdated(uri.to_owned()));
                }
                true
            }
            "notifications/resources/list_changed" => {
                self.surface_changed(SurfaceChange::ResourcesListChanged);
                true
            }
            "notifications/prompts/list_changed" => {
                self.surface_changed(SurfaceChange::PromptsListChanged);
                true
            }
            _ => false,
        }
    }

    fn surface_changed(&self, change: SurfaceChange) {
        let watcher = self.lock_watcher().clone();
        if let Some(changed) = watcher {
            changed(&change);
        }
    }

    pub fn watch_surfaces(&self, changed: SurfacesChanged) {
        *self.lock_watcher() = Some(changed);
    }

    pub fn is_subscribed(&self, uri: &str) -> bool {
        self.subscribed.borrow().contains_key(uri)
    }

    /// How many subscriptions hold `uri`.
    pub fn holders(&self, uri: &str) -> usize {
        self.subscribed.borrow().get(uri).copied().unwrap_or(0)
    }

    /// Follows the subscribed URIs (a 2026-07-28 listener's filter); it
    /// wakes only when a URI comes or goes, not when a count changes.
    pub fn subscriptions(&self) -> tokio::sync::watch::Receiver<BTreeMap<String, usize>> {
        self.subscribed.subscribe()
    }

    /// One more subscription holds `uri`.
    pub fn hold(&self, uri: &str) {
        self.subscribed.send_if_modified(|held| {
            let n = held.entry(uri.to_owned()).or_insert(0);
            *n += 1;
            *n == 1
        });
    }

    /// One subscription of `uri` fewer; the last one removes it.
    pub fn release(&self, uri: &str) {
        self.subscribed
            .send_if_modified(|held| match held.get_mut(uri) {
                Some(1) => {
                    held.remove(uri);
                    true
                }
                Some(n) => {
                    *n -= 1;
                    false
                }
                None => false,
            });
    }

    fn lock_watcher(&self) -> std::sync::MutexGuard<'_, Option<SurfacesChanged>> {
        self.surfaces_changed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }
}

/// One request as a transport sends it.
pub struct Outgoing<'a> {
    pub method: &'a str,
    pub params: Value,
    /// The called tool's input schema, for 2026-07-28 `Mcp-Param-*` headers.
    pub tool_schema: Option<Arc<Map<String, Value>>>,
    pub timeout: Duration,
}

/// A way to reach one MCP server.
#[async_trait]
pub trait Transport: Send + Sync {
    /// Sends one request and waits for its response, handing everything
    /// the upstream sends meanwhile to `inbound`. Dropping the future
    /// cancels the request upstream.
    async fn request(
        &self,
        outgoing: Outgoing<'_>,
        inbound: Arc<dyn Inbound>,
    ) -> Result<Value, ConnectorError>;

    /// The negotiated protocol revision, once connected.
    fn protocol_version(&self) -> Option<String>;

    fn health(&self) -> Health;
}

/// Sends a request and drives 2026-07-28 `input_required` rounds: each
/// input request goes to `inbound` (the caller), and the request is
/// repeated with `inputResponses` and the echoed `requestState`. With
/// `pass_through` (a caller that takes such rounds itself), the first
/// `input_required` result is returned as it is instead.
pub async fn request_with_input(
    transport: &dyn Transport,
    service: &str,
    outgoing: Outgoing<'_>,
    inbound: Arc<dyn Inbound>,
    pass_through: bool,
) -> Result<Value, ConnectorError> {
    let Outgoing {
        method,
        params,
        tool_schema,
        timeout,
    } = outgoing;
    let mut round_params = params.clone();
    for _ in 0..=MAX_INPUT_ROUNDS {
        let result = transport
            .request(
                Outgoing {
                    method,
                    params: round_params.clone(),
                    tool_schema: tool_schema.clone(),
                    timeout,
                },
                inbound.clone(),
            )
            .await?;
        if pass_through || !is_input_required(&result) {
            return Ok(result);
        }
        let mut responses = Map::new();
        if let Some(Value::Object(requests)) = result.get("inputRequests") {
            for (key, request) in requests {
                let method = request
                    .get("method")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let params = request.get("params").cloned().unwrap_or(Value::Null);
                let answer = inbound.request(method, params).await.map_err(|e| {
                    ConnectorError::new(
                        ErrorKind::Upstream,
                        format!(
                            "{service} needed input the caller did not give ({method}): {}",
                            e.message
                        ),
                    )
                    .with_source(e)
                })?;
                responses.insert(key.clone(), answer);
            }
        }
        round_params = params.clone();
        if let Value::Object(p) = &mut round_params {
            p.insert("inputResponses".into(), Value::Object(responses));
            match result.get("requestState") {
                Some(state) => {
                    p.insert("requestState".into(), state.clone());
                }
                None => {
                    p.remove("requestState");
                }
            }
        }
    }
    Err(ConnectorError::new(
        ErrorKind::Upstream,
        format!("{service} asked for more input than {MAX_INPUT_ROUNDS} rounds allow"),
    ))
}

/// A 2026-07-28 result asking the client for input first.
pub fn is_input_required(result: &Value) -> bool {
    result.get("resultType").and_then(Value::as_str) == Some("input_required")
}

/// Per-request client context the 2026-07-28 revision requires in `_meta`.
pub fn add_modern_meta(params: &mut Value, version: &str) {
    jsonrpc::set_meta(
        params,
        "io.modelcontextprotocol/protocolVersion",
        Value::String(version.to_owned()),
    );
    jsonrpc::set_meta(params, "io.modelcontextprotocol/clientInfo", client_info());
    jsonrpc::set_meta(
        params,
        "io.modelcontextprotocol/clientCapabilities",
        client_capabilities(),
    );
}

/// The `initialize` request of the session-based revisions.
pub fn initialize_params() -> Value {
    json!({
        "protocolVersion": LEGACY_VERSION,
        "capabilities": client_capabilities(),
        "clientInfo": client_info(),
    })
}

pub(crate) fn unavailable(message: impl Into<String>) -> ConnectorError {
    ConnectorError::new(ErrorKind::Unavailable, message)
}

pub(crate) fn garbage(
    service: &str,
    why: impl Into<Box<dyn std::error::Error + Send + Sync>>,
) -> ConnectorError {
    ConnectorError::new(
        ErrorKind::Upstream,
        format!("{service} answered something that is not MCP"),
    )
    .with_source(why)
}
