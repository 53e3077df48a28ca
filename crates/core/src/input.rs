//! MCP 2026-07-28 multi round-trip requests (SEP-2322): a federated server
//! that needs the caller's input mid-call (sampling, elicitation, roots)
//! answers `input_required`; the caller answers the requests and retries
//! the call with its answers and the echoed state.

use serde_json::{Map, Value};

/// What a tool needs from the caller before it can finish. The gateway
/// passes `requests` to the caller verbatim and seals `upstream_state`
/// (bound to the caller and the call) as the caller's `requestState`.
#[derive(Debug, Clone, PartialEq)]
pub struct InputRequired {
    /// Key → `{"method": ..., "params": ...}`, as the upstream sent them.
    pub requests: Map<String, Value>,
    /// The upstream's own `requestState`, echoed back to it on the retry.
    pub upstream_state: Option<String>,
}

/// The caller's retry of a call that needed input: its answers, keyed like
/// the requests, and the upstream's state, already verified by the gateway
/// to belong to this caller and this call.
#[derive(Debug, Clone, PartialEq)]
pub struct InputResume {
    pub responses: Map<String, Value>,
    pub upstream_state: Option<String>,
}
