//! Conversations: search/list pages, the full object with its parts, and
//! what a reply returns (the conversation again).

use serde::Deserialize;

use super::{opt_id, Author, ContactRefs, Pages, TagList};

/// `POST /conversations/search` and `GET /conversations`.
#[derive(Debug, Clone, Deserialize)]
pub struct ConversationList {
    #[serde(default)]
    pub pages: Pages,
    #[serde(default)]
    pub total_count: u64,
    pub conversations: Vec<Conversation>,
}

/// A conversation; `conversation_parts` only on `GET /conversations/{id}`
/// and on replies.
#[derive(Debug, Clone, Deserialize)]
pub struct Conversation {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    pub created_at: i64,
    pub updated_at: i64,
    #[serde(default)]
    pub waiting_since: Option<i64>,
    #[serde(default)]
    pub snoozed_until: Option<i64>,
    /// The opening message; `null` for conversations started by an
    /// automation.
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub contacts: ContactRefs,
    #[serde(default, deserialize_with = "opt_id")]
    pub admin_assignee_id: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    pub team_assignee_id: Option<String>,
    #[serde(default)]
    pub open: bool,
    /// `open`, `closed` or `snoozed`.
    pub state: String,
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub tags: TagList,
    /// `priority` or `not_priority`.
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub conversation_parts: Option<PartList>,
}

/// The message that opened a conversation.
#[derive(Debug, Clone, Deserialize)]
pub struct Source {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    #[serde(default)]
    pub delivered_as: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    /// HTML.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub author: Option<Author>,
    #[serde(default)]
    pub redacted: bool,
}

/// `{type: "conversation_part.list", conversation_parts, total_count}`.
#[derive(Debug, Clone, Deserialize)]
pub struct PartList {
    pub conversation_parts: Vec<Part>,
    #[serde(default)]
    pub total_count: u64,
}

/// One event in a conversation: a message, a note, or a state change.
#[derive(Debug, Clone, Deserialize)]
pub struct Part {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    /// `comment`, `note`, `close`, `open`, `snoozed`, `assignment`, ...
    pub part_type: String,
    /// HTML; `null` for state changes.
    #[serde(default)]
    pub body: Option<String>,
    pub created_at: i64,
    pub author: Author,
    #[serde(default)]
    pub redacted: bool,
}
