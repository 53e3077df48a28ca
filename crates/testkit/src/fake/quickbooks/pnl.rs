//! `GET /reports/ProfitAndLoss`: income, cost of goods sold and expenses
//! per account for a period, accrual basis (income when invoiced) or cash
//! basis (income when paid, pro rata across the invoice's lines).

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

use super::reports::{date_param, money, params, report_time};
use super::Shared;
use crate::demo::billing::AccountKind;

pub(super) async fn profit_and_loss(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let p = params(raw);
    let (start, end) = match (
        date_param(&s, &p, "start_date"),
        date_param(&s, &p, "end_date"),
    ) {
        (Ok(a), Ok(b)) => (a, b.unwrap_or(s.books.as_of)),
        (Err(r), _) | (_, Err(r)) => return *r,
    };
    let start = start.unwrap_or_else(|| NaiveDate::from_ymd_opt(end.year(), 1, 1).unwrap_or(end));
    if start > end {
        return s.fault(
            StatusCode::BAD_REQUEST,
            "ValidationFault",
            "2090",
            "Invalid Date Range",
            "start_date must be less than end_date",
        );
    }
    let cash = match p.get("accounting_method").map(String::as_str) {
        None | Some("Accrual") => false,
        Some("Cash") => true,
        Some(other) => {
            return s.fault(
                StatusCode::BAD_REQUEST,
                "ValidationFault",
                "2050",
                "Invalid Parameter",
                &format!("accounting_method '{other}' is not one of Cash, Accrual"),
            )
        }
    };
    let b = &s.books;
    let within = |d: NaiveDate| d >= start && d <= end;
    let mut amounts: BTreeMap<&str, f64> = BTreeMap::new();
    for inv in &b.invoices {
        // Accrual books income when invoiced; cash when (and as far as) paid.
        let share = if cash {
            b.payments_of(&inv.id)
                .filter(|p| within(p.date))
                .map(|p| p.amount as f64)
                .sum::<f64>()
                / inv.total() as f64
        } else if within(inv.txn_date) {
            1.0
        } else {
            0.0
        };
        for l in &inv.lines {
            *amounts.entry(l.account_id).or_default() += l.amount() as f64 * share;
        }
    }
    for e in b.expenses.iter().filter(|e| within(e.date)) {
        *amounts.entry(e.account_id).or_default() += e.amount as f64;
    }
    let section = |kind: AccountKind, title: &str, group: &str| -> (Value, f64) {
        let rows: Vec<Value> = b
            .accounts
            .iter()
            .filter(|a| a.kind == kind)
            .filter_map(|a| amounts.get(a.id).filter(|v| v.abs() >= 0.005).map(|v| (a, *v)))
            .map(|(a, v)| json!({"ColData": [{"value": a.name, "id": a.id}, {"value": money(v)}], "type": "Data"}))
            .collect();
        let total: f64 = b
            .accounts
            .iter()
            .filter(|a| a.kind == kind)
            .filter_map(|a| amounts.get(a.id))
            .sum();
        let mut v = json!({"Header": {"ColData": [{"value": title}, {"value": ""}]}, "type": "Section", "group": group,
            "Summary": {"ColData": [{"value": format!("Total {title}")}, {"value": if rows.is_empty() { String::new() } else { money(total) }}]}});
        if !rows.is_empty() {
            v["Rows"] = json!({"Row": rows});
        }
        (v, total)
    };
    let summary = |title: &str, group: &str, v: f64| json!({"group": group, "type": "Section", "Summary": {"ColData": [{"value": title}, {"value": money(v)}]}});
    let (income, income_total) = section(AccountKind::Income, "Income", "Income");
    let (cogs, cogs_total) = section(AccountKind::CostOfGoodsSold, "Cost of Goods Sold", "COGS");
    let (expenses, expense_total) = section(AccountKind::Expense, "Expenses", "Expenses");
    let gross = income_total - cogs_total;
    let net = gross - expense_total;
    let rows = vec![
        income,
        cogs,
        summary("Gross Profit", "GrossProfit", gross),
        expenses,
        summary("Net Operating Income", "NetOperatingIncome", net),
        summary("Net Income", "NetIncome", net),
    ];
    let no_data = amounts.values().all(|v| v.abs() < 0.005);
    let header = json!({
        "Time": report_time(&s),
        "ReportName": "ProfitAndLoss",
        "ReportBasis": if cash { "Cash" } else { "Accrual" },
        "StartPeriod": start.to_string(),
        "EndPeriod": end.to_string(),
        "SummarizeColumnsBy": "Total",
        "Currency": "USD",
        "Option": [{"Name": "AccountingStandard", "Value": "GAAP"}, {"Name": "NoReportData", "Value": no_data.to_string()}],
    });
    let columns = json!({"Column": [
        {"ColTitle": "", "ColType": "Account", "MetaData": [{"Name": "ColKey", "Value": "account"}]},
        {"ColTitle": "Total", "ColType": "Money", "MetaData": [{"Name": "ColKey", "Value": "total"}]},
    ]});
    s.json(
        StatusCode::OK,
        &json!({"Header": header, "Columns": columns, "Rows": {"Row": rows}}),
    )
}
