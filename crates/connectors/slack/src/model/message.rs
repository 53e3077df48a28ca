//! Messages, threads and posts.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::ResponseMetadata;

/// A message in a channel or thread.
#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub ts: String,
    /// Absent on some bot messages; those carry `username` or `bot_profile`.
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub text: String,
    /// `channel_join`, `bot_message`, ...; absent for ordinary messages.
    #[serde(default)]
    pub subtype: Option<String>,
    #[serde(default)]
    pub bot_id: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub bot_profile: Option<BotProfile>,
    /// Set on thread parents (equal to `ts`) and replies (the parent's ts).
    #[serde(default)]
    pub thread_ts: Option<String>,
    #[serde(default)]
    pub reply_count: Option<u32>,
    #[serde(default)]
    pub reply_users_count: Option<u32>,
    #[serde(default)]
    pub latest_reply: Option<String>,
    #[serde(default)]
    pub reply_users: Vec<String>,
    /// Set on replies only.
    #[serde(default)]
    pub parent_user_id: Option<String>,
    #[serde(default)]
    pub reactions: Vec<Reaction>,
    #[serde(default)]
    pub pinned_to: Vec<String>,
    #[serde(default)]
    pub blocks: Vec<Value>,
    #[serde(default)]
    pub attachments: Vec<Value>,
}

impl Message {
    /// A reply (not the thread's parent).
    pub fn is_reply(&self) -> bool {
        self.parent_user_id.is_some() || self.thread_ts.as_deref().is_some_and(|t| t != self.ts)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct BotProfile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub app_id: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub icons: HashMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Reaction {
    pub name: String,
    #[serde(default)]
    pub users: Vec<String>,
    pub count: u32,
}

/// `conversations.history`.
#[derive(Debug, Clone, Deserialize)]
pub struct History {
    pub messages: Vec<Message>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub pin_count: Option<u32>,
    #[serde(default)]
    pub response_metadata: Option<ResponseMetadata>,
}

/// `conversations.replies`: the parent first (on the first page), then
/// the replies oldest first.
pub type Replies = History;

/// `chat.postMessage`.
#[derive(Debug, Clone, Deserialize)]
pub struct PostMessage {
    pub channel: String,
    pub ts: String,
    pub message: Message,
    #[serde(default)]
    pub warning: Option<String>,
}
