//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.
//! Anything that goes into a URL path (owner, repository, number, login)
//! is held to GitHub's own character rules.

use chrono::{DateTime, NaiveDate, SecondsFormat};
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, limit};

// Issue and pull request states to list. A plain comment: schemars would
// copy a doc comment into every `tools/list`, and the `enum` already says it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum State {
    #[default]
    Open,
    Closed,
    All,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Closed => "closed",
            State::All => "all",
        }
    }
}

/// A repository named `owner/name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    pub owner: String,
    pub name: String,
}

impl Repo {
    pub fn full(&self) -> String {
        format!("{}/{}", self.owner, self.name)
    }

    /// `/repos/{owner}/{name}` plus `rest`.
    pub fn path(&self, rest: &str) -> String {
        format!("/repos/{}/{}{rest}", self.owner, self.name)
    }
}

/// GitHub logins and organization names: letters, digits and single
/// inner hyphens, at most 39 characters.
fn is_login(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 39
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

pub fn repo(field: &str, value: &str) -> Result<Repo, ConnectorError> {
    let v = value.trim().trim_end_matches(".git");
    let Some((owner, name)) = v.split_once('/') else {
        return Err(bad(field, format!("`{value}` is not `owner/name`")));
    };
    let name_ok = !name.is_empty()
        && name.len() <= 100
        && name != "."
        && name != ".."
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    if !is_login(owner) || !name_ok {
        return Err(bad(
            field,
            format!("`{value}` is not a GitHub repository like `octo-org/api`"),
        ));
    }
    Ok(Repo {
        owner: owner.to_owned(),
        name: name.to_owned(),
    })
}

/// An issue or pull request number.
pub fn number(field: &str, value: u64) -> Result<u64, ConnectorError> {
    if value == 0 || value > 100_000_000 {
        return Err(bad(
            field,
            "must be an issue or pull request number (1 or more)",
        ));
    }
    Ok(value)
}

/// A login (bots end in `[bot]`).
pub fn login(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim().trim_start_matches('@');
    if is_login(v.strip_suffix("[bot]").unwrap_or(v)) {
        Ok(v.to_owned())
    } else {
        Err(bad(field, format!("`{value}` is not a GitHub login")))
    }
}

/// Label names: no commas (GitHub's list separator), at most 50
/// characters, at most `max` of them.
pub fn labels(field: &str, values: &[String], max: usize) -> Result<Vec<String>, ConnectorError> {
    if values.len() > max {
        return Err(bad(field, format!("at most {max} labels")));
    }
    values
        .iter()
        .map(|l| {
            let l = l.trim();
            if l.is_empty() || l.contains(',') || l.chars().count() > 50 {
                Err(bad(
                    field,
                    format!("`{l}` is not a label name (1-50 characters, no commas)"),
                ))
            } else {
                Ok(l.to_owned())
            }
        })
        .collect()
}

/// `YYYY-MM-DD` or an RFC 3339 time, as GitHub's ISO 8601 `since`.
pub fn since(field: &str, value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Ok(Some(format!("{d}T00:00:00Z")));
    }
    DateTime::parse_from_rfc3339(v)
        .map(|t| Some(t.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true)))
        .map_err(|_| {
            bad(
                field,
                format!("`{v}` is not a date (YYYY-MM-DD) or an ISO 8601 time"),
            )
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_their_field() {
        assert_eq!(
            repo("repo", "northwind/platform").unwrap().path("/issues"),
            "/repos/northwind/platform/issues"
        );
        assert_eq!(
            repo("repo", "octo-org/hello.world.git").unwrap().name,
            "hello.world"
        );
        for bad_repo in [
            "platform",
            "northwind/../x",
            "north wind/x",
            "-x/y",
            "a/b/c",
            "x/",
            "x/..",
        ] {
            assert!(
                repo("repo", bad_repo)
                    .unwrap_err()
                    .message
                    .contains("`repo`"),
                "{bad_repo}"
            );
        }
        assert!(number("number", 0).is_err());
        assert_eq!(
            login("assignee", "@erik-lindqvist").unwrap(),
            "erik-lindqvist"
        );
        assert_eq!(
            login("author", "dependabot[bot]").unwrap(),
            "dependabot[bot]"
        );
        assert!(login("assignee", "erik lindqvist").is_err());
        assert!(limit(Some(0), 20, 100).is_err() && limit(Some(101), 20, 100).is_err());
        assert!(labels("labels", &["a,b".into()], 10).is_err());
        assert_eq!(
            since("since", Some("2026-11-01")).unwrap().as_deref(),
            Some("2026-11-01T00:00:00Z")
        );
        assert_eq!(
            since("since", Some("2026-11-01T10:00:00+02:00"))
                .unwrap()
                .as_deref(),
            Some("2026-11-01T08:00:00Z")
        );
        assert!(since("since", Some("last week"))
            .unwrap_err()
            .message
            .contains("`since`"));
        assert_eq!(text("query", Some("  "), 10).unwrap(), None);
    }
}
