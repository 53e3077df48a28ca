//! Turning vendor error responses into `ConnectorError`s that carry the
//! status and the vendor's own message.

use std::time::Duration;

use http::HeaderMap;
use serde_json::Value;
use switchboard_core::{ConnectorError, ErrorKind};

/// Pulls the human message out of a vendor's error body. Each connector
/// passes its own (HubSpot's `message`, Slack's `error`, ...).
pub type VendorMessage = fn(&Value) -> Option<String>;

/// The common shapes: `message`, `error.message`, `error` (string),
/// `errors[0].message`, `error_description`.
pub fn generic_vendor_message(body: &Value) -> Option<String> {
    let s = |v: &Value| v.as_str().map(str::to_owned);
    body.get("message")
        .and_then(s)
        .or_else(|| body.get("error").and_then(|e| e.get("message")).and_then(s))
        .or_else(|| body.get("error").and_then(s))
        .or_else(|| {
            body.get("errors")
                .and_then(|e| e.get(0))
                .and_then(|e| e.get("message"))
                .and_then(s)
        })
        .or_else(|| body.get("error_description").and_then(s))
}

/// `Retry-After` in seconds (the HTTP-date form is rare from APIs and is
/// treated as absent).
pub fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    let secs: f64 = v.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(3600.0)))
}

/// Maps a non-success status and body to an error for the model.
pub(crate) fn error_for_status(
    service: &str,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    vendor_message: VendorMessage,
) -> ConnectorError {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let vendor = parsed
        .as_ref()
        .and_then(vendor_message)
        .map(|m| truncate(&m, 300));
    let detail = vendor.map(|m| format!(": {m}")).unwrap_or_default();
    let (kind, what) = match status {
        400 | 405 | 409 | 422 => (ErrorKind::InvalidArgs, "rejected the request"),
        401 | 403 => (ErrorKind::UpstreamDenied, "denied access"),
        404 => (ErrorKind::NotFound, "found nothing"),
        408 | 504 => (ErrorKind::Timeout, "timed out"),
        429 => (ErrorKind::RateLimited, "is rate limiting the gateway"),
        500..=599 => (ErrorKind::Unavailable, "is failing"),
        _ => (ErrorKind::Upstream, "answered unexpectedly"),
    };
    let mut err = ConnectorError::new(kind, format!("{service} {what} (HTTP {status}){detail}"))
        .with_status(status);
    if let Some(after) = parse_retry_after(headers) {
        err = err.with_retry_after(after);
    }
    err
}

pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_shapes() {
        let m = |v: Value| generic_vendor_message(&v);
        assert_eq!(m(serde_json::json!({"message": "a"})).as_deref(), Some("a"));
        assert_eq!(
            m(serde_json::json!({"error": {"message": "b"}})).as_deref(),
            Some("b")
        );
        assert_eq!(m(serde_json::json!({"error": "c"})).as_deref(), Some("c"));
        assert_eq!(
            m(serde_json::json!({"errors": [{"message": "d"}]})).as_deref(),
            Some("d")
        );
        assert_eq!(m(serde_json::json!({"x": 1})), None);
    }

    #[test]
    fn statuses_map_to_kinds() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        let e = error_for_status(
            "HubSpot",
            429,
            &h,
            br#"{"message":"slow down"}"#,
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::RateLimited);
        assert_eq!(e.retry_after, Some(Duration::from_secs(7)));
        assert!(e.message.contains("slow down") && e.message.contains("429"));
        let e = error_for_status(
            "HubSpot",
            503,
            &HeaderMap::new(),
            b"<html>",
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.upstream_status, Some(503));
    }
}
