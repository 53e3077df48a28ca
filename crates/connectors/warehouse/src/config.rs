//! `[connectors.warehouse]` configuration: checked without I/O (every
//! saved query is parsed and guarded here), then connected.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::check_reference;
use url::Url;

use crate::dialect::Flavor;
use crate::guard::tables_valid;
use crate::saved::SavedQuery;

pub const DEFAULT_MAX_ROWS: usize = 200;
pub const MAX_MAX_ROWS: usize = 10_000;
pub const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(15);
const MAX_STATEMENT_TIMEOUT_MS: u64 = 600_000;

/// Which engine holds the warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    Postgres,
    /// The MySQL protocol: StarRocks (FE port 9030), MariaDB, MySQL.
    Mysql,
    Sqlite,
    Bigquery,
}

impl BackendKind {
    pub fn flavor(self) -> Flavor {
        match self {
            BackendKind::Postgres => Flavor::Postgres,
            BackendKind::Mysql => Flavor::MySql,
            BackendKind::Sqlite => Flavor::Sqlite,
            BackendKind::Bigquery => Flavor::BigQuery,
        }
    }
}

/// Warehouse connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarehouseConfig {
    pub backend: BackendKind,
    /// PostgreSQL / MySQL: a secret reference (`env:WAREHOUSE_URL`,
    /// `file:/run/secrets/warehouse-url`) to a URL that may hold a
    /// password. SQLite: a path, `sqlite::memory:` or a reference.
    #[serde(default)]
    pub url: Option<String>,
    /// Required when `backend = "bigquery"`.
    #[serde(default)]
    pub bigquery: Option<BigQueryConfig>,
    /// The tables `warehouse_sql`, `warehouse_list_tables` and
    /// `warehouse_describe_table` may touch (`table`, `schema.table`;
    /// BigQuery `dataset.table`). Saved queries are not limited by it.
    #[serde(default)]
    pub tables: Vec<String>,
    /// Rows a query returns at most (default 200, at most 10,000).
    #[serde(default)]
    pub max_rows: Option<usize>,
    /// How long one statement may run (default 15000).
    #[serde(default)]
    pub statement_timeout_ms: Option<u64>,
    /// Each becomes its own tool, `warehouse_query_<name>`.
    #[serde(default)]
    pub saved_queries: Vec<SavedQueryConfig>,
}

/// BigQuery over its REST API.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BigQueryConfig {
    /// `https://bigquery.googleapis.com/bigquery/v2` unless testing.
    #[serde(default = "default_bigquery_url")]
    pub base_url: Url,
    /// The project jobs run (and are billed) in.
    pub project: String,
    /// A secret reference to an OAuth 2.0 access token with a BigQuery
    /// scope (for instance one a token-refreshing sidecar writes to a file).
    pub token: String,
    /// Where jobs run (`US`, `EU`, ...), if not the default.
    #[serde(default)]
    pub location: Option<String>,
    /// Fail queries that would bill more than this many bytes.
    #[serde(default)]
    pub maximum_bytes_billed: Option<u64>,
}

fn default_bigquery_url() -> Url {
    Url::parse("https://bigquery.googleapis.com/bigquery/v2").expect("a valid default URL")
}

/// A named, parameterised query an administrator wrote.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedQueryConfig {
    /// `[a-z0-9_]`; the tool is `warehouse_query_<name>`.
    pub name: String,
    /// What the query answers (the model reads it to pick the tool).
    pub description: String,
    /// `warehouse:<noun>:read`, e.g. `warehouse:finance:read`.
    pub permission: String,
    /// One SELECT; parameters are written `:name` and bound, never
    /// interpolated. `:caller_user_id`, `:caller_email` and `:caller_org`
    /// are filled from the caller's identity.
    pub sql: String,
    #[serde(default)]
    pub params: Vec<ParamConfig>,
}

