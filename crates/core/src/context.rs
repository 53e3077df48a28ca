//! The per-call context the gateway hands to a connector.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use async_trait::async_trait;
use serde_json::Value;

use crate::{CallerCredentials, ClientRelay, ConnectorError, InputResume, Principal, ToolOutput};

/// Counters a call accumulates while it runs; the gateway copies them into
/// the audit row and metrics.
#[derive(Debug, Default)]
pub struct CallStats {
    upstream_requests: AtomicU32,
    upstream_bytes: AtomicU64,
    /// Raw upstream bodies, kept only when measuring token economics.
    captured: Option<Mutex<Vec<String>>>,
}

impl CallStats {
    /// Stats that also keep every raw upstream body (for the token
    /// benchmark; never in production).
    pub fn capturing() -> Self {
        CallStats {
            captured: Some(Mutex::new(Vec::new())),
            ..CallStats::default()
        }
    }

    /// Called by the upstream client for every HTTP request it sends.
    pub fn record_upstream_request(&self) {
        self.upstream_requests.fetch_add(1, Ordering::Relaxed);
    }

    /// Called by the upstream client with every response body it reads.
    pub fn record_upstream_response(&self, body: &[u8]) {
        self.upstream_bytes
            .fetch_add(body.len() as u64, Ordering::Relaxed);
        if let Some(captured) = &self.captured {
            captured
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(String::from_utf8_lossy(body).into_owned());
        }
    }

    pub fn upstream_requests(&self) -> u32 {
        self.upstream_requests.load(Ordering::Relaxed)
    }

    pub fn upstream_bytes(&self) -> u64 {
        self.upstream_bytes.load(Ordering::Relaxed)
    }

    pub fn is_capturing(&self) -> bool {
        self.captured.is_some()
    }

    /// The raw bodies captured so far.
    pub fn captured(&self) -> Vec<String> {
        self.captured
            .as_ref()
            .map(|c| c.lock().unwrap_or_else(|e| e.into_inner()).clone())
            .unwrap_or_default()
    }

    /// Adds a child call's upstream work (composite tools) to this call's.
    pub fn absorb(&self, child: &CallStats) {
        self.upstream_requests
            .fetch_add(child.upstream_requests(), Ordering::Relaxed);
        self.upstream_bytes
            .fetch_add(child.upstream_bytes(), Ordering::Relaxed);
        if let Some(mine) = &self.captured {
            mine.lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend(child.captured());
        }
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
    /// The calling client, for federated servers' progress, logs, sampling
    /// and elicitation; `None` when the transport cannot carry them.
    pub relay: Option<Arc<dyn ClientRelay>>,
    /// The caller's own credentials for upstreams (header passthrough).
    /// `Some` (possibly empty) on every caller's request; `None` only on
    /// the gateway's own housekeeping (surface probes), which a connector
    /// serves with its static credential, exactly like tool discovery.
    pub credentials: Option<Arc<CallerCredentials>>,
    /// A 2026-07-28 caller's retry of a call that answered
    /// `input_required`: its answers and the upstream's verified state.
    pub resume: Option<Arc<InputResume>>,
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
            relay: None,
            credentials: Some(Arc::new(CallerCredentials::default())),
            resume: None,
        }
    }

    /// The gateway's own housekeeping (surface probes, releasing a gone
    /// session's subscription): an internal principal named `who` and no
    /// caller credentials, so a connector uses its own static credential.
    pub fn housekeeping(who: &str, deadline: Instant) -> Self {
        let principal = Principal {
            user_id: format!("switchboard/{who}"),
            email: String::new(),
            org: String::new(),
            groups: Vec::new(),
            auth: crate::AuthMethod::Internal,
        };
        CallContext {
            credentials: None,
            ..Self::for_principal(principal, deadline)
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
