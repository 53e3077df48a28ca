//! A fake BigQuery (REST v2) serving the demo warehouse: `jobs.query` and
//! `jobs.getQueryResults` (named parameters, `maxResults` / `pageToken`
//! paging, jobs that stay `jobComplete: false` for a few polls), job
//! get / list / insert / cancel, and the catalogue (datasets, tables,
//! `tabledata.list`), all in the payload shapes of
//! `upstream-fixtures/bigquery` with rows in BigQuery's `f/v` cell format.
//!
//! Queries really run: the demo tables live in an in-memory SQLite with
//! one attached database per BigQuery dataset (`finance`, `hr`), so plain
//! SQL over `dataset.table` (optionally behind the project) answers with
//! the demo data. Errors use Google's envelope
//! `{"error": {code, message, errors: [{message, domain, reason}], status}}`.

mod catalog;
mod engine;
mod jobs;
mod manage;
mod render;
mod translate;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveTime;
use serde_json::{json, Value};

use super::{FakeServer, FaultResponses};
use crate::demo::DemoCompany;

/// The demo's Google Cloud project.
pub const PROJECT: &str = "northwind-analytics";
/// Where the fake serves the API (as Google does, below the host).
pub const BASE_PATH: &str = "/bigquery/v2";

/// Knobs tests need to provoke upstream behaviour.
#[derive(Debug, Clone, Default)]
pub struct BigQueryOptions {
    /// Rows per page at most, whatever `maxResults` asks, to test paging.
    pub page_size: Option<usize>,
    /// Polls a query job needs before it completes (0: `jobs.query`
    /// answers complete at once).
    pub pending_polls: u32,
    /// Answer every job creation with this error reason (`accessDenied`,
    /// `rateLimitExceeded`, `quotaExceeded`: HTTP 403 like BigQuery).
    pub error_reason: Option<&'static str>,
}

/// Starts a fake BigQuery for `company`'s warehouse, accepting only
/// `Authorization: Bearer <token>`. Point the connector at
/// `server.base_url` joined with `bigquery/v2`. Must run inside a tokio
/// runtime; dropping the server stops it.
pub async fn spawn_bigquery(company: &'static DemoCompany, token: &str) -> FakeServer {
    spawn_bigquery_with(company, token, BigQueryOptions::default()).await
}

/// [`spawn_bigquery`] with options.
pub async fn spawn_bigquery_with(
    company: &'static DemoCompany,
    token: &str,
    options: BigQueryOptions,
) -> FakeServer {
    let engine = engine::Engine::start().await;
    let state = Arc::new(BigQuery {
        company,
        engine,
        options,
        jobs: Mutex::new(jobs::Jobs::default()),
    });
    let token: Arc<str> = format!("Bearer {token}").into();
    FakeServer::start(move |_| router(state, token), fault_responses()).await
}

pub(super) struct BigQuery {
    company: &'static DemoCompany,
    engine: engine::Engine,
    options: BigQueryOptions,
    jobs: Mutex<jobs::Jobs>,
}

type Shared = Arc<BigQuery>;

impl BigQuery {
    /// Epoch milliseconds, `seconds` after 09:00 UTC on the demo's
    /// reference date (never the wall clock).
    fn millis(&self, seconds: i64) -> String {
        let start = self
            .company
            .reference_date
            .and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"))
            .and_utc()
            .timestamp_millis();
        (start + seconds * 1000).to_string()
    }

    fn jobs(&self) -> std::sync::MutexGuard<'_, jobs::Jobs> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn page_size(&self, asked: Option<usize>, default: usize) -> usize {
        let n = asked.unwrap_or(default).max(1);
        self.options.page_size.map_or(n, |cap| n.min(cap.max(1)))
    }
}

/// Google's JSON error envelope.
pub(super) fn error(status: StatusCode, reason: &str, message: &str) -> Response {
    let status_name = match status.as_u16() {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ALREADY_EXISTS",
        429 => "RESOURCE_EXHAUSTED",
        _ => "INTERNAL",
    };
    let body = json!({"error": {
        "code": status.as_u16(),
        "message": message,
        "errors": [{"message": message, "domain": "global", "reason": reason}],
        "status": status_name,
    }});
    json_response(status, &body)
}

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=UTF-8"),
    );
    response
}

/// A stable etag for a payload (the shape Google's etags have).
pub(super) fn etag(seed: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{h:016x}/{:08x}\"", h >> 32)
}

fn fault_responses() -> FaultResponses {
    let limited = "Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas";
    let internal = "An internal error occurred and the request could not be completed. This is usually caused by a transient issue. Retrying the job with back-off as described in the BigQuery SLA should solve the problem: https://cloud.google.com/bigquery/sla.";
    FaultResponses {
        rate_limited: json!({"error": {"code": 429, "message": limited,
            "errors": [{"message": limited, "domain": "usageLimits", "reason": "rateLimitExceeded"}],
            "status": "RESOURCE_EXHAUSTED"}}),
        rate_limited_headers: Vec::new(),
        server_error: json!({"error": {"code": 500, "message": internal,
            "errors": [{"message": internal, "domain": "global", "reason": "internalError"}],
            "status": "INTERNAL"}}),
        content_type: HeaderValue::from_static("application/json; charset=UTF-8"),
    }
}

fn router(state: Shared, token: Arc<str>) -> Router {
    let p = |rest: &str| format!("{BASE_PATH}/projects/{{project}}{rest}");
    Router::new()
        .route(&p("/queries"), post(jobs::query))
        .route(&p("/queries/{job}"), get(jobs::results))
        .route(&p("/jobs"), get(manage::list).post(manage::insert))
        .route(&p("/jobs/{job}"), get(manage::get_job))
        .route(&p("/jobs/{job}/cancel"), post(manage::cancel))
        .route(&p("/datasets"), get(catalog::datasets))
        .route(&p("/datasets/{dataset}"), get(catalog::dataset))
        .route(&p("/datasets/{dataset}/tables"), get(catalog::tables))
        .route(
            &p("/datasets/{dataset}/tables/{table}"),
            get(catalog::table),
        )
        .route(
            &p("/datasets/{dataset}/tables/{table}/data"),
            get(catalog::table_data),
        )
        .fallback(|| async {
            error(
                StatusCode::NOT_FOUND,
                "notFound",
                "Not found: the requested URL was not found on this server.",
            )
        })
        .layer(axum::middleware::from_fn_with_state(token, authenticate))
        .with_state(state)
}

/// 401 with Google's body and challenge unless the bearer token matches.
async fn authenticate(State(expected): State<Arc<str>>, request: Request, next: Next) -> Response {
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) == Some(&*expected) {
        return next.run(request).await;
    }
    let mut response = error(
        StatusCode::UNAUTHORIZED,
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"https://accounts.google.com/\""),
    );
    response
}

/// 404 unless the path's project is the demo project (BigQuery answers
/// an unknown project as not found).
pub(super) fn check_project(project: &str) -> Result<(), Box<Response>> {
    if project == PROJECT {
        Ok(())
    } else {
        Err(Box::new(error(
            StatusCode::NOT_FOUND,
            "notFound",
            &format!("Not found: Project {project}"),
        )))
    }
}
