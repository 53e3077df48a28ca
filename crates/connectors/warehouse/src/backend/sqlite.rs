//! SQLite over sqlx: the embedded backend of `--demo` (an in-memory
//! database seeded once, read through `query_only` connections) and
//! read-only database files. A progress handler stops a
//! statement at its deadline, since SQLite has no statement timeout.

use std::str::FromStr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde_json::Value;
use sqlx::query::Query;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqlitePool, SqlitePoolOptions, SqliteRow,
};
use sqlx::{
    Column, Connection, Executor, Row, Sqlite, SqliteConnection, Statement, TypeInfo, ValueRef,
};
use switchboard_core::{CallContext, ConnectorError, Health};

use super::decimal::float_json;
use super::{
    bind_value, budget, sqlx_error, with_timeout, Backend, BindValue, Binds, ColumnInfo,
    ResultColumn, ResultSet, TableInfo,
};
use crate::catalog::{match_catalog, CatalogRow};
use crate::dialect::Flavor;
use crate::guard::Allowlist;
use crate::plan::Prepared;

const ENGINE: &str = "SQLite";

pub struct SqliteBackend {
    pool: SqlitePool,
    /// Keeps a seeded in-memory database alive: sqlx shares one in-memory
    /// database between the connections of a pool, and it lives as long
    /// as any connection to it.
    _keeper: Option<Mutex<SqliteConnection>>,
}

impl SqliteBackend {
    /// Opens `url` (`sqlite::memory:`, `sqlite://path`, or a path). An
    /// in-memory database is filled with `seed` once, on a connection kept
    /// open; a file is opened read-only and `seed` must be empty. Every
    /// pooled connection is `query_only`.
    pub async fn connect(url: &str, seed: Vec<String>) -> Result<Self, ConnectorError> {
        let url = if url.starts_with("sqlite:") {
            url.to_owned()
        } else {
            format!("sqlite://{url}")
        };
        let options = SqliteConnectOptions::from_str(&url).map_err(|e| {
            ConnectorError::internal("warehouse.url is not a SQLite URL").with_source(e)
        })?;
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if !in_memory && !seed.is_empty() {
            return Err(ConnectorError::internal(
                "only an in-memory SQLite warehouse can be seeded",
            ));
        }
        let err = |e| sqlx_error(ENGINE, e);
        let (options, keeper) = if in_memory {
            let mut keeper = SqliteConnection::connect_with(&options)
                .await
                .map_err(err)?;
            for statement in &seed {
                keeper
                    .execute(sqlx::raw_sql(statement))
                    .await
                    .map_err(err)?;
            }
            (options, Some(Mutex::new(keeper)))
        } else {
            (options.read_only(true), None)
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA query_only = ON").await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(err)?;
        Ok(SqliteBackend {
            pool,
            _keeper: keeper,
        })
    }
}

type LiteQuery<'q> = Query<'q, Sqlite, SqliteArguments<'q>>;

fn bind<'q>(q: LiteQuery<'q>, value: &BindValue) -> LiteQuery<'q> {
    match value {
        BindValue::Text(v) => q.bind(v.clone()),
        BindValue::Integer(v) => q.bind(*v),
        BindValue::Date(v) => q.bind(v.map(|d| d.to_string())),
    }
}

/// One cell by its storage class (SQLite types values, not columns).
fn cell(row: &SqliteRow, i: usize) -> Result<Value, sqlx::Error> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let class = raw.type_info().name().to_owned();
    Ok(match class.as_str() {
        "INTEGER" | "BOOLEAN" => Value::from(row.try_get_unchecked::<i64, _>(i)?),
        "REAL" => float_json(row.try_get_unchecked::<f64, _>(i)?),
        "BLOB" => Value::String(
            String::from_utf8_lossy(&row.try_get_unchecked::<Vec<u8>, _>(i)?).into_owned(),
        ),
        _ => Value::String(row.try_get_unchecked::<String, _>(i)?),
    })
}

#[async_trait]
impl Backend for SqliteBackend {
    fn flavor(&self) -> Flavor {
        Flavor::Sqlite
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
            let deadline = Instant::now() + budget;
            conn.lock_handle()
                .await
                .map_err(err)?
                .set_progress_handler(1_000, move || Instant::now() < deadline);
            let result = async {
                let statement = (&mut *conn).prepare(&sql.sql).await.map_err(err)?;
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
                let rows = q.fetch_all(&mut *conn).await.map_err(err)?;
                let rows = rows
                    .iter()
                    .map(|row| {
                        (0..columns.len())
                            .map(|i| cell(row, i))
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
            .await;
            if let Ok(mut handle) = conn.lock_handle().await {
                handle.remove_progress_handler();
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
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') \
             AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| sqlx_error(ENGINE, e))?;
        let rows: Vec<CatalogRow> = rows
            .into_iter()
            .map(|(t, k)| CatalogRow::from(("main".to_owned(), t, k, true)))
            .collect();
        Ok(match_catalog(Flavor::Sqlite, allow, &rows))
    }

    async fn describe(
        &self,
        _ctx: &CallContext,
        table: &str,
    ) -> Result<Option<Vec<ColumnInfo>>, ConnectorError> {
        let rows: Vec<(String, String, i64)> =
            sqlx::query_as("SELECT name, type, \"notnull\" FROM pragma_table_info(?1)")
                .bind(table)
                .fetch_all(&self.pool)
                .await
                .map_err(|e| sqlx_error(ENGINE, e))?;
        Ok((!rows.is_empty()).then(|| {
            rows.into_iter()
                .map(|(name, type_name, not_null)| ColumnInfo {
                    name,
                    type_name,
                    nullable: not_null == 0,
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
