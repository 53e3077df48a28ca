//! `hubspot_list_owners`: the CRM's users (deal owners), one page.

use std::time::Duration;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::resolve::owner_ref;
use crate::shape::OwnerRef;
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Max owners (1-100, default 50).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub owners: Vec<OwnerRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListOwners;

#[async_trait]
impl Tool for ListOwners {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_list_owners";
    const TITLE: &'static str = "List HubSpot owners";
    const DESCRIPTION: &'static str = "The CRM's users, who own deals, companies and contacts.";
    const PERMISSION: &'static str = "hubspot:owners:read";
    const EFFECT: Effect = Effect::Read;
    /// The owner list is the same whoever asks.
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: Duration::from_secs(300),
    };

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 50, 100)?;
        let after = args::list_cursor(a.cursor.as_deref())?;
        let page = state.client.owners(ctx, None, limit, after).await?;
        Ok(Output {
            next_cursor: page.next_after(),
            owners: page.results.iter().map(owner_ref).collect(),
        })
    }
}
