//! Conversations: a summary for lists, and the timeline condensed to who
//! said what, when (state changes kept short, noise dropped).

use schemars::JsonSchema;
use serde::Serialize;

use super::{datetime, html_to_text, is_false, truncate, Names, Person};
use crate::model::{Author, Conversation};

/// Characters of the opening message shown in a summary.
const PREVIEW_CHARS: usize = 160;
/// Characters kept of each message in a timeline.
pub const MESSAGE_CHARS: usize = 1_000;

/// A conversation in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConversationSummary {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// open, closed or snoozed.
    pub state: String,
    #[serde(skip_serializing_if = "is_false")]
    pub priority: bool,
    pub created: String,
    pub updated: String,
    /// The customer contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<Person>,
    /// The teammate it is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The opening message, trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// Set while the customer awaits a reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_since: Option<String>,
}

/// Who wrote an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Customer,
    Teammate,
    Bot,
}

impl Role {
    fn of(a: &Author) -> Role {
        match a.kind.as_str() {
            "admin" | "team" => Role::Teammate,
            "bot" => Role::Bot,
            _ => Role::Customer,
        }
    }
}

/// One thing that happened in a conversation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Entry {
    pub at: String,
    pub from: String,
    pub role: Role,
    /// message, note (internal), closed, reopened, snoozed, unsnoozed or
    /// assigned.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The customer: the first contact on the conversation, else the opening
/// message's author when that is a user or lead.
fn customer(c: &Conversation, names: &Names) -> Option<Person> {
    if let Some(p) = c
        .contacts
        .contacts
        .first()
        .and_then(|r| names.contacts.get(&r.id))
    {
        return Some(p.clone());
    }
    let author = c.source.as_ref()?.author.as_ref()?;
    matches!(author.kind.as_str(), "user" | "lead" | "contact").then(|| names.author(author))
}

pub fn conversation_summary(c: &Conversation, names: &Names) -> ConversationSummary {
    let source = c.source.as_ref();
    let title = c
        .title
        .as_deref()
        .or_else(|| source.and_then(|s| s.subject.as_deref()))
        .map(|t| super::decode_entities(t.trim()))
        .filter(|t| !t.is_empty());
    let preview = source
        .and_then(|s| s.body.as_deref())
        .map(|b| html_to_text(b, PREVIEW_CHARS))
        .filter(|p| !p.is_empty());
    ConversationSummary {
        id: c.id.clone(),
        title,
        state: c.state.clone(),
        priority: c.priority.as_deref() == Some("priority"),
        created: datetime(c.created_at),
        updated: datetime(c.updated_at),
        customer: customer(c, names),
        assignee: names.admin(c.admin_assignee_id.as_deref()),
        tags: c.tags.tags.iter().map(|t| t.name.clone()).collect(),
        preview,
        waiting_since: c.waiting_since.map(datetime),
    }
}

/// The part type as a short verb; `None` for bookkeeping without text
/// (tag, attribute and company updates).
fn kind(part_type: &str, has_text: bool) -> Option<&'static str> {
    Some(match part_type {
        "comment" => "message",
        "note" => "note",
        "close" => "closed",
        "open" => "reopened",
        "snoozed" => "snoozed",
        "unsnoozed" | "timer_unsnooze" => "unsnoozed",
        "assignment" | "default_assignment" | "assign_and_unsnooze" | "away_mode_assignment" => {
            "assigned"
        }
        _ if has_text => "message",
        _ => return None,
    })
}

/// The opening message and the parts as entries, keeping the opening
/// message and the latest `max - 1` others; also how many were left out.
pub fn timeline(c: &Conversation, names: &Names, max: usize) -> (Vec<Entry>, usize) {
    let text = |html: Option<&str>| {
        html.map(|h| html_to_text(h, MESSAGE_CHARS))
            .filter(|t| !t.is_empty())
    };
    let mut opening = None;
    if let Some(s) = c.source.as_ref() {
        if let (Some(body), Some(author)) = (text(s.body.as_deref()), s.author.as_ref()) {
            opening = Some(Entry {
                at: datetime(c.created_at),
                from: names.author(author).name,
                role: Role::of(author),
                kind: "message".into(),
                text: Some(body),
            });
        }
    }
    let parts = c
        .conversation_parts
        .as_ref()
        .map(|p| p.conversation_parts.as_slice());
    let mut rest: Vec<Entry> = Vec::new();
    for p in parts.unwrap_or_default() {
        let body = if p.redacted {
            Some("[redacted]".to_owned())
        } else {
            text(p.body.as_deref())
        };
        let Some(kind) = kind(&p.part_type, body.is_some()) else {
            continue;
        };
        rest.push(Entry {
            at: datetime(p.created_at),
            from: truncate(&names.author(&p.author).name, 80),
            role: Role::of(&p.author),
            kind: kind.into(),
            text: body,
        });
    }
    let keep = max.saturating_sub(usize::from(opening.is_some())).max(1);
    let omitted = rest.len().saturating_sub(keep);
    let mut entries: Vec<Entry> = opening.into_iter().collect();
    entries.extend(rest.into_iter().skip(omitted));
    (entries, omitted)
}
