//! The catalogue: datasets, tables with schemas, `tabledata.list`.

use serde::Deserialize;
use serde_json::Value;

use super::{TableRow, TableSchema};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetReference {
    pub dataset_id: String,
    pub project_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TableReference {
    pub project_id: String,
    pub dataset_id: String,
    pub table_id: String,
}

/// `datasets.get`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Dataset {
    pub kind: String,
    pub id: String,
    pub dataset_reference: DatasetReference,
    pub access: Vec<Value>,
    pub creation_time: Option<String>,
    pub last_modified_time: Option<String>,
}

/// `datasets.list`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetList {
    pub kind: String,
    pub next_page_token: Option<String>,
    pub datasets: Vec<Dataset>,
}

/// `tables.get` (and, without schema, a `tables.list` item).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Table {
    pub kind: String,
    pub id: String,
    pub table_reference: TableReference,
    pub schema: Option<TableSchema>,
    /// INT64 as strings.
    pub num_bytes: Option<String>,
    pub num_rows: Option<String>,
    /// TABLE, VIEW, EXTERNAL, MATERIALIZED_VIEW, SNAPSHOT.
    #[serde(rename = "type")]
    pub table_type: String,
    pub description: Option<String>,
}

/// `tables.list`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TableList {
    pub kind: String,
    pub next_page_token: Option<String>,
    pub tables: Vec<Table>,
    pub total_items: Option<u64>,
}

/// `tabledata.list`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TableDataList {
    pub kind: String,
    pub total_rows: Option<String>,
    pub page_token: Option<String>,
    pub rows: Vec<TableRow>,
}
