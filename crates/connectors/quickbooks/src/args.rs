//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::NaiveDate;
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, limit};

/// The furthest start position a cursor may name (a sanity bound).
const MAX_START: u64 = 1_000_000;

/// A `next_cursor` from a previous call: the 1-based start position of
/// the next page.
pub fn cursor(value: Option<&str>) -> Result<u64, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(1);
    };
    match v.parse::<u64>() {
        Ok(n) if (1..=MAX_START).contains(&n) => Ok(n),
        _ => Err(bad(
            "cursor",
            "must be a `next_cursor` from a previous call",
        )),
    }
}

/// A QuickBooks entity id: digits only (it goes into a URL path).
pub fn entity_id(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 20 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(field, "must be a numeric QuickBooks id"));
    }
    Ok(v.to_owned())
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ConnectorError> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| bad(field, format!("`{v}` is not a YYYY-MM-DD date")))
        })
        .transpose()
}

/// `from` must not be after `to`.
pub fn range(
    from_field: &str,
    from: Option<NaiveDate>,
    to_field: &str,
    to: Option<NaiveDate>,
) -> Result<(), ConnectorError> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(bad(from_field, format!("is after `{to_field}`"))),
        _ => Ok(()),
    }
}

/// A name to match: trimmed, at most 100 characters, no control
/// characters, and no `%` (QuickBooks' wildcard, which cannot be
/// escaped). Empty means absent.
pub fn name(field: &str, value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > 100 {
        return Err(bad(field, "must be at most 100 characters"));
    }
    if v.chars().any(char::is_control) {
        return Err(bad(field, "must not contain control characters"));
    }
    if v.contains('%') {
        return Err(bad(field, "must not contain `%`"));
    }
    Ok(Some(v.to_owned()))
}

/// A customer named by QuickBooks id or by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerSel {
    Id(String),
    Name(String),
}

/// Digits are an id; anything else is a name.
pub fn customer(field: &str, value: Option<&str>) -> Result<Option<CustomerSel>, ConnectorError> {
    Ok(name(field, value)?.map(|v| {
        if v.bytes().all(|b| b.is_ascii_digit()) && v.len() <= 20 {
            CustomerSel::Id(v)
        } else {
            CustomerSel::Name(v)
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_their_field() {
        assert_eq!(limit(None, 20, 100).unwrap(), 20);
        assert!(limit(Some(0), 20, 100)
            .unwrap_err()
            .message
            .contains("`limit`"));
        assert!(limit(Some(101), 20, 100).is_err());
        assert_eq!(cursor(None).unwrap(), 1);
        assert_eq!(cursor(Some("21")).unwrap(), 21);
        for bad in ["0", "-3", "abc", "99999999999"] {
            assert!(cursor(Some(bad)).unwrap_err().message.contains("`cursor`"));
        }
        assert!(entity_id("invoice_id", "130/../x")
            .unwrap_err()
            .message
            .contains("`invoice_id`"));
        assert_eq!(entity_id("invoice_id", " 130 ").unwrap(), "130");
        assert!(date("start_date", Some("2026-02-30"))
            .unwrap_err()
            .message
            .contains("start_date"));
        let d = |s| date("x", Some(s)).unwrap();
        assert!(range("from", d("2026-12-01"), "to", d("2026-11-01")).is_err());
        assert!(range("from", d("2026-11-01"), "to", d("2026-11-01")).is_ok());
        assert_eq!(name("name", Some("  ")).unwrap(), None);
        assert!(name("name", Some("50% off")).is_err());
        assert!(name("name", Some("a\u{0}b")).is_err());
        assert_eq!(
            name("name", Some("O'Brien")).unwrap().as_deref(),
            Some("O'Brien")
        );
        assert_eq!(
            customer("customer", Some("61")).unwrap(),
            Some(CustomerSel::Id("61".into()))
        );
        assert_eq!(
            customer("customer", Some("Acme Robotics")).unwrap(),
            Some(CustomerSel::Name("Acme Robotics".into()))
        );
    }
}
