//! Customers: a list entry, and the billing status (balance, open and
//! overdue amounts) computed from the customer's open invoices.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::invoice::{summary, InvoiceSummary};
use super::{cents, day, money, text, Person, Status};
use crate::model::{Customer, Invoice};

/// How many overdue invoices the billing status lists.
const OVERDUE_SHOWN: usize = 5;

/// A customer in a list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CustomerSummary {
    pub id: String,
    pub name: String,
    /// The billing contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Person>,
    /// Open balance (negative: the customer has credit).
    #[serde(serialize_with = "money")]
    pub balance: f64,
    /// Only shown for inactive customers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inactive: bool,
}

/// Whether the customer owes anything, and whether any of it is late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BillingStatus {
    /// Nothing open.
    PaidUp,
    /// Open invoices, none past due.
    Current,
    /// At least one invoice past due.
    Overdue,
}

/// A customer's billing status as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CustomerBilling {
    #[serde(flatten)]
    pub customer: CustomerSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The day "overdue" is measured against.
    pub as_of: String,
    pub status: BillingStatus,
    /// Total of the open invoices' balances.
    #[serde(serialize_with = "money")]
    pub open_amount: f64,
    /// The part of `open_amount` past its due date.
    #[serde(serialize_with = "money")]
    pub overdue_amount: f64,
    pub open_invoices: usize,
    pub overdue_invoices: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oldest_overdue_days: Option<i64>,
    /// The most overdue invoices, oldest first (at most 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overdue: Vec<InvoiceSummary>,
}

pub fn summary_of(c: &Customer) -> CustomerSummary {
    let name = [c.given_name.as_deref(), c.family_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let contact = Person {
        name: (!name.is_empty()).then_some(name),
        email: c
            .primary_email_addr
            .as_ref()
            .and_then(|e| text(e.address.as_deref())),
        phone: c
            .primary_phone
            .as_ref()
            .and_then(|p| text(p.free_form_number.as_deref())),
    };
    CustomerSummary {
        id: c.id.clone(),
        name: text(Some(&c.display_name))
            .or_else(|| text(c.company_name.as_deref()))
            .unwrap_or_else(|| format!("customer {}", c.id)),
        contact: (!contact.is_empty()).then_some(contact),
        balance: cents(c.balance),
        inactive: !c.active,
    }
}

/// The billing status from the customer record and its open invoices
/// (those with a balance; others are ignored).
pub fn billing(c: &Customer, open: &[Invoice], today: NaiveDate) -> CustomerBilling {
    let mut open: Vec<InvoiceSummary> = open
        .iter()
        .map(|i| summary(i, today))
        .filter(|s| s.status != Status::Paid)
        .collect();
    let open_amount = cents(open.iter().map(|s| s.balance).sum());
    let open_invoices = open.len();
    open.retain(|s| s.status == Status::Overdue);
    open.sort_by_key(|s| std::cmp::Reverse(s.days_overdue));
    let overdue_amount = cents(open.iter().map(|s| s.balance).sum());
    let status = if !open.is_empty() {
        BillingStatus::Overdue
    } else if open_amount > 0.0 {
        BillingStatus::Current
    } else {
        BillingStatus::PaidUp
    };
    CustomerBilling {
        customer: summary_of(c),
        city: c.bill_addr.as_ref().and_then(|a| text(a.city.as_deref())),
        currency: c.currency_ref.as_ref().map(|r| r.value.clone()),
        as_of: day(today),
        status,
        open_amount,
        overdue_amount,
        open_invoices,
        overdue_invoices: open.len(),
        oldest_overdue_days: open.first().and_then(|s| s.days_overdue),
        overdue: open.into_iter().take(OVERDUE_SHOWN).collect(),
    }
}
