//! Streamable HTTP, both revisions, detected per upstream:
//!
//! - 2026-07-28 (stateless): `server/discover` first; every request then
//!   carries `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` (and
//!   `Mcp-Param-*` for annotated tool arguments) and the client context in
//!   `_meta`; sampling and elicitation arrive as `input_required` results
//!   (see `request_with_input`); tool list changes via `subscriptions/listen`.
//! - 2025-11-25 (sessions): when discovery is refused, `initialize` +
//!   `notifications/initialized`, `Mcp-Session-Id` kept and re-initialized
//!   on 404; server-to-client requests arrive on the response stream and
//!   are answered with a POST; tool list changes on the GET stream.
//!
//! Responses may be `application/json` or `text/event-stream`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use async_trait::async_trait;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Map, Value};
use switchboard_core::{ConnectorError, ErrorKind, Health};
use switchboard_upstream::Secret;
use url::Url;

use super::jsonrpc::{self, classify, Incoming, RpcError};
use super::sse;
use crate::lock;

mod errors;
mod listener;
use super::{
    add_modern_meta, garbage, initialize_params, unavailable, Events, Inbound, NoCaller, Outgoing,
    Transport, MODERN_VERSION,
};

const SESSION: &str = "mcp-session-id";
const VERSION: &str = "mcp-protocol-version";
/// How long discovery and the handshake may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The most bytes of a JSON (non-stream) response.
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Which revision the upstream speaks, once known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Conn {
    Unknown,
    Modern {
        version: String,
    },
    Legacy {
        version: String,
        session: Option<String>,
    },
}

impl Conn {
    fn version(&self) -> Option<&str> {
        match self {
            Conn::Unknown => None,
            Conn::Modern { version } | Conn::Legacy { version, .. } => Some(version),
        }
    }
}

/// The Streamable HTTP client of one upstream.
pub struct HttpTransport {
    inner: Arc<Inner>,
}

struct Inner {
    service: String,
    http: reqwest::Client,
    url: Url,
    bearer: Option<Secret>,
    ids: AtomicU64,
    conn: Mutex<Conn>,
    /// One handshake at a time.
    connecting: tokio::sync::Mutex<()>,
    events: Arc<Events>,
    listener: Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// Requests in flight, for messages a session upstream sends on its
    /// GET stream instead of the request's own stream (rmcp does so for log
    /// messages): progress goes to every request (each keeps only its own
    /// token), anything else only when exactly one caller is waiting.
    inflight: Mutex<HashMap<u64, Arc<dyn Inbound>>>,
    /// `bearer` is one caller's own credential (header passthrough). Such
    /// a transport never listens: only the connector's own one does.
    for_caller: bool,
}

impl HttpTransport {
    pub fn new(
        service: &str,
        url: Url,
        bearer: Option<Secret>,
        events: Arc<Events>,
    ) -> Result<Self, ConnectorError> {
        let http = switchboard_upstream::http_client()?;
        let inner = Inner::new(service.to_owned(), http, url, bearer, events, Conn::Unknown);
        Ok(HttpTransport {
            inner: Arc::new(inner),
        })
    }

    /// A transport to the same upstream that sends one caller's own
    /// `credential` and keeps its own session (a session opened with one
    /// caller's credential never carries another's request). Shares the
    /// connection pool; starts as 2026-07-28 without a second discovery
    /// when this transport already knows the upstream speaks it.
    pub fn for_caller(&self, credential: Secret) -> HttpTransport {
        let base = &self.inner;
        let conn = match &*lock(&base.conn) {
            Conn::Modern { version } => Conn::Modern {
                version: version.clone(),
            },
            _ => Conn::Unknown,
        };
        let inner = Inner {
            for_caller: true,
            ..Inner::new(
                base.service.clone(),
                base.http.clone(),
                base.url.clone(),
                Some(credential),
                base.events.clone(),
                conn,
            )
        };
        HttpTransport {
            inner: Arc::new(inner),
        }
    }
}

