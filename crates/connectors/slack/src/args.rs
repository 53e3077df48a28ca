//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::{DateTime, NaiveDate};
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, limit};

/// A channel as the caller named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelArg {
    /// `C0123ABCD` (public), `G…` (private), `D…` (direct message).
    Id(String),
    /// Without the `#`, lower-case.
    Name(String),
}

fn is_name(name: &str) -> bool {
    (1..=80).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

/// A channel id, or a name with or without `#` (case-insensitive).
pub fn channel(field: &str, value: &str) -> Result<ChannelArg, ConnectorError> {
    let v = value.trim();
    let is_id = (9..=20).contains(&v.len())
        && v.starts_with(['C', 'G', 'D'])
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if is_id {
        return Ok(ChannelArg::Id(v.to_owned()));
    }
    let name = v.trim_start_matches('#').to_lowercase();
    if !is_name(&name) {
        return Err(bad(
            field,
            format!("`{v}` is not a channel name like #sales or an id like C0123ABCD"),
        ));
    }
    Ok(ChannelArg::Name(name))
}

/// The one form `slack_post_message` accepts: `#` and the exact lower-case
/// name. A single spelling per channel is what lets a policy such as
/// `context.args.channel == "#general"` hold: no id, case or missing `#`
/// can slip past it.
pub fn post_channel(value: &str) -> Result<String, ConnectorError> {
    match value.strip_prefix('#') {
        Some(name) if is_name(name) => Ok(name.to_owned()),
        _ => Err(bad(
            "channel",
            format!("`{value}` must be a channel name with its #, in lower case, e.g. #sales"),
        )),
    }
}

/// A message timestamp, `1773301199.998369`.
pub fn ts(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    let ok = v.split_once('.').is_some_and(|(s, m)| {
        (1..=10).contains(&s.len())
            && m.len() == 6
            && s.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    });
    if !ok {
        return Err(bad(
            field,
            format!("`{v}` is not a Slack message ts like 1773301199.998369"),
        ));
    }
    Ok(v.to_owned())
}

/// A point in time as Slack's `oldest`/`latest` ts: a `YYYY-MM-DD` date
/// (its first second, or with `end_of_day` its last) or an RFC 3339 time.
pub fn instant(
    field: &str,
    value: Option<&str>,
    end_of_day: bool,
) -> Result<Option<i64>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if let Ok(day) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        let start = day
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        return Ok(Some(if end_of_day { start + 86_399 } else { start }));
    }
    DateTime::parse_from_rfc3339(v)
        .map(|t| Some(t.timestamp()))
        .map_err(|_| {
            bad(
                field,
                format!("`{v}` is not a YYYY-MM-DD date or an RFC 3339 time"),
            )
        })
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

/// A Slack cursor handed back by a previous call (base64).
pub fn slack_cursor(value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    switchboard_core::args::opaque_cursor(value, 512, b"+/=_-")
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
        assert_eq!(
            channel("channel", "#Sales").unwrap(),
            ChannelArg::Name("sales".into())
        );
        assert_eq!(
            channel("channel", "C0AGWLS4CQ3").unwrap(),
            ChannelArg::Id("C0AGWLS4CQ3".into())
        );
        assert!(channel("channel", "sales team").is_err());
        assert_eq!(post_channel("#general").unwrap(), "general");
        for bad in ["general", "#General", "C0AGWLS4CQ3", "# general", "#"] {
            assert!(
                post_channel(bad).unwrap_err().message.contains("`channel`"),
                "{bad}"
            );
        }
        assert!(ts("thread_ts", "1773301199.998369").is_ok());
        assert!(ts("thread_ts", "1773301199").is_err());
        assert_eq!(
            instant("oldest", Some("2026-11-01"), false).unwrap(),
            Some(1_793_491_200)
        );
        assert_eq!(
            instant("latest", Some("2026-11-01"), true).unwrap(),
            Some(1_793_577_599)
        );
        assert_eq!(
            instant("oldest", Some("2026-11-01T12:00:00+01:00"), false).unwrap(),
            Some(1_793_530_800)
        );
        assert!(instant("oldest", Some("last week"), false)
            .unwrap_err()
            .message
            .contains("`oldest`"));
        assert_eq!(email("from", " Sam@X.example ").unwrap(), "sam@x.example");
        assert!(slack_cursor(Some("a b")).is_err());
        assert_eq!(text("query", Some("  "), 10).unwrap(), None);
    }
}
