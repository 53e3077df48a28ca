//! Tickets. No real ticket payload was recorded; these follow the 2.14
//! spec examples, where `ticket_state` is an object, and also read 2.11's
//! plain-string state.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{opt_id, Author, ContactRefs, Pages};

/// `POST /tickets/search`.
#[derive(Debug, Clone, Deserialize)]
pub struct TicketList {
    #[serde(default)]
    pub pages: Pages,
    #[serde(default)]
    pub total_count: u64,
    pub tickets: Vec<Ticket>,
}

/// A ticket.
#[derive(Debug, Clone, Deserialize)]
pub struct Ticket {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    /// The number people quote.
    #[serde(default, deserialize_with = "opt_id")]
    pub ticket_id: Option<String>,
    /// `_default_title_`, `_default_description_` and custom attributes.
    #[serde(default)]
    pub ticket_attributes: Map<String, Value>,
    pub ticket_state: TicketState,
    #[serde(default)]
    pub ticket_type: Option<TicketType>,
    #[serde(default)]
    pub contacts: ContactRefs,
    #[serde(default, deserialize_with = "opt_id")]
    pub admin_assignee_id: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    pub team_assignee_id: Option<String>,
    pub created_at: i64,
    #[serde(default)]
    pub updated_at: Option<i64>,
    #[serde(default)]
    pub ticket_parts: Option<TicketPartList>,
    #[serde(default)]
    pub open: Option<bool>,
    /// `Customer`, `Back-office` or `Tracker`.
    #[serde(default)]
    pub category: Option<String>,
}

impl Ticket {
    /// A string ticket attribute, trimmed; empty reads as absent.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        let value = self.ticket_attributes.get(name)?.as_str()?.trim();
        (!value.is_empty()).then_some(value)
    }
}

/// 2.14+: `{type, id, category, internal_label, external_label}`;
/// 2.11: the category as a string.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TicketState {
    Object {
        category: String,
        #[serde(default)]
        internal_label: Option<String>,
        #[serde(default)]
        external_label: Option<String>,
    },
    Category(String),
}

impl TicketState {
    /// `submitted`, `in_progress`, `waiting_on_customer` or `resolved`.
    pub fn category(&self) -> &str {
        match self {
            TicketState::Object { category, .. } | TicketState::Category(category) => category,
        }
    }

    /// What teammates see: the workspace's label, else the category.
    pub fn label(&self) -> String {
        match self {
            TicketState::Object {
                internal_label: Some(label),
                ..
            } if !label.trim().is_empty() => label.trim().to_owned(),
            other => crate::shape::humanize(other.category()),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct TicketType {
    #[serde(default, deserialize_with = "opt_id")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
}

/// `{type: "ticket_part.list", ticket_parts, total_count}`.
#[derive(Debug, Clone, Deserialize)]
pub struct TicketPartList {
    pub ticket_parts: Vec<TicketPart>,
    #[serde(default)]
    pub total_count: u64,
}

/// A state change, comment or note on a ticket.
#[derive(Debug, Clone, Deserialize)]
pub struct TicketPart {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    pub part_type: String,
    #[serde(default)]
    pub ticket_state: Option<String>,
    #[serde(default)]
    pub previous_ticket_state: Option<String>,
    /// HTML, for comments and notes.
    #[serde(default)]
    pub body: Option<String>,
    pub created_at: i64,
    #[serde(default)]
    pub author: Option<Author>,
}
