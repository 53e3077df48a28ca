//! HubSpot's wire types, as recorded in `upstream-fixtures/hubspot`. Only
//! what the tools read is modelled; unknown fields are ignored so that
//! HubSpot adding fields never breaks a call.

use std::collections::HashMap;

use serde::Deserialize;

/// `SimplePublicObject` (optionally `...WithAssociations`): every CRM
/// object. All property values are strings or `null`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimplePublicObject {
    pub id: String,
    #[serde(default)]
    pub properties: Properties,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub archived: bool,
    /// Keyed by the plural object type (`companies`, `contacts`).
    #[serde(default)]
    pub associations: HashMap<String, AssociationPage>,
}

impl SimplePublicObject {
    /// Distinct ids associated under `kind`, in HubSpot's order. (v3
    /// lists a primary association twice: labeled and `_unlabeled`.)
    pub fn associated_ids(&self, kind: &str) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for a in self
            .associations
            .get(kind)
            .map(|p| p.results.as_slice())
            .unwrap_or_default()
        {
            if !ids.contains(&a.id) {
                ids.push(a.id.clone());
            }
        }
        ids
    }
}

/// An object's property map.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Properties(pub HashMap<String, Option<String>>);

impl Properties {
    /// The trimmed value, with `null` and empty strings read as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .and_then(|v| v.as_deref())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct AssociationPage {
    pub results: Vec<AssociatedId>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AssociatedId {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// `paging.next`; `link` appears on list endpoints only.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Paging {
    pub next: Option<NextPage>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NextPage {
    pub after: String,
    #[serde(default)]
    pub link: Option<String>,
}

/// A CRM search answer: `total` counts every match, not just this page.
#[derive(Debug, Clone, Deserialize)]
pub struct SearchResponse {
    pub total: u64,
    pub results: Vec<SimplePublicObject>,
    #[serde(default)]
    pub paging: Option<Paging>,
}

/// A page of a list endpoint (`results` + optional `paging`).
#[derive(Debug, Clone, Deserialize)]
pub struct ListResponse<T> {
    pub results: Vec<T>,
    #[serde(default)]
    pub paging: Option<Paging>,
}

impl<T> ListResponse<T> {
    pub fn next_after(&self) -> Option<String> {
        self.paging.as_ref()?.next.as_ref().map(|n| n.after.clone())
    }
}

impl SearchResponse {
    pub fn next_after(&self) -> Option<String> {
        self.paging.as_ref()?.next.as_ref().map(|n| n.after.clone())
    }
}

/// `POST /crm/v3/objects/{type}/batch/read` (200, or 207 with `errors`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResponse<T> {
    pub status: String,
    pub results: Vec<T>,
    #[serde(default)]
    pub num_errors: Option<u32>,
}

/// One association created by `/crm/v3/associations/.../batch/create`.
#[derive(Debug, Clone, Deserialize)]
pub struct AssociationLink {
    pub from: ObjectRef,
    pub to: ObjectRef,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ObjectRef {
    pub id: String,
}

/// A CRM owner (`/crm/v3/owners`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    pub id: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub user_id: Option<u64>,
    #[serde(default)]
    pub archived: bool,
}

/// A pipeline (`/crm/v3/pipelines/deals`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pipeline {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub display_order: i64,
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub display_order: i64,
    #[serde(default)]
    pub metadata: StageMetadata,
    #[serde(default)]
    pub archived: bool,
}

/// Stage metadata; HubSpot sends these as strings ("true", "0.4").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageMetadata {
    #[serde(default)]
    pub is_closed: Option<String>,
    #[serde(default)]
    pub probability: Option<String>,
}

/// HubSpot's error body (spec `components.schemas.Error`), and the 429
/// variant with `errorType`/`policyName`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default)]
    pub status: Option<String>,
    pub message: String,
    #[serde(default)]
    pub correlation_id: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub error_type: Option<String>,
    #[serde(default)]
    pub policy_name: Option<String>,
}
