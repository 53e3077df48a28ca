//! A demo conversation as Intercom 2.11 JSON, as the recordings show it
//! (`conversations_get.json`, `conversations_list.json`): the list item,
//! and with `full` the parts as well, notes posted through the API included.

use serde_json::{json, Value};

use super::render::{admin_author, admin_id, contact_author, contact_refs, html, unix};
use super::Intercom;
use crate::demo::support::{Author, Conversation, ConversationState};

fn tag_id(name: &str) -> String {
    (14_928_000 + name.bytes().map(u64::from).sum::<u64>()).to_string()
}

/// The parts as served: the script's, then notes posted through the API.
fn parts(state: &Intercom, c: &Conversation) -> Vec<Value> {
    let desk = &state.desk;
    let mut parts: Vec<Value> = c
        .parts
        .iter()
        .map(|p| {
            let author = match &p.author {
                Author::Contact(email) => contact_author(desk, email),
                Author::Admin(email) => admin_author(desk, email),
            };
            json!({
                "type": "conversation_part", "id": p.id, "part_type": p.kind.as_str(),
                "body": p.body.as_deref().map(html), "created_at": unix(p.at),
                "updated_at": unix(p.at), "notified_at": unix(p.at), "assigned_to": null,
                "author": author, "attachments": [], "external_id": null, "redacted": false,
            })
        })
        .collect();
    parts.extend(state.notes_on(&c.id));
    parts
}

/// One conversation; `full` adds `conversation_parts` (as `GET` does).
pub(super) fn render(state: &Intercom, c: &Conversation, full: bool) -> Value {
    let desk = &state.desk;
    let parts = parts(state, c);
    let at = |p: &Value| p["created_at"].as_i64().unwrap_or_default();
    let by = |kind: &str| {
        let parts = parts
            .iter()
            .filter(move |p| p["author"]["type"] == kind && p["part_type"] == "comment");
        (parts.clone().map(at).min(), parts.map(at).max())
    };
    let (first_admin, last_admin) = by("admin");
    let (_, last_contact) = by("user");
    let last_contact = last_contact.or(Some(unix(c.created)));
    let updated = parts
        .iter()
        .map(at)
        .max()
        .unwrap_or(unix(c.created))
        .max(unix(c.updated));
    let closed = c.state == ConversationState::Closed;
    let waiting = (!closed && last_contact > last_admin)
        .then_some(last_contact)
        .flatten();
    let mut teammates: Vec<&str> = Vec::new();
    for p in parts.iter().filter(|p| p["author"]["type"] == "admin") {
        if let Some(id) = p["author"]["id"]
            .as_str()
            .filter(|id| !teammates.contains(id))
        {
            teammates.push(id);
        }
    }
    let assignee = admin_id(desk, c.assignee_email.as_ref());
    let tags: Vec<Value> = c.tags.iter().map(|t| json!({
        "type": "tag", "id": tag_id(t), "name": t, "applied_at": unix(c.created),
        "applied_by": {"type": "admin", "id": assignee.clone().unwrap_or_else(|| "7310400".into())},
    })).collect();
    let last_close = parts
        .iter()
        .filter(|p| p["part_type"] == "close")
        .map(at)
        .max();
    let mut v = json!({
        "type": "conversation", "id": c.id, "created_at": unix(c.created), "updated_at": updated,
        "waiting_since": waiting, "snoozed_until": c.snoozed_until.map(unix),
        "source": {
            "type": "conversation", "id": c.source_id, "delivered_as": "customer_initiated",
            "subject": "", "body": html(&c.message), "author": contact_author(desk, &c.contact_email),
            "attachments": [], "url": null, "redacted": false,
        },
        "contacts": contact_refs(desk, &c.contact_email),
        "first_contact_reply": {"created_at": unix(c.created), "type": "conversation", "url": null},
        "admin_assignee_id": assignee.as_deref().and_then(|id| id.parse::<u64>().ok()),
        "team_assignee_id": null, "open": !closed, "state": c.state.as_str(),
        "read": waiting.is_none(),
        "tags": {"type": "tag.list", "tags": tags},
        "priority": if c.priority { "priority" } else { "not_priority" },
        "sla_applied": null,
        "statistics": {
            "type": "conversation_statistics",
            "time_to_assignment": assignee.as_ref().map(|_| 120),
            "time_to_admin_reply": first_admin.map(|t| t - unix(c.created)),
            "time_to_first_close": last_close.map(|t| t - unix(c.created)),
            "time_to_last_close": last_close.map(|t| t - unix(c.created)),
            "median_time_to_reply": first_admin.map(|t| t - unix(c.created)),
            "first_contact_reply_at": unix(c.created),
            "first_assignment_at": assignee.as_ref().map(|_| unix(c.created) + 120),
            "first_admin_reply_at": first_admin, "first_close_at": last_close,
            "last_assignment_at": assignee.as_ref().map(|_| unix(c.created) + 120),
            "last_assignment_admin_reply_at": first_admin, "last_contact_reply_at": last_contact,
            "last_admin_reply_at": last_admin, "last_close_at": last_close,
            "last_closed_by_id": last_close.and(assignee.as_deref()).and_then(|id| id.parse::<u64>().ok()),
            "count_reopens": 0, "count_assignments": u8::from(assignee.is_some()),
            "count_conversation_parts": parts.len() + 1,
        },
        "conversation_rating": null,
        "teammates": {"type": "admin.list", "admins": teammates.iter().map(|id| json!({"type": "admin", "id": id})).collect::<Vec<_>>()},
        "title": c.title, "custom_attributes": {},
        "topics": {"type": "topic.list", "topics": [], "total_count": 0},
        "ticket": null,
        "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
        "ai_agent": null, "ai_agent_participated": false,
    });
    if full {
        let n = parts.len();
        v["conversation_parts"] = json!({"type": "conversation_part.list", "conversation_parts": parts, "total_count": n});
    }
    v
}
