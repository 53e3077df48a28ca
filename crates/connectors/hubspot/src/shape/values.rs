//! Value conversions: HubSpot's strings to dates, labels and numbers.

use chrono::{DateTime, NaiveDate};
use serde::Serializer;

/// `2026-12-15T00:00:00Z`, `2026-12-15` or epoch millis → `2026-12-15`.
pub fn date(raw: &str) -> Option<String> {
    let day = if raw.bytes().all(|b| b.is_ascii_digit()) {
        DateTime::from_timestamp_millis(raw.parse().ok()?)?.date_naive()
    } else if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        t.date_naive()
    } else {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?
    };
    Some(day.format("%Y-%m-%d").to_string())
}

/// `COMPUTER_SOFTWARE` → `Computer Software`.
pub fn humanize(code: &str) -> String {
    code.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn deal_type_label(raw: &str) -> String {
    match raw {
        "newbusiness" => "New Business".into(),
        "existingbusiness" => "Existing Business".into(),
        other => other.to_owned(),
    }
}

/// `252000` rather than `252000.0`: fewer tokens, same number.
pub(super) fn whole_if_possible<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
        Some(n) => s.serialize_f64(*n),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shape::Deal;

    #[test]
    fn dates_and_codes() {
        assert_eq!(date("2026-12-15T00:00:00Z").as_deref(), Some("2026-12-15"));
        assert_eq!(
            date("2026-03-12T07:36:23.415Z").as_deref(),
            Some("2026-03-12")
        );
        assert_eq!(date("1797292800000").as_deref(), Some("2026-12-15"));
        assert_eq!(date("2026-12-31").as_deref(), Some("2026-12-31"));
        assert_eq!(date("soon"), None);
        assert_eq!(
            humanize("INFORMATION_TECHNOLOGY_AND_SERVICES"),
            "Information Technology And Services"
        );
        assert_eq!(deal_type_label("existingbusiness"), "Existing Business");
    }

    #[test]
    fn amounts_serialize_compactly() {
        let d = Deal {
            id: "1".into(),
            name: None,
            stage: None,
            pipeline: None,
            amount: Some(5000.0),
            close_date: None,
            owner: None,
            deal_type: None,
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"id":"1","amount":5000}"#
        );
        let d = Deal {
            amount: Some(5000.5),
            ..d
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"id":"1","amount":5000.5}"#
        );
    }
}
