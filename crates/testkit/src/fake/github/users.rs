//! Accounts and repositories: `GET /users/{login}` and `GET /user` (the
//! published `public-user` schema, with the public email that maps a
//! login to a person), `GET /search/users` (`<text> in:email|login|name`)
//! and `GET /repos/{owner}/{repo}` (`repos_get.json`).

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::json::{ts, Era};
use super::json_repo::RepoShape;
use super::paging::{link, pairs, param, PageReq};
use super::{GitHub, Shared};
use crate::demo::code::{GitUser, UserKind};

impl GitHub {
    fn public_user_json(&self, u: &GitUser) -> Value {
        let mut v = self.user_json(u, Era::Y2026);
        let owned = self.host.repos.iter().filter(|r| !r.private).count();
        let extra = json!({
            "name": u.name,
            "company": u.company,
            "blog": "",
            "location": null,
            "email": u.email,
            "hireable": null,
            "bio": null,
            "twitter_username": null,
            "public_repos": if u.kind == UserKind::Organization { owned } else { 0 },
            "public_gists": 0,
            "followers": u.id % 37,
            "following": u.id % 11,
            "created_at": ts(u.created),
            "updated_at": ts(u.created.max(self.host.service_account.created)),
        });
        if let (Value::Object(m), Value::Object(e)) = (&mut v, extra) {
            m.extend(e);
        }
        v
    }
}

pub(super) async fn get_one(State(s): State<Shared>, Path(login): Path<String>) -> Response {
    match s.host.user(&login) {
        Some(u) => s.ok(&s.public_user_json(u)),
        None => s.not_found("users/users#get-a-user"),
    }
}

/// The token's own account.
pub(super) async fn me(State(s): State<Shared>) -> Response {
    s.ok(&s.public_user_json(&s.host.service_account))
}

pub(super) async fn repo(
    State(s): State<Shared>,
    Path(path): Path<HashMap<String, String>>,
) -> Response {
    match s.repo_for(&path) {
        Some(r) => s.ok(&s.repo_json(r, RepoShape::Get)),
        None => s.not_found("repos/repos#get-a-repository"),
    }
}

pub(super) async fn search(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let q = pairs(raw.as_deref());
    let query = param(&q, "q").unwrap_or("").trim().to_owned();
    if query.is_empty() {
        let errors = json!([{"resource": "Search", "field": "q", "code": "missing"}]);
        return s.invalid(errors, "search/search#search-users");
    }
    let mut fields: Vec<&str> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut kind = None;
    for t in query.split_whitespace() {
        match t.split_once(':') {
            Some(("in", f)) => fields.extend(f.split(',').filter_map(|f| match f {
                "email" => Some("email"),
                "login" => Some("login"),
                "name" | "fullname" => Some("name"),
                _ => None,
            })),
            Some(("type", k)) => kind = Some(k.to_ascii_lowercase()),
            _ => words.push(t.to_lowercase()),
        }
    }
    if fields.is_empty() {
        fields = vec!["login", "email", "name"];
    }
    let found: Vec<&GitUser> = s
        .host
        .users
        .iter()
        .chain([&s.host.org])
        .filter(|u| {
            kind.as_deref().is_none_or(|k| {
                u.kind.as_str().eq_ignore_ascii_case(k) || (k == "user" && u.kind == UserKind::Bot)
            })
        })
        .filter(|u| {
            let text = |f: &str| {
                match f {
                    "email" => u.email.clone().unwrap_or_default(),
                    "login" => u.login.clone(),
                    _ => u.name.clone().unwrap_or_default(),
                }
                .to_lowercase()
            };
            words
                .iter()
                .all(|w| fields.iter().any(|f| text(f).contains(w.as_str())))
        })
        .collect();
    let page = PageReq::from(&q, s.options.max_per_page);
    let items: Vec<Value> = page
        .slice(&found)
        .iter()
        .map(|u| {
            let mut v = s.user_json(u, Era::Y2026);
            if let Value::Object(m) = &mut v {
                m.insert("score".into(), json!(1.0));
            }
            v
        })
        .collect();
    let mut response =
        s.ok(&json!({"total_count": found.len(), "incomplete_results": false, "items": items}));
    link(
        &mut response,
        &format!("{}/search/users", s.api),
        &q,
        page,
        found.len(),
    );
    response
}
