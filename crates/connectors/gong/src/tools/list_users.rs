//! `gong_list_users`: the company's Gong users (who hosts and attends
//! recorded calls), paged up to a limit.

use std::time::Duration;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::paging::{scan, Cursor};
use crate::shape::{self, UserOut};
use crate::{args, Gong};

/// Gong pages (100 users each) read per tool call, at most.
const MAX_PAGES: usize = 2;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Max users (1-100, default 50).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub users: Vec<UserOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListUsers;

#[async_trait]
impl Tool for ListUsers {
    type State = Gong;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "gong_list_users";
    const TITLE: &'static str = "List Gong users";
    const DESCRIPTION: &'static str =
        "The company's call-recording users: who hosts and attends calls.";
    const PERMISSION: &'static str = "gong:users:read";
    const EFFECT: Effect = Effect::Read;
    /// The user list is the same whoever asks.
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: Duration::from_secs(300),
    };

    async fn call(
        &self,
        state: &Gong,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::bounded("limit", a.limit, 50, 1, 100)?;
        let cursor = Cursor::parse(a.cursor.as_deref())?;
        let (users, next_cursor) = scan(
            limit,
            cursor,
            MAX_PAGES,
            |_| true,
            |page| async {
                let page = state.client.users(ctx, page).await?;
                Ok((page.users, page.records.cursor))
            },
        )
        .await?;
        Ok(Output {
            users: users.iter().map(shape::user).collect(),
            next_cursor,
        })
    }
}
