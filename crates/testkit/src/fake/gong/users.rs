//! `GET /v2/users` (cursor paging), `GET /v2/users/{id}` and
//! `GET /v2/workspaces`, in the recorded shapes.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::paging::page;
use super::{render, Shared};

/// `GET /v2/users?cursor=`: `{requestId, records, users}`.
pub(super) async fn list(State(s): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let cursor = url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "cursor")
        .map(|(_, v)| v.into_owned());
    match page(&s.library.users, cursor.as_deref(), s.page_size) {
        Ok(p) => {
            let users: Vec<Value> = p.items.iter().map(render::user).collect();
            s.ok(json!({"records": p.records, "users": users}))
        }
        Err(message) => s.bad_request(message),
    }
}

/// `GET /v2/users/{id}`: `{requestId, user}`.
pub(super) async fn get_one(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.library.users.iter().find(|u| u.id == id) {
        Some(u) => s.ok(json!({"user": render::user(u)})),
        None => s.error(
            StatusCode::NOT_FOUND,
            format!("User with ID {id} was not found"),
        ),
    }
}

/// `GET /v2/workspaces`: the demo account's one workspace.
pub(super) async fn workspaces(State(s): State<Shared>) -> Response {
    s.ok(json!({"workspaces": [{
        "id": s.library.workspace_id,
        "name": "Northwind",
        "description": "Sales and customer success calls"
    }]}))
}
