//! Blocks (page content) and their payloads, comments, and the markdown
//! endpoint's answer.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Icon, Parent, RichText, User};

/// A block (`block_get.json`); its content is under the key named by
/// `type`, read with [`Block::payload`].
#[derive(Debug, Clone, Deserialize)]
pub struct Block {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub has_children: bool,
    #[serde(default)]
    pub in_trash: bool,
    pub parent: Parent,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

impl Block {
    /// The type-specific payload, if it has the expected shape.
    pub fn payload<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_value(self.rest.get(&self.kind)?.clone()).ok()
    }
}

/// The payload of text blocks: paragraphs, headings, list items, to-dos,
/// toggles, quotes, callouts and code.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TextPayload {
    #[serde(default)]
    pub rich_text: Vec<RichText>,
    #[serde(default)]
    pub checked: Option<bool>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub icon: Option<Icon>,
    #[serde(default)]
    pub caption: Vec<RichText>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TablePayload {
    #[serde(default)]
    pub has_column_header: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TableRowPayload {
    pub cells: Vec<Vec<RichText>>,
}

/// `child_page` / `child_database`.
#[derive(Debug, Clone, Deserialize)]
pub struct TitlePayload {
    pub title: String,
}

/// Bookmarks, embeds, link previews and files carry a URL and a caption.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LinkPayload {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub caption: Vec<RichText>,
    #[serde(default)]
    pub expression: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// A comment (`comments_list.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Comment {
    pub id: String,
    pub parent: Parent,
    pub discussion_id: String,
    pub created_time: String,
    pub created_by: User,
    pub rich_text: Vec<RichText>,
    #[serde(default)]
    pub display_name: Option<DisplayName>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DisplayName {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub resolved_name: Option<String>,
}

/// `GET /v1/pages/{id}/markdown` (Notion-Version 2026-03-11).
#[derive(Debug, Clone, Deserialize)]
pub struct PageMarkdown {
    pub id: String,
    pub markdown: String,
    pub truncated: bool,
    #[serde(default)]
    pub unknown_block_ids: Vec<String>,
}
