//! The SQL guard: every statement the connector runs, ad hoc or saved,
//! passes through [`check`] first.
//!
//! It parses with the backend's own dialect (sqlparser) and accepts exactly
//! one read-only query: a `SELECT`, a set operation of them, or `WITH …
//! SELECT`, with no `INTO`, no locking clause, no optimizer hints, no
//! statement nested anywhere (PostgreSQL's `WITH x AS (DELETE …)`), no
//! function from the deny list (sleeps, file and network access, session
//! settings, locks), no table function, and — for ad-hoc SQL — only tables
//! on the allowlist, resolved with CTE scoping so a CTE cannot be used to
//! smuggle in a table of the same name.
//!
//! What is executed is the parsed query rendered back to SQL, never the
//! caller's text: comments, MySQL's executable `/*! … */` comments and
//! anything after the statement cannot reach the database. The guard is the
//! first line; the read-only transaction, the statement timeout and the
//! database grants of the connector's user are the others.

mod rules;
mod tables;
mod visit;

#[cfg(test)]
mod tests;

use std::ops::ControlFlow;

use sqlparser::ast::{Query, Statement, Visit};
use sqlparser::parser::Parser;
use switchboard_core::ConnectorError;

use crate::dialect::Flavor;
pub use tables::{tables_valid, valid_table_name, Allowlist};

/// Longest SQL text accepted (characters).
pub const MAX_SQL_LEN: usize = 20_000;

/// Why a query was refused; shown to the caller as invalid arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Refusal {
    pub fn into_error(self) -> ConnectorError {
        ConnectorError::invalid_args(format!("the query was refused: {}", self.0))
    }
}

/// Which tables a query may read.
#[derive(Debug, Clone, Copy)]
pub enum Tables<'a> {
    /// Ad-hoc SQL: only these.
    Only(&'a Allowlist),
    /// Saved queries, written by an administrator: any table (their
    /// permission, not an allowlist, decides who may run them).
    Any,
}

/// What a query is checked against.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub flavor: Flavor,
    pub tables: Tables<'a>,
    /// Whether `:name` parameters may appear (saved queries only).
    pub parameters: bool,
}

/// A query that passed the guard, and the `:name` parameters it uses in
/// the order they were met.
#[derive(Debug, Clone)]
pub struct Checked {
    pub query: Query,
    pub parameters: Vec<String>,
}

/// Parses `sql` and checks that it is one read-only query under `rules`.
pub fn check(sql: &str, rules: &Rules<'_>) -> Result<Checked, Refusal> {
    let refuse = |m: String| Err(Refusal(m));
    if sql.trim().is_empty() {
        return refuse("the SQL is empty".into());
    }
    if sql.chars().count() > MAX_SQL_LEN {
        return refuse(format!("the SQL is longer than {MAX_SQL_LEN} characters"));
    }
    let dialect = rules.flavor.dialect();
    let statements = Parser::new(dialect.as_ref())
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_statements())
        .map_err(|e| {
            let mut why = e.to_string();
            why.truncate(240);
            Refusal(format!(
                "it is not valid {} SQL ({why})",
                rules.flavor.name()
            ))
        })?;
    let statement = match statements.as_slice() {
        [one] => one,
        [] => return refuse("the SQL holds no statement".into()),
        many => {
            return refuse(format!(
                "exactly one statement is allowed, found {} (stacked queries are refused)",
                many.len()
            ))
        }
    };
    let Statement::Query(query) = statement else {
        return refuse(format!(
            "only a read-only SELECT (or WITH … SELECT) is allowed, not {}",
            rules::statement_kind(statement)
        ));
    };
    let mut guard = visit::Guard::new(rules);
    if let ControlFlow::Break(why) = statement.visit(&mut guard) {
        return refuse(why);
    }
    Ok(Checked {
        query: (**query).clone(),
        parameters: guard.into_parameters(),
    })
}
