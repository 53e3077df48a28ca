//! `intercom_get_company`: one company by Intercom id or exact name, with
//! its plan, spend, custom attributes and the first few people there.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::scope::person;
use crate::shape::{company, CompanyOut};
use crate::{args, Intercom};

/// People listed with a company.
const PEOPLE: usize = 10;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub company_id: Option<String>,
    pub name: Option<String>,
}

pub struct GetCompany;

#[async_trait]
impl Tool for GetCompany {
    type State = Intercom;
    type Args = Args;
    type Output = CompanyOut;

    const NAME: &'static str = "intercom_get_company";
    const TITLE: &'static str = "Get an Intercom company";
    const DESCRIPTION: &'static str =
        "A customer company in the support system, by company_id or exact name.";
    const PERMISSION: &'static str = "intercom:companies:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<CompanyOut, ConnectorError> {
        let id = a
            .company_id
            .as_deref()
            .map(|id| args::object_id("company_id", id))
            .transpose()?;
        let name = args::text("name", a.name.as_deref(), 200)?;
        let raw = match (id, name) {
            (Some(id), None) => state
                .client
                .company(ctx, &id)
                .await
                .map_err(not_found_as("company", &id))?,
            (None, Some(name)) => {
                let found = state.client.company_named(ctx, &name).await;
                let not_found = || {
                    ConnectorError::not_found(format!("Intercom has no company named \"{name}\""))
                };
                match found {
                    Ok(Some(c)) => c,
                    Ok(None) => return Err(not_found()),
                    Err(e) if e.kind == switchboard_core::ErrorKind::NotFound => {
                        return Err(not_found().with_source(e))
                    }
                    Err(e) => return Err(e),
                }
            }
            _ => {
                return Err(args::bad(
                    "company_id",
                    "give exactly one of `company_id` or `name`",
                ))
            }
        };
        let people = state.client.company_contacts(ctx, &raw.id, PEOPLE).await?;
        Ok(company(&raw, people.data.iter().map(person).collect()))
    }
}