impl Drop for HttpTransport {
    fn drop(&mut self) {
        if let Some(listener) = lock(&self.inner.listener).take() {
            listener.abort();
        }
        // Tell a session-based upstream we are gone (best effort).
        if let Conn::Legacy {
            version,
            session: Some(session),
        } = lock(&self.inner.conn).clone()
        {
            if let Ok(handle) = tokio::runtime::Handle::try_current() {
                let inner = self.inner.clone();
                handle.spawn(async move {
                    let mut request = inner
                        .http
                        .delete(inner.url.clone())
                        .header(SESSION, session)
                        .header(VERSION, version)
                        .timeout(Duration::from_secs(2));
                    if let Some(token) = &inner.bearer {
                        request = request.bearer_auth(token.expose());
                    }
                    let _ = request.send().await;
                });
            }
        }
    }
}

#[async_trait]
impl Transport for HttpTransport {
    async fn request(
        &self,
        outgoing: Outgoing<'_>,
        inbound: Arc<dyn Inbound>,
    ) -> Result<Value, ConnectorError> {
        let inner = &self.inner;
        let conn = inner.connect().await?;
        match inner.send(&conn, &outgoing, inbound.clone()).await {
            Err(Failure::SessionGone) => {
                // The upstream forgot our session (restart, expiry): a new
                // handshake, then the request once more. The request never
                // ran, so repeating it is safe.
                inner.forget(&conn);
                let conn = inner.connect().await?;
                inner
                    .send(&conn, &outgoing, inbound)
                    .await
                    .map_err(|f| f.into_error(&inner.service))
            }
            other => other.map_err(|f| f.into_error(&inner.service)),
        }
    }

    fn protocol_version(&self) -> Option<String> {
        lock(&self.inner.conn).version().map(str::to_owned)
    }

    fn health(&self) -> Health {
        match &*lock(&self.inner.conn) {
            Conn::Unknown => Health::Down(format!("{} is not connected", self.inner.service)),
            _ => Health::Ok,
        }
    }
}

/// Why a request failed, before it becomes a `ConnectorError`.
enum Failure {
    /// 404 on a session request: the session is gone.
    SessionGone,
    Error(ConnectorError),
}

impl Failure {
    fn into_error(self, service: &str) -> ConnectorError {
        match self {
            Failure::SessionGone => {
                unavailable(format!("{service} lost the session twice in a row"))
            }
            Failure::Error(e) => e,
        }
    }
}

impl From<ConnectorError> for Failure {
    fn from(e: ConnectorError) -> Self {
        Failure::Error(e)
    }
}

/// The outcome of a `server/discover` probe.
enum Probe {
    Modern(String),
    /// Refused the way servers without discovery refuse it.
    Legacy,
}

impl Inner {
    /// The connector's own transport state (not yet connected unless
    /// `conn` says so).
    fn new(
        service: String,
        http: reqwest::Client,
        url: Url,
        bearer: Option<Secret>,
        events: Arc<Events>,
        conn: Conn,
    ) -> Self {
        Inner {
            service,
            http,
            url,
            bearer,
            ids: AtomicU64::new(1),
            conn: Mutex::new(conn),
            connecting: tokio::sync::Mutex::new(()),
            events,
            listener: Mutex::new(None),
            inflight: Mutex::new(HashMap::new()),
            for_caller: false,
        }
    }

    /// The connection, establishing it (discovery, else handshake) first.
    async fn connect(self: &Arc<Self>) -> Result<Conn, ConnectorError> {
        let current = lock(&self.conn).clone();
        if current != Conn::Unknown {
            return Ok(current);
        }
        let _one = self.connecting.lock().await;
        let current = lock(&self.conn).clone();
        if current != Conn::Unknown {
            return Ok(current);
        }
        let conn = match self.discover().await? {
            Probe::Modern(version) => Conn::Modern { version },
            Probe::Legacy => self.initialize().await?,
        };
        tracing::info!(upstream = %self.service, version = conn.version().unwrap_or_default(), "connected to MCP upstream");
        *lock(&self.conn) = conn.clone();
        if !self.for_caller {
            self.start_listener(&conn);
        }
        Ok(conn)
    }

