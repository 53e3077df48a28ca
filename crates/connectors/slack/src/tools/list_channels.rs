//! `slack_list_channels`: the channels the app can see, optionally only
//! those whose name contains some text. Slack cannot filter by name, so
//! pages of 200 are scanned; the cursor remembers the Slack page and how
//! far into it the last call got, so no channel is skipped or repeated.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::model::{next_cursor, Channel};
use crate::shape::{self, ChannelSummary};
use crate::{args, Slack};

/// Slack pages read at most per call (2,000 channels).
const MAX_PAGES: usize = 10;
const PAGE: usize = 200;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Part of the name.
    pub name: Option<String>,
    pub include_archived: Option<bool>,
    /// Max channels (1-200, default 50).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub channels: Vec<ChannelSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListChannels;

/// `<items to skip>:<Slack cursor, empty for the first page>`.
fn parse_cursor(value: Option<&str>) -> Result<(usize, Option<String>), ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok((0, None));
    };
    let bad = || args::bad("cursor", "must be a `next_cursor` from a previous call");
    let (skip, slack) = v.split_once(':').ok_or_else(bad)?;
    let skip: usize = skip.parse().ok().filter(|n| *n < PAGE).ok_or_else(bad)?;
    let slack = args::slack_cursor(Some(slack)).map_err(|_| bad())?;
    Ok((skip, slack))
}

#[async_trait]
impl Tool for ListChannels {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_list_channels";
    const TITLE: &'static str = "List Slack channels";
    const DESCRIPTION: &'static str =
        "Slack channels the gateway can see (e.g. name \"acct\" finds customer channels).";
    const PERMISSION: &'static str = "slack:channels:read";
    const EFFECT: Effect = Effect::Read;
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: std::time::Duration::from_secs(120),
    };

    async fn call(
        &self,
        state: &Slack,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let name = args::text("name", a.name.as_deref(), 80)?
            .map(|n| n.trim_start_matches('#').to_lowercase());
        let limit = args::limit(a.limit, 50, 200)?;
        let (mut skip, mut cursor) = parse_cursor(a.cursor.as_deref())?;
        let exclude_archived = !a.include_archived.unwrap_or(false);
        let wanted = |c: &Channel| {
            name.as_deref()
                .is_none_or(|n| c.name.as_deref().is_some_and(|cn| cn.contains(n)))
        };
        let mut channels = Vec::new();
        for _ in 0..MAX_PAGES {
            let page = state
                .client
                .channels(ctx, PAGE, cursor.clone(), exclude_archived)
                .await?;
            for (i, c) in page.channels.iter().enumerate().skip(skip) {
                if !wanted(c) {
                    continue;
                }
                if channels.len() == limit {
                    let resume = format!("{i}:{}", cursor.unwrap_or_default());
                    return Ok(Output {
                        channels,
                        next_cursor: Some(resume),
                    });
                }
                channels.push(shape::channel(c));
            }
            skip = 0;
            match next_cursor(&page.response_metadata) {
                Some(next) => cursor = Some(next),
                None => {
                    return Ok(Output {
                        channels,
                        next_cursor: None,
                    })
                }
            }
        }
        // The page budget is spent: continue with the next Slack page.
        Ok(Output {
            channels,
            next_cursor: cursor.map(|c| format!("0:{c}")),
        })
    }
}
