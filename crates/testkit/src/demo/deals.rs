//! One or two deals per customer, spread across the pipeline. Renewals are
//! `ExistingBusiness` named "<Customer> - Enterprise Renewal 2027"; several
//! open deals close in the reference quarter (Q4 2026), some in the next.

use chrono::{Days, NaiveDate};

use super::types::{Deal, DealStage, DealType};
use super::REFERENCE_DATE;

use DealStage::*;
use DealType::*;

/// (customer domain, what, stage, amount, close date, type)
type DealRow = (
    &'static str,
    &'static str,
    DealStage,
    u64,
    (i32, u32, u32),
    DealType,
);

#[rustfmt::skip]
const DEALS: &[DealRow] = &[
    ("acme-robotics.example", "Enterprise Renewal 2027", ContractSent, 252_000, (2026, 12, 15), ExistingBusiness),
    ("acme-robotics.example", "Warehouse Analytics Add-on", PresentationScheduled, 48_000, (2027, 1, 30), NewBusiness),
    ("globex-logistics.example", "Enterprise Renewal 2027", DecisionMakerBoughtIn, 325_000, (2026, 12, 20), ExistingBusiness),
    ("initech.example", "Seat Expansion", QualifiedToBuy, 24_000, (2026, 12, 5), NewBusiness),
    ("initech.example", "Premium Support", ClosedLost, 9_000, (2026, 10, 14), NewBusiness),
    ("umbrella-health.example", "Enterprise Renewal 2027", AppointmentScheduled, 441_000, (2027, 2, 28), ExistingBusiness),
    ("umbrella-health.example", "Compliance Module", ClosedWon, 60_000, (2026, 10, 2), NewBusiness),
    ("stark-aerospace.example", "Enterprise Renewal 2027", ContractSent, 399_000, (2026, 12, 31), ExistingBusiness),
    ("wayne-financial.example", "Enterprise Renewal 2027", PresentationScheduled, 546_000, (2027, 1, 15), ExistingBusiness),
    ("wayne-financial.example", "Fraud Analytics Pilot", ClosedWon, 35_000, (2026, 11, 10), NewBusiness),
    ("hooli-cloud.example", "Platform Migration", DecisionMakerBoughtIn, 78_000, (2026, 12, 18), NewBusiness),
    ("hooli-cloud.example", "Training Package", ClosedWon, 12_000, (2026, 10, 21), NewBusiness),
    ("soylent-foods.example", "Supply Chain Dashboards", QualifiedToBuy, 30_000, (2027, 1, 20), NewBusiness),
    ("tyrell-bio.example", "Enterprise Renewal 2027", ClosedWon, 295_000, (2026, 11, 1), ExistingBusiness),
    ("tyrell-bio.example", "Lab Data Connector", AppointmentScheduled, 42_000, (2027, 3, 12), NewBusiness),
    ("sakura-telecom.example", "Enterprise Renewal 2027", DecisionMakerBoughtIn, 357_000, (2026, 12, 10), ExistingBusiness),
    ("kangaroo-retail.example", "Store Analytics Expansion", PresentationScheduled, 26_000, (2026, 12, 22), NewBusiness),
    ("lioncity-bank.example", "Enterprise Renewal 2027", ContractSent, 483_000, (2026, 12, 28), ExistingBusiness),
    ("lioncity-bank.example", "Risk Reporting Suite", QualifiedToBuy, 90_000, (2027, 2, 14), NewBusiness),
    ("vandelay.example", "Starter Plan", ClosedWon, 18_000, (2026, 3, 18), NewBusiness),
    ("vandelay.example", "Upgrade to Growth", AppointmentScheduled, 14_000, (2026, 12, 12), NewBusiness),
    ("bluth-construction.example", "Project Tracking", ClosedLost, 24_000, (2026, 9, 30), NewBusiness),
    ("piedpiper.example", "Compression Analytics", ContractSent, 15_000, (2026, 12, 8), NewBusiness),
    ("nordlicht-energie.example", "Grid Monitoring Rollout", DecisionMakerBoughtIn, 64_000, (2026, 12, 16), NewBusiness),
    ("lumiere-hotels.example", "Guest Insights", QualifiedToBuy, 22_000, (2027, 1, 8), NewBusiness),
    ("oceanic-insurance.example", "Enterprise Renewal 2027", ClosedLost, 275_000, (2026, 11, 15), ExistingBusiness),
    ("oceanic-insurance.example", "Claims Analytics Pilot", PresentationScheduled, 40_000, (2026, 12, 19), NewBusiness),
    ("prairie-schools.example", "District Rollout", AppointmentScheduled, 12_000, (2027, 1, 25), NewBusiness),
    ("helios-pharma.example", "Enterprise Renewal 2027", QualifiedToBuy, 410_000, (2026, 12, 30), ExistingBusiness),
    ("helios-pharma.example", "GxP Audit Trail", ClosedWon, 55_000, (2026, 8, 19), NewBusiness),
];

/// The deals of one customer, owned by the customer's owner.
pub(super) fn deals_for(domain: &str, customer: &str, owner_email: &str) -> Vec<Deal> {
    DEALS
        .iter()
        .enumerate()
        .filter(|(_, row)| row.0 == domain)
        .map(|(i, &(_, what, stage, amount, (y, m, d), deal_type))| {
            let close_date = NaiveDate::from_ymd_opt(y, m, d).expect("valid close date");
            Deal {
                name: format!("{customer} - {what}"),
                stage,
                amount,
                close_date,
                deal_type,
                created: created(i, close_date),
                owner_email: owner_email.into(),
            }
        })
        .collect()
}

/// A creation day 45–104 days before the close, and never later than a
/// few days before the reference date (no deal is created in the future).
fn created(i: usize, close: NaiveDate) -> NaiveDate {
    let lead = Days::new(45 + (i as u64 * 17) % 60);
    let latest = REFERENCE_DATE - Days::new(3 + (i as u64 % 10));
    (close - lead).min(latest)
}

#[cfg(test)]
pub(super) fn row_count() -> usize {
    DEALS.len()
}
