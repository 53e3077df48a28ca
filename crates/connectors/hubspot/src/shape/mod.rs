//! The shaped outputs: the handful of fields that answer a question, with
//! ids resolved to names, amounts as numbers and dates as dates. Never the
//! raw object.

mod values;

use schemars::JsonSchema;
use serde::Serialize;

pub use values::{date, humanize};
use values::{deal_type_label, whole_if_possible};

use crate::model::{Pipeline, SimplePublicObject};
use crate::resolve::Directory;

/// A deal owner (a HubSpot user).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OwnerRef {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A deal, shaped.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Deal {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Stage label, e.g. "Contract Sent".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Pipeline label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipeline: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_if_possible"
    )]
    pub amount: Option<f64>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<OwnerRef>,
    /// "New Business" or "Existing Business" (renewals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deal_type: Option<String>,
}

/// A company, shaped.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Company {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A contact, shaped.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Contact {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// The company name on the contact record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
}

/// A pipeline stage, shaped.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StageOut {
    pub label: String,
    /// Win probability, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    pub closed: bool,
}

/// A deal pipeline, shaped.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PipelineOut {
    pub label: String,
    pub stages: Vec<StageOut>,
}

/// A pipeline's label and its live stages in display order.
pub fn pipeline(p: &Pipeline) -> PipelineOut {
    let mut stages: Vec<_> = p.stages.iter().filter(|s| !s.archived).collect();
    stages.sort_by_key(|s| s.display_order);
    PipelineOut {
        label: p.label.clone(),
        stages: stages
            .into_iter()
            .map(|s| StageOut {
                label: s.label.clone(),
                probability: s
                    .metadata
                    .probability
                    .as_deref()
                    .and_then(|v| v.parse().ok()),
                closed: s.metadata.is_closed.as_deref() == Some("true"),
            })
            .collect(),
    }
}

/// A deal with stage, pipeline and owner ids resolved through `directory`.
pub fn deal(o: &SimplePublicObject, directory: &Directory) -> Deal {
    let p = &o.properties;
    let owner = p.get("hubspot_owner_id").map(|id| {
        directory.owner(id).cloned().unwrap_or_else(|| OwnerRef {
            name: format!("HubSpot owner {id}"),
            email: None,
        })
    });
    Deal {
        id: o.id.clone(),
        name: p.get("dealname").map(str::to_owned),
        stage: p
            .get("dealstage")
            .map(|s| directory.stage_label(s).unwrap_or(s).to_owned()),
        pipeline: p
            .get("pipeline")
            .map(|s| directory.pipeline_label(s).unwrap_or(s).to_owned()),
        amount: p
            .get("amount")
            .and_then(|a| a.parse::<f64>().ok())
            .filter(|a| a.is_finite()),
        close_date: p.get("closedate").and_then(date),
        owner,
        deal_type: p.get("dealtype").map(deal_type_label),
    }
}

/// A company; the industry code becomes a readable label.
pub fn company(o: &SimplePublicObject) -> Company {
    let p = &o.properties;
    let s = |k: &str| p.get(k).map(str::to_owned);
    Company {
        id: o.id.clone(),
        name: s("name"),
        domain: s("domain"),
        industry: p.get("industry").map(humanize),
        city: s("city"),
        country: s("country"),
    }
}

/// A contact; first and last name joined.
pub fn contact(o: &SimplePublicObject) -> Contact {
    let p = &o.properties;
    let s = |k: &str| p.get(k).map(str::to_owned);
    let name = [p.get("firstname"), p.get("lastname")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Contact {
        id: o.id.clone(),
        name: (!name.is_empty()).then_some(name),
        email: s("email"),
        job_title: s("jobtitle"),
        company: s("company"),
    }
}
