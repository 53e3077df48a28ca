//! Database properties: their types and configuration (the schema) and
//! the values rows hold.

use chrono::NaiveDate;

/// A database property's type and configuration.
#[derive(Debug, Clone, PartialEq)]
pub enum PropKind {
    Title,
    RichText,
    /// Notion's number `format` ("dollar").
    Number(String),
    /// Option names and colors.
    Select(Vec<(String, String)>),
    /// Options (name, color) and groups (name, color, option names).
    Status {
        options: Vec<(String, String)>,
        groups: Vec<(String, String, Vec<String>)>,
    },
    Date,
    People,
    Checkbox,
}

impl PropKind {
    /// Notion's property `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            PropKind::Title => "title",
            PropKind::RichText => "rich_text",
            PropKind::Number(_) => "number",
            PropKind::Select(_) => "select",
            PropKind::Status { .. } => "status",
            PropKind::Date => "date",
            PropKind::People => "people",
            PropKind::Checkbox => "checkbox",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PropSchema {
    /// Notion's short property id (`title` for the title property).
    pub id: String,
    pub name: String,
    pub kind: PropKind,
}

/// A row's value for one property.
#[derive(Debug, Clone, PartialEq)]
pub enum PropValue {
    Text(String),
    Number(f64),
    Select(String),
    Status(String),
    Date(NaiveDate),
    /// User ids.
    People(Vec<String>),
    Checkbox(bool),
}
