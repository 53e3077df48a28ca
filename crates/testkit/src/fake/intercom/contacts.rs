//! `POST /contacts/search`, `GET /contacts` and `GET /contacts/{id}`, in
//! the recorded shapes (`contacts_search.json`, `contacts_list.json`,
//! `contacts_get.json`).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query as UrlQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::paging::PageRequest;
use super::query::{self, Field};
use super::render;
use super::{error, invalid, ok, Intercom, Shared};

const FIELDS: &[&str] = &[
    "id",
    "role",
    "name",
    "email",
    "email_domain",
    "phone",
    "external_id",
    "owner_id",
    "created_at",
    "updated_at",
    "signed_up_at",
    "last_seen_at",
    "last_replied_at",
    "last_contacted_at",
    "location.city",
    "location.country",
    "custom_attributes.job_title",
];

/// The searchable fields of a rendered contact.
fn field(v: &Value, name: &str) -> Field {
    let raw = match name {
        "email_domain" => {
            let domain = v["email"].as_str().and_then(|e| e.rsplit_once('@'));
            return Field::opt(domain.map(|(_, d)| d));
        }
        "location.city" => &v["location"]["city"],
        "location.country" => &v["location"]["country"],
        "custom_attributes.job_title" => &v["custom_attributes"]["job_title"],
        other => &v[other],
    };
    match raw {
        Value::String(s) => Field::Str(s.clone()),
        Value::Number(n) => Field::Int(n.as_i64().unwrap_or_default()),
        Value::Bool(b) => Field::Bool(*b),
        _ => Field::Null,
    }
}

/// A `{type: list, data, total_count, pages}` page of the matches.
fn page(state: &Intercom, filter: Option<&query::Query>, request: PageRequest) -> Value {
    let matching: Vec<Value> = state
        .desk
        .contacts
        .iter()
        .map(|c| render::contact(&state.desk, c))
        .filter(|v| filter.is_none_or(|q| q.matches(&|name| field(v, name))))
        .collect();
    let request = PageRequest {
        per_page: state.page_size(request.per_page),
        ..request
    };
    let (range, pages) = request.slice(matching.len());
    json!({"type": "list", "data": matching[range].to_vec(), "total_count": matching.len(), "pages": pages})
}

pub(super) async fn search(State(state): State<Shared>, body: Bytes) -> Response {
    let body: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => return invalid("Request body is not valid JSON"),
    };
    let filter = match body.get("query").map(|q| query::parse(q, FIELDS)) {
        Some(Ok(q)) => q,
        Some(Err(message)) => return invalid(&message),
        None => return invalid("query is required"),
    };
    let p = &body["pagination"];
    match PageRequest::new(p.get("per_page"), p.get("starting_after"), 50, 150) {
        Ok(request) => ok(&page(&state, Some(&filter), request)),
        Err(message) => invalid(&message),
    }
}

pub(super) async fn list(
    State(state): State<Shared>,
    UrlQuery(params): UrlQuery<HashMap<String, String>>,
) -> Response {
    let value = |k: &str| params.get(k).map(|v| Value::String(v.clone()));
    let (per_page, after) = (value("per_page"), value("starting_after"));
    match PageRequest::new(per_page.as_ref(), after.as_ref(), 50, 150) {
        Ok(request) => ok(&page(&state, None, request)),
        Err(message) => invalid(&message),
    }
}

pub(super) async fn get_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match state.desk.contacts.iter().find(|c| c.id == id) {
        Some(c) => ok(&render::contact(&state.desk, c)),
        None => error(StatusCode::NOT_FOUND, "not_found", "User Not Found"),
    }
}
