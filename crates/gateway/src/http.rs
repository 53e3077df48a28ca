//! The HTTP surface, read top to bottom in the order a request meets it:
//!
//! 1. request id (`x-request-id`, generated when absent, echoed back)
//! 2. trace span per request
//! 3. `/healthz` and `/.well-known/oauth-protected-resource[/mcp]` (no auth)
//! 4. `/mcp`: authentication → JSON-RPC guard (body limit → 413, not JSON
//!    → -32700, not JSON-RPC → -32600) → rmcp Streamable HTTP (Host/Origin
//!    checks, sessions for legacy clients, dispatch) → pipeline

use std::sync::Arc;

use axum::routing::get;
use axum::Router;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use tokio_util::sync::CancellationToken;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::auth::{authenticate, AuthState};
use crate::ingress::{jsonrpc_guard, Guard};
use crate::mcp::{McpHandler, Sessions};
use crate::Gateway;

/// The whole HTTP application. `shutdown` ends open SSE streams.
pub fn router(
    gateway: Arc<Gateway>,
    sessions: Arc<Sessions>,
    auth: AuthState,
    shutdown: CancellationToken,
) -> Router {
    let options = gateway.options().clone();
    let mut config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(options.legacy_sessions)
        .with_json_response(true)
        .with_max_request_body_bytes(options.max_body_bytes)
        .with_cancellation_token(shutdown);
    config = if options.allowed_hosts.is_empty() {
        config.disable_allowed_hosts()
    } else {
        config.with_allowed_hosts(options.allowed_hosts.clone())
    };
    if !options.allowed_origins.is_empty() {
        config = config.with_allowed_origins(options.allowed_origins.clone());
    }
    let gateway_for_probes = gateway.clone();
    let sessions_for_metrics = sessions.clone();
    sessions.watch_surfaces(&gateway);
    let handler = McpHandler::new(gateway, sessions);
    let mut manager = LocalSessionManager::default();
    manager.session_config.init_timeout = Some(options.session_init_timeout);
    manager.session_config.keep_alive = Some(options.session_idle);
    let manager = Arc::new(manager);
    let guard = Guard {
        limit: options.max_body_bytes,
        sessions: manager.clone(),
        max_sessions: options.max_sessions,
    };
    let mcp = StreamableHttpService::new(move || Ok(handler.clone()), manager, config);

    let metadata = auth.resource.clone();
    let well_known = get(move || {
        let metadata = metadata.clone();
        async move { axum::Json((*metadata).clone()) }
    });
    let mcp_routes = Router::new()
        .route_service("/mcp", mcp)
        // Layers wrap outward: the last added runs first.
        .layer(axum::middleware::from_fn_with_state(guard, jsonrpc_guard))
        .layer(axum::middleware::from_fn_with_state(auth, authenticate));

    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(readyz).with_state(gateway_for_probes.clone()),
        )
        .route(
            "/metrics",
            get(move || {
                let (gateway, sessions) =
                    (gateway_for_probes.clone(), sessions_for_metrics.clone());
                async move {
                    (
                        [(http::header::CONTENT_TYPE, "text/plain; version=0.0.4")],
                        gateway.render_metrics(sessions.open()),
                    )
                }
            }),
        )
        .route("/.well-known/oauth-protected-resource", well_known.clone())
        .route("/.well-known/oauth-protected-resource/mcp", well_known)
        .merge(mcp_routes)
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Ready when policies are loaded (they are, or the gateway would not have
/// started), connectors are built and the audit store answers.
async fn readyz(
    axum::extract::State(gateway): axum::extract::State<Arc<Gateway>>,
) -> (http::StatusCode, String) {
    match gateway.ready().await {
        Ok(()) => (http::StatusCode::OK, "ready".into()),
        Err(why) => (http::StatusCode::SERVICE_UNAVAILABLE, why),
    }
}
