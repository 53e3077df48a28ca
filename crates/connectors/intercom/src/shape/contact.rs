//! Contacts and companies.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::{date, decode_entities, whole_if_possible, Names, Person};
use crate::model::{Company, Contact};

/// A contact in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ContactSummary {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// user or lead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Job title, when the workspace records one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
}

/// One contact in full.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ContactOut {
    #[serde(flatten)]
    pub summary: ContactSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub companies: Vec<String>,
    /// "City, Country".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The teammate who owns the contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When they last wrote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_replied: Option<String>,
    /// When a teammate last wrote to them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contacted: Option<String>,
}

/// One company in full.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CompanyOut {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The workspace's own id for the company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_if_possible"
    )]
    pub monthly_spend: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Custom attributes with a value.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
    /// Contacts at the company (the first few).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
}

fn text(v: Option<&str>) -> Option<String> {
    v.map(|s| decode_entities(s.trim()))
        .filter(|s| !s.is_empty())
}

fn job_title(c: &Contact) -> Option<String> {
    ["job_title", "title", "Job title"]
        .iter()
        .find_map(|k| c.custom_attributes.get(*k).and_then(Value::as_str))
        .and_then(|t| text(Some(t)))
}

pub fn contact_summary(c: &Contact, names: &Names) -> ContactSummary {
    let person = Person::from_parts(c.name.as_deref(), c.email.as_deref(), "Unnamed contact");
    ContactSummary {
        id: c.id.clone(),
        name: person.name,
        email: person.email,
        role: c.role.clone(),
        title: job_title(c),
        company: c
            .company_ids()
            .iter()
            .find_map(|id| names.companies.get(id).cloned()),
        last_seen: c.last_seen_at.map(date),
    }
}

pub fn contact(c: &Contact, names: &Names) -> ContactOut {
    let location = c.location.as_ref().map(|l| {
        [&l.city, &l.country]
            .into_iter()
            .filter_map(|s| text(s.as_deref()))
            .collect::<Vec<_>>()
            .join(", ")
    });
    ContactOut {
        summary: contact_summary(c, names),
        phone: text(c.phone.as_deref()),
        companies: c
            .company_ids()
            .iter()
            .filter_map(|id| names.companies.get(id).cloned())
            .collect(),
        location: location.filter(|l| !l.is_empty()),
        owner: names.admin(c.owner_id.as_deref()),
        created: c.created_at.map(date),
        last_replied: c.last_replied_at.map(date),
        last_contacted: c.last_contacted_at.map(date),
    }
}

/// A company and (from its contacts) the first few people there.
pub fn company(c: &Company, people: Vec<Person>) -> CompanyOut {
    let attributes = c
        .custom_attributes
        .iter()
        .filter(|(_, v)| !v.is_null() && v.as_str() != Some(""))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    CompanyOut {
        id: c.id.clone(),
        name: text(c.name.as_deref()),
        external_id: c.company_id.clone(),
        plan: c.plan.as_ref().and_then(|p| text(p.name.as_deref())),
        monthly_spend: c.monthly_spend.filter(|m| m.is_finite()),
        users: c.user_count,
        sessions: c.session_count,
        created: c.created_at.map(date),
        updated: c.updated_at.map(date),
        attributes,
        tags: c.tags.tags.iter().map(|t| t.name.clone()).collect(),
        segments: c
            .segments
            .segments
            .iter()
            .filter_map(|s| text(s.name.as_deref()))
            .collect(),
        people,
    }
}
