//! `/repos/{owner}/{repo}/issues`: list (filters, sort, paging), get one,
//! its comments, and create. Repository-scoped lists are also served at
//! `/repositories/{id}/...`, the form GitHub's own `Link` headers use.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{json, Value};

use super::entries::Entry;
use super::json_items::IssueShape;
use super::paging::{link, pairs, param, PageReq};
use super::{GitHub, Shared};
use crate::demo::code::{customer_label, Issue, IssueState};
use crate::demo::REFERENCE_DATE;

const LIST_DOC: &str = "issues/issues#list-repository-issues";
const GET_DOC: &str = "issues/issues#get-an-issue";
const COMMENTS_DOC: &str = "issues/comments#list-issue-comments";
const CREATE_DOC: &str = "issues/issues#create-an-issue";

/// An ISO 8601 timestamp (`2026-11-01T00:00:00Z`) or a bare date.
pub(super) fn since(raw: &str) -> Option<NaiveDateTime> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.naive_utc())
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default())
        })
}

fn invalid_value(s: &GitHub, field: &str, value: &str, doc: &str) -> Response {
    s.invalid(
        json!([{"value": value, "resource": "Issue", "field": field, "code": "invalid"}]),
        doc,
    )
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
        return invalid_value(&s, "state", state, LIST_DOC);
    }
    let labels: Vec<&str> = param(&q, "labels").map_or(Vec::new(), |l| {
        l.split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    });
    let after = match param(&q, "since") {
        None => None,
        Some(raw) => match since(raw) {
            Some(t) => Some(t),
            None => return invalid_value(&s, "since", raw, LIST_DOC),
        },
    };
    let assignee = param(&q, "assignee");
    let creator = param(&q, "creator");
    let mut entries: Vec<Entry<'_>> = s
        .entries(Some(&repo.name))
        .into_iter()
        .filter(|e| state == "all" || e.is_open() == (state == "open"))
        .filter(|e| {
            labels
                .iter()
                .all(|l| e.labels().iter().any(|have| have.eq_ignore_ascii_case(l)))
        })
        .filter(|e| after.is_none_or(|t| e.updated() >= t))
        .filter(|e| match assignee {
            None => true,
            Some("*") => !e.assignees().is_empty(),
            Some("none") => e.assignees().is_empty(),
            Some(login) => e.assignees().iter().any(|a| a.eq_ignore_ascii_case(login)),
        })
        .filter(|e| creator.is_none_or(|c| e.author().eq_ignore_ascii_case(c)))
        .collect();
    let asc = param(&q, "direction") == Some("asc");
    match param(&q, "sort").unwrap_or("created") {
        "updated" => entries.sort_by_key(|e| (e.updated(), e.number())),
        "comments" => entries.sort_by_key(|e| (e.comments().len(), e.number())),
        _ => entries.sort_by_key(|e| (e.created(), e.number())),
    }
    if !asc {
        entries.reverse();
    }
    let page = PageReq::from(&q, s.options.max_per_page);
    let body: Vec<Value> = page
        .slice(&entries)
        .iter()
        .map(|e| s.issue_json(e, IssueShape::List))
        .collect();
    let mut response = s.ok(&Value::Array(body));
    let url = format!("{}/repositories/{}/issues", s.api, repo.id);
    link(&mut response, &url, &q, page, entries.len());
    response
}

fn number(path: &HashMap<String, String>) -> Option<u64> {
    path.get("number")?.parse().ok()
}

pub(super) async fn get_one(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
) -> Response {
    let found = s
        .repo_for(&path)
        .zip(number(&path))
        .and_then(|(r, n)| s.entry(&r.name, n));
    match found {
        Some(e) => s.ok(&s.issue_json(&e, IssueShape::Get)),
        None => s.not_found(GET_DOC),
    }
}

pub(super) async fn comments(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some((repo, n)) = s.repo_for(&path).zip(number(&path)) else {
        return s.not_found(COMMENTS_DOC);
    };
    let Some(entry) = s.entry(&repo.name, n) else {
        return s.not_found(COMMENTS_DOC);
    };
    let q = pairs(raw.as_deref());
    let after = param(&q, "since").and_then(since);
    let all: Vec<_> = entry
        .comments()
        .iter()
        .filter(|c| after.is_none_or(|t| c.at >= t))
        .collect();
    let page = PageReq::from(&q, s.options.max_per_page);
    let body: Vec<Value> = page
        .slice(&all)
        .iter()
        .map(|c| s.comment_json(&repo.name, n, c))
        .collect();
    let mut response = s.ok(&Value::Array(body));
    let url = format!("{}/repositories/{}/issues/{n}/comments", s.api, repo.id);
    link(&mut response, &url, &q, page, all.len());
    response
}

/// `POST /repos/{owner}/{repo}/issues`: 201 with the new issue, authored
/// by the token's account, dated on the demo's reference day.
pub(super) async fn create(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let Some(repo) = s.repo_for(&path) else {
        return s.not_found(CREATE_DOC);
    };
    let Ok(input) = serde_json::from_slice::<Value>(&body) else {
        return s.error(StatusCode::BAD_REQUEST, "Problems parsing JSON", CREATE_DOC);
    };
    let title = match &input["title"] {
        Value::String(t) if !t.trim().is_empty() => t.clone(),
        Value::Number(n) => n.to_string(),
        _ => {
            return s.invalid(
                json!([{"resource": "Issue", "code": "missing_field", "field": "title"}]),
                CREATE_DOC,
            )
        }
    };
    let names = |key: &str| -> Vec<String> {
        input[key].as_array().map_or(Vec::new(), |a| {
            a.iter()
                .filter_map(|v| v.as_str().or_else(|| v["name"].as_str()))
                .map(str::to_owned)
                .collect()
        })
    };
    let labels = names("labels");
    if let Some(bad) = labels
        .iter()
        .find(|l| l.chars().count() > 50 || l.trim().is_empty())
    {
        return s.invalid(
            json!([{"value": bad, "resource": "Label", "field": "name", "code": "invalid"}]),
            CREATE_DOC,
        );
    }
    let assignees = names("assignees");
    if let Some(bad) = assignees.iter().find(|a| s.host.user(a).is_none()) {
        return invalid_value(&s, "assignees", bad, CREATE_DOC);
    }
    let created = s.options.created.len() as u64;
    let at = REFERENCE_DATE.and_hms_opt(12, 0, 0).unwrap_or_default()
        + chrono::Duration::minutes(created as i64);
    let customer = s.host_customer(&labels);
    let issue = Issue {
        repo: repo.name.clone(),
        number: s.next_number(&repo.name),
        id: 3_699_000_000 + created,
        title,
        body: input["body"].as_str().unwrap_or_default().to_owned(),
        author: s.host.service_account.login.clone(),
        assignees,
        labels,
        state: IssueState::Open,
        created: at,
        updated: at,
        closed: None,
        closed_by: None,
        comments: Vec::new(),
        customer,
    };
    let location = format!("{}/issues/{}", s.repo_api(&repo.name), issue.number);
    let shaped = s.issue_json(
        &Entry::Issue(std::borrow::Cow::Borrowed(&issue)),
        IssueShape::Create,
    );
    s.options.created.lock().push(issue);
    let mut response = s.json(StatusCode::CREATED, &shaped);
    if let Ok(v) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

impl GitHub {
    /// The demo customer a set of labels names, if any.
    fn host_customer(&self, labels: &[String]) -> Option<String> {
        let mut domains = self.host.issues.iter().filter_map(|i| i.customer.as_ref());
        domains
            .find(|d| labels.contains(&customer_label(d)))
            .cloned()
    }
}
