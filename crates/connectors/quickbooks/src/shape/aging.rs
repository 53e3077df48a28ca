//! The AgedReceivables report as buckets per customer plus totals. The
//! report's columns are matched by title ("Current", "1 - 30", ...,
//! "91 and over", "Total"), not position, so a differently ordered or
//! extended report still reads right.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{cents, day, money};
use crate::model::{ColData, Report, Row};

/// Open receivables by how late they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Buckets {
    /// Not yet due.
    #[serde(serialize_with = "money")]
    pub current: f64,
    #[serde(serialize_with = "money")]
    pub days_1_30: f64,
    #[serde(serialize_with = "money")]
    pub days_31_60: f64,
    #[serde(serialize_with = "money")]
    pub days_61_90: f64,
    #[serde(serialize_with = "money")]
    pub days_91_plus: f64,
    /// Everything past due (the four late buckets).
    #[serde(serialize_with = "money")]
    pub overdue: f64,
    #[serde(serialize_with = "money")]
    pub total: f64,
}

/// One customer's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AgingRow {
    pub customer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(flatten)]
    pub buckets: Buckets,
}

/// The shaped report.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Aging {
    /// The day the receivables are aged at.
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub totals: Buckets,
    /// Customers with a balance, most overdue first.
    pub customers: Vec<AgingRow>,
    /// Customers left out by `limit`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Current,
    D1,
    D31,
    D61,
    D91,
    Total,
}

fn slot(title: &str) -> Option<Slot> {
    let t: String = title
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    Some(match t.as_str() {
        "current" => Slot::Current,
        "1-30" => Slot::D1,
        "31-60" => Slot::D31,
        "61-90" => Slot::D61,
        "91andover" | "91+" | "over90" => Slot::D91,
        "total" => Slot::Total,
        _ => return None,
    })
}

/// An amount cell: "1593.50", "" (zero), or "-20.00".
pub fn amount(cell: Option<&ColData>) -> f64 {
    cell.and_then(|c| c.value.replace(',', "").trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

fn buckets(cells: &[ColData], slots: &[Option<Slot>]) -> Buckets {
    let mut b = Buckets::default();
    let mut total = None;
    for (cell, slot) in cells.iter().zip(slots) {
        let v = amount(Some(cell));
        match slot {
            Some(Slot::Current) => b.current += v,
            Some(Slot::D1) => b.days_1_30 += v,
            Some(Slot::D31) => b.days_31_60 += v,
            Some(Slot::D61) => b.days_61_90 += v,
            Some(Slot::D91) => b.days_91_plus += v,
            Some(Slot::Total) => total = Some(v),
            None => {}
        }
    }
    b.overdue = cents(b.days_1_30 + b.days_31_60 + b.days_61_90 + b.days_91_plus);
    b.total = cents(total.unwrap_or(b.current + b.overdue));
    b
}

/// Data rows anywhere in the tree, and the grand total if the report
/// has one.
fn walk<'a>(rows: &'a [Row], data: &mut Vec<&'a [ColData]>, grand: &mut Option<&'a [ColData]>) {
    for row in rows {
        if row.group.as_deref() == Some("GrandTotal") {
            *grand = row.summary.as_ref().map(|s| s.col_data.as_slice());
        } else if !row.col_data.is_empty() {
            data.push(&row.col_data);
        } else if let Some(nested) = &row.rows {
            walk(&nested.row, data, grand);
        }
    }
}

/// Shapes the report; `requested` is the as-of day asked for, used when
/// the header does not echo it. At most `limit` customers are listed.
pub fn aging(report: &Report, requested: NaiveDate, limit: usize) -> Aging {
    let slots: Vec<Option<Slot>> = report
        .columns
        .column
        .iter()
        .map(|c| slot(&c.col_title))
        .collect();
    let (mut data, mut grand) = (Vec::new(), None);
    walk(&report.rows.row, &mut data, &mut grand);
    let mut customers: Vec<AgingRow> = data
        .into_iter()
        .map(|cells| AgingRow {
            customer: cells
                .first()
                .map(|c| c.value.trim().to_owned())
                .unwrap_or_default(),
            customer_id: cells.first().and_then(|c| c.id.clone()),
            buckets: buckets(cells, &slots),
        })
        .filter(|r| r.buckets.total != 0.0 || r.buckets.overdue != 0.0)
        .collect();
    let totals = match grand {
        Some(cells) => buckets(cells, &slots),
        None => {
            let mut t = Buckets::default();
            for r in &customers {
                let b = &r.buckets;
                t.current += b.current;
                t.days_1_30 += b.days_1_30;
                t.days_31_60 += b.days_31_60;
                t.days_61_90 += b.days_61_90;
                t.days_91_plus += b.days_91_plus;
                t.overdue += b.overdue;
                t.total += b.total;
            }
            t
        }
    };
    customers.sort_by(|a, b| {
        (b.buckets.overdue, b.buckets.total)
            .partial_cmp(&(a.buckets.overdue, a.buckets.total))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.customer.cmp(&b.customer))
    });
    let omitted = customers.len().saturating_sub(limit);
    customers.truncate(limit);
    let header = &report.header;
    let as_of = header
        .option("report_date")
        .or(header.end_period.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(requested);
    Aging {
        as_of: day(as_of),
        currency: header.currency.clone(),
        totals,
        customers,
        omitted,
    }
}
