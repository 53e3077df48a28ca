//! From a checked query to the SQL actually sent: parameters rewritten to
//! the engine's placeholders (bound, never interpolated) and the row limit
//! written into the query, rendered from the parsed tree.

use std::ops::ControlFlow;

use sqlparser::ast::{Expr, LimitClause, Query, Value, ValueWithSpan, VisitMut, VisitorMut};
use sqlparser::tokenizer::{Token, Tokenizer};

use crate::dialect::Flavor;
use crate::guard::{Checked, Refusal};

/// SQL ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub sql: String,
    /// The parameter bound to each placeholder, in bind order (MySQL's
    /// positional `?` repeats a name used twice; the others bind each
    /// distinct name once, BigQuery by name).
    pub binds: Vec<String>,
    /// At most this many rows are returned; one more is fetched to know
    /// whether the result was cut.
    pub max_rows: usize,
}

/// Rewrites parameters and applies the row limit to a checked query.
pub fn prepare(checked: Checked, flavor: Flavor, max_rows: usize) -> Result<Prepared, Refusal> {
    let Checked {
        mut query,
        parameters,
    } = checked;
    let mut distinct: Vec<String> = Vec::new();
    for p in &parameters {
        if !distinct.contains(p) {
            distinct.push(p.clone());
        }
    }
    let binds = match flavor {
        Flavor::MySql if !parameters.is_empty() => textual_order(&query, flavor, &parameters)?,
        Flavor::MySql => Vec::new(),
        _ => distinct.clone(),
    };
    let mut rewrite = Rewrite {
        flavor,
        distinct: &distinct,
    };
    let _ = query.visit(&mut rewrite);
    let cap = max_rows as u64 + 1;
    let sql = if clamp_limit(&mut query, cap) {
        query.to_string()
    } else {
        format!("SELECT * FROM ({query}) AS sb_rows LIMIT {cap}")
    };
    Ok(Prepared {
        sql,
        binds,
        max_rows,
    })
}

/// The parameters in the order they appear in the rendered SQL (what `?`
/// binds by), checked against what the guard saw.
fn textual_order(query: &Query, flavor: Flavor, seen: &[String]) -> Result<Vec<String>, Refusal> {
    let sql = query.to_string();
    let dialect = flavor.dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), &sql)
        .tokenize()
        .map_err(|e| Refusal(format!("the query could not be prepared ({e})")))?;
    let order: Vec<String> = tokens
        .windows(2)
        .filter_map(|w| match (&w[0], &w[1]) {
            (Token::Colon, Token::Word(word)) if seen.contains(&word.value) => {
                Some(word.value.clone())
            }
            _ => None,
        })
        .collect();
    let mut sorted_order = order.clone();
    let mut sorted_seen = seen.to_vec();
    sorted_order.sort();
    sorted_seen.sort();
    if sorted_order != sorted_seen {
        return Err(Refusal(
            "the query's parameters could not be placed unambiguously".into(),
        ));
    }
    Ok(order)
}

struct Rewrite<'a> {
    flavor: Flavor,
    distinct: &'a [String],
}

impl VisitorMut for Rewrite<'_> {
    type Break = ();

    fn pre_visit_value(&mut self, value: &mut ValueWithSpan) -> ControlFlow<()> {
        if let Value::Placeholder(p) = &mut value.value {
            let name = p.trim_start_matches(':').to_owned();
            if let Some(i) = self.distinct.iter().position(|d| *d == name) {
                *p = self.flavor.placeholder(i, &name);
            }
        }
        ControlFlow::Continue(())
    }
}

fn literal(n: &Expr) -> Option<u64> {
    match n {
        Expr::Value(ValueWithSpan {
            value: Value::Number(s, _),
            ..
        }) => s.parse().ok(),
        _ => None,
    }
}

fn number(n: u64) -> Expr {
    Expr::value(Value::Number(n.to_string(), false))
}

/// Writes `LIMIT cap` into the query, or lowers a larger literal limit to
/// it. Returns false when the limit cannot be rewritten in place (an
/// expression, FETCH FIRST, LIMIT BY): the caller wraps the query instead.
fn clamp_limit(query: &mut Query, cap: u64) -> bool {
    if query.fetch.is_some() {
        return false;
    }
    match &mut query.limit_clause {
        None => {
            query.limit_clause = Some(LimitClause::LimitOffset {
                limit: Some(number(cap)),
                offset: None,
                limit_by: Vec::new(),
            });
            true
        }
        Some(LimitClause::LimitOffset {
            limit, limit_by, ..
        }) if limit_by.is_empty() => match limit.as_ref().map(literal) {
            None => {
                *limit = Some(number(cap));
                true
            }
            Some(Some(n)) => {
                if n > cap {
                    *limit = Some(number(cap));
                }
                true
            }
            Some(None) => false,
        },
        Some(LimitClause::OffsetCommaLimit { limit, .. }) => match literal(limit) {
            Some(n) => {
                if n > cap {
                    *limit = number(cap);
                }
                true
            }
            None => false,
        },
        Some(_) => false,
    }
}
