//! The query engine behind the fake: the demo warehouse in an in-memory
//! SQLite, one attached database per BigQuery dataset, so that
//! `SELECT … FROM finance.revenue_by_month WHERE month_start >= @since`
//! runs as written (the project qualifier and `@name` parameters are
//! rewritten for SQLite). Results come back typed the BigQuery way.

use axum::http::StatusCode;
use sqlx::sqlite::{SqliteConnection, SqliteRow};
use sqlx::{Column, Connection, Executor, Row, Statement, TypeInfo, ValueRef};
use tokio::sync::Mutex;

use super::translate::translate;
use super::PROJECT;
use crate::demo::warehouse::{warehouse, Table};

/// A query parameter as `jobs.query` sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Param {
    pub name: String,
    /// STRING, INT64, FLOAT64, BOOL, DATE, ...
    pub type_name: String,
    pub value: Option<String>,
}

/// A result column: name and BigQuery type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    pub name: String,
    pub type_name: &'static str,
}

/// What a query produced: BigQuery types, cells as BigQuery writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Output {
    pub fields: Vec<Field>,
    pub rows: Vec<Vec<Option<String>>>,
    pub bytes_processed: u64,
}

/// A BigQuery error: HTTP status, reason and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    pub status: StatusCode,
    pub reason: &'static str,
    pub message: String,
}

fn invalid(message: String) -> Failure {
    Failure {
        status: StatusCode::BAD_REQUEST,
        reason: "invalidQuery",
        message,
    }
}

pub(super) struct Engine {
    conn: Mutex<SqliteConnection>,
    tables: Vec<Table>,
}

impl Engine {
    /// Seeds the demo warehouse; panics if SQLite cannot start (test
    /// tooling: nothing sensible can continue without it).
    pub(super) async fn start() -> Engine {
        let mut conn = SqliteConnection::connect("sqlite::memory:")
            .await
            .expect("an in-memory SQLite for the fake BigQuery");
        let data = warehouse();
        let tables = data.tables();
        let mut datasets: Vec<&str> = tables.iter().map(|t| t.dataset).collect();
        datasets.dedup();
        for dataset in datasets {
            let attach = format!("ATTACH DATABASE ':memory:' AS {dataset}");
            conn.execute(attach.as_str())
                .await
                .expect("attach a dataset");
        }
        for statement in data.seed_sql(|t| Some(t.dataset.to_owned())) {
            conn.execute(sqlx::raw_sql(&statement))
                .await
                .expect("seed the fake warehouse");
        }
        conn.execute("PRAGMA query_only = ON")
            .await
            .expect("read-only");
        Engine {
            conn: Mutex::new(conn),
            tables,
        }
    }

    /// The demo tables (for the catalogue endpoints).
    pub(super) fn tables(&self) -> &[Table] {
        &self.tables
    }

    pub(super) fn table(&self, dataset: &str, name: &str) -> Option<&Table> {
        self.tables
            .iter()
            .find(|t| t.dataset == dataset && t.name == name)
    }

    /// Runs a GoogleSQL query that stays within what SQLite understands.
    pub(super) async fn run(&self, sql: &str, params: &[Param]) -> Result<Output, Failure> {
        let (sqlite_sql, order) = translate(sql, params)?;
        let mut conn = self.conn.lock().await;
        let statement = (&mut *conn).prepare(&sqlite_sql).await.map_err(failure)?;
        let names: Vec<(String, String)> = statement
            .columns()
            .iter()
            .map(|c| (c.name().to_owned(), c.type_info().name().to_owned()))
            .collect();
        let mut query = statement.query();
        for i in order {
            let p = &params[i];
            query = match p.type_name.as_str() {
                "INT64" | "INTEGER" => {
                    query.bind(p.value.as_ref().and_then(|v| v.parse::<i64>().ok()))
                }
                "FLOAT64" | "FLOAT" => {
                    query.bind(p.value.as_ref().and_then(|v| v.parse::<f64>().ok()))
                }
                "BOOL" | "BOOLEAN" => query.bind(p.value.as_ref().map(|v| v == "true")),
                _ => query.bind(p.value.clone()),
            };
        }
        let rows = query.fetch_all(&mut *conn).await.map_err(failure)?;
        let fields = names
            .iter()
            .enumerate()
            .map(|(i, (name, declared))| Field {
                name: name.clone(),
                type_name: bigquery_type(declared, &rows, i),
            })
            .collect();
        let rows = rows
            .iter()
            .map(|r| (0..names.len()).map(|i| cell(r, i)).collect())
            .collect();
        let bytes_processed = self
            .tables
            .iter()
            .filter(|t| sql.contains(t.name))
            .map(|t| (t.rows.len() * t.columns.len() * 16) as u64)
            .sum();
        Ok(Output {
            fields,
            rows,
            bytes_processed,
        })
    }
}

fn bigquery_type(declared: &str, rows: &[SqliteRow], i: usize) -> &'static str {
    let storage = |name: &str| match name {
        "INTEGER" | "INT4" | "INT8" | "BIGINT" => Some("INTEGER"),
        "REAL" | "FLOAT" | "DOUBLE" => Some("FLOAT"),
        "BOOLEAN" => Some("BOOLEAN"),
        "DATE" => Some("DATE"),
        "DATETIME" => Some("TIMESTAMP"),
        "TEXT" => Some("STRING"),
        _ => None,
    };
    storage(declared)
        .or_else(|| {
            rows.iter().find_map(|r| {
                let v = r.try_get_raw(i).ok()?;
                (!v.is_null())
                    .then(|| storage(v.type_info().name()))
                    .flatten()
            })
        })
        .unwrap_or("STRING")
}

/// A cell as BigQuery writes it: a string, or null.
fn cell(row: &SqliteRow, i: usize) -> Option<String> {
    let raw = row.try_get_raw(i).ok()?;
    if raw.is_null() {
        return None;
    }
    match raw.type_info().name() {
        "INTEGER" => row.try_get::<i64, _>(i).ok().map(|v| v.to_string()),
        "REAL" => row.try_get::<f64, _>(i).ok().map(|v| format!("{v:?}")),
        _ => row.try_get_unchecked::<String, _>(i).ok(),
    }
}

/// SQLite's error as BigQuery would phrase it.
fn failure(e: sqlx::Error) -> Failure {
    let message = match &e {
        sqlx::Error::Database(db) => db.message().to_owned(),
        other => other.to_string(),
    };
    if let Some(table) = message.strip_prefix("no such table: ") {
        return Failure {
            status: StatusCode::NOT_FOUND,
            reason: "notFound",
            message: format!("Not found: Table {PROJECT}:{table} was not found in location US"),
        };
    }
    if let Some(column) = message.strip_prefix("no such column: ") {
        return invalid(format!("Unrecognized name: {column}"));
    }
    invalid(format!("Syntax error: {message}"))
}
