//! Finance and HR warehouse tables for the demo company, as an analytics
//! warehouse would hold them: month-level revenue, a per-customer invoice
//! summary and ARR (all derived from the CRM and the QuickBooks books, so
//! every system agrees), plus the HR tables `employees` and `salaries` for
//! Northwind's own staff.
//!
//! The typed rows are for assertions; [`Warehouse::tables`] gives the same
//! data as generic tables, and [`seed_sql`] as `CREATE TABLE` / `INSERT`
//! statements that run unchanged on SQLite, PostgreSQL and MySQL/MariaDB.
//! Nothing reads the clock: balances are as of [`super::REFERENCE_DATE`].
//!
//! Notable facts (as of 2026-11-25): seven customers are overdue —
//! Oceanic Insurance ($137,500, 117 days), Globex Logistics ($115,000,
//! 117 days), Sakura Telecom ($85,000), Acme Robotics and Umbrella Health
//! ($60,000 each), Helios Pharma ($55,000) and Vandelay Industries
//! ($4,500); Wayne Financial owes $35,000 not yet due. Seven enterprise
//! customers renew in 2026-Q4 (Acme, Globex, Stark, Sakura, Lion City
//! Bank, Oceanic, Helios). October 2026 invoiced $1,109,250. Erik
//! Lindqvist (engineering) is the best paid employee; four sales reps
//! report to Maria Lopez; every employee's HR partner is hr@.

mod finance;
mod hr;
mod sql;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::billing::books;
use super::northwind;

pub use sql::{Cell, Column, ColumnType, Table};

/// The warehouse's finance tables (dataset `finance` on BigQuery).
pub const FINANCE_TABLES: [&str; 3] = ["revenue_by_month", "invoices_summary", "arr_by_customer"];
/// The warehouse's HR tables (dataset `hr` on BigQuery).
pub const HR_TABLES: [&str; 2] = ["employees", "salaries"];

/// One month of billing: what was invoiced and what was collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevenueMonth {
    /// The first day of the month.
    pub month_start: NaiveDate,
    /// Whole US dollars invoiced in the month.
    pub invoiced: i64,
    /// Whole US dollars received in the month (by the reference date).
    pub collected: i64,
    pub invoice_count: i64,
}

/// A customer's 2026 invoicing, as finance reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub customer_domain: String,
    pub customer_name: String,
    pub invoice_count: i64,
    pub invoiced: i64,
    pub paid: i64,
    pub open_balance: i64,
    pub overdue_balance: i64,
    /// Days the oldest overdue invoice is past due; `None` when nothing is.
    pub max_days_overdue: Option<i64>,
    /// "overdue", "open" (owes, nothing past due) or "paid".
    pub status: &'static str,
}

/// A customer's annual recurring revenue and renewal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerArr {
    pub customer_domain: String,
    pub customer_name: String,
    /// "enterprise", "mid-market" or "smb".
    pub tier: &'static str,
    /// The CRM's industry code.
    pub industry: &'static str,
    pub country: String,
    pub owner_email: String,
    pub arr: i64,
    pub customer_since: NaiveDate,
    pub renewal_date: NaiveDate,
    /// "2026-Q4".
    pub renewal_quarter: String,
}

/// A Northwind employee as HR keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRecord {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub department: String,
    pub manager_email: Option<String>,
    /// The HR business partner who handles their pay (hr@).
    pub hr_partner_email: String,
    pub start_date: NaiveDate,
    pub location: String,
}

/// An employee's current pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Salary {
    pub email: String,
    /// Whole units of `currency` per year.
    pub base_salary: i64,
    pub bonus_target_pct: i64,
    pub currency: &'static str,
    pub pay_band: &'static str,
    pub effective_date: NaiveDate,
}

/// The demo warehouse.
#[derive(Debug, Clone)]
pub struct Warehouse {
    pub as_of: NaiveDate,
    pub revenue_by_month: Vec<RevenueMonth>,
    pub invoices_summary: Vec<InvoiceSummary>,
    pub arr_by_customer: Vec<CustomerArr>,
    pub employees: Vec<EmployeeRecord>,
    pub salaries: Vec<Salary>,
}

static WAREHOUSE: LazyLock<Warehouse> = LazyLock::new(|| {
    let company = northwind();
    let books = books();
    Warehouse {
        as_of: company.reference_date,
        revenue_by_month: finance::revenue_by_month(books),
        invoices_summary: finance::invoices_summary(company, books),
        arr_by_customer: finance::arr_by_customer(company),
        employees: hr::employees(company),
        salaries: hr::salaries(company),
    }
});

/// The demo warehouse, built once per process.
pub fn warehouse() -> &'static Warehouse {
    &WAREHOUSE
}

/// Statements that create and fill every demo table (unqualified names),
/// portable across SQLite, PostgreSQL and MySQL/MariaDB.
pub fn seed_sql() -> Vec<String> {
    warehouse().seed_sql(|_| None)
}

impl Warehouse {
    /// Every table, finance first, as generic columns and cells.
    pub fn tables(&self) -> Vec<Table> {
        vec![
            finance::revenue_table(&self.revenue_by_month),
            finance::invoices_table(&self.invoices_summary),
            finance::arr_table(&self.arr_by_customer),
            hr::employees_table(&self.employees),
            hr::salaries_table(&self.salaries),
        ]
    }

    /// `CREATE TABLE` and `INSERT` statements for every table; `schema`
    /// may qualify a table's name (e.g. with its BigQuery dataset).
    pub fn seed_sql(&self, schema: impl Fn(&Table) -> Option<String>) -> Vec<String> {
        self.tables()
            .iter()
            .flat_map(|t| {
                let name = match schema(t) {
                    Some(s) => format!("{s}.{}", t.name),
                    None => t.name.to_owned(),
                };
                [t.create_sql(&name), t.insert_sql(&name)]
            })
            .collect()
    }

    pub fn invoice_summary(&self, domain: &str) -> Option<&InvoiceSummary> {
        self.invoices_summary
            .iter()
            .find(|s| s.customer_domain == domain)
    }

    pub fn employee(&self, email: &str) -> Option<&EmployeeRecord> {
        self.employees.iter().find(|e| e.email == email)
    }

    pub fn salary(&self, email: &str) -> Option<&Salary> {
        self.salaries.iter().find(|s| s.email == email)
    }
}
