//! `McpConnector`: a federated MCP server as a `Connector`. Its tool list is
//! a snapshot swapped atomically when the upstream's list changes; calls
//! and forwarded methods go through a breaker and the call's deadline.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use arc_swap::ArcSwap;
use async_trait::async_trait;
use serde_json::{json, Map, Value};
use switchboard_core::{
    CallContext, Connector, ConnectorError, ErrorKind, Health, SurfacesChanged, ToolOutput,
    ToolSpec, ToolsChanged,
};
use switchboard_upstream::config::resolve_token;
use switchboard_upstream::{Breaker, BreakerSettings, BreakerState};
use tokio::sync::watch;

use crate::callers::CallerLinks;
use crate::client::http::HttpTransport;
use crate::client::stdio::{StdioSpec, StdioTransport};
use crate::client::{self, jsonrpc, Events, NoCaller, Outgoing, Transport};
use crate::config::{McpConfig, TransportKind};
use crate::discovery::{self, Discovered};
use crate::lock;
use crate::output::{check_arguments, input_round, to_output};
use crate::relay::CallerInbound;
use crate::rules::Rules;

/// MCP methods besides tools that pass through to the upstream.
pub const FORWARDED_METHODS: &[&str] = &[
    "resources/list",
    "resources/read",
    "resources/templates/list",
    "resources/subscribe",
    "resources/unsubscribe",
    "prompts/list",
    "prompts/get",
    "completion/complete",
    "logging/setLevel",
];

/// The most `tools/list` pages read in one refresh.
const MAX_PAGES: usize = 100;
/// How long `build` waits for the first tool list before returning anyway.
const STARTUP_WAIT: Duration = Duration::from_secs(5);

/// A federated MCP server.
pub struct McpConnector {
    inner: Arc<Inner>,
    stop: watch::Sender<bool>,
}

struct Inner {
    id: String,
    prefix: String,
    service: String,
    transport: Link,
    /// Header passthrough, when configured: callers' requests go out on
    /// their own transports with their own credentials.
    callers: Option<CallerLinks>,
    rules: Rules,
    pins: BTreeMap<String, String>,
    discovered: ArcSwap<Discovered>,
    watchers: Mutex<Vec<ToolsChanged>>,
    breaker: Breaker,
    call_timeout: Duration,
    refresh_interval: Duration,
    /// The last refresh's error, while it is failing.
    refresh_error: Mutex<Option<String>>,
    /// Counts finished refresh attempts (tests and `build` wait on it).
    refreshed: watch::Sender<u64>,
    refreshing: tokio::sync::Mutex<()>,
    tokens: AtomicU64,
    events: Arc<Events>,
    /// One subscription change at a time (the first and the last of a URI
    /// go upstream); the counts are in `events`.
    subscribing: tokio::sync::Mutex<()>,
}

/// The transport, with the stdio one reachable for its process details.
enum Link {
    Http(HttpTransport),
    Stdio(StdioTransport),
}

impl Link {
    fn get(&self) -> &dyn Transport {
        match self {
            Link::Http(t) => t,
            Link::Stdio(t) => t,
        }
    }
}

