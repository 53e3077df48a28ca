//! rmcp `ServerHandler`: reads the principal that the auth middleware put in
//! the HTTP request, and hands `tools/list` and `tools/call` to the pipeline.

use std::sync::Arc;

use rmcp::model::{
    CacheScope, CallToolRequestParams, CallToolResponse, Implementation, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig,
};
use rmcp::service::{NotificationContext, RequestContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler};
use serde_json::Value;
use switchboard_core::Principal;

use super::convert::{success, tool_error, tool_to_mcp};
use super::Sessions;
use crate::pipeline::{CallError, CallRequest, Gateway};

/// How long a client may reuse a `tools/list` answer. Short, because a
/// policy reload changes it (legacy sessions are also notified).
const LIST_TTL_MS: u64 = 30_000;

/// One handler per MCP session (or per stateless request); all share the
/// gateway.
#[derive(Clone)]
pub struct McpHandler {
    gateway: Arc<Gateway>,
    sessions: Arc<Sessions>,
}

impl McpHandler {
    pub fn new(gateway: Arc<Gateway>, sessions: Arc<Sessions>) -> Self {
        McpHandler { gateway, sessions }
    }
}

/// What the HTTP layer attached to the request.
struct RequestInfo {
    principal: Arc<Principal>,
    request_id: String,
    session_id: Option<String>,
}

/// The principal must be there: the auth middleware runs before rmcp. If it
/// is not, refuse (fail closed) rather than guess.
fn request_info(context: &RequestContext<RoleServer>) -> Result<RequestInfo, McpError> {
    let parts = context
        .extensions
        .get::<http::request::Parts>()
        .ok_or_else(|| McpError::internal_error("request carries no HTTP context", None))?;
    let principal = parts
        .extensions
        .get::<Arc<Principal>>()
        .cloned()
        .ok_or_else(|| McpError::internal_error("request is not authenticated", None))?;
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    Ok(RequestInfo {
        principal,
        request_id: header("x-request-id").unwrap_or_default(),
        session_id: header("mcp-session-id"),
    })
}

/// `name/version` from the legacy handshake, or from the 2026-07-28
/// per-request `_meta`.
fn client_name(context: &RequestContext<RoleServer>) -> Option<String> {
    // Stateless requests carry clientInfo per request; rmcp's synthesized
    // peer info for them names rmcp itself, so the `_meta` copy wins.
    if let Some(info) = context.meta.get("io.modelcontextprotocol/clientInfo") {
        let name = info.get("name").and_then(|v| v.as_str())?;
        let version = info.get("version").and_then(|v| v.as_str()).unwrap_or("?");
        return Some(format!("{name}/{version}"));
    }
    let info = context.peer.peer_info()?;
    Some(format!(
        "{}/{}",
        info.client_info.name, info.client_info.version
    ))
}

impl ServerHandler for McpHandler {
    fn get_info(&self) -> ServerConfig {
        let mut config = ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_tool_list_changed()
                .build(),
        );
        config.server_info = Implementation::new("switchboard", env!("CARGO_PKG_VERSION"));
        config.instructions = Some(
            "Switchboard: one MCP endpoint in front of the company's systems. \
             Tools are filtered to what you may use; results are shaped to the fields that answer the question."
                .into(),
        );
        config
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        self.sessions.add(context.peer);
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        let info = request_info(&context)?;
        let tools = self
            .gateway
            .list_tools(
                &info.principal,
                &info.request_id,
                info.session_id,
                client_name(&context),
            )
            .await
            .map_err(protocol_error)?;
        // 2026-07-28 cache hints: the list is per caller and changes only
        // with policy or catalog; older clients ignore the fields.
        Ok(
            ListToolsResult::with_all_items(tools.into_iter().map(tool_to_mcp).collect())
                .with_ttl_ms(LIST_TTL_MS)
                .with_cache_scope(CacheScope::Private),
        )
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        let info = request_info(&context)?;
        let call = CallRequest {
            principal: info.principal,
            tool: request.name.into_owned(),
            args: request.arguments.map(Value::Object).unwrap_or(Value::Null),
            request_id: info.request_id,
            session_id: info.session_id,
            client: client_name(&context),
            parent_call_id: None,
            parent_stats: None,
            stats_out: None,
            cancel: context.ct.clone(),
        };
        match self.gateway.call(call).await {
            Ok(Ok(shaped)) => Ok(success(shaped).into()),
            Ok(Err(e)) => Ok(tool_error(&e).into()),
            Err(e) => Err(protocol_error(e)),
        }
    }
}

/// Unknown and denied tools get the same code and message shape.
fn protocol_error(error: CallError) -> McpError {
    match error {
        CallError::UnknownTool(_) => McpError::invalid_params(error.to_string(), None),
        CallError::InvalidParams(message) => McpError::invalid_params(message, None),
        CallError::AuditUnavailable => McpError::internal_error(error.to_string(), None),
    }
}
