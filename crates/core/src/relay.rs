//! What travels back to the calling client *during* a call. Native
//! connectors never need it; a federated MCP server (the `mcp` connector)
//! relays its progress notifications, log messages, and its sampling and
//! elicitation requests through it, and learns of cancellation through the
//! gateway's cancellation of the call future.
//!
//! JSON in, JSON out: the core stays free of any MCP SDK types, and a
//! pass-through never loses fields it does not know.

use async_trait::async_trait;
use serde_json::Value;

use crate::ConnectorError;

/// The calling client, as seen from inside a call. Supplied by the gateway
/// when the client's transport can carry server-to-client messages.
#[async_trait]
pub trait ClientRelay: Send + Sync {
    /// The caller's `progressToken` for this call, if it sent one.
    /// Progress notifications must carry this token, not the upstream's.
    fn progress_token(&self) -> Option<Value>;

    /// A notification to the client (`notifications/progress`,
    /// `notifications/message`). Best effort: a client that has gone away
    /// is not an error for the call.
    async fn notify(&self, method: &str, params: Value);

    /// A request the client must answer (`sampling/createMessage`,
    /// `elicitation/create`, `roots/list`). The error is what the client
    /// answered, or why it could not be asked.
    async fn request(&self, method: &str, params: Value) -> Result<Value, ConnectorError>;

    /// Whether the caller takes `input_required` results itself (MCP
    /// 2026-07-28) instead of answering requests during the call: a
    /// connector then returns [`crate::ToolOutput::needs_input`] and the
    /// caller retries with its answers ([`crate::CallContext::resume`]).
    fn takes_input_required(&self) -> bool {
        false
    }
}
