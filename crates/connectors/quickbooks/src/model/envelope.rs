//! The envelopes around entities (`{"<Entity>": {...}, "time"}`, the
//! query page) and Intuit's `Fault` error body.

use serde::Deserialize;

use super::{Customer, Invoice};

/// The envelope of a single-entity read: `{"<Entity>": {...}, "time"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Read<T> {
    #[serde(
        alias = "Customer",
        alias = "Invoice",
        alias = "Payment",
        alias = "Account",
        alias = "Bill"
    )]
    pub entity: T,
    pub time: String,
}

/// `{"QueryResponse": {...}, "time"}`. An empty result is
/// `"QueryResponse": {}`.
#[derive(Debug, Clone, Deserialize)]
pub struct QueryEnvelope {
    #[serde(rename = "QueryResponse")]
    pub response: QueryResponse,
    pub time: String,
}

/// One page of a query. `maxResults` is how many rows this page holds;
/// `totalCount` is not always sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryResponse {
    #[serde(rename = "Customer", default)]
    pub customers: Vec<Customer>,
    #[serde(rename = "Invoice", default)]
    pub invoices: Vec<Invoice>,
    #[serde(default)]
    pub start_position: Option<u64>,
    #[serde(default)]
    pub max_results: Option<u64>,
    #[serde(default)]
    pub total_count: Option<u64>,
}

/// Intuit's error body. The documented form is `{"Fault": {"Error":
/// [...], "type"}, "time"}`; the auth gateway answers the same in lower
/// case (`fault.error[].message`), so both spellings are read.
#[derive(Debug, Clone, Deserialize)]
pub struct FaultBody {
    #[serde(rename = "Fault", alias = "fault")]
    pub fault: Fault,
    #[serde(default)]
    pub time: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Fault {
    #[serde(rename = "Error", alias = "error", default)]
    pub errors: Vec<FaultError>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FaultError {
    #[serde(rename = "Message", alias = "message", default)]
    pub message: Option<String>,
    #[serde(rename = "Detail", alias = "detail", default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub element: Option<String>,
}
