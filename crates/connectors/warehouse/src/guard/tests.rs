//! The hostile-query table: every write, DDL, multi-statement, smuggling
//! and exfiltration attempt is refused with a reason; legitimate analytics
//! queries pass.

use super::*;
use crate::dialect::Flavor::{self, *};

const ALLOWED: [&str; 3] = ["revenue_by_month", "invoices_summary", "arr_by_customer"];

fn run(flavor: Flavor, sql: &str) -> Result<Checked, Refusal> {
    let names: Vec<String> = ALLOWED.iter().map(|s| s.to_string()).collect();
    let allow = Allowlist::new(flavor, &names, None);
    check(
        sql,
        &Rules {
            flavor,
            tables: Tables::Only(&allow),
            parameters: false,
        },
    )
}

/// (engine, SQL, a word the refusal must contain)
#[rustfmt::skip]
const HOSTILE: &[(Flavor, &str, &str)] = &[
    // writes and DDL
    (Postgres, "INSERT INTO revenue_by_month VALUES ('2026-12-01', 1, 1, 1)", "INSERT"),
    (Postgres, "UPDATE invoices_summary SET paid = 0", "UPDATE"),
    (MySql, "DELETE FROM arr_by_customer", "DELETE"),
    (Postgres, "MERGE INTO arr_by_customer a USING invoices_summary i ON a.customer_domain = i.customer_domain WHEN MATCHED THEN DELETE", "MERGE"),
    (Postgres, "DROP TABLE revenue_by_month", "DROP TABLE"),
    (MySql, "TRUNCATE TABLE invoices_summary", "TRUNCATE"),
    (Postgres, "CREATE TABLE x AS SELECT * FROM revenue_by_month", "CREATE TABLE"),
    (Postgres, "ALTER TABLE revenue_by_month ADD COLUMN x INT", "ALTER TABLE"),
    (Postgres, "GRANT SELECT ON salaries TO analyst", "GRANT"),
    (Postgres, "COPY revenue_by_month TO '/tmp/out.csv'", "COPY"),
    // stacked and hidden statements
    (Postgres, "SELECT 1; DROP TABLE revenue_by_month", "exactly one statement"),
    (MySql, "SELECT * FROM revenue_by_month; DELETE FROM revenue_by_month", "exactly one statement"),
    (Postgres, "SELECT 1 -- harmless\n; DROP TABLE revenue_by_month", "exactly one statement"),
    (MySql, "SELECT 1 /*! ; DROP TABLE revenue_by_month */", "exactly one statement"),
    (Sqlite, "SELECT 1;\nATTACH DATABASE '/tmp/x.db' AS x", "exactly one statement"),
    // writes inside queries
    (Postgres, "WITH gone AS (DELETE FROM invoices_summary RETURNING *) SELECT * FROM gone", "write"),
    (Postgres, "WITH x AS (UPDATE arr_by_customer SET arr = 0 RETURNING *) SELECT count(*) FROM x", "write"),
    (Postgres, "WITH x AS (INSERT INTO revenue_by_month VALUES ('2027-01-01', 0, 0, 0) RETURNING *) SELECT * FROM x", "write"),
    (Postgres, "SELECT * INTO stolen FROM revenue_by_month", "INTO"),
    (Postgres, "SELECT * FROM revenue_by_month FOR UPDATE", "locking"),
    (MySql, "SELECT * FROM revenue_by_month LOCK IN SHARE MODE", "not valid"),
    // sleeps, files, other databases, settings
    (Postgres, "SELECT pg_sleep(60)", "pg_sleep"),
    (MySql, "SELECT SLEEP(60) FROM revenue_by_month", "sleep"),
    (MySql, "SELECT BENCHMARK(100000000, MD5('x'))", "benchmark"),
    (MySql, "SELECT LOAD_FILE('/etc/passwd')", "load_file"),
    (Postgres, "SELECT pg_read_file('/etc/passwd')", "pg_read_file"),
    (Postgres, "SELECT pg_catalog.pg_read_file('postgresql.conf')", "pg_read_file"),
    (Sqlite, "SELECT load_extension('/tmp/evil.so')", "load_extension"),
    (Postgres, "SELECT * FROM dblink('host=evil', 'SELECT 1') AS t(x int)", "table function"),
    (Postgres, "SELECT dblink_exec('host=evil', 'DROP TABLE x')", "dblink_exec"),
    (Postgres, "SELECT query_to_xml('SELECT * FROM salaries', true, false, '')", "query_to_xml"),
    (Postgres, "SELECT set_config('statement_timeout', '0', false)", "set_config"),
    (Postgres, "SELECT pg_terminate_backend(1)", "pg_terminate_backend"),
    (Postgres, "SELECT pg_advisory_lock(1)", "pg_advisory_lock"),
    (Postgres, "SELECT nextval('invoice_seq')", "nextval"),
    (MySql, "SELECT /*+ MAX_EXECUTION_TIME(999999) */ * FROM revenue_by_month", "hints"),
    // tables outside the allowlist, however spelled
    (Postgres, "SELECT * FROM salaries", "salaries"),
    (Postgres, "SELECT * FROM revenue_by_month r JOIN employees e ON true", "employees"),
    (Postgres, "SELECT (SELECT max(base_salary) FROM salaries) FROM revenue_by_month", "salaries"),
    (Postgres, "SELECT * FROM revenue_by_month WHERE invoiced IN (SELECT base_salary FROM salaries)", "salaries"),
    (Postgres, "SELECT * FROM information_schema.tables", "information_schema"),
    (MySql, "SELECT * FROM information_schema.columns", "information_schema"),
    (Postgres, "SELECT * FROM pg_catalog.pg_user", "pg_user"),
    (Postgres, "SELECT * FROM pg_shadow", "pg_shadow"),
    (Sqlite, "SELECT * FROM sqlite_master", "sqlite_master"),
    (MySql, "SELECT * FROM mysql.user", "mysql.user"),
    (Postgres, "SELECT * FROM public.salaries", "public.salaries"),
    (Postgres, "SELECT * FROM \"REVENUE_BY_MONTH\"", "REVENUE_BY_MONTH"),
    (Postgres, "SELECT * FROM generate_series(1, 10)", "table function"),
    (Postgres, "TABLE salaries", "not valid"),
    // CTE tricks: a CTE name does not launder a real table
    (Postgres, "WITH salaries AS (SELECT * FROM salaries) SELECT * FROM salaries", "salaries"),
    (Postgres, "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM salaries) SELECT * FROM a", "`b`"),
    (Postgres, "SELECT * FROM (WITH salaries AS (SELECT 1) SELECT * FROM salaries) x, salaries", "salaries"),
    (Postgres, "WITH x AS (SELECT 1) SELECT * FROM x, (SELECT * FROM employees) e", "employees"),
    // transaction control and session state
    (Postgres, "BEGIN", "BEGIN"),
    (MySql, "START TRANSACTION", "START TRANSACTION"),
    (Postgres, "COMMIT", "COMMIT"),
    (Postgres, "SET statement_timeout = 0", "SET"),
    (MySql, "SET SESSION max_statement_time = 0", "SET"),
    (Sqlite, "PRAGMA query_only = OFF", "not valid"),
    (Sqlite, "ATTACH DATABASE '/tmp/x.db' AS x", "ATTACH"),
    (Postgres, "EXPLAIN ANALYZE DELETE FROM revenue_by_month", "EXPLAIN"),
    (Postgres, "CALL do_something()", "CALL"),
    // variables and parameters
    (MySql, "SELECT @@version", "@@version"),
    (Postgres, "SELECT * FROM revenue_by_month WHERE invoiced > $1", "parameters"),
    (BigQuery, "SELECT * FROM revenue_by_month WHERE invoiced > @min", "@min"),
    // garbage
    (Postgres, "", "empty"),
    (Postgres, "SELEC * FROM revenue_by_month", "not valid"),
];

