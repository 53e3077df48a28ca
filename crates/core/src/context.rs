//! The per-call context the gateway hands to a connector.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Instant;

use async_trait::async_trait;
use serde_json::Value;

use crate::{ConnectorError, Principal, ToolOutput};

/// Counters a call accumulates while it runs; the gateway copies them into
/// the audit row and metrics.
#[derive(Debug, Default)]
pub struct CallStats {
    upstream_requests: AtomicU32,
}

impl CallStats {
    /// Called by the upstream client for every HTTP request it sends.
    pub fn record_upstream_request(&self) {
        self.upstream_requests.fetch_add(1, Ordering::Relaxed);
    }

    pub fn upstream_requests(&self) -> u32 {
        self.upstream_requests.load(Ordering::Relaxed)
    }
}

/// Trace-context headers (W3C `traceparent`) for the request about to be
/// sent, read from the current span. The gateway supplies it; the upstream
/// client calls it inside its own span, so vendors see the trace.
pub trait TraceHeaders: Send + Sync {
    fn current(&self) -> Vec<(String, String)>;
}

/// Re-entry into the gateway's pipeline *as the same caller*: composite tools
/// call other connectors' tools through this, so each child call is
/// authorized, rate limited, cached and audited exactly like a direct call.
#[async_trait]
pub trait ToolDispatcher: Send + Sync {
    async fn call_tool(
        &self,
        parent: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError>;
}

/// Everything a connector may know about the call in flight.
#[derive(Clone)]
pub struct CallContext {
    /// Who is calling (from the credential, never from arguments).
    pub principal: Arc<Principal>,
    /// Unique id of this tool call (the audit row's id).
    pub call_id: String,
    /// The HTTP request that carried the call, for log correlation.
    pub request_id: String,
    /// The parent call when this call was made by a composite tool.
    pub parent_call_id: Option<String>,
    /// No work for this call may continue past this instant (retries
    /// included).
    pub deadline: Instant,
    pub stats: Arc<CallStats>,
    /// The pipeline, for composite tools; `None` outside the gateway.
    pub dispatcher: Option<Arc<dyn ToolDispatcher>>,
    /// Trace propagation; `None` when tracing is off.
    pub trace: Option<Arc<dyn TraceHeaders>>,
}

impl CallContext {
    /// A context for tests and tools run outside the gateway.
    pub fn for_principal(principal: Principal, deadline: Instant) -> Self {
        CallContext {
            principal: Arc::new(principal),
            call_id: "local".into(),
            request_id: "local".into(),
            parent_call_id: None,
            deadline,
            stats: Arc::new(CallStats::default()),
            dispatcher: None,
            trace: None,
        }
    }

    /// Time left before the deadline (zero once passed).
    pub fn remaining(&self) -> std::time::Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }
}

impl std::fmt::Debug for CallContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallContext")
            .field("principal", &self.principal.user_id)
            .field("call_id", &self.call_id)
            .field("request_id", &self.request_id)
            .field("parent_call_id", &self.parent_call_id)
            .finish_non_exhaustive()
    }
}
