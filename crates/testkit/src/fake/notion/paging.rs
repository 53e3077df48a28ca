//! Notion's cursor paging: `start_cursor` is the id of the first item of
//! the page wanted (as in `blocks_children*.json`), `page_size` is 1–100,
//! and every list answers `{object: "list", results, next_cursor,
//! has_more, type, <type>: {}}`.

use axum::response::Response;
use serde_json::{json, Value};

use super::Notion;

pub(super) const MAX_PAGE_SIZE: usize = 100;

/// Where a parameter came from, for Notion's validation messages.
#[derive(Clone, Copy)]
pub(super) enum Source {
    Query,
    Body,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::Query => "query",
            Source::Body => "body",
        }
    }
}

/// `page_size` as a number (body) or numeric string (query).
pub(super) fn page_size(
    state: &Notion,
    raw: Option<&Value>,
    from: Source,
) -> Result<usize, Box<Response>> {
    let Some(raw) = raw.filter(|v| !v.is_null()) else {
        return Ok(MAX_PAGE_SIZE);
    };
    let n = match raw {
        Value::Number(n) => n.as_u64(),
        Value::String(s) if matches!(from, Source::Query) => s.parse().ok(),
        _ => None,
    };
    match n {
        Some(n) if (1..=MAX_PAGE_SIZE as u64).contains(&n) => Ok(n as usize),
        _ => Err(Box::new(state.invalid(format!(
            "{0} failed validation: {0}.page_size should be a number between 1 and {MAX_PAGE_SIZE}, instead was `{raw}`.",
            from.name()
        )))),
    }
}

/// `start_cursor` as a string, if given.
pub(super) fn cursor(
    state: &Notion,
    raw: Option<&Value>,
    from: Source,
) -> Result<Option<String>, Box<Response>> {
    match raw {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Box::new(state.invalid(format!(
            "{0} failed validation: {0}.start_cursor should be a string, instead was `{other}`.",
            from.name()
        )))),
    }
}

/// One page of `items` (each with its id) after `cursor`.
pub(super) fn list(
    state: &Notion,
    items: Vec<(String, Value)>,
    cursor: Option<&str>,
    page_size: usize,
    kind: &str,
) -> Response {
    let start = match cursor {
        None => 0,
        Some(c) => match items.iter().position(|(id, _)| id == c) {
            Some(i) => i,
            None => return state.invalid(format!("The start_cursor provided is invalid: {c}")),
        },
    };
    let end = (start + state.page_size(page_size)).min(items.len());
    let next = items.get(end).map(|(id, _)| id.clone());
    let results: Vec<Value> = items[start..end].iter().map(|(_, v)| v.clone()).collect();
    state.ok(json!({
        "object": "list",
        "results": results,
        "next_cursor": next,
        "has_more": next.is_some(),
        "type": kind,
        kind: {},
    }))
}

/// Query-string parameters as JSON strings.
pub(super) fn query_params(raw: Option<&str>) -> serde_json::Map<String, Value> {
    url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect()
}

/// A JSON object body; an empty body counts as `{}`.
pub(super) fn json_body(
    state: &Notion,
    raw: &[u8],
) -> Result<serde_json::Map<String, Value>, Box<Response>> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Map::new());
    }
    match serde_json::from_slice::<Value>(raw) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Box::new(
            state.invalid("body failed validation: body should be an object."),
        )),
        Err(_) => Err(Box::new(state.error(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_json",
            "Error parsing JSON body.",
        ))),
    }
}
