//! The tool pipeline. [`Gateway::call`] runs the steps of DESIGN.md §4 in
//! one function, in this order, because the order is a security property:
//!
//! 1. resolve the tool in the catalog (miss → unknown tool)
//! 2. start the audit record (a guard: cancelled or panicking calls are audited)
//! 3. authorize (`use`, the same predicate that filters `tools/list`; then
//!    `invoke` with the arguments). Denied → answered exactly as an unknown tool
//! 4. validate arguments against the tool's schema (bad → invalid params)
//! 5. rate limit (per caller, per caller × tool, per caller × connector ×
//!    read/write); refused → a tool error with `retry_after_ms`
//! 6. cache (read tools; key scoped to the caller or their permission set;
//!    identical concurrent misses coalesce)
//! 7. dispatch with deadline and cancellation, panics caught
//! 8. shape: size cap with an explicit truncation marker
//! 9. finish the audit record (durable before the response) and respond

mod cache;
mod dispatch;
mod forward;
mod input;
mod limits;
mod shape;
mod shared_limits;
mod visible;

use std::sync::{Arc, Weak};
use std::time::Instant;

use arc_swap::ArcSwap;
use async_trait::async_trait;
use serde_json::Value;
use switchboard_core::{
    CallContext, CallStats, CallerCredentials, ClientRelay, ConnectorError, InputResume, Principal,
    ToolDispatcher, ToolOutput, ToolSpec, TraceHeaders,
};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::audit::{
    now_us, redact, AuditGuard, AuditRecord, AuditSink, CacheStatus, Decision, Outcome,
};
use crate::policy::Authorizer;
use crate::telemetry::{Metrics, W3cTraceHeaders};
use crate::{Catalog, GatewayOptions};
use visible::VisibleMemo;

pub use cache::{canonical, ResponseCache};
pub use forward::{ForwardError, ForwardRequest};
pub use limits::{ClassLimits, LimitSettings, Limits};
pub use shape::Shaped;
pub use shared_limits::RedisLimiter;

/// One `tools/call` as the pipeline sees it.
#[derive(Clone)]
pub struct CallRequest {
    pub principal: Arc<Principal>,
    pub tool: String,
    pub args: Value,
    pub request_id: String,
    pub session_id: Option<String>,
    pub client: Option<String>,
    pub parent_call_id: Option<String>,
    /// The parent's stats, for a composite's child: the child's upstream
    /// work is added to its parent's.
    pub parent_stats: Option<Arc<CallStats>>,
    /// Receives the call's stats (the token benchmark reads the raw bodies).
    pub stats_out: Option<Arc<std::sync::OnceLock<Arc<CallStats>>>>,
    pub cancel: CancellationToken,
    /// The calling client, when its transport can carry server-to-client
    /// messages during the call (a composite's children inherit it).
    pub relay: Option<Arc<dyn ClientRelay>>,
    /// The caller's own upstream credentials (header passthrough; never
    /// logged or audited; a composite's children inherit them).
    pub credentials: Arc<CallerCredentials>,
    /// A 2026-07-28 caller's retry after `input_required`: its answers and
    /// the `requestState` the gateway gave it.
    pub input: Option<CallerInput>,
}

/// What a 2026-07-28 caller sends back after an `input_required` result.
#[derive(Debug, Clone, Default)]
pub struct CallerInput {
    pub responses: serde_json::Map<String, Value>,
    pub request_state: Option<String>,
}

impl std::fmt::Debug for CallRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallRequest")
            .field("principal", &self.principal.user_id)
            .field("tool", &self.tool)
            .field("request_id", &self.request_id)
            .field("session_id", &self.session_id)
            .field("parent_call_id", &self.parent_call_id)
            .field("relay", &self.relay.is_some())
            .finish_non_exhaustive()
    }
}

/// Errors answered as JSON-RPC errors rather than tool results.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CallError {
    /// Unknown *or denied*: the two are indistinguishable on purpose.
    #[error("Unknown tool: {0}")]
    UnknownTool(String),
    #[error("{0}")]
    InvalidParams(String),
    /// The audit store cannot take the record: fail closed.
    #[error("audit unavailable; the call was not run")]
    AuditUnavailable,
}

