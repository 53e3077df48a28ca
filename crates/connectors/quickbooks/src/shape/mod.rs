//! The shaped outputs: the handful of fields that answer a finance
//! question, with names instead of ids, amounts as numbers and dates as
//! `YYYY-MM-DD`. Never the raw QuickBooks object (`Line[]`, `MetaData`,
//! addresses and flags make an invoice ~740 tokens).

pub mod aging;
pub mod customer;
pub mod invoice;
pub mod pnl;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

/// Rounded to cents (QuickBooks amounts are decimal; f64 sums drift).
pub fn cents(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// `60000` rather than `60000.0`: fewer tokens, same number.
pub fn money<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    let v = cents(*v);
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}

pub fn money_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => money(v, s),
        None => s.serialize_none(),
    }
}

pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Trimmed, with empty strings read as absent.
pub fn text(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Where an invoice stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing left to pay.
    Paid,
    /// Unpaid, not yet due.
    Open,
    /// Unpaid and past its due date.
    Overdue,
}

/// The status on `today`, and how many days past due when overdue.
/// Invoices without a due date are due on receipt (their date).
pub fn status(
    balance: f64,
    due: Option<NaiveDate>,
    txn: NaiveDate,
    today: NaiveDate,
) -> (Status, Option<i64>) {
    if cents(balance) <= 0.0 {
        return (Status::Paid, None);
    }
    let late = (today - due.unwrap_or(txn)).num_days();
    if late > 0 {
        (Status::Overdue, Some(late))
    } else {
        (Status::Open, None)
    }
}

/// A person: name plus contact details, as far as QuickBooks knows them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Person {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl Person {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_money() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-11-25");
        assert_eq!(
            status(0.0, Some(d("2026-10-31")), d("2026-10-01"), today),
            (Status::Paid, None)
        );
        assert_eq!(status(0.004, None, d("2026-10-01"), today).0, Status::Paid);
        assert_eq!(
            status(10.0, Some(d("2026-10-31")), d("2026-10-01"), today),
            (Status::Overdue, Some(25))
        );
        assert_eq!(
            status(10.0, Some(today), d("2026-10-01"), today),
            (Status::Open, None)
        );
        #[derive(Serialize)]
        struct M(#[serde(serialize_with = "money")] f64);
        assert_eq!(serde_json::to_string(&M(60000.0)).unwrap(), "60000");
        assert_eq!(serde_json::to_string(&M(0.1 + 0.2)).unwrap(), "0.3");
        assert_eq!(serde_json::to_string(&M(362.07)).unwrap(), "362.07");
    }
}
