//! A thin BigQuery layer over `UpstreamClient`: the jobs.query /
//! getQueryResults / cancel and catalogue paths, Google's error envelope,
//! and BigQuery's error reasons mapped to error kinds.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};
use url::Url;

use crate::model::bigquery::{
    ErrorProto, JobCancelResponse, JobReference, QueryRequest, QueryResponse, Table, TableList,
};

/// How long to wait before retrying after `quotaExceeded` (Google: at
/// least ten minutes).
const QUOTA_WAIT: Duration = Duration::from_secs(600);

#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
    project: String,
    location: Option<String>,
}

/// Google's `error.message`, tagged with the first `reason`.
pub fn vendor_message(body: &Value) -> Option<String> {
    let error = body.get("error").unwrap_or(body);
    let message = error.get("message").and_then(Value::as_str)?;
    match error.pointer("/errors/0/reason").and_then(Value::as_str) {
        Some(reason) => Some(format!("{message} [{reason}]")),
        None => Some(message.to_owned()),
    }
}

/// The error for a BigQuery error `reason` (job errors arrive with HTTP
/// 200 in `status.errorResult`; the same reasons tag HTTP errors).
pub fn reason_error(e: &ErrorProto) -> ConnectorError {
    let reason = e.reason.as_deref().unwrap_or("unknown");
    let message = e.message.as_deref().unwrap_or("the job failed");
    let kind = match reason {
        "accessDenied" => ErrorKind::UpstreamDenied,
        "notFound" => ErrorKind::NotFound,
        "invalidQuery"
        | "invalid"
        | "responseTooLarge"
        | "resourcesExceeded"
        | "billingTierLimitExceeded"
        | "bytesBilledLimitExceeded" => ErrorKind::InvalidArgs,
        "rateLimitExceeded" | "quotaExceeded" | "jobRateLimitExceeded" => ErrorKind::RateLimited,
        "backendError" | "internalError" => ErrorKind::Unavailable,
        "timeout" | "stopped" => ErrorKind::Timeout,
        _ => ErrorKind::Upstream,
    };
    let mut err = ConnectorError::new(kind, format!("BigQuery: {message} [{reason}]"));
    if reason == "quotaExceeded" {
        err = err.with_retry_after(QUOTA_WAIT);
    }
    err
}

/// `quotaExceeded` comes as a 403 the generic mapping calls a denial; it
/// is a long-term rate limit.
fn remap(e: ConnectorError) -> ConnectorError {
    if e.upstream_status == Some(403) && e.message.contains("[quotaExceeded]") {
        let mut out = ConnectorError::new(ErrorKind::RateLimited, e.message.clone())
            .with_retry_after(QUOTA_WAIT);
        out.upstream_status = e.upstream_status;
        return out.with_source(e);
    }
    e
}

/// Ids that go into URL paths: BigQuery's own alphabet only.
fn path_safe(id: &str) -> Result<&str, ConnectorError> {
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-".contains(&b))
    {
        Ok(id)
    } else {
        Err(ConnectorError::new(
            ErrorKind::Upstream,
            "BigQuery returned a job id the gateway will not use",
        ))
    }
}

impl Client {
    pub fn new(
        base_url: Url,
        token: Secret,
        project: String,
        location: Option<String>,
        timeout: Duration,
    ) -> Result<Self, ConnectorError> {
        let mut config = UpstreamConfig::new("BigQuery", base_url, Auth::Bearer(token));
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
            project,
            location,
        })
    }

    fn path(&self, rest: &str) -> String {
        format!("projects/{}/{rest}", self.project)
    }

    fn located(&self, mut request: UpstreamRequest, job: &JobReference) -> UpstreamRequest {
        if let Some(location) = job.location.as_ref().or(self.location.as_ref()) {
            request = request.query("location", location);
        }
        request
    }

    /// `jobs.query`; safe to retry because the body carries a `requestId`.
    pub async fn query(
        &self,
        ctx: &CallContext,
        body: &QueryRequest,
    ) -> Result<QueryResponse, ConnectorError> {
        let request = UpstreamRequest::post(self.path("queries"), body).idempotent();
        self.upstream.get_json(ctx, request).await.map_err(remap)
    }

    /// `jobs.getQueryResults`: waits up to `wait` for the job, then one page.
    pub async fn results(
        &self,
        ctx: &CallContext,
        job: &JobReference,
        page_token: Option<&str>,
        max_results: usize,
        wait: Duration,
    ) -> Result<QueryResponse, ConnectorError> {
        let path = self.path(&format!("queries/{}", path_safe(&job.job_id)?));
        let mut request = UpstreamRequest::get(path)
            .query("maxResults", max_results)
            .query("timeoutMs", wait.as_millis());
        if let Some(token) = page_token {
            request = request.query("pageToken", token);
        }
        let request = self.located(request, job);
        self.upstream.get_json(ctx, request).await.map_err(remap)
    }

    /// `jobs.cancel`, best effort: a job past its budget stops billing.
    pub async fn cancel(
        &self,
        ctx: &CallContext,
        job: &JobReference,
    ) -> Result<JobCancelResponse, ConnectorError> {
        let path = self.path(&format!("jobs/{}/cancel", path_safe(&job.job_id)?));
        let request = self.located(UpstreamRequest::post(path, &json!({})), job);
        self.upstream.get_json(ctx, request).await.map_err(remap)
    }

    /// One page of `tables.list` for a dataset.
    pub async fn tables(
        &self,
        ctx: &CallContext,
        dataset: &str,
        page_token: Option<&str>,
    ) -> Result<TableList, ConnectorError> {
        let mut request =
            UpstreamRequest::get(self.path(&format!("datasets/{}/tables", path_safe(dataset)?)))
                .query("maxResults", 1000);
        if let Some(token) = page_token {
            request = request.query("pageToken", token);
        }
        self.upstream.get_json(ctx, request).await.map_err(remap)
    }

    /// `tables.get`; `None` when BigQuery has no such table.
    pub async fn table(
        &self,
        ctx: &CallContext,
        dataset: &str,
        table: &str,
    ) -> Result<Option<Table>, ConnectorError> {
        let path = self.path(&format!(
            "datasets/{}/tables/{}",
            path_safe(dataset)?,
            path_safe(table)?
        ));
        match self
            .upstream
            .get_json(ctx, UpstreamRequest::get(path))
            .await
        {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.kind == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(remap(e)),
        }
    }
}
