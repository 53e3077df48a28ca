//! BigQuery's `f/v` cells into typed JSON values, using the schema:
//! every scalar arrives as a string (INT64 included), records as
//! `{"f": [...]}`, repeated fields as `[{"v": ...}]`, TIMESTAMP as epoch
//! seconds in floating-point notation.

use chrono::DateTime;
use serde_json::{Map, Number, Value};

use crate::backend::{ResultColumn, ResultSet};
use crate::model::bigquery::{TableFieldSchema, TableRow, TableSchema};

fn scalar(type_name: &str, raw: &str) -> Value {
    let parsed = match type_name {
        "INTEGER" | "INT64" => raw.parse::<i64>().ok().map(Value::from),
        "FLOAT" | "FLOAT64" | "NUMERIC" | "BIGNUMERIC" => raw
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        "BOOLEAN" | "BOOL" => match raw {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        "TIMESTAMP" => timestamp(raw),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(raw.to_owned()))
}

/// `"1.394522712E9"` (seconds since the epoch) → RFC 3339, microseconds.
fn timestamp(raw: &str) -> Option<Value> {
    let seconds: f64 = raw.parse().ok()?;
    let micros = (seconds * 1e6).round() as i64;
    let t = DateTime::from_timestamp_micros(micros)?;
    Some(Value::String(
        t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
    ))
}

/// One cell of `field`.
pub fn convert(field: &TableFieldSchema, v: &Value) -> Value {
    if field.mode.as_deref() == Some("REPEATED") {
        let item = TableFieldSchema {
            mode: None,
            ..field.clone()
        };
        return match v {
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|i| convert(&item, i.get("v").unwrap_or(&Value::Null)))
                    .collect(),
            ),
            _ => Value::Array(Vec::new()),
        };
    }
    match (field.type_name.as_str(), v) {
        (_, Value::Null) => Value::Null,
        ("RECORD" | "STRUCT", Value::Object(o)) => {
            let cells = o.get("f").and_then(Value::as_array);
            let record: Map<String, Value> = field
                .fields
                .iter()
                .zip(cells.into_iter().flatten())
                .map(|(f, c)| {
                    (
                        f.name.clone(),
                        convert(f, c.get("v").unwrap_or(&Value::Null)),
                    )
                })
                .collect();
            Value::Object(record)
        }
        (t, Value::String(s)) => scalar(t, s),
        (_, other) => other.clone(),
    }
}

/// Rows of `schema` as typed values, in column order.
pub fn rows(schema: &TableSchema, rows: &[TableRow]) -> Vec<Vec<Value>> {
    rows.iter()
        .map(|row| {
            schema
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| row.f.get(i).map_or(Value::Null, |c| convert(f, &c.v)))
                .collect()
        })
        .collect()
}

/// A whole result: columns from the schema, rows converted.
pub fn result_set(schema: &TableSchema, raw: &[TableRow]) -> ResultSet {
    ResultSet {
        columns: schema
            .fields
            .iter()
            .map(|f| ResultColumn {
                name: f.name.clone(),
                type_name: f.type_name.clone(),
            })
            .collect(),
        rows: rows(schema, raw),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_become_typed_values() {
        let schema: TableSchema = serde_json::from_value(json!({"fields": [
            {"name": "n", "type": "INTEGER"}, {"name": "x", "type": "FLOAT"},
            {"name": "b", "type": "BOOLEAN"}, {"name": "t", "type": "TIMESTAMP"},
            {"name": "tags", "type": "STRING", "mode": "REPEATED"},
            {"name": "r", "type": "RECORD", "fields": [{"name": "k", "type": "INTEGER"}]},
            {"name": "s", "type": "STRING"}
        ]}))
        .unwrap();
        let row: TableRow = serde_json::from_value(json!({"f": [
            {"v": "17"}, {"v": "1.5"}, {"v": "true"}, {"v": "1.394522712E9"},
            {"v": [{"v": "a"}, {"v": "b"}]}, {"v": {"f": [{"v": "3"}]}}, {"v": null}
        ]}))
        .unwrap();
        let out = rows(&schema, &[row]);
        assert_eq!(
            out[0],
            vec![
                json!(17),
                json!(1.5),
                json!(true),
                json!("2014-03-11T07:25:12Z"),
                json!(["a", "b"]),
                json!({"k": 3}),
                Value::Null
            ]
        );
    }
}
