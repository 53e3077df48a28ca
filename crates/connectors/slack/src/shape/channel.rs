//! A channel, shaped: name with its `#`, topic and purpose, size, and
//! whether the app can read and post there.

use chrono::DateTime;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Channel, Topic};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChannelSummary {
    pub id: String,
    /// `#name`.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    /// Whether the app is in it (it can read and post only there).
    pub app_is_member: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// YYYY-MM-DD.
    pub created: String,
}

pub fn channel(c: &Channel) -> ChannelSummary {
    let text = |t: &Option<Topic>| {
        t.as_ref()
            .map(|t| t.value.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    ChannelSummary {
        id: c.id.clone(),
        name: format!("#{}", c.name.as_deref().unwrap_or(&c.id)),
        topic: text(&c.topic),
        purpose: text(&c.purpose),
        members: c.num_members,
        app_is_member: c.is_member.unwrap_or(false),
        archived: c.is_archived,
        private: c.is_private,
        created: DateTime::from_timestamp(c.created, 0)
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    }
}
