//! The 2026 invoices and payments. Enterprise and mid-market customers are
//! billed quarterly, SMB customers monthly, and closed-won services deals
//! once; everyone pays on time except the cases in [`EXCEPTIONS`], which
//! make the demo's overdue and aging answers.

use chrono::{Datelike, Days, NaiveDate};

use super::{BillingCustomer, Invoice, InvoiceLine, Payment, Terms};
use crate::demo::{Customer, DealStage, DealType, DemoCompany, Tier};

/// Customers on terms other than Net 30.
const TERMS: &[(&str, Terms)] = &[
    ("sakura-telecom.example", Terms::Net45),
    ("helios-pharma.example", Terms::Net60),
    ("prairie-schools.example", Terms::Net15),
];

/// How an invoice departs from "paid in full before the due date".
#[derive(Debug, Clone, Copy)]
pub(super) enum Pay {
    Unpaid,
    /// This much, this many days after the invoice date; the rest is open.
    Partial(u64, u64),
    /// In full, this many days after the due date.
    Late(u64),
}

/// (customer domain, invoice date, what happened, finance's note)
pub(super) type Exception = (&'static str, (i32, u32, u32), Pay, &'static str);

#[rustfmt::skip]
pub(super) const EXCEPTIONS: &[Exception] = &[
    ("acme-robotics.example", (2026, 10, 1), Pay::Unpaid, "Chased 2026-11-10; AP will pay once the renewal is signed"),
    ("globex-logistics.example", (2026, 7, 1), Pay::Partial(40_000, 50), "Partial payment: Globex disputes the Q3 seat true-up"),
    ("globex-logistics.example", (2026, 10, 1), Pay::Unpaid, "On hold until the Q3 dispute is settled"),
    ("sakura-telecom.example", (2026, 7, 1), Pay::Late(18), "Paid late: PO number missing on the invoice"),
    ("sakura-telecom.example", (2026, 10, 1), Pay::Unpaid, "Awaiting a new PO for the renewal year"),
    ("lioncity-bank.example", (2026, 7, 1), Pay::Late(9), "Paid late: vendor onboarding refresh"),
    ("kangaroo-retail.example", (2026, 4, 1), Pay::Late(21), "Paid late after two reminders"),
    ("helios-pharma.example", (2026, 8, 21), Pay::Unpaid, "Customer says the GxP acceptance sign-off is pending"),
    ("helios-pharma.example", (2026, 10, 1), Pay::Unpaid, "Net 60; not yet due"),
    ("umbrella-health.example", (2026, 10, 4), Pay::Unpaid, "Sent to the wrong AP mailbox; re-sent 2026-11-12"),
    ("oceanic-insurance.example", (2026, 7, 1), Pay::Unpaid, "Renewal lost; escalated to collections"),
    ("oceanic-insurance.example", (2026, 10, 1), Pay::Unpaid, "Renewal lost; escalated to collections"),
    ("vandelay.example", (2026, 8, 1), Pay::Unpaid, "Three reminders sent"),
    ("vandelay.example", (2026, 9, 1), Pay::Unpaid, "Three reminders sent"),
    ("vandelay.example", (2026, 10, 1), Pay::Unpaid, "Two reminders sent"),
    ("vandelay.example", (2026, 11, 1), Pay::Unpaid, "Not yet due"),
];

/// (item id, name, income account id)
pub(super) const ENTERPRISE: (&str, &str, &str) = ("11", "Analytics Platform - Enterprise", "41");
const GROWTH: (&str, &str, &str) = ("12", "Analytics Platform - Growth", "41");
const STARTER: (&str, &str, &str) = ("13", "Analytics Platform - Starter", "41");
const SUPPORT: (&str, &str, &str) = ("14", "Premium Support", "42");
const SERVICES: (&str, &str, &str) = ("15", "Professional Services", "43");
const TRAINING: (&str, &str, &str) = ("16", "Training", "43");

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

/// One QuickBooks customer per demo customer; ids 60, 61, ...
pub(super) fn customers(company: &DemoCompany) -> Vec<BillingCustomer> {
    company
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Bill the person who handles vendors if there is one.
            let contact = c
                .contacts
                .iter()
                .find(|p| {
                    ["Procurement", "Vendor", "Finance", "CFO"]
                        .iter()
                        .any(|w| p.job_title.contains(w))
                })
                .unwrap_or(&c.contacts[0]);
            BillingCustomer {
                id: (60 + i).to_string(),
                domain: c.domain.clone(),
                name: c.name.clone(),
                contact_first: contact.first_name.clone(),
                contact_last: contact.last_name.clone(),
                email: contact.email.clone(),
                phone: contact.phone.clone(),
                city: c.city.clone(),
                country: c.country.clone(),
                terms: terms_of(&c.domain),
                created: c.customer_since,
            }
        })
        .collect()
}

