//! Builds one pull request from its row: head and base SHAs, reviews on
//! the commit they saw, check runs on the head commit, and the times that
//! follow from them.

use chrono::{Duration, NaiveDateTime};

use super::build::{at, labels, sha, Ids};
use super::pulls::PullRow;
use super::*;

pub(super) fn pull(
    row: &PullRow,
    seq: usize,
    opened: NaiveDateTime,
    comments: Vec<Comment>,
    ids: &mut Ids,
    known: &dyn Fn(&str) -> bool,
) -> PullRequest {
    let key = format!("{}#{}", row.repo, row.number);
    let head_sha = sha(&format!("{key}:head"));
    // The head commit: pushed this morning for open PRs, on the closing day otherwise.
    let closed = (row.state != PullState::Open).then(|| at(row.closed_days_ago, 420));
    let pushed = closed
        .map_or(at(0, 5), |c| c - Duration::hours(6))
        .max(opened);
    let reviews: Vec<Review> = row
        .reviews
        .iter()
        .filter(|r| known(r.0))
        .map(|&(reviewer, state, days, body)| {
            ids.review += 1;
            let when = at(days, 90 + (ids.review * 29) % 300).max(opened + Duration::minutes(20));
            let commit = if when >= pushed {
                head_sha.clone()
            } else {
                sha(&format!("{key}:{days}"))
            };
            Review {
                id: 3_380_000_000 + ids.review * 911,
                reviewer: reviewer.into(),
                state,
                body: body.into(),
                at: when,
                commit,
            }
        })
        .collect();
    let checks: Vec<CheckRun> = row
        .checks
        .iter()
        .enumerate()
        .map(|(k, &(name, state))| {
            ids.check += 1;
            let started = pushed + Duration::minutes(1 + k as i64);
            let completed = matches!(state, CheckState::Completed(_))
                .then(|| started + Duration::minutes(4 + 3 * k as i64));
            let summary = match state {
                CheckState::Completed("success") => format!("{name} passed"),
                CheckState::Completed("skipped") => format!("{name} was skipped"),
                CheckState::Completed(_) => format!("{name} failed"),
                CheckState::InProgress => format!("{name} is running"),
                CheckState::Queued => format!("{name} is queued"),
            };
            CheckRun {
                id: 55_120_000_000 + ids.check * 4_099,
                name: name.into(),
                state,
                started,
                completed,
                summary,
            }
        })
        .collect();
    let activity = [
        Some(pushed),
        closed,
        reviews.last().map(|r| r.at),
        comments.last().map(|c| c.at),
    ];
    let approver = reviews
        .iter()
        .find(|r| r.state == ReviewState::Approved)
        .map(|r| r.reviewer.clone());
    let (additions, deletions, changed_files, commits) = row.size;
    PullRequest {
        repo: row.repo.into(),
        number: row.number,
        id: 2_950_000_000 + seq as u64 * 6_151,
        title: row.title.into(),
        body: row.body.into(),
        author: row.author.into(),
        state: row.state,
        draft: row.draft,
        head_ref: row.head_ref.into(),
        head_sha,
        base_ref: "main".into(),
        base_sha: sha(&format!("{key}:base")),
        additions,
        deletions,
        changed_files,
        commits,
        mergeable: (row.state == PullState::Open).then_some(row.mergeable_state != "dirty"),
        mergeable_state: row.mergeable_state.into(),
        labels: labels(row.labels, row.customer),
        requested_reviewers: row
            .requested
            .iter()
            .filter(|r| known(r))
            .map(|r| r.to_string())
            .collect(),
        reviews,
        checks,
        comments,
        created: opened,
        updated: activity.into_iter().flatten().max().unwrap_or(opened),
        closed,
        merged_by: (row.state == PullState::Merged)
            .then(|| approver.unwrap_or_else(|| row.author.into())),
        customer: (!row.customer.is_empty()).then(|| row.customer.into()),
        fixes: row.fixes,
    }
}
