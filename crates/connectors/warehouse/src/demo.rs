//! The `--demo` warehouse: an in-memory SQLite database (seed it with the
//! testkit's `demo::warehouse::seed_sql()` through
//! [`crate::connect_with_seed`]) and saved queries over the demo company's
//! finance and HR tables.

use crate::config::{BackendKind, ParamConfig, ParamType, SavedQueryConfig, WarehouseConfig};

/// The tables analysts may query ad hoc in the demo: finance only. The HR
/// tables are reachable only through the HR saved queries.
pub const DEMO_TABLES: [&str; 3] = ["revenue_by_month", "invoices_summary", "arr_by_customer"];

fn param(name: &str, ty: ParamType, description: &str) -> ParamConfig {
    ParamConfig {
        name: name.into(),
        ty,
        required: false,
        description: Some(description.into()),
    }
}

fn saved(
    name: &str,
    permission: &str,
    description: &str,
    sql: &str,
    params: Vec<ParamConfig>,
) -> SavedQueryConfig {
    SavedQueryConfig {
        name: name.into(),
        description: description.into(),
        permission: permission.into(),
        sql: sql.into(),
        params,
    }
}

const SALARY_COLUMNS: &str = "SELECT e.email, e.first_name, e.last_name, e.title, e.department, \
     s.base_salary, s.bonus_target_pct, s.currency, s.pay_band, s.effective_date \
     FROM employees e JOIN salaries s ON s.email = e.email";

/// The demo configuration (SQLite in memory; seed it, see the module docs).
pub fn demo_config() -> WarehouseConfig {
    use ParamType::*;
    WarehouseConfig {
        backend: BackendKind::Sqlite,
        url: Some("sqlite::memory:".into()),
        bigquery: None,
        tables: DEMO_TABLES.iter().map(|t| t.to_string()).collect(),
        max_rows: Some(200),
        statement_timeout_ms: Some(5_000),
        saved_queries: vec![
            saved(
                "revenue_by_month",
                "warehouse:finance:read",
                "Invoiced and collected US dollars per month of 2026, optionally between two months.",
                "SELECT month_start, invoiced, collected, invoice_count FROM revenue_by_month \
                 WHERE (:from_month IS NULL OR month_start >= :from_month) \
                 AND (:to_month IS NULL OR month_start <= :to_month) ORDER BY month_start",
                vec![
                    param("from_month", Date, "First month to include (YYYY-MM-01)."),
                    param("to_month", Date, "Last month to include (YYYY-MM-01)."),
                ],
            ),
            saved(
                "arr_by_customer",
                "warehouse:finance:read",
                "Annual recurring revenue, tier, owner and renewal date per customer, largest first.",
                "SELECT customer_domain, customer_name, tier, arr, renewal_date, renewal_quarter, \
                 owner_email FROM arr_by_customer WHERE (:tier IS NULL OR tier = :tier) \
                 AND (:renewal_quarter IS NULL OR renewal_quarter = :renewal_quarter) \
                 ORDER BY arr DESC",
                vec![
                    param("tier", String, "enterprise, mid-market or smb."),
                    param("renewal_quarter", String, "Renewing in this quarter, e.g. 2026-Q4."),
                ],
            ),
            saved(
                "overdue_invoices",
                "warehouse:finance:read",
                "Customers with overdue invoices: overdue and open balance, days past due, worst first.",
                "SELECT customer_domain, customer_name, overdue_balance, open_balance, \
                 max_days_overdue FROM invoices_summary WHERE overdue_balance > 0 \
                 AND (:min_days_overdue IS NULL OR max_days_overdue >= :min_days_overdue) \
                 ORDER BY overdue_balance DESC",
                vec![param("min_days_overdue", Integer, "Only invoices at least this many days past due.")],
            ),
            saved(
                "salary",
                "warehouse:hr:read",
                "Base salary, bonus target and pay band of the employees you are the HR partner for; \
                 filter by employee email or department.",
                &format!(
                    "{SALARY_COLUMNS} WHERE e.hr_partner_email = :caller_email \
                     AND (:employee_email IS NULL OR e.email = :employee_email) \
                     AND (:department IS NULL OR e.department = :department) ORDER BY e.last_name"
                ),
                vec![
                    param("employee_email", String, "One employee, by work email."),
                    param("department", String, "sales, finance, support, engineering, hr or it."),
                ],
            ),
        ],
    }
}
