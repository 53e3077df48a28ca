//! Page property values and data-source schemas.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Parent, RichText, User};
use std::collections::HashMap;

/// One property value on a page, by `type`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PropertyValue {
    Title {
        title: Vec<RichText>,
    },
    RichText {
        rich_text: Vec<RichText>,
    },
    Number {
        number: Option<f64>,
    },
    Select {
        select: Option<SelectOption>,
    },
    MultiSelect {
        multi_select: Vec<SelectOption>,
    },
    Status {
        status: Option<SelectOption>,
    },
    Date {
        date: Option<DateValue>,
    },
    People {
        people: Vec<User>,
    },
    Checkbox {
        checkbox: bool,
    },
    Url {
        url: Option<String>,
    },
    Email {
        email: Option<String>,
    },
    PhoneNumber {
        phone_number: Option<String>,
    },
    Formula {
        formula: Value,
    },
    Relation {
        relation: Vec<IdRef>,
    },
    Rollup {
        rollup: Value,
    },
    CreatedTime {
        created_time: String,
    },
    LastEditedTime {
        last_edited_time: String,
    },
    CreatedBy {
        created_by: User,
    },
    LastEditedBy {
        last_edited_by: User,
    },
    UniqueId {
        unique_id: UniqueId,
    },
    Files {
        files: Vec<Value>,
    },
    #[serde(other)]
    Unsupported,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SelectOption {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DateValue {
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct IdRef {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UniqueId {
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub number: Option<u64>,
}

/// A data source (`data_source_get.json`): a database's schema.
#[derive(Debug, Clone, Deserialize)]
pub struct DataSource {
    pub id: String,
    pub title: Vec<RichText>,
    pub properties: HashMap<String, PropertySchema>,
    /// The database itself; the data source's parent is the database.
    pub parent: Parent,
    /// Where the database lives (a page, or the workspace).
    #[serde(default)]
    pub database_parent: Option<Parent>,
    pub last_edited_time: String,
}

/// One column of a data source; options live under `<type>.options`.
#[derive(Debug, Clone, Deserialize)]
pub struct PropertySchema {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(flatten)]
    pub config: Map<String, Value>,
}

impl PropertySchema {
    /// Option names of a select, multi-select or status property.
    pub fn options(&self) -> Vec<String> {
        self.config
            .get(&self.kind)
            .and_then(|c| c.get("options"))
            .and_then(Value::as_array)
            .map(|o| {
                o.iter()
                    .filter_map(|o| o.get("name")?.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A database container (2025-09-03): it lists its data sources.
#[derive(Debug, Clone, Deserialize)]
pub struct Database {
    pub id: String,
    #[serde(default)]
    pub title: Vec<RichText>,
    pub data_sources: Vec<DataSourceRef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DataSourceRef {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// One item of `GET /v1/pages/{id}/properties/{property}`.
#[derive(Debug, Clone, Deserialize)]
pub struct PropertyItem {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}
