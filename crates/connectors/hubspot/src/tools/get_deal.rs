//! `hubspot_get_deal`: one deal with its companies and contacts, read in
//! three requests (the deal with association ids, then one batch read per
//! associated type) plus the cached owner/stage directory.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::client::ObjectType;
use crate::model::SimplePublicObject;
use crate::shape::{self, Deal};
use crate::{args, HubSpot};

/// Associated objects read per deal, at most.
const MAX_COMPANIES: usize = 10;
const MAX_CONTACTS: usize = 25;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub deal_id: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CompanyRef {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ContactRef {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    #[serde(flatten)]
    pub deal: Deal,
    pub companies: Vec<CompanyRef>,
    pub contacts: Vec<ContactRef>,
}

pub struct GetDeal;

#[async_trait]
impl Tool for GetDeal {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_get_deal";
    const TITLE: &'static str = "Get a HubSpot deal";
    const DESCRIPTION: &'static str =
        "A CRM deal (sales opportunity) with its company and contacts.";
    const PERMISSION: &'static str = "hubspot:deals:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::object_id("deal_id", &a.deal_id)?;
        let raw = state
            .client
            .get_object(ctx, ObjectType::Deals, &id, &["companies", "contacts"])
            .await
            .map_err(not_found_as("deal", &id))?;
        let company_ids = first(raw.associated_ids("companies"), MAX_COMPANIES);
        let contact_ids = first(raw.associated_ids("contacts"), MAX_CONTACTS);
        let (directory, companies, contacts) = tokio::try_join!(
            state.resolver.directory(&state.client, ctx),
            state
                .client
                .batch_read(ctx, ObjectType::Companies, &company_ids),
            state
                .client
                .batch_read(ctx, ObjectType::Contacts, &contact_ids),
        )?;
        Ok(Output {
            deal: shape::deal(&raw, &directory),
            companies: in_order(&company_ids, companies)
                .map(|o| {
                    let c = shape::company(&o);
                    CompanyRef {
                        id: c.id,
                        name: c.name,
                        domain: c.domain,
                    }
                })
                .collect(),
            contacts: in_order(&contact_ids, contacts)
                .map(|o| {
                    let c = shape::contact(&o);
                    ContactRef {
                        id: c.id,
                        name: c.name,
                        email: c.email,
                        job_title: c.job_title,
                    }
                })
                .collect(),
        })
    }
}

fn first(mut ids: Vec<String>, n: usize) -> Vec<String> {
    ids.truncate(n);
    ids
}

/// Batch reads answer in any order: restore the association order.
fn in_order(
    ids: &[String],
    mut objects: Vec<SimplePublicObject>,
) -> impl Iterator<Item = SimplePublicObject> {
    objects.sort_by_key(|o| ids.iter().position(|id| *id == o.id).unwrap_or(usize::MAX));
    objects.into_iter()
}
