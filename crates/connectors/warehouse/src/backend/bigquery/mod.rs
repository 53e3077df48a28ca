//! BigQuery over its REST API: `jobs.query` with named parameters, then
//! `jobs.getQueryResults` while the job runs and for further pages, rows
//! turned from `f/v` cells into typed values. A job still running at the
//! statement timeout is cancelled; `jobTimeoutMs` and (optionally)
//! `maximumBytesBilled` make BigQuery enforce the same limits itself.

pub mod cells;
pub mod client;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::Secret;

use super::{bind_value, budget, Backend, BindValue, Binds, ColumnInfo, ResultSet, TableInfo};
use crate::catalog::{match_catalog, CatalogRow};
use crate::config::BigQueryConfig;
use crate::dialect::Flavor;
use crate::guard::Allowlist;
use crate::model::bigquery::{ParameterType, ParameterValue, QueryParameter, QueryRequest};
use crate::plan::Prepared;
use client::{reason_error, Client};

/// Rows per page asked of BigQuery.
const PAGE: usize = 1_000;
/// Longest single wait for a running job.
const POLL: Duration = Duration::from_secs(10);
/// Pause between polls of a job that is still running.
const PAUSE: Duration = Duration::from_millis(50);

pub struct BigQuery {
    client: Client,
    maximum_bytes_billed: Option<u64>,
    location: Option<String>,
}

impl BigQuery {
    pub fn new(config: &BigQueryConfig, token: Secret) -> Result<Self, ConnectorError> {
        Ok(BigQuery {
            client: Client::new(
                config.base_url.clone(),
                token,
                config.project.clone(),
                config.location.clone(),
                POLL + Duration::from_secs(20),
            )?,
            maximum_bytes_billed: config.maximum_bytes_billed,
            location: config.location.clone(),
        })
    }
}

fn parameter(name: &str, value: &BindValue) -> QueryParameter {
    let (type_name, value) = match value {
        BindValue::Text(v) => ("STRING", v.clone()),
        BindValue::Integer(v) => ("INT64", v.map(|n| n.to_string())),
        BindValue::Date(v) => ("DATE", v.map(|d| d.to_string())),
    };
    QueryParameter {
        name: name.to_owned(),
        parameter_type: ParameterType {
            type_name: type_name.into(),
        },
        parameter_value: ParameterValue { value },
    }
}

/// A unique `requestId` (≤ 36 characters) for one logical query.
fn request_id() -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    format!("sb-{nanos:x}-{:x}", SEQ.fetch_add(1, Ordering::Relaxed))
}

fn timed_out() -> ConnectorError {
    ConnectorError::new(
        ErrorKind::Timeout,
        "BigQuery did not finish the query within the statement timeout; it was cancelled",
    )
}

#[async_trait]
impl Backend for BigQuery {
    fn flavor(&self) -> Flavor {
        Flavor::BigQuery
    }

    async fn query(
        &self,
        ctx: &CallContext,
        sql: &Prepared,
        values: &Binds,
        timeout: Duration,
    ) -> Result<ResultSet, ConnectorError> {
        let budget = budget(ctx, timeout)?;
        let deadline = Instant::now() + budget;
        let cap = sql.max_rows + 1;
        let parameters = sql
            .binds
            .iter()
            .map(|name| Ok(parameter(name, bind_value(values, name)?)))
            .collect::<Result<Vec<_>, ConnectorError>>()?;
        let request = QueryRequest {
            query: sql.sql.clone(),
            use_legacy_sql: false,
            parameter_mode: (!parameters.is_empty()).then(|| "NAMED".to_owned()),
            query_parameters: parameters,
            max_results: Some(cap.min(PAGE) as u32),
            timeout_ms: Some(budget.min(POLL).as_millis() as u64),
            job_timeout_ms: Some(budget.as_millis().to_string()),
            maximum_bytes_billed: self.maximum_bytes_billed.map(|b| b.to_string()),
            location: self.location.clone(),
            request_id: Some(request_id()),
        };
        let mut page = self.client.query(ctx, &request).await?;
        let job = page.job_reference.clone();
        while !page.job_complete {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let _ = self.client.cancel(ctx, &job).await;
                return Err(timed_out());
            }
            page = self
                .client
                .results(ctx, &job, None, cap.min(PAGE), left.min(POLL))
                .await?;
            if !page.job_complete {
                // BigQuery long-polls; a server that answers at once is
                // not asked again in a tight loop.
                tokio::time::sleep(PAUSE.min(left)).await;
            }
        }
        if let (None, Some(first)) = (&page.schema, page.errors.first()) {
            return Err(reason_error(first));
        }
        let schema = page.schema.clone().unwrap_or_default();
        let bytes = page
            .total_bytes_processed
            .as_deref()
            .and_then(|b| b.parse().ok());
        let mut raw = std::mem::take(&mut page.rows);
        let mut token = page.page_token.take();
        while raw.len() < cap {
            let Some(t) = token.take() else { break };
            if Instant::now() >= deadline {
                return Err(timed_out());
            }
            let mut next = self
                .client
                .results(ctx, &job, Some(&t), (cap - raw.len()).min(PAGE), POLL)
                .await?;
            raw.append(&mut next.rows);
            token = next.page_token;
        }
        let mut result = cells::result_set(&schema, &raw);
        result.bytes_processed = bytes;
        Ok(result.limit(sql.max_rows))
    }

    async fn tables(
        &self,
        ctx: &CallContext,
        allow: &Allowlist,
    ) -> Result<Vec<TableInfo>, ConnectorError> {
        let mut datasets: Vec<&str> = allow
            .names()
            .iter()
            .filter_map(|n| n.split_once('.').map(|(d, _)| d))
            .collect();
        datasets.sort_unstable();
        datasets.dedup();
        let mut rows = Vec::new();
        for dataset in datasets {
            let mut token: Option<String> = None;
            loop {
                let page = self.client.tables(ctx, dataset, token.as_deref()).await?;
                rows.extend(page.tables.into_iter().map(|t| CatalogRow {
                    schema: t.table_reference.dataset_id,
                    table: t.table_reference.table_id,
                    kind: t.table_type,
                    current: false,
                }));
                match page.next_page_token {
                    Some(next) if Some(&next) != token.as_ref() => token = Some(next),
                    _ => break,
                }
            }
        }
        Ok(match_catalog(Flavor::BigQuery, allow, &rows))
    }

    async fn describe(
        &self,
        ctx: &CallContext,
        table: &str,
    ) -> Result<Option<Vec<ColumnInfo>>, ConnectorError> {
        let Some((dataset, name)) = table.split_once('.') else {
            return Ok(None);
        };
        let Some(found) = self.client.table(ctx, dataset, name).await? else {
            return Ok(None);
        };
        let fields = found.schema.unwrap_or_default().fields;
        Ok(Some(
            fields
                .into_iter()
                .map(|f| ColumnInfo {
                    type_name: match f.mode.as_deref() {
                        Some("REPEATED") => format!("ARRAY<{}>", f.type_name),
                        _ => f.type_name,
                    },
                    nullable: f.mode.as_deref() != Some("REQUIRED"),
                    name: f.name,
                })
                .collect(),
        ))
    }
}
