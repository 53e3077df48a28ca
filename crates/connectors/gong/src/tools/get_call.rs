//! `gong_get_call`: one call's metadata and who was on it, Northwind's
//! people apart from the customer's, in one request
//! (`POST /v2/calls/extensive` filtered by the call id, with parties).

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::no_such_call;
use crate::shape::{self, CallDetail};
use crate::{args, Gong};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub call_id: String,
}

pub struct GetCall;

#[async_trait]
impl Tool for GetCall {
    type State = Gong;
    type Args = Args;
    type Output = CallDetail;

    const NAME: &'static str = "gong_get_call";
    const TITLE: &'static str = "Get a Gong call";
    const DESCRIPTION: &'static str =
        "A recorded call with its participants, split into our people and the customer's.";
    const PERMISSION: &'static str = "gong:calls:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Gong,
        ctx: &CallContext,
        a: Args,
    ) -> Result<CallDetail, ConnectorError> {
        let id = args::call_id(&a.call_id)?;
        let call = state
            .client
            .call(ctx, &id)
            .await?
            .ok_or_else(|| no_such_call(&id))?;
        let directory = if shape::host_needs_directory(&call) {
            Some(state.directory.directory(&state.client, ctx).await?)
        } else {
            None
        };
        Ok(shape::detail(&call, directory.as_deref()))
    }
}
