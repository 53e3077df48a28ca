//! `jobs.query` / `jobs.getQueryResults`: the request, the response, its
//! schema and `f/v` rows, and Google's error shapes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `jobs.query` request body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryRequest {
    pub query: String,
    pub use_legacy_sql: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_parameters: Vec<QueryParameter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<u32>,
    /// How long the call waits for the job before answering
    /// `jobComplete: false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
    /// How long the job may run before BigQuery cancels it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_timeout_ms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_bytes_billed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Makes retrying the request safe (BigQuery deduplicates on it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// A named query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryParameter {
    pub name: String,
    pub parameter_type: ParameterType,
    pub parameter_value: ParameterValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterType {
    #[serde(rename = "type")]
    pub type_name: String,
}

/// `value: null` is a NULL parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterValue {
    pub value: Option<String>,
}

/// `jobs.query` and `jobs.getQueryResults` responses.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QueryResponse {
    pub kind: String,
    pub schema: Option<TableSchema>,
    pub job_reference: JobReference,
    /// INT64 as a string, as BigQuery sends it.
    pub total_rows: Option<String>,
    pub page_token: Option<String>,
    pub rows: Vec<TableRow>,
    pub total_bytes_processed: Option<String>,
    pub job_complete: bool,
    pub cache_hit: Option<bool>,
    pub errors: Vec<ErrorProto>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobReference {
    pub project_id: String,
    pub job_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct TableSchema {
    pub fields: Vec<TableFieldSchema>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct TableFieldSchema {
    pub name: String,
    #[serde(rename = "type")]
    pub type_name: String,
    /// NULLABLE (default), REQUIRED or REPEATED.
    pub mode: Option<String>,
    /// Sub-fields of a RECORD / STRUCT.
    pub fields: Vec<TableFieldSchema>,
    pub description: Option<String>,
}

/// One row: `{"f": [{"v": ...}, ...]}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TableRow {
    pub f: Vec<TableCell>,
}

/// A cell: a string, null, a nested row `{"f": [...]}`, or for REPEATED
/// fields an array of `{"v": ...}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TableCell {
    pub v: Value,
}

/// Google's error detail, in error envelopes and in job status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorProto {
    pub reason: Option<String>,
    pub message: Option<String>,
    pub domain: Option<String>,
    pub location: Option<String>,
}

/// The body of an HTTP error (`{"error": ErrorBody}` on the wire).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    pub code: u16,
    pub message: String,
    pub errors: Vec<ErrorProto>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}