impl McpConnector {
    /// Validates the config, reads its secrets and starts connecting. An
    /// upstream that is down does not fail this: the connector starts with
    /// no tools and keeps trying in the background. Waits a few seconds at
    /// most for the first tool list. Needs a Tokio runtime.
    pub async fn build(config: &McpConfig) -> Result<Arc<McpConnector>, ConnectorError> {
        config.validate().map_err(ConnectorError::internal)?;
        let at = format!("mcp.{}", config.id);
        let service = format!("MCP server `{}`", config.id);
        let events = Arc::new(Events::default());
        let transport = match config.transport {
            TransportKind::Http => {
                let bearer = match &config.auth.bearer {
                    Some(reference) => Some(resolve_token(&at, "auth.bearer", reference)?),
                    None => None,
                };
                let url = config
                    .url
                    .clone()
                    .ok_or_else(|| ConnectorError::internal(format!("{at}.url is required")))?;
                Link::Http(HttpTransport::new(&service, url, bearer, events.clone())?)
            }
            TransportKind::Stdio => {
                let mut env = config.env.clone();
                for (name, reference) in &config.secret_env {
                    let secret = resolve_token(&at, &format!("secret_env.{name}"), reference)?;
                    env.insert(name.clone(), secret.expose().to_owned());
                }
                let (restart_min, restart_max) = config.restart_backoff();
                let spec = StdioSpec {
                    command: config.command.clone().unwrap_or_default(),
                    args: config.args.clone(),
                    env,
                    restart_min,
                    restart_max,
                };
                Link::Stdio(StdioTransport::start(&service, spec, events.clone()))
            }
        };
        let callers = match (&transport, &config.auth.forward_header) {
            (Link::Http(_), Some(header)) => Some(CallerLinks::new(header, &service)),
            _ => None,
        };
        let inner = Arc::new(Inner {
            id: config.id.clone(),
            prefix: config.prefix(),
            service,
            transport,
            callers,
            rules: Rules::new(
                &config.permission_default,
                &config.permissions,
                &config.read_only,
            ),
            pins: config.pins.clone(),
            discovered: ArcSwap::from_pointee(Discovered::default()),
            watchers: Mutex::new(Vec::new()),
            breaker: Breaker::new(BreakerSettings::default()),
            call_timeout: config.call_timeout(),
            refresh_interval: config.refresh_interval(),
            refresh_error: Mutex::new(None),
            refreshed: watch::channel(0).0,
            refreshing: tokio::sync::Mutex::new(()),
            tokens: AtomicU64::new(1),
            events: events.clone(),
            subscribing: tokio::sync::Mutex::new(()),
        });
        let (stop, stop_rx) = watch::channel(false);
        let mut first = inner.refreshed.subscribe();
        tokio::spawn(refresh_loop(Arc::downgrade(&inner), events, stop_rx));
        let _ = tokio::time::timeout(STARTUP_WAIT.min(inner.call_timeout), first.changed()).await;
        Ok(Arc::new(McpConnector { inner, stop }))
    }

    /// Re-reads the upstream's tool list now; `true` when it changed.
    pub async fn refresh(&self) -> Result<bool, ConnectorError> {
        self.inner.refresh().await
    }

    /// Waits until `n` refresh attempts have finished in total (tests).
    pub async fn wait_for_refreshes(&self, n: u64) {
        let mut rx = self.inner.refreshed.subscribe();
        let _ = rx.wait_for(|count| *count >= n).await;
    }

    /// Finished refresh attempts so far.
    pub fn refreshes(&self) -> u64 {
        *self.inner.refreshed.borrow()
    }

    /// Upstream tools hidden because their pin no longer matches.
    pub fn changed_tools(&self) -> Vec<String> {
        self.inner.discovered.load().changed.clone()
    }

    /// The negotiated protocol revision, once connected.
    pub fn protocol_version(&self) -> Option<String> {
        self.inner.transport.get().protocol_version()
    }

    /// stdio: the running child's process id.
    pub fn child_pid(&self) -> Option<u32> {
        match &self.inner.transport {
            Link::Stdio(t) => t.pid(),
            Link::Http(_) => None,
        }
    }

    /// Resource URIs subscribed upstream right now.
    pub fn subscribed(&self) -> Vec<String> {
        self.inner
            .events
            .subscriptions()
            .borrow()
            .keys()
            .cloned()
            .collect()
    }

    /// Header passthrough: per-caller transports kept right now.
    pub fn caller_links(&self) -> usize {
        self.inner.callers.as_ref().map_or(0, CallerLinks::count)
    }

    /// stdio: how many times the child was restarted.
    pub fn restarts(&self) -> u64 {
        match &self.inner.transport {
            Link::Stdio(t) => t.restarts(),
            Link::Http(_) => 0,
        }
    }
}