    /// Drops a connection that failed, unless another task already
    /// replaced it.
    fn forget(&self, failed: &Conn) {
        let mut conn = lock(&self.conn);
        if *conn == *failed {
            *conn = Conn::Unknown;
        }
    }

    async fn discover(self: &Arc<Self>) -> Result<Probe, ConnectorError> {
        let mut params = json!({});
        add_modern_meta(&mut params, MODERN_VERSION);
        let probe = Conn::Modern {
            version: MODERN_VERSION.to_owned(),
        };
        let outgoing = Outgoing {
            method: "server/discover",
            params,
            tool_schema: None,
            timeout: CONNECT_TIMEOUT,
        };
        match self.send_raw(&probe, &outgoing, Arc::new(NoCaller)).await {
            Ok((result, _)) => {
                let supported = result
                    .get("supportedVersions")
                    .and_then(Value::as_array)
                    .is_some_and(|v| v.iter().any(|v| v.as_str() == Some(MODERN_VERSION)));
                Ok(if supported {
                    Probe::Modern(MODERN_VERSION.to_owned())
                } else {
                    Probe::Legacy
                })
            }
            Err(Failure::SessionGone) => Ok(Probe::Legacy),
            Err(Failure::Error(e)) => {
                // Modern-era rejections mean "modern, but we got something
                // wrong"; other JSON-RPC errors and 4xx mean "no discovery".
                let rpc = e
                    .source
                    .as_ref()
                    .and_then(|s| s.downcast_ref::<RpcError>())
                    .map(|r| r.code);
                match (rpc, e.upstream_status) {
                    (Some(-32021 | -32020), _) => Err(e),
                    (Some(_), _) => Ok(Probe::Legacy),
                    (None, Some(401 | 403)) => Err(e),
                    (None, Some(status)) if (400..500).contains(&status) => Ok(Probe::Legacy),
                    _ if e.kind == ErrorKind::Upstream => Ok(Probe::Legacy),
                    _ => Err(e),
                }
            }
        }
    }

    async fn initialize(self: &Arc<Self>) -> Result<Conn, ConnectorError> {
        let fresh = Conn::Legacy {
            version: super::LEGACY_VERSION.to_owned(),
            session: None,
        };
        let outgoing = Outgoing {
            method: "initialize",
            params: initialize_params(),
            tool_schema: None,
            timeout: CONNECT_TIMEOUT,
        };
        let (result, headers) = self
            .send_raw(&fresh, &outgoing, Arc::new(NoCaller))
            .await
            .map_err(|f| f.into_error(&self.service))?;
        let version = result
            .get("protocolVersion")
            .and_then(Value::as_str)
            .unwrap_or(super::LEGACY_VERSION)
            .to_owned();
        let session = headers
            .get(SESSION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let conn = Conn::Legacy { version, session };
        self.post_message(
            &conn,
            jsonrpc::notification("notifications/initialized", Value::Null),
        )
        .await?;
        Ok(conn)
    }

    /// A request on an established connection.
    async fn send(
        self: &Arc<Self>,
        conn: &Conn,
        outgoing: &Outgoing<'_>,
        inbound: Arc<dyn Inbound>,
    ) -> Result<Value, Failure> {
        let mut outgoing_params = outgoing.params.clone();
        if let Conn::Modern { version } = conn {
            add_modern_meta(&mut outgoing_params, version);
        }
        let prepared = Outgoing {
            method: outgoing.method,
            params: outgoing_params,
            tool_schema: outgoing.tool_schema.clone(),
            timeout: outgoing.timeout,
        };
        self.send_raw(conn, &prepared, inbound)
            .await
            .map(|(v, _)| v)
    }

    /// POSTs one request and reads its response, JSON or event stream.
    /// Cancels the request upstream if dropped before the response.
    async fn send_raw(
        self: &Arc<Self>,
        conn: &Conn,
        outgoing: &Outgoing<'_>,
        inbound: Arc<dyn Inbound>,
    ) -> Result<(Value, HeaderMap), Failure> {
        let id = self.ids.fetch_add(1, Ordering::Relaxed);
        let body = jsonrpc::request(id, outgoing.method, &outgoing.params);
        let mut request = self
            .post(conn)
            .timeout(outgoing.timeout)
            .headers(standard_headers(
                conn,
                &body,
                outgoing.tool_schema.as_deref(),
            ))
            .json(&body);
        if outgoing.method != "initialize" {
            request = request.header(VERSION, conn.version().unwrap_or(MODERN_VERSION));
        }
        lock(&self.inflight).insert(id, inbound.clone());
        let mut guard = CancelGuard {
            inner: Arc::downgrade(self),
            conn: conn.clone(),
            id,
            armed: outgoing.method != "initialize" && outgoing.method != "server/discover",
        };
        let response = request.send().await.map_err(|e| self.transport_error(e))?;
        let status = response.status();
        let headers = response.headers().clone();
        if status == StatusCode::NOT_FOUND
            && matches!(
                conn,
                Conn::Legacy {
                    session: Some(_),
                    ..
                }
            )
        {
            guard.armed = false;
            return Err(Failure::SessionGone);
        }
        if !status.is_success() {
            guard.armed = false;
            let body = response.bytes().await.unwrap_or_default();
            return Err(self.status_error(status, &headers, &body).into());
        }
        let result = self
            .read_response(conn, response, id, inbound.as_ref())
            .await;
        // Out of time or cut off: the upstream may still be working on it,
        // so it is told to stop (the guard fires on return).
        guard.armed = matches!(
            &result,
            Err(e) if matches!(e.kind, ErrorKind::Timeout | ErrorKind::Unavailable)
        );
        result.map(|v| (v, headers)).map_err(Failure::Error)
    }

    fn post(&self, conn: &Conn) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .post(self.url.clone())
            .header(ACCEPT, "application/json, text/event-stream")
            .header(CONTENT_TYPE, "application/json");
        if let Conn::Legacy {
            session: Some(session),
            ..
        } = conn
        {
            request = request.header(SESSION, session);
        }
        if let Some(token) = &self.bearer {
            request = request.bearer_auth(token.expose());
        }
        request
    }

