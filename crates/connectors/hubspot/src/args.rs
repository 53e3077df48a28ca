//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::NaiveDate;
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, limit};

/// HubSpot search cannot page past this many results.
const SEARCH_WINDOW: u64 = 10_000;

/// A HubSpot record id: digits only (it goes into a URL path).
pub fn object_id(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 20 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(field, "must be a numeric HubSpot id"));
    }
    Ok(v.to_owned())
}

/// A search cursor: the numeric offset a previous call returned, within
/// HubSpot's 10,000-result window.
pub fn search_cursor(value: Option<&str>, limit: usize) -> Result<Option<String>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let offset: u64 = v
        .parse()
        .map_err(|_| bad("cursor", "must be a `next_cursor` from a previous call"))?;
    if offset + limit as u64 > SEARCH_WINDOW {
        return Err(bad(
            "cursor",
            format!("HubSpot search stops at {SEARCH_WINDOW} results; narrow the filters"),
        ));
    }
    Ok(Some(offset.to_string()))
}

/// An opaque list cursor from a previous call.
pub fn list_cursor(value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    switchboard_core::args::opaque_cursor(value, 256, b"-_=.%")
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ConnectorError> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
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

/// A bare domain (`acme.example`), lower-cased.
pub fn domain(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim().trim_end_matches('.').to_lowercase();
    let ok = v.len() <= 253
        && v.contains('.')
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if !ok {
        return Err(bad(
            field,
            format!("`{value}` is not a domain like `acme.example`"),
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_their_field() {
        assert_eq!(limit(None, 20, 200).unwrap(), 20);
        assert!(limit(Some(0), 20, 200)
            .unwrap_err()
            .message
            .contains("`limit`"));
        assert!(limit(Some(201), 20, 200).is_err());
        assert!(object_id("deal_id", "12/../x")
            .unwrap_err()
            .message
            .contains("`deal_id`"));
        assert_eq!(
            search_cursor(Some("40"), 20).unwrap().as_deref(),
            Some("40")
        );
        assert!(search_cursor(Some("abc"), 20).is_err());
        assert!(search_cursor(Some("9990"), 20).is_err());
        assert!(list_cursor(Some("a b")).is_err());
        assert!(date("close_date_from", Some("2026-13-01"))
            .unwrap_err()
            .message
            .contains("close_date_from"));
        assert_eq!(email("owner", " Sam@X.example ").unwrap(), "sam@x.example");
        assert!(email("owner", "sam").is_err());
        assert_eq!(domain("domain", "Acme.Example").unwrap(), "acme.example");
        assert!(domain("domain", "https://acme.example/").is_err());
        assert_eq!(text("query", Some("  ")).unwrap(), None);
    }
}
