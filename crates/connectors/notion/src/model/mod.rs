//! Notion's wire types (API 2025-09-03), as recorded in
//! `upstream-fixtures/notion`. Only what the tools read is modelled;
//! unknown fields are ignored so Notion adding fields never breaks a call.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

mod blocks;
mod properties;

pub use blocks::*;
pub use properties::*;

/// A paginated list: `{object: "list", results, next_cursor, has_more}`.
#[derive(Debug, Clone, Deserialize)]
pub struct List<T> {
    pub results: Vec<T>,
    #[serde(default)]
    pub next_cursor: Option<String>,
    #[serde(default)]
    pub has_more: bool,
    /// `block`, `comment`, `user`, `page_or_data_source`, ...
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

impl<T> List<T> {
    /// The cursor of the next page, only when Notion says there is one.
    pub fn next(&self) -> Option<String> {
        self.next_cursor.clone().filter(|_| self.has_more)
    }
}

/// A run of rich text; `plain_text` is what a person reads.
#[derive(Debug, Clone, Deserialize)]
pub struct RichText {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub plain_text: String,
    #[serde(default)]
    pub href: Option<String>,
    #[serde(default)]
    pub annotations: Annotations,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Annotations {
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub strikethrough: bool,
    #[serde(default)]
    pub code: bool,
}

/// Where an object lives (`type` + the id under that key).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Parent {
    Workspace,
    PageId {
        page_id: String,
    },
    BlockId {
        block_id: String,
    },
    DatabaseId {
        database_id: String,
    },
    DataSourceId {
        data_source_id: String,
        #[serde(default)]
        database_id: Option<String>,
    },
    #[serde(other)]
    Other,
}

/// A user: full (`users_list.json`) or partial (`{object, id}`).
#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub person: Option<Person>,
    #[serde(default)]
    pub bot: Option<Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Person {
    #[serde(default)]
    pub email: Option<String>,
}

impl User {
    pub fn email(&self) -> Option<&str> {
        self.person.as_ref()?.email.as_deref()
    }
}

/// An emoji, external or uploaded icon.
#[derive(Debug, Clone, Deserialize)]
pub struct Icon {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub emoji: Option<String>,
}

/// A page (`page_get.json`). Properties are keyed by name.
#[derive(Debug, Clone, Deserialize)]
pub struct Page {
    pub id: String,
    pub created_time: String,
    pub last_edited_time: String,
    pub created_by: User,
    pub last_edited_by: User,
    pub parent: Parent,
    #[serde(default)]
    pub in_trash: bool,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub icon: Option<Icon>,
    pub properties: HashMap<String, PropertyValue>,
    pub url: String,
}

/// What search and data-source queries return.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "object", rename_all = "snake_case")]
pub enum Found {
    /// Boxed: a page is twice the size of the other variants.
    Page(Box<Page>),
    DataSource(DataSource),
    Database(Database),
}

/// Notion's error body: `{object: "error", status, code, message}`.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorBody {
    pub status: u16,
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub request_id: Option<String>,
}