/// A call that ran: the shaped output, or the tool's error for the model.
pub type CallResult = Result<Shaped, ConnectorError>;

/// The tools one caller may use in one catalog snapshot, in catalog order.
pub struct VisibleTools {
    catalog: Arc<Catalog>,
    indices: Arc<[usize]>,
}

impl VisibleTools {
    pub fn iter(&self) -> impl Iterator<Item = &ToolSpec> {
        self.indices
            .iter()
            .map(|&i| &self.catalog.entries()[i].spec)
    }

    pub fn len(&self) -> usize {
        self.indices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// Whether catalog entry `index` is visible (the indices are in
    /// catalog order, so sorted).
    fn contains(&self, index: usize) -> bool {
        self.indices.binary_search(&index).is_ok()
    }
}

/// The pipeline and everything it needs.
pub struct Gateway {
    /// Swapped whole when a federated connector's tools change
    /// ([`Gateway::replace_catalog`]); a request loads it once.
    catalog: ArcSwap<Catalog>,
    authorizer: Arc<dyn Authorizer>,
    audit: Arc<dyn AuditSink>,
    options: GatewayOptions,
    limits: Limits,
    cache: ResponseCache,
    /// Handed to connectors as their `ToolDispatcher` (composite tools).
    me: Weak<Gateway>,
    metrics: Arc<Metrics>,
    /// Each caller's visible tools (one Cedar decision per tool), kept until
    /// the policies change: `tools/list` and the permission-set cache scope
    /// ask for it on every request.
    visible: VisibleMemo,
    /// Trace propagation handed to connectors (set when tracing is on).
    trace: Option<Arc<dyn TraceHeaders>>,
    /// Seals and opens 2026-07-28 callers' `requestState`.
    input_seal: input::InputSeal,
}

impl Gateway {
    pub fn new(
        catalog: Catalog,
        authorizer: Arc<dyn Authorizer>,
        audit: Arc<dyn AuditSink>,
        options: GatewayOptions,
    ) -> Arc<Self> {
        let metrics = Arc::new(Metrics::default());
        let audit: Arc<dyn AuditSink> = Arc::new(MeteredSink {
            inner: audit,
            metrics: metrics.clone(),
        });
        Arc::new_cyclic(|me| Gateway {
            catalog: ArcSwap::from_pointee(catalog),
            authorizer,
            audit,
            metrics,
            visible: VisibleMemo::default(),
            trace: Some(Arc::new(W3cTraceHeaders)),
            input_seal: input::InputSeal::new(options.request_state_key.as_deref()),
            limits: Limits::new(&options.limits, options.shared_limiter.clone()),
            cache: ResponseCache::new(options.cache_max_bytes, options.cache_ttl_overrides.clone()),
            options,
            me: me.clone(),
        })
    }

    /// The current catalog snapshot.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog.load_full()
    }

    /// Swaps in a new catalog. The policy engine must already know the new
    /// catalog's tools (a tool the engine does not know is denied, so the
    /// engine goes first: see [`crate::refresh::Refresher`]). Memoized
    /// visible-tool answers name the snapshot they belong to, so none
    /// survives the swap.
    pub fn replace_catalog(&self, catalog: Catalog) {
        self.catalog.store(Arc::new(catalog));
    }

