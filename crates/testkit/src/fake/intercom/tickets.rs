//! `POST /tickets/search` and `GET /tickets/{id}`. No real ticket payload
//! was recorded, so tickets follow the 2.14 spec examples
//! (`tickets_get_spec.json`, `tickets_search_spec.json`): `ticket_state`
//! and `ticket_type` are objects, assignee ids strings ("0" for nobody).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::NaiveDate;
use serde_json::{json, Value};

use super::paging::PageRequest;
use super::query::{self, Field};
use super::render::{admin_author, admin_id, contact_refs, unix};
use super::{invalid, not_found, ok, Intercom, Shared};
use crate::demo::support::{Ticket, TicketState, APP_ID};

const FIELDS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "_default_title_",
    "_default_description_",
    "category",
    "ticket_type_id",
    "contact_ids",
    "teammate_ids",
    "admin_assignee_id",
    "team_assignee_id",
    "open",
    "state",
    "snoozed_until",
];

fn state_id(s: TicketState) -> String {
    (8_537 + s as u32).to_string()
}

fn ticket_state(s: TicketState) -> Value {
    json!({"type": "ticket_state", "id": state_id(s), "category": s.category(),
        "internal_label": s.label(), "external_label": s.label()})
}

/// The workspace's ticket types: (name, id, icon, description).
fn ticket_type(name: &str) -> Value {
    let (id, icon, description) = match name {
        "Bug report" => (
            "95",
            "🐞",
            "Something in the product does not work as documented.",
        ),
        "Access request" => (
            "97",
            "🔑",
            "Seats, permissions, SSO and compliance paperwork.",
        ),
        _ => ("96", "❓", "How-to and configuration questions."),
    };
    let stamp = unix(
        NaiveDate::from_ymd_opt(2023, 1, 10)
            .unwrap_or_default()
            .and_time(Default::default()),
    );
    let attribute = |n: u32, attr: &str, description: &str| {
        json!({
            "type": "ticket_type_attribute", "id": (210 + n).to_string(), "workspace_id": APP_ID,
            "name": attr, "description": description, "data_type": "string", "input_options": null,
            "order": n, "required_to_create": n == 0, "required_to_create_for_contacts": false,
            "visible_on_create": true, "visible_to_contacts": true, "default": true,
            "ticket_type_id": id.parse::<u32>().unwrap_or_default(), "archived": false,
            "created_at": stamp, "updated_at": stamp,
        })
    };
    json!({
        "type": "ticket_type", "id": id, "name": name, "description": description, "icon": icon,
        "workspace_id": APP_ID, "archived": false, "created_at": stamp, "updated_at": stamp,
        "is_internal": false,
        "ticket_type_attributes": {"type": "list", "data": [
            attribute(0, "_default_title_", "Title"),
            attribute(1, "_default_description_", "Description"),
        ]},
        "category": "Customer",
    })
}

pub(super) fn render(state: &Intercom, t: &Ticket) -> Value {
    let desk = &state.desk;
    let parts: Vec<Value> = t
        .parts
        .iter()
        .map(|p| {
            json!({
                "type": "ticket_part", "id": p.id, "part_type": "ticket_state_updated_by_admin",
                "ticket_state": p.to.category(), "previous_ticket_state": p.from.category(),
                "created_at": unix(p.at), "updated_at": unix(p.at),
                "author": admin_author(desk, &p.author_email), "attachments": [], "redacted": false,
            })
        })
        .collect();
    let n = parts.len();
    json!({
        "type": "ticket", "id": t.id, "ticket_id": t.number,
        "ticket_attributes": {"_default_title_": t.title, "_default_description_": t.description},
        "ticket_state": ticket_state(t.state),
        "ticket_type": ticket_type(&t.ticket_type),
        "contacts": contact_refs(desk, &t.contact_email),
        "admin_assignee_id": admin_id(desk, t.assignee_email.as_ref()).unwrap_or_else(|| "0".into()),
        "team_assignee_id": "0",
        "created_at": unix(t.created), "updated_at": unix(t.updated),
        "ticket_parts": {"type": "ticket_part.list", "ticket_parts": parts, "total_count": n},
        "open": t.state.is_open(),
        "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
        "category": "Customer", "is_shared": true,
    })
}

/// The searchable fields of a rendered ticket.
fn field(v: &Value, name: &str) -> Field {
    let raw = match name {
        "contact_ids" => {
            let items = v["contacts"]["contacts"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default();
            return Field::Many(
                items
                    .iter()
                    .filter_map(|c| c["id"].as_str().map(str::to_owned))
                    .collect(),
            );
        }
        "teammate_ids" => {
            return Field::Many(vec![v["admin_assignee_id"].as_str().unwrap_or("0").into()])
        }
        "_default_title_" | "_default_description_" => &v["ticket_attributes"][name],
        "state" => &v["ticket_state"]["category"],
        "ticket_type_id" => &v["ticket_type"]["id"],
        "snoozed_until" => return Field::Null,
        other => &v[other],
    };
    match raw {
        Value::String(s) => Field::Str(s.clone()),
        Value::Number(n) => Field::Int(n.as_i64().unwrap_or_default()),
        Value::Bool(b) => Field::Bool(*b),
        _ => Field::Null,
    }
}

pub(super) async fn search(State(state): State<Shared>, body: Bytes) -> Response {
    let body: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => return invalid("Request body is not valid JSON"),
    };
    let filter = match body.get("query").map(|q| query::parse(q, FIELDS)) {
        Some(Ok(q)) => q,
        Some(Err(message)) => return invalid(&message),
        None => return invalid("query is required"),
    };
    let p = &body["pagination"];
    let request = match PageRequest::new(p.get("per_page"), p.get("starting_after"), 20, 150) {
        Ok(r) => PageRequest {
            per_page: state.page_size(r.per_page),
            ..r
        },
        Err(message) => return invalid(&message),
    };
    let matching: Vec<Value> = state
        .desk
        .tickets
        .iter()
        .map(|t| render(&state, t))
        .filter(|v| filter.matches(&|name| field(v, name)))
        .collect();
    let (range, pages) = request.slice(matching.len());
    ok(
        &json!({"type": "ticket.list", "pages": pages, "total_count": matching.len(),
        "tickets": matching[range].to_vec()}),
    )
}

pub(super) async fn get_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match state.desk.tickets.iter().find(|t| t.id == id) {
        Some(t) => ok(&render(&state, t)),
        None => not_found(),
    }
}
