//! Channels and workspace members.

use serde::Deserialize;

use super::ResponseMetadata;

/// A channel (`conversations.list` / `conversations.info`).
#[derive(Debug, Clone, Deserialize)]
pub struct Channel {
    pub id: String,
    /// DMs have no name.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub is_channel: bool,
    #[serde(default)]
    pub is_private: bool,
    #[serde(default)]
    pub is_archived: bool,
    #[serde(default)]
    pub is_general: bool,
    /// Whether the token's user (the bot) is in it; not on every payload.
    #[serde(default)]
    pub is_member: Option<bool>,
    #[serde(default)]
    pub num_members: Option<u32>,
    #[serde(default)]
    pub created: i64,
    #[serde(default)]
    pub creator: Option<String>,
    #[serde(default)]
    pub topic: Option<Topic>,
    #[serde(default)]
    pub purpose: Option<Topic>,
    #[serde(default)]
    pub previous_names: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Topic {
    pub value: String,
    #[serde(default)]
    pub creator: String,
    #[serde(default)]
    pub last_set: i64,
}

/// `conversations.list`.
#[derive(Debug, Clone, Deserialize)]
pub struct ChannelList {
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub response_metadata: Option<ResponseMetadata>,
}

/// `conversations.info`.
#[derive(Debug, Clone, Deserialize)]
pub struct ChannelInfo {
    pub channel: Channel,
}

/// A workspace member.
#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub id: String,
    /// The handle.
    pub name: String,
    #[serde(default)]
    pub real_name: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub is_bot: bool,
    #[serde(default)]
    pub is_admin: Option<bool>,
    #[serde(default)]
    pub is_owner: Option<bool>,
    #[serde(default)]
    pub is_restricted: Option<bool>,
    #[serde(default)]
    pub tz: Option<String>,
    #[serde(default)]
    pub tz_label: Option<String>,
    #[serde(default)]
    pub tz_offset: Option<i64>,
    #[serde(default)]
    pub team_id: Option<String>,
    #[serde(default)]
    pub updated: Option<i64>,
    pub profile: Profile,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Profile {
    #[serde(default)]
    pub real_name: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    /// Needs `users:read.email`; absent for bots.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub status_text: Option<String>,
    #[serde(default)]
    pub status_emoji: Option<String>,
    #[serde(default)]
    pub bot_id: Option<String>,
}

/// `users.info` and `users.lookupByEmail`.
#[derive(Debug, Clone, Deserialize)]
pub struct UserInfo {
    pub user: User,
}

/// `users.list`.
#[derive(Debug, Clone, Deserialize)]
pub struct UserList {
    pub members: Vec<User>,
    #[serde(default)]
    pub cache_ts: Option<i64>,
    #[serde(default)]
    pub response_metadata: Option<ResponseMetadata>,
}
