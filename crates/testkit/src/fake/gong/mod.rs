//! A fake Gong API (v2) serving the demo company's call library with the
//! real paths, Basic auth, cursor paging (`records.cursor`), and Gong's
//! `{requestId, errors}` error bodies (see `upstream-fixtures/gong` and its
//! `SOURCES.md` rows).
//!
//! No public example of a call or transcript payload exists, so those
//! follow Gong's published OpenAPI schema (`CallBasicData`, `Party`,
//! `CallTranscript`); users, workspaces and errors follow the recordings.

mod calls;
mod paging;
mod render;
mod users;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::{FakeServer, FaultResponses};
use crate::demo::calls::{gong_id, CallLibrary};
use crate::demo::DemoCompany;

/// Knobs tests need to provoke upstream behaviour.
#[derive(Debug, Clone, Default)]
pub struct GongOptions {
    /// Records per page instead of Gong's 100, so that paging can be
    /// tested on the small demo dataset.
    pub page_size: Option<usize>,
}

/// Starts a fake Gong for `company` on a loopback port, accepting only
/// `Authorization: Basic base64(access_key:access_key_secret)`. Keep the
/// server alive while it is used (dropping it stops it). Must run inside a
/// tokio runtime.
pub async fn spawn_gong(
    company: &'static DemoCompany,
    access_key: &str,
    access_key_secret: &str,
) -> FakeServer {
    spawn_gong_with(
        company,
        access_key,
        access_key_secret,
        GongOptions::default(),
    )
    .await
}

/// [`spawn_gong`] with options.
pub async fn spawn_gong_with(
    company: &'static DemoCompany,
    access_key: &str,
    access_key_secret: &str,
    options: GongOptions,
) -> FakeServer {
    let expected = format!(
        "Basic {}",
        paging::base64(
            format!("{access_key}:{access_key_secret}").as_bytes(),
            false
        )
    );
    FakeServer::start(
        move |_| {
            let state = Arc::new(Gong {
                library: CallLibrary::build(company),
                page_size: options.page_size.unwrap_or(PAGE_SIZE).max(1),
                requests: AtomicU64::new(0),
            });
            router(state, expected)
        },
        fault_responses(),
    )
    .await
}

/// Gong's page size for calls, transcripts and users.
const PAGE_SIZE: usize = 100;
/// What Gong answers when a filter matches no call (a recorded 404).
pub const NO_CALLS: &str = "No calls found corresponding to the provided filters";
const SERVICE_VERSION: &str = "PublicApiServer:17.main.19292";
const CONTENT_TYPE: &str = "application/json;charset=UTF-8";
const ERROR_CONTENT_TYPE: &str = "application/json; charset=utf-8";

pub(super) struct Gong {
    library: CallLibrary,
    page_size: usize,
    requests: AtomicU64,
}

type Shared = Arc<Gong>;

impl Gong {
    /// A Gong-style request id (19 base-36 characters), also sent as
    /// `x-traceid`, as the recordings show.
    fn request_id(&self) -> String {
        let n = self.requests.fetch_add(1, Ordering::Relaxed);
        let part = |k: &str| -> u128 { gong_id(&format!("{k}:{n}")).parse().unwrap_or(1) };
        let mut v = part("request") * 10_000_000_000_000_000_000 + part("trace");
        let mut out = String::new();
        for _ in 0..19 {
            out.push(char::from_digit((v % 36) as u32, 36).unwrap_or('0'));
            v /= 36;
        }
        out
    }

    /// `body` with its `requestId`, and Gong's headers.
    fn reply(&self, status: StatusCode, mut body: Value) -> Response {
        let id = self.request_id();
        body["requestId"] = Value::String(id.clone());
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        let content_type = if status.is_success() {
            CONTENT_TYPE
        } else {
            ERROR_CONTENT_TYPE
        };
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers.insert(
            "x-gong-service-version",
            HeaderValue::from_static(SERVICE_VERSION),
        );
        if let Ok(v) = HeaderValue::from_str(&id) {
            headers.insert("x-traceid", v);
        }
        response
    }

    fn ok(&self, body: Value) -> Response {
        self.reply(StatusCode::OK, body)
    }

    /// Gong's error body: `{"requestId": ..., "errors": [message]}`.
    fn error(&self, status: StatusCode, message: impl Into<String>) -> Response {
        self.reply(status, json!({"errors": [message.into()]}))
    }

    fn bad_request(&self, message: impl Into<String>) -> Response {
        self.error(StatusCode::BAD_REQUEST, message)
    }

    fn no_calls(&self) -> Response {
        self.error(StatusCode::NOT_FOUND, NO_CALLS)
    }
}

fn router(state: Shared, expected: String) -> Router {
    let auth = (state.clone(), Arc::<str>::from(expected));
    Router::new()
        .route("/v2/calls", get(calls::list))
        .route("/v2/calls/extensive", post(calls::extensive))
        .route("/v2/calls/transcript", post(calls::transcript))
        .route("/v2/calls/{id}", get(calls::get_one))
        .route("/v2/users", get(users::list))
        .route("/v2/users/{id}", get(users::get_one))
        .route("/v2/workspaces", get(users::workspaces))
        .fallback(
            |State(s): State<Shared>| async move { s.error(StatusCode::NOT_FOUND, "Not Found") },
        )
        .layer(axum::middleware::from_fn_with_state(auth, authenticate))
        .with_state(state)
}

/// 401 unless the Basic credentials match. The body has Gong's recorded
/// error shape; no recording of a bad-credentials message exists, so the
/// wording is ours.
async fn authenticate(
    State((state, expected)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) != Some(&*expected) {
        return state.error(
            StatusCode::UNAUTHORIZED,
            "Access denied: the access key or access key secret is invalid",
        );
    }
    next.run(request).await
}

/// The bodies the shared fault layer sends: the spec's 429 and 500
/// descriptions in Gong's error shape.
fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({
            "requestId": "4al018gzaztcr8nbukw",
            "errors": ["API request limit exceeded"]
        }),
        rate_limited_headers: Vec::new(),
        server_error: json!({
            "requestId": "5b3tq0ls8mrd1kcz2xe",
            "errors": ["Failed to complete the operation due to an unexpected error"]
        }),
        content_type: HeaderValue::from_static(ERROR_CONTENT_TYPE),
    }
}

#[cfg(test)]
mod tests;