    /// Drops every cached result of `connector` (its tools changed).
    pub fn invalidate_cached(&self, connector: &str) {
        self.cache.invalidate_connector(connector);
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// `/readyz`: the audit store answers and connectors are built.
    pub async fn ready(&self) -> Result<(), String> {
        if self.catalog.load().connectors().is_empty() {
            return Err("no connectors are built".into());
        }
        if !self.audit.ping().await {
            return Err("the audit store does not answer".into());
        }
        Ok(())
    }

    /// `/metrics`, with the gauges read now.
    pub fn render_metrics(&self, open_sessions: usize) -> String {
        let mut gauges = vec![(
            "switchboard_sessions_open",
            "Legacy MCP sessions open.",
            open_sessions as f64,
        )];
        if let Some(depth) = self.audit.queue_depth() {
            gauges.push((
                "switchboard_audit_queue_depth",
                "Audit rows waiting to be committed.",
                depth as f64,
            ));
        }
        self.metrics.render(&gauges)
    }

    pub fn options(&self) -> &GatewayOptions {
        &self.options
    }

    /// The tools `principal` may use, in catalog order. Uses the same
    /// predicate as step 3 of [`Gateway::call`].
    pub fn visible_tools(&self, principal: &Principal) -> VisibleTools {
        self.visible_in(self.catalog(), principal)
    }

    fn visible_in(&self, catalog: Arc<Catalog>, principal: &Principal) -> VisibleTools {
        let entries = catalog.entries();
        let indices = self.visible.get(
            principal,
            self.authorizer.generation(),
            catalog.epoch(),
            || {
                (0..entries.len())
                    .filter(|&i| self.authorizer.can_use(principal, &entries[i].spec))
                    .collect()
            },
        );
        VisibleTools { catalog, indices }
    }

    /// `tools/list`: the visible tools, audited.
    pub async fn list_tools(
        &self,
        principal: &Principal,
        request_id: &str,
        session_id: Option<String>,
        client: Option<String>,
    ) -> Result<VisibleTools, CallError> {
        let tools = self.visible_tools(principal);
        let mut record = base_record(principal, "tools/list", request_id, session_id, client);
        record.result_bytes = Some(tools.len() as u64);
        let guard = AuditGuard::start(self.audit.clone(), record);
        guard
            .finish(Outcome::Ok)
            .await
            .map_err(|_| CallError::AuditUnavailable)?;
        Ok(tools)
    }

    /// `tools/call`: the pipeline. See the module docs for the order.
    pub async fn call(&self, req: CallRequest) -> Result<CallResult, CallError> {
        let span = tracing::info_span!(
            "tools/call",
            otel.name = %format!("tools/call {}", req.tool),
            otel.kind = "server",
            mcp.method.name = "tools/call",
            gen_ai.operation.name = "execute_tool",
            gen_ai.tool.name = %req.tool,
            mcp.session.id = req.session_id.as_deref().unwrap_or_default(),
            switchboard.request_id = %req.request_id,
            enduser.id = %req.principal.user_id,
        );
        self.run(req).instrument(span).await
    }

    /// The steps, in order.
    async fn run(&self, req: CallRequest) -> Result<CallResult, CallError> {
        let mut record = base_record(
            &req.principal,
            "tools/call",
            &req.request_id,
            req.session_id.clone(),
            req.client.clone(),
        );
        record.tool = Some(req.tool.clone());
        record.parent_call_id = req.parent_call_id.clone();
        record.arguments = redact(&req.args);
        let call_id = record.call_id.clone();

        // 1. resolve, in one catalog snapshot for the whole call
        let catalog = self.catalog();
        let Some(entry) = catalog.get(&req.tool) else {
            AuditGuard::start(self.audit.clone(), record)
                .finish(Outcome::UnknownTool)
                .await
                .map_err(|_| CallError::AuditUnavailable)?;
            return Err(CallError::UnknownTool(req.tool));
        };
        record.connector = Some(entry.connector.id().to_owned());

        // 2. audit guard
        let mut audit = AuditGuard::start(self.audit.clone(), record);

        // 3. authorize: denied reads exactly like unknown. `use` is the
        // memoized answer `tools/list` gives (the same predicate, for the
        // same catalog snapshot and policy generation), so a call costs no
        // Cedar decision for it.
        let policy = tracing::info_span!("policy", switchboard.action = "use");
        let index = catalog.index_of(&req.tool);
        let visible = self.visible_in(catalog.clone(), &req.principal);
        if !policy.in_scope(|| index.is_some_and(|i| visible.contains(i))) {
            audit.record_mut().decision = Decision::Denied;
            audit
                .finish(Outcome::Denied)
                .await
                .map_err(|_| CallError::AuditUnavailable)?;
            return Err(CallError::UnknownTool(req.tool));
        }
        if !policy.in_scope(|| {
            self.authorizer
                .can_invoke(&req.principal, &entry.spec, &req.args)
        }) {
            audit.record_mut().decision = Decision::Denied;
            audit
                .finish(Outcome::Denied)
                .await
                .map_err(|_| CallError::AuditUnavailable)?;
            return Ok(Err(ConnectorError::new(
                switchboard_core::ErrorKind::InvalidArgs,
                "policy does not allow this call with these arguments",
            )));
        }
        audit.record_mut().decision = Decision::Allowed;

        // 4. validate
        if let Err(e) = entry.connector.check_args(&req.tool, &req.args) {
            audit.record_mut().error_kind = Some(e.kind.as_str());
            audit.record_mut().error_message = Some(e.message.clone());
            audit
                .finish(Outcome::InvalidArgs)
                .await
                .map_err(|_| CallError::AuditUnavailable)?;
            return Err(CallError::InvalidParams(e.message));
        }
        // ... and a retry's `requestState`: only what the gateway sealed for
        // this caller, tool and arguments.
        let resume = match &req.input {
            None => None,
            Some(input) => {
                let opened = match &input.request_state {
                    Some(state) => self
                        .input_seal
                        .open(&req.principal, &req.tool, &req.args, state)
                        .map_err(|e| e.to_string()),
                    None => Err("inputResponses without the requestState they answer".to_owned()),
                };
                match opened {
                    Ok(upstream_state) => Some(Arc::new(InputResume {
                        responses: input.responses.clone(),
                        upstream_state,
                    })),
                    Err(message) => {
                        audit.record_mut().error_kind = Some("invalid_args");
                        audit.record_mut().error_message = Some(message.clone());
                        audit
                            .finish(Outcome::InvalidArgs)
                            .await
                            .map_err(|_| CallError::AuditUnavailable)?;
                        return Err(CallError::InvalidParams(message));
                    }
                }
            }
        };

        // 5. rate limit
        let connector_id = entry.connector.id();
        let limited = self
            .limits
            .check(&req.principal, connector_id, &entry.spec)
            .instrument(tracing::info_span!("rate_limit"))
            .await;
        if let Err(wait) = limited {
            let e = ConnectorError::new(
                switchboard_core::ErrorKind::RateLimited,
                format!(
                    "rate limit reached for {}; retry in {} ms",
                    req.tool,
                    wait.as_millis()
                ),
            )
            .with_retry_after(wait);
            let record = audit.record_mut();
            record.error_kind = Some(e.kind.as_str());
            record.error_message = Some(e.message.clone());
            audit
                .finish(Outcome::RateLimited)
                .await
                .map_err(|_| CallError::AuditUnavailable)?;
            return Ok(Err(e));
        }

        // 6. cache, around 7. dispatch and 8. shape
        let capturing = self.options.capture_upstream_bodies;
        let stats = Arc::new(if capturing {
            CallStats::capturing()
        } else {
            CallStats::default()
        });
        let ctx = CallContext {
            principal: req.principal.clone(),
            call_id,
            request_id: req.request_id.clone(),
            parent_call_id: req.parent_call_id.clone(),
            deadline: Instant::now() + self.options.call_timeout,
            stats: stats.clone(),
            dispatcher: self.me.upgrade().map(|g| g as Arc<dyn ToolDispatcher>),
            trace: self.trace.clone(),
            relay: req.relay.clone(),
            credentials: Some(req.credentials.clone()),
            resume,
        };
        let run = async {
            dispatch::run(
                &entry.connector,
                &ctx,
                &req.tool,
                req.args.clone(),
                &req.cancel,
            )
            .instrument(tracing::info_span!(
                "dispatch",
                switchboard.connector = connector_id
            ))
            .await
            .map(|output| shape::shape(output, self.options.max_result_bytes))
        };
        // A retry with the caller's answers is never served from (or
        // stored in) the cache.
        let ttl = match entry.spec.effect {
            switchboard_core::Effect::Read if req.input.is_none() => {
                self.cache.ttl(&req.tool, entry.spec.cache)
            }
            _ => None,
        };
        let (result, cache_status) = match ttl {
            None => (run.await, CacheStatus::Bypass),
            Some(ttl) => {
                let key = self.cache.key(
                    connector_id,
                    &req.tool,
                    &req.args,
                    entry.spec.cache,
                    cache::Caller {
                        principal: &req.principal,
                        credentials: &req.credentials,
                    },
                    // Step 3's answer for this catalog snapshot: no second
                    // memo lookup, no copied names.
                    visible.iter().map(|s| s.name.as_str()),
                );
                // An `input_required` answer is this round's, not a result:
                // it leaves the cache as an error (moka stores only `Ok`).
                let run = async {
                    match run.await {
                        Ok(shaped) if shaped.input_required.is_some() => {
                            Err(Uncached::Input(Box::new(shaped)))
                        }
                        Ok(shaped) => Ok(shaped),
                        Err(e) => Err(Uncached::Failed(e)),
                    }
                };
                let lookup = self.cache.get_or_fetch(key, ttl, run);
                match lookup.instrument(tracing::info_span!("cache")).await {
                    Ok((cached, ran)) => (
                        Ok(cached.shaped.clone()),
                        if ran {
                            CacheStatus::Miss
                        } else {
                            CacheStatus::Hit
                        },
                    ),
                    Err(e) => match &*e {
                        Uncached::Input(shaped) => (Ok((**shaped).clone()), CacheStatus::Bypass),
                        Uncached::Failed(e) => (Err(copy_error(e)), CacheStatus::Miss),
                    },
                }
            }
        };
        if result.is_ok() && !entry.spec.effect.is_read_only() {
            self.cache.invalidate_connector(connector_id);
        }
        if let Err(e) = &result {
            if e.kind == switchboard_core::ErrorKind::RateLimited && e.upstream_status.is_some() {
                self.metrics.record_upstream_rate_limited(connector_id);
            }
        }
        audit.record_mut().cache = cache_status;
        audit.record_mut().upstream_requests = stats.upstream_requests();
        if let Some(parent) = &req.parent_stats {
            parent.absorb(&stats);
        }
        if let Some(out) = &req.stats_out {
            let _ = out.set(stats.clone());
        }

        // The caller's `requestState`: the upstream's, sealed to this call.
        let result = result.map(|mut shaped| {
            if let Some(input) = &mut shaped.input_required {
                let sealed = self.input_seal.seal(
                    &req.principal,
                    &req.tool,
                    &req.args,
                    input.upstream_state.as_deref(),
                );
                input.upstream_state = Some(sealed);
            }
            shaped
        });

        // 9. audit
        let (result, outcome) = match result {
            Ok(shaped) => {
                audit.set_result(&shaped.text);
                (Ok(shaped), Outcome::Ok)
            }
            Err(e) => {
                let record = audit.record_mut();
                record.error_kind = Some(e.kind.as_str());
                record.error_message = Some(e.message.clone());
                if let Some(source) = &e.source {
                    tracing::warn!(tool = %req.tool, kind = e.kind.as_str(), error = %source, "tool call failed");
                }
                let outcome = if e.kind == switchboard_core::ErrorKind::RateLimited {
                    Outcome::RateLimited
                } else {
                    Outcome::ToolError
                };
                (Err(e), outcome)
            }
        };
        audit
            .finish(outcome)
            .await
            .map_err(|_| CallError::AuditUnavailable)?;
        Ok(result)
    }
}

/// Why a cached fetch produced nothing to store.
enum Uncached {
    Failed(ConnectorError),
    /// An `input_required` round (passed to the caller, never cached).
    Input(Box<Shaped>),
}

/// A coalesced caller gets its own copy of the shared error (the source,
/// already logged once, stays with the first).
fn copy_error(e: &ConnectorError) -> ConnectorError {
    ConnectorError {
        kind: e.kind,
        message: e.message.clone(),
        retry_after: e.retry_after,
        upstream_status: e.upstream_status,
        source: None,
    }
}

fn base_record(
    principal: &Principal,
    method: &'static str,
    request_id: &str,
    session_id: Option<String>,
    client: Option<String>,
) -> AuditRecord {
    AuditRecord {
        time_us: now_us(),
        call_id: uuid::Uuid::new_v4().to_string(),
        parent_call_id: None,
        request_id: request_id.to_owned(),
        trace_id: current_trace_id(),
        session_id,
        client,
        method,
        user_id: principal.user_id.clone(),
        org: principal.org.clone(),
        groups: principal.groups.clone(),
        tool: None,
        connector: None,
        arguments: Value::Null,
        decision: Decision::NotEvaluated,
        outcome: Outcome::Ok,
        error_kind: None,
        error_message: None,
        result: None,
        result_sha256: None,
        result_bytes: None,
        cache: CacheStatus::Bypass,
        upstream_requests: 0,
        latency_us: 0,
    }
}

/// Composite tools re-enter the pipeline as the same caller; the child call
/// is authorized, limited, cached and audited like any other, and its audit
/// row points at the parent. A child the caller may not use comes back as
/// `UnknownTool`, which composites report as "not permitted".
#[async_trait]
impl ToolDispatcher for Gateway {
    async fn call_tool(
        &self,
        parent: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let req = CallRequest {
            principal: parent.principal.clone(),
            tool: tool.to_owned(),
            args,
            request_id: parent.request_id.clone(),
            session_id: None,
            client: None,
            parent_call_id: Some(parent.call_id.clone()),
            parent_stats: Some(parent.stats.clone()),
            stats_out: None,
            cancel: CancellationToken::new(),
            relay: parent.relay.clone(),
            credentials: parent.credentials.clone().unwrap_or_default(),
            input: None,
        };
        match self.call(req).await {
            // A composite cannot hand its caller a child's input round.
            Ok(Ok(shaped)) if shaped.input_required.is_some() => Err(ConnectorError::new(
                switchboard_core::ErrorKind::Upstream,
                format!("{tool} needs input from the caller (sampling or elicitation), which a composite tool cannot pass on"),
            )),
            Ok(Ok(shaped)) => Ok(ToolOutput {
                structured: shaped.structured,
                text: Some(shaped.text),
                content: shaped.content,
                input_required: None,
            }),
            Ok(Err(e)) => Err(e),
            Err(CallError::UnknownTool(name)) => Err(ConnectorError::unknown_tool(&name)),
            Err(CallError::InvalidParams(m)) => Err(ConnectorError::invalid_args(m)),
            Err(CallError::AuditUnavailable) => Err(ConnectorError::new(
                switchboard_core::ErrorKind::Unavailable,
                "audit unavailable; the call was not run",
            )),
        }
    }
}

/// Feeds metrics from the audit records: every call path produces exactly
/// one, so metrics and the audit trail can never disagree.
struct MeteredSink {
    inner: Arc<dyn AuditSink>,
    metrics: Arc<Metrics>,
}

#[async_trait]
impl AuditSink for MeteredSink {
    async fn write(&self, record: AuditRecord) -> Result<(), crate::audit::AuditUnavailable> {
        match record.method {
            "tools/list" => self.metrics.record_list(),
            _ => {
                let outcome = serde_json::to_value(record.outcome)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let cache = serde_json::to_value(record.cache)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                self.metrics.record_call(
                    record.tool.as_deref().unwrap_or_default(),
                    &outcome,
                    &record.groups.join(","),
                    &cache,
                    std::time::Duration::from_micros(record.latency_us),
                );
            }
        }
        self.inner.write(record).await
    }

    async fn ping(&self) -> bool {
        self.inner.ping().await
    }

    fn queue_depth(&self) -> Option<usize> {
        self.inner.queue_depth()
    }
}

/// The OpenTelemetry trace id of the current span, when tracing is on.
fn current_trace_id() -> Option<String> {
    use opentelemetry::trace::TraceContextExt;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    let context = tracing::Span::current().context();
    let span = context.span();
    let span_context = span.span_context();
    span_context
        .is_valid()
        .then(|| span_context.trace_id().to_string())
}
