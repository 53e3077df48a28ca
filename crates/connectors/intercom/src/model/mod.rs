//! Intercom's wire types, as recorded in `upstream-fixtures/intercom`
//! (2.11 recordings, 2.14 spec examples). Only what the tools read is
//! modelled; unknown fields are ignored so Intercom adding fields never
//! breaks a call, and ids that Intercom sends sometimes as numbers and
//! sometimes as strings are read as strings.

mod contact;
mod conversation;
mod ticket;

pub use contact::*;
pub use conversation::*;
pub use ticket::*;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `pages`: cursor lists carry `next.starting_after` while more remain;
/// page-numbered lists carry `next: null` (or a URL).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Pages {
    #[serde(default)]
    pub page: Option<u64>,
    #[serde(default)]
    pub per_page: Option<u64>,
    #[serde(default)]
    pub total_pages: Option<u64>,
    #[serde(default)]
    pub next: Option<Value>,
}

impl Pages {
    /// The cursor of the next page, if any.
    pub fn starting_after(&self) -> Option<String> {
        let cursor = self.next.as_ref()?.get("starting_after")?.as_str()?;
        (!cursor.is_empty()).then(|| cursor.to_owned())
    }
}

/// `{type: "error.list", request_id, errors: [{code, message, field?}]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorList {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub request_id: Option<String>,
    pub errors: Vec<ErrorItem>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ErrorItem {
    pub code: String,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
}

/// `GET /admins`.
#[derive(Debug, Clone, Deserialize)]
pub struct AdminList {
    pub admins: Vec<Admin>,
}

/// A teammate (or the bot, which has no inbox seat).
#[derive(Debug, Clone, Deserialize)]
pub struct Admin {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub away_mode_enabled: bool,
    #[serde(default)]
    pub has_inbox_seat: bool,
}

/// Who wrote a message or part: `type` is `user`, `lead`, `admin`, `bot`
/// or `team`.
#[derive(Debug, Clone, Deserialize)]
pub struct Author {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, deserialize_with = "opt_id")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// `{type: "tag.list", tags: [...]}`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TagList {
    #[serde(default)]
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Tag {
    #[serde(deserialize_with = "id")]
    pub id: String,
    pub name: String,
}

/// `{type: "contact.list", contacts: [{type, id, external_id}]}`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ContactRefs {
    #[serde(default)]
    pub contacts: Vec<ObjectRef>,
}

/// A reference to another object: `{type, id, ...}`.
#[derive(Debug, Clone, Deserialize)]
pub struct ObjectRef {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

fn text_id(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An id sent as a string or a number.
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_id(Value::deserialize(d)?).ok_or_else(|| serde::de::Error::custom("expected an id"))
}

/// An optional id; `null`, `""` and Intercom's `"0"` (nobody) read as
/// absent.
pub(crate) fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_id(Value::deserialize(d)?).filter(|s| !s.is_empty() && s != "0"))
}
