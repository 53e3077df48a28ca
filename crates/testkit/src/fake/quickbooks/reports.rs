//! `GET /reports/AgedReceivables` and `GET /reports/ProfitAndLoss`, built
//! from the books in the JSON of Intuit's published report schema:
//! `Header`, typed `Columns`, and `Rows` of data rows and sections with a
//! `group`. Amounts are strings with two decimals, blank when zero in a
//! data row.

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use serde_json::{json, Value};

use super::{Qbo, Shared};

pub(super) fn params(raw: Option<String>) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub(super) fn money(v: f64) -> String {
    format!("{:.2}", (v * 100.0).round() / 100.0)
}

/// A data-row amount: blank when zero, as QuickBooks prints it.
fn cell(v: f64) -> Value {
    json!({"value": if v.abs() < 0.005 { String::new() } else { money(v) }})
}

/// A `YYYY-MM-DD` parameter; an unparsable one is Intuit's "Invalid
/// Date" fault.
pub(super) fn date_param(
    s: &Qbo,
    p: &BTreeMap<String, String>,
    name: &str,
) -> Result<Option<NaiveDate>, Box<Response>> {
    let Some(v) = p.get(name) else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            let detail =
                format!("The value '{v}' of parameter {name} is not a valid date (yyyy-MM-dd).");
            Box::new(s.fault(
                StatusCode::BAD_REQUEST,
                "ValidationFault",
                "2080",
                "Invalid Date",
                &detail,
            ))
        })
}

pub(super) fn report_time(s: &Qbo) -> String {
    let t = s.time();
    // Report headers carry seconds, not milliseconds.
    format!("{}{}", &t[..19], &t[t.len() - 6..])
}

pub(super) async fn aged_receivables(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let p = params(raw);
    let as_of = match date_param(&s, &p, "report_date") {
        Ok(d) => d.unwrap_or(s.books.as_of),
        Err(r) => return *r,
    };
    let only: Option<Vec<&str>> = p
        .get("customer")
        .map(|c| c.split(',').map(str::trim).collect());
    let b = &s.books;
    let mut customers: Vec<_> = b
        .customers
        .iter()
        .filter(|c| only.as_ref().is_none_or(|ids| ids.contains(&c.id.as_str())))
        .collect();
    customers.sort_by(|x, y| x.name.cmp(&y.name));
    let mut rows = Vec::new();
    let mut grand = [0.0f64; 6];
    for c in customers {
        let mut buckets = [0.0f64; 6];
        for inv in b.invoices_of(&c.id).filter(|i| i.txn_date <= as_of) {
            let balance = b.balance(inv, as_of) as f64;
            if balance == 0.0 {
                continue;
            }
            let late = (as_of - inv.due_date).num_days();
            let slot = match late {
                i64::MIN..=0 => 0,
                1..=30 => 1,
                31..=60 => 2,
                61..=90 => 3,
                _ => 4,
            };
            buckets[slot] += balance;
            buckets[5] += balance;
        }
        if buckets[5] == 0.0 {
            continue;
        }
        for (g, v) in grand.iter_mut().zip(buckets) {
            *g += v;
        }
        let mut cells = vec![json!({"id": c.id, "value": c.name})];
        cells.extend(buckets.iter().map(|v| cell(*v)));
        rows.push(json!({"ColData": cells}));
    }
    let no_data = rows.is_empty();
    let mut totals = vec![json!({"value": "TOTAL"})];
    totals.extend(grand.iter().map(|v| json!({"value": money(*v)})));
    rows.push(json!({"group": "GrandTotal", "type": "Section", "Summary": {"ColData": totals}}));
    let mut header = json!({
        "ReportName": "AgedReceivables",
        "Option": [{"Name": "report_date", "Value": as_of.to_string()}, {"Name": "NoReportData", "Value": no_data.to_string()}],
        "StartPeriod": as_of.to_string(),
        "Currency": "USD",
        "EndPeriod": as_of.to_string(),
        "Time": report_time(&s),
    });
    if !p.contains_key("report_date") {
        header["DateMacro"] = json!("today");
    }
    if let Some(c) = p.get("customer") {
        header["Customer"] = json!(c);
    }
    let columns: Vec<Value> = [
        ("Customer", ""),
        ("Money", "Current"),
        ("Money", "1 - 30"),
        ("Money", "31 - 60"),
        ("Money", "61 - 90"),
        ("Money", "91 and over"),
        ("Money", "Total"),
    ]
    .iter()
    .map(|(t, title)| json!({"ColType": t, "ColTitle": title}))
    .collect();
    s.json(
        StatusCode::OK,
        &json!({"Header": header, "Rows": {"Row": rows}, "Columns": {"Column": columns}}),
    )
}
