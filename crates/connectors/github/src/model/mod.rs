//! GitHub's wire types, as recorded in `upstream-fixtures/github` (and,
//! for reviews, check runs and users, GitHub's published schema). Only
//! what the tools read is modelled; unknown fields are ignored so that
//! GitHub adding fields never breaks a call.

mod issue;
mod pull;

use serde::Deserialize;

pub use issue::{Comment, Issue, IssuePullRequest, Milestone};
pub use pull::{
    Branch, CheckRun, CheckRunList, CheckRunOutput, PullRequest, Repository, Review, Team,
};

/// The simple-user object every payload embeds (`user`, `assignees`, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub login: String,
    pub id: u64,
    /// `User`, `Bot` or `Organization`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub html_url: Option<String>,
}

impl User {
    pub fn is_bot(&self) -> bool {
        self.kind.as_deref() == Some("Bot") || self.login.ends_with("[bot]")
    }
}

/// `GET /users/{login}`: the profile, whose public email maps a login to
/// a person.
#[derive(Debug, Clone, Deserialize)]
pub struct PublicUser {
    pub login: String,
    pub id: u64,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
}

/// A label: an object in every recorded payload, but the schema also
/// allows a bare name.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Label {
    Object {
        name: String,
        #[serde(default)]
        color: Option<String>,
        #[serde(default)]
        description: Option<String>,
    },
    Name(String),
}

impl Label {
    pub fn name(&self) -> &str {
        match self {
            Label::Object { name, .. } | Label::Name(name) => name,
        }
    }
}

/// `GET /search/issues` and `/search/users`.
#[derive(Debug, Clone, Deserialize)]
pub struct SearchResponse<T> {
    pub total_count: u64,
    #[serde(default)]
    pub incomplete_results: bool,
    pub items: Vec<T>,
}

/// GitHub's error body: `{message, documentation_url?, status?, errors?}`.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorBody {
    pub message: String,
    #[serde(default)]
    pub documentation_url: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub errors: Vec<ErrorDetail>,
}

/// One entry of `errors`: an object (`resource`, `field`, `code`, and
/// sometimes `message` or `value`) or, on some endpoints, a bare string.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ErrorDetail {
    Object {
        #[serde(default)]
        resource: Option<String>,
        #[serde(default)]
        field: Option<String>,
        #[serde(default)]
        code: Option<String>,
        #[serde(default)]
        message: Option<String>,
        #[serde(default)]
        value: Option<serde_json::Value>,
    },
    Text(String),
}
