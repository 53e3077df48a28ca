//! The audit seam. Every `tools/call` (allowed, denied, invalid, failed,
//! cancelled) and every `tools/list` produces one [`AuditRecord`]; the
//! durable, hash-chained store comes with the audit issue and implements
//! [`AuditSink`]. Until then [`LogAuditSink`] writes records to the log.

use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What the gateway decided about a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Allowed,
    Denied,
    /// Not looked at by policy (unknown tool, list request).
    NotEvaluated,
}

/// How the call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    UnknownTool,
    Denied,
    InvalidArgs,
    RateLimited,
    ToolError,
    Cancelled,
}

/// Whether the response came from the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CacheStatus {
    Hit,
    Miss,
    Bypass,
}

/// One audit row.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRecord {
    /// Microseconds since the Unix epoch, UTC.
    pub time_us: i64,
    pub call_id: String,
    pub parent_call_id: Option<String>,
    pub request_id: String,
    /// W3C trace id of the request, when tracing is on.
    pub trace_id: Option<String>,
    pub session_id: Option<String>,
    /// `name/version` of the MCP client.
    pub client: Option<String>,
    /// `tools/call` or `tools/list`.
    pub method: &'static str,
    pub user_id: String,
    pub org: String,
    pub groups: Vec<String>,
    pub tool: Option<String>,
    pub connector: Option<String>,
    /// Arguments with secret-looking values redacted.
    pub arguments: Value,
    pub decision: Decision,
    pub outcome: Outcome,
    pub error_kind: Option<&'static str>,
    pub error_message: Option<String>,
    /// The shaped result as sent, capped.
    pub result: Option<String>,
    pub result_sha256: Option<String>,
    pub result_bytes: Option<u64>,
    pub cache: CacheStatus,
    pub upstream_requests: u32,
    pub latency_us: u64,
}

/// The store could not take the record; the call must fail closed.
#[derive(Debug, thiserror::Error)]
#[error("audit unavailable: {0}")]
pub struct AuditUnavailable(pub String);

/// Where audit records go. `write` returns once the record is durable.
#[async_trait]
pub trait AuditSink: Send + Sync {
    async fn write(&self, record: AuditRecord) -> Result<(), AuditUnavailable>;

    /// Whether the store answers (for `/readyz`).
    async fn ping(&self) -> bool {
        true
    }

    /// Records waiting to be committed (for `/metrics`).
    fn queue_depth(&self) -> Option<usize> {
        None
    }
}

/// Writes each record as one structured log line (target `audit`).
pub struct LogAuditSink;

#[async_trait]
impl AuditSink for LogAuditSink {
    async fn write(&self, record: AuditRecord) -> Result<(), AuditUnavailable> {
        let line = serde_json::to_string(&record).map_err(|e| AuditUnavailable(e.to_string()))?;
        tracing::info!(target: "audit", "{line}");
        Ok(())
    }
}

const RESULT_CAP: usize = 16 * 1024;

/// An audit record in progress. If the call is dropped before `finish`
/// (client went away, task cancelled, panic), `Drop` writes it as
/// cancelled, so nothing acknowledged or attempted is missing.
pub struct AuditGuard {
    sink: Arc<dyn AuditSink>,
    record: Option<AuditRecord>,
    started: Instant,
}

impl AuditGuard {
    pub fn start(sink: Arc<dyn AuditSink>, record: AuditRecord) -> Self {
        AuditGuard {
            sink,
            record: Some(record),
            started: Instant::now(),
        }
    }

    pub fn record_mut(&mut self) -> &mut AuditRecord {
        self.record.as_mut().expect("record present until finish")
    }

    /// Stores the shaped result, its hash and size.
    pub fn set_result(&mut self, text: &str) {
        let record = self.record_mut();
        record.result_sha256 = Some(hex::encode(Sha256::digest(text.as_bytes())));
        record.result_bytes = Some(text.len() as u64);
        record.result = Some(cap(text, RESULT_CAP));
    }

    /// Completes the record and waits until the sink has it.
    pub async fn finish(mut self, outcome: Outcome) -> Result<(), AuditUnavailable> {
        let mut record = self.record.take().expect("finish called once");
        record.outcome = outcome;
        record.latency_us = self.started.elapsed().as_micros() as u64;
        self.sink.write(record).await
    }
}

impl Drop for AuditGuard {
    fn drop(&mut self) {
        let Some(mut record) = self.record.take() else {
            return;
        };
        record.outcome = Outcome::Cancelled;
        record.latency_us = self.started.elapsed().as_micros() as u64;
        let sink = self.sink.clone();
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => {
                handle.spawn(async move {
                    if let Err(e) = sink.write(record).await {
                        tracing::error!(error = %e, "could not audit a cancelled call");
                    }
                });
            }
            Err(_) => {
                tracing::error!(call_id = %record.call_id, "cancelled call dropped outside a runtime; not audited")
            }
        }
    }
}

pub fn now_us() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}

fn cap(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…[{} bytes more]", &s[..end], s.len() - end)
}

/// Replaces values under secret-looking keys, at any depth.
pub fn redact(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_key(k) {
                        Value::String("[redacted]".into())
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "password",
        "passwd",
        "secret",
        "token",
        "api_key",
        "apikey",
        "authorization",
        "credential",
        "private_key",
    ]
    .iter()
    .any(|needle| k.contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_secret_keys_at_any_depth() {
        let v = serde_json::json!({"query": "acme", "auth": {"access_token": "x", "n": [{"password": "p"}]}});
        let r = redact(&v);
        assert_eq!(r["query"], "acme");
        assert_eq!(r["auth"]["access_token"], "[redacted]");
        assert_eq!(r["auth"]["n"][0]["password"], "[redacted]");
    }

    #[test]
    fn caps_on_char_boundaries() {
        let s = "é".repeat(10);
        assert!(cap(&s, 5).starts_with("éé"));
    }
}
