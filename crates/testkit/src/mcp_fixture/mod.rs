//! A real MCP server (rmcp's server, the same SDK the gateway serves
//! with) implementing the conformance suite's server fixtures, for the
//! federation tests and `cargo xtask conformance`.
//!
//! - [`spawn_mcp_fixture`]: Streamable HTTP on a loopback port, both
//!   revisions (2026-07-28 stateless, 2025-11-25 sessions), with a fault
//!   switch (die mid-call, hang, garbage, 503) and records of what it saw
//!   (auth headers, cancellations, progress tokens);
//! - [`serve_stdio`]: the same server on stdin/stdout (the
//!   `switchboard-mcp-fixture --stdio` binary).

mod faults;
mod server;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use rmcp::service::Peer;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::RoleServer;
use serde_json::Value;
use tokio::sync::{watch, Notify};

pub use faults::Fault;
pub use server::FixtureServer;

/// A 1×1 red PNG.
pub const TEST_IMAGE_BASE64: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
/// A minimal WAV file.
pub const TEST_AUDIO_BASE64: &str = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

/// How the fixture is served.
#[derive(Debug, Clone, Default)]
pub struct FixtureOptions {
    /// stdio mode: adds `fixture_exit` (which would end a test process
    /// serving HTTP in-process).
    pub stdio: bool,
    /// HTTP: refuse `server/discover` as a server without the 2026-07-28
    /// revision would, so clients fall back to `initialize` sessions.
    pub legacy_only: bool,
    /// HTTP: answer 401 to any request bearing exactly this credential
    /// (`Authorization: Bearer <it>`), as an upstream does for a revoked
    /// token.
    pub refuse_token: Option<String>,
}

/// One HTTP request the fixture saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenRequest {
    pub authorization: Option<String>,
    pub session: Option<String>,
    /// The JSON-RPC method (empty for responses, GETs and DELETEs).
    pub method: String,
    /// The HTTP method.
    pub verb: String,
}

/// What the fixture saw, for assertions.
#[derive(Default)]
pub struct Seen {
    /// `Authorization` header values of every HTTP request.
    pub authorization: Vec<Option<String>>,
    /// Every HTTP request: its credential, session and JSON-RPC method.
    pub requests: Vec<SeenRequest>,
    /// Tools whose call was cancelled by the client.
    pub cancelled: Vec<String>,
    pub progress_tokens: Vec<Value>,
    /// Tool names called, in order.
    pub calls: Vec<String>,
    pub list_calls: u64,
    /// `MCP-Protocol-Version` header values seen on POSTs.
    pub protocol_versions: Vec<Option<String>>,
    pub log_level: Option<Value>,
    pub subscriptions: BTreeSet<String>,
    /// The filters of every 2026-07-28 `subscriptions/listen`, in order.
    pub listen_filters: Vec<Value>,
    /// Session peers subscribed to a URI (`resources/subscribe`).
    pub(crate) subscribers: Vec<(String, Peer<RoleServer>)>,
    pub(crate) extra_tools: BTreeMap<String, String>,
    pub(crate) descriptions: BTreeMap<String, String>,
    pub(crate) peers: Vec<Peer<RoleServer>>,
    pub(crate) fault: Option<Fault>,
}

pub(crate) struct Shared {
    pub(crate) options: FixtureOptions,
    state: Mutex<Seen>,
    /// Bumped when the prompt list changes (for `subscriptions/listen`).
    pub(crate) prompts_changed: watch::Sender<u64>,
    /// URIs of resources that changed (for `subscriptions/listen`).
    pub(crate) resource_touched: tokio::sync::broadcast::Sender<String>,
    /// Bumped when the tool list changes (for `subscriptions/listen`).
    pub(crate) tools_changed: watch::Sender<u64>,
    /// Woken on recorded events tests wait for.
    pub(crate) changed: Notify,
}

