//! Contacts and companies.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{opt_id, ObjectRef, Pages, TagList};

/// `POST /contacts/search`, `GET /contacts` and `GET
/// /companies/{id}/contacts`.
#[derive(Debug, Clone, Deserialize)]
pub struct ContactList {
    pub data: Vec<Contact>,
    #[serde(default)]
    pub total_count: u64,
    #[serde(default)]
    pub pages: Pages,
}

/// A user or lead.
#[derive(Debug, Clone, Deserialize)]
pub struct Contact {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    /// `user` or `lead`.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// May hold HTML entities (`Phone &amp; SMS` in a recording).
    #[serde(default)]
    pub name: Option<String>,
    /// The teammate who owns the contact.
    #[serde(default, deserialize_with = "opt_id")]
    pub owner_id: Option<String>,
    #[serde(default)]
    pub created_at: Option<i64>,
    #[serde(default)]
    pub last_seen_at: Option<i64>,
    #[serde(default)]
    pub last_replied_at: Option<i64>,
    #[serde(default)]
    pub last_contacted_at: Option<i64>,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub custom_attributes: Map<String, Value>,
    #[serde(default)]
    pub companies: Option<RefList>,
}

impl Contact {
    /// The ids of the companies the contact belongs to.
    pub fn company_ids(&self) -> Vec<String> {
        let refs = self.companies.as_ref().map(|c| c.data.as_slice());
        refs.unwrap_or_default()
            .iter()
            .map(|c| c.id.clone())
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Location {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// `{type: "list", data: [{id, type, url}], url, total_count, has_more}`.
#[derive(Debug, Clone, Deserialize)]
pub struct RefList {
    pub data: Vec<ObjectRef>,
    #[serde(default)]
    pub total_count: u64,
    #[serde(default)]
    pub has_more: bool,
}

/// `GET /companies?name=` (a one-item list) and `GET /companies`.
#[derive(Debug, Clone, Deserialize)]
pub struct CompanyList {
    pub data: Vec<Company>,
    #[serde(default)]
    pub total_count: u64,
    #[serde(default)]
    pub pages: Pages,
}

/// A company.
#[derive(Debug, Clone, Deserialize)]
pub struct Company {
    #[serde(deserialize_with = "super::id")]
    pub id: String,
    /// The id the workspace's own systems gave the company.
    #[serde(default, deserialize_with = "opt_id")]
    pub company_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub created_at: Option<i64>,
    #[serde(default)]
    pub updated_at: Option<i64>,
    #[serde(default)]
    pub monthly_spend: Option<f64>,
    #[serde(default)]
    pub session_count: Option<u64>,
    #[serde(default)]
    pub user_count: Option<u64>,
    /// `{}` when the company has no plan.
    #[serde(default)]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub custom_attributes: Map<String, Value>,
    #[serde(default)]
    pub tags: TagList,
    #[serde(default)]
    pub segments: SegmentList,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Plan {
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SegmentList {
    #[serde(default)]
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Segment {
    #[serde(default)]
    pub name: Option<String>,
}
