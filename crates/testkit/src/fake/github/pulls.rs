//! `/repos/{owner}/{repo}/pulls`: list, get one, its reviews, and the
//! check runs of a commit (`/commits/{ref}/check-runs`, by SHA or branch).

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::paging::{link, pairs, param, PageReq};
use super::Shared;
use crate::demo::code::{CheckState, PullRequest, PullState};

const LIST_DOC: &str = "pulls/pulls#list-pull-requests";
const GET_DOC: &str = "pulls/pulls#get-a-pull-request";
const REVIEWS_DOC: &str = "pulls/reviews#list-reviews-for-a-pull-request";
const CHECKS_DOC: &str = "checks/runs#list-check-runs-for-a-git-reference";

fn number(path: &HashMap<String, String>) -> Option<u64> {
    path.get("number")?.parse().ok()
}

pub(super) async fn list(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(repo) = s.repo_for(&path) else {
        return s.not_found(LIST_DOC);
    };
    let q = pairs(raw.as_deref());
    let state = param(&q, "state").unwrap_or("open");
    if !matches!(state, "open" | "closed" | "all") {
        let errors = json!([{"value": state, "resource": "PullRequest", "field": "state", "code": "invalid"}]);
        return s.invalid(errors, LIST_DOC);
    }
    // `head` is `owner:branch`; `base` a branch name.
    let head = param(&q, "head").map(|h| h.split_once(':').map_or(h, |(_, b)| b));
    let base = param(&q, "base");
    let mut pulls: Vec<&PullRequest> = s
        .host
        .pulls
        .iter()
        .filter(|p| p.repo == repo.name)
        .filter(|p| state == "all" || (p.state == PullState::Open) == (state == "open"))
        .filter(|p| head.is_none_or(|h| p.head_ref == h))
        .filter(|p| base.is_none_or(|b| p.base_ref == b))
        .collect();
    match param(&q, "sort").unwrap_or("created") {
        "updated" => pulls.sort_by_key(|p| (p.updated, p.number)),
        _ => pulls.sort_by_key(|p| (p.created, p.number)),
    }
    if param(&q, "direction") != Some("asc") {
        pulls.reverse();
    }
    let page = PageReq::from(&q, s.options.max_per_page);
    let body: Vec<Value> = page
        .slice(&pulls)
        .iter()
        .map(|p| s.pull_json(p, false))
        .collect();
    let mut response = s.ok(&Value::Array(body));
    let url = format!("{}/repositories/{}/pulls", s.api, repo.id);
    link(&mut response, &url, &q, page, pulls.len());
    response
}

fn find<'a>(s: &'a Shared, path: &HashMap<String, String>) -> Option<&'a PullRequest> {
    let repo = s.repo_for(path)?;
    s.host.pull(&repo.name, number(path)?)
}

pub(super) async fn get_one(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
) -> Response {
    match find(&s, &path) {
        Some(p) => s.ok(&s.pull_json(p, true)),
        None => s.not_found(GET_DOC),
    }
}

pub(super) async fn reviews(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(p) = find(&s, &path) else {
        return s.not_found(REVIEWS_DOC);
    };
    let q = pairs(raw.as_deref());
    let page = PageReq::from(&q, s.options.max_per_page);
    let body: Vec<Value> = page
        .slice(&p.reviews)
        .iter()
        .map(|r| s.review_json(p, r))
        .collect();
    let mut response = s.ok(&Value::Array(body));
    let repo_id = s.host.repo(&p.repo).map_or(0, |r| r.id);
    let url = format!(
        "{}/repositories/{repo_id}/pulls/{}/reviews",
        s.api, p.number
    );
    link(&mut response, &url, &q, page, p.reviews.len());
    response
}

/// `{total_count, check_runs}` for a commit SHA or a branch name
/// (`heads/<branch>` or the bare name); `status` and `check_name` filter.
pub(super) async fn check_runs(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(repo) = s.repo_for(&path) else {
        return s.not_found(CHECKS_DOC);
    };
    let wanted = path.get("sha").map(String::as_str).unwrap_or_default();
    let branch = wanted.strip_prefix("heads/").unwrap_or(wanted);
    let pull = s
        .host
        .pulls
        .iter()
        .find(|p| p.repo == repo.name && (p.head_sha == wanted || p.head_ref == branch));
    let q = pairs(raw.as_deref());
    let status = param(&q, "status");
    let name = param(&q, "check_name");
    let runs: Vec<_> = pull
        .map(|p| p.checks.iter().map(move |c| (p, c)).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, c)| {
            let st = match c.state {
                CheckState::Queued => "queued",
                CheckState::InProgress => "in_progress",
                CheckState::Completed(_) => "completed",
            };
            status.is_none_or(|w| w == st)
        })
        .filter(|(_, c)| name.is_none_or(|n| n == c.name))
        .collect();
    if pull.is_none() && !wanted.bytes().all(|b| b.is_ascii_hexdigit()) {
        // An unknown branch is a missing ref; an unknown SHA has no runs.
        let body = json!({"message": "No commit found for SHA: ".to_owned() + wanted, "documentation_url": format!("https://docs.github.com/rest/{CHECKS_DOC}"), "status": "422"});
        return s.json(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &body);
    }
    let page = PageReq::from(&q, s.options.max_per_page);
    let items: Vec<Value> = page
        .slice(&runs)
        .iter()
        .map(|(p, c)| s.check_run_json(p, c))
        .collect();
    let mut response = s.ok(&json!({"total_count": runs.len(), "check_runs": items}));
    let url = format!(
        "{}/repositories/{}/commits/{wanted}/check-runs",
        s.api, repo.id
    );
    link(&mut response, &url, &q, page, runs.len());
    response
}
