//! A fake Intercom REST API (version 2.11) serving the demo support desk
//! with the real paths, payload shapes, query language, cursor paging,
//! auth check and `error.list` bodies (see `upstream-fixtures/intercom`
//! and its `SOURCES.md` rows). Notes posted to a conversation are kept, so
//! reading the conversation afterwards shows them.

mod companies;
mod contacts;
mod conversation;
mod conversations;
mod paging;
mod query;
mod render;
mod tickets;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::{FakeServer, FaultResponses};
use crate::demo::support::SupportDesk;
use crate::demo::DemoCompany;

/// The API version whose payload shapes the fake serves.
pub const VERSION: &str = "2.11";

const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// Intercom's default app limit per minute, reported (not enforced).
const RATE_LIMIT: u64 = 10_000;

/// Knobs for upstream behaviour tests need to provoke.
#[derive(Debug, Clone, Default)]
pub struct IntercomOptions {
    /// Serve at most this many items per page, whatever `per_page` asks
    /// for, so paging across pages can be tested on the small demo desk.
    pub max_page_size: Option<usize>,
}

/// Starts a fake Intercom for `company`'s support desk on a loopback port,
/// accepting only `Authorization: Bearer <token>` and requests that pin
/// `Intercom-Version: 2.11`. Keep the server alive while it is used.
pub async fn spawn_intercom(company: &'static DemoCompany, token: &str) -> FakeServer {
    spawn_intercom_with(company, token, IntercomOptions::default()).await
}

/// [`spawn_intercom`] with options.
pub async fn spawn_intercom_with(
    company: &'static DemoCompany,
    token: &str,
    options: IntercomOptions,
) -> FakeServer {
    let state = Arc::new(Intercom {
        desk: SupportDesk::build(company),
        options,
        notes: Mutex::new(Vec::new()),
        requests: AtomicU64::new(0),
    });
    let token: Arc<str> = format!("Bearer {token}").into();
    FakeServer::start(move |_| router(state, token), fault_responses()).await
}

pub(super) struct Intercom {
    desk: SupportDesk,
    options: IntercomOptions,
    /// Notes posted so far: (conversation id, the part as served).
    notes: Mutex<Vec<(String, Value)>>,
    requests: AtomicU64,
}

type Shared = Arc<Intercom>;

impl Intercom {
    /// Caps a requested page size (see [`IntercomOptions::max_page_size`]).
    fn page_size(&self, per_page: usize) -> usize {
        self.options
            .max_page_size
            .map_or(per_page, |cap| per_page.min(cap.max(1)))
    }

    fn notes_on(&self, conversation_id: &str) -> Vec<Value> {
        let notes = self.notes.lock().unwrap_or_else(|e| e.into_inner());
        notes
            .iter()
            .filter(|(id, _)| id == conversation_id)
            .map(|(_, part)| part.clone())
            .collect()
    }

    fn request_id(&self) -> String {
        let n = self.requests.load(Ordering::Relaxed);
        format!("00{:016x}", 0x6c_7600_0000_u64 + n)
    }
}

/// Intercom's error body: `{type: "error.list", request_id, errors}`.
pub(super) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let request_id = format!("{:08x}-7d26-4191-b33f-77ca0a4d4ede", status.as_u16());
    let body = json!({
        "type": "error.list",
        "request_id": request_id,
        "errors": [{"code": code, "message": message}],
    });
    json_response(status, &body)
}

pub(super) fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not_found", "Resource Not Found")
}

pub(super) fn invalid(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "parameter_invalid", message)
}

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    response
}

pub(super) fn ok(body: &Value) -> Response {
    json_response(StatusCode::OK, body)
}

fn router(state: Shared, token: Arc<str>) -> Router {
    Router::new()
        .route("/admins", get(render::admins))
        .route("/companies", get(companies::find))
        .route("/companies/{id}", get(companies::get_one))
        .route("/companies/{id}/contacts", get(companies::contacts))
        .route("/contacts", get(contacts::list))
        .route("/contacts/search", post(contacts::search))
        .route("/contacts/{id}", get(contacts::get_one))
        .route("/conversations", get(conversations::list))
        .route("/conversations/search", post(conversations::search))
        .route("/conversations/{id}", get(conversations::get_one))
        .route("/conversations/{id}/reply", post(conversations::reply))
        .route("/tickets/search", post(tickets::search))
        .route("/tickets/{id}", get(tickets::get_one))
        .fallback(|| async { not_found() })
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), token),
            authenticate,
        ))
        .with_state(state)
}

/// 401 unless the bearer token matches; 400 unless the request pins the
/// version whose shapes this fake serves (the real API would fall back to
/// the app's default version, which would hide a connector that forgot
/// the header); then the headers Intercom sends on every response.
async fn authenticate(
    State((state, expected)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let seq = state.requests.fetch_add(1, Ordering::Relaxed) + 1;
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) != Some(&*expected) {
        return error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Access Token Invalid",
        );
    }
    let version = request.headers().get("intercom-version");
    if version.and_then(|v| v.to_str().ok()) != Some(VERSION) {
        return error(
            StatusCode::BAD_REQUEST,
            "intercom_version_invalid",
            "Requested resource is not available in current API version",
        );
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert("intercom-version", HeaderValue::from_static(VERSION));
    if let Ok(v) = HeaderValue::from_str(&state.request_id()) {
        headers.insert("x-request-id", v);
    }
    for (name, value) in rate_headers(RATE_LIMIT.saturating_sub(seq)) {
        headers.insert(name, value);
    }
    response
}

/// `X-RateLimit-*` as Intercom sends them; the reset is the end of the
/// current 10-second window in unix seconds.
fn rate_headers(remaining: u64) -> Vec<(HeaderName, HeaderValue)> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    [
        ("x-ratelimit-limit", RATE_LIMIT),
        ("x-ratelimit-remaining", remaining),
        ("x-ratelimit-reset", now - now % 10 + 10),
    ]
    .into_iter()
    .map(|(name, v)| (HeaderName::from_static(name), HeaderValue::from(v)))
    .collect()
}

/// The `error.list` bodies the shared fault layer sends for Intercom: the
/// general 429 (same shape and code as the spec's only 429 example) and a
/// 500.
fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({
            "type": "error.list",
            "request_id": "b68959ea-6328-4f70-83cb-e7913dba1542",
            "errors": [{"code": "rate_limit_exceeded", "message": "Exceeded rate limit of 10000 requests per minute"}],
        }),
        rate_limited_headers: rate_headers(0),
        server_error: json!({
            "type": "error.list",
            "request_id": "5f1c0d3e-1f0a-4b8e-9f5e-3c2b1a0d9e8f",
            "errors": [{"code": "server_error", "message": "Server Error"}],
        }),
        content_type: HeaderValue::from_static(CONTENT_TYPE),
    }
}

#[cfg(test)]
mod tests;
