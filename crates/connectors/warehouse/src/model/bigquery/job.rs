//! The job resource: `jobs.get`, `jobs.insert`, `jobs.list`, `jobs.cancel`.

use serde::Deserialize;
use serde_json::Value;

use super::{ErrorProto, JobReference};

/// A job resource (`jobs.get`, `jobs.insert`, `jobs.cancel`'s `job`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Job {
    pub kind: String,
    pub etag: Option<String>,
    pub id: String,
    pub self_link: Option<String>,
    pub job_reference: JobReference,
    pub configuration: Value,
    pub status: JobStatus,
    pub statistics: JobStatistics,
    pub user_email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobStatus {
    /// PENDING, RUNNING or DONE.
    pub state: String,
    /// Set when a DONE job failed.
    pub error_result: Option<ErrorProto>,
    pub errors: Vec<ErrorProto>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobStatistics {
    /// Epoch milliseconds as strings.
    pub creation_time: Option<String>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub total_bytes_processed: Option<String>,
}

/// `jobs.cancel` response.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct JobCancelResponse {
    pub kind: String,
    pub job: Job,
}

/// `jobs.list` response; items use `user_email` (snake case) on the wire.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobList {
    pub kind: String,
    pub next_page_token: Option<String>,
    pub jobs: Vec<JobListItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobListItem {
    pub id: String,
    pub job_reference: JobReference,
    pub state: String,
    pub status: JobStatus,
    pub statistics: JobStatistics,
    pub configuration: Value,
    #[serde(rename = "user_email")]
    pub user_email: Option<String>,
}
