//! The two reports, checked against the books they are built from.

use serde_json::Value;

use super::*;

/// The money cells of a row (after the label), blank read as zero.
fn amounts(cells: &Value) -> Vec<f64> {
    cells.as_array().unwrap()[1..]
        .iter()
        .map(|c| c["value"].as_str().unwrap().parse().unwrap_or(0.0))
        .collect()
}

#[tokio::test]
async fn aged_receivables_buckets_the_open_invoices() {
    let api = Api::start().await;
    let (status, body) = api.get("reports/AgedReceivables", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body["Header"]["ReportName"], "AgedReceivables");
    assert_eq!(body["Header"]["DateMacro"], "today");
    assert_eq!(
        body["Header"]["Option"][0],
        serde_json::json!({"Name": "report_date", "Value": "2026-11-25"})
    );
    let titles: Vec<&str> = body["Columns"]["Column"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ColTitle"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "",
            "Current",
            "1 - 30",
            "31 - 60",
            "61 - 90",
            "91 and over",
            "Total"
        ]
    );
    let rows = body["Rows"]["Row"].as_array().unwrap();
    let names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["ColData"][0]["value"].as_str())
        .collect();
    assert_eq!(names.first(), Some(&"Acme Robotics"), "sorted by name");
    let globex = rows
        .iter()
        .find(|r| r["ColData"][0]["value"] == "Globex Logistics")
        .unwrap();
    assert_eq!(globex["ColData"][0]["id"], "61");
    assert_eq!(
        amounts(&globex["ColData"]),
        [0.0, 77_500.0, 0.0, 0.0, 37_500.0, 115_000.0]
    );
    assert_eq!(
        globex["ColData"][1]["value"], "",
        "zero is blank in a data row"
    );
    let total = rows.last().unwrap();
    assert_eq!(total["group"], "GrandTotal");
    let b = books();
    let owed: u64 = b
        .customers
        .iter()
        .map(|c| b.customer_balance(&c.id, b.as_of))
        .sum();
    assert_eq!(amounts(&total["Summary"]["ColData"])[5], owed as f64);

    // Aged at an earlier day, and for one customer.
    let (_, body) = api
        .get(
            "reports/AgedReceivables",
            &[("report_date", "2026-09-30"), ("customer", "61")],
        )
        .await;
    let rows = body["Rows"]["Row"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        amounts(&rows[0]["ColData"]),
        [0.0, 0.0, 0.0, 37_500.0, 0.0, 37_500.0],
        "61 days late"
    );
    assert_eq!(body["Header"]["Customer"], "61");
    let (status, body) = api
        .get("reports/AgedReceivables", &[("report_date", "yesterday")])
        .await;
    assert_eq!((status, fault(&body).0.as_str()), (400, "ValidationFault"));
}

#[tokio::test]
async fn profit_and_loss_adds_up() {
    let api = Api::start().await;
    let (status, body) = api
        .get(
            "reports/ProfitAndLoss",
            &[("start_date", "2026-10-01"), ("end_date", "2026-10-31")],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            body["Header"]["ReportBasis"].as_str(),
            body["Header"]["StartPeriod"].as_str()
        ),
        (Some("Accrual"), Some("2026-10-01"))
    );
    let rows = body["Rows"]["Row"].as_array().unwrap();
    let groups: Vec<&str> = rows.iter().map(|r| r["group"].as_str().unwrap()).collect();
    assert_eq!(
        groups,
        [
            "Income",
            "COGS",
            "GrossProfit",
            "Expenses",
            "NetOperatingIncome",
            "NetIncome"
        ]
    );
    let figure = |i: usize| amounts(&rows[i]["Summary"]["ColData"])[0];
    let b = books();
    let october: u64 = b
        .invoices
        .iter()
        .filter(|i| i.txn_date.to_string().starts_with("2026-10"))
        .map(|i| i.total())
        .sum();
    assert_eq!(figure(0), october as f64);
    assert_eq!(figure(2), figure(0) - figure(1));
    assert_eq!(figure(5), figure(2) - figure(3));
    let accounts: Vec<&str> = rows[3]["Rows"]["Row"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ColData"][0]["value"].as_str().unwrap())
        .collect();
    assert_eq!(accounts.len(), 7);
    assert_eq!(rows[0]["Rows"]["Row"][0]["type"], "Data");

    // Cash basis counts what was paid in the period instead.
    let (_, cash) = api
        .get(
            "reports/ProfitAndLoss",
            &[
                ("start_date", "2026-10-01"),
                ("end_date", "2026-10-31"),
                ("accounting_method", "Cash"),
            ],
        )
        .await;
    let paid: u64 = b
        .payments
        .iter()
        .filter(|p| p.date.to_string().starts_with("2026-10"))
        .map(|p| p.amount)
        .sum();
    let cash_income = amounts(&cash["Rows"]["Row"][0]["Summary"]["ColData"])[0];
    assert!(
        (cash_income - paid as f64).abs() < 0.01,
        "{cash_income} vs {paid}"
    );
    assert_eq!(cash["Header"]["ReportBasis"], "Cash");

    let (status, body) = api
        .get(
            "reports/ProfitAndLoss",
            &[("start_date", "2026-12-01"), ("end_date", "2026-01-01")],
        )
        .await;
    assert_eq!((status, fault(&body).0.as_str()), (400, "ValidationFault"));
    // Nothing happened before the books start: empty sections, zero totals.
    let (_, body) = api
        .get(
            "reports/ProfitAndLoss",
            &[("start_date", "2025-01-01"), ("end_date", "2025-12-31")],
        )
        .await;
    assert_eq!(body["Header"]["Option"][1]["Value"], "true");
    assert!(body["Rows"]["Row"][0].get("Rows").is_none());
}
