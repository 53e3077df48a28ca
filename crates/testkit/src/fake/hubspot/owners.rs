//! `GET /crm/v3/owners` (with `email=`, `limit`, `after`),
//! `GET /crm/v3/owners/{id}` and `GET /crm/v3/pipelines/deals`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::data::stamp;
use super::objects::Params;
use super::{parse_limit, Shared};
use crate::demo::{DealStage, Owner};

fn render(owner: &Owner, seq: usize) -> Value {
    let user_id: u64 = owner.id.parse().unwrap_or_default();
    let created = chrono::NaiveDate::from_ymd_opt(2021, 3, 1).expect("a valid date");
    json!({
        "id": owner.id,
        "email": owner.email,
        "type": "PERSON",
        "firstName": owner.first_name,
        "lastName": owner.last_name,
        "userId": user_id,
        "userIdIncludingInactive": user_id,
        "createdAt": stamp(created, seq, 9),
        "updatedAt": stamp(created, seq, 15),
        "archived": false,
    })
}

pub(super) async fn list(State(state): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let params = Params::parse(query.as_deref());
    let limit = match parse_limit(params.get("limit"), 100, 500) {
        Ok(n) => state.page_size(n),
        Err(message) => return state.invalid(message),
    };
    let start: usize = match params.get("after").map(str::parse) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return state.invalid("`after` must be a cursor from paging.next.after"),
    };
    let archived = params.get("archived") == Some("true");
    let email = params.get("email");
    let matching: Vec<(usize, &Owner)> = state
        .company
        .owners
        .iter()
        .enumerate()
        .filter(|_| !archived)
        .filter(|(_, o)| email.is_none_or(|e| o.email.eq_ignore_ascii_case(e)))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(start)
        .take(limit)
        .map(|&(i, o)| render(o, i))
        .collect();
    let mut body = json!({ "results": page });
    let next = start + page.len();
    if next < matching.len() {
        let link = format!("{}crm/v3/owners?limit={limit}&after={next}", state.base_url);
        body["paging"] = json!({"next": {"after": next.to_string(), "link": link}});
    }
    state.ok(&body)
}

pub(super) async fn get_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match state
        .company
        .owners
        .iter()
        .enumerate()
        .find(|(_, o)| o.id == id)
    {
        Some((i, owner)) => state.ok(&render(owner, i)),
        None => state.not_found(),
    }
}

/// The default sales pipeline exactly as HubSpot ships it
/// (`crm_v3_pipelines_deals.json`).
pub(super) async fn pipelines(State(state): State<Shared>) -> Response {
    let epoch = "1970-01-01T00:00:00Z";
    let stages: Vec<Value> = DealStage::ALL
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            json!({
                "label": stage.label(),
                "displayOrder": i,
                "metadata": {"isClosed": stage.is_closed().to_string(), "probability": stage.probability()},
                "id": stage.id(),
                "createdAt": epoch,
                "updatedAt": epoch,
                "writePermissions": "CRM_PERMISSIONS_ENFORCEMENT",
                "archived": false,
            })
        })
        .collect();
    state.ok(&json!({"results": [{
        "label": "Sales Pipeline",
        "displayOrder": 0,
        "id": "default",
        "stages": stages,
        "createdAt": epoch,
        "updatedAt": epoch,
        "archived": false,
    }]}))
}
