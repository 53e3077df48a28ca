//! The JSON shapes the fake answers with, key for key those of the
//! recorded payloads (`upstream-fixtures/bigquery`).

use serde_json::{json, Map, Value};

use super::engine::{Failure, Field, Output};
use super::{etag, BigQuery, PROJECT};

/// One stored job.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub id: String,
    pub seq: i64,
    pub query: String,
    pub result: Result<Output, Failure>,
    /// Polls still needed before the job is done.
    pub polls_left: u32,
    pub cancelled: bool,
    pub user_email: String,
}

impl Job {
    pub fn done(&self) -> bool {
        self.polls_left == 0 || self.cancelled
    }

    pub fn reference(&self) -> Value {
        json!({"projectId": PROJECT, "jobId": self.id})
    }
}

pub(super) fn schema(fields: &[Field]) -> Value {
    let fields: Vec<Value> = fields
        .iter()
        .map(|f| json!({"name": f.name, "type": f.type_name, "mode": "NULLABLE"}))
        .collect();
    json!({"fields": fields})
}

/// Rows in the `f/v` cell format.
pub(super) fn rows(rows: &[Vec<Option<String>>]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| json!({"f": r.iter().map(|v| json!({"v": v})).collect::<Vec<_>>()}))
            .collect(),
    )
}

pub(super) fn page_token(offset: usize) -> String {
    format!("BQ{offset:08}AAI=")
}

pub(super) fn parse_page_token(token: &str) -> Option<usize> {
    token.strip_prefix("BQ")?.strip_suffix("AAI=")?.parse().ok()
}

/// A `jobs.query` / `jobs.getQueryResults` answer: a page of a finished
/// job, or `jobComplete: false` while it runs.
pub(super) fn query_page(
    job: &Job,
    output: Option<&Output>,
    offset: usize,
    size: usize,
    kind: &str,
) -> Value {
    let mut body = Map::new();
    body.insert("kind".into(), json!(kind));
    if kind == "bigquery#getQueryResultsResponse" {
        body.insert("etag".into(), json!(etag(&format!("{}{offset}", job.id))));
    }
    body.insert("jobReference".into(), job.reference());
    let Some(output) = output.filter(|_| job.done()) else {
        body.insert("jobComplete".into(), json!(false));
        return Value::Object(body);
    };
    let end = (offset + size).min(output.rows.len());
    let start = offset.min(end);
    body.insert("schema".into(), schema(&output.fields));
    body.insert("totalRows".into(), json!(output.rows.len().to_string()));
    if end < output.rows.len() {
        body.insert("pageToken".into(), json!(page_token(end)));
    }
    if start < end {
        body.insert("rows".into(), rows(&output.rows[start..end]));
    }
    body.insert(
        "totalBytesProcessed".into(),
        json!(output.bytes_processed.to_string()),
    );
    body.insert("jobComplete".into(), json!(true));
    body.insert("cacheHit".into(), json!(false));
    Value::Object(body)
}

/// `status` of a job: RUNNING, DONE, or DONE with its error.
fn status(job: &Job) -> Value {
    match (&job.result, job.done()) {
        (_, false) => json!({"state": "RUNNING"}),
        (_, true) if job.cancelled => {
            let e = json!({"reason": "stopped", "message": "Job execution was cancelled: User requested cancellation"});
            json!({"state": "DONE", "errors": [e], "errorResult": e})
        }
        (Err(f), true) => {
            let e = json!({"reason": f.reason, "message": f.message});
            json!({"state": "DONE", "errors": [e], "errorResult": e})
        }
        (Ok(_), true) => json!({"state": "DONE"}),
    }
}

fn statistics(bq: &BigQuery, job: &Job) -> Value {
    let mut s = json!({
        "creationTime": bq.millis(job.seq * 60),
        "startTime": bq.millis(job.seq * 60 + 1),
    });
    if job.done() {
        let bytes = job
            .result
            .as_ref()
            .map_or(0, |o| o.bytes_processed)
            .to_string();
        s["endTime"] = json!(bq.millis(job.seq * 60 + 2));
        s["totalBytesProcessed"] = json!(bytes);
        s["query"] = json!({"totalBytesProcessed": bytes, "cacheHit": false});
    }
    s
}

fn configuration(job: &Job) -> Value {
    let hash = etag(&job.id).replace(['"', '/'], "");
    json!({"query": {
        "query": job.query,
        "destinationTable": {"projectId": PROJECT, "datasetId": format!("_{hash}"), "tableId": format!("anon{hash}")},
        "createDisposition": "CREATE_IF_NEEDED",
        "writeDisposition": "WRITE_TRUNCATE",
    }})
}

/// The job resource (`jobs.get`, `jobs.insert`, `jobs.cancel`'s `job`).
pub(super) fn job(bq: &BigQuery, job: &Job) -> Value {
    json!({
        "kind": "bigquery#job",
        "etag": etag(&format!("{}{}", job.id, job.done())),
        "id": format!("{PROJECT}:{}", job.id),
        "selfLink": format!("https://bigquery.googleapis.com/bigquery/v2/projects/{PROJECT}/jobs/{}", job.id),
        "jobReference": job.reference(),
        "configuration": configuration(job),
        "status": status(job),
        "statistics": statistics(bq, job),
    })
}

/// A `jobs.list` item (`projection=full`).
pub(super) fn job_item(bq: &BigQuery, job: &Job) -> Value {
    let status = status(job);
    json!({
        "id": format!("{PROJECT}:{}", job.id),
        "kind": "bigquery#job",
        "jobReference": job.reference(),
        "state": status["state"],
        "statistics": statistics(bq, job),
        "configuration": configuration(job),
        "status": status,
        "user_email": job.user_email,
    })
}

/// A job id in BigQuery's alphabet, deterministic per sequence number.
pub(super) fn etag_id(seq: i64) -> String {
    let raw = format!(
        "{}{}",
        etag(&format!("job{seq}")),
        etag(&format!("id{seq}"))
    );
    raw.chars().filter(char::is_ascii_alphanumeric).collect()
}
