//! From checked SQL to what each engine runs: placeholders per engine,
//! bind order, and the row limit written into the query.

use switchboard_warehouse::dialect::Flavor;
use switchboard_warehouse::guard::{check, Rules, Tables};
use switchboard_warehouse::plan::{prepare, Prepared};

fn plan(flavor: Flavor, sql: &str, max_rows: usize) -> Prepared {
    let rules = Rules {
        flavor,
        tables: Tables::Any,
        parameters: true,
    };
    prepare(check(sql, &rules).unwrap(), flavor, max_rows).unwrap()
}

const SAVED: &str = "SELECT * FROM t WHERE (:a IS NULL OR x = :a) AND y < :b";

#[test]
fn parameters_use_each_engines_placeholders() {
    let pg = plan(Flavor::Postgres, SAVED, 10);
    assert_eq!(
        pg.sql,
        "SELECT * FROM t WHERE ($1 IS NULL OR x = $1) AND y < $2 LIMIT 11"
    );
    assert_eq!(pg.binds, ["a", "b"]);
    let lite = plan(Flavor::Sqlite, SAVED, 10);
    assert_eq!(
        lite.sql,
        "SELECT * FROM t WHERE (?1 IS NULL OR x = ?1) AND y < ?2 LIMIT 11"
    );
    let my = plan(Flavor::MySql, SAVED, 10);
    assert_eq!(
        my.sql,
        "SELECT * FROM t WHERE (? IS NULL OR x = ?) AND y < ? LIMIT 11"
    );
    assert_eq!(
        my.binds,
        ["a", "a", "b"],
        "positional: one bind per occurrence"
    );
    let bq = plan(Flavor::BigQuery, SAVED, 10);
    assert_eq!(
        bq.sql,
        "SELECT * FROM t WHERE (@a IS NULL OR x = @a) AND y < @b LIMIT 11"
    );
    assert_eq!(bq.binds, ["a", "b"]);
    // A value never becomes SQL: quotes in literals stay literals.
    let quoted = plan(Flavor::MySql, "SELECT ':a' AS s, x FROM t WHERE y = :a", 5);
    assert_eq!(quoted.binds, ["a"]);
    assert!(
        quoted
            .sql
            .starts_with("SELECT ':a' AS s, x FROM t WHERE y = ?"),
        "{}",
        quoted.sql
    );
}

#[test]
fn the_row_limit_is_written_into_the_query() {
    let p = |sql: &str| plan(Flavor::Postgres, sql, 100).sql;
    assert_eq!(p("SELECT a FROM t"), "SELECT a FROM t LIMIT 101");
    assert_eq!(p("SELECT a FROM t LIMIT 5"), "SELECT a FROM t LIMIT 5");
    assert_eq!(
        p("SELECT a FROM t LIMIT 5000 OFFSET 10"),
        "SELECT a FROM t LIMIT 101 OFFSET 10"
    );
    assert_eq!(p("SELECT a FROM t LIMIT ALL"), "SELECT a FROM t LIMIT 101");
    assert_eq!(
        p("SELECT 1 UNION SELECT 2"),
        "SELECT 1 UNION SELECT 2 LIMIT 101"
    );
    assert_eq!(
        p("SELECT a FROM t FETCH FIRST 500 ROWS ONLY"),
        "SELECT * FROM (SELECT a FROM t FETCH FIRST 500 ROWS ONLY) AS sb_rows LIMIT 101"
    );
    assert_eq!(
        p("SELECT a FROM t LIMIT (SELECT 3)"),
        "SELECT * FROM (SELECT a FROM t LIMIT (SELECT 3)) AS sb_rows LIMIT 101"
    );
    assert_eq!(
        plan(Flavor::MySql, "SELECT a FROM t LIMIT 5, 1000", 100).sql,
        "SELECT a FROM t LIMIT 5, 101"
    );
    // Comments never reach the engine: the parsed query is re-rendered.
    assert_eq!(
        p("SELECT a /* hi */ FROM t -- bye"),
        "SELECT a FROM t LIMIT 101"
    );
}
