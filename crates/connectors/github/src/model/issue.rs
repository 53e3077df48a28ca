//! Issues and their comments (`issues_*.json`, `search_issues.json`,
//! `issue_comments_list.json`).

use serde::Deserialize;

use super::{Label, User};

/// An issue, or a pull request seen through the issues API (then
/// `pull_request` is set).
#[derive(Debug, Clone, Deserialize)]
pub struct Issue {
    pub id: u64,
    pub number: u64,
    pub title: String,
    #[serde(default)]
    pub body: Option<String>,
    /// `open` or `closed`.
    pub state: String,
    /// `completed`, `not_planned` or `reopened` (absent on old payloads).
    #[serde(default)]
    pub state_reason: Option<String>,
    #[serde(default)]
    pub user: Option<User>,
    #[serde(default)]
    pub labels: Vec<Label>,
    #[serde(default)]
    pub assignee: Option<User>,
    #[serde(default)]
    pub assignees: Option<Vec<User>>,
    #[serde(default)]
    pub milestone: Option<Milestone>,
    #[serde(default)]
    pub comments: u64,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub closed_at: Option<String>,
    #[serde(default)]
    pub closed_by: Option<User>,
    pub html_url: String,
    /// `https://api.github.com/repos/{owner}/{repo}`: search results
    /// name their repository only here.
    pub repository_url: String,
    #[serde(default)]
    pub pull_request: Option<IssuePullRequest>,
    #[serde(default)]
    pub draft: Option<bool>,
    #[serde(default)]
    pub locked: bool,
}

impl Issue {
    pub fn is_pull_request(&self) -> bool {
        self.pull_request.is_some()
    }

    /// Every assignee, whichever of the two fields carries them.
    pub fn all_assignees(&self) -> Vec<&User> {
        match (&self.assignees, &self.assignee) {
            (Some(list), _) if !list.is_empty() => list.iter().collect(),
            (_, Some(one)) => vec![one],
            _ => Vec::new(),
        }
    }

    /// `owner/repo`, from `repository_url`.
    pub fn repo_full_name(&self) -> Option<String> {
        let mut parts = self.repository_url.trim_end_matches('/').rsplit('/');
        let repo = parts.next()?;
        let owner = parts.next()?;
        (parts.next() == Some("repos")).then(|| format!("{owner}/{repo}"))
    }
}

/// The `pull_request` key of an issue that is a pull request.
#[derive(Debug, Clone, Deserialize)]
pub struct IssuePullRequest {
    pub url: String,
    #[serde(default)]
    pub merged_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Milestone {
    pub title: String,
    #[serde(default)]
    pub due_on: Option<String>,
}

/// A comment on an issue or pull request conversation.
#[derive(Debug, Clone, Deserialize)]
pub struct Comment {
    pub id: u64,
    #[serde(default)]
    pub user: Option<User>,
    #[serde(default)]
    pub body: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub updated_at: Option<String>,
    pub html_url: String,
}
