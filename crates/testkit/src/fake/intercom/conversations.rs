//! `POST /conversations/search`, `GET /conversations`, `GET
//! /conversations/{id}` and `POST /conversations/{id}/reply`.

use axum::body::Bytes;
use axum::extract::{Path, Query as UrlQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveTime;
use serde_json::{json, Value};

use super::conversation::render;
use super::paging::PageRequest;
use super::query::{self, Field};
use super::render::{admin_author, unix};
use super::{error, invalid, not_found, ok, Intercom, Shared};
use crate::demo::REFERENCE_DATE;

const FIELDS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "state",
    "open",
    "read",
    "priority",
    "contact_ids",
    "admin_assignee_id",
    "team_assignee_id",
    "teammate_ids",
    "tag_ids",
    "waiting_since",
    "snoozed_until",
    "source.author.email",
    "source.author.name",
    "source.body",
    "source.subject",
];

/// The searchable fields of a rendered conversation.
fn field(v: &Value, name: &str) -> Field {
    let ids = |list: &Value, key: &str| {
        let items = list[key].as_array().map(Vec::as_slice).unwrap_or_default();
        Field::Many(
            items
                .iter()
                .filter_map(|i| i["id"].as_str().map(str::to_owned))
                .collect(),
        )
    };
    let raw = match name {
        "contact_ids" => return ids(&v["contacts"], "contacts"),
        "teammate_ids" => return ids(&v["teammates"], "admins"),
        "tag_ids" => return ids(&v["tags"], "tags"),
        "source.author.email" => &v["source"]["author"]["email"],
        "source.author.name" => &v["source"]["author"]["name"],
        "source.body" => &v["source"]["body"],
        "source.subject" => &v["source"]["subject"],
        other => &v[other],
    };
    match raw {
        Value::String(s) => Field::Str(s.clone()),
        Value::Bool(b) => Field::Bool(*b),
        Value::Number(n) => Field::Int(n.as_i64().unwrap_or_default()),
        _ => Field::Null,
    }
}

fn page(state: &Intercom, filter: Option<&query::Query>, request: PageRequest) -> Value {
    let all: Vec<Value> = state
        .desk
        .conversations
        .iter()
        .map(|c| render(state, c, false))
        .collect();
    let matching: Vec<Value> = all
        .into_iter()
        .filter(|v| filter.is_none_or(|q| q.matches(&|name| field(v, name))))
        .collect();
    let request = PageRequest {
        per_page: state.page_size(request.per_page),
        ..request
    };
    let (range, pages) = request.slice(matching.len());
    json!({"type": "conversation.list", "pages": pages, "total_count": matching.len(),
        "conversations": matching[range].to_vec()})
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
    match PageRequest::new(p.get("per_page"), p.get("starting_after"), 20, 150) {
        Ok(request) => ok(&page(&state, Some(&filter), request)),
        Err(message) => invalid(&message),
    }
}

pub(super) async fn list(
    State(state): State<Shared>,
    UrlQuery(params): UrlQuery<std::collections::HashMap<String, String>>,
) -> Response {
    let value = |k: &str| params.get(k).map(|v| Value::String(v.clone()));
    match PageRequest::new(
        value("per_page").as_ref(),
        value("starting_after").as_ref(),
        20,
        150,
    ) {
        Ok(request) => ok(&page(&state, None, request)),
        Err(message) => invalid(&message),
    }
}

pub(super) async fn get_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match state.desk.conversations.iter().find(|c| c.id == id) {
        Some(c) => ok(&render(&state, c, true)),
        None => not_found(),
    }
}

/// An admin note or comment: recorded, then the whole conversation back.
/// Notes are stamped after everything in the demo (17:00 on the reference
/// day, a minute apart) so the desk stays free of the wall clock.
pub(super) async fn reply(
    State(state): State<Shared>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(c) = state.desk.conversations.iter().find(|c| c.id == id) else {
        return not_found();
    };
    let body: Value = serde_json::from_slice(&body).unwrap_or_default();
    let kind = body["message_type"].as_str().unwrap_or_default();
    if body["type"] != "admin" || !matches!(kind, "note" | "comment") {
        return invalid("type must be admin and message_type note or comment");
    }
    let Some(admin) = state
        .desk
        .admins
        .iter()
        .find(|a| Some(a.id.as_str()) == body["admin_id"].as_str())
    else {
        return error(StatusCode::NOT_FOUND, "admin_not_found", "Admin not found");
    };
    let text = body["body"].as_str().unwrap_or_default().trim();
    if text.is_empty() {
        return invalid("body is required");
    }
    let mut notes = state.notes.lock().unwrap_or_else(|e| e.into_inner());
    let n = notes.len() as i64;
    let at = unix(REFERENCE_DATE.and_time(NaiveTime::MIN)) + 17 * 3600 + n * 60;
    let part = json!({
        "type": "conversation_part", "id": (44_990_000_000 + n).to_string(), "part_type": kind,
        "body": text, "created_at": at, "updated_at": at, "notified_at": at, "assigned_to": null,
        "author": admin_author(&state.desk, &admin.email), "attachments": [], "external_id": null,
        "redacted": false,
    });
    notes.push((id, part));
    drop(notes);
    ok(&render(&state, c, true))
}
