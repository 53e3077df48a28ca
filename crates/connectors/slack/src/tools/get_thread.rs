//! `slack_get_thread`: a thread's parent message and its replies, oldest
//! first, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, ErrorKind, Tool};
use switchboard_upstream::{collect_pages, Page};

use super::{in_channel, names};
use crate::errors::restate;
use crate::model::next_cursor;
use crate::shape::{self, user_ids, Line};
use crate::{args, Slack};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// #name or id.
    pub channel: String,
    /// The parent message's `ts`.
    pub thread_ts: String,
    /// Max replies (1-200, default 50).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// `#name`.
    pub channel: String,
    /// The thread's first message (on the first page only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Line>,
    /// All replies in the thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_count: Option<u32>,
    /// Oldest first.
    pub replies: Vec<Line>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct GetThread;

#[async_trait]
impl Tool for GetThread {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_get_thread";
    const TITLE: &'static str = "Read a Slack thread";
    const DESCRIPTION: &'static str = "A Slack thread's parent message and replies, oldest first.";
    const PERMISSION: &'static str = "slack:messages:read";
    const EFFECT: Effect = Effect::Read;
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: std::time::Duration::from_secs(30),
    };

    async fn call(
        &self,
        state: &Slack,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let arg = args::channel("channel", &a.channel)?;
        let ts = args::ts("thread_ts", &a.thread_ts)?;
        let limit = args::limit(a.limit, 50, 200)?;
        let cursor = args::slack_cursor(a.cursor.as_deref())?;
        let channel = state.directory.channel(&state.client, ctx, &arg).await?;

        // The first page starts with the parent, which is not a reply.
        let wanted = limit + usize::from(cursor.is_none());
        let client = &state.client;
        let (messages, next) = collect_pages(wanted, cursor, |cursor, wanted| {
            let (id, ts) = (channel.id.clone(), ts.clone());
            async move {
                let page = client
                    .replies(ctx, &id, &ts, wanted.min(200), cursor)
                    .await?;
                Ok(Page {
                    next: next_cursor(&page.response_metadata),
                    items: page.messages,
                })
            }
        })
        .await
        .map_err(|e| match e.kind {
            ErrorKind::NotFound if crate::errors::has_code(&e, "thread_not_found") => {
                let label = channel.label();
                restate(e, format!("{label} has no message with ts {ts}"))
            }
            _ => in_channel(&channel)(e),
        })?;
        let (parents, replies): (Vec<_>, Vec<_>) =
            messages.into_iter().partition(|m| !m.is_reply());
        let ids = parents.iter().chain(&replies).flat_map(user_ids).collect();
        let names = names(state, ctx, ids).await?;
        let parent = parents.first();
        Ok(Output {
            channel: channel.label(),
            parent: parent.map(|p| shape::line(p, &names)),
            reply_count: parent.and_then(|p| p.reply_count),
            replies: replies.iter().map(|r| shape::line(r, &names)).collect(),
            next_cursor: next,
        })
    }
}
