//! Slack's Web API wire types, as recorded in `upstream-fixtures/slack`.
//! Only what the tools read is modelled; unknown fields are ignored, and
//! everything Slack omits on some objects (bots have no email, the spec
//! examples leave out half the keys) is optional.

mod directory;
mod message;
mod search;

use serde::Deserialize;

pub use directory::*;
pub use message::*;
pub use search::*;

/// What every answer carries. Slack reports errors in the body with HTTP
/// 200: `{"ok": false, "error": "channel_not_found"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Envelope {
    pub ok: bool,
    #[serde(default)]
    pub error: Option<String>,
    /// `missing_scope`: the scope the method needs, and those granted.
    #[serde(default)]
    pub needed: Option<String>,
    #[serde(default)]
    pub provided: Option<String>,
    #[serde(default)]
    pub warning: Option<String>,
    #[serde(default)]
    pub response_metadata: Option<ResponseMetadata>,
}

/// Cursor paging and warnings. An empty `next_cursor` means the end.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ResponseMetadata {
    #[serde(default)]
    pub next_cursor: Option<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
    #[serde(default)]
    pub messages: Vec<String>,
}

/// The cursor of the next page, if there is one.
pub fn next_cursor(meta: &Option<ResponseMetadata>) -> Option<String> {
    meta.as_ref()?.next_cursor.clone().filter(|c| !c.is_empty())
}

/// `auth.test`.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthTest {
    pub ok: bool,
    pub url: String,
    pub team: String,
    pub team_id: String,
    pub user: String,
    pub user_id: String,
    #[serde(default)]
    pub bot_id: Option<String>,
}
