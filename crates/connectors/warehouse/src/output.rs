//! Query results as the model sees them: one record per row keyed by
//! column name, numbers as numbers, a row count and an explicit
//! truncation flag; plus a compact text table for text-only clients.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::backend::ResultSet;

/// The result of `warehouse_sql` and every saved query.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct QueryOutput {
    /// Column names in order (repeated names get a `_2`, `_3` suffix).
    pub columns: Vec<String>,
    /// One object per row.
    pub rows: Vec<Map<String, Value>>,
    pub row_count: usize,
    /// True when more rows matched than were returned; narrow the query.
    pub truncated: bool,
    /// Bytes the engine scanned, where it reports it (BigQuery).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes_processed: Option<u64>,
}

/// Unique column names: a repeated name gets `_2`, `_3`, ...
fn unique_names(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let mut candidate = name.clone();
        let mut n = 1;
        while out.contains(&candidate) {
            n += 1;
            candidate = format!("{name}_{n}");
        }
        out.push(candidate);
    }
    out
}

impl QueryOutput {
    pub fn from_result(result: ResultSet) -> QueryOutput {
        let columns = unique_names(result.columns.into_iter().map(|c| c.name));
        let rows: Vec<Map<String, Value>> = result
            .rows
            .into_iter()
            .map(|row| columns.iter().cloned().zip(row).collect())
            .collect();
        QueryOutput {
            row_count: rows.len(),
            columns,
            rows,
            truncated: result.truncated,
            bytes_processed: result.bytes_processed,
        }
    }

    /// `a | b` then one line per row, and a note when truncated.
    pub fn render(&self) -> String {
        let mut out = self.columns.join(" | ");
        for row in &self.rows {
            out.push('\n');
            let cells: Vec<String> = self
                .columns
                .iter()
                .map(|c| match row.get(c) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => "NULL".into(),
                    Some(v) => v.to_string(),
                })
                .collect();
            out.push_str(&cells.join(" | "));
        }
        out.push_str(&format!("\n({} rows", self.row_count));
        if self.truncated {
            out.push_str("; truncated: more rows matched");
        }
        out.push(')');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::ResultColumn;

    #[test]
    fn records_with_unique_names() {
        let col = |n: &str| ResultColumn {
            name: n.into(),
            type_name: "INT8".into(),
        };
        let result = ResultSet {
            columns: vec![col("id"), col("id"), col("name")],
            rows: vec![vec![1.into(), 2.into(), "x".into()]],
            truncated: true,
            bytes_processed: None,
        };
        let out = QueryOutput::from_result(result);
        assert_eq!(out.columns, ["id", "id_2", "name"]);
        assert_eq!(out.rows[0]["id_2"], 2);
        assert_eq!(
            out.render(),
            "id | id_2 | name\n1 | 2 | x\n(1 rows; truncated: more rows matched)"
        );
    }
}
