//! `GET /v1/users`, `/v1/users/me`, `/v1/users/{id}` and
//! `GET /v1/comments?block_id=` (a page's or a block's comments, paged).

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::paging::{self, Source};
use super::{parse_id, render, Shared};

pub(super) async fn list(State(s): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let params = paging::query_params(query.as_deref());
    let size = paging::page_size(&s, params.get("page_size"), Source::Query);
    let cursor = paging::cursor(&s, params.get("start_cursor"), Source::Query);
    let (size, cursor) = match (size, cursor) {
        (Ok(size), Ok(cursor)) => (size, cursor),
        (Err(e), _) | (_, Err(e)) => return *e,
    };
    let items =
        s.ws.users
            .iter()
            .chain(std::iter::once(&s.ws.bot))
            .map(|u| (u.id.clone(), render::user(&s.ws, u)))
            .collect();
    paging::list(&s, items, cursor.as_deref(), size, "user")
}

pub(super) async fn me(State(s): State<Shared>) -> Response {
    s.ok(render::user(&s.ws, &s.ws.bot))
}

pub(super) async fn get_one(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let id = match parse_id(&s, "user_id", &raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    match s.ws.user(&id) {
        Some(u) => s.ok(render::user(&s.ws, u)),
        None => s.not_found("user", &id),
    }
}

pub(super) async fn comments(State(s): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let params = paging::query_params(query.as_deref());
    let Some(raw) = params.get("block_id").and_then(|v| v.as_str()) else {
        return s.invalid(
            "query failed validation: query.block_id should be defined, instead was `undefined`.",
        );
    };
    let id = match parse_id(&s, "block_id", raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    let size = paging::page_size(&s, params.get("page_size"), Source::Query);
    let cursor = paging::cursor(&s, params.get("start_cursor"), Source::Query);
    let (size, cursor) = match (size, cursor) {
        (Ok(size), Ok(cursor)) => (size, cursor),
        (Err(e), _) | (_, Err(e)) => return *e,
    };
    let known = s.ws.page(&id).is_some()
        || s.ws
            .pages
            .iter()
            .any(|p| p.blocks.iter().flat_map(|b| b.walk()).any(|b| b.id == id));
    if !known {
        return s.not_found("block", &id);
    }
    let items =
        s.ws.comments_on(&id)
            .map(|c| (c.id.clone(), render::comment(&s.ws, c)))
            .collect();
    paging::list(&s, items, cursor.as_deref(), size, "comment")
}
