//! The issues API's view of a repository: issues and pull requests share
//! one number space and both list under `/issues` (pull requests with a
//! `pull_request` key). Created issues join the demo's own.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::GitHub;
use crate::demo::code::{Comment, Issue, IssueState, PullRequest, PullState, Repo, ORG};

/// An issue or a pull request, as the issues API sees it.
// Short-lived views over a small dataset: size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub(super) enum Entry<'a> {
    Issue(Cow<'a, Issue>),
    Pull(&'a PullRequest),
}

impl Entry<'_> {
    pub fn repo(&self) -> &str {
        match self {
            Entry::Issue(i) => &i.repo,
            Entry::Pull(p) => &p.repo,
        }
    }

    pub fn number(&self) -> u64 {
        match self {
            Entry::Issue(i) => i.number,
            Entry::Pull(p) => p.number,
        }
    }

    pub fn id(&self) -> u64 {
        match self {
            Entry::Issue(i) => i.id,
            Entry::Pull(p) => p.id,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Entry::Issue(i) => &i.title,
            Entry::Pull(p) => &p.title,
        }
    }

    pub fn body(&self) -> &str {
        match self {
            Entry::Issue(i) => &i.body,
            Entry::Pull(p) => &p.body,
        }
    }

    pub fn author(&self) -> &str {
        match self {
            Entry::Issue(i) => &i.author,
            Entry::Pull(p) => &p.author,
        }
    }

    pub fn assignees(&self) -> &[String] {
        match self {
            Entry::Issue(i) => &i.assignees,
            Entry::Pull(_) => &[],
        }
    }

    pub fn labels(&self) -> &[String] {
        match self {
            Entry::Issue(i) => &i.labels,
            Entry::Pull(p) => &p.labels,
        }
    }

    pub fn comments(&self) -> &[Comment] {
        match self {
            Entry::Issue(i) => &i.comments,
            Entry::Pull(p) => &p.comments,
        }
    }

    pub fn is_open(&self) -> bool {
        match self {
            Entry::Issue(i) => i.state.is_open(),
            Entry::Pull(p) => p.state == PullState::Open,
        }
    }

    /// `state_reason`: only issues have one.
    pub fn state_reason(&self) -> Option<&'static str> {
        match self {
            Entry::Issue(i) => match i.state {
                IssueState::Open => None,
                IssueState::Completed => Some("completed"),
                IssueState::NotPlanned => Some("not_planned"),
            },
            Entry::Pull(_) => None,
        }
    }

    pub fn created(&self) -> NaiveDateTime {
        match self {
            Entry::Issue(i) => i.created,
            Entry::Pull(p) => p.created,
        }
    }

    pub fn updated(&self) -> NaiveDateTime {
        match self {
            Entry::Issue(i) => i.updated,
            Entry::Pull(p) => p.updated,
        }
    }

    pub fn closed(&self) -> Option<NaiveDateTime> {
        match self {
            Entry::Issue(i) => i.closed,
            Entry::Pull(p) => p.closed,
        }
    }

    pub fn closed_by(&self) -> Option<&str> {
        match self {
            Entry::Issue(i) => i.closed_by.as_deref(),
            Entry::Pull(p) => p
                .closed
                .map(|_| p.merged_by.as_deref().unwrap_or(&p.author)),
        }
    }

    pub fn pull(&self) -> Option<&PullRequest> {
        match self {
            Entry::Pull(p) => Some(p),
            Entry::Issue(_) => None,
        }
    }
}

impl GitHub {
    /// The repository a route names: `{owner}/{repo}` (case-insensitive,
    /// owner `northwind` only) or `/repositories/{id}`.
    pub(super) fn repo_for(&self, params: &HashMap<String, String>) -> Option<&Repo> {
        if let Some(id) = params.get("id") {
            let id: u64 = id.parse().ok()?;
            return self.host.repos.iter().find(|r| r.id == id);
        }
        let owner = params.get("owner")?;
        if !owner.eq_ignore_ascii_case(ORG) {
            return None;
        }
        self.host.repo(params.get("repo")?)
    }

    /// Every issue and pull request of `repo` (all repositories if `None`),
    /// created issues included, newest first.
    pub(super) fn entries(&self, repo: Option<&str>) -> Vec<Entry<'_>> {
        let in_repo = |r: &str| repo.is_none_or(|want| want == r);
        let created = self.options.created.all();
        let mut out: Vec<Entry<'_>> = self
            .host
            .issues
            .iter()
            .filter(|i| in_repo(&i.repo))
            .map(|i| Entry::Issue(Cow::Borrowed(i)))
            .chain(
                created
                    .into_iter()
                    .filter(|i| in_repo(&i.repo))
                    .map(|i| Entry::Issue(Cow::Owned(i))),
            )
            .chain(
                self.host
                    .pulls
                    .iter()
                    .filter(|p| in_repo(&p.repo))
                    .map(Entry::Pull),
            )
            .collect();
        out.sort_by(|a, b| {
            b.created()
                .cmp(&a.created())
                .then(b.number().cmp(&a.number()))
        });
        out
    }

    pub(super) fn entry(&self, repo: &str, number: u64) -> Option<Entry<'_>> {
        self.entries(Some(repo))
            .into_iter()
            .find(|e| e.number() == number)
    }

    /// The number a new issue in `repo` gets.
    pub(super) fn next_number(&self, repo: &str) -> u64 {
        self.entries(Some(repo))
            .iter()
            .map(Entry::number)
            .max()
            .unwrap_or(0)
            + 1
    }
}
