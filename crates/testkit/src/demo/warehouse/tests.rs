//! The warehouse agrees with the CRM and the books, and its seed SQL is
//! well formed.

use super::*;
use crate::demo::billing::books;

#[test]
fn finance_tables_agree_with_the_books_and_the_crm() {
    let w = warehouse();
    assert_eq!(w.revenue_by_month.len(), 11, "January to November 2026");
    let october = &w.revenue_by_month[9];
    assert_eq!(october.month_start.to_string(), "2026-10-01");
    assert_eq!((october.invoiced, october.invoice_count), (1_109_250, 22));
    let invoiced: i64 = w.revenue_by_month.iter().map(|m| m.invoiced).sum();
    let books_total: u64 = books().invoices.iter().map(|i| i.total()).sum();
    assert_eq!(invoiced, books_total as i64);

    let overdue: Vec<&str> = w
        .invoices_summary
        .iter()
        .filter(|s| s.status == "overdue")
        .map(|s| s.customer_domain.as_str())
        .collect();
    assert_eq!(overdue.len(), 7, "{overdue:?}");
    let oceanic = w.invoice_summary("oceanic-insurance.example").unwrap();
    assert_eq!(
        (oceanic.overdue_balance, oceanic.max_days_overdue),
        (137_500, Some(117))
    );
    let wayne = w.invoice_summary("wayne-financial.example").unwrap();
    assert_eq!(
        (wayne.status, wayne.open_balance, wayne.overdue_balance),
        ("open", 35_000, 0)
    );
    for s in &w.invoices_summary {
        assert_eq!(s.invoiced, s.paid + s.open_balance, "{}", s.customer_domain);
        assert!(s.overdue_balance <= s.open_balance);
    }

    let q4: Vec<&str> = w
        .arr_by_customer
        .iter()
        .filter(|a| a.renewal_quarter == "2026-Q4")
        .map(|a| a.customer_domain.as_str())
        .collect();
    assert_eq!(q4.len(), 7);
    assert!(w
        .arr_by_customer
        .iter()
        .filter(|a| a.renewal_quarter == "2026-Q4")
        .all(|a| a.tier == "enterprise"));
    assert!(q4.contains(&"lioncity-bank.example") && q4.contains(&"acme-robotics.example"));
}

#[test]
fn hr_tables_cover_every_employee() {
    let w = warehouse();
    let staff = &crate::demo::northwind().staff;
    assert_eq!(w.employees.len(), staff.len());
    assert_eq!(w.salaries.len(), staff.len());
    let top = w.salaries.iter().max_by_key(|s| s.base_salary).unwrap();
    assert_eq!(top.email, "engineering@northwind.example");
    let reports = w
        .employees
        .iter()
        .filter(|e| e.manager_email.as_deref() == Some("maria.lopez@northwind.example"))
        .count();
    assert_eq!(reports, 4);
    assert_eq!(
        w.salary("hr@northwind.example").unwrap().base_salary,
        112_000
    );
    assert!(w
        .employees
        .iter()
        .all(|e| e.hr_partner_email == "hr@northwind.example"));
    for e in &w.employees {
        if let Some(m) = &e.manager_email {
            assert!(
                w.employee(m).is_some(),
                "{} reports to unknown {m}",
                e.email
            );
        }
    }
}

#[test]
fn seed_sql_creates_and_fills_every_table() {
    let sql = seed_sql();
    assert_eq!(sql.len(), 10);
    assert!(
        sql[0].starts_with("CREATE TABLE revenue_by_month (month_start DATE NOT NULL PRIMARY KEY")
    );
    assert!(sql[1].starts_with("INSERT INTO revenue_by_month (month_start, invoiced, collected, invoice_count) VALUES ('2026-01-01', "));
    let qualified = warehouse().seed_sql(|t| Some(t.dataset.to_owned()));
    assert!(qualified[4].starts_with("CREATE TABLE finance.arr_by_customer ("));
    assert!(qualified[8].starts_with("CREATE TABLE hr.salaries ("));
    let lumiere = sql
        .iter()
        .find(|s| s.contains("Lumière"))
        .expect("accents survive");
    assert!(lumiere.starts_with("INSERT INTO"));
    assert_eq!(Cell::from("O'Brien").literal(), "'O''Brien'");
    assert_eq!(Cell::from(None::<i64>).literal(), "NULL");
}
