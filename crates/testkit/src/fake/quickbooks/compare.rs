//! How a condition matches a field: numbers numerically, booleans as
//! such, text case-insensitively, `LIKE` with `%` wildcards.

use std::cmp::Ordering;

use serde_json::Value;

use super::query::{Cond, Op};

pub(super) fn matches(field: Option<&Value>, c: &Cond) -> bool {
    let Some(field) = field else { return false };
    let value = &c.values[0];
    match c.op {
        Op::Like => field
            .as_str()
            .is_some_and(|s| like(&s.to_lowercase(), &value.to_lowercase())),
        Op::In => c
            .values
            .iter()
            .any(|v| compare(field, v) == Some(Ordering::Equal)),
        op => compare(field, value).is_some_and(|o| match op {
            Op::Eq => o == Ordering::Equal,
            Op::Lt => o == Ordering::Less,
            Op::Gt => o == Ordering::Greater,
            Op::Le => o != Ordering::Greater,
            _ => o != Ordering::Less,
        }),
    }
}

/// A field against a literal: numbers numerically, booleans as such,
/// text case-insensitively (dates are ISO text and compare as such).
fn compare(field: &Value, literal: &str) -> Option<Ordering> {
    match field {
        Value::Number(n) => n
            .as_f64()?
            .partial_cmp(&literal.trim().parse::<f64>().ok()?),
        Value::Bool(b) => Some(b.cmp(&literal.trim().eq_ignore_ascii_case("true"))),
        Value::String(s) => Some(s.to_lowercase().cmp(&literal.to_lowercase())),
        _ => None,
    }
}

pub(super) fn cmp_values(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (Some(Value::String(x)), Some(Value::String(y))) => {
            match (x.parse::<u64>(), y.parse::<u64>()) {
                (Ok(x), Ok(y)) => x.cmp(&y),
                _ => x.to_lowercase().cmp(&y.to_lowercase()),
            }
        }
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}

/// `%` matches any run of characters; everything else is literal.
fn like(text: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('%').collect();
    if parts.len() == 1 {
        return text == pattern;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if text.len() < first.len() + last.len() || !text.starts_with(first) || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}