    /// POSTs a notification or a response (202 expected).
    async fn post_message(&self, conn: &Conn, message: Value) -> Result<(), ConnectorError> {
        let mut request = self.post(conn).timeout(CONNECT_TIMEOUT).json(&message);
        if let Some(version) = conn.version() {
            request = request.header(VERSION, version);
        }
        if let Conn::Modern { .. } = conn {
            if let Some(method) = message.get("method").and_then(Value::as_str) {
                request = request.header("mcp-method", method);
            }
        }
        let response = request
            .send()
            .await
            .map_err(|e| self.transport_error(e).into_error(&self.service))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            let headers = response.headers().clone();
            let body = response.bytes().await.unwrap_or_default();
            Err(self.status_error(status, &headers, &body))
        }
    }

    /// Reads the response to request `id`: a JSON body, or an event stream
    /// whose notifications and requests are handled as they come.
    async fn read_response(
        self: &Arc<Self>,
        conn: &Conn,
        mut response: reqwest::Response,
        id: u64,
        inbound: &dyn Inbound,
    ) -> Result<Value, ConnectorError> {
        let service = &self.service;
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if content_type.starts_with("text/event-stream") {
            let mut parser = sse::Parser::new();
            loop {
                let chunk = response
                    .chunk()
                    .await
                    .map_err(|e| self.body_error(e, "the stream from"))?;
                let (events, end) = match chunk {
                    Some(bytes) => (parser.feed(&bytes).map_err(|e| garbage(service, e))?, false),
                    None => (parser.finish().into_iter().collect(), true),
                };
                // Priming events (SEP-1699) carry an id and empty data.
                for event in events.iter().filter(|e| !e.data.trim().is_empty()) {
                    if let Some(result) = self.on_message(conn, &event.data, id, inbound).await? {
                        return result.map_err(|e| e.into_connector_error(service));
                    }
                }
                if end {
                    break;
                }
            }
            Err(unavailable(format!(
                "{service} closed the stream before answering"
            )))
        } else {
            let mut body = Vec::new();
            while let Some(chunk) = response
                .chunk()
                .await
                .map_err(|e| self.body_error(e, "the response from"))?
            {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY {
                    return Err(garbage(service, "response body too large"));
                }
            }
            let value: Value = serde_json::from_slice(&body).map_err(|e| garbage(service, e))?;
            let messages = match value {
                Value::Array(items) => items,
                single => vec![single],
            };
            for message in messages {
                let text = message.to_string();
                if let Some(result) = self.on_message(conn, &text, id, inbound).await? {
                    return result.map_err(|e| e.into_connector_error(service));
                }
            }
            Err(garbage(
                service,
                "the body holds no response to the request",
            ))
        }
    }

    /// Handles one message from a response stream; `Some` once it is the
    /// response to `id`.
    async fn on_message(
        self: &Arc<Self>,
        conn: &Conn,
        data: &str,
        id: u64,
        inbound: &dyn Inbound,
    ) -> Result<Option<Result<Value, RpcError>>, ConnectorError> {
        let service = &self.service;
        let value: Value = serde_json::from_str(data).map_err(|e| garbage(service, e))?;
        let Some(message) = classify(value) else {
            return Err(garbage(service, "a message that is not JSON-RPC"));
        };
        match message {
            Incoming::Response { id: got, result } => {
                if jsonrpc::id_matches(&got, id) || (got.is_null() && result.is_err()) {
                    return Ok(Some(result));
                }
                tracing::debug!(upstream = %service, "response to another request ignored");
            }
            Incoming::Notification { method, params } => {
                if !self.events.connection_wide(&method, &params) {
                    inbound.notification(&method, params).await;
                }
            }
            Incoming::Request {
                id: request_id,
                method,
                params,
            } => {
                let answer = if method == "ping" {
                    Ok(json!({}))
                } else {
                    inbound.request(&method, params).await
                };
                // Stateless upstreams never ask; a session's answer goes
                // back as a POST on the session.
                if let Err(e) = self
                    .post_message(conn, jsonrpc::response(request_id, answer))
                    .await
                {
                    tracing::warn!(upstream = %service, error = %e, "could not answer the upstream's request");
                }
            }
        }
        Ok(None)
    }

    /// A notification outside any request's stream.
    async fn unscoped_notification(&self, method: &str, params: Value) {
        if self.events.connection_wide(method, &params) {
            return;
        }
        if method == "notifications/progress" {
            let all: Vec<Arc<dyn Inbound>> = lock(&self.inflight).values().cloned().collect();
            for inbound in all {
                inbound.notification(method, params.clone()).await;
            }
            return;
        }
        match self.sole_caller() {
            Some(inbound) => inbound.notification(method, params).await,
            None => {
                tracing::info!(upstream = %self.service, method, params = %jsonrpc::truncate(&params.to_string(), 500), "upstream notification outside a single call")
            }
        }
    }

    /// The one caller-bound request in flight, if there is exactly one.
    fn sole_caller(&self) -> Option<Arc<dyn Inbound>> {
        let inflight = lock(&self.inflight);
        let mut callers = inflight.values().filter(|i| i.has_caller());
        match (callers.next(), callers.next()) {
            (Some(one), None) => Some(one.clone()),
            _ => None,
        }
    }
}