impl Drop for McpConnector {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Re-lists on the interval, on `list_changed` and on a (re)started
/// upstream; retries failures with backoff. Holds the connector only
/// weakly, so dropping the connector ends it.
async fn refresh_loop(inner: Weak<Inner>, events: Arc<Events>, mut stop: watch::Receiver<bool>) {
    let mut failures: u32 = 0;
    loop {
        let Some(strong) = inner.upgrade() else {
            return;
        };
        let interval = strong.refresh_interval;
        let outcome = tokio::select! {
            r = strong.refresh() => r,
            _ = stop.changed() => return,
        };
        strong.refreshed.send_modify(|n| *n += 1);
        drop(strong);
        let wait = match outcome {
            Ok(_) => {
                failures = 0;
                interval
            }
            Err(_) => {
                failures = failures.saturating_add(1);
                Duration::from_millis(250)
                    .saturating_mul(1 << failures.min(7))
                    .min(interval.min(Duration::from_secs(30)))
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = events.tools_changed.notified() => {}
            _ = stop.changed() => return,
        }
    }
}

impl Inner {
    async fn refresh(&self) -> Result<bool, ConnectorError> {
        let _one = self.refreshing.lock().await;
        let result = self.list_tools().await;
        self.record(&result);
        let tools = match result {
            Ok(tools) => tools,
            Err(e) => {
                tracing::warn!(connector = %self.id, error = %e.message, "tools/list failed; keeping the last good list");
                *lock(&self.refresh_error) = Some(e.message.clone());
                return Err(e);
            }
        };
        *lock(&self.refresh_error) = None;
        let fresh = discovery::discover(&self.id, &self.prefix, &self.rules, &self.pins, &tools);
        if fresh.signature == self.discovered.load().signature {
            return Ok(false);
        }
        tracing::info!(connector = %self.id, tools = fresh.specs.len(), hidden = fresh.changed.len(), "upstream tool list changed");
        self.discovered.store(Arc::new(fresh));
        let watchers: Vec<ToolsChanged> = lock(&self.watchers).clone();
        for watcher in watchers {
            watcher();
        }
        Ok(true)
    }

    /// Every page of `tools/list`.
    async fn list_tools(&self) -> Result<Vec<Value>, ConnectorError> {
        let mut tools = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let params = match &cursor {
                Some(c) => json!({"cursor": c}),
                None => json!({}),
            };
            let request = client::request_with_input(
                self.transport.get(),
                &self.service,
                Outgoing {
                    method: "tools/list",
                    params,
                    tool_schema: None,
                    timeout: self.call_timeout,
                },
                Arc::new(NoCaller),
                false,
            );
            let page = tokio::time::timeout(self.call_timeout, request)
                .await
                .map_err(|_| self.timeout())??;
            let Some(items) = page.get("tools").and_then(Value::as_array) else {
                return Err(client::garbage(
                    &self.service,
                    "tools/list without a tools array",
                ));
            };
            tools.extend(items.iter().cloned());
            cursor = page
                .get("nextCursor")
                .and_then(Value::as_str)
                .filter(|c| !c.is_empty())
                .map(str::to_owned);
            if cursor.is_none() {
                return Ok(tools);
            }
        }
        Err(client::garbage(&self.service, "tools/list pages never end"))
    }

    /// `resources/subscribe` / `unsubscribe`, counted per URI: the upstream
    /// is asked on the first subscription and told on the last. A
    /// session upstream (and stdio) gets the methods themselves, on the
    /// connector's own connection, where its updates arrive; a 2026-07-28
    /// upstream has no such methods: the URI must read (`resources/read`),
    /// then its listener asks for it. Updates for other URIs are dropped.
    async fn subscription(&self, method: &str, params: Value) -> Result<Value, ConnectorError> {
        let Some(uri) = params.get("uri").and_then(Value::as_str).map(str::to_owned) else {
            return Err(ConnectorError::invalid_args(format!(
                "{method} needs a `uri`"
            )));
        };
        let _one = self.subscribing.lock().await;
        let held = self.events.holders(&uri);
        if method == "resources/subscribe" {
            if held == 0 {
                self.subscribe_upstream(&uri).await?;
            }
            self.events.hold(&uri);
        } else if held > 0 {
            // (Unsubscribing from what nobody holds changes nothing.)
            self.events.release(&uri);
            if held == 1 {
                if let Err(e) = self.unsubscribe_upstream(&uri).await {
                    tracing::warn!(connector = %self.id, error = %e.message, "resources/unsubscribe failed upstream");
                }
            }
        }
        Ok(json!({}))
    }

    fn modern(&self) -> bool {
        self.transport.get().protocol_version().as_deref() == Some(client::MODERN_VERSION)
    }

    async fn subscribe_upstream(&self, uri: &str) -> Result<(), ConnectorError> {
        let method = if self.modern() {
            // Only proves the URI is the upstream's (routing across
            // connectors relies on a not-found here).
            "resources/read"
        } else {
            "resources/subscribe"
        };
        self.housekeeping(method, json!({"uri": uri}))
            .await
            .map(|_| ())
    }

    async fn unsubscribe_upstream(&self, uri: &str) -> Result<(), ConnectorError> {
        if self.modern() {
            return Ok(()); // the listener drops it
        }
        self.housekeeping("resources/unsubscribe", json!({"uri": uri}))
            .await
            .map(|_| ())
    }

    /// A request of the connector's own, on its own connection and
    /// credential, within the call timeout.
    async fn housekeeping(&self, method: &str, params: Value) -> Result<Value, ConnectorError> {
        self.admit()?;
        let request = client::request_with_input(
            self.transport.get(),
            &self.service,
            Outgoing {
                method,
                params,
                tool_schema: None,
                timeout: self.call_timeout,
            },
            Arc::new(NoCaller),
            false,
        );
        let result = match tokio::time::timeout(self.call_timeout, request).await {
            Ok(result) => result,
            Err(_) => Err(self.timeout()),
        };
        self.record(&result);
        result
    }

    /// With header passthrough, a caller's request goes on that caller's
    /// own transport (refused when they sent no credential); the
    /// gateway's housekeeping (`credentials: None`) and every request of a
    /// connector without passthrough use the shared one.
    fn caller_link(&self, ctx: &CallContext) -> Result<Option<Arc<HttpTransport>>, ConnectorError> {
        let (Some(callers), Link::Http(shared), Some(credentials)) =
            (&self.callers, &self.transport, &ctx.credentials)
        else {
            return Ok(None);
        };
        callers.link(shared, &ctx.principal, credentials).map(Some)
    }

    fn timeout(&self) -> ConnectorError {
        ConnectorError::new(
            ErrorKind::Timeout,
            format!("{} did not answer in time", self.service),
        )
    }

    /// Feeds the breaker: only signs of an unhealthy upstream count.
    fn record<T>(&self, result: &Result<T, ConnectorError>) {
        match result {
            Ok(_) => self.breaker.success(),
            Err(e) if matches!(e.kind, ErrorKind::Unavailable | ErrorKind::Timeout) => {
                self.breaker.failure()
            }
            Err(_) => self.breaker.neutral(),
        }
    }

    fn admit(&self) -> Result<(), ConnectorError> {
        self.breaker.admit().map_err(|wait| {
            ConnectorError::new(
                ErrorKind::Unavailable,
                format!(
                    "{} is failing; the gateway has paused calls to it",
                    self.service
                ),
            )
            .with_retry_after(wait)
        })
    }

    /// A request on behalf of the caller in `ctx`, within its deadline.
    async fn caller_request(
        &self,
        ctx: &CallContext,
        method: &str,
        mut params: Value,
        tool_schema: Option<Arc<Map<String, Value>>>,
    ) -> Result<Value, ConnectorError> {
        let own_link = self.caller_link(ctx)?;
        let transport: &dyn Transport = match &own_link {
            Some(link) => link.as_ref(),
            None => self.transport.get(),
        };
        self.admit()?;
        let timeout = self.call_timeout.min(ctx.remaining());
        if timeout.is_zero() {
            return Err(ConnectorError::new(
                ErrorKind::Timeout,
                format!(
                    "the call's deadline passed before {} was asked",
                    self.service
                ),
            ));
        }
        // Our own token upstream, only when the caller asked for progress:
        // upstream tokens never reach the caller, the caller's never leave.
        let upstream_token = ctx
            .relay
            .as_ref()
            .and_then(|r| r.progress_token())
            .map(|_| {
                let n = self.tokens.fetch_add(1, Ordering::Relaxed);
                Value::String(format!("switchboard-{}-{n}", self.id))
            });
        strip_caller_meta(&mut params);
        if let Some(token) = &upstream_token {
            jsonrpc::set_meta(&mut params, "progressToken", token.clone());
        }
        // A 2026-07-28 caller answers a tool's input rounds itself: the
        // round goes back to it, and its retry carries the answers and the
        // upstream's state (verified by the gateway) into the first request.
        let pass_through =
            method == "tools/call" && ctx.relay.as_ref().is_some_and(|r| r.takes_input_required());
        if let (Some(resume), "tools/call", Value::Object(p)) = (&ctx.resume, method, &mut params) {
            p.insert(
                "inputResponses".into(),
                Value::Object(resume.responses.clone()),
            );
            if let Some(state) = &resume.upstream_state {
                p.insert("requestState".into(), Value::String(state.clone()));
            }
        }
        let inbound = Arc::new(CallerInbound {
            relay: ctx.relay.clone(),
            upstream_token,
        });
        ctx.stats.record_upstream_request();
        let request = client::request_with_input(
            transport,
            &self.service,
            Outgoing {
                method,
                params,
                tool_schema,
                timeout,
            },
            inbound,
            pass_through,
        );
        // Dropping the request on timeout cancels it upstream.
        let result = match tokio::time::timeout(timeout, request).await {
            Ok(result) => result,
            Err(_) => Err(self.timeout()),
        };
        self.record(&result);
        if let Ok(value) = &result {
            ctx.stats
                .record_upstream_response(value.to_string().as_bytes());
        }
        result
    }
}

/// The caller's own `_meta.progressToken` and per-request client context
/// (`io.modelcontextprotocol/*`) must not leak upstream: the upstream's
/// client is the gateway, which sets its own.
fn strip_caller_meta(params: &mut Value) {
    if let Some(meta) = params.get_mut("_meta").and_then(Value::as_object_mut) {
        meta.retain(|key, _| {
            key != "progressToken" && !key.starts_with("io.modelcontextprotocol/")
        });
    }
}

#[async_trait]
impl Connector for McpConnector {
    fn id(&self) -> &str {
        &self.inner.id
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        self.inner.discovered.load().specs.clone()
    }

