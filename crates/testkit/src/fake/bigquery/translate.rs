//! GoogleSQL as the fake's SQLite runs it: the project qualifier dropped,
//! dotted backticked paths split, `DATE '…'` literals unwrapped and named
//! `@parameters` numbered.

use axum::http::StatusCode;

use super::engine::{Failure, Param};
use super::PROJECT;

/// Drops the project qualifier, splits dotted backticked paths, removes
/// `DATE` before literals, and turns `@name` into `?N`; returns the SQL
/// and, for each `?N`, the index of its parameter.
pub(super) fn translate(sql: &str, params: &[Param]) -> Result<(String, Vec<usize>), Failure> {
    let sql = sql
        .replace(&format!("`{PROJECT}`."), "")
        .replace(&format!("`{PROJECT}."), "`")
        .replace(&format!("{PROJECT}."), "")
        .replace("DATE '", "'");
    let mut out = String::with_capacity(sql.len());
    let mut order: Vec<usize> = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '`' => {
                let ident: String = chars.by_ref().take_while(|d| *d != '`').collect();
                let parts: Vec<String> = ident.split('.').map(|p| format!("`{p}`")).collect();
                out.push_str(&parts.join("."));
            }
            '@' => {
                let mut name = String::new();
                while let Some(d) = chars
                    .peek()
                    .filter(|d| d.is_ascii_alphanumeric() || **d == '_')
                {
                    name.push(*d);
                    chars.next();
                }
                let i = params
                    .iter()
                    .position(|p| p.name == name)
                    .ok_or_else(|| Failure {
                        status: StatusCode::BAD_REQUEST,
                        reason: "invalidQuery",
                        message: format!("Query parameter '{name}' not found"),
                    })?;
                let n = match order.iter().position(|o| *o == i) {
                    Some(n) => n,
                    None => {
                        order.push(i);
                        order.len() - 1
                    }
                };
                out.push_str(&format!("?{}", n + 1));
            }
            _ => out.push(c),
        }
    }
    Ok((out, order))
}
