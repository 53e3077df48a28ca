//! `GET /v1/databases/{id}`, `GET /v1/data_sources/{id}` and
//! `POST /v1/data_sources/{id}/query` (filter, sorts, paging). No public
//! recording of a non-empty query exists; rows follow Notion's published
//! page schema, the envelope `data_source_query_empty.json`.

use std::cmp::Ordering;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::Value;

use super::filter::{self, cell};
use super::paging::{self, Source};
use super::{parse_id, render, schema, Shared};
use crate::demo::docs::{DocDatabase, DocPage, PropValue};

pub(super) async fn database(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let id = match parse_id(&s, "database_id", &raw) {
        Ok(id) => id,
        Err(e) => return *e,
    };
    match s.ws.databases.iter().find(|d| d.database_id == id) {
        Some(db) => s.ok(schema::database(db)),
        None => s.not_found("database", &id),
    }
}

fn find_source<'a>(s: &'a Shared, raw: &str) -> Result<&'a DocDatabase, Box<Response>> {
    let id = parse_id(s, "data_source_id", raw)?;
    s.ws.databases
        .iter()
        .find(|d| d.data_source_id == id)
        .ok_or_else(|| Box::new(s.not_found("data_source", &id)))
}

pub(super) async fn data_source(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    match find_source(&s, &raw) {
        Ok(db) => s.ok(schema::data_source(db)),
        Err(e) => *e,
    }
}

pub(super) async fn query(
    State(s): State<Shared>,
    Path(raw): Path<String>,
    body: Bytes,
) -> Response {
    let db = match find_source(&s, &raw) {
        Ok(db) => db,
        Err(e) => return *e,
    };
    let body = match paging::json_body(&s, &body) {
        Ok(b) => b,
        Err(e) => return *e,
    };
    let size = paging::page_size(&s, body.get("page_size"), Source::Body);
    let cursor = paging::cursor(&s, body.get("start_cursor"), Source::Body);
    let (size, cursor) = match (size, cursor) {
        (Ok(size), Ok(cursor)) => (size, cursor),
        (Err(e), _) | (_, Err(e)) => return *e,
    };
    let mut rows: Vec<&DocPage> = Vec::new();
    for row in s.ws.rows(db) {
        match body.get("filter").filter(|f| !f.is_null()) {
            None => rows.push(row),
            Some(f) => match filter::matches(&s.ws, db, row, f) {
                Ok(true) => rows.push(row),
                Ok(false) => {}
                Err(message) => return s.invalid(message),
            },
        }
    }
    if let Some(sorts) = body.get("sorts").filter(|v| !v.is_null()) {
        let keys = match sort_keys(db, sorts) {
            Ok(k) => k,
            Err(message) => return s.invalid(message),
        };
        rows.sort_by(|a, b| {
            keys.iter()
                .map(|(name, desc)| {
                    let o = compare(&s, cell(db, a, name).as_ref(), cell(db, b, name).as_ref());
                    if *desc {
                        o.reverse()
                    } else {
                        o
                    }
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        });
    }
    let items = rows
        .into_iter()
        .map(|r| (r.id.clone(), render::page(&s.ws, r)))
        .collect();
    paging::list(&s, items, cursor.as_deref(), size, "page_or_data_source")
}

/// `[{property, direction}]` as (property name, descending).
fn sort_keys(db: &DocDatabase, sorts: &Value) -> Result<Vec<(String, bool)>, String> {
    let bad = || {
        format!("body failed validation: body.sorts should be an array of `{{property, direction}}`, instead was `{sorts}`.")
    };
    let list = sorts.as_array().ok_or_else(bad)?;
    list.iter()
        .map(|s| {
            let name = s.get("property").and_then(Value::as_str).ok_or_else(bad)?;
            let prop = filter::property(db, name)?;
            match s.get("direction").and_then(Value::as_str) {
                Some("ascending") => Ok((prop.name.clone(), false)),
                Some("descending") => Ok((prop.name.clone(), true)),
                _ => Err(bad()),
            }
        })
        .collect()
}

/// Empty values sort last, as in Notion.
fn compare(s: &Shared, a: Option<&PropValue>, b: Option<&PropValue>) -> Ordering {
    if let (Some(PropValue::Number(a)), Some(PropValue::Number(b))) = (a, b) {
        return a.partial_cmp(b).unwrap_or(Ordering::Equal);
    }
    let key = |v: &PropValue| match v {
        PropValue::Text(t) | PropValue::Select(t) | PropValue::Status(t) => t.to_lowercase(),
        PropValue::Date(d) => d.to_string(),
        PropValue::Number(n) => n.to_string(),
        PropValue::Checkbox(b) => b.to_string(),
        PropValue::People(ids) => ids
            .first()
            .and_then(|id| s.ws.user(id))
            .map(|u| u.name.to_lowercase())
            .unwrap_or_default(),
    };
    match (a, b) {
        (Some(a), Some(b)) => key(a).cmp(&key(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