    fn tool_prefixes(&self) -> Vec<String> {
        if !self.inner.prefix.is_empty() {
            return vec![self.inner.prefix.clone()];
        }
        // Unprefixed: each tool's own first segment.
        let mut prefixes: Vec<String> = self
            .tools()
            .iter()
            .filter_map(|t| t.name.split_once('_').map(|(p, _)| format!("{p}_")))
            .collect();
        prefixes.sort();
        prefixes.dedup();
        prefixes
    }

    async fn call(
        &self,
        ctx: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let snapshot = self.inner.discovered.load_full();
        let Some(entry) = snapshot.entries.get(tool) else {
            return Err(ConnectorError::unknown_tool(tool));
        };
        check_arguments(entry, &args)?;
        let arguments = if args.is_null() { json!({}) } else { args };
        let params = json!({"name": entry.upstream, "arguments": arguments});
        let result = self
            .inner
            .caller_request(ctx, "tools/call", params, Some(entry.input_schema.clone()))
            .await?;
        if client::is_input_required(&result) {
            return input_round(&self.inner.service, result);
        }
        to_output(&self.inner.service, result)
    }

    fn check_args(&self, tool: &str, args: &Value) -> Result<(), ConnectorError> {
        let snapshot = self.inner.discovered.load();
        let Some(entry) = snapshot.entries.get(tool) else {
            return Err(ConnectorError::unknown_tool(tool));
        };
        check_arguments(entry, args)
    }

