//! Tickets: a summary for lists; the detail adds the description and the
//! history of state changes and comments.

use schemars::JsonSchema;
use serde::Serialize;

use super::conversation::MESSAGE_CHARS;
use super::{datetime, html_to_text, humanize, Names, Person};
use crate::model::Ticket;

/// A ticket in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TicketSummary {
    pub id: String,
    /// The number people quote ("#124").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The workspace's state label, e.g. "In progress".
    pub state: String,
    /// Not resolved yet.
    pub open: bool,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub ticket_type: Option<String>,
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The customer who raised it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Person>,
}

/// One change on a ticket.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TicketEvent {
    pub at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// "Submitted → In progress".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A ticket with its description and history.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub summary: TicketSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Customer, Back-office or Tracker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub history: Vec<TicketEvent>,
}

pub fn ticket_summary(t: &Ticket, names: &Names) -> TicketSummary {
    let requester = t
        .contacts
        .contacts
        .first()
        .and_then(|r| names.contacts.get(&r.id))
        .cloned();
    let open = t.open.unwrap_or(t.ticket_state.category() != "resolved");
    TicketSummary {
        id: t.id.clone(),
        number: t.ticket_id.clone(),
        title: t.attribute("_default_title_").map(super::decode_entities),
        state: t.ticket_state.label(),
        open,
        ticket_type: t.ticket_type.as_ref().and_then(|k| k.name.clone()),
        created: datetime(t.created_at),
        updated: t.updated_at.map(datetime),
        requester,
        assignee: names.admin(t.admin_assignee_id.as_deref()),
    }
}

pub fn ticket_detail(t: &Ticket, names: &Names) -> TicketDetail {
    let parts = t.ticket_parts.as_ref().map(|p| p.ticket_parts.as_slice());
    let history = parts
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            let change = match (
                p.previous_ticket_state.as_deref(),
                p.ticket_state.as_deref(),
            ) {
                (Some(from), Some(to)) if from != to => {
                    Some(format!("{} → {}", humanize(from), humanize(to)))
                }
                (None, Some(to)) => Some(humanize(to)),
                _ => None,
            };
            let text = p
                .body
                .as_deref()
                .map(|b| html_to_text(b, MESSAGE_CHARS))
                .filter(|b| !b.is_empty());
            (change.is_some() || text.is_some()).then(|| TicketEvent {
                at: datetime(p.created_at),
                by: p.author.as_ref().map(|a| names.author(a).name),
                change,
                text,
            })
        })
        .collect();
    TicketDetail {
        summary: ticket_summary(t, names),
        description: t
            .attribute("_default_description_")
            .map(|d| html_to_text(d, MESSAGE_CHARS)),
        category: t.category.clone(),
        history,
    }
}
