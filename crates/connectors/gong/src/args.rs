//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::NaiveDate;
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, bounded};

/// A Gong call id: up to 20 digits (it is sent to Gong as given).
pub fn call_id(value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 20 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("call_id", "must be a numeric Gong call id"));
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

/// Trimmed free text; empty means absent.
pub fn text(field: &str, value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) if v.chars().count() > 200 => Err(bad(field, "must be at most 200 characters")),
        other => Ok(other.map(str::to_owned)),
    }
}

/// An email address (a syntax check only), lower-cased.
pub fn email(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    let ok = v.len() <= 254
        && !v.contains(char::is_whitespace)
        && v.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    if !ok {
        return Err(bad(field, format!("`{v}` is not an email address")));
    }
    Ok(v.to_lowercase())
}

/// Whether `value` looks like a bare domain (`acme.example`) rather than a
/// company name.
pub fn is_domain(value: &str) -> bool {
    value.contains('.')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_their_field() {
        assert_eq!(bounded("limit", None, 20, 1, 100).unwrap(), 20);
        assert!(bounded("limit", Some(0), 20, 1, 100)
            .unwrap_err()
            .message
            .contains("`limit`"));
        assert!(bounded("max_chars", Some(20_001), 4_000, 200, 20_000).is_err());
        assert_eq!(call_id(" 123 ").unwrap(), "123");
        assert!(call_id("12/../x")
            .unwrap_err()
            .message
            .contains("`call_id`"));
        assert!(call_id(&"9".repeat(21)).is_err());
        assert!(date("from", Some("2026-02-30"))
            .unwrap_err()
            .message
            .contains("`from`"));
        assert_eq!(date("from", Some(" ")).unwrap(), None);
        assert_eq!(
            email("participant", " Dana@Acme.Example ").unwrap(),
            "dana@acme.example"
        );
        assert!(email("participant", "dana").is_err());
        assert!(is_domain("acme-robotics.example") && !is_domain("Acme Robotics"));
        assert!(text("company", Some(&"x".repeat(201))).is_err());
    }
}
