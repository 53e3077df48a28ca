//! The finance tables, derived from the CRM customers and the QuickBooks
//! books so that the warehouse, the billing system and the CRM agree.

use chrono::{Datelike, NaiveDate};

use super::sql::{Cell, ColumnType as T, Table};
use super::{CustomerArr, InvoiceSummary, RevenueMonth};
use crate::demo::billing::Books;
use crate::demo::{quarter_of, DemoCompany};

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

/// Invoiced and collected per month, January to the reference month.
pub(super) fn revenue_by_month(books: &Books) -> Vec<RevenueMonth> {
    let last = month_start(books.as_of);
    let mut months: Vec<RevenueMonth> = (1..=last.month())
        .map(|m| RevenueMonth {
            month_start: NaiveDate::from_ymd_opt(last.year(), m, 1).expect("valid month"),
            invoiced: 0,
            collected: 0,
            invoice_count: 0,
        })
        .collect();
    let find = |months: &mut Vec<RevenueMonth>, d: NaiveDate| {
        let start = month_start(d);
        months.iter_mut().position(|m| m.month_start == start)
    };
    for invoice in books.invoices.iter().filter(|i| i.txn_date <= books.as_of) {
        if let Some(i) = find(&mut months, invoice.txn_date) {
            months[i].invoiced += invoice.total() as i64;
            months[i].invoice_count += 1;
        }
    }
    for payment in books.payments.iter().filter(|p| p.date <= books.as_of) {
        if let Some(i) = find(&mut months, payment.date) {
            months[i].collected += payment.amount as i64;
        }
    }
    months
}

/// Each customer's 2026 invoicing and what is open or overdue.
pub(super) fn invoices_summary(company: &DemoCompany, books: &Books) -> Vec<InvoiceSummary> {
    let as_of = books.as_of;
    company
        .customers
        .iter()
        .filter_map(|c| {
            let billing = books.customer(&c.domain)?;
            let invoices: Vec<_> = books
                .invoices_of(&billing.id)
                .filter(|i| i.txn_date <= as_of)
                .collect();
            let invoiced: u64 = invoices.iter().map(|i| i.total()).sum();
            let open = books.customer_balance(&billing.id, as_of);
            let overdue = books.overdue_amount(&billing.id, as_of);
            let max_days_overdue = invoices
                .iter()
                .filter_map(|i| books.days_overdue(i, as_of))
                .max();
            let status = match (overdue, open) {
                (o, _) if o > 0 => "overdue",
                (_, b) if b > 0 => "open",
                _ => "paid",
            };
            Some(InvoiceSummary {
                customer_domain: c.domain.clone(),
                customer_name: c.name.clone(),
                invoice_count: invoices.len() as i64,
                invoiced: invoiced as i64,
                paid: (invoiced - open) as i64,
                open_balance: open as i64,
                overdue_balance: overdue as i64,
                max_days_overdue,
                status,
            })
        })
        .collect()
}

/// ARR and renewal per customer, straight from the CRM's customers.
pub(super) fn arr_by_customer(company: &DemoCompany) -> Vec<CustomerArr> {
    company
        .customers
        .iter()
        .map(|c| {
            let (start, _) = quarter_of(c.renewal_date);
            CustomerArr {
                customer_domain: c.domain.clone(),
                customer_name: c.name.clone(),
                tier: c.tier.as_str(),
                industry: c.industry.code(),
                country: c.country.clone(),
                owner_email: c.owner_email.clone(),
                arr: c.arr as i64,
                customer_since: c.customer_since,
                renewal_date: c.renewal_date,
                renewal_quarter: format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
            }
        })
        .collect()
}

pub(super) fn revenue_table(rows: &[RevenueMonth]) -> Table {
    let mut t = Table::new(
        "revenue_by_month",
        "finance",
        "Invoiced and collected US dollars per calendar month of 2026",
        &[
            ("month_start", T::Date, false),
            ("invoiced", T::Integer, false),
            ("collected", T::Integer, false),
            ("invoice_count", T::Integer, false),
        ],
    );
    for r in rows {
        t.push(vec![
            r.month_start.into(),
            r.invoiced.into(),
            r.collected.into(),
            r.invoice_count.into(),
        ]);
    }
    t
}

pub(super) fn invoices_table(rows: &[InvoiceSummary]) -> Table {
    let mut t = Table::new(
        "invoices_summary",
        "finance",
        "Per customer (by domain): 2026 invoices, open and overdue balances in US dollars",
        &[
            ("customer_domain", T::Text, false),
            ("customer_name", T::Text, false),
            ("invoice_count", T::Integer, false),
            ("invoiced", T::Integer, false),
            ("paid", T::Integer, false),
            ("open_balance", T::Integer, false),
            ("overdue_balance", T::Integer, false),
            ("max_days_overdue", T::Integer, true),
            ("status", T::Text, false),
        ],
    );
    for r in rows {
        t.push(vec![
            r.customer_domain.as_str().into(),
            r.customer_name.as_str().into(),
            r.invoice_count.into(),
            r.invoiced.into(),
            r.paid.into(),
            r.open_balance.into(),
            r.overdue_balance.into(),
            r.max_days_overdue.into(),
            r.status.into(),
        ]);
    }
    t
}

pub(super) fn arr_table(rows: &[CustomerArr]) -> Table {
    let mut t = Table::new(
        "arr_by_customer",
        "finance",
        "Per customer (by domain): tier, owner, annual recurring revenue and renewal date",
        &[
            ("customer_domain", T::Text, false),
            ("customer_name", T::Text, false),
            ("tier", T::Text, false),
            ("industry", T::Text, false),
            ("country", T::Text, false),
            ("owner_email", T::Text, false),
            ("arr", T::Integer, false),
            ("customer_since", T::Date, false),
            ("renewal_date", T::Date, false),
            ("renewal_quarter", T::Text, false),
        ],
    );
    for r in rows {
        let row: Vec<Cell> = vec![
            r.customer_domain.as_str().into(),
            r.customer_name.as_str().into(),
            r.tier.into(),
            r.industry.into(),
            r.country.as_str().into(),
            r.owner_email.as_str().into(),
            r.arr.into(),
            r.customer_since.into(),
            r.renewal_date.into(),
            r.renewal_quarter.as_str().into(),
        ];
        t.push(row);
    }
    t
}
