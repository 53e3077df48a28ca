//! Every recorded QuickBooks payload parses into the model verbatim, and
//! the shaping functions turn the recordings into the expected values.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use switchboard_quickbooks::fault::vendor_message;
use switchboard_quickbooks::model::*;
use switchboard_quickbooks::shape::customer::{billing, summary_of, BillingStatus};
use switchboard_quickbooks::shape::invoice::{detail, summary};
use switchboard_quickbooks::shape::Status;

use crate::common::{fixture, fixture_text, fixtures_dir};

fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&fixture_text(name))
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below.
fn parse(name: &str, text: &str) -> Result<(), serde_json::Error> {
    use serde_json::from_str;
    match name {
        "account_read.json" => from_str::<Read<Account>>(text).map(drop),
        "bill_read.json" => from_str::<Read<Bill>>(text).map(drop),
        "customer_read.json" => from_str::<Read<Customer>>(text).map(drop),
        "customer_query.json" | "invoice_query.json" => from_str::<QueryEnvelope>(text).map(drop),
        "error_fault_docs_template.json" => from_str::<FaultBody>(text).map(drop),
        "invoice_create.json" | "invoice_read.json" => from_str::<Read<Invoice>>(text).map(drop),
        "payment_read.json" => from_str::<Read<Payment>>(text).map(drop),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_and_matches_shared() {
    let shared = fixtures_dir().join("../../../../../../shared/upstream-fixtures/quickbooks");
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        parse(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Ok(original) = std::fs::read_to_string(shared.join(&name)) {
            assert_eq!(
                text, original,
                "{name} drifted from shared/upstream-fixtures"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 9, "every QuickBooks fixture is covered");
}

#[test]
fn invoices_shape_to_their_lines_and_status() {
    let read: Read<Invoice> = load("invoice_read.json");
    let d = detail(&read.entity, day("2026-05-05"));
    let s = &d.summary;
    assert_eq!((s.id.as_str(), s.number.as_deref()), ("130", Some("1037")));
    assert_eq!(
        (s.customer.as_str(), d.customer_id.as_str()),
        ("Sonnenschein Family Store", "24")
    );
    assert_eq!(
        (s.date.as_str(), s.due_date.as_deref()),
        ("2026-04-08", Some("2026-05-08"))
    );
    assert_eq!(
        (s.total, s.balance, s.status),
        (362.07, 362.07, Status::Open)
    );
    assert_eq!((d.tax, d.amount_paid, d.payments), (Some(26.82), 0.0, 0));
    assert_eq!(
        (d.terms.as_deref(), d.bill_to.as_deref()),
        (Some("Net 30"), Some("Familiystore@intuit.com"))
    );
    assert_eq!(
        d.note.as_deref(),
        Some("Test update from Nango action retry")
    );
    assert_eq!(d.lines.len(), 3, "the subtotal line is dropped");
    let concrete = &d.lines[2];
    assert_eq!(concrete.description, "Concrete for fountain installation");
    assert_eq!(
        (
            concrete.item.as_deref(),
            concrete.qty,
            concrete.unit_price,
            concrete.amount
        ),
        (Some("Concrete"), Some(5.0), Some(9.5), 47.5)
    );
    let later = summary(&read.entity, day("2026-11-25"));
    assert_eq!(
        (later.status, later.days_overdue),
        (Status::Overdue, Some(201))
    );
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["lines"][0],
        serde_json::json!({"description": "Rock Fountain", "item": "Rock Fountain", "qty": 1.0, "unit_price": 275, "amount": 275})
    );
    assert!(json.get("Line").is_none() && json.get("MetaData").is_none());

    let created: Read<Invoice> = load("invoice_create.json");
    let d = detail(&created.entity, day("2026-05-05"));
    assert_eq!(
        (d.summary.status, d.tax, d.lines.len()),
        (Status::Overdue, None, 1)
    );

    let q: QueryEnvelope = load("invoice_query.json");
    let invoices = &q.response.invoices;
    assert_eq!((invoices.len(), q.response.total_count), (37, Some(37)));
    let partial = invoices.iter().find(|i| i.id == "67").unwrap();
    let d = detail(partial, day("2026-05-05"));
    assert_eq!(
        (d.summary.balance, d.amount_paid, d.payments),
        (239.0, 220.0, 1)
    );
    let discounted = invoices
        .iter()
        .map(|i| detail(i, day("2026-05-05")))
        .find(|d| d.lines.iter().any(|l| l.amount < 0.0))
        .unwrap();
    let discount = discounted.lines.iter().find(|l| l.amount < 0.0).unwrap();
    assert!(
        discount.description.starts_with("Discount ") && discount.description.ends_with('%'),
        "{discount:?}"
    );
    let paid = invoices.iter().find(|i| i.id == "96").unwrap();
    assert_eq!(summary(paid, day("2026-05-05")).status, Status::Paid);
}

#[test]
fn customers_shape_to_contact_balance_and_billing_status() {
    let read: Read<Customer> = load("customer_read.json");
    let s = summary_of(&read.entity);
    assert_eq!(
        (s.id.as_str(), s.name.as_str(), s.balance),
        ("1", "Test Customer Updated Final", -261.0)
    );
    let contact = s.contact.unwrap();
    assert_eq!(contact.name.as_deref(), Some("Amy Lauterbach"));
    assert_eq!(
        (contact.email.as_deref(), contact.phone.as_deref()),
        (Some("Birds@Intuit.com"), Some("(650) 555-3311"))
    );

    let q: QueryEnvelope = load("customer_query.json");
    let names: Vec<String> = q
        .response
        .customers
        .iter()
        .map(|c| summary_of(c).name)
        .collect();
    assert_eq!(
        names[..3],
        ["Amy's Bird Sanctuary", "Bill's Windsurf Shop", "Cool Cars"]
    );
    assert_eq!(
        (
            q.response.start_position,
            q.response.max_results,
            q.response.total_count
        ),
        (Some(1), Some(5), None)
    );

    // Amy's open invoices in the invoice recording add up to her balance.
    let amy = &q.response.customers[0];
    let invoices: QueryEnvelope = load("invoice_query.json");
    let open: Vec<Invoice> = invoices
        .response
        .invoices
        .into_iter()
        .filter(|i| i.customer_ref.value == "1" && i.balance > 0.0)
        .collect();
    let today = day("2026-05-05");
    let b = billing(amy, &open, today);
    assert_eq!(
        (b.customer.balance, b.open_amount, b.overdue_amount),
        (839.0, 839.0, 839.0)
    );
    assert_eq!(
        (b.status, b.open_invoices, b.overdue_invoices),
        (BillingStatus::Overdue, 7, 7)
    );
    assert_eq!(
        b.oldest_overdue_days,
        Some((today - day("2024-02-14")).num_days())
    );
    assert_eq!(b.overdue.len(), 5, "at most five listed");
    assert_eq!(b.city.as_deref(), Some("Bayshore"));
}

#[test]
fn other_entities_and_the_fault_template() {
    let a: Read<Account> = load("account_read.json");
    assert_eq!(
        (a.entity.name.as_str(), a.entity.account_type.as_str()),
        ("Test Account", "Income")
    );
    let b: Read<Bill> = load("bill_read.json");
    assert_eq!(
        (
            b.entity.vendor_ref.name.as_deref(),
            b.entity.total_amt,
            b.entity.balance
        ),
        (Some("Brosnahan Insurance Agency"), 2000.0, 0.0)
    );
    let line = b.entity.line[0]
        .account_based_expense_line_detail
        .as_ref()
        .unwrap();
    assert_eq!(line.account_ref.name.as_deref(), Some("Miscellaneous"));
    let p: Read<Payment> = load("payment_read.json");
    assert_eq!(
        (
            p.entity.total_amt,
            p.entity.unapplied_amt,
            p.entity.customer_ref.name.as_deref()
        ),
        (100.0, Some(100.0), Some("Bill's Windsurf Shop"))
    );

    let template = fixture("error_fault_docs_template.json");
    let body: FaultBody = serde_json::from_value(template.clone()).unwrap();
    assert_eq!(body.fault.kind.as_deref(), Some("ValidationFault"));
    assert_eq!(
        vendor_message(&template).unwrap(),
        "[ValidationFault <code>] <message>: <detail>"
    );
}
