//! Invariants of the books, and the facts the demo's cross-system answers
//! depend on (who is overdue, by how much, in which aging bucket).

use std::collections::{BTreeMap, HashSet};

use chrono::Datelike;

use super::*;
use crate::demo::{DealStage, DealType, Tier};

#[test]
fn one_customer_per_demo_customer_with_clean_keys() {
    let b = books();
    let demo = northwind();
    assert!(std::ptr::eq(b, books()));
    assert_eq!(b.customers.len(), demo.customers.len());
    let mut ids = HashSet::new();
    for (qc, c) in b.customers.iter().zip(&demo.customers) {
        assert!(ids.insert(qc.id.as_str()));
        assert_eq!(
            (qc.name.as_str(), qc.domain.as_str()),
            (c.name.as_str(), c.domain.as_str())
        );
        assert!(
            c.contacts.iter().any(|p| p.email == qc.email),
            "{}",
            qc.email
        );
    }
    let acme = b.customer("acme-robotics.example").unwrap();
    assert_eq!(
        (acme.id.as_str(), acme.email.as_str()),
        ("60", "lena.okafor@acme-robotics.example")
    );
    assert_eq!(b.customer_by_id("79").unwrap().name, "Helios Pharma");
    // Every payment exception names exactly one invoice.
    for (domain, (y, m, d), _, _) in ledger::EXCEPTIONS {
        let c = b.customer(domain).unwrap();
        let day = ledger::date(*y, *m, *d);
        let n = b.invoices_of(&c.id).filter(|i| i.txn_date == day).count();
        assert_eq!(n, 1, "{domain} {day}");
    }
}

#[test]
fn invoices_and_payments_are_consistent() {
    let b = books();
    assert!(b.invoices.len() >= 100, "{}", b.invoices.len());
    let mut ids = HashSet::new();
    for (i, inv) in b.invoices.iter().enumerate() {
        assert!(ids.insert(inv.id.as_str()) && ids.insert(inv.doc_number.as_str()));
        assert!(inv.txn_date <= b.as_of && inv.txn_date.year() == 2026);
        assert!(inv.due_date > inv.txn_date && inv.total() > 0);
        assert!(b.customer_by_id(&inv.customer_id).is_some());
        if i > 0 {
            assert!(b.invoices[i - 1].txn_date <= inv.txn_date, "sorted by date");
        }
        let paid: u64 = b.payments_of(&inv.id).map(|p| p.amount).sum();
        assert!(paid <= inv.total(), "{} overpaid", inv.id);
    }
    for p in &b.payments {
        let inv = b.invoice(&p.invoice_id).unwrap();
        assert!(p.date <= b.as_of && p.date >= inv.txn_date);
        assert_eq!(p.customer_id, inv.customer_id);
    }
    // Every month's costs up to November, none in the future.
    assert!(b
        .expenses
        .iter()
        .all(|e| e.date <= b.as_of && b.account(e.account_id).is_some()));
    assert_eq!(b.expenses.len(), 11 * 9);
    for inv in &b.invoices {
        for l in &inv.lines {
            assert_eq!(b.account(l.account_id).unwrap().kind, AccountKind::Income);
        }
    }
}

#[test]
fn who_owes_what_as_of_the_reference_date() {
    let b = books();
    let as_of = b.as_of;
    let owed = |domain: &str| {
        let c = b.customer(domain).unwrap();
        (
            b.customer_balance(&c.id, as_of),
            b.overdue_amount(&c.id, as_of),
        )
    };
    let overdue: Vec<&str> = b
        .customers
        .iter()
        .filter(|c| b.overdue_amount(&c.id, as_of) > 0)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        overdue,
        [
            "Acme Robotics",
            "Globex Logistics",
            "Umbrella Health",
            "Sakura Telecom",
            "Vandelay Industries",
            "Oceanic Insurance",
            "Helios Pharma"
        ]
    );
    assert_eq!(owed("acme-robotics.example"), (60_000, 60_000));
    assert_eq!(owed("globex-logistics.example"), (115_000, 115_000));
    assert_eq!(owed("sakura-telecom.example"), (85_000, 85_000));
    assert_eq!(
        owed("helios-pharma.example"),
        (152_500, 55_000),
        "Net 60: Q4 not yet due"
    );
    assert_eq!(owed("umbrella-health.example"), (60_000, 60_000));
    assert_eq!(owed("oceanic-insurance.example"), (137_500, 137_500));
    assert_eq!(owed("vandelay.example"), (6_000, 4_500));
    assert_eq!(owed("stark-aerospace.example"), (0, 0));
    assert_eq!(owed("lioncity-bank.example"), (0, 0));

    // Enterprise customers whose renewal closes this quarter and who owe
    // overdue money: the "renewals at risk" half that billing answers.
    let (start, end) = northwind().current_quarter();
    let at_risk: Vec<&str> = northwind()
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Enterprise)
        .filter(|c| {
            c.deals.iter().any(|d| {
                d.deal_type == DealType::ExistingBusiness
                    && !d.stage.is_closed()
                    && (start..=end).contains(&d.close_date)
            })
        })
        .filter(|c| owed(&c.domain).1 > 0)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        at_risk,
        [
            "Acme Robotics",
            "Globex Logistics",
            "Sakura Telecom",
            "Helios Pharma"
        ]
    );
    assert!(northwind()
        .deals()
        .any(|(c, d)| c.domain == "stark-aerospace.example" && d.stage == DealStage::ContractSent));
}

#[test]
fn aging_covers_every_bucket() {
    let b = books();
    let mut buckets: BTreeMap<&str, u64> = BTreeMap::new();
    for inv in &b.invoices {
        let balance = b.balance(inv, b.as_of);
        if balance == 0 {
            continue;
        }
        let bucket = match b.days_overdue(inv, b.as_of) {
            None => "current",
            Some(1..=30) => "1-30",
            Some(31..=60) => "31-60",
            Some(61..=90) => "61-90",
            Some(_) => "91+",
        };
        *buckets.entry(bucket).or_default() += balance;
    }
    assert_eq!(buckets.len(), 5, "{buckets:?}");
    assert_eq!(
        buckets["91+"],
        37_500 + 68_750,
        "Globex Q3 remainder, Oceanic Q3"
    );
    assert_eq!(buckets["61-90"], 1_500, "Vandelay August");
    assert_eq!(
        buckets["31-60"],
        1_500 + 55_000,
        "Vandelay September, Helios GxP"
    );
}
