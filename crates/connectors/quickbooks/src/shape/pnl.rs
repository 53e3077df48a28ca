//! The ProfitAndLoss report as its headline figures plus the largest
//! income and cost lines. Sections are found by their `group` (`Income`,
//! `COGS`, `GrossProfit`, `Expenses`, `NetOperatingIncome`,
//! `OtherIncome`, `OtherExpenses`, `NetIncome`); the amount is read from
//! the "Total" column (or the last one).

use schemars::JsonSchema;
use serde::Serialize;

use super::aging::amount;
use super::{cents, money, money_opt};
use crate::model::{Report, Row};

/// An account and its amount for the period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AccountLine {
    pub account: String,
    #[serde(serialize_with = "money")]
    pub amount: f64,
}

/// The shaped report.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProfitAndLoss {
    pub start_date: String,
    pub end_date: String,
    /// "Accrual" or "Cash".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(serialize_with = "money")]
    pub income: f64,
    #[serde(serialize_with = "money")]
    pub cost_of_goods_sold: f64,
    #[serde(serialize_with = "money")]
    pub gross_profit: f64,
    #[serde(serialize_with = "money")]
    pub expenses: f64,
    #[serde(serialize_with = "money")]
    pub net_operating_income: f64,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub other_income: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub other_expenses: Option<f64>,
    #[serde(serialize_with = "money")]
    pub net_income: f64,
    /// Largest income accounts.
    pub top_income: Vec<AccountLine>,
    /// Largest cost accounts (cost of goods sold and expenses).
    pub top_expenses: Vec<AccountLine>,
}

/// A section's amount: its summary line, else its header line.
fn section_amount(row: &Row, col: usize) -> Option<f64> {
    let part = row.summary.as_ref().or(row.header.as_ref())?;
    let cell = part
        .col_data
        .get(col)
        .filter(|c| !c.value.trim().is_empty())?;
    Some(amount(Some(cell)))
}

/// Leaf data rows under a section, as (account, amount).
fn leaves(rows: &[Row], col: usize, out: &mut Vec<AccountLine>) {
    for row in rows {
        if !row.col_data.is_empty() {
            let account = row
                .col_data
                .first()
                .map(|c| c.value.trim().to_owned())
                .unwrap_or_default();
            let value = amount(row.col_data.get(col));
            if !account.is_empty() && value != 0.0 {
                out.push(AccountLine {
                    account,
                    amount: cents(value),
                });
            }
        } else if let Some(nested) = &row.rows {
            leaves(&nested.row, col, out);
        }
    }
}

fn top(mut lines: Vec<AccountLine>, n: usize) -> Vec<AccountLine> {
    lines.sort_by(|a, b| {
        b.amount
            .partial_cmp(&a.amount)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.account.cmp(&b.account))
    });
    lines.truncate(n);
    lines
}

/// Shapes the report for the period asked for (echoed by the header when
/// QuickBooks sends it); `n` is how many top lines to keep per side.
pub fn profit_and_loss(report: &Report, start: &str, end: &str, n: usize) -> ProfitAndLoss {
    let columns = &report.columns.column;
    let col = columns
        .iter()
        .position(|c| {
            c.col_title.eq_ignore_ascii_case("total")
                || c.meta_data
                    .iter()
                    .any(|m| m.name == "ColKey" && m.value.as_deref() == Some("total"))
        })
        .unwrap_or(columns.len().saturating_sub(1))
        .max(1);
    let find = |group: &str| {
        report
            .rows
            .row
            .iter()
            .find(|r| r.group.as_deref() == Some(group))
    };
    let figure = |group: &str| find(group).and_then(|r| section_amount(r, col));
    let lines = |groups: &[&str]| {
        let mut out = Vec::new();
        for group in groups {
            if let Some(rows) = find(group).and_then(|r| r.rows.as_ref()) {
                leaves(&rows.row, col, &mut out);
            }
        }
        out
    };
    let income_lines = lines(&["Income", "OtherIncome"]);
    let cost_lines = lines(&["COGS", "Expenses", "OtherExpenses"]);
    let income = figure("Income").unwrap_or(0.0);
    let cogs = figure("COGS").unwrap_or(0.0);
    let gross = figure("GrossProfit").unwrap_or(income - cogs);
    let expenses = figure("Expenses").unwrap_or(0.0);
    let operating = figure("NetOperatingIncome").unwrap_or(gross - expenses);
    let other_income = figure("OtherIncome");
    let other_expenses = figure("OtherExpenses");
    let net = figure("NetIncome")
        .unwrap_or(operating + other_income.unwrap_or(0.0) - other_expenses.unwrap_or(0.0));
    let h = &report.header;
    ProfitAndLoss {
        start_date: h.start_period.clone().unwrap_or_else(|| start.to_owned()),
        end_date: h.end_period.clone().unwrap_or_else(|| end.to_owned()),
        basis: h.report_basis.clone(),
        currency: h.currency.clone(),
        income: cents(income),
        cost_of_goods_sold: cents(cogs),
        gross_profit: cents(gross),
        expenses: cents(expenses),
        net_operating_income: cents(operating),
        other_income: other_income.map(cents),
        other_expenses: other_expenses.map(cents),
        net_income: cents(net),
        top_income: top(income_lines, n),
        top_expenses: top(cost_lines, n),
    }
}
