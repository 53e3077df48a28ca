//! The engines behind the connector, behind one small trait so that the
//! tools, the guard and the shaping do not care which one answers.

pub mod bigquery;
mod decimal;
pub mod mysql;
pub mod postgres;
pub mod sqlite;

use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use chrono::NaiveDate;
use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError, ErrorKind, Health};

use crate::dialect::Flavor;
use crate::guard::Allowlist;
use crate::plan::Prepared;

/// A value bound to a parameter; `None` binds a typed NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindValue {
    Text(Option<String>),
    Integer(Option<i64>),
    Date(Option<NaiveDate>),
}

/// Parameter values by name.
pub type Binds = HashMap<String, BindValue>;

/// A result column: its name and the engine's type name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultColumn {
    pub name: String,
    pub type_name: String,
}

/// Rows as JSON values (numbers as numbers, dates as ISO strings).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultSet {
    pub columns: Vec<ResultColumn>,
    pub rows: Vec<Vec<Value>>,
    /// More rows existed than the limit allowed.
    pub truncated: bool,
    /// Bytes the engine scanned, where it says (BigQuery).
    pub bytes_processed: Option<u64>,
}

impl ResultSet {
    /// Cuts the rows to `max`, noting whether any were dropped.
    pub fn limit(mut self, max: usize) -> Self {
        if self.rows.len() > max {
            self.rows.truncate(max);
            self.truncated = true;
        }
        self
    }
}

/// A table the engine has, by its configured (allowlisted) name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    /// "table" or "view".
    pub kind: String,
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInfo {
    pub name: String,
    pub type_name: String,
    pub nullable: bool,
}

/// One SQL engine.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    fn flavor(&self) -> Flavor;

    /// Runs a prepared read-only query within `timeout` (and the call's
    /// deadline), binding `values` by the names in `sql.binds`.
    async fn query(
        &self,
        ctx: &CallContext,
        sql: &Prepared,
        values: &Binds,
        timeout: Duration,
    ) -> Result<ResultSet, ConnectorError>;

    /// The allowlisted tables that exist.
    async fn tables(
        &self,
        ctx: &CallContext,
        allow: &Allowlist,
    ) -> Result<Vec<TableInfo>, ConnectorError>;

    /// The columns of an allowlisted table (`None` if it does not exist).
    async fn describe(
        &self,
        ctx: &CallContext,
        table: &str,
    ) -> Result<Option<Vec<ColumnInfo>>, ConnectorError>;

    async fn health(&self) -> Health {
        Health::Ok
    }
}

/// How long a statement may run: the configured timeout, cut by the call's
/// deadline.
pub fn budget(ctx: &CallContext, timeout: Duration) -> Result<Duration, ConnectorError> {
    let left = ctx.remaining().min(timeout);
    if left < Duration::from_millis(5) {
        return Err(ConnectorError::new(
            ErrorKind::Timeout,
            "the call's deadline passed before the query could run",
        ));
    }
    Ok(left)
}

/// The value bound to `name`, or an internal error naming it.
pub fn bind_value<'a>(values: &'a Binds, name: &str) -> Result<&'a BindValue, ConnectorError> {
    values
        .get(name)
        .ok_or_else(|| ConnectorError::internal(format!("no value for the parameter `{name}`")))
}

/// Splits `schema.table` into its parts (`None` schema when unqualified).
pub fn split_table(name: &str) -> (Option<&str>, &str) {
    match name.rsplit_once('.') {
        Some((schema, table)) => (Some(schema), table),
        None => (None, name),
    }
}

/// Maps a database error: timeouts and cancellations to `Timeout`, lost
/// connections to `Unavailable`, errors in the query to `InvalidArgs`
/// with the engine's message (it names the column or syntax at fault).
pub fn sqlx_error(engine: &str, e: sqlx::Error) -> ConnectorError {
    use sqlx::Error as E;
    let (kind, message) = match &e {
        E::Database(db) => {
            let msg = db.message().to_owned();
            let lower = msg.to_lowercase();
            if lower.contains("timeout")
                || lower.contains("canceling statement")
                || lower.contains("max_statement_time")
                || lower.contains("maximum statement execution time")
                || lower.contains("interrupted")
            {
                (
                    ErrorKind::Timeout,
                    format!("{engine} stopped the query: it ran past the statement timeout"),
                )
            } else if lower.contains("permission denied")
                || lower.contains("access denied")
                || lower.contains("command denied")
            {
                (
                    ErrorKind::UpstreamDenied,
                    format!("{engine} denied access: {msg}"),
                )
            } else if lower.contains("read-only") || lower.contains("read only") {
                (
                    ErrorKind::InvalidArgs,
                    format!("{engine} refused a write in a read-only transaction: {msg}"),
                )
            } else {
                (
                    ErrorKind::InvalidArgs,
                    format!("{engine} rejected the query: {msg}"),
                )
            }
        }
        E::PoolTimedOut => (
            ErrorKind::Unavailable,
            format!("no connection to {engine} was free in time"),
        ),
        E::Io(_) | E::Tls(_) | E::Protocol(_) | E::PoolClosed | E::WorkerCrashed => (
            ErrorKind::Unavailable,
            format!("the connection to {engine} failed"),
        ),
        E::ColumnDecode { .. } | E::Decode(_) | E::TypeNotFound { .. } => (
            ErrorKind::Upstream,
            format!(
                "{engine} returned a value the gateway could not read; cast the column to text"
            ),
        ),
        _ => (ErrorKind::Upstream, format!("{engine} failed: {e}")),
    };
    ConnectorError::new(kind, message).with_source(e)
}

/// Runs `work` within `timeout`, as a backstop to the engine's own limit.
pub async fn with_timeout<T>(
    engine: &str,
    timeout: Duration,
    work: impl std::future::Future<Output = Result<T, ConnectorError>>,
) -> Result<T, ConnectorError> {
    match tokio::time::timeout(timeout + Duration::from_millis(250), work).await {
        Ok(result) => result,
        Err(_) => Err(ConnectorError::new(
            ErrorKind::Timeout,
            format!("{engine} did not answer within the statement timeout"),
        )),
    }
}
