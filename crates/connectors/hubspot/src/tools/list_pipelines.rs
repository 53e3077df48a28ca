//! `hubspot_list_pipelines`: deal pipelines and their stages, in order.

use std::time::Duration;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::shape::{self, PipelineOut};
use crate::HubSpot;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub pipelines: Vec<PipelineOut>,
}

pub struct ListPipelines;

#[async_trait]
impl Tool for ListPipelines {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_list_pipelines";
    const TITLE: &'static str = "List HubSpot deal pipelines";
    const DESCRIPTION: &'static str =
        "Deal pipelines and their stages in order, with win probability.";
    const PERMISSION: &'static str = "hubspot:pipelines:read";
    const EFFECT: Effect = Effect::Read;
    /// Pipelines are the same whoever asks.
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: Duration::from_secs(300),
    };

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        _: Args,
    ) -> Result<Output, ConnectorError> {
        let mut pipelines = state.client.pipelines(ctx).await?;
        pipelines.retain(|p| !p.archived);
        pipelines.sort_by_key(|p| p.display_order);
        Ok(Output {
            pipelines: pipelines.iter().map(shape::pipeline).collect(),
        })
    }
}
