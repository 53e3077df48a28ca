//! StarRocks' HTTP SQL API result: NDJSON lines `{"connectionId"}`, then
//! `{"meta": [{name, type}]}`, then one `{"data": [...]}` per row, then
//! `{"statistics": {...}}`; or `{"status": "FAILED", "msg"}` before any.
//! Parsed into the same [`ResultSet`] as every backend.

use serde::Deserialize;
use serde_json::Value;

use crate::backend::{ResultColumn, ResultSet};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MetaColumn {
    pub name: String,
    /// StarRocks' type, e.g. `int(11)`, `decimal64(10, 2)`.
    #[serde(rename = "type")]
    pub type_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    pub scan_rows: u64,
    pub scan_bytes: u64,
    pub return_rows: u64,
}

/// One NDJSON line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Line {
    #[serde(rename_all = "camelCase")]
    Connection {
        connection_id: u64,
    },
    Meta {
        meta: Vec<MetaColumn>,
    },
    Data {
        data: Vec<Value>,
    },
    Statistics {
        statistics: Statistics,
    },
    Failed {
        status: String,
        msg: String,
    },
}

/// A decimal column arrives as a string (`"10.00"`): make it a number.
fn number_if_decimal(type_name: &str, v: Value) -> Value {
    match (&v, type_name.starts_with("decimal")) {
        (Value::String(s), true) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(v, Value::Number),
        _ => v,
    }
}

/// Parses a whole response body; a `FAILED` line or a body that ends
/// without statistics (the stream broke) is an error.
pub fn parse(body: &str) -> Result<ResultSet, String> {
    // An error before streaming is one (possibly pretty-printed) object.
    if let Ok(Line::Failed { status, msg }) = serde_json::from_str(body.trim()) {
        return Err(format!("StarRocks {status}: {msg}"));
    }
    let mut out = ResultSet::default();
    let mut complete = false;
    for (i, line) in body.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let line: Line = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        match line {
            Line::Connection { .. } => {}
            Line::Meta { meta } => {
                out.columns = meta
                    .into_iter()
                    .map(|m| ResultColumn {
                        name: m.name,
                        type_name: m.type_name,
                    })
                    .collect()
            }
            Line::Data { data } => {
                if data.len() != out.columns.len() {
                    return Err(format!(
                        "line {}: {} values for {} columns",
                        i + 1,
                        data.len(),
                        out.columns.len()
                    ));
                }
                let row = data
                    .into_iter()
                    .zip(&out.columns)
                    .map(|(v, c)| number_if_decimal(&c.type_name, v))
                    .collect();
                out.rows.push(row);
            }
            Line::Statistics { statistics } => {
                out.bytes_processed = Some(statistics.scan_bytes);
                complete = true;
            }
            Line::Failed { status, msg } => return Err(format!("StarRocks {status}: {msg}")),
        }
    }
    if !complete {
        return Err("the result stream ended early".into());
    }
    Ok(out)
}
