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

/// How long the vendor asks us to wait: `Retry-After` (seconds), else
/// `X-RateLimit-Reset` (epoch seconds: GitHub, and others), else HubSpot's
/// window when its remaining count is zero.
pub fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let num = |name: &str| {
        headers
            .get(name)?
            .to_str()
            .ok()?
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    if let Some(secs) = num("retry-after") {
        return Some(Duration::from_secs_f64(secs.min(3600.0)));
    }
    if let Some(reset) = num("x-ratelimit-reset") {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs_f64();
        // Some vendors send seconds-until-reset rather than an epoch time.
        let wait = if reset > 1_000_000_000.0 {
            reset - now
        } else {
            reset
        };
        return Some(Duration::from_secs_f64(wait.clamp(0.0, 3600.0)));
    }
    if num("x-hubspot-ratelimit-remaining") == Some(0.0)
        || num("x-hubspot-ratelimit-secondly-remaining") == Some(0.0)
    {
        let ms = num("x-hubspot-ratelimit-interval-milliseconds").unwrap_or(1000.0);
        return Some(Duration::from_millis(ms as u64));
    }
    None
}

/// A 403 that is really a rate limit: GitHub's primary limit (remaining
/// zero) and secondary limit, BigQuery's `rateLimitExceeded`.
fn is_rate_limit_403(headers: &HeaderMap, body: &[u8]) -> bool {
    let remaining_zero = headers
        .get("x-ratelimit-remaining")
        .and_then(|v| v.to_str().ok())
        == Some("0");
    let text = String::from_utf8_lossy(body);
    remaining_zero || text.contains("rateLimitExceeded") || text.contains("secondary rate limit")
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
        403 if is_rate_limit_403(headers, body) => {
            (ErrorKind::RateLimited, "is rate limiting the gateway")
        }
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

/// `s` cut to `max` characters (an ellipsis marks the cut), for messages
/// and logs that quote what an upstream sent.
pub fn truncate(s: &str, max: usize) -> String {
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

#[cfg(test)]
mod vendor_limit_tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn vendor_rate_limit_signals() {
        let in_30s = (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 30)
            .to_string();
        let gh = headers(&[
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", &in_30s),
        ]);
        let e = error_for_status(
            "GitHub",
            403,
            &gh,
            br#"{"message":"API rate limit exceeded"}"#,
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::RateLimited);
        let wait = e.retry_after.unwrap();
        assert!(
            wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );

        let e = error_for_status(
            "GitHub",
            403,
            &HeaderMap::new(),
            br#"{"message":"You have exceeded a secondary rate limit"}"#,
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::RateLimited);
        let e = error_for_status(
            "BigQuery",
            403,
            &HeaderMap::new(),
            br#"{"error":{"errors":[{"reason":"rateLimitExceeded"}]}}"#,
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::RateLimited);
        let e = error_for_status(
            "GitHub",
            403,
            &HeaderMap::new(),
            br#"{"message":"Resource not accessible"}"#,
            generic_vendor_message,
        );
        assert_eq!(e.kind, ErrorKind::UpstreamDenied);

        let hs = headers(&[
            ("x-hubspot-ratelimit-remaining", "0"),
            ("x-hubspot-ratelimit-interval-milliseconds", "10000"),
        ]);
        assert_eq!(parse_retry_after(&hs), Some(Duration::from_secs(10)));
    }
}
