//! What the upstream sends during a caller's request, relayed to that
//! caller through the gateway's `ClientRelay`: progress (with the caller's
//! own token, never ours), log messages, and sampling / elicitation /
//! roots requests. Without a relay those requests are refused back to the
//! upstream: nobody else may answer for the caller.

use std::sync::Arc;

use async_trait::async_trait;
use serde_json::Value;
use switchboard_core::ClientRelay;

use crate::client::jsonrpc::code;
use crate::client::{Inbound, RpcError};

/// Server-to-client requests a caller may be asked.
const RELAYED_REQUESTS: &[&str] = &["sampling/createMessage", "elicitation/create", "roots/list"];

/// The `Inbound` of one caller's request.
pub struct CallerInbound {
    pub relay: Option<Arc<dyn ClientRelay>>,
    /// The token we sent upstream (only when the caller has one).
    pub upstream_token: Option<Value>,
}

#[async_trait]
impl Inbound for CallerInbound {
    async fn notification(&self, method: &str, mut params: Value) {
        let Some(relay) = &self.relay else { return };
        match method {
            "notifications/progress" => {
                let (Some(ours), Some(theirs)) = (&self.upstream_token, relay.progress_token())
                else {
                    return;
                };
                if params.get("progressToken") != Some(ours) {
                    return; // another call's progress (stdio)
                }
                params["progressToken"] = theirs;
                relay.notify(method, params).await;
            }
            "notifications/message" => relay.notify(method, params).await,
            _ => {}
        }
    }

    async fn request(&self, method: &str, params: Value) -> Result<Value, RpcError> {
        if !RELAYED_REQUESTS.contains(&method) {
            return Err(RpcError::new(
                code::METHOD_NOT_FOUND,
                format!("{method} is not relayed to the gateway's clients"),
            ));
        }
        let Some(relay) = &self.relay else {
            return Err(RpcError::new(
                code::INVALID_REQUEST,
                format!("{method}: the calling client cannot be asked (no relay)"),
            ));
        };
        relay.request(method, params).await.map_err(|e| {
            // The client's own JSON-RPC error (or why it could not be
            // asked) goes back to the upstream with its code when known.
            match e.source.as_ref().and_then(|s| s.downcast_ref::<RpcError>()) {
                Some(rpc) => rpc.clone(),
                None => RpcError::new(code::INTERNAL_ERROR, e.message),
            }
        })
    }
}
