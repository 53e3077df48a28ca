//! MCP methods other than tools (`resources/*`, `prompts/*`,
//! `completion/complete`, `logging/setLevel`), forwarded to the connectors
//! that federate them, through the same identity, policy, limits and audit
//! as a tool call.
//!
//! Each connector's surface is a policy entity (`<id>__resources`,
//! `<id>__prompts`, `<id>__logging`; see [`Surface`]), checked with the
//! same `use` (and `invoke`, with the request's params as `context.args`)
//! as a tool. A connector the caller may not use is never asked, so a
//! denied caller gets exactly the answer for an unknown resource or prompt:
//! lists leave its items out, reads answer "not found". Every connector
//! considered gets an audit row (allowed or denied), as does a request no
//! connector offers.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Instant;

use futures::FutureExt;
use serde_json::{json, Value};
use switchboard_core::{
    CallContext, CallStats, CallerCredentials, ClientRelay, ConnectorError, ErrorKind, Principal,
    ToolDispatcher,
};
use tokio_util::sync::CancellationToken;

use super::{base_record, Gateway};
use crate::audit::{redact, AuditGuard, AuditRecord, Decision, Outcome};
use crate::catalog::{Surface, SurfaceEntry};

/// One forwarded request.
#[derive(Clone)]
pub struct ForwardRequest {
    pub principal: Arc<Principal>,
    /// One of the methods this module knows; anything else is refused.
    pub method: String,
    pub params: Value,
    pub request_id: String,
    pub session_id: Option<String>,
    pub client: Option<String>,
    pub cancel: CancellationToken,
    pub relay: Option<Arc<dyn ClientRelay>>,
    /// The caller's own upstream credentials (never logged or audited).
    pub credentials: Arc<CallerCredentials>,
    /// Only this connector may answer (an unsubscribe goes where its
    /// subscription went).
    pub only_connector: Option<String>,
}

impl ForwardRequest {
    /// The audit record of this request's `method`, with its redacted params.
    fn record(&self, method: &'static str) -> AuditRecord {
        let mut record = base_record(
            &self.principal,
            method,
            &self.request_id,
            self.session_id.clone(),
            self.client.clone(),
        );
        record.arguments = redact(&self.params);
        record
    }
}

/// Why a forwarded request has no result.
#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    /// Nothing the caller may use answers it: an unknown resource, prompt
    /// or completion reference *or one the caller may not see* (the two
    /// are indistinguishable on purpose).
    #[error("not found")]
    NotFound,
    /// Not a method the gateway forwards, or malformed params.
    #[error("{0}")]
    InvalidParams(String),
    /// The connector (or its upstream) failed; the message is safe to show.
    #[error("{}", .0.message)]
    Failed(ConnectorError),
    #[error("audit unavailable; the request was not forwarded")]
    AuditUnavailable,
}

/// How the answers of several connectors combine.
enum Fanout {
    /// Lists: every allowed connector's items, concatenated under the key.
    Merge(&'static str),
    /// Addressed requests (a URI, a prompt name): the first connector that
    /// knows it answers.
    First,
    /// `logging/setLevel`: every allowed connector is told; answers `{}`.
    Every,
}

/// The method's audit name, the surface it belongs to, and how answers
/// combine.
fn classify(method: &str, params: &Value) -> Result<(&'static str, Surface, Fanout), String> {
    Ok(match method {
        "resources/list" => (
            "resources/list",
            Surface::Resources,
            Fanout::Merge("resources"),
        ),
        "resources/templates/list" => (
            "resources/templates/list",
            Surface::Resources,
            Fanout::Merge("resourceTemplates"),
        ),
        "resources/read" => ("resources/read", Surface::Resources, Fanout::First),
        "resources/subscribe" => ("resources/subscribe", Surface::Resources, Fanout::First),
        "resources/unsubscribe" => ("resources/unsubscribe", Surface::Resources, Fanout::First),
        "prompts/list" => ("prompts/list", Surface::Prompts, Fanout::Merge("prompts")),
        "prompts/get" => ("prompts/get", Surface::Prompts, Fanout::First),
        "completion/complete" => {
            let surface = match params["ref"]["type"].as_str() {
                Some("ref/prompt") => Surface::Prompts,
                Some("ref/resource") => Surface::Resources,
                _ => return Err("completion/complete needs a ref/prompt or ref/resource".into()),
            };
            ("completion/complete", surface, Fanout::First)
        }
        "logging/setLevel" => ("logging/setLevel", Surface::Logging, Fanout::Every),
        other => return Err(format!("the gateway does not forward {other}")),
    })
}

/// `{key: items}`.
fn list(key: &str, items: Vec<Value>) -> Value {
    let mut map = serde_json::Map::new();
    map.insert(key.to_owned(), Value::Array(items));
    Value::Object(map)
}

/// An answer that means "I do not know that one" rather than a failure, so
/// the next connector is asked.
fn is_miss(e: &ConnectorError) -> bool {
    matches!(
        e.kind,
        ErrorKind::NotFound | ErrorKind::InvalidArgs | ErrorKind::UnknownTool
    )
}

impl Gateway {
    /// Forwards a non-tool MCP request. See the module docs.
    pub async fn forward(&self, req: ForwardRequest) -> Result<Value, ForwardError> {
        self.forward_routed(req).await.map(|(value, _)| value)
    }

