//! Query jobs: `jobs.query`, `jobs.getQueryResults`, and job get, list,
//! insert and cancel.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde_json::Value;

use super::engine::Param;
use super::render::{self, parse_page_token, Job};
use super::{check_project, error, json_response, Shared, PROJECT};

/// Every job created, and `requestId`s already answered.
#[derive(Debug, Default)]
pub(super) struct Jobs {
    pub(super) list: Vec<Job>,
    by_request: HashMap<String, String>,
}

impl Jobs {
    pub(super) fn find(&mut self, id: &str) -> Option<&mut Job> {
        self.list.iter_mut().find(|j| j.id == id)
    }
}

pub(super) type Params = Query<HashMap<String, String>>;

pub(super) fn bad(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "invalid", message)
}

pub(super) fn job_not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "notFound",
        &format!("Not found: Job {PROJECT}:{id}"),
    )
}

/// The parameters of a NAMED-mode request.
fn parameters(body: &Value) -> Result<Vec<Param>, Box<Response>> {
    let Some(list) = body.get("queryParameters").and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    if body.get("parameterMode").and_then(Value::as_str) != Some("NAMED") {
        return Err(Box::new(bad(
            "Positional parameters are not supported here; use parameterMode NAMED",
        )));
    }
    list.iter()
        .map(|p| {
            Ok(Param {
                name: p["name"]
                    .as_str()
                    .ok_or_else(|| Box::new(bad("Query parameter name is missing")))?
                    .to_owned(),
                type_name: p["parameterType"]["type"]
                    .as_str()
                    .unwrap_or("STRING")
                    .to_owned(),
                value: p["parameterValue"]["value"].as_str().map(str::to_owned),
            })
        })
        .collect()
}

/// Runs `sql` and stores the job; `Err` is the HTTP error to answer.
pub(super) async fn create(
    s: &Shared,
    body: &Value,
    sql: &str,
    polls: u32,
    fail_fast: bool,
) -> Result<String, Box<Response>> {
    if let Some(reason) = s.options.error_reason {
        let message = match reason {
            "accessDenied" => format!("Access Denied: Project {PROJECT}: User does not have bigquery.jobs.create permission in project {PROJECT}."),
            "quotaExceeded" => "Quota exceeded: Your project exceeded quota for free query bytes scanned.".to_owned(),
            _ => "Exceeded rate limits: too many concurrent queries for this project_and_region.".to_owned(),
        };
        return Err(Box::new(error(StatusCode::FORBIDDEN, reason, &message)));
    }
    if body.get("useLegacySql").and_then(Value::as_bool) != Some(false) {
        return Err(Box::new(error(
            StatusCode::BAD_REQUEST,
            "invalidQuery",
            "This fake runs GoogleSQL only; send useLegacySql: false",
        )));
    }
    let params = parameters(body)?;
    let result = s.engine.run(sql, &params).await;
    if let (Err(f), true) = (&result, fail_fast) {
        return Err(Box::new(error(f.status, f.reason, &f.message)));
    }
    let mut jobs = s.jobs();
    let seq = jobs.list.len() as i64 + 1;
    let id = format!("job_{}", render::etag_id(seq));
    jobs.list.push(Job {
        id: id.clone(),
        seq,
        query: sql.to_owned(),
        result,
        polls_left: polls,
        cancelled: false,
        user_email: format!("warehouse-reader@{PROJECT}.iam.gserviceaccount.com"),
    });
    Ok(id)
}

/// POST `projects/{p}/queries` (jobs.query).
pub(super) async fn query(
    State(s): State<Shared>,
    Path(project): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let Some(sql) = body.get("query").and_then(Value::as_str) else {
        return error(
            StatusCode::BAD_REQUEST,
            "required",
            "Required parameter is missing: query",
        );
    };
    let request_id = body
        .get("requestId")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let known = request_id
        .as_ref()
        .and_then(|r| s.jobs().by_request.get(r).cloned());
    let id = match known {
        Some(id) => id,
        None => match create(&s, &body, sql, s.options.pending_polls, true).await {
            Ok(id) => id,
            Err(r) => return *r,
        },
    };
    if let Some(r) = request_id {
        s.jobs().by_request.insert(r, id.clone());
    }
    let size = s.page_size(
        body.get("maxResults")
            .and_then(Value::as_u64)
            .map(|n| n as usize),
        100_000,
    );
    let jobs = s.jobs();
    let job = jobs.list.iter().find(|j| j.id == id).expect("just stored");
    json_response(
        StatusCode::OK,
        &render::query_page(
            job,
            job.result.as_ref().ok(),
            0,
            size,
            "bigquery#queryResponse",
        ),
    )
}

/// GET `projects/{p}/queries/{job}` (jobs.getQueryResults).
pub(super) async fn results(
    State(s): State<Shared>,
    Path((project, id)): Path<(String, String)>,
    Query(q): Params,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let offset = match q.get("pageToken").map(|t| parse_page_token(t)) {
        None => q
            .get("startIndex")
            .and_then(|i| i.parse().ok())
            .unwrap_or(0),
        Some(Some(offset)) => offset,
        Some(None) => return bad("Invalid page token"),
    };
    let size = s.page_size(q.get("maxResults").and_then(|m| m.parse().ok()), 100_000);
    let mut jobs = s.jobs();
    let Some(job) = jobs.find(&id) else {
        return job_not_found(&id);
    };
    if job.cancelled {
        return error(
            StatusCode::BAD_REQUEST,
            "stopped",
            "Job execution was cancelled: User requested cancellation",
        );
    }
    job.polls_left = job.polls_left.saturating_sub(1);
    let job = job.clone();
    match &job.result {
        Err(f) if job.done() => error(f.status, f.reason, &f.message),
        result => json_response(
            StatusCode::OK,
            &render::query_page(
                &job,
                result.as_ref().ok(),
                offset,
                size,
                "bigquery#getQueryResultsResponse",
            ),
        ),
    }
}
