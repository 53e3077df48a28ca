//! `intercom_get_contact`: one contact with company names, owner and the
//! last time they and support wrote to each other.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::shape::{contact, ContactOut, Names};
use crate::{args, Intercom};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub contact_id: String,
}

pub struct GetContact;

#[async_trait]
impl Tool for GetContact {
    type State = Intercom;
    type Args = Args;
    type Output = ContactOut;

    const NAME: &'static str = "intercom_get_contact";
    const TITLE: &'static str = "Get an Intercom contact";
    const DESCRIPTION: &'static str = "A customer contact in the support system.";
    const PERMISSION: &'static str = "intercom:contacts:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<ContactOut, ConnectorError> {
        let id = args::object_id("contact_id", &a.contact_id)?;
        let (admins, raw) = tokio::try_join!(state.directory.admins(&state.client, ctx), async {
            state
                .client
                .contact(ctx, &id)
                .await
                .map_err(not_found_as("contact", &id))
        })?;
        let companies = state
            .directory
            .company_names(&state.client, ctx, raw.company_ids())
            .await?;
        let names = Names {
            admins: (*admins).clone(),
            companies,
            ..Names::default()
        };
        Ok(contact(&raw, &names))
    }
}
