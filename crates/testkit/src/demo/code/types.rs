//! The plain types of the code host: accounts, repositories, issues,
//! pull requests with their reviews and check runs.

use chrono::NaiveDateTime;

use super::ORG;

/// Everything the fake GitHub serves.
#[derive(Debug, Clone)]
pub struct CodeHost {
    /// The organization account (`northwind`).
    pub org: GitUser,
    /// Staff, bots and outside contributors, by login.
    pub users: Vec<GitUser>,
    /// The account the gateway's token belongs to; issues it files are
    /// authored by it.
    pub service_account: GitUser,
    pub repos: Vec<Repo>,
    /// Issues that are not pull requests, by repository then number.
    pub issues: Vec<Issue>,
    pub pulls: Vec<PullRequest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserKind {
    User,
    Bot,
    Organization,
}

impl UserKind {
    /// GitHub's `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::User => "User",
            UserKind::Bot => "Bot",
            UserKind::Organization => "Organization",
        }
    }
}

/// A GitHub account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitUser {
    pub login: String,
    pub id: u64,
    pub kind: UserKind,
    /// Profile name ("Erik Lindqvist").
    pub name: Option<String>,
    /// Public profile email: the staff or customer email it maps to.
    pub email: Option<String>,
    pub company: Option<String>,
    pub created: NaiveDateTime,
}

/// A label defined in a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub id: u64,
    pub name: String,
    /// Six hex digits, no `#`.
    pub color: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    pub id: u64,
    /// Without the owner ("platform").
    pub name: String,
    pub description: String,
    pub language: String,
    pub private: bool,
    pub topics: Vec<String>,
    pub default_branch: String,
    pub created: NaiveDateTime,
    pub pushed: NaiveDateTime,
    pub labels: Vec<Label>,
}

impl Repo {
    pub fn full_name(&self) -> String {
        format!("{ORG}/{}", self.name)
    }
}

/// A comment on an issue or pull request (the issue-comments API).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: u64,
    pub author: String,
    pub body: String,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueState {
    Open,
    /// Closed as fixed or done (`state_reason: completed`).
    Completed,
    /// Closed without a fix (`state_reason: not_planned`).
    NotPlanned,
}

impl IssueState {
    pub fn is_open(self) -> bool {
        self == IssueState::Open
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Repository name without the owner.
    pub repo: String,
    pub number: u64,
    pub id: u64,
    pub title: String,
    pub body: String,
    pub author: String,
    pub assignees: Vec<String>,
    pub labels: Vec<String>,
    pub state: IssueState,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub closed: Option<NaiveDateTime>,
    pub closed_by: Option<String>,
    /// Oldest first.
    pub comments: Vec<Comment>,
    /// The customer's domain, when the issue is about one.
    pub customer: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullState {
    Open,
    Closed,
    Merged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    Approved,
    ChangesRequested,
    Commented,
    Dismissed,
}

impl ReviewState {
    /// GitHub's `state` value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Approved => "APPROVED",
            ReviewState::ChangesRequested => "CHANGES_REQUESTED",
            ReviewState::Commented => "COMMENTED",
            ReviewState::Dismissed => "DISMISSED",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: u64,
    pub reviewer: String,
    pub state: ReviewState,
    pub body: String,
    pub at: NaiveDateTime,
    /// The head commit the review was made on.
    pub commit: String,
}

/// Where a check run is: GitHub's `status`, and `conclusion` once done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    Queued,
    InProgress,
    /// `conclusion`: success, failure, neutral, skipped, cancelled, ...
    Completed(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRun {
    pub id: u64,
    pub name: String,
    pub state: CheckState,
    pub started: NaiveDateTime,
    pub completed: Option<NaiveDateTime>,
    /// One line for `output.title`.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRequest {
    pub repo: String,
    /// Shares the repository's number space with issues.
    pub number: u64,
    pub id: u64,
    pub title: String,
    pub body: String,
    pub author: String,
    pub state: PullState,
    pub draft: bool,
    pub head_ref: String,
    pub head_sha: String,
    pub base_ref: String,
    pub base_sha: String,
    pub additions: u64,
    pub deletions: u64,
    pub changed_files: u64,
    pub commits: u64,
    /// `None` while GitHub computes it (closed PRs).
    pub mergeable: Option<bool>,
    /// clean, blocked, unstable, dirty, draft, unknown.
    pub mergeable_state: String,
    pub labels: Vec<String>,
    pub requested_reviewers: Vec<String>,
    /// Chronological.
    pub reviews: Vec<Review>,
    pub checks: Vec<CheckRun>,
    pub comments: Vec<Comment>,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub closed: Option<NaiveDateTime>,
    pub merged_by: Option<String>,
    pub customer: Option<String>,
    /// The issue it fixes, in the same repository.
    pub fixes: Option<u64>,
}
