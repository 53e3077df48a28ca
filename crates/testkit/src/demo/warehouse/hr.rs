//! The HR tables for Northwind's own staff: who they are, who they report
//! to, and what they are paid. Fixed per email so the data never drifts;
//! staff without a row get deterministic defaults.

use chrono::NaiveDate;

use super::sql::{ColumnType as T, Table};
use super::{EmployeeRecord, Salary};
use crate::demo::DemoCompany;

/// (email local part, start date, location, manager's local part, base
/// salary in USD, bonus target %, pay band)
type HrRow = (
    &'static str,
    (i32, u32, u32),
    &'static str,
    Option<&'static str>,
    i64,
    i64,
    &'static str,
);

#[rustfmt::skip]
const HR: &[HrRow] = &[
    ("sales", (2023, 3, 6), "Austin, US", Some("maria.lopez"), 98_000, 40, "S2"),
    ("maria.lopez", (2021, 9, 13), "New York, US", None, 132_000, 45, "S4"),
    ("kenji.watanabe", (2024, 1, 15), "Singapore, SG", Some("maria.lopez"), 104_000, 40, "S2"),
    ("priya.nair", (2022, 5, 2), "Boston, US", Some("maria.lopez"), 121_000, 45, "S3"),
    ("tom.becker", (2023, 10, 2), "Berlin, DE", Some("maria.lopez"), 99_000, 40, "S2"),
    ("finance", (2020, 2, 3), "Austin, US", None, 128_000, 15, "M2"),
    ("support", (2022, 8, 22), "Denver, US", None, 96_000, 10, "M1"),
    ("engineering", (2021, 4, 12), "Stockholm, SE", None, 155_000, 15, "M3"),
    ("hr", (2022, 1, 10), "Austin, US", None, 112_000, 10, "M1"),
    ("admin", (2023, 6, 19), "Austin, US", Some("engineering"), 92_000, 10, "T2"),
];

/// Salaries took effect at the 2026 review.
const REVIEW: (i32, u32, u32) = (2026, 4, 1);

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

fn row(local: &str, i: usize) -> HrRow {
    HR.iter().copied().find(|r| r.0 == local).unwrap_or((
        "",
        (2024, 1 + (i as u32 % 12), 1),
        "Austin, US",
        None,
        90_000 + 1_000 * i as i64,
        10,
        "T1",
    ))
}

fn local_part(email: &str) -> &str {
    email.split('@').next().unwrap_or(email)
}

pub(super) fn employees(company: &DemoCompany) -> Vec<EmployeeRecord> {
    company
        .staff
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (_, start, location, manager, ..) = row(local_part(&e.email), i);
            EmployeeRecord {
                email: e.email.clone(),
                first_name: e.first_name.clone(),
                last_name: e.last_name.clone(),
                title: e.title.clone(),
                department: e.department.clone(),
                manager_email: manager.map(|m| format!("{m}@{}", company.domain)),
                hr_partner_email: format!("hr@{}", company.domain),
                start_date: date(start),
                location: location.into(),
            }
        })
        .collect()
}

pub(super) fn salaries(company: &DemoCompany) -> Vec<Salary> {
    company
        .staff
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (_, start, _, _, base, bonus, band) = row(local_part(&e.email), i);
            Salary {
                email: e.email.clone(),
                base_salary: base,
                bonus_target_pct: bonus,
                currency: "USD",
                pay_band: band,
                effective_date: date(REVIEW).max(date(start)),
            }
        })
        .collect()
}

pub(super) fn employees_table(rows: &[EmployeeRecord]) -> Table {
    let mut t = Table::new(
        "employees",
        "hr",
        "Northwind staff: name, title, department, manager, HR partner, start date, location",
        &[
            ("email", T::Text, false),
            ("first_name", T::Text, false),
            ("last_name", T::Text, false),
            ("title", T::Text, false),
            ("department", T::Text, false),
            ("manager_email", T::Text, true),
            ("hr_partner_email", T::Text, false),
            ("start_date", T::Date, false),
            ("location", T::Text, false),
        ],
    );
    for r in rows {
        t.push(vec![
            r.email.as_str().into(),
            r.first_name.as_str().into(),
            r.last_name.as_str().into(),
            r.title.as_str().into(),
            r.department.as_str().into(),
            r.manager_email.clone().into(),
            r.hr_partner_email.as_str().into(),
            r.start_date.into(),
            r.location.as_str().into(),
        ]);
    }
    t
}

pub(super) fn salaries_table(rows: &[Salary]) -> Table {
    let mut t = Table::new(
        "salaries",
        "hr",
        "Current base salary, bonus target and pay band per employee (by email)",
        &[
            ("email", T::Text, false),
            ("base_salary", T::Integer, false),
            ("bonus_target_pct", T::Integer, false),
            ("currency", T::Text, false),
            ("pay_band", T::Text, false),
            ("effective_date", T::Date, false),
        ],
    );
    for r in rows {
        t.push(vec![
            r.email.as_str().into(),
            r.base_salary.into(),
            r.bonus_target_pct.into(),
            r.currency.into(),
            r.pay_band.into(),
            r.effective_date.into(),
        ]);
    }
    t
}
