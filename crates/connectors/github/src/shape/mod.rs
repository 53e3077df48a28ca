//! The shaped outputs: the handful of fields that answer a question,
//! people as login plus name and email, labels as names, timestamps as
//! dates, no `*_url` links but the one a person would open. Never the
//! raw object (an issue is ~75 keys, a pull request ~370).

pub mod pull;
pub mod text;

use schemars::JsonSchema;
use serde::Serialize;

pub use pull::{checks, pull_summary, review, Checks, PullSummary, ReviewSummary, ReviewerState};

use crate::model::{Comment, Issue};
use crate::people::Directory;

/// A GitHub account, with the name and email of the person behind it
/// when their profile shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Person {
    pub login: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Person {
    pub fn login(login: &str) -> Person {
        Person {
            login: login.to_owned(),
            name: None,
            email: None,
        }
    }
}

/// An issue (or, in search results, a pull request), shaped.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IssueSummary {
    /// `owner/repo` (search results).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    pub number: u64,
    pub title: String,
    /// `issue` or `pull_request` (search results, and pull requests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `open`, `closed`, or `merged` (pull requests).
    pub state: String,
    /// Why it was closed: `completed` or `not_planned`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assignees: Vec<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Number of comments.
    pub comments: u64,
    /// YYYY-MM-DD.
    pub created: String,
    /// YYYY-MM-DD.
    pub updated: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<String>,
    pub url: String,
}

/// One comment, condensed: who, when, what (trimmed).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CommentSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub at: String,
    pub body: String,
}

/// Every account an issue names, for one profile lookup.
pub fn people_in(issue: &Issue) -> Vec<&crate::model::User> {
    let mut out: Vec<_> = issue.user.iter().collect();
    out.extend(issue.all_assignees());
    out.extend(issue.closed_by.iter());
    out
}

/// `in_search`: results span repositories and kinds, so each names its
/// repository and kind (elsewhere only pull requests say what they are).
pub fn issue_summary(i: &Issue, dir: &Directory, in_search: bool) -> IssueSummary {
    let merged = i
        .pull_request
        .as_ref()
        .is_some_and(|p| p.merged_at.is_some());
    let state = if merged {
        "merged".to_owned()
    } else {
        i.state.clone()
    };
    IssueSummary {
        repo: i.repo_full_name().filter(|_| in_search),
        number: i.number,
        title: i.title.clone(),
        kind: (in_search || i.is_pull_request()).then(|| {
            if i.is_pull_request() {
                "pull_request"
            } else {
                "issue"
            }
            .to_owned()
        }),
        state,
        state_reason: i
            .state_reason
            .clone()
            .filter(|r| i.state == "closed" && !r.is_empty()),
        author: dir.opt(i.user.as_ref()),
        assignees: i
            .all_assignees()
            .into_iter()
            .map(|u| dir.person(u))
            .collect(),
        labels: i.labels.iter().map(|l| l.name().to_owned()).collect(),
        comments: i.comments,
        created: text::date(&i.created_at).unwrap_or_else(|| i.created_at.clone()),
        updated: text::date(&i.updated_at).unwrap_or_else(|| i.updated_at.clone()),
        closed: text::date_opt(i.closed_at.as_deref()),
        url: i.html_url.clone(),
    }
}

/// A comment with its body cut to `max` characters.
pub fn comment(c: &Comment, dir: &Directory, max: usize) -> CommentSummary {
    CommentSummary {
        author: dir.opt(c.user.as_ref()),
        at: text::minute(&c.created_at).unwrap_or_else(|| c.created_at.clone()),
        body: text::body(c.body.as_deref(), max).unwrap_or_default(),
    }
}
