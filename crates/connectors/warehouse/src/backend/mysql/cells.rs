//! MySQL-protocol cells as JSON, by the column's type name.

use serde_json::Value;
use sqlx::mysql::MySqlRow;
use sqlx::types::chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use sqlx::types::Decimal;
use sqlx::Row;

use crate::backend::decimal::{decimal_json, float_json};

fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Value) -> Value {
    v.map_or(Value::Null, f)
}

/// One cell as JSON, by the column's MySQL type name. Values are read
/// without sqlx's strict type check: the type name already decided.
pub(super) fn cell(row: &MySqlRow, i: usize, ty: &str) -> Result<Value, sqlx::Error> {
    Ok(match ty {
        "NULL" => Value::Null,
        "BOOLEAN" => opt(row.try_get_unchecked::<Option<bool>, _>(i)?, Value::Bool),
        t if t.ends_with("INT UNSIGNED") => {
            opt(row.try_get_unchecked::<Option<u64>, _>(i)?, Value::from)
        }
        "TINYINT" | "SMALLINT" | "MEDIUMINT" | "INT" | "BIGINT" | "YEAR" => {
            opt(row.try_get_unchecked::<Option<i64>, _>(i)?, Value::from)
        }
        "DECIMAL" => opt(
            row.try_get_unchecked::<Option<Decimal>, _>(i)?,
            decimal_json,
        ),
        "FLOAT" => opt(row.try_get_unchecked::<Option<f32>, _>(i)?, |v| {
            float_json(v.into())
        }),
        "DOUBLE" => opt(row.try_get_unchecked::<Option<f64>, _>(i)?, float_json),
        "DATE" => opt(row.try_get_unchecked::<Option<NaiveDate>, _>(i)?, |d| {
            d.to_string().into()
        }),
        "TIME" => opt(row.try_get_unchecked::<Option<NaiveTime>, _>(i)?, |t| {
            t.to_string().into()
        }),
        "DATETIME" => opt(row.try_get_unchecked::<Option<NaiveDateTime>, _>(i)?, |d| {
            d.format("%Y-%m-%dT%H:%M:%S%.f").to_string().into()
        }),
        "TIMESTAMP" => opt(row.try_get_unchecked::<Option<DateTime<Utc>>, _>(i)?, |d| {
            d.to_rfc3339().into()
        }),
        "JSON" => row
            .try_get_unchecked::<Option<Value>, _>(i)?
            .unwrap_or(Value::Null),
        _ => opt(row.try_get_unchecked::<Option<Vec<u8>>, _>(i)?, |b| {
            Value::String(String::from_utf8_lossy(&b).into_owned())
        }),
    })
}
