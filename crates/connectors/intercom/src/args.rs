//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::{NaiveDate, NaiveTime};
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, limit};

/// A numeric Intercom id (conversations, tickets): it goes into a path.
pub fn numeric_id(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 24 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(field, "must be a numeric Intercom id"));
    }
    Ok(v.to_owned())
}

/// An Intercom object id (contacts, companies: 24 hex characters, but
/// only the form that is safe in a path is enforced).
pub fn object_id(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 64 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(bad(field, "must be an Intercom id (letters and digits)"));
    }
    Ok(v.to_owned())
}

/// An opaque `next_cursor` a previous call returned.
pub fn cursor(value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    switchboard_core::args::opaque_cursor(value, 512, b"+/=_-.")
}

/// Trimmed free text of at most `max` characters; empty means absent.
pub fn text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, ConnectorError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) if v.chars().count() > max => {
            Err(bad(field, format!("must be at most {max} characters")))
        }
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

/// A company as the caller names it: a domain (`acme.example`) or a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompanyKey {
    Domain(String),
    Name(String),
}

pub fn company(field: &str, value: Option<&str>) -> Result<Option<CompanyKey>, ConnectorError> {
    let Some(v) = text(field, value, 200)? else {
        return Ok(None);
    };
    let lower = v.trim_end_matches('.').to_lowercase();
    let domain_like = lower.contains('.')
        && lower
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if lower.contains("://") || lower.contains('/') {
        return Err(bad(
            field,
            format!("`{v}` should be a bare domain like `acme.example` or a name"),
        ));
    }
    Ok(Some(if domain_like {
        CompanyKey::Domain(lower)
    } else {
        CompanyKey::Name(v)
    }))
}

/// `YYYY-MM-DD` as the first (or, with `end`, the last) second of that
/// day in UTC, in unix seconds.
pub fn day(field: &str, value: Option<&str>, end: bool) -> Result<Option<i64>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map_err(|_| bad(field, format!("`{v}` is not a YYYY-MM-DD date")))?;
    let time = if end {
        NaiveTime::from_hms_opt(23, 59, 59)
    } else {
        Some(NaiveTime::MIN)
    };
    Ok(time.map(|t| date.and_time(t).and_utc().timestamp()))
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
        assert!(numeric_id("conversation_id", "12/../x")
            .unwrap_err()
            .message
            .contains("conversation_id"));
        assert_eq!(numeric_id("ticket_id", " 631 ").unwrap(), "631");
        assert!(object_id("contact_id", "abc?x=1").is_err());
        assert!(cursor(Some("a b")).is_err());
        assert_eq!(cursor(Some("WzE1XQ")).unwrap().as_deref(), Some("WzE1XQ"));
        assert_eq!(
            email("email", " Dana@X.example ").unwrap(),
            "dana@x.example"
        );
        assert_eq!(
            company("company", Some("Acme-Robotics.Example")).unwrap(),
            Some(CompanyKey::Domain("acme-robotics.example".into()))
        );
        assert_eq!(
            company("company", Some("Acme Robotics")).unwrap(),
            Some(CompanyKey::Name("Acme Robotics".into()))
        );
        assert!(company("company", Some("https://acme.example/")).is_err());
        assert_eq!(
            day("created_from", Some("2026-11-01"), false).unwrap(),
            Some(1_793_491_200)
        );
        assert_eq!(
            day("created_to", Some("2026-11-01"), true).unwrap(),
            Some(1_793_577_599)
        );
        assert!(day("created_from", Some("2026-02-30"), false)
            .unwrap_err()
            .message
            .contains("created_from"));
    }
}