    /// [`Gateway::forward`], also naming the connector that answered a
    /// request only one connector answers.
    pub async fn forward_routed(
        &self,
        req: ForwardRequest,
    ) -> Result<(Value, Option<String>), ForwardError> {
        let (method, surface, fanout) =
            classify(&req.method, &req.params).map_err(ForwardError::InvalidParams)?;
        let catalog = self.catalog();
        let candidates: Vec<&SurfaceEntry> = catalog
            .surface(surface)
            .filter(|s| {
                req.only_connector
                    .as_deref()
                    .is_none_or(|only| s.connector.id() == only)
            })
            .collect();
        if candidates.is_empty() {
            let record = req.record(method);
            AuditGuard::start(self.audit.clone(), record)
                .finish(Outcome::UnknownTool)
                .await
                .map_err(|_| ForwardError::AuditUnavailable)?;
            return match fanout {
                Fanout::Merge(key) => Ok((list(key, Vec::new()), None)),
                Fanout::Every => Ok((json!({}), None)),
                Fanout::First => Err(ForwardError::NotFound),
            };
        }
        let mut merged: Vec<Value> = Vec::new();
        let mut failure: Option<ConnectorError> = None;
        let mut answered = false;
        for entry in candidates {
            match self.forward_one(&req, method, entry).await? {
                None => continue,
                Some(Ok(value)) => {
                    answered = true;
                    match fanout {
                        Fanout::Merge(key) => {
                            if let Some(Value::Array(items)) = value.get(key) {
                                merged.extend(items.iter().cloned());
                            }
                        }
                        Fanout::First => return Ok((value, Some(entry.connector.id().to_owned()))),
                        Fanout::Every => {}
                    }
                }
                Some(Err(e)) => {
                    if !is_miss(&e) && failure.is_none() {
                        failure = Some(e);
                    }
                }
            }
        }
        match fanout {
            // A list degrades to what the reachable connectors have; only
            // when none answered does a failure show.
            Fanout::Merge(key) => match failure {
                Some(e) if !answered => Err(ForwardError::Failed(e)),
                _ => Ok((list(key, merged), None)),
            },
            Fanout::Every => Ok((json!({}), None)),
            Fanout::First => Err(failure.map_or(ForwardError::NotFound, ForwardError::Failed)),
        }
    }

    /// Whether `principal` may (still) use `connector`'s `surface` with
    /// these params, under the current policy and catalog.
    pub fn may_forward(
        &self,
        principal: &Principal,
        connector: &str,
        surface: Surface,
        params: &Value,
    ) -> bool {
        let catalog = self.catalog();
        let Some(entry) = catalog
            .surface(surface)
            .find(|s| s.connector.id() == connector)
        else {
            return false;
        };
        self.authorizer.can_use(principal, &entry.spec)
            && self.authorizer.can_invoke(principal, &entry.spec, params)
    }

    /// A subscription's session is gone: `connector` counted it, so it is
    /// told (its upstream hears on the last one).
    pub async fn release_subscription(&self, connector: &str, uri: &str) {
        let catalog = self.catalog();
        let Some(entry) = catalog
            .surface(Surface::Resources)
            .find(|s| s.connector.id() == connector)
        else {
            return;
        };
        let ctx =
            CallContext::housekeeping("subscriptions", Instant::now() + self.options.call_timeout);
        let params = json!({"uri": uri});
        if let Some(Err(e)) = entry
            .connector
            .forward(&ctx, "resources/unsubscribe", params)
            .await
        {
            tracing::debug!(connector, error = %e.message, "releasing a closed session's subscription failed");
        }
    }

