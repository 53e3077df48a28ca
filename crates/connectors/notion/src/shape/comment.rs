//! A comment as a person reads it: thread, author, time and text.

use schemars::JsonSchema;
use serde::Serialize;

use super::markdown::inline;
use super::PersonRef;
use crate::directory::Directory;
use crate::model::{Comment, Parent};

#[derive(Debug, Serialize, JsonSchema)]
pub struct CommentOut {
    /// Comments in one thread share it.
    pub discussion_id: String,
    pub author: PersonRef,
    /// UTC, `YYYY-MM-DD HH:MM`.
    pub created: String,
    /// Markdown.
    pub text: String,
    /// The block an inline comment is attached to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_block: Option<String>,
}

/// The author from the workspace's users, else the name Notion displays
/// (integrations and custom names are not users).
pub fn comment(c: &Comment, directory: Option<&Directory>) -> CommentOut {
    let shown = c
        .display_name
        .as_ref()
        .and_then(|d| d.resolved_name.clone());
    let author = match directory.map(|d| d.person(&c.created_by.id)) {
        Some(p) if p.email.is_some() => p,
        _ => PersonRef {
            name: shown.unwrap_or_else(|| super::person(&c.created_by).name),
            email: None,
        },
    };
    let created = c
        .created_time
        .get(..16)
        .unwrap_or(&c.created_time)
        .replace('T', " ");
    CommentOut {
        discussion_id: c.discussion_id.clone(),
        author,
        created,
        text: inline(&c.rich_text),
        on_block: match &c.parent {
            Parent::BlockId { block_id } => Some(block_id.clone()),
            _ => None,
        },
    }
}
