//! HubSpot's rate-limit headers (reported from real request counts, not
//! enforced: throttling is a fault a test injects) and the bodies the
//! shared fault layer sends for HubSpot.

use std::time::{Duration, Instant};

use axum::http::{HeaderName, HeaderValue};
use serde_json::json;

use super::CONTENT_TYPE;
use crate::fake::FaultResponses;

const WINDOW_MAX: u64 = 110;
const SECONDLY_MAX: u64 = 11;

/// Request counts in HubSpot's 10-second and 1-second windows.
#[derive(Debug, Default)]
pub(super) struct Windows {
    ten: Option<(Instant, u64)>,
    one: Option<(Instant, u64)>,
}

impl Windows {
    pub fn take(&mut self) -> (u64, u64) {
        let now = Instant::now();
        let bump = |w: &mut Option<(Instant, u64)>, len: Duration, max: u64| {
            let (start, used) = match *w {
                Some((start, used)) if now.duration_since(start) < len => (start, used + 1),
                _ => (now, 1),
            };
            *w = Some((start, used));
            max.saturating_sub(used)
        };
        let ten = bump(&mut self.ten, Duration::from_secs(10), WINDOW_MAX);
        let one = bump(&mut self.one, Duration::from_secs(1), SECONDLY_MAX);
        (ten, one)
    }
}

pub(super) fn rate_headers(
    remaining: u64,
    secondly_remaining: u64,
) -> Vec<(HeaderName, HeaderValue)> {
    [
        ("x-hubspot-ratelimit-interval-milliseconds", 10_000),
        ("x-hubspot-ratelimit-max", WINDOW_MAX),
        ("x-hubspot-ratelimit-remaining", remaining),
        ("x-hubspot-ratelimit-secondly", SECONDLY_MAX),
        ("x-hubspot-ratelimit-secondly-remaining", secondly_remaining),
    ]
    .into_iter()
    .map(|(name, v)| (HeaderName::from_static(name), HeaderValue::from(v)))
    .collect()
}

/// The documented 429 body (`error_429_docs.json`, verbatim) and a 500 in
/// HubSpot's standard error shape.
pub(super) fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({
            "status": "error",
            "message": "You have reached your daily limit.",
            "errorType": "RATE_LIMIT",
            "correlationId": "c033cdaa-2c40-4a64-ae48-b4cec88dad24",
            "policyName": "DAILY",
            "requestId": "3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd"
        }),
        rate_limited_headers: rate_headers(0, 0),
        server_error: json!({
            "status": "error",
            "message": "internal error",
            "correlationId": "019ce0f9-0000-7000-8000-000000000500",
            "category": "INTERNAL_ERROR"
        }),
        content_type: HeaderValue::from_static(CONTENT_TYPE),
    }
}
