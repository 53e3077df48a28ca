//! `hubspot_get_company`: one company by id.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::client::ObjectType;
use crate::shape::{self, Company};
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub company_id: String,
}

pub struct GetCompany;

#[async_trait]
impl Tool for GetCompany {
    type State = HubSpot;
    type Args = Args;
    type Output = Company;

    const NAME: &'static str = "hubspot_get_company";
    const TITLE: &'static str = "Get a HubSpot company";
    const DESCRIPTION: &'static str = "A company's record in the CRM (sales system).";
    const PERMISSION: &'static str = "hubspot:companies:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Company, ConnectorError> {
        let id = args::object_id("company_id", &a.company_id)?;
        let raw = state
            .client
            .get_object(ctx, ObjectType::Companies, &id, &[])
            .await
            .map_err(not_found_as("company", &id))?;
        Ok(shape::company(&raw))
    }
}
