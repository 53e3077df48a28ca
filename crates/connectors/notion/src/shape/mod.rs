//! Shaping Notion's verbose objects into what a person reads: titles as
//! strings, dates as dates, people as name and email, property values as
//! plain JSON values, and page content as Markdown.

pub mod comment;
pub mod markdown;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{DataSource, Found, Page, PropertyValue, RichText, User};

/// A Notion user as a person reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PersonRef {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The text of rich text runs, without formatting.
pub fn plain(runs: &[RichText]) -> String {
    runs.iter().map(|r| r.plain_text.as_str()).collect()
}

/// `YYYY-MM-DD` of a Notion timestamp or date.
pub fn day(timestamp: &str) -> String {
    timestamp.get(..10).unwrap_or(timestamp).to_owned()
}

/// A page's title: the value of its one `title` property.
pub fn page_title(page: &Page) -> String {
    page.properties
        .values()
        .find_map(|v| match v {
            PropertyValue::Title { title } => Some(plain(title)),
            _ => None,
        })
        .unwrap_or_default()
}

/// What a user is called: the name Notion has, else the email, else a
/// placeholder with the id (partial users carry only an id).
pub fn person(user: &User) -> PersonRef {
    let email = user.email().map(str::to_owned);
    let name = user
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| email.clone())
        .unwrap_or_else(|| format!("Notion user {}", user.id));
    PersonRef { name, email }
}

/// A property value as a plain JSON value; `None` when empty.
pub fn property_value(value: &PropertyValue) -> Option<Value> {
    let text = |s: String| (!s.is_empty()).then(|| json!(s));
    match value {
        PropertyValue::Title { title: t } | PropertyValue::RichText { rich_text: t } => {
            text(plain(t))
        }
        PropertyValue::Number { number } => number.map(whole),
        PropertyValue::Select { select: o } | PropertyValue::Status { status: o } => {
            o.as_ref().map(|o| json!(o.name))
        }
        PropertyValue::MultiSelect { multi_select } => (!multi_select.is_empty())
            .then(|| json!(multi_select.iter().map(|o| &o.name).collect::<Vec<_>>())),
        PropertyValue::Date { date } => date.as_ref().map(|d| match &d.end {
            Some(end) => json!(format!("{} → {}", day(&d.start), day(end))),
            None => json!(day(&d.start)),
        }),
        PropertyValue::People { people } => {
            (!people.is_empty()).then(|| json!(people.iter().map(person).collect::<Vec<_>>()))
        }
        PropertyValue::Checkbox { checkbox } => Some(json!(checkbox)),
        PropertyValue::Url { url: s }
        | PropertyValue::Email { email: s }
        | PropertyValue::PhoneNumber { phone_number: s } => s.clone().and_then(text),
        PropertyValue::Formula { formula } => {
            let kind = formula.get("type").and_then(Value::as_str).unwrap_or("");
            formula.get(kind).filter(|v| !v.is_null()).cloned()
        }
        PropertyValue::Relation { relation } => (!relation.is_empty())
            .then(|| json!(relation.iter().map(|r| &r.id).collect::<Vec<_>>())),
        PropertyValue::Rollup { rollup } => {
            let kind = rollup.get("type").and_then(Value::as_str).unwrap_or("");
            rollup.get(kind).filter(|v| !v.is_null()).cloned()
        }
        PropertyValue::CreatedTime { created_time: t }
        | PropertyValue::LastEditedTime {
            last_edited_time: t,
        } => Some(json!(day(t))),
        PropertyValue::CreatedBy { created_by: u }
        | PropertyValue::LastEditedBy { last_edited_by: u } => Some(json!(person(u))),
        PropertyValue::UniqueId { unique_id } => {
            unique_id.number.map(|n| match &unique_id.prefix {
                Some(p) => json!(format!("{p}-{n}")),
                None => json!(n),
            })
        }
        // Files are signed, expiring URLs: say how many there are.
        PropertyValue::Files { files } => (!files.is_empty()).then(|| json!(files.len())),
        PropertyValue::Unsupported => None,
    }
}

/// Whole numbers as integers (`240000`, not `240000.0`).
fn whole(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// Every non-empty, non-title property of a page, by name.
pub fn properties(page: &Page) -> BTreeMap<String, Value> {
    page.properties
        .iter()
        .filter(|(_, v)| !matches!(v, PropertyValue::Title { .. }))
        .filter_map(|(k, v)| property_value(v).map(|v| (k.clone(), v)))
        .collect()
}

/// A search result: a page, or a database (its data source).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Hit {
    pub id: String,
    /// "page" or "database".
    pub kind: String,
    pub title: String,
    /// YYYY-MM-DD.
    pub last_edited: String,
    /// "workspace", "page", "database" or "block".
    pub parent: String,
}

pub fn hit(found: &Found) -> Option<Hit> {
    match found {
        Found::Page(p) => Some(Hit {
            id: p.id.clone(),
            kind: "page".into(),
            title: page_title(p),
            last_edited: day(&p.last_edited_time),
            parent: parent_kind(&p.parent).into(),
        }),
        Found::DataSource(d) => Some(data_source_hit(d)),
        Found::Database(_) => None,
    }
}

fn data_source_hit(d: &DataSource) -> Hit {
    Hit {
        id: d.id.clone(),
        kind: "database".into(),
        title: plain(&d.title),
        last_edited: day(&d.last_edited_time),
        parent: parent_kind(d.database_parent.as_ref().unwrap_or(&d.parent)).into(),
    }
}

fn parent_kind(p: &crate::model::Parent) -> &'static str {
    use crate::model::Parent::*;
    match p {
        Workspace => "workspace",
        PageId { .. } => "page",
        BlockId { .. } => "block",
        DatabaseId { .. } | DataSourceId { .. } => "database",
        Other => "other",
    }
}