#[test]
fn every_hostile_query_is_refused_with_a_reason() {
    assert!(HOSTILE.len() >= 30);
    let mut failures = Vec::new();
    for (flavor, sql, why) in HOSTILE {
        match run(*flavor, sql) {
            Ok(c) => failures.push(format!("ACCEPTED ({flavor:?}) {sql}\n  as {}", c.query)),
            Err(Refusal(reason)) if !reason.to_lowercase().contains(&why.to_lowercase()) => {
                failures.push(format!(
                    "({flavor:?}) {sql}\n  refused, but the reason does not name `{why}`: {reason}"
                ))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[rustfmt::skip]
const LEGITIMATE: &[(Flavor, &str)] = &[
    (Postgres, "SELECT month_start, invoiced FROM revenue_by_month ORDER BY month_start"),
    (Postgres, "select sum(invoiced) - sum(collected) as outstanding from REVENUE_BY_MONTH"),
    (Postgres, "WITH q4 AS (SELECT * FROM arr_by_customer WHERE renewal_quarter = '2026-Q4') \
                SELECT q4.customer_name, i.overdue_balance FROM q4 JOIN invoices_summary i \
                ON i.customer_domain = q4.customer_domain WHERE i.overdue_balance > 0"),
    (Postgres, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n"),
    (Postgres, "SELECT tier, count(*), avg(arr)::numeric(12,2) FROM arr_by_customer GROUP BY tier HAVING count(*) > 1"),
    (Postgres, "SELECT customer_name, rank() OVER (ORDER BY arr DESC) FROM arr_by_customer LIMIT 5"),
    (Postgres, "SELECT customer_domain FROM arr_by_customer UNION SELECT customer_domain FROM invoices_summary"),
    (Postgres, "SELECT date_trunc('quarter', month_start) AS q, sum(invoiced) FROM revenue_by_month GROUP BY 1"),
    (MySql, "SELECT `customer_name`, arr FROM arr_by_customer WHERE tier = 'enterprise' LIMIT 3, 5"),
    (MySql, "SELECT DATE_FORMAT(month_start, '%Y-%m') AS m, invoiced FROM revenue_by_month"),
    (Sqlite, "SELECT strftime('%m', month_start), invoiced FROM revenue_by_month;"),
    (Sqlite, "SELECT * FROM arr_by_customer a WHERE EXISTS (SELECT 1 FROM invoices_summary i WHERE i.customer_domain = a.customer_domain)"),
    (BigQuery, "SELECT * FROM revenue_by_month WHERE month_start >= DATE '2026-10-01'"),
    (Postgres, "SELECT 'pg_sleep(1); DROP TABLE x' AS harmless_text FROM revenue_by_month"),
    (Postgres, "VALUES (1, 'a'), (2, 'b')"),
];

#[test]
fn legitimate_queries_pass() {
    for (flavor, sql) in LEGITIMATE {
        if let Err(r) = run(*flavor, sql) {
            panic!("({flavor:?}) refused: {sql}\n  because {r}");
        }
    }
}

#[test]
fn saved_queries_take_parameters_and_any_table() {
    let rules = Rules {
        flavor: Postgres,
        tables: Tables::Any,
        parameters: true,
    };
    let c = check(
        "SELECT * FROM salaries WHERE email = :caller_email OR email = :who OR manager = :caller_email",
        &rules,
    )
    .unwrap();
    assert_eq!(c.parameters, ["caller_email", "who", "caller_email"]);
    let r = check(
        "WITH x AS (DELETE FROM salaries RETURNING *) SELECT * FROM x",
        &rules,
    );
    assert!(r.is_err(), "saved queries are read-only too");
}

#[test]
fn long_sql_is_refused() {
    let sql = format!(
        "SELECT 1 FROM revenue_by_month WHERE 'x' = '{}'",
        "x".repeat(MAX_SQL_LEN)
    );
    assert!(run(Postgres, &sql).unwrap_err().0.contains("longer"));
}
