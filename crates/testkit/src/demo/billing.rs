//! Billing and accounting (QuickBooks Online) for the demo customers: one
//! QuickBooks customer per Northwind customer, the 2026 invoices and
//! payments, and the operating costs behind the profit and loss report.
//!
//! Everything is derived from [`DemoCompany`] and fixed tables, never the
//! clock: balances are "as of" a date, and [`Books::as_of`] is the demo's
//! reference date. As of 2026-11-25 several enterprise customers whose
//! renewal closes this quarter owe overdue money (Acme Robotics, Globex
//! Logistics, Sakura Telecom, Helios Pharma), Stark Aerospace and Lion City
//! Bank are paid up, Oceanic Insurance (renewal lost) owes two quarters,
//! and Vandelay Industries is behind on three monthly invoices.

mod expenses;
mod ledger;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::{northwind, DemoCompany};

pub use expenses::{Account, AccountKind, Expense};

/// The demo company's QuickBooks realm (company) id.
pub const REALM_ID: &str = "9341455130788120";

/// Payment terms on a customer and its invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Terms {
    Net15,
    Net30,
    Net45,
    Net60,
}

impl Terms {
    pub fn days(self) -> u64 {
        match self {
            Terms::Net15 => 15,
            Terms::Net30 => 30,
            Terms::Net45 => 45,
            Terms::Net60 => 60,
        }
    }

    /// QuickBooks' `SalesTermRef.name`, e.g. "Net 30".
    pub fn name(self) -> &'static str {
        match self {
            Terms::Net15 => "Net 15",
            Terms::Net30 => "Net 30",
            Terms::Net45 => "Net 45",
            Terms::Net60 => "Net 60",
        }
    }

    /// QuickBooks' `SalesTermRef.value` (the Term entity id).
    pub fn id(self) -> &'static str {
        match self {
            Terms::Net15 => "2",
            Terms::Net30 => "3",
            Terms::Net45 => "6",
            Terms::Net60 => "4",
        }
    }
}

/// A QuickBooks customer: a Northwind customer as finance bills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingCustomer {
    /// QuickBooks `Customer.Id` (numeric string).
    pub id: String,
    /// The join key shared with every other system.
    pub domain: String,
    /// `DisplayName` and `CompanyName`: the customer's name.
    pub name: String,
    /// The billing contact (one of the customer's contacts).
    pub contact_first: String,
    pub contact_last: String,
    pub email: String,
    pub phone: String,
    pub city: String,
    pub country: String,
    pub terms: Terms,
    /// When the QuickBooks record was created.
    pub created: NaiveDate,
}

/// One line of an invoice (a product or service sold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    /// QuickBooks `Item.Id` and name.
    pub item_id: &'static str,
    pub item: &'static str,
    /// The income account the line posts to.
    pub account_id: &'static str,
    pub description: String,
    pub qty: u64,
    /// Whole US dollars.
    pub unit_price: u64,
}

impl InvoiceLine {
    pub fn amount(&self) -> u64 {
        self.qty * self.unit_price
    }
}

/// An invoice (all 2026, none after the reference date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// QuickBooks `Invoice.Id`.
    pub id: String,
    /// `DocNumber`, the number printed on the invoice.
    pub doc_number: String,
    pub customer_id: String,
    pub txn_date: NaiveDate,
    pub due_date: NaiveDate,
    pub terms: Terms,
    pub lines: Vec<InvoiceLine>,
    /// Finance's internal note (`PrivateNote`).
    pub note: String,
}

impl Invoice {
    /// Whole US dollars (no tax: Northwind sells B2B software services).
    pub fn total(&self) -> u64 {
        self.lines.iter().map(InvoiceLine::amount).sum()
    }
}

/// A customer payment applied to one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: String,
    pub customer_id: String,
    pub invoice_id: String,
    pub date: NaiveDate,
    /// Whole US dollars.
    pub amount: u64,
}

/// The demo company's books.
#[derive(Debug, Clone)]
pub struct Books {
    pub realm_id: String,
    pub company_name: String,
    /// The demo's "today": balances and aging are computed as of it.
    pub as_of: NaiveDate,
    /// In the order of `DemoCompany::customers`.
    pub customers: Vec<BillingCustomer>,
    /// By invoice date, then customer order; ids ascend in this order.
    pub invoices: Vec<Invoice>,
    pub payments: Vec<Payment>,
    pub accounts: Vec<Account>,
    pub expenses: Vec<Expense>,
}

static BOOKS: LazyLock<Books> = LazyLock::new(|| Books::build(northwind()));

/// Northwind's books, built once per process.
pub fn books() -> &'static Books {
    &BOOKS
}

impl Books {
    /// Derives the books of `company` (deterministic).
    pub fn build(company: &DemoCompany) -> Books {
        let customers = ledger::customers(company);
        let (invoices, payments) = ledger::invoices_and_payments(company, &customers);
        let expenses = expenses::expenses(company.reference_date);
        Books {
            realm_id: REALM_ID.into(),
            company_name: company.name.clone(),
            as_of: company.reference_date,
            customers,
            invoices,
            payments,
            accounts: expenses::accounts(),
            expenses,
        }
    }

    /// The customer billed under this domain (case-insensitive).
    pub fn customer(&self, domain: &str) -> Option<&BillingCustomer> {
        self.customers
            .iter()
            .find(|c| c.domain.eq_ignore_ascii_case(domain))
    }

    pub fn customer_by_id(&self, id: &str) -> Option<&BillingCustomer> {
        self.customers.iter().find(|c| c.id == id)
    }

    pub fn invoice(&self, id: &str) -> Option<&Invoice> {
        self.invoices.iter().find(|i| i.id == id)
    }

    pub fn invoices_of<'a>(&'a self, customer_id: &'a str) -> impl Iterator<Item = &'a Invoice> {
        self.invoices
            .iter()
            .filter(move |i| i.customer_id == customer_id)
    }

    /// Payments applied to this invoice, oldest first.
    pub fn payments_of<'a>(&'a self, invoice_id: &'a str) -> impl Iterator<Item = &'a Payment> {
        self.payments
            .iter()
            .filter(move |p| p.invoice_id == invoice_id)
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// What is still owed on `invoice` at the end of `as_of`.
    pub fn balance(&self, invoice: &Invoice, as_of: NaiveDate) -> u64 {
        let paid: u64 = self
            .payments_of(&invoice.id)
            .filter(|p| p.date <= as_of)
            .map(|p| p.amount)
            .sum();
        invoice.total().saturating_sub(paid)
    }

    /// Days past due on `as_of`, for an invoice with a balance.
    pub fn days_overdue(&self, invoice: &Invoice, as_of: NaiveDate) -> Option<i64> {
        let late = (as_of - invoice.due_date).num_days();
        (late > 0 && self.balance(invoice, as_of) > 0).then_some(late)
    }

    /// The customer's open balance on `as_of` (invoices issued by then).
    pub fn customer_balance(&self, customer_id: &str, as_of: NaiveDate) -> u64 {
        self.invoices_of(customer_id)
            .filter(|i| i.txn_date <= as_of)
            .map(|i| self.balance(i, as_of))
            .sum()
    }

    /// The part of the customer's balance that is past due on `as_of`.
    pub fn overdue_amount(&self, customer_id: &str, as_of: NaiveDate) -> u64 {
        self.invoices_of(customer_id)
            .filter(|i| i.txn_date <= as_of && self.days_overdue(i, as_of).is_some())
            .map(|i| self.balance(i, as_of))
            .sum()
    }
}