    async fn health(&self) -> Health {
        let inner = &self.inner;
        if inner.breaker.state() == BreakerState::Open {
            return Health::Down(format!("{} is failing; calls are paused", inner.service));
        }
        if let Health::Down(why) = inner.transport.get().health() {
            return Health::Down(why);
        }
        match lock(&inner.refresh_error).clone() {
            Some(e) => Health::Degraded(format!(
                "tools/list failed ({e}); serving the last good list"
            )),
            None => Health::Ok,
        }
    }

    fn watch_tools(&self, changed: ToolsChanged) {
        lock(&self.inner.watchers).push(changed);
    }

    fn watch_surfaces(&self, changed: SurfacesChanged) {
        self.inner.events.watch_surfaces(changed);
    }

    fn caller_headers(&self) -> Vec<String> {
        self.inner
            .callers
            .iter()
            .map(|c| c.header().to_owned())
            .collect()
    }

    async fn forward(
        &self,
        ctx: &CallContext,
        method: &str,
        params: Value,
    ) -> Option<Result<Value, ConnectorError>> {
        if !FORWARDED_METHODS.contains(&method) {
            return None;
        }
        if method == "resources/subscribe" || method == "resources/unsubscribe" {
            return Some(self.inner.subscription(method, params).await);
        }
        Some(self.inner.caller_request(ctx, method, params, None).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_callers_meta_stays_with_the_caller() {
        let mut params = json!({"uri": "x", "_meta": {"progressToken": 1, "io.modelcontextprotocol/clientInfo": {}, "trace": "t"}});
        strip_caller_meta(&mut params);
        assert_eq!(params, json!({"uri": "x", "_meta": {"trace": "t"}}));
    }
}
