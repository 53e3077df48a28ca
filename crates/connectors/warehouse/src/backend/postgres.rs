//! PostgreSQL over sqlx: each query runs in a `READ ONLY` transaction with
//! `SET LOCAL statement_timeout`, and is rolled back afterwards.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::Value;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPool, PgPoolOptions, PgRow, PgTypeInfo};
use sqlx::query::Query;
use sqlx::types::chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use sqlx::types::Decimal;
use sqlx::{Column, Connection, Executor, PgConnection, Row, Statement, TypeInfo};
use switchboard_core::{CallContext, ConnectorError, Health};

use super::decimal::{decimal_json, float_json};
use super::{
    bind_value, budget, split_table, sqlx_error, with_timeout, Backend, BindValue, Binds,
    ColumnInfo, ResultColumn, ResultSet, TableInfo,
};
use crate::catalog::{match_catalog, CatalogRow};
use crate::dialect::Flavor;
use crate::guard::Allowlist;
use crate::plan::Prepared;

const ENGINE: &str = "PostgreSQL";

pub struct Postgres {
    pool: PgPool,
}

impl Postgres {
    /// Connects (and checks the connection) to `url`.
    pub async fn connect(url: &str) -> Result<Self, ConnectorError> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| {
                ConnectorError::internal("warehouse.url is not a PostgreSQL URL").with_source(e)
            })?
            .application_name("switchboard-warehouse");
        // One direct connection first: an unreachable server or bad
        // credentials fail now, with the server's own error.
        let probe = PgConnection::connect_with(&options)
            .await
            .map_err(|e| sqlx_error(ENGINE, e))?;
        let _ = probe.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect_lazy_with(options);
        Ok(Postgres { pool })
    }
}

type PgQuery<'q> = Query<'q, sqlx::Postgres, PgArguments>;

fn bind<'q>(q: PgQuery<'q>, value: &BindValue) -> PgQuery<'q> {
    match value {
        BindValue::Text(v) => q.bind(v.clone()),
        BindValue::Integer(v) => q.bind(*v),
        BindValue::Date(v) => q.bind(*v),
    }
}

fn type_of(value: &BindValue) -> PgTypeInfo {
    match value {
        BindValue::Text(_) => <String as sqlx::Type<sqlx::Postgres>>::type_info(),
        BindValue::Integer(_) => <i64 as sqlx::Type<sqlx::Postgres>>::type_info(),
        BindValue::Date(_) => <NaiveDate as sqlx::Type<sqlx::Postgres>>::type_info(),
    }
}

fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Value) -> Value {
    v.map_or(Value::Null, f)
}

/// One cell as JSON, by the column's PostgreSQL type.
fn cell(row: &PgRow, i: usize, ty: &str) -> Result<Value, sqlx::Error> {
    Ok(match ty {
        "BOOL" => opt(row.try_get::<Option<bool>, _>(i)?, Value::Bool),
        "INT2" => opt(row.try_get::<Option<i16>, _>(i)?, Value::from),
        "INT4" => opt(row.try_get::<Option<i32>, _>(i)?, Value::from),
        "INT8" => opt(row.try_get::<Option<i64>, _>(i)?, Value::from),
        "FLOAT4" => opt(row.try_get::<Option<f32>, _>(i)?, |v| float_json(v.into())),
        "FLOAT8" => opt(row.try_get::<Option<f64>, _>(i)?, float_json),
        "NUMERIC" => opt(row.try_get::<Option<Decimal>, _>(i)?, decimal_json),
        "DATE" => opt(row.try_get::<Option<NaiveDate>, _>(i)?, |d| {
            d.to_string().into()
        }),
        "TIMESTAMP" => opt(row.try_get::<Option<NaiveDateTime>, _>(i)?, |d| {
            d.format("%Y-%m-%dT%H:%M:%S%.f").to_string().into()
        }),
        "TIMESTAMPTZ" => opt(row.try_get::<Option<DateTime<Utc>>, _>(i)?, |d| {
            d.to_rfc3339().into()
        }),
        "JSON" | "JSONB" => row.try_get::<Option<Value>, _>(i)?.unwrap_or(Value::Null),
        _ => opt(row.try_get::<Option<String>, _>(i)?, Value::String),
    })
}

#[async_trait]
impl Backend for Postgres {
    fn flavor(&self) -> Flavor {
        Flavor::Postgres
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
            let mut tx = self.pool.begin_with("BEGIN READ ONLY").await.map_err(err)?;
            let set = format!(
                "SET LOCAL statement_timeout = {}",
                budget.as_millis().max(1)
            );
            tx.execute(sqlx::raw_sql(&set)).await.map_err(err)?;
            // Parameter types must be declared: `$1 IS NULL` alone does
            // not tell PostgreSQL what $1 is.
            let types = sql
                .binds
                .iter()
                .map(|name| Ok(type_of(bind_value(values, name)?)))
                .collect::<Result<Vec<_>, ConnectorError>>()?;
            let statement = (&mut *tx)
                .prepare_with(&sql.sql, &types)
                .await
                .map_err(err)?;
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
            let rows = q.fetch_all(&mut *tx).await.map_err(err)?;
            let _ = tx.rollback().await;
            let rows = rows
                .iter()
                .map(|row| {
                    (0..columns.len())
                        .map(|i| cell(row, i, &columns[i].type_name))
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
        })
        .await
    }

    async fn tables(
        &self,
        _ctx: &CallContext,
        allow: &Allowlist,
    ) -> Result<Vec<TableInfo>, ConnectorError> {
        let rows: Vec<(String, String, String, bool)> = sqlx::query_as(
            "SELECT table_schema::text, table_name::text, table_type::text, \
             table_schema = current_schema() FROM information_schema.tables \
             WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| sqlx_error(ENGINE, e))?;
        let rows: Vec<CatalogRow> = rows.into_iter().map(CatalogRow::from).collect();
        Ok(match_catalog(Flavor::Postgres, allow, &rows))
    }

    async fn describe(
        &self,
        _ctx: &CallContext,
        table: &str,
    ) -> Result<Option<Vec<ColumnInfo>>, ConnectorError> {
        let (schema, name) = split_table(table);
        let rows: Vec<(String, String, bool)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_nullable = 'YES' \
             FROM information_schema.columns \
             WHERE table_schema = COALESCE($1, current_schema()) AND table_name = $2 \
             ORDER BY ordinal_position",
        )
        .bind(schema.map(|s| Flavor::Postgres.normalize_plain(s)))
        .bind(Flavor::Postgres.normalize_plain(name))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| sqlx_error(ENGINE, e))?;
        Ok((!rows.is_empty()).then(|| {
            rows.into_iter()
                .map(|(name, type_name, nullable)| ColumnInfo {
                    name,
                    type_name,
                    nullable,
                })
                .collect()
        }))
    }

    async fn health(&self) -> Health {
        match sqlx::query("SELECT 1").execute(&self.pool).await {
            Ok(_) => Health::Ok,
            Err(e) => Health::Down(format!("{ENGINE}: {}", sqlx_error(ENGINE, e).message)),
        }
    }
}