fn terms_of(domain: &str) -> Terms {
    TERMS
        .iter()
        .find(|(d, _)| *d == domain)
        .map_or(Terms::Net30, |(_, t)| *t)
}

fn line(
    item: (&'static str, &'static str, &'static str),
    description: String,
    unit_price: u64,
) -> InvoiceLine {
    InvoiceLine {
        item_id: item.0,
        item: item.1,
        account_id: item.2,
        description,
        qty: 1,
        unit_price,
    }
}

/// (invoice date, lines) of one customer's 2026 invoices, unsorted.
fn drafts(c: &Customer, as_of: NaiveDate) -> Vec<(NaiveDate, Vec<InvoiceLine>)> {
    let mut out = Vec::new();
    let quarter = c.arr / 4;
    for (q, month) in [(1, 1), (2, 4), (3, 7), (4, 10)] {
        let day = date(2026, month, 1);
        let period = format!("Q{q} 2026");
        match c.tier {
            Tier::Enterprise => out.push((
                day,
                vec![
                    line(
                        ENTERPRISE,
                        format!("Enterprise subscription, {period}"),
                        quarter / 5 * 4,
                    ),
                    line(SUPPORT, format!("Premium support, {period}"), quarter / 5),
                ],
            )),
            Tier::MidMarket => out.push((
                day,
                vec![line(
                    GROWTH,
                    format!("Growth subscription, {period}"),
                    quarter,
                )],
            )),
            Tier::Smb => {}
        }
    }
    if c.tier == Tier::Smb {
        for month in 1..=12 {
            let day = date(2026, month, 1);
            if day >= c.customer_since {
                let what = format!("Starter subscription, {}", day.format("%B %Y"));
                out.push((day, vec![line(STARTER, what, c.arr / 12)]));
            }
        }
    }
    // Services deals won in 2026 are invoiced two days after they close.
    for d in &c.deals {
        let won = d.stage == DealStage::ClosedWon && d.deal_type == DealType::NewBusiness;
        if won && c.tier != Tier::Smb && d.close_date.year() == 2026 {
            let what = d.name.split(" - ").nth(1).unwrap_or(&d.name).to_owned();
            let item = if what.contains("Training") {
                TRAINING
            } else {
                SERVICES
            };
            out.push((
                d.close_date + Days::new(2),
                vec![line(item, what, d.amount)],
            ));
        }
    }
    out.retain(|(day, _)| *day <= as_of && *day >= c.customer_since);
    out
}

/// Every invoice and payment, ids assigned in invoice-date order.
pub(super) fn invoices_and_payments(
    company: &DemoCompany,
    customers: &[BillingCustomer],
) -> (Vec<Invoice>, Vec<Payment>) {
    let as_of = company.reference_date;
    let mut all: Vec<(NaiveDate, usize, Vec<InvoiceLine>)> = Vec::new();
    for (i, c) in company.customers.iter().enumerate() {
        all.extend(
            drafts(c, as_of)
                .into_iter()
                .map(|(day, lines)| (day, i, lines)),
        );
    }
    all.sort_by_key(|(day, i, _)| (*day, *i));

    let mut invoices = Vec::new();
    let mut payments = Vec::new();
    for (seq, (txn_date, i, lines)) in all.into_iter().enumerate() {
        let customer = &customers[i];
        let terms = customer.terms;
        let exception = EXCEPTIONS
            .iter()
            .find(|(d, (y, m, day), _, _)| *d == customer.domain && txn_date == date(*y, *m, *day));
        let mut invoice = Invoice {
            id: (300 + seq).to_string(),
            doc_number: (1001 + seq).to_string(),
            customer_id: customer.id.clone(),
            txn_date,
            due_date: txn_date + Days::new(terms.days()),
            terms,
            lines,
            note: String::new(),
        };
        // On time by default: a few days to two weeks before the due date.
        let on_time = txn_date + Days::new(terms.days() - 4 - (seq as u64 * 5) % 11);
        let (paid_on, amount) = match exception.map(|e| e.2) {
            None => (Some(on_time), invoice.total()),
            Some(Pay::Unpaid) => (None, 0),
            Some(Pay::Partial(amount, after)) => (Some(txn_date + Days::new(after)), amount),
            Some(Pay::Late(days)) => (Some(invoice.due_date + Days::new(days)), invoice.total()),
        };
        invoice.note = exception.map_or_else(
            || format!("{} billing run", txn_date.format("%B %Y")),
            |e| e.3.to_owned(),
        );
        if let Some(day) = paid_on.filter(|d| *d <= as_of) {
            payments.push(Payment {
                id: (700 + payments.len()).to_string(),
                customer_id: customer.id.clone(),
                invoice_id: invoice.id.clone(),
                date: day,
                amount,
            });
        }
        invoices.push(invoice);
    }
    (invoices, payments)
}
