//! `POST /v1/search`: pages and data sources whose title holds every word
//! of `query`, filtered by object type, newest edit first by default.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDateTime;
use serde_json::Value;

use super::paging::{self, Source};
use super::{render, schema, Shared};

pub(super) async fn search(State(s): State<Shared>, body: Bytes) -> Response {
    let body = match paging::json_body(&s, &body) {
        Ok(b) => b,
        Err(e) => return *e,
    };
    let query = match body.get("query") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(q)) => q.to_lowercase(),
        Some(other) => {
            return s.invalid(format!(
                "body failed validation: body.query should be a string, instead was `{other}`."
            ))
        }
    };
    let kind = match body.get("filter") {
        None | Some(Value::Null) => None,
        Some(f) => match (f.get("property").and_then(Value::as_str), f.get("value").and_then(Value::as_str)) {
            (Some("object"), Some(v @ ("page" | "data_source"))) => Some(v.to_owned()),
            _ => {
                return s.invalid(format!(
                    "body failed validation: body.filter.value should be `\"page\"` or `\"data_source\"`, and body.filter.property should be `\"object\"`, instead was `{f}`."
                ))
            }
        },
    };
    let ascending = match body.get("sort") {
        None | Some(Value::Null) => false,
        Some(sort) => match (
            sort.get("timestamp").and_then(Value::as_str),
            sort.get("direction").and_then(Value::as_str),
        ) {
            (Some("last_edited_time"), Some(d @ ("ascending" | "descending"))) => d == "ascending",
            _ => {
                return s.invalid(format!(
                    "body failed validation: body.sort.timestamp should be `\"last_edited_time\"` and body.sort.direction `\"ascending\"` or `\"descending\"`, instead was `{sort}`."
                ))
            }
        },
    };
    let size = paging::page_size(&s, body.get("page_size"), Source::Body);
    let cursor = paging::cursor(&s, body.get("start_cursor"), Source::Body);
    let (size, cursor) = match (size, cursor) {
        (Ok(size), Ok(cursor)) => (size, cursor),
        (Err(e), _) | (_, Err(e)) => return *e,
    };

    let words: Vec<&str> = query.split_whitespace().collect();
    let hit = |title: &str| {
        let title = title.to_lowercase();
        words.iter().all(|w| title.contains(w))
    };
    let mut found: Vec<(NaiveDateTime, String, Value)> = Vec::new();
    if kind.as_deref() != Some("data_source") {
        found.extend(
            s.ws.pages
                .iter()
                .filter(|p| hit(&p.title))
                .map(|p| (p.edited, p.id.clone(), render::page(&s.ws, p))),
        );
    }
    if kind.as_deref() != Some("page") {
        found.extend(
            s.ws.databases
                .iter()
                .filter(|d| hit(&d.title))
                .map(|d| (d.edited, d.data_source_id.clone(), schema::data_source(d))),
        );
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if ascending {
        found.reverse();
    }
    let items = found.into_iter().map(|(_, id, v)| (id, v)).collect();
    paging::list(&s, items, cursor.as_deref(), size, "page_or_data_source")
}
