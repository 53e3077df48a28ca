//! `hubspot_get_contact`: one contact by id.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::client::ObjectType;
use crate::shape::{self, Contact};
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub contact_id: String,
}

pub struct GetContact;

#[async_trait]
impl Tool for GetContact {
    type State = HubSpot;
    type Args = Args;
    type Output = Contact;

    const NAME: &'static str = "hubspot_get_contact";
    const TITLE: &'static str = "Get a HubSpot contact";
    const DESCRIPTION: &'static str = "A person's record in the CRM (sales system).";
    const PERMISSION: &'static str = "hubspot:contacts:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Contact, ConnectorError> {
        let id = args::object_id("contact_id", &a.contact_id)?;
        let raw = state
            .client
            .get_object(ctx, ObjectType::Contacts, &id, &[])
            .await
            .map_err(not_found_as("contact", &id))?;
        Ok(shape::contact(&raw))
    }
}