    /// One connector: authorize, limit, forward, audit. `None`: the caller
    /// may not use it (or it no longer offers the method); the connector
    /// was not asked or had nothing.
    async fn forward_one(
        &self,
        req: &ForwardRequest,
        method: &'static str,
        entry: &SurfaceEntry,
    ) -> Result<Option<Result<Value, ConnectorError>>, ForwardError> {
        let mut record = req.record(method);
        record.tool = Some(entry.spec.name.clone());
        record.connector = Some(entry.connector.id().to_owned());
        let call_id = record.call_id.clone();
        let mut audit = AuditGuard::start(self.audit.clone(), record);

        let allowed = self.authorizer.can_use(&req.principal, &entry.spec)
            && self
                .authorizer
                .can_invoke(&req.principal, &entry.spec, &req.params);
        if !allowed {
            audit.record_mut().decision = Decision::Denied;
            audit
                .finish(Outcome::Denied)
                .await
                .map_err(|_| ForwardError::AuditUnavailable)?;
            return Ok(None);
        }
        audit.record_mut().decision = Decision::Allowed;

        let id = entry.connector.id();
        if let Err(wait) = self.limits.check(&req.principal, id, &entry.spec).await {
            let e = ConnectorError::new(
                ErrorKind::RateLimited,
                format!("rate limit reached; retry in {} ms", wait.as_millis()),
            )
            .with_retry_after(wait);
            audit.record_mut().error_kind = Some(e.kind.as_str());
            audit.record_mut().error_message = Some(e.message.clone());
            audit
                .finish(Outcome::RateLimited)
                .await
                .map_err(|_| ForwardError::AuditUnavailable)?;
            return Err(ForwardError::Failed(e));
        }

        let stats = Arc::new(CallStats::default());
        let ctx = CallContext {
            principal: req.principal.clone(),
            call_id,
            request_id: req.request_id.clone(),
            parent_call_id: None,
            deadline: Instant::now() + self.options.call_timeout,
            stats: stats.clone(),
            dispatcher: self.me.upgrade().map(|g| g as Arc<dyn ToolDispatcher>),
            trace: self.trace.clone(),
            relay: req.relay.clone(),
            credentials: Some(req.credentials.clone()),
            // `input_required` rounds pass through for tools/call only.
            resume: None,
        };
        let answer = run(entry, &ctx, method, req.params.clone(), &req.cancel).await;
        audit.record_mut().upstream_requests = stats.upstream_requests();
        let outcome = match &answer {
            None => Outcome::UnknownTool,
            Some(Ok(value)) => {
                audit.set_result(&value.to_string());
                Outcome::Ok
            }
            Some(Err(e)) => {
                let record = audit.record_mut();
                record.error_kind = Some(e.kind.as_str());
                record.error_message = Some(e.message.clone());
                if let Some(source) = &e.source {
                    tracing::warn!(connector = id, method, kind = e.kind.as_str(), error = %source, "forwarded request failed");
                }
                if e.kind == ErrorKind::RateLimited {
                    Outcome::RateLimited
                } else {
                    Outcome::ToolError
                }
            }
        };
        audit
            .finish(outcome)
            .await
            .map_err(|_| ForwardError::AuditUnavailable)?;
        Ok(answer)
    }
}

/// `forward` with the deadline, the client's cancellation, panics caught.
async fn run(
    entry: &SurfaceEntry,
    ctx: &CallContext,
    method: &'static str,
    params: Value,
    cancel: &CancellationToken,
) -> Option<Result<Value, ConnectorError>> {
    let call = AssertUnwindSafe(entry.connector.forward(ctx, method, params)).catch_unwind();
    let deadline = tokio::time::Instant::from_std(ctx.deadline);
    tokio::select! {
        answer = call => match answer {
            Ok(answer) => answer,
            Err(_) => {
                tracing::error!(connector = entry.connector.id(), method, "connector panicked in forward");
                Some(Err(ConnectorError::internal("the request failed unexpectedly")))
            }
        },
        _ = tokio::time::sleep_until(deadline) => Some(Err(ConnectorError::new(
            ErrorKind::Timeout,
            format!("{method} did not finish within the gateway's time limit"),
        ))),
        _ = cancel.cancelled() => Some(Err(ConnectorError::new(ErrorKind::Timeout, "the client cancelled the request"))),
    }
}
