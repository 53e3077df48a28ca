//! A fake Notion API (version 2025-09-03) serving the demo workspace with
//! the real paths, payload shapes, cursor paging, auth and version checks
//! and error bodies (see `upstream-fixtures/notion` and its `SOURCES.md`
//! rows).

mod content;
mod filter;
mod paging;
mod query;
mod render;
mod schema;
mod search;
#[cfg(test)]
mod tests;
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
use crate::demo::docs::{workspace_for, NotionWorkspace, INTEGRATION_NAME};
use crate::demo::DemoCompany;

/// The API version whose shapes this fake serves (the recordings').
pub const NOTION_VERSION: &str = "2025-09-03";
/// Versions accepted in `Notion-Version` (the markdown endpoints' too).
const ACCEPTED_VERSIONS: &[&str] = &[NOTION_VERSION, "2026-03-11"];

const CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Knobs for upstream behaviour tests need to provoke.
#[derive(Debug, Clone, Default)]
pub struct NotionOptions {
    /// Serve at most this many results per page, whatever `page_size`
    /// asks for, so paging can be tested on the small demo workspace.
    pub max_page_size: Option<usize>,
}

/// Starts a fake Notion for `company` on a loopback port, accepting only
/// `Authorization: Bearer <token>` with a `Notion-Version` header. Keep
/// the server alive while it is used. Must run inside a tokio runtime.
pub async fn spawn_notion(company: &'static DemoCompany, token: &str) -> FakeServer {
    spawn_notion_with(company, token, NotionOptions::default()).await
}

/// [`spawn_notion`] with options.
pub async fn spawn_notion_with(
    company: &'static DemoCompany,
    token: &str,
    options: NotionOptions,
) -> FakeServer {
    let token: Arc<str> = format!("Bearer {token}").into();
    FakeServer::start(
        move |_| {
            let state = Arc::new(Notion {
                ws: workspace_for(company),
                options,
                requests: AtomicU64::new(0),
            });
            router(state, token)
        },
        fault_responses(),
    )
    .await
}

pub(super) struct Notion {
    ws: NotionWorkspace,
    options: NotionOptions,
    requests: AtomicU64,
}

type Shared = Arc<Notion>;

impl Notion {
    fn request_id(&self) -> String {
        let n = self.requests.fetch_add(1, Ordering::Relaxed);
        format!("5e1f0c2a-7b3d-4c8e-9a6f-{n:012x}")
    }

    /// Caps a requested page size (see [`NotionOptions::max_page_size`]).
    fn page_size(&self, asked: usize) -> usize {
        self.options
            .max_page_size
            .map_or(asked, |cap| asked.min(cap.max(1)))
    }

    /// Notion's error body: `{object, status, code, message, request_id}`.
    fn error(&self, status: StatusCode, code: &str, message: impl Into<String>) -> Response {
        let body = json!({
            "object": "error", "status": status.as_u16(), "code": code, "message": message.into(),
        });
        self.json(status, body)
    }

    /// 400 `validation_error`.
    fn invalid(&self, message: impl Into<String>) -> Response {
        self.error(StatusCode::BAD_REQUEST, "validation_error", message)
    }

    /// 404 `object_not_found` (`error_404.json`, with the integration id).
    fn not_found(&self, what: &str, id: &str) -> Response {
        let body = json!({
            "object": "error", "status": 404, "code": "object_not_found",
            "message": format!("Could not find {what} with ID: {id}. Make sure the relevant pages and databases are shared with your integration \"{INTEGRATION_NAME}\"."),
            "additional_data": {"integration_id": self.ws.bot.id},
        });
        self.json(StatusCode::NOT_FOUND, body)
    }

    /// 200 with `request_id` added to the body, as Notion does.
    fn ok(&self, body: Value) -> Response {
        self.json(StatusCode::OK, body)
    }

    fn json(&self, status: StatusCode, mut body: Value) -> Response {
        let id = self.request_id();
        if let Some(map) = body.as_object_mut() {
            map.insert("request_id".into(), Value::String(id.clone()));
        }
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Ok(v) = HeaderValue::from_str(&id) {
            headers.insert("x-notion-request-id", v);
        }
        response
    }
}

/// Notion accepts ids with or without dashes; anything else in a path is
/// a 400 naming the parameter.
fn parse_id(state: &Notion, param: &str, raw: &str) -> Result<String, Box<Response>> {
    let hex: String = raw.chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Box::new(state.invalid(format!(
            "path failed validation: path.{param} should be a valid uuid, instead was `\"{raw}\"`."
        ))));
    }
    let h = hex.to_ascii_lowercase();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

fn router(state: Shared, token: Arc<str>) -> Router {
    let auth_state = (state.clone(), token);
    let invalid_url = |State(s): State<Shared>| async move {
        s.error(
            StatusCode::BAD_REQUEST,
            "invalid_request_url",
            "Invalid request URL.",
        )
    };
    Router::new()
        .route("/v1/search", post(search::search))
        .route("/v1/pages/{id}", get(content::page))
        .route("/v1/blocks/{id}", get(content::block))
        .route("/v1/blocks/{id}/children", get(content::children))
        .route("/v1/data_sources/{id}", get(query::data_source))
        .route("/v1/data_sources/{id}/query", post(query::query))
        .route("/v1/databases/{id}", get(query::database))
        .route("/v1/users", get(users::list))
        .route("/v1/users/me", get(users::me))
        .route("/v1/users/{id}", get(users::get_one))
        .route("/v1/comments", get(users::comments))
        .fallback(invalid_url)
        .method_not_allowed_fallback(invalid_url)
        .layer(axum::middleware::from_fn_with_state(
            auth_state,
            authenticate,
        ))
        .with_state(state)
}

/// 401 unless the bearer token matches, then 400 unless a published
/// `Notion-Version` is sent: Notion's own codes and messages.
async fn authenticate(
    State((state, expected)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) != Some(&*expected) {
        return state.error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "API token is invalid.",
        );
    }
    let version = request
        .headers()
        .get("notion-version")
        .map(|v| v.to_str().unwrap_or_default().to_owned());
    match version {
        None => state.error(
            StatusCode::BAD_REQUEST,
            "missing_version",
            "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.",
        ),
        Some(v) if !ACCEPTED_VERSIONS.contains(&v.as_str()) => state.error(
            StatusCode::BAD_REQUEST,
            "validation_error",
            format!(
                "Notion-Version header failed validation: Notion-Version header should be a published API version, instead was `\"{v}\"`."
            ),
        ),
        Some(_) => next.run(request).await,
    }
}

/// Notion's documented 429 and 500 bodies.
fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({
            "object": "error", "status": 429, "code": "rate_limited",
            "message": "You have been rate limited. Please try again in a few minutes.",
            "request_id": "5e1f0c2a-7b3d-4c8e-9a6f-00000000f429"
        }),
        rate_limited_headers: Vec::new(),
        server_error: json!({
            "object": "error", "status": 500, "code": "internal_server_error",
            "message": "Unexpected error occurred.",
            "request_id": "5e1f0c2a-7b3d-4c8e-9a6f-00000000f500"
        }),
        content_type: HeaderValue::from_static(CONTENT_TYPE),
    }
}
