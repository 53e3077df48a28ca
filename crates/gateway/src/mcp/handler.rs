//! rmcp `ServerHandler`: reads the principal that the auth middleware put in
//! the HTTP request, and hands `tools/list` and `tools/call` to the pipeline,
//! and the non-tool methods federated servers offer (`resources/*`,
//! `prompts/*`, `completion/complete`, `logging/setLevel`) to its
//! forwarding step. Capabilities for those are advertised only when some
//! connector offers them.

use std::sync::Arc;

// `logging/setLevel` is deprecated by SEP-2577 but still part of the
// revisions federated servers speak; the gateway passes it on.
#[allow(deprecated)]
use rmcp::model::{
    CacheScope, CallToolRequestParams, CallToolResponse, CompleteRequestParams, CompleteResult,
    ErrorCode, GetPromptRequestParams, GetPromptResponse, Implementation, JsonObject,
    ListPromptsResult, ListResourceTemplatesResult, ListResourcesResult, ListToolsResult,
    PaginatedRequestParams, PromptsCapability, ReadResourceRequestParams, ReadResourceResponse,
    ResourcesCapability, ServerCapabilities, ServerConfig, SetLevelRequestParams,
    SubscribeRequestParams, SubscriptionFilter, UnsubscribeRequestParams,
};
use rmcp::service::{NotificationContext, RequestContext, SubscriptionContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use switchboard_core::{CallerCredentials, ClientRelay, Principal};

use super::convert::{input_required, success, tool_error, tool_to_mcp};
use super::relay::PeerRelay;
use super::subscriptions::Target;
use super::Sessions;
use crate::pipeline::{CallError, CallRequest, CallerInput, ForwardError, ForwardRequest, Gateway};

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
    /// The values of `forwarded` headers the caller sent (their own
    /// upstream credentials).
    credentials: Arc<CallerCredentials>,
}

/// Shared by every request that forwards no credentials.
static NO_CREDENTIALS: std::sync::LazyLock<Arc<CallerCredentials>> =
    std::sync::LazyLock::new(|| Arc::new(CallerCredentials::default()));

