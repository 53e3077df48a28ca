//! `POST /crm/v3/objects/{type}/search`: filter groups, free-text `query`,
//! one sort, `properties`, and `limit`/`after` paging where `after` is a
//! numeric offset sent as a string (as the recordings show). The body
//! carries `total`; search responses carry no rate-limit headers.

use std::cmp::Ordering;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use super::data::{ObjectType, Record};
use super::filter::{key, Filter, RawFilter};
use super::objects::{object_type, render};
use super::tokens::tokens;
use super::{HubSpot, Shared};

/// HubSpot stops paging search results here.
const MAX_RESULTS: usize = 10_000;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchRequest {
    #[serde(default)]
    filter_groups: Vec<FilterGroup>,
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    sorts: Vec<Sort>,
    #[serde(default)]
    properties: Vec<String>,
    #[serde(default)]
    limit: Option<Value>,
    #[serde(default)]
    after: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct FilterGroup {
    #[serde(default)]
    filters: Vec<RawFilter>,
}

/// `"createdate"`, `"-createdate"` or `{propertyName, direction}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Sort {
    Name(String),
    #[serde(rename_all = "camelCase")]
    Spec {
        property_name: String,
        #[serde(default)]
        direction: Option<String>,
    },
}

impl Sort {
    fn resolve(&self) -> (String, bool) {
        match self {
            Sort::Name(n) => match n.strip_prefix('-') {
                Some(n) => (n.to_owned(), true),
                None => (n.clone(), false),
            },
            Sort::Spec {
                property_name,
                direction,
            } => (
                property_name.clone(),
                direction.as_deref() == Some("DESCENDING"),
            ),
        }
    }
}

pub(super) async fn search(
    State(state): State<Shared>,
    Path(raw_type): Path<String>,
    body: Bytes,
) -> Response {
    match run(&state, &raw_type, &body) {
        Ok(body) => state.ok(&body),
        Err(message) => state.invalid(message),
    }
}

/// The search; an error is HubSpot's VALIDATION_ERROR message.
fn run(state: &HubSpot, raw_type: &str, body: &[u8]) -> Result<Value, String> {
    let t = object_type(raw_type)?;
    let request: SearchRequest =
        serde_json::from_slice(body).map_err(|e| format!("Invalid input JSON: {e}"))?;
    let number = |v: &Option<Value>, what: &str, default: usize| match v {
        None | Some(Value::Null) => Ok(default),
        Some(Value::String(s)) if s.is_empty() => Ok(default),
        Some(Value::String(s)) => s
            .parse::<usize>()
            .map_err(|_| format!("`{what}` must be a number, got `{s}`")),
        Some(Value::Number(n)) => n
            .as_u64()
            .map(|n| n as usize)
            .ok_or_else(|| format!("`{what}` must be a whole number")),
        Some(_) => Err(format!("`{what}` must be a number")),
    };
    let limit = number(&request.limit, "limit", 10)?;
    let offset = number(&request.after, "after", 0)?;
    if !(1..=200).contains(&limit) {
        return Err(format!("limit must be between 1 and 200, got {limit}"));
    }
    if offset + limit > MAX_RESULTS {
        return Err(format!("search cannot page beyond {MAX_RESULTS} results"));
    }
    if request.filter_groups.len() > 5 || request.filter_groups.iter().any(|g| g.filters.len() > 6)
    {
        return Err("at most 5 filterGroups of at most 6 filters each".into());
    }
    let groups = request
        .filter_groups
        .iter()
        .map(|g| {
            g.filters
                .iter()
                .map(|f| Filter::compile(t, &state.data, f))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let words: Vec<String> = request
        .query
        .as_deref()
        .map(|q| tokens(&q.to_lowercase()).map(str::to_owned).collect())
        .unwrap_or_default();

    let mut hits: Vec<&Record> = state
        .data
        .records(t)
        .iter()
        .filter(|r| groups.is_empty() || groups.iter().any(|g| g.iter().all(|f| f.matches(r))))
        .filter(|r| words.iter().all(|w| query_matches(t, r, w)))
        .collect();
    if let Some(sort) = request.sorts.first() {
        let (property, descending) = sort.resolve();
        hits.sort_by(|a, b| compare(a, b, &property, descending));
    }

    let total = hits.len();
    let size = state.page_size(limit);
    let results: Vec<Value> = hits
        .iter()
        .skip(offset)
        .take(size)
        .map(|r| render(state, t, r, &request.properties, &[]))
        .collect();
    let mut out = json!({"total": total, "results": results});
    let next = offset + results.len();
    if next < total.min(MAX_RESULTS) && !results.is_empty() {
        out["paging"] = json!({"next": {"after": next.to_string()}});
    }
    Ok(out)
}

/// Every query word must prefix a token of a searchable property.
fn query_matches(t: ObjectType, r: &Record, word: &str) -> bool {
    t.searchable().iter().any(|p| {
        r.props
            .get(p)
            .is_some_and(|v| tokens(&v.to_lowercase()).any(|tok| tok.starts_with(word)))
    })
}

/// Typed comparison, empty values last, ties by id (stable paging).
fn compare(a: &Record, b: &Record, property: &str, descending: bool) -> Ordering {
    let value = |r: &Record| {
        r.props
            .get(property)
            .filter(|v| !v.is_empty())
            .and_then(|v| key(property, v))
    };
    let ord = match (value(a), value(b)) {
        (Some(x), Some(y)) => {
            let o = x.cmp(&y).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    ord.then_with(|| a.id.len().cmp(&b.id.len()).then_with(|| a.id.cmp(&b.id)))
}