/// A parameter the caller supplies.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamConfig {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: ParamType,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamType {
    String,
    Integer,
    /// `YYYY-MM-DD`.
    Date,
}

impl WarehouseConfig {
    pub fn max_rows(&self) -> usize {
        self.max_rows.unwrap_or(DEFAULT_MAX_ROWS)
    }

    pub fn statement_timeout(&self) -> Duration {
        self.statement_timeout_ms
            .map_or(DEFAULT_STATEMENT_TIMEOUT, Duration::from_millis)
    }

    /// Checks the config without reading secrets or connecting.
    pub fn validate(&self) -> Result<(), String> {
        self.check_backend()?;
        let flavor = self.backend.flavor();
        tables_valid(&self.tables, flavor)?;
        if let Some(n) = self.max_rows {
            if n == 0 || n > MAX_MAX_ROWS {
                return Err(format!(
                    "warehouse.max_rows: must be between 1 and {MAX_MAX_ROWS}, got {n}"
                ));
            }
        }
        if let Some(ms) = self.statement_timeout_ms {
            if ms == 0 || ms > MAX_STATEMENT_TIMEOUT_MS {
                return Err(format!(
                    "warehouse.statement_timeout_ms: must be between 1 and {MAX_STATEMENT_TIMEOUT_MS}, got {ms}"
                ));
            }
        }
        let mut names = HashSet::new();
        for q in &self.saved_queries {
            if !names.insert(q.name.as_str()) {
                return Err(format!(
                    "warehouse.saved_queries: `{}` is defined twice",
                    q.name
                ));
            }
            SavedQuery::compile(q, flavor, self.max_rows())
                .map_err(|e| format!("warehouse.saved_queries.{}: {e}", q.name))?;
        }
        Ok(())
    }

    fn check_backend(&self) -> Result<(), String> {
        match (self.backend, &self.url, &self.bigquery) {
            (BackendKind::Bigquery, None, Some(bq)) => bq.validate(),
            (BackendKind::Bigquery, Some(_), _) => {
                Err("warehouse.url: not used with BigQuery; configure [warehouse.bigquery]".into())
            }
            (BackendKind::Bigquery, None, None) => {
                Err("warehouse.bigquery: required when backend = \"bigquery\"".into())
            }
            (_, _, Some(_)) => {
                Err("warehouse.bigquery: only used with backend = \"bigquery\"".into())
            }
            (_, None, None) => Err("warehouse.url: required".into()),
            (BackendKind::Sqlite, Some(url), None) => {
                if check_reference(url).is_ok()
                    || !url.contains("://")
                    || url.starts_with("sqlite:")
                {
                    Ok(())
                } else {
                    Err(
                        "warehouse.url: a SQLite path, `sqlite::memory:` or a secret reference"
                            .into(),
                    )
                }
            }
            (_, Some(url), None) => check_reference(url)
                .map_err(|e| format!("warehouse.url: {e} (database URLs may carry passwords)")),
        }
    }

    /// Validates, resolves secrets, connects, and builds the connector.
    pub async fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        crate::connect(self).await
    }
}

impl BigQueryConfig {
    fn validate(&self) -> Result<(), String> {
        check_reference(&self.token).map_err(|e| format!("warehouse.bigquery.token: {e}"))?;
        if !matches!(self.base_url.scheme(), "https" | "http") || self.base_url.host().is_none() {
            return Err(format!(
                "warehouse.bigquery.base_url: `{}` must be an http(s) URL with a host",
                self.base_url
            ));
        }
        let project_ok = !self.project.is_empty()
            && self.project.len() <= 100
            && self
                .project
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-:.".contains(&b));
        if !project_ok {
            return Err(format!(
                "warehouse.bigquery.project: `{}` is not a project id",
                self.project
            ));
        }
        if let Some(loc) = &self.location {
            if loc.is_empty() || !loc.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Err(format!(
                    "warehouse.bigquery.location: `{loc}` is not a location"
                ));
            }
        }
        Ok(())
    }
}
