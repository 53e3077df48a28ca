//! `GET /search/issues`: GitHub's search syntax over issues and pull
//! requests: free-text words (title, body and comments), `repo:`,
//! `org:`/`user:`, `is:`/`type:`/`state:`, `label:`, `author:`,
//! `assignee:`, `mentions:`/`involves:`, `no:`, `created:`/`updated:`
//! ranges, `-` negation and quoted values. `@me` is the token's account,
//! as on GitHub. Only the first 1,000 results can be paged to.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::entries::Entry;
use super::issues::since;
use super::json_items::IssueShape;
use super::paging::{link, pairs, param, PageReq};
use super::Shared;
use crate::demo::code::ORG;

const SEARCH_DOC: &str = "search/search#search-issues-and-pull-requests";
const MAX_QUERY: usize = 256;
const WINDOW: usize = 1_000;

/// Splits on whitespace, keeping double-quoted runs together.
fn tokens(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `>2026-11-01`, `<=2026-11-20`, `2026-11-01..2026-11-20`, `2026-11-01`.
fn in_range(t: NaiveDateTime, spec: &str) -> bool {
    let day_end = |s: &str| since(s).map(|d| d + chrono::Duration::days(1));
    if let Some((a, b)) = spec.split_once("..") {
        return since(a).is_none_or(|a| t >= a) && day_end(b).is_none_or(|b| t < b);
    }
    type Cmp = fn(NaiveDateTime, &str) -> Option<bool>;
    let ops: [(&str, Cmp); 4] = [
        (">=", |t, v| since(v).map(|d| t >= d)),
        ("<=", |t, v| {
            since(v).map(|d| t < d + chrono::Duration::days(1))
        }),
        (">", |t, v| {
            since(v).map(|d| t >= d + chrono::Duration::days(1))
        }),
        ("<", |t, v| since(v).map(|d| t < d)),
    ];
    for (op, f) in ops {
        if let Some(v) = spec.strip_prefix(op) {
            return f(t, v).unwrap_or(false);
        }
    }
    since(spec)
        .zip(day_end(spec))
        .is_some_and(|(a, b)| t >= a && t < b)
}

/// Whether `e` satisfies one term; `me` is the login `@me` stands for.
fn matches(e: &Entry<'_>, key: Option<&str>, value: &str, me: &str) -> bool {
    let value = if value.eq_ignore_ascii_case("@me") {
        me
    } else {
        value
    };
    let eq = |a: &str| a.eq_ignore_ascii_case(value);
    let commenters = || {
        e.comments()
            .iter()
            .map(|c| c.author.as_str())
            .collect::<Vec<_>>()
    };
    match key {
        None => {
            let v = value.to_lowercase();
            let hay = format!("{} {}", e.title(), e.body()).to_lowercase();
            hay.contains(&v)
                || e.comments()
                    .iter()
                    .any(|c| c.body.to_lowercase().contains(&v))
        }
        Some("repo") => value
            .split_once('/')
            .is_some_and(|(o, r)| o.eq_ignore_ascii_case(ORG) && eq_repo(e, r)),
        Some("org") | Some("user") => eq(ORG),
        Some("is") | Some("type") | Some("state") => match value.to_ascii_lowercase().as_str() {
            "issue" => e.pull().is_none(),
            "pr" | "pull-request" => e.pull().is_some(),
            "open" => e.is_open(),
            "closed" => !e.is_open(),
            "merged" => e
                .pull()
                .is_some_and(|p| p.state == crate::demo::code::PullState::Merged),
            "draft" => e.pull().is_some_and(|p| p.draft),
            _ => false,
        },
        Some("label") => value
            .split(',')
            .any(|l| e.labels().iter().any(|have| have.eq_ignore_ascii_case(l))),
        Some("author") => eq(e.author()),
        Some("assignee") => e.assignees().iter().any(|a| eq(a)),
        Some("commenter") => commenters().into_iter().any(eq),
        Some("mentions") => e
            .body()
            .to_lowercase()
            .contains(&format!("@{}", value.to_lowercase())),
        Some("involves") => {
            eq(e.author())
                || e.assignees().iter().any(|a| eq(a))
                || commenters().into_iter().any(eq)
        }
        Some("no") => match value {
            "assignee" => e.assignees().is_empty(),
            "label" => e.labels().is_empty(),
            _ => false,
        },
        Some("created") => in_range(e.created(), value),
        Some("updated") => in_range(e.updated(), value),
        Some("in") => true,
        Some(_) => false,
    }
}

fn eq_repo(e: &Entry<'_>, repo: &str) -> bool {
    e.repo().eq_ignore_ascii_case(repo)
}

const QUALIFIERS: &[&str] = &[
    "repo",
    "org",
    "user",
    "is",
    "type",
    "state",
    "label",
    "author",
    "assignee",
    "commenter",
    "mentions",
    "involves",
    "no",
    "created",
    "updated",
    "in",
];

pub(super) async fn issues(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let q = pairs(raw.as_deref());
    let query = param(&q, "q").unwrap_or("").trim().to_owned();
    if query.is_empty() {
        let errors = json!([{"resource": "Search", "field": "q", "code": "missing"}]);
        return s.invalid(errors, SEARCH_DOC);
    }
    if query.chars().count() > MAX_QUERY {
        let errors = json!([{"message": "The search is longer than 256 characters.", "resource": "Search", "field": "q", "code": "invalid"}]);
        return s.invalid(errors, SEARCH_DOC);
    }
    let me = s.host.service_account.login.clone();
    let terms: Vec<(bool, Option<String>, String)> = tokens(&query)
        .into_iter()
        .map(|t| {
            let (negated, t) = match t.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest.to_owned()),
                _ => (false, t),
            };
            match t.split_once(':') {
                Some((k, v)) if QUALIFIERS.contains(&k.to_ascii_lowercase().as_str()) => {
                    (negated, Some(k.to_ascii_lowercase()), v.to_owned())
                }
                _ => (negated, None, t),
            }
        })
        .collect();
    let mut found: Vec<Entry<'_>> = s
        .entries(None)
        .into_iter()
        .filter(|e| {
            terms
                .iter()
                .all(|(neg, k, v)| matches(e, k.as_deref(), v, &me) != *neg)
        })
        .collect();
    match param(&q, "sort") {
        Some("created") => found.sort_by_key(|e| e.created()),
        Some("comments") => found.sort_by_key(|e| e.comments().len()),
        _ => found.sort_by_key(|e| e.updated()),
    }
    if param(&q, "order") != Some("asc") {
        found.reverse();
    }
    let page = PageReq::from(&q, s.options.max_per_page);
    if page.start() >= WINDOW {
        let body = json!({"message": "Only the first 1000 search results are available", "documentation_url": format!("https://docs.github.com/rest/{SEARCH_DOC}")});
        return s.json(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &body);
    }
    let reachable = found.len().min(WINDOW);
    let items: Vec<Value> = page
        .slice(&found[..reachable])
        .iter()
        .map(|e| s.issue_json(e, IssueShape::Search))
        .collect();
    let mut response =
        s.ok(&json!({"total_count": found.len(), "incomplete_results": false, "items": items}));
    link(
        &mut response,
        &format!("{}/search/issues", s.api),
        &q,
        page,
        reachable,
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_quoted_values() {
        assert_eq!(
            tokens(r#"sso  label:"customer:acme-robotics" -is:pr"#),
            ["sso", "label:customer:acme-robotics", "-is:pr"]
        );
        let t = since("2026-11-20").unwrap();
        assert!(in_range(t, ">=2026-11-20") && !in_range(t, ">2026-11-20"));
        assert!(in_range(t, "2026-11-01..2026-11-20") && in_range(t, "2026-11-20"));
        assert!(!in_range(t, "<2026-11-20") && in_range(t, "<=2026-11-20"));
    }
}
