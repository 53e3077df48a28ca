//! Output formats for `audit tail` and `audit query`.

use std::io::{self, Write};

use chrono::{DateTime, SecondsFormat};
use clap::ValueEnum;

use crate::AuditRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// One JSON object per line, every column.
    Json,
    /// RFC 4180 CSV with a header, every column.
    Csv,
}

/// Writes rows in one format; the header (table, csv) only once.
pub struct Printer<W: Write> {
    format: Format,
    out: W,
    header_done: bool,
}

impl<W: Write> Printer<W> {
    pub fn new(format: Format, out: W) -> Self {
        Printer {
            format,
            out,
            header_done: false,
        }
    }

    pub fn print(&mut self, rows: &[AuditRow]) -> io::Result<()> {
        if !self.header_done && self.format != Format::Json {
            self.header_done = true;
            match self.format {
                Format::Table => self.table_line([
                    "TIME", "USER", "TOOL", "OUTCOME", "DECISION", "CACHE", "MS", "CALL",
                ])?,
                _ => writeln!(self.out, "{}", csv_line(COLUMNS.into_iter()))?,
            }
        }
        for row in rows {
            match self.format {
                Format::Json => writeln!(
                    self.out,
                    "{}",
                    serde_json::to_string(row).map_err(io::Error::other)?
                )?,
                Format::Csv => writeln!(
                    self.out,
                    "{}",
                    csv_line(values(row).iter().map(String::as_str))
                )?,
                Format::Table => {
                    let tool = row.tool.clone().unwrap_or_else(|| row.method.clone());
                    let ms = format!("{:.1}", row.latency_us as f64 / 1000.0);
                    self.table_line([
                        &time(row.time_us),
                        &row.user_id,
                        &tool,
                        &row.outcome,
                        &row.decision,
                        &row.cache,
                        &ms,
                        &row.call_id,
                    ])?
                }
            }
        }
        self.out.flush()
    }

    fn table_line(&mut self, cells: [&str; 8]) -> io::Result<()> {
        const WIDTHS: [usize; 8] = [24, 20, 32, 13, 12, 6, 8, 36];
        let mut line = String::new();
        for (cell, width) in cells.iter().zip(WIDTHS) {
            let cell: String = if cell.chars().count() > width {
                cell.chars().take(width - 1).chain(['…']).collect()
            } else {
                cell.to_string()
            };
            line.push_str(&format!("{cell:<width$} "));
        }
        writeln!(self.out, "{}", line.trim_end())
    }
}

/// UTC, millisecond precision.
pub fn time(time_us: i64) -> String {
    DateTime::from_timestamp_micros(time_us)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
        .unwrap_or_else(|| time_us.to_string())
}

/// Every column, in CSV order.
const COLUMNS: [&str; 30] = [
    "time",
    "time_us",
    "id",
    "chain_id",
    "seq",
    "call_id",
    "parent_call_id",
    "request_id",
    "trace_id",
    "session_id",
    "client",
    "method",
    "user_id",
    "org",
    "groups",
    "tool",
    "connector",
    "arguments",
    "decision",
    "outcome",
    "error_kind",
    "error_message",
    "result",
    "result_sha256",
    "result_bytes",
    "cache",
    "upstream_requests",
    "latency_us",
    "prev_hash",
    "row_hash",
];

/// A row's values in [`COLUMNS`] order.
fn values(r: &AuditRow) -> [String; 30] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        time(r.time_us),
        r.time_us.to_string(),
        r.id.to_string(),
        r.chain_id.clone(),
        r.seq.to_string(),
        r.call_id.clone(),
        opt(&r.parent_call_id),
        r.request_id.clone(),
        opt(&r.trace_id),
        opt(&r.session_id),
        opt(&r.client),
        r.method.clone(),
        r.user_id.clone(),
        r.org.clone(),
        r.groups.join(";"),
        opt(&r.tool),
        opt(&r.connector),
        r.arguments.to_string(),
        r.decision.clone(),
        r.outcome.clone(),
        opt(&r.error_kind),
        opt(&r.error_message),
        opt(&r.result),
        opt(&r.result_sha256),
        r.result_bytes.map(|n| n.to_string()).unwrap_or_default(),
        r.cache.clone(),
        r.upstream_requests.to_string(),
        r.latency_us.to_string(),
        r.prev_hash.clone(),
        r.row_hash.clone(),
    ]
}

fn csv_line<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(
            csv_line(["a", "b,c", "say \"hi\"", "x\ny"].into_iter()),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\""
        );
    }

    #[test]
    fn formats_print_every_row() {
        let row = AuditRow {
            user_id: "ana".into(),
            ..AuditRow::default()
        };
        for (format, lines) in [(Format::Json, 2), (Format::Csv, 3), (Format::Table, 3)] {
            let mut out = Vec::new();
            Printer::new(format, &mut out)
                .print(&[row.clone(), row.clone()])
                .expect("print");
            let text = String::from_utf8(out).expect("utf-8");
            assert_eq!(text.lines().count(), lines, "{format:?}: {text}");
            assert!(text.contains("ana"));
        }
    }
}
