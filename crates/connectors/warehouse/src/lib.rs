//! Data warehouse connector (`warehouse`): read-only SQL over PostgreSQL,
//! the MySQL protocol (StarRocks in production; MariaDB and MySQL too),
//! SQLite (the embedded `--demo` backend) and BigQuery (REST v2).
//!
//! Tools:
//! - `warehouse_list_tables`, `warehouse_describe_table`
//!   (`warehouse:schema:read`): the configured table allowlist.
//! - `warehouse_sql` (`warehouse:sql:read`): ad-hoc SQL for analysts,
//!   passed through the SQL guard ([`guard`]): one read-only SELECT over
//!   allowlisted tables, with a row limit and a statement timeout enforced
//!   by the engine (read-only transaction plus `statement_timeout` /
//!   `max_statement_time` / `MAX_EXECUTION_TIME` / `query_timeout`;
//!   BigQuery `timeoutMs`, `jobTimeoutMs`, `maximumBytesBilled`).
//! - `warehouse_query_<name>`: one tool per saved query in config, each
//!   with its own permission (`warehouse:finance:read`,
//!   `warehouse:hr:read`, ...), description and typed parameters. This is
//!   how "run a saved query" is offered: separate tools rather than one
//!   tool with a query-name argument, so the policy engine can hide the
//!   queries a caller may not run and a question about one employee's
//!   salary is answered by policy, not by a prompt. The caller's identity
//!   reaches SQL only as `:caller_user_id`, `:caller_email` and
//!   `:caller_org`, filled by the gateway from the authenticated principal.
//!
//! Build it with [`connect`] (connecting is I/O) from a [`WarehouseConfig`]
//! that [`WarehouseConfig::validate`] checks without I/O. [`demo_config`]
//! is the `--demo` setup; seed it with [`connect_with_seed`].
//!
//! Defence in depth: give the connector's database user SELECT on the
//! allowlisted tables and the saved queries' tables only. The guard, the
//! read-only transaction and the grants each stop what the others miss.

pub mod backend;
mod catalog;
mod config;
mod connector;
mod demo;
pub mod dialect;
pub mod guard;
pub mod model;
pub mod output;
pub mod plan;
pub mod saved;
mod tools;

use std::sync::Arc;

use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::resolve_secret;

use backend::bigquery::BigQuery;
use backend::mysql::MySqlBackend;
use backend::postgres::Postgres;
use backend::sqlite::SqliteBackend;
use backend::Backend;
pub use config::{
    BackendKind, BigQueryConfig, ParamConfig, ParamType, SavedQueryConfig, WarehouseConfig,
};
pub use demo::{demo_config, DEMO_TABLES};

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "warehouse";

/// Validates `config`, resolves its secrets, connects, and builds the
/// connector. Fails if the warehouse cannot be reached.
pub async fn connect(config: &WarehouseConfig) -> Result<Arc<dyn Connector>, ConnectorError> {
    connect_with_seed(config, Vec::new()).await
}

/// [`connect`], running `seed` (statements such as the testkit's demo
/// `seed_sql()`) on every connection of an in-memory SQLite warehouse.
pub async fn connect_with_seed(
    config: &WarehouseConfig,
    seed: Vec<String>,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    config.validate().map_err(ConnectorError::internal)?;
    let flavor = config.backend.flavor();
    let saved = config
        .saved_queries
        .iter()
        .map(|q| saved::SavedQuery::compile(q, flavor, config.max_rows()))
        .collect::<Result<Vec<_>, String>>()
        .map_err(ConnectorError::internal)?;
    if !seed.is_empty() && config.backend != BackendKind::Sqlite {
        return Err(ConnectorError::internal(
            "only a SQLite warehouse can be seeded",
        ));
    }
    let secret = |reference: &str| {
        resolve_secret(reference)
            .map_err(|e| ConnectorError::internal(format!("warehouse: {e}")).with_source(e))
    };
    let url = config.url.as_deref().unwrap_or_default();
    let (backend, prefix): (Arc<dyn Backend>, Option<&str>) =
        match (config.backend, &config.bigquery) {
            (BackendKind::Postgres, _) => (
                Arc::new(Postgres::connect(secret(url)?.expose()).await?),
                None,
            ),
            (BackendKind::Mysql, _) => (
                Arc::new(MySqlBackend::connect(secret(url)?.expose()).await?),
                None,
            ),
            (BackendKind::Sqlite, _) => {
                let path = if url.starts_with("env:") || url.starts_with("file:") {
                    secret(url)?.expose().to_owned()
                } else {
                    url.to_owned()
                };
                (Arc::new(SqliteBackend::connect(&path, seed).await?), None)
            }
            (BackendKind::Bigquery, Some(bq)) => {
                let token = secret(&bq.token)?;
                (
                    Arc::new(BigQuery::new(bq, token)?),
                    Some(bq.project.as_str()),
                )
            }
            (BackendKind::Bigquery, None) => {
                return Err(ConnectorError::internal("warehouse.bigquery: required"))
            }
        };
    let state = connector::Warehouse {
        allow: guard::Allowlist::new(flavor, &config.tables, prefix),
        backend,
        max_rows: config.max_rows(),
        timeout: config.statement_timeout(),
    };
    connector::assemble(state, saved)
}
