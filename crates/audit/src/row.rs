//! The two shapes of a row: what the writer stores (built from an
//! [`AuditRecord`] in the caller's task, so the single writer only chains
//! and inserts) and what readers get back ([`AuditRow`]).

use serde::Serialize;
use serde_json::Value;
use switchboard_gateway::audit::AuditRecord;

use crate::entity::audit_log;

/// Arguments whose JSON is longer than this are replaced by a truncation
/// marker: `{"_truncated": true, "bytes": N, "head": "<first bytes>"}`.
pub const ARGUMENTS_CAP: usize = 8 * 1024;
/// Bytes of the argument JSON the marker keeps (half the cap, so even with
/// JSON escaping the marker stays near the cap).
const ARGUMENTS_HEAD: usize = ARGUMENTS_CAP / 2;
/// A backstop for producers that bypass `AuditGuard` (which caps at 16 KiB).
pub const RESULT_CAP: usize = 64 * 1024;

/// Builds the stored form of a record; chain columns are filled by the writer.
pub(crate) fn to_model(record: &AuditRecord) -> audit_log::Model {
    audit_log::Model {
        id: 0,
        chain_id: String::new(),
        seq: 0,
        prev_hash: String::new(),
        row_hash: String::new(),
        time_us: record.time_us,
        call_id: clean(&record.call_id),
        parent_call_id: record.parent_call_id.as_deref().map(clean),
        request_id: clean(&record.request_id),
        trace_id: record.trace_id.as_deref().map(clean),
        session_id: record.session_id.as_deref().map(clean),
        client: record.client.as_deref().map(clean),
        method: clean(record.method),
        user_id: clean(&record.user_id),
        org: clean(&record.org),
        groups: serde_json::to_string(&record.groups).unwrap_or_else(|_| "[]".into()),
        tool: record.tool.as_deref().map(clean),
        connector: record.connector.as_deref().map(clean),
        arguments: cap_arguments(&record.arguments),
        decision: enum_name(&record.decision),
        outcome: enum_name(&record.outcome),
        error_kind: record.error_kind.map(clean),
        error_message: record.error_message.as_deref().map(clean),
        result: record
            .result
            .as_deref()
            .map(|r| clean(&cap_str(r, RESULT_CAP))),
        result_sha256: record.result_sha256.as_deref().map(clean),
        result_bytes: record.result_bytes.map(saturate),
        cache: enum_name(&record.cache),
        upstream_requests: i64::from(record.upstream_requests),
        latency_us: saturate(record.latency_us),
    }
}

/// PostgreSQL `text` cannot hold NUL. One tool result containing `\0` would
/// otherwise fail its whole batch (and every co-batched call with it).
fn clean(s: &str) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{fffd}")
    } else {
        s.to_owned()
    }
}

fn saturate(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The serde name of a gateway enum (`allowed`, `rate_limited`, `hit`), so
/// the stored names follow the gateway's definitions.
fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => "unknown".to_owned(),
    }
}

/// The argument JSON, or a truncation marker holding its first bytes.
pub fn cap_arguments(arguments: &Value) -> String {
    let text = serde_json::to_string(arguments).unwrap_or_else(|_| "null".into());
    if text.len() <= ARGUMENTS_CAP {
        return text;
    }
    let head = &text[..floor_char_boundary(&text, ARGUMENTS_HEAD)];
    serde_json::json!({"_truncated": true, "bytes": text.len(), "head": head}).to_string()
}

fn cap_str(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let end = floor_char_boundary(s, max);
    format!("{}…[{} bytes more]", &s[..end], s.len() - end)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One stored row, as the query API and the CLI return it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub chain_id: String,
    pub seq: i64,
    pub prev_hash: String,
    pub row_hash: String,
    pub time_us: i64,
    pub call_id: String,
    pub parent_call_id: Option<String>,
    pub request_id: String,
    pub trace_id: Option<String>,
    pub session_id: Option<String>,
    pub client: Option<String>,
    pub method: String,
    pub user_id: String,
    pub org: String,
    pub groups: Vec<String>,
    pub tool: Option<String>,
    pub connector: Option<String>,
    /// Redacted by the gateway, capped at [`ARGUMENTS_CAP`].
    pub arguments: Value,
    pub decision: String,
    pub outcome: String,
    pub error_kind: Option<String>,
    pub error_message: Option<String>,
    pub result: Option<String>,
    pub result_sha256: Option<String>,
    pub result_bytes: Option<i64>,
    pub cache: String,
    pub upstream_requests: i64,
    pub latency_us: i64,
}

impl From<audit_log::Model> for AuditRow {
    fn from(m: audit_log::Model) -> Self {
        AuditRow {
            groups: serde_json::from_str(&m.groups).unwrap_or_default(),
            // Text that is not JSON (edited by hand) is still shown, as a string.
            arguments: serde_json::from_str(&m.arguments).unwrap_or(Value::String(m.arguments)),
            id: m.id,
            chain_id: m.chain_id,
            seq: m.seq,
            prev_hash: m.prev_hash,
            row_hash: m.row_hash,
            time_us: m.time_us,
            call_id: m.call_id,
            parent_call_id: m.parent_call_id,
            request_id: m.request_id,
            trace_id: m.trace_id,
            session_id: m.session_id,
            client: m.client,
            method: m.method,
            user_id: m.user_id,
            org: m.org,
            tool: m.tool,
            connector: m.connector,
            decision: m.decision,
            outcome: m.outcome,
            error_kind: m.error_kind,
            error_message: m.error_message,
            result: m.result,
            result_sha256: m.result_sha256,
            result_bytes: m.result_bytes,
            cache: m.cache,
            upstream_requests: m.upstream_requests,
            latency_us: m.latency_us,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_gateway::audit::Outcome;

    #[test]
    fn outcome_names_match_the_cli_help() {
        // Exhaustive on purpose: a new gateway outcome stops this compiling
        // until `audit query --outcome` documents it.
        let documented = |o: Outcome| match o {
            Outcome::Ok => "ok",
            Outcome::UnknownTool => "unknown_tool",
            Outcome::Denied => "denied",
            Outcome::InvalidArgs => "invalid_args",
            Outcome::RateLimited => "rate_limited",
            Outcome::ToolError => "tool_error",
            Outcome::Cancelled => "cancelled",
        };
        for o in [
            Outcome::Ok,
            Outcome::UnknownTool,
            Outcome::Denied,
            Outcome::InvalidArgs,
            Outcome::RateLimited,
            Outcome::ToolError,
            Outcome::Cancelled,
        ] {
            assert_eq!(enum_name(&o), documented(o));
        }
    }

    #[test]
    fn caps_arguments_on_char_boundaries() {
        let small = serde_json::json!({"q": "é"});
        assert_eq!(cap_arguments(&small), small.to_string());
        let big = serde_json::json!({"q": "é".repeat(ARGUMENTS_CAP)});
        let capped: Value = serde_json::from_str(&cap_arguments(&big)).expect("marker is JSON");
        assert_eq!(capped["_truncated"], true);
        assert_eq!(capped["bytes"], big.to_string().len());
        assert!(big
            .to_string()
            .starts_with(capped["head"].as_str().expect("head")));
        assert_eq!(cap_str("abcdef", 3), "abc…[3 bytes more]");
    }
}
