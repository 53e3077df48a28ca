//! The QuickBooks connector's integration tests: the recorded fixtures,
//! the fake QuickBooks' fidelity to them, every tool against the fake
//! serving the demo company's books, and the fault paths.

#[path = "quickbooks/billing.rs"]
mod billing;
#[path = "quickbooks/common.rs"]
mod common;
#[path = "quickbooks/customers.rs"]
mod customers;
#[path = "quickbooks/fake_shapes.rs"]
mod fake_shapes;
#[path = "quickbooks/faults.rs"]
mod faults;
#[path = "quickbooks/fixtures.rs"]
mod fixtures;
#[path = "quickbooks/invoices.rs"]
mod invoices;
#[path = "quickbooks/report_shapes.rs"]
mod report_shapes;
#[path = "quickbooks/reports.rs"]
mod reports;
