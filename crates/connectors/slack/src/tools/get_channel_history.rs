//! `slack_get_channel_history`: a channel's messages in a time window,
//! newest first, with threads folded in: each thread's size and its first
//! replies (fetched concurrently for a bounded number of threads).

use std::collections::HashMap;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::{collect_pages, Page};
use tokio::task::JoinSet;

use super::{in_channel, names};
use crate::model::{next_cursor, Message};
use crate::shape::{self, user_ids, Post};
use crate::{args, Slack};

/// Threads whose replies one call fetches at most.
const MAX_THREADS: usize = 8;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// #name or id.
    pub channel: String,
    /// YYYY-MM-DD or RFC 3339 time.
    pub oldest: Option<String>,
    /// Same forms; inclusive.
    pub latest: Option<String>,
    /// Max messages (1-200, default 30).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    #[schemars(range(min = 0, max = 10))]
    pub replies_per_thread: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// `#name`.
    pub channel: String,
    /// Newest first.
    pub messages: Vec<Post>,
    /// Threads whose replies were not fetched; `slack_get_thread` reads them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threads_not_expanded: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct GetChannelHistory;

#[async_trait]
impl Tool for GetChannelHistory {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_get_channel_history";
    const TITLE: &'static str = "Read a Slack channel";
    const DESCRIPTION: &'static str =
        "A Slack channel's messages, newest first, with each thread's first replies.";
    const PERMISSION: &'static str = "slack:messages:read";
    const EFFECT: Effect = Effect::Read;
    // Read with the app's token: the same for every caller who may read.
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
        let oldest = args::instant("oldest", a.oldest.as_deref(), false)?;
        let latest = args::instant("latest", a.latest.as_deref(), true)?;
        if let (Some(o), Some(l)) = (oldest, latest) {
            if o > l {
                return Err(args::bad("oldest", "is after `latest`"));
            }
        }
        let limit = args::limit(a.limit, 30, 200)?;
        let per_thread = match a.replies_per_thread {
            None => 3,
            Some(n) if n <= 10 => n as usize,
            Some(n) => {
                return Err(args::bad(
                    "replies_per_thread",
                    format!("must be between 0 and 10, got {n}"),
                ))
            }
        };
        let cursor = args::slack_cursor(a.cursor.as_deref())?;

        let channel = state.directory.channel(&state.client, ctx, &arg).await?;
        let window = (
            oldest.map(|o| format!("{o}.000000")),
            latest.map(|l| format!("{l}.999999")),
        );
        let client = &state.client;
        let (mut messages, next) = collect_pages(limit, cursor, |cursor, wanted| {
            let (window, id) = (window.clone(), channel.id.clone());
            async move {
                let page = client
                    .history(ctx, &id, window, wanted.min(200), cursor)
                    .await?;
                Ok(Page {
                    next: next_cursor(&page.response_metadata),
                    items: page.messages,
                })
            }
        })
        .await
        .map_err(in_channel(&channel))?;
        messages
            .retain(|m| !matches!(m.subtype.as_deref(), Some("channel_join" | "channel_leave")));

        let threads: Vec<String> = messages
            .iter()
            .filter(|m| m.reply_count.unwrap_or(0) > 0)
            .map(|m| m.ts.clone())
            .collect();
        let expand = if per_thread == 0 {
            0
        } else {
            threads.len().min(MAX_THREADS)
        };
        let mut fetches = JoinSet::new();
        for ts in threads.iter().take(expand).cloned() {
            let (client, ctx, id) = (state.client.clone(), ctx.clone(), channel.id.clone());
            fetches.spawn(async move {
                let page = client.replies(&ctx, &id, &ts, per_thread + 1, None).await;
                (ts, page)
            });
        }
        let mut replies: HashMap<String, Vec<Message>> = HashMap::new();
        while let Some(joined) = fetches.join_next().await {
            let (ts, page) = joined
                .map_err(|e| ConnectorError::internal("a thread fetch failed").with_source(e))?;
            let page = page.map_err(in_channel(&channel))?;
            let shown = page
                .messages
                .into_iter()
                .filter(Message::is_reply)
                .take(per_thread);
            replies.insert(ts, shown.collect());
        }

        let ids = messages
            .iter()
            .chain(replies.values().flatten())
            .flat_map(user_ids)
            .collect();
        let names = names(state, ctx, ids).await?;
        let skipped = threads.len() - expand;
        Ok(Output {
            channel: channel.label(),
            messages: messages
                .iter()
                .map(|m| shape::post(m, replies.get(&m.ts).map_or(&[], Vec::as_slice), &names))
                .collect(),
            threads_not_expanded: (per_thread > 0 && skipped > 0).then_some(skipped as u32),
            next_cursor: next,
        })
    }
}