/// Sends `notifications/cancelled` for a request whose future was dropped
/// (the gateway's cancellation or deadline), so the upstream stops work.
struct CancelGuard {
    inner: Weak<Inner>,
    conn: Conn,
    id: u64,
    armed: bool,
}

impl Drop for CancelGuard {
    fn drop(&mut self) {
        let Some(inner) = self.inner.upgrade() else {
            return;
        };
        lock(&inner.inflight).remove(&self.id);
        if !self.armed {
            return;
        }
        let Ok(handle) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let conn = self.conn.clone();
        let id = self.id;
        handle.spawn(async move {
            let message = jsonrpc::notification(
                "notifications/cancelled",
                json!({"requestId": id, "reason": "the caller cancelled the call"}),
            );
            if let Err(e) = inner.post_message(&conn, message).await {
                tracing::debug!(upstream = %inner.service, error = %e, "could not send notifications/cancelled");
            }
        });
    }
}

/// The SEP-2243 routing headers of the 2026-07-28 revision.
fn standard_headers(
    conn: &Conn,
    body: &Value,
    tool_schema: Option<&Map<String, Value>>,
) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if !matches!(conn, Conn::Modern { .. }) {
        return headers;
    }
    let Some(method) = body.get("method").and_then(Value::as_str) else {
        return headers;
    };
    let params = body.get("params");
    let mut push = |name: &str, value: &str| {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            headers.insert(name, value);
        }
    };
    push("mcp-method", method);
    let name_key = match method {
        "tools/call" | "prompts/get" => Some("name"),
        "resources/read" | "resources/subscribe" | "resources/unsubscribe" => Some("uri"),
        "tasks/get" | "tasks/update" | "tasks/cancel" => Some("taskId"),
        _ => None,
    };
    if let Some(name) = name_key
        .and_then(|k| params.and_then(|p| p.get(k)))
        .and_then(Value::as_str)
    {
        push("mcp-name", &header_value(name));
    }
    if method == "tools/call" {
        if let (Some(schema), Some(arguments)) =
            (tool_schema, params.and_then(|p| p.get("arguments")))
        {
            let mut annotations = Vec::new();
            collect_param_headers(schema.get("properties"), &mut Vec::new(), &mut annotations);
            for (path, header) in annotations {
                let value = path.iter().try_fold(arguments, |v, k| v.get(k.as_str()));
                let text = match value {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Bool(b)) => Some(b.to_string()),
                    Some(Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                };
                if let Some(text) = text {
                    push(&format!("mcp-param-{header}"), &header_value(&text));
                }
            }
        }
    }
    headers
}