/// The principal must be there: the auth middleware runs before rmcp. If it
/// is not, refuse (fail closed) rather than guess. `forwarded`: the request
/// headers connectors pass upstream as the caller's own credential; no
/// other header is kept.
fn request_info(
    context: &RequestContext<RoleServer>,
    forwarded: &[String],
) -> Result<RequestInfo, McpError> {
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
    let credentials = if forwarded.is_empty() {
        NO_CREDENTIALS.clone()
    } else {
        let sent = forwarded
            .iter()
            .filter_map(|name| Some((name.as_str(), header(name).filter(|v| !v.is_empty())?)));
        Arc::new(CallerCredentials::new(sent))
    };
    Ok(RequestInfo {
        principal,
        request_id: header("x-request-id").unwrap_or_default(),
        session_id: header("mcp-session-id"),
        credentials,
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

/// The caller of this request, for server-to-client messages during it.
fn relay(context: &RequestContext<RoleServer>, info: &RequestInfo) -> Arc<dyn ClientRelay> {
    Arc::new(PeerRelay::new(context, info.session_id.is_some()))
}

impl McpHandler {
    /// A non-tool request through the pipeline's forwarding step, typed
    /// back into rmcp's result. `missing` is the answer for "nothing the
    /// caller may use knows this" (unknown and denied alike).
    async fn forward<P: Serialize, R: DeserializeOwned>(
        &self,
        method: &str,
        params: Option<P>,
        context: &RequestContext<RoleServer>,
        missing: impl FnOnce() -> McpError,
    ) -> Result<R, McpError> {
        let (value, _) = self
            .forward_routed(method, params, context, None, missing)
            .await?;
        serde_json::from_value(value).map_err(|e| {
            McpError::internal_error(
                format!("the federated server's {method} answer is malformed: {e}"),
                None,
            )
        })
    }

    /// [`McpHandler::forward`] untyped, to `only` one connector when
    /// given, naming the connector that answered.
    async fn forward_routed<P: Serialize>(
        &self,
        method: &str,
        params: Option<P>,
        context: &RequestContext<RoleServer>,
        only: Option<String>,
        missing: impl FnOnce() -> McpError,
    ) -> Result<(Value, Option<String>), McpError> {
        // A method no connector offers is not a capability of this server:
        // answered as rmcp answers any unadvertised method.
        let offered = self.gateway.catalog().offered();
        let advertised = match method {
            "prompts/list" | "prompts/get" => offered.prompts,
            "completion/complete" => offered.completions,
            "logging/setLevel" => offered.logging(),
            _ => offered.resources,
        };
        if !advertised {
            return Err(McpError::new(
                ErrorCode::METHOD_NOT_FOUND,
                method.to_owned(),
                None,
            ));
        }
        let info = request_info(context, self.gateway.catalog().caller_headers())?;
        let params = match params {
            Some(p) => serde_json::to_value(p)
                .map_err(|e| McpError::invalid_params(e.to_string(), None))?,
            None => Value::Object(Default::default()),
        };
        let request = ForwardRequest {
            relay: Some(relay(context, &info)),
            principal: info.principal,
            method: method.to_owned(),
            params,
            request_id: info.request_id,
            session_id: info.session_id,
            client: client_name(context),
            cancel: context.ct.clone(),
            credentials: info.credentials,
            only_connector: only,
        };
        match self.gateway.forward_routed(request).await {
            Ok(answer) => Ok(answer),
            Err(ForwardError::NotFound) => Err(missing()),
            Err(ForwardError::InvalidParams(m)) => Err(McpError::invalid_params(m, None)),
            Err(ForwardError::Failed(e)) => Err(McpError::internal_error(
                e.message,
                e.retry_after
                    .map(|after| serde_json::json!({"retry_after_ms": after.as_millis() as u64})),
            )),
            Err(ForwardError::AuditUnavailable) => Err(McpError::internal_error(
                "audit unavailable; the request was not forwarded",
                None,
            )),
        }
    }
}

fn unknown_resource(uri: &str) -> impl FnOnce() -> McpError + '_ {
    move || McpError::resource_not_found(format!("Resource not found: {uri}"), None)
}

impl ServerHandler for McpHandler {
    fn get_info(&self) -> ServerConfig {
        let mut capabilities = ServerCapabilities::builder()
            .enable_tools()
            .enable_tool_list_changed()
            .build();
        let offered = self.gateway.catalog().offered();
        if offered.resources {
            // Updates go to a session or a 2026-07-28 listen stream.
            let mut resources = ResourcesCapability::default();
            resources.subscribe = Some(true);
            resources.list_changed = Some(true);
            capabilities.resources = Some(resources);
        }
        if offered.prompts {
            let mut prompts = PromptsCapability::default();
            prompts.list_changed = Some(true);
            capabilities.prompts = Some(prompts);
        }
        if offered.completions {
            capabilities.completions = Some(JsonObject::new());
        }
        if offered.logging() {
            capabilities.logging = Some(JsonObject::new());
        }
        let mut config = ServerConfig::new(capabilities);
        config.server_info = Implementation::new("switchboard", env!("CARGO_PKG_VERSION"));
        config.instructions = Some(
            "Switchboard: one MCP endpoint in front of the company's systems. \
             Tools are filtered to what you may use; results are shaped to the fields that answer the question."
                .into(),
        );
        config
    }

    /// 2026-07-28 `subscriptions/listen`: tool list changes, and updates
    /// of the named resources. Every URI is accepted here (there is no
    /// caller to ask yet); `listen` then subscribes each through policy,
    /// and one the caller may not read, like one nobody has, simply never
    /// sends an update.
    fn accepted_subscription_filter(
        &self,
        requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        let offered = self.gateway.catalog().offered();
        let mut accepted = SubscriptionFilter::new();
        accepted.tools_list_changed = requested.tools_list_changed;
        if offered.resources {
            accepted.resources_list_changed = requested.resources_list_changed;
            accepted.resource_subscriptions = requested.resource_subscriptions.clone();
        }
        if offered.prompts {
            accepted.prompts_list_changed = requested.prompts_list_changed;
        }
        Some(accepted)
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), McpError> {
        static LISTENS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = LISTENS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let request = context.request_context();
        let info = request_info(request, &[])?;
        let accepted = context.accepted().clone();
        self.sessions.listen(
            id,
            context.sink().clone(),
            info.principal.clone(),
            accepted.clone(),
        );
        for uri in accepted.resource_subscriptions.unwrap_or_default() {
            let params = serde_json::json!({"uri": uri});
            let routed = self
                .forward_routed("resources/subscribe", Some(params), request, None, || {
                    McpError::resource_not_found("not found", None)
                })
                .await;
            if let Ok((_, Some(connector))) = routed {
                let target = Target::Listen {
                    id,
                    sink: context.sink().clone(),
                };
                self.sessions
                    .subscriptions
                    .add(&connector, &uri, target, info.principal.clone());
            }
        }
        context.cancelled().await;
        // The request is over (its cancellation would stop a forwarded
        // unsubscribe), so each subscription is released directly.
        for (connector, uri) in self.sessions.end_listen(id) {
            self.gateway.release_subscription(&connector, &uri).await;
        }
        Ok(())
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        // The caller, for telling them only of what they may use.
        let principal = context
            .extensions
            .get::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Arc<Principal>>())
            .cloned();
        self.sessions.add(context.peer, principal);
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        let info = request_info(&context, &[])?;
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
            ListToolsResult::with_all_items(tools.iter().map(tool_to_mcp).collect())
                .with_ttl_ms(LIST_TTL_MS)
                .with_cache_scope(CacheScope::Private),
        )
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        let info = request_info(&context, self.gateway.catalog().caller_headers())?;
        let call = CallRequest {
            relay: Some(relay(&context, &info)),
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
            credentials: info.credentials,
            input: (request.input_responses.is_some() || request.request_state.is_some()).then(
                || CallerInput {
                    responses: request
                        .input_responses
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                    request_state: request.request_state,
                },
            ),
        };
        match self.gateway.call(call).await {
            Ok(Ok(mut shaped)) => match shaped.input_required.take() {
                Some(input) => match input_required(input) {
                    Ok(round) => Ok(round.into()),
                    Err(e) => Ok(tool_error(&e).into()),
                },
                None => Ok(success(shaped).into()),
            },
            Ok(Err(e)) => Ok(tool_error(&e).into()),
            Err(e) => Err(protocol_error(e)),
        }
    }

    async fn list_resources(
        &self,
        request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        self.forward("resources/list", request, &context, || {
            McpError::internal_error("unreachable", None)
        })
        .await
    }

    async fn list_resource_templates(
        &self,
        request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, McpError> {
        self.forward("resources/templates/list", request, &context, || {
            McpError::internal_error("unreachable", None)
        })
        .await
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, McpError> {
        let uri = request.uri.clone();
        let result: rmcp::model::ReadResourceResult = self
            .forward(
                "resources/read",
                Some(request),
                &context,
                unknown_resource(&uri),
            )
            .await?;
        Ok(result.into())
    }

    /// Legacy sessions only: the session is where updates go. The
    /// subscription goes to the first connector the caller may use that
    /// has the resource; updates are checked against the policy again
    /// before each is sent.
    async fn subscribe(
        &self,
        request: SubscribeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let uri = request.uri.clone();
        let info = request_info(&context, &[])?;
        let Some(session) = info.session_id else {
            return Err(McpError::invalid_request(
                "resources/subscribe needs a session (MCP 2025-11-25 or older): updates are sent on it",
                None,
            ));
        };
        let (_, connector) = self
            .forward_routed(
                "resources/subscribe",
                Some(request),
                &context,
                None,
                unknown_resource(&uri),
            )
            .await?;
        if let Some(connector) = connector {
            let target = Target::Session {
                session,
                peer: context.peer.clone(),
            };
            self.sessions
                .subscriptions
                .add(&connector, &uri, target, info.principal);
        }
        Ok(())
    }

    /// Goes to the connector that took the subscription; unsubscribing
    /// from something this session never subscribed to is a no-op.
    async fn unsubscribe(
        &self,
        request: UnsubscribeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let uri = request.uri.clone();
        let info = request_info(&context, &[])?;
        let Some(session) = info.session_id else {
            return Ok(());
        };
        let Some(connector) = self.sessions.subscriptions.remove_session(&uri, &session) else {
            return Ok(());
        };
        self.forward_routed(
            "resources/unsubscribe",
            Some(request),
            &context,
            Some(connector),
            unknown_resource(&uri),
        )
        .await?;
        Ok(())
    }

    async fn list_prompts(
        &self,
        request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, McpError> {
        self.forward("prompts/list", request, &context, || {
            McpError::internal_error("unreachable", None)
        })
        .await
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, McpError> {
        let name = request.name.clone();
        let result: rmcp::model::GetPromptResult = self
            .forward("prompts/get", Some(request), &context, || {
                McpError::invalid_params(format!("Unknown prompt: {name}"), None)
            })
            .await?;
        Ok(result.into())
    }

    async fn complete(
        &self,
        request: CompleteRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, McpError> {
        self.forward("completion/complete", Some(request), &context, || {
            McpError::invalid_params("Unknown completion reference", None)
        })
        .await
    }

    #[allow(deprecated)]
    async fn set_level(
        &self,
        request: SetLevelRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let _: Value = self
            .forward("logging/setLevel", Some(request), &context, || {
                McpError::internal_error("unreachable", None)
            })
            .await?;
        Ok(())
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
