//! Job management: `jobs.insert` (a query job that starts RUNNING),
//! `jobs.get`, `jobs.list` and `jobs.cancel`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde_json::{json, Value};

use super::jobs::{bad, create, job_not_found, Params};
use super::render::{self, parse_page_token, Job};
use super::{check_project, error, json_response, Shared};

/// POST `projects/{p}/jobs` (jobs.insert of a query job): answers RUNNING.
pub(super) async fn insert(
    State(s): State<Shared>,
    Path(project): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let config = &body["configuration"]["query"];
    let Some(sql) = config.get("query").and_then(Value::as_str) else {
        return error(
            StatusCode::BAD_REQUEST,
            "required",
            "Required parameter is missing: configuration.query.query",
        );
    };
    match create(&s, config, sql, s.options.pending_polls.max(1), false).await {
        Ok(id) => job_answer(&s, &id),
        Err(r) => *r,
    }
}

fn job_answer(s: &Shared, id: &str) -> Response {
    let jobs = s.jobs();
    match jobs.list.iter().find(|j| j.id == id) {
        Some(job) => json_response(StatusCode::OK, &render::job(s, job)),
        None => job_not_found(id),
    }
}

/// GET `projects/{p}/jobs/{job}` (jobs.get); each get is also a poll.
pub(super) async fn get_job(
    State(s): State<Shared>,
    Path((project, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    if let Some(job) = s.jobs().find(&id) {
        job.polls_left = job.polls_left.saturating_sub(1);
    }
    job_answer(&s, &id)
}

/// POST `projects/{p}/jobs/{job}/cancel`.
pub(super) async fn cancel(
    State(s): State<Shared>,
    Path((project, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let mut jobs = s.jobs();
    let Some(job) = jobs.find(&id) else {
        return job_not_found(&id);
    };
    if !job.done() {
        job.cancelled = true;
    }
    let body = json!({"kind": "bigquery#jobCancelResponse", "job": render::job(&s, job)});
    json_response(StatusCode::OK, &body)
}

/// GET `projects/{p}/jobs` (jobs.list), newest first, paged.
pub(super) async fn list(
    State(s): State<Shared>,
    Path(project): Path<String>,
    Query(q): Params,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let offset = match q.get("pageToken").map(|t| parse_page_token(t)) {
        None => 0,
        Some(Some(o)) => o,
        Some(None) => return bad("Invalid page token"),
    };
    let size = s.page_size(q.get("maxResults").and_then(|m| m.parse().ok()), 50);
    let jobs = s.jobs();
    let newest: Vec<&Job> = jobs.list.iter().rev().collect();
    let page: Vec<Value> = newest
        .iter()
        .skip(offset)
        .take(size)
        .map(|j| render::job_item(&s, j))
        .collect();
    let mut body = json!({"kind": "bigquery#jobList", "etag": super::etag(&format!("jobs{offset}")), "jobs": page});
    if offset + size < newest.len() {
        body["nextPageToken"] = json!(render::page_token(offset + size));
    }
    json_response(StatusCode::OK, &body)
}