/// Properties annotated with `x-mcp-header`, reached through `properties`.
fn collect_param_headers(
    properties: Option<&Value>,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
) {
    let Some(Value::Object(properties)) = properties else {
        return;
    };
    for (name, schema) in properties {
        path.push(name.clone());
        if let Some(Value::String(header)) = schema.get("x-mcp-header") {
            if !header.is_empty() {
                out.push((path.clone(), header.clone()));
            }
        }
        collect_param_headers(schema.get("properties"), path, out);
        path.pop();
    }
}

/// Header values that would not survive as-is are sent as
/// `=?base64?…?=` (SEP-2243).
fn header_value(value: &str) -> String {
    let needs = value.starts_with([' ', '\t'])
        || value.ends_with([' ', '\t'])
        || value
            .chars()
            .any(|c| (c as u32) < 0x20 || (c as u32) > 0x7e)
        || (value.starts_with("=?base64?") && value.ends_with("?="));
    if needs {
        format!("=?base64?{}?=", base64(value.as_bytes()))
    } else {
        value.to_owned()
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_header_values() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(header_value("plain"), "plain");
        assert_eq!(header_value(" x"), format!("=?base64?{}?=", base64(b" x")));
        assert!(header_value("é").starts_with("=?base64?"));
    }

    #[test]
    fn routing_headers_only_for_the_modern_revision() {
        let body = json!({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"t","arguments":{"region":"eu","n":{"deep":true}}}});
        let schema: Map<String, Value> =
            serde_json::from_value(json!({"type":"object","properties":{
            "region":{"type":"string","x-mcp-header":"Region"},
            "n":{"type":"object","properties":{"deep":{"type":"boolean","x-mcp-header":"Deep"}}}}}))
            .unwrap();
        let modern = Conn::Modern {
            version: MODERN_VERSION.into(),
        };
        let h = standard_headers(&modern, &body, Some(&schema));
        assert_eq!(h["mcp-method"], "tools/call");
        assert_eq!(h["mcp-name"], "t");
        assert_eq!(h["mcp-param-region"], "eu");
        assert_eq!(h["mcp-param-deep"], "true");
        let legacy = Conn::Legacy {
            version: "2025-11-25".into(),
            session: None,
        };
        assert!(standard_headers(&legacy, &body, Some(&schema)).is_empty());
    }
}
