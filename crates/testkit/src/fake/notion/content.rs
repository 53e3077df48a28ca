//! `GET /v1/pages/{id}`, `GET /v1/blocks/{id}` and
//! `GET /v1/blocks/{id}/children` (a page's or a block's direct children,
//! paged).

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::paging::{self, Source};
use super::{parse_id, render, Shared};
use crate::demo::docs::{Block, DocPage, NotionWorkspace};

pub(super) async fn page(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let id = match parse_id(&s, "page_id", &raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    match s.ws.page(&id) {
        Some(p) => s.ok(render::page(&s.ws, p)),
        None => s.not_found("page", &id),
    }
}

pub(super) async fn block(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let id = match parse_id(&s, "block_id", &raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    match find(&s.ws, &id) {
        Some((page, parent, b)) => s.ok(render::block(&s.ws, page, parent, b)),
        None => s.not_found("block", &id),
    }
}

pub(super) async fn children(
    State(s): State<Shared>,
    Path(raw): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let id = match parse_id(&s, "block_id", &raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    let params = paging::query_params(query.as_deref());
    let size = paging::page_size(&s, params.get("page_size"), Source::Query);
    let cursor = paging::cursor(&s, params.get("start_cursor"), Source::Query);
    let (size, cursor) = match (size, cursor) {
        (Ok(size), Ok(cursor)) => (size, cursor),
        (Err(e), _) | (_, Err(e)) => return *e,
    };
    let (page, parent, blocks) = if let Some(p) = s.ws.page(&id) {
        (p, None, p.blocks.as_slice())
    } else if let Some((p, _, b)) = find(&s.ws, &id) {
        (p, Some(b.id.as_str()), b.children.as_slice())
    } else {
        return s.not_found("block", &id);
    };
    let items = blocks
        .iter()
        .map(|b| (b.id.clone(), render::block(&s.ws, page, parent, b)))
        .collect();
    paging::list(&s, items, cursor.as_deref(), size, "block")
}

/// The block with `id`, its page and its parent block's id.
fn find<'a>(
    ws: &'a NotionWorkspace,
    id: &str,
) -> Option<(&'a DocPage, Option<&'a str>, &'a Block)> {
    fn within<'a>(
        blocks: &'a [Block],
        parent: Option<&'a str>,
        id: &str,
    ) -> Option<(Option<&'a str>, &'a Block)> {
        blocks.iter().find_map(|b| {
            if b.id == id {
                Some((parent, b))
            } else {
                within(&b.children, Some(b.id.as_str()), id)
            }
        })
    }
    ws.pages
        .iter()
        .find_map(|p| within(&p.blocks, None, id).map(|(parent, b)| (p, parent, b)))
}
