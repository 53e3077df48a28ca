//! `GET /v2/calls`, `GET /v2/calls/{id}`, `POST /v2/calls/extensive` and
//! `POST /v2/calls/transcript`: the date range (`fromDateTime` inclusive,
//! `toDateTime` exclusive, on the scheduled time for web conferences and
//! the start time otherwise, as Gong documents), `callIds`,
//! `primaryUserIds` and `workspaceId` filters, cursor paging, and the 404
//! Gong sends when nothing matches.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use serde_json::{json, Value};

use super::paging::page;
use super::{render, Gong, Shared};
use crate::demo::calls::Call;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Filter {
    from_date_time: Option<String>,
    to_date_time: Option<String>,
    workspace_id: Option<String>,
    call_ids: Option<Vec<String>>,
    primary_user_ids: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    filter: Option<Filter>,
    #[serde(default)]
    content_selector: Option<ContentSelector>,
    #[serde(default)]
    cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContentSelector {
    #[serde(default)]
    exposed_fields: Option<ExposedFields>,
}

#[derive(Debug, Default, Deserialize)]
struct ExposedFields {
    #[serde(default)]
    parties: Option<bool>,
}

impl Gong {
    /// The calls `filter` selects, oldest first; `Err` is a 400 message.
    fn select(&self, filter: &Filter) -> Result<Vec<&Call>, String> {
        let bound = |name: &str, v: &Option<String>| -> Result<Option<NaiveDateTime>, String> {
            v.as_deref()
                .map(|s| {
                    DateTime::parse_from_rfc3339(s)
                        .map(|t| t.naive_utc())
                        .map_err(|_| format!("{name} must be an ISO-8601 date-time, got '{s}'"))
                })
                .transpose()
        };
        let from = bound("fromDateTime", &filter.from_date_time)?;
        let to = bound("toDateTime", &filter.to_date_time)?;
        let lib = &self.library;
        Ok(lib
            .calls
            .iter()
            .filter(|c| {
                let t = if c.direction == "Conference" {
                    c.scheduled
                } else {
                    c.started
                };
                from.is_none_or(|f| t >= f) && to.is_none_or(|to| t < to)
            })
            .filter(|c| {
                filter
                    .call_ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&c.id))
            })
            .filter(|c| {
                let host = c.attendees[0].user_id.as_ref();
                filter
                    .primary_user_ids
                    .as_ref()
                    .is_none_or(|ids| host.is_some_and(|h| ids.contains(h)))
            })
            .filter(|_| {
                filter
                    .workspace_id
                    .as_ref()
                    .is_none_or(|w| *w == lib.workspace_id)
            })
            .collect())
    }

    /// Parses a POST body; `Err` is the 400 message.
    fn body(raw: &Bytes) -> Result<(Body, Filter), String> {
        let mut body: Body =
            serde_json::from_slice(raw).map_err(|e| format!("Malformed request: {e}"))?;
        let filter = body.filter.take().ok_or("filter is required")?;
        Ok((body, filter))
    }

    /// Pages `calls` and renders each page item into `key`; 404 when none.
    fn listing(
        &self,
        calls: &[&Call],
        cursor: Option<&str>,
        key: &str,
        item: impl Fn(&Call) -> Value,
    ) -> Response {
        if calls.is_empty() {
            return self.no_calls();
        }
        match page(calls, cursor, self.page_size) {
            Ok(p) => {
                let items: Vec<Value> = p.items.iter().map(|c| item(c)).collect();
                self.ok(json!({"records": p.records, key: items}))
            }
            Err(message) => self.bad_request(message),
        }
    }
}

/// `GET /v2/calls?fromDateTime=&toDateTime=&workspaceId=&cursor=`.
pub(super) async fn list(State(s): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let params: Vec<(String, String)> =
        url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let filter = Filter {
        from_date_time: get("fromDateTime"),
        to_date_time: get("toDateTime"),
        workspace_id: get("workspaceId"),
        ..Filter::default()
    };
    match s.select(&filter) {
        Ok(calls) => s.listing(&calls, get("cursor").as_deref(), "calls", |c| {
            render::meta(&s.library, c)
        }),
        Err(message) => s.bad_request(message),
    }
}

/// `GET /v2/calls/{id}`: `{requestId, call}`.
pub(super) async fn get_one(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.library.call(&id) {
        Some(c) => s.ok(json!({"call": render::meta(&s.library, c)})),
        None => s.error(StatusCode::NOT_FOUND, format!("Call ID {id} was not found")),
    }
}

/// `POST /v2/calls/extensive`: `metaData`, plus `parties` when
/// `contentSelector.exposedFields.parties` is true.
pub(super) async fn extensive(State(s): State<Shared>, raw: Bytes) -> Response {
    let (body, filter) = match Gong::body(&raw) {
        Ok(parsed) => parsed,
        Err(message) => return s.bad_request(message),
    };
    let parties = body
        .content_selector
        .and_then(|c| c.exposed_fields)
        .and_then(|f| f.parties)
        .unwrap_or(false);
    match s.select(&filter) {
        Ok(calls) => s.listing(&calls, body.cursor.as_deref(), "calls", |c| {
            let mut item = json!({"metaData": render::meta(&s.library, c)});
            if parties {
                item["parties"] = c.attendees.iter().map(|a| render::party(c, a)).collect();
            }
            item
        }),
        Err(message) => s.bad_request(message),
    }
}

/// `POST /v2/calls/transcript`: `callTranscripts`.
pub(super) async fn transcript(State(s): State<Shared>, raw: Bytes) -> Response {
    let (body, filter) = match Gong::body(&raw) {
        Ok(parsed) => parsed,
        Err(message) => return s.bad_request(message),
    };
    match s.select(&filter) {
        Ok(calls) => s.listing(
            &calls,
            body.cursor.as_deref(),
            "callTranscripts",
            render::transcript,
        ),
        Err(message) => s.bad_request(message),
    }
}
