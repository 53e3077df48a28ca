//! `GET /companies` (by `name` or `company_id`, or every company),
//! `GET /companies/{id}` and `GET /companies/{id}/contacts`. These lists
//! page by page number, not cursor, as Intercom's company endpoints do.

use std::collections::HashMap;

use axum::extract::{Path, Query as UrlQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::render;
use super::{error, invalid, ok, Shared};

type Params = UrlQuery<HashMap<String, String>>;

fn company_not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "company_not_found",
        "Company Not Found",
    )
}

/// `page` and `per_page` (1-based page; `default` items, at most 150);
/// errors are Intercom's `parameter_invalid` messages.
fn page_params(params: &HashMap<String, String>, default: usize) -> Result<(usize, usize), String> {
    let number = |key: &str, default: usize, max: usize| match params.get(key) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| format!("{key} must be an integer between 1 and {max}")),
    };
    Ok((
        number("page", 1, 10_000)?,
        number("per_page", default, 150)?,
    ))
}

/// One numbered page of `items` in a `{type: list, data, pages, total_count}`.
fn numbered(items: Vec<Value>, page: usize, per_page: usize) -> Value {
    let total = items.len();
    let data: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .collect();
    json!({
        "type": "list",
        "data": data,
        "total_count": total,
        "pages": {"type": "pages", "page": page, "per_page": per_page, "total_pages": total.div_ceil(per_page)},
    })
}

/// By exact `name` (case-insensitive) or `company_id`: a one-item list or
/// 404. Without either: every company, a page at a time.
pub(super) async fn find(State(state): State<Shared>, UrlQuery(params): Params) -> Response {
    let desk = &state.desk;
    let wanted = |c: &&crate::demo::support::SupportCompany| match (
        params.get("name"),
        params.get("company_id"),
    ) {
        (Some(name), _) => c.name.eq_ignore_ascii_case(name.trim()),
        (None, Some(id)) => c.company_id == *id,
        (None, None) => true,
    };
    let filtered = params.contains_key("name") || params.contains_key("company_id");
    let (page, per_page) = match page_params(&params, 15) {
        Ok(p) => p,
        Err(message) => return invalid(&message),
    };
    let found: Vec<Value> = desk
        .companies
        .iter()
        .filter(wanted)
        .map(|c| render::company(desk, c))
        .collect();
    if filtered && found.is_empty() {
        return company_not_found();
    }
    let mut body = numbered(found, page, state.page_size(per_page));
    body["pages"]["next"] = Value::Null;
    ok(&body)
}

pub(super) async fn get_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match state.desk.companies.iter().find(|c| c.id == id) {
        Some(c) => ok(&render::company(&state.desk, c)),
        None => company_not_found(),
    }
}

/// The company's contacts, full objects, 50 a page by default.
pub(super) async fn contacts(
    State(state): State<Shared>,
    Path(id): Path<String>,
    UrlQuery(params): Params,
) -> Response {
    let desk = &state.desk;
    let Some(company) = desk.companies.iter().find(|c| c.id == id) else {
        return company_not_found();
    };
    let (page, per_page) = match page_params(&params, 50) {
        Ok(p) => p,
        Err(message) => return invalid(&message),
    };
    let people: Vec<Value> = desk
        .contacts
        .iter()
        .filter(|c| c.company_domain == company.domain)
        .map(|c| render::contact(desk, c))
        .collect();
    ok(&numbered(people, page, state.page_size(per_page)))
}
