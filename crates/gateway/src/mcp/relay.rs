//! [`ClientRelay`] over rmcp's peer for the request in flight: what a
//! federated server says during a call (progress, log messages, sampling
//! and elicitation requests) goes back to *this* caller, on this request.
//!
//! What rmcp 3.11 can carry, per transport mode (see ARCHITECTURE.md,
//! "Relaying to the caller"):
//!
//! - Legacy sessions (2025-11-25 and older, `Mcp-Session-Id`): progress
//!   notifications whose token is the request's ride the POST's SSE
//!   stream; log messages go to the session's standalone GET stream
//!   (rmcp routes only progress and cancellation per request; the session
//!   is the caller's own, and rmcp buffers them until the client opens the
//!   stream). Requests (sampling, elicitation, roots) carry the
//!   originating request id, so rmcp sends them on the POST's stream and
//!   the client's answer (a POST with the session id) comes back here.
//! - Stateless requests (2026-07-28, and legacy versions when sessions are
//!   off): every notification goes on the request's own response stream
//!   (rmcp switches the JSON response to SSE when a notification comes
//!   first). Server-to-client requests are impossible: 2026-07-28 replaces
//!   them with `InputRequiredResult` round trips (rmcp refuses to send
//!   them) and a stateless legacy request has no way to carry the client's
//!   answer back. [`ClientRelay::request`] fails fast there; a
//!   2026-07-28 caller instead `takes_input_required`, and a federated
//!   tool's round comes back to it as an `InputRequiredResult`
//!   (`pipeline/input.rs`).

use std::time::Duration;

use async_trait::async_trait;
use rmcp::model::{
    CustomRequest, ProgressToken, ProtocolVersion, RequestId, ServerNotification, ServerRequest,
};
use rmcp::service::{OriginatingRequestId, Peer, PeerRequestOptions, RequestContext};
use rmcp::RoleServer;
use serde_json::{json, Value};
use switchboard_core::{ClientRelay, ConnectorError, ErrorKind};

/// Notifications a federated server may send a caller during a call.
/// Anything else (a spoofed `tools/list_changed`, say) is dropped.
const NOTIFICATIONS: &[&str] = &["notifications/progress", "notifications/message"];

/// Requests a federated server may send a caller during a call.
const REQUESTS: &[&str] = &[
    "sampling/createMessage",
    "elicitation/create",
    "roots/list",
    "ping",
];

/// Upper bound on waiting for the client's answer when the call has no
/// deadline of its own to go by.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);

/// The caller of one request.
pub(crate) struct PeerRelay {
    peer: Peer<RoleServer>,
    progress_token: Option<ProgressToken>,
    request_id: RequestId,
    /// Why server-to-client requests cannot be carried, when they cannot.
    no_requests: Option<&'static str>,
    /// A 2026-07-28 caller: takes `input_required` rounds instead.
    takes_input_required: bool,
}

impl PeerRelay {
    /// The relay for the request `context` serves. `in_session`: the
    /// request came on a legacy session (it carried `Mcp-Session-Id`).
    pub(crate) fn new(context: &RequestContext<RoleServer>, in_session: bool) -> Self {
        let stateless_revision = context
            .protocol_version()
            .is_some_and(|v| v >= ProtocolVersion::V_2026_07_28);
        let no_requests = if stateless_revision {
            Some("the calling client speaks MCP 2026-07-28, which has no server-to-client requests during a call")
        } else if !in_session {
            Some(
                "the calling client has no session, so it cannot answer a request from the gateway",
            )
        } else {
            None
        };
        PeerRelay {
            peer: context.peer.clone(),
            progress_token: context.meta.get_progress_token(),
            request_id: context.id.clone(),
            no_requests,
            takes_input_required: stateless_revision,
        }
    }
}

#[async_trait]
impl ClientRelay for PeerRelay {
    fn takes_input_required(&self) -> bool {
        self.takes_input_required
    }

    fn progress_token(&self) -> Option<Value> {
        self.progress_token
            .as_ref()
            .and_then(|t| serde_json::to_value(t).ok())
    }

    async fn notify(&self, method: &str, params: Value) {
        if !NOTIFICATIONS.contains(&method) {
            tracing::debug!(
                method,
                "dropped a relayed notification the gateway does not pass on"
            );
            return;
        }
        let mut params = params;
        if method == "notifications/progress" {
            // Always the caller's own token: never the upstream's, and
            // nothing when the caller asked for no progress.
            let Some(token) = self.progress_token() else {
                return;
            };
            match params.as_object_mut() {
                Some(p) => {
                    p.insert("progressToken".into(), token);
                }
                None => return,
            }
        }
        // Typed, not raw: rmcp routes a progress notification to the
        // request's own stream only when it recognises it as one.
        let notification: ServerNotification =
            match serde_json::from_value(json!({"method": method, "params": params})) {
                Ok(n) => n,
                Err(e) => {
                    tracing::debug!(method, error = %e, "dropped a malformed relayed notification");
                    return;
                }
            };
        if let Err(e) = self.peer.send_notification(notification).await {
            tracing::debug!(method, error = %e, "the caller is gone; relayed notification dropped");
        }
    }

    async fn request(&self, method: &str, params: Value) -> Result<Value, ConnectorError> {
        if let Some(why) = self.no_requests {
            return Err(ConnectorError::new(ErrorKind::Unavailable, why));
        }
        if !REQUESTS.contains(&method) {
            return Err(ConnectorError::new(
                ErrorKind::InvalidArgs,
                format!("the gateway does not relay {method} requests to its clients"),
            ));
        }
        // Sent as raw JSON: a pass-through must not drop fields this rmcp
        // does not model (a newer elicitation schema, say).
        let mut request = ServerRequest::CustomRequest(CustomRequest::new(method, Some(params)));
        // rmcp routes a request carrying its originating request's id on
        // that request's SSE stream, even from a task other than the
        // handler's.
        use rmcp::model::GetExtensions;
        request
            .extensions_mut()
            .insert(OriginatingRequestId(self.request_id.clone()));
        let handle = self
            .peer
            .send_request_with_option(request, PeerRequestOptions::with_timeout(REQUEST_TIMEOUT))
            .await
            .map_err(|e| {
                ConnectorError::new(
                    ErrorKind::Unavailable,
                    format!("cannot reach the calling client: {e}"),
                )
            })?;
        let answer = handle.await_response().await.map_err(|e| match e {
            rmcp::ServiceError::McpError(error) => ConnectorError::new(
                ErrorKind::Upstream,
                format!("the calling client refused {method}: {}", error.message),
            ),
            other => ConnectorError::new(
                ErrorKind::Unavailable,
                format!("no answer from the calling client to {method}: {other}"),
            ),
        })?;
        serde_json::to_value(answer)
            .map_err(|e| ConnectorError::internal(format!("unreadable client answer: {e}")))
    }
}
