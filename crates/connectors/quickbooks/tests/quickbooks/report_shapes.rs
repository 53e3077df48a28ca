//! Shaping report bodies written to Intuit's published report schema. No
//! recorded report payload exists (upstream-apis.md: "No report
//! payload"), so these bodies follow the schema's documented structure:
//! nested sub-account sections, `Summary`-only sections for gross profit
//! and net income, and a `GrandTotal` row.

use chrono::NaiveDate;
use serde_json::{json, Value};
use switchboard_quickbooks::model::Report;
use switchboard_quickbooks::shape::aging::aging;
use switchboard_quickbooks::shape::pnl::profit_and_loss;

fn cells(values: &[&str]) -> Value {
    Value::Array(values.iter().map(|v| json!({"value": v})).collect())
}

#[test]
fn documented_profit_and_loss_shapes_with_nested_sections() {
    let report: Report = serde_json::from_value(json!({
        "Header": {"ReportName": "ProfitAndLoss", "ReportBasis": "Accrual", "StartPeriod": "2026-01-01",
            "EndPeriod": "2026-03-31", "SummarizeColumnsBy": "Total", "Currency": "USD",
            "Option": [{"Name": "AccountingStandard", "Value": "GAAP"}, {"Name": "NoReportData", "Value": "false"}]},
        "Columns": {"Column": [
            {"ColTitle": "", "ColType": "Account", "MetaData": [{"Name": "ColKey", "Value": "account"}]},
            {"ColTitle": "Total", "ColType": "Money", "MetaData": [{"Name": "ColKey", "Value": "total"}]}]},
        "Rows": {"Row": [
            {"Header": {"ColData": cells(&["Income", ""])}, "type": "Section", "group": "Income",
             "Rows": {"Row": [
                {"Header": {"ColData": [{"value": "Consulting", "id": "45"}, {"value": ""}]}, "type": "Section",
                 "Rows": {"Row": [{"ColData": [{"value": "Workshops", "id": "46"}, {"value": "1200.00"}], "type": "Data"},
                                  {"ColData": [{"value": "Audits", "id": "47"}, {"value": "800.50"}], "type": "Data"}]},
                 "Summary": {"ColData": cells(&["Total Consulting", "2000.50"])}},
                {"ColData": [{"value": "Licences", "id": "48"}, {"value": "5000.00"}], "type": "Data"}]},
             "Summary": {"ColData": cells(&["Total Income", "7000.50"])}},
            {"group": "GrossProfit", "type": "Section", "Summary": {"ColData": cells(&["Gross Profit", "7000.50"])}},
            {"Header": {"ColData": cells(&["Expenses", ""])}, "type": "Section", "group": "Expenses",
             "Rows": {"Row": [{"ColData": [{"value": "Rent", "id": "9"}, {"value": "900.00"}], "type": "Data"},
                              {"ColData": [{"value": "Refunds", "id": "10"}, {"value": "-25.00"}], "type": "Data"}]},
             "Summary": {"ColData": cells(&["Total Expenses", "875.00"])}},
            {"group": "NetOperatingIncome", "type": "Section", "Summary": {"ColData": cells(&["Net Operating Income", "6125.50"])}},
            {"group": "NetIncome", "type": "Section", "Summary": {"ColData": cells(&["Net Income", "6125.50"])}}]}
    }))
    .unwrap();
    let p = profit_and_loss(&report, "2026-01-01", "2026-03-31", 2);
    assert_eq!(
        (
            p.income,
            p.cost_of_goods_sold,
            p.gross_profit,
            p.expenses,
            p.net_income
        ),
        (7000.5, 0.0, 7000.5, 875.0, 6125.5)
    );
    let top: Vec<(&str, f64)> = p
        .top_income
        .iter()
        .map(|l| (l.account.as_str(), l.amount))
        .collect();
    assert_eq!(
        top,
        [("Licences", 5000.0), ("Workshops", 1200.0)],
        "leaves of nested sections"
    );
    assert_eq!(p.top_expenses[1].account, "Refunds");
    assert_eq!(
        (p.basis.as_deref(), p.other_income),
        (Some("Accrual"), None)
    );

    // Some samples put a section's figure in its Header instead.
    let header_only: Report = serde_json::from_value(json!({
        "Header": {"ReportName": "ProfitAndLoss"},
        "Columns": {"Column": [{"ColTitle": "", "ColType": "Account"}, {"ColTitle": "Total", "ColType": "Money"}]},
        "Rows": {"Row": [{"Header": {"ColData": cells(&["Gross Profit", "10.00"])}, "type": "Section", "group": "GrossProfit"}]}
    }))
    .unwrap();
    let p = profit_and_loss(&header_only, "2026-01-01", "2026-01-31", 5);
    assert_eq!(
        (p.gross_profit, p.net_income, p.start_date.as_str()),
        (10.0, 10.0, "2026-01-01")
    );
}

#[test]
fn documented_aging_shapes_by_column_title() {
    let report: Report = serde_json::from_value(json!({
        "Header": {"ReportName": "AgedReceivables", "Currency": "USD",
            "Option": [{"Name": "report_date", "Value": "2026-03-31"}, {"Name": "NoReportData", "Value": "false"}]},
        "Columns": {"Column": [{"ColType": "Customer", "ColTitle": ""}, {"ColType": "Money", "ColTitle": "Current"},
            {"ColType": "Money", "ColTitle": "1 - 30"}, {"ColType": "Money", "ColTitle": "31 - 60"},
            {"ColType": "Money", "ColTitle": "61 - 90"}, {"ColType": "Money", "ColTitle": "91 and over"},
            {"ColType": "Money", "ColTitle": "Total"}]},
        "Rows": {"Row": [
            {"ColData": [{"id": "4", "value": "Jane Doe Consulting"}, {"value": ""}, {"value": ""}, {"value": ""}, {"value": ""}, {"value": "37.50"}, {"value": "37.50"}]},
            {"ColData": [{"id": "7", "value": "Kim's Kitchen"}, {"value": "100.00"}, {"value": "20.00"}, {"value": ""}, {"value": ""}, {"value": ""}, {"value": "120.00"}]},
            {"group": "GrandTotal", "type": "Section", "Summary": {"ColData": cells(&["TOTAL", "100.00", "20.00", "0.00", "0.00", "37.50", "157.50"])}}]}
    }))
    .unwrap();
    let a = aging(&report, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(), 10);
    assert_eq!(a.as_of, "2026-03-31", "the report's own date wins");
    assert_eq!(
        (a.totals.total, a.totals.overdue, a.totals.days_91_plus),
        (157.5, 57.5, 37.5)
    );
    assert_eq!(
        a.customers[0].customer, "Jane Doe Consulting",
        "most overdue first"
    );
    assert_eq!(
        (
            a.customers[1].buckets.current,
            a.customers[1].customer_id.as_deref()
        ),
        (100.0, Some("7"))
    );
    let one = aging(&report, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(), 1);
    assert_eq!(
        (one.customers.len(), one.omitted, one.totals.total),
        (1, 1, 157.5)
    );
}
