//! `customer_get_profile`: one customer across CRM, support, billing and
//! calls, in one call.

use async_trait::async_trait;
use chrono::Days;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::summarize::{self, Billing, Calls, Crm, Support};
use crate::identity::Customer;
use crate::parts::{part, Part};
use crate::State;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// CRM company id, domain (acme.example), contact email, or name.
    pub customer: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Profile {
    pub customer: Customer,
    pub crm: Part<Crm>,
    pub support: Part<Support>,
    pub billing: Part<Billing>,
    pub calls: Part<Calls>,
}

pub struct GetProfile;

#[async_trait]
impl Tool for GetProfile {
    type State = State;
    type Args = Args;
    type Output = Profile;

    const NAME: &'static str = "customer_get_profile";
    const TITLE: &'static str = "Customer profile across systems";
    const DESCRIPTION: &'static str = "One customer at a glance across CRM deals, support, billing and calls, in one call; parts you may not see are marked omitted.";
    const PERMISSION: &'static str = "composite:customers:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &State,
        ctx: &CallContext,
        args: Args,
    ) -> Result<Profile, ConnectorError> {
        let customer = state.identity.resolve(ctx, &args.customer).await?;
        let today = state.today.date();
        let since = today.checked_sub_days(Days::new(90)).unwrap_or(today);
        let crm = async {
            match &customer.crm_id {
                Some(id) => {
                    part(
                        ctx,
                        "hubspot_search_deals",
                        json!({"company_id": id, "limit": 10}),
                    )
                    .await
                }
                None => Part::omitted(),
            }
        };
        let support_key = customer.support_key();
        let conversations = part(
            ctx,
            "intercom_search_conversations",
            json!({"company": support_key, "state": "open", "limit": 50}),
        );
        let tickets = part(
            ctx,
            "intercom_search_tickets",
            json!({"company": support_key, "state": "open", "limit": 50}),
        );
        let billing = part(
            ctx,
            "quickbooks_get_customer",
            json!({"customer": customer.billing_key()}),
        );
        let calls = part(
            ctx,
            "gong_list_calls",
            json!({"company": customer.calls_key(), "from": since.to_string(), "to": today.to_string(), "limit": 100}),
        );
        let (crm, conversations, tickets, billing, calls) =
            futures::join!(crm, conversations, tickets, billing, calls);
        let support = match (&conversations, &tickets) {
            (Part::Omitted { .. }, Part::Omitted { .. }) => Part::omitted(),
            (Part::Failed { error }, Part::Failed { .. }) => Part::Failed {
                error: error.clone(),
            },
            _ => Part::Ok(summarize::support(&conversations, &tickets, today)),
        };
        Ok(Profile {
            customer,
            crm: crm.map(|v| summarize::crm(&v)),
            support,
            billing: billing.map(|v| summarize::billing(&v)),
            calls: calls.map(|v| summarize::calls(&v)),
        })
    }
}
