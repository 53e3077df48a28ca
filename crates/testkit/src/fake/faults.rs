//! Fault injection as an axum middleware, shared by every fake upstream.
//! Tests flip a [`Faults`] handle; the next requests misbehave the way a
//! real vendor does (slow, throttled, failing, garbled or silent).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use tokio::sync::watch;

/// One way for the upstream to misbehave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// 429 with `Retry-After` (whole seconds, rounded up) and the vendor's
    /// rate-limit body and headers.
    RateLimited { retry_after: Duration },
    /// 500 with the vendor's error body.
    ServerError,
    /// 200 with a JSON content type and a truncated JSON body.
    MalformedJson,
    /// Never answers (until the server shuts down).
    Hang,
}

/// What a vendor sends when it throttles or fails: each fake supplies its
/// own so that the 429 body is the vendor's documented one.
#[derive(Debug, Clone)]
pub struct FaultResponses {
    pub rate_limited: Value,
    pub rate_limited_headers: Vec<(HeaderName, HeaderValue)>,
    pub server_error: Value,
    pub content_type: HeaderValue,
}

impl Default for FaultResponses {
    fn default() -> Self {
        FaultResponses {
            rate_limited: json!({"message": "rate limit exceeded"}),
            rate_limited_headers: Vec::new(),
            server_error: json!({"message": "internal server error"}),
            content_type: HeaderValue::from_static("application/json"),
        }
    }
}

#[derive(Debug, Default)]
struct FaultState {
    latency: Duration,
    fault: Option<Fault>,
    /// How many more requests get `fault`; `None` means until cleared.
    remaining: Option<u32>,
}

/// A cloneable handle: changes apply to requests that arrive afterwards.
#[derive(Debug, Clone, Default)]
pub struct Faults(Arc<Mutex<FaultState>>);

impl Faults {
    fn lock(&self) -> MutexGuard<'_, FaultState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a fixed delay before every request is handled.
    pub fn set_latency(&self, latency: Duration) {
        self.lock().latency = latency;
    }

    /// Applies `fault` to every request until [`Faults::clear`].
    pub fn inject(&self, fault: Fault) {
        let mut s = self.lock();
        s.fault = Some(fault);
        s.remaining = None;
    }

    /// Applies `fault` to the next `times` requests only (retry tests).
    pub fn inject_times(&self, fault: Fault, times: u32) {
        let mut s = self.lock();
        s.fault = (times > 0).then_some(fault);
        s.remaining = Some(times);
    }

    /// Removes the fault and the latency.
    pub fn clear(&self) {
        *self.lock() = FaultState::default();
    }

    /// The latency and fault for the request arriving now.
    fn next(&self) -> (Duration, Option<Fault>) {
        let mut s = self.lock();
        let fault = s.fault.clone();
        if let Some(n) = s.remaining.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                s.fault = None;
                s.remaining = None;
            }
        }
        (s.latency, fault)
    }
}

/// The middleware's state.
#[derive(Clone)]
pub(super) struct FaultLayer {
    faults: Faults,
    hits: super::Hits,
    responses: Arc<FaultResponses>,
    stopped: watch::Receiver<bool>,
}

impl FaultLayer {
    pub(super) fn new(
        faults: Faults,
        hits: super::Hits,
        responses: FaultResponses,
        stopped: watch::Receiver<bool>,
    ) -> Self {
        FaultLayer {
            faults,
            hits,
            responses: Arc::new(responses),
            stopped,
        }
    }
}

/// Counts the request, waits out any latency, then answers with the fault
/// or passes the request on.
pub(super) async fn apply(
    State(layer): State<FaultLayer>,
    request: Request,
    next: Next,
) -> Response {
    let uri = request.uri();
    layer
        .hits
        .record(request.method().as_str(), uri.path(), uri.query());
    let (latency, fault) = layer.faults.next();
    let mut stopped = layer.stopped.clone();
    if !latency.is_zero() {
        tokio::select! {
            _ = tokio::time::sleep(latency) => {}
            _ = stopped.wait_for(|s| *s) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        }
    }
    let r = &layer.responses;
    match fault {
        None => next.run(request).await,
        Some(Fault::RateLimited { retry_after }) => {
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            let mut response =
                json_response(StatusCode::TOO_MANY_REQUESTS, r, r.rate_limited.to_string());
            let headers = response.headers_mut();
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
            for (name, value) in &r.rate_limited_headers {
                headers.insert(name.clone(), value.clone());
            }
            response
        }
        Some(Fault::ServerError) => json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            r,
            r.server_error.to_string(),
        ),
        Some(Fault::MalformedJson) => json_response(
            StatusCode::OK,
            r,
            r#"{"results": [{"id": "1", "propert"#.to_owned(),
        ),
        Some(Fault::Hang) => {
            let _ = stopped.wait_for(|s| *s).await;
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

fn json_response(status: StatusCode, r: &FaultResponses, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, r.content_type.clone());
    response
}
