//! The MySQL protocol over sqlx: StarRocks in production, MariaDB (the
//! test server) and MySQL. The server is identified once at connect, since
//! each names its statement timeout differently: MariaDB
//! `max_statement_time` (seconds), MySQL `MAX_EXECUTION_TIME` (ms),
//! StarRocks `query_timeout` (seconds). MariaDB and MySQL queries run in a
//! `START TRANSACTION READ ONLY` transaction that is rolled back; StarRocks
//! has no read-only transactions, so there the guard and the user's grants
//! are what keep it read-only.

mod cells;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::mysql::{MySqlArguments, MySqlConnectOptions, MySqlPool, MySqlPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::query::Query;
use sqlx::{Column, Connection, Executor, MySql, MySqlConnection, Statement, TypeInfo};
use switchboard_core::{CallContext, ConnectorError, Health};

use super::{
    bind_value, budget, split_table, sqlx_error, with_timeout, Backend, BindValue, Binds,
    ColumnInfo, ResultColumn, ResultSet, TableInfo,
};
use crate::catalog::{match_catalog, CatalogRow};
use crate::dialect::Flavor;
use crate::guard::Allowlist;
use crate::plan::Prepared;

const ENGINE: &str = "the MySQL-protocol warehouse";

/// Which server answers on the MySQL protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    MariaDb,
    MySql,
    StarRocks,
}

pub struct MySqlBackend {
    pool: MySqlPool,
    server: Server,
}

impl MySqlBackend {
    /// Connects to `url` and identifies the server.
    pub async fn connect(url: &str) -> Result<Self, ConnectorError> {
        let options = MySqlConnectOptions::from_str(url)
            .map_err(|e| {
                ConnectorError::internal("warehouse.url is not a MySQL URL").with_source(e)
            })?
            .charset("utf8mb4");
        let err = |e| sqlx_error(ENGINE, e);
        // One direct connection first: an unreachable server or bad
        // credentials fail now; it also identifies the server.
        let mut probe = MySqlConnection::connect_with(&options).await.map_err(err)?;
        let version: String = sqlx::query_scalar("SELECT CAST(VERSION() AS CHAR)")
            .fetch_one(&mut probe)
            .await
            .map_err(err)?;
        let server = if version.contains("MariaDB") {
            Server::MariaDb
        } else if probe
            .execute(sqlx::raw_sql("SELECT current_version()"))
            .await
            .is_ok()
        {
            Server::StarRocks
        } else {
            Server::MySql
        };
        let _ = probe.close().await;
        let pool = MySqlPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect_lazy_with(options);
        tracing::debug!(%version, ?server, "warehouse connected over the MySQL protocol");
        Ok(MySqlBackend { pool, server })
    }

    pub fn server(&self) -> Server {
        self.server
    }

    fn timeout_statement(&self, budget: Duration) -> String {
        match self.server {
            Server::MariaDb => format!(
                "SET SESSION max_statement_time = {:.3}",
                budget.as_secs_f64().max(0.001)
            ),
            Server::MySql => format!(
                "SET SESSION MAX_EXECUTION_TIME = {}",
                budget.as_millis().max(1)
            ),
            Server::StarRocks => format!("SET query_timeout = {}", budget.as_secs().max(1)),
        }
    }

    async fn run(
        &self,
        conn: &mut PoolConnection<MySql>,
        sql: &Prepared,
        values: &Binds,
    ) -> Result<ResultSet, ConnectorError> {
        let err = |e| sqlx_error(ENGINE, e);
        let statement = (&mut **conn).prepare(&sql.sql).await.map_err(err)?;
        let columns: Vec<ResultColumn> = statement
            .columns()
            .iter()
            .map(|c| ResultColumn {
                name: c.name().to_owned(),
                type_name: c.type_info().name().to_owned(),
            })
            .collect();
        let mut q = statement.query();
        for name in &sql.binds {
            q = bind(q, bind_value(values, name)?);
        }
        let rows = q.fetch_all(&mut **conn).await.map_err(err)?;
        let rows = rows
            .iter()
            .map(|row| {
                (0..columns.len())
                    .map(|i| cells::cell(row, i, &columns[i].type_name))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        Ok(ResultSet {
            columns,
            rows,
            ..Default::default()
        }
        .limit(sql.max_rows))
    }
}

type MyQuery<'q> = Query<'q, MySql, MySqlArguments>;

fn bind<'q>(q: MyQuery<'q>, value: &BindValue) -> MyQuery<'q> {
    match value {
        BindValue::Text(v) => q.bind(v.clone()),
        BindValue::Integer(v) => q.bind(*v),
        BindValue::Date(v) => q.bind(*v),
    }
}

#[async_trait]
impl Backend for MySqlBackend {
    fn flavor(&self) -> Flavor {
        Flavor::MySql
    }

    async fn query(
        &self,
        ctx: &CallContext,
        sql: &Prepared,
        values: &Binds,
        timeout: Duration,
    ) -> Result<ResultSet, ConnectorError> {
        let budget = budget(ctx, timeout)?;
        let err = |e| sqlx_error(ENGINE, e);
        with_timeout(ENGINE, budget, async {
            let mut conn = self.pool.acquire().await.map_err(err)?;
            let set = self.timeout_statement(budget);
            conn.execute(sqlx::raw_sql(&set)).await.map_err(err)?;
            if self.server == Server::StarRocks {
                return self.run(&mut conn, sql, values).await;
            }
            conn.execute(sqlx::raw_sql("START TRANSACTION READ ONLY"))
                .await
                .map_err(err)?;
            let result = self.run(&mut conn, sql, values).await;
            if conn.execute(sqlx::raw_sql("ROLLBACK")).await.is_err() {
                // Never hand a connection with an open transaction back.
                let _ = conn.detach().close().await;
            }
            result
        })
        .await
    }

    async fn tables(
        &self,
        _ctx: &CallContext,
        allow: &Allowlist,
    ) -> Result<Vec<TableInfo>, ConnectorError> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT CAST(table_schema AS CHAR), CAST(table_name AS CHAR), \
             CAST(table_type AS CHAR), CAST(table_schema = DATABASE() AS SIGNED) \
             FROM information_schema.tables WHERE table_schema NOT IN \
             ('mysql', 'information_schema', 'performance_schema', 'sys')",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| sqlx_error(ENGINE, e))?;
        let rows: Vec<CatalogRow> = rows
            .into_iter()
            .map(|(s, t, k, current)| CatalogRow::from((s, t, k, current == 1)))
            .collect();
        Ok(match_catalog(Flavor::MySql, allow, &rows))
    }

    async fn describe(
        &self,
        _ctx: &CallContext,
        table: &str,
    ) -> Result<Option<Vec<ColumnInfo>>, ConnectorError> {
        let (schema, name) = split_table(table);
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT CAST(column_name AS CHAR), CAST(column_type AS CHAR), \
             CAST(is_nullable AS CHAR) FROM information_schema.columns \
             WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? \
             ORDER BY ordinal_position",
        )
        .bind(schema)
        .bind(name)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| sqlx_error(ENGINE, e))?;
        Ok((!rows.is_empty()).then(|| {
            rows.into_iter()
                .map(|(name, type_name, nullable)| ColumnInfo {
                    name,
                    type_name,
                    nullable: nullable == "YES",
                })
                .collect()
        }))
    }

    async fn health(&self) -> Health {
        match sqlx::query("SELECT 1").execute(&self.pool).await {
            Ok(_) => Health::Ok,
            Err(e) => Health::Down(sqlx_error(ENGINE, e).message),
        }
    }
}