impl Shared {
    fn new(options: FixtureOptions) -> Arc<Self> {
        Arc::new(Shared {
            options,
            state: Mutex::new(Seen::default()),
            tools_changed: watch::channel(0).0,
            resource_touched: tokio::sync::broadcast::channel(64).0,
            prompts_changed: watch::channel(0).0,
            changed: Notify::new(),
        })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Seen> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Tells every session and listener that the tool list changed.
    async fn announce_tools_changed(&self) {
        self.tools_changed.send_modify(|n| *n += 1);
        let peers: Vec<Peer<RoleServer>> = {
            let mut state = self.lock();
            state.peers.retain(|p| !p.is_transport_closed());
            state.peers.clone()
        };
        for peer in peers {
            let _ = peer.notify_tool_list_changed().await;
        }
    }
}

/// A running HTTP fixture. Dropping it stops the server.
pub struct FixtureHandle {
    /// The MCP endpoint, `http://127.0.0.1:PORT/mcp`.
    pub url: String,
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FixtureHandle {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FixtureHandle {
    /// Injects a fault into every later `tools/call` (None: healthy).
    pub fn set_fault(&self, fault: Option<Fault>) {
        self.shared.lock().fault = fault;
    }

    /// What the fixture saw so far.
    pub fn seen(&self) -> MutexGuard<'_, Seen> {
        self.shared.lock()
    }

    /// Adds a tool and announces `notifications/tools/list_changed`.
    pub async fn add_tool(&self, name: &str, description: &str) {
        self.shared
            .lock()
            .extra_tools
            .insert(name.to_owned(), description.to_owned());
        self.shared.announce_tools_changed().await;
    }

    /// Rewrites a tool's description (a "rug pull") and announces it.
    pub async fn set_description(&self, tool: &str, description: &str) {
        self.shared
            .lock()
            .descriptions
            .insert(tool.to_owned(), description.to_owned());
        self.shared.announce_tools_changed().await;
    }

    /// Changes a tool's description without telling anyone (found only by
    /// a periodic refresh).
    pub fn set_description_silently(&self, tool: &str, description: &str) {
        self.shared
            .lock()
            .descriptions
            .insert(tool.to_owned(), description.to_owned());
    }

    /// The prompt list changed: every session and every 2026-07-28
    /// listener that asked hears of it.
    pub async fn announce_prompts_changed(&self) {
        self.shared.prompts_changed.send_modify(|n| *n += 1);
        let peers: Vec<Peer<RoleServer>> = {
            let mut state = self.shared.lock();
            state.peers.retain(|p| !p.is_transport_closed());
            state.peers.clone()
        };
        for peer in peers {
            let _ = peer.notify_prompt_list_changed().await;
        }
    }

    /// A resource changed: subscribed sessions and 2026-07-28 listeners
    /// whose filter names it get `notifications/resources/updated`.
    pub async fn touch_resource(&self, uri: &str) {
        let _ = self.shared.resource_touched.send(uri.to_owned());
        let peers: Vec<Peer<RoleServer>> = {
            let mut state = self.shared.lock();
            state.subscribers.retain(|(_, p)| !p.is_transport_closed());
            state
                .subscribers
                .iter()
                .filter(|(u, _)| u == uri)
                .map(|(_, p)| p.clone())
                .collect()
        };
        for peer in peers {
            let _ = peer
                .notify_resource_updated(rmcp::model::ResourceUpdatedNotificationParam::new(uri))
                .await;
        }
    }

    /// Waits until some tool call was cancelled (or `timeout` passes).
    pub async fn wait_for_cancellation(&self, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            if !self.shared.lock().cancelled.is_empty() {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return !self.shared.lock().cancelled.is_empty();
            }
        }
    }

    /// The fixture's raw tool list (names and descriptions as served).
    pub fn tools(&self) -> Vec<Value> {
        server::tool_list(&self.shared)
    }
}

/// Starts the HTTP fixture on a free loopback port.
pub async fn spawn_mcp_fixture() -> FixtureHandle {
    spawn_mcp_fixture_with(
        FixtureOptions::default(),
        "127.0.0.1:0".parse().expect("an address"),
    )
    .await
    .expect("the fixture binds a loopback port")
}

/// Starts the HTTP fixture with options on `addr` (port 0: any).
pub async fn spawn_mcp_fixture_with(
    options: FixtureOptions,
    addr: SocketAddr,
) -> std::io::Result<FixtureHandle> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let shared = Shared::new(options);
    let app = router(shared.clone());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(FixtureHandle {
        url: format!("http://{addr}/mcp"),
        addr,
        shared,
        task,
    })
}

/// The fixture's HTTP app: the fault and recording layer around rmcp's
/// Streamable HTTP service (stateless for 2026-07-28 requests, sessions
/// for older clients, as the gateway serves it).
fn router(shared: Arc<Shared>) -> Router {
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(true)
        .with_sse_keep_alive(Some(Duration::from_secs(5)))
        // Loopback Host/Origin only (the default): DNS-rebinding protection
        // is one of the suite's server scenarios.
        .with_allowed_hosts(["localhost", "127.0.0.1", "::1"]);
    let handler = FixtureServer {
        shared: shared.clone(),
    };
    let manager = Arc::new(LocalSessionManager::default());
    let mcp = StreamableHttpService::new(move || Ok(handler.clone()), manager, config);
    Router::new()
        .route_service("/mcp", mcp)
        .layer(axum::middleware::from_fn_with_state(shared, faults::layer))
}

/// Serves the fixture on stdin/stdout until the client goes away.
pub async fn serve_stdio() -> std::io::Result<()> {
    use rmcp::ServiceExt;
    let shared = Shared::new(FixtureOptions {
        stdio: true,
        ..FixtureOptions::default()
    });
    let server = FixtureServer { shared };
    let running = server
        .serve(rmcp::transport::io::stdio())
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let _ = running.waiting().await;
    Ok(())
}

/// Serves the HTTP fixture on `addr` until the process ends; prints
/// `LISTENING=<url>` on stdout once bound.
pub async fn serve_http(addr: SocketAddr) -> std::io::Result<()> {
    let handle = spawn_mcp_fixture_with(FixtureOptions::default(), addr).await?;
    println!("LISTENING={}", handle.url);
    std::future::pending::<()>().await;
    Ok(())
}
