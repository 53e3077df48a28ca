//! Pull requests shaped: the list form, the review state per reviewer
//! (from the reviews list and the still-requested reviewers), and the CI
//! checks summary (from the head commit's check runs).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::{text, Person};
use crate::model::{CheckRun, PullRequest, Review};
use crate::people::Directory;

/// A pull request as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PullSummary {
    pub number: u64,
    pub title: String,
    /// `open`, `closed` or `merged`.
    pub state: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    /// Target branch.
    pub base: String,
    /// Source branch.
    pub head: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Reviews asked for and not yet given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requested_reviewers: Vec<Person>,
    /// YYYY-MM-DD.
    pub created: String,
    /// YYYY-MM-DD.
    pub updated: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<String>,
    pub url: String,
}

pub fn state(p: &PullRequest) -> String {
    if p.merged_at.is_some() || p.merged == Some(true) {
        "merged".into()
    } else {
        p.state.clone()
    }
}

pub fn pull_summary(p: &PullRequest, dir: &Directory) -> PullSummary {
    let merged = text::date_opt(p.merged_at.as_deref());
    PullSummary {
        number: p.number,
        title: p.title.clone(),
        state: state(p),
        draft: p.draft.unwrap_or(false),
        author: dir.opt(p.user.as_ref()),
        base: p.base.name.clone(),
        head: p.head.name.clone(),
        labels: p.labels.iter().map(|l| l.name().to_owned()).collect(),
        requested_reviewers: p
            .requested_reviewers
            .iter()
            .map(|u| dir.person(u))
            .collect(),
        created: text::date(&p.created_at).unwrap_or_else(|| p.created_at.clone()),
        updated: text::date(&p.updated_at).unwrap_or_else(|| p.updated_at.clone()),
        closed: text::date_opt(p.closed_at.as_deref()).filter(|_| merged.is_none()),
        merged,
        url: p.html_url.clone(),
    }
}

/// One reviewer's standing.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReviewerState {
    pub reviewer: Person,
    /// `approved`, `changes_requested`, `commented`, `dismissed`, or
    /// `pending` (asked, not yet reviewed).
    pub state: String,
    /// When they last reviewed (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Their latest review's text, trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReviewSummary {
    /// `changes_requested` if anyone's latest review asks for changes,
    /// else `approved` if someone approved and nobody is still asked,
    /// else `pending`; `none` when nobody reviewed or was asked.
    pub decision: String,
    pub reviewers: Vec<ReviewerState>,
}

/// Each reviewer's latest decisive review (approve, request changes,
/// dismissed) wins over their comments; a reviewer asked again is pending.
pub fn review(
    reviews: &[Review],
    requested: &[crate::model::User],
    dir: &Directory,
) -> ReviewSummary {
    let mut by: BTreeMap<String, ReviewerState> = BTreeMap::new();
    for r in reviews.iter().filter(|r| r.state != "PENDING") {
        let Some(user) = &r.user else { continue };
        let state = r.state.to_ascii_lowercase();
        let entry = by.entry(user.login.to_lowercase());
        let decisive = state != "commented";
        let slot = entry.or_insert_with(|| ReviewerState {
            reviewer: dir.person(user),
            state: state.clone(),
            at: None,
            comment: None,
        });
        if decisive || slot.state == "commented" {
            slot.state = state;
        }
        slot.at = text::date_opt(r.submitted_at.as_deref()).or(slot.at.take());
        slot.comment = text::body(r.body.as_deref(), 200).or(slot.comment.take());
    }
    for u in requested {
        let slot = by
            .entry(u.login.to_lowercase())
            .or_insert_with(|| ReviewerState {
                reviewer: dir.person(u),
                state: "pending".into(),
                at: None,
                comment: None,
            });
        slot.state = "pending".into();
    }
    let has = |s: &str| by.values().any(|r| r.state == s);
    let decision = if has("changes_requested") {
        "changes_requested"
    } else if has("approved") && !has("pending") {
        "approved"
    } else if by.is_empty() {
        "none"
    } else {
        "pending"
    };
    ReviewSummary {
        decision: decision.into(),
        reviewers: by.into_values().collect(),
    }
}

/// The head commit's CI, counted.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Checks {
    /// `failing`, `pending`, `passing`, or `none` (no checks ran).
    pub state: String,
    pub total: u64,
    pub passed: u64,
    pub failed: u64,
    pub pending: u64,
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: u64,
    /// Names of the failed checks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failing: Vec<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Success and neutral pass; skipped is counted apart; every other
/// conclusion fails; a run not completed is pending. `total` is GitHub's
/// count, which may exceed the runs read.
pub fn checks(runs: &[CheckRun], total: u64) -> Checks {
    let mut c = Checks {
        state: String::new(),
        total: total.max(runs.len() as u64),
        passed: 0,
        failed: 0,
        pending: 0,
        skipped: 0,
        failing: Vec::new(),
    };
    for r in runs {
        match (r.status.as_str(), r.conclusion.as_deref()) {
            ("completed", Some("success" | "neutral")) => c.passed += 1,
            ("completed", Some("skipped")) => c.skipped += 1,
            ("completed", _) => {
                c.failed += 1;
                c.failing.push(r.name.clone());
            }
            _ => c.pending += 1,
        }
    }
    c.state = if c.failed > 0 {
        "failing"
    } else if c.pending > 0 {
        "pending"
    } else if runs.is_empty() {
        "none"
    } else {
        "passing"
    }
    .into();
    c
}
