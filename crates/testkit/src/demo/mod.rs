//! The demo company: Northwind Example (`northwind.example`) and the
//! customers it sells to.
//!
//! Every fake upstream serves this one dataset, so the CRM, support, billing
//! and call systems agree on who the customers are. Customers are keyed by
//! `domain`, people by `email`, deals by `name`; fakes derive their own
//! vendor ids from those keys. Nothing here reads the clock or a random
//! generator: every date is fixed relative to [`REFERENCE_DATE`], so the data
//! and the tests built on it never drift.

pub mod billing;
pub mod calls;
pub mod chat;
pub mod code;
mod customers;
mod deals;
pub mod docs;
mod people;
pub mod support;
mod types;
pub mod warehouse;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

pub use types::{Contact, Customer, Deal, DealStage, DealType, Employee, Industry, Owner, Tier};

/// "Today" in the demo world. Quarters, renewals and close dates are
/// relative to it; never use the wall clock against this data.
pub const REFERENCE_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
    Some(d) => d,
    None => panic!("invalid reference date"),
};

/// The fictional company whose employees use the gateway.
#[derive(Debug, Clone)]
pub struct DemoCompany {
    /// "Northwind Example".
    pub name: String,
    /// "northwind.example"; every employee's email is at this domain.
    pub domain: String,
    /// See [`REFERENCE_DATE`].
    pub reference_date: NaiveDate,
    /// Everyone who may call the gateway (the demo users).
    pub staff: Vec<Employee>,
    /// The sales reps who own customers and deals in the CRM.
    pub owners: Vec<Owner>,
    /// The companies Northwind sells to.
    pub customers: Vec<Customer>,
}

static NORTHWIND: LazyLock<DemoCompany> = LazyLock::new(|| {
    let (staff, owners) = people::staff_and_owners();
    DemoCompany {
        name: "Northwind Example".into(),
        domain: "northwind.example".into(),
        reference_date: REFERENCE_DATE,
        staff,
        owners,
        customers: customers::customers(),
    }
});

/// The demo company, built once per process.
pub fn northwind() -> &'static DemoCompany {
    &NORTHWIND
}

impl DemoCompany {
    /// The customer with this domain (case-insensitive).
    pub fn customer(&self, domain: &str) -> Option<&Customer> {
        self.customers
            .iter()
            .find(|c| c.domain.eq_ignore_ascii_case(domain))
    }

    /// The CRM owner with this email (case-insensitive).
    pub fn owner_by_email(&self, email: &str) -> Option<&Owner> {
        self.owners
            .iter()
            .find(|o| o.email.eq_ignore_ascii_case(email))
    }

    /// The employee with this email (case-insensitive).
    pub fn employee(&self, email: &str) -> Option<&Employee> {
        self.staff
            .iter()
            .find(|e| e.email.eq_ignore_ascii_case(email))
    }

    /// Every deal with its customer, in customer order.
    pub fn deals(&self) -> impl Iterator<Item = (&Customer, &Deal)> {
        self.customers
            .iter()
            .flat_map(|c| c.deals.iter().map(move |d| (c, d)))
    }

    /// Every customer contact with their customer, in customer order.
    pub fn contacts(&self) -> impl Iterator<Item = (&Customer, &Contact)> {
        self.customers
            .iter()
            .flat_map(|c| c.contacts.iter().map(move |p| (c, p)))
    }

    /// First and last day of the quarter holding the reference date.
    pub fn current_quarter(&self) -> (NaiveDate, NaiveDate) {
        quarter_of(self.reference_date)
    }
}

/// First and last day of the calendar quarter holding `date`.
pub fn quarter_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_month = (date.month0() / 3) * 3 + 1;
    let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1).expect("valid quarter start");
    let next = if first_month == 10 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), first_month + 3, 1)
    }
    .expect("valid quarter end");
    (start, next.pred_opt().expect("a day before"))
}
