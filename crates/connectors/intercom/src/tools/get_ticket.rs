//! `intercom_get_ticket`: one ticket with its description and the history
//! of its state changes and comments.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::scope::name_contacts;
use crate::shape::{ticket_detail, Names, TicketDetail};
use crate::{args, Intercom};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Not the ticket number.
    pub ticket_id: String,
}

pub struct GetTicket;

#[async_trait]
impl Tool for GetTicket {
    type State = Intercom;
    type Args = Args;
    type Output = TicketDetail;

    const NAME: &'static str = "intercom_get_ticket";
    const TITLE: &'static str = "Get an Intercom ticket";
    const DESCRIPTION: &'static str =
        "A support ticket with its history of state changes and comments.";
    const PERMISSION: &'static str = "intercom:tickets:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<TicketDetail, ConnectorError> {
        let id = args::numeric_id("ticket_id", &a.ticket_id)?;
        let (admins, ticket) =
            tokio::try_join!(state.directory.admins(&state.client, ctx), async {
                state
                    .client
                    .ticket(ctx, &id)
                    .await
                    .map_err(not_found_as("ticket", &id))
            })?;
        let mut names = Names {
            admins: (*admins).clone(),
            ..Names::default()
        };
        let contact_ids = ticket.contacts.contacts.iter().map(|r| r.id.clone());
        name_contacts(&state.client, ctx, contact_ids, &mut names.contacts).await?;
        Ok(ticket_detail(&ticket, &names))
    }
}
