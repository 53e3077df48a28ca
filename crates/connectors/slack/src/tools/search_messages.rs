//! `slack_search_messages`: Slack search with the filters turned into
//! Slack's own modifiers (`in:`, `from:`, `after:`, `before:`), newest
//! first. Search accepts only a user token; without one the tool says so
//! before calling Slack.

use async_trait::async_trait;
use chrono::Days;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, ErrorKind, Tool};

use super::names;
use crate::args::{self, ChannelArg};
use crate::shape::{mentions, time, Person};
use crate::Slack;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Words; Slack modifiers work.
    pub query: Option<String>,
    /// #name or id.
    pub channel: Option<String>,
    /// Email, or "me".
    pub from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub date_from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub date_to: Option<String>,
    /// Max messages (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call (keeps its limit).
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Hit {
    /// `#name`.
    pub channel: String,
    pub ts: String,
    /// UTC.
    pub time: String,
    pub author: Person,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// Newest first.
    pub messages: Vec<Hit>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// `p<page>.<count>`: Slack search pages by number.
fn parse_cursor(value: Option<&str>) -> Result<Option<(u32, usize)>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let parsed = v
        .strip_prefix('p')
        .and_then(|r| r.split_once('.'))
        .and_then(|(p, c)| Some((p.parse::<u32>().ok()?, c.parse::<usize>().ok()?)))
        .filter(|(p, c)| (2..=100).contains(p) && (1..=100).contains(c));
    parsed
        .map(Some)
        .ok_or_else(|| args::bad("cursor", "must be a `next_cursor` from a previous call"))
}

pub struct SearchMessages;

#[async_trait]
impl Tool for SearchMessages {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_search_messages";
    const TITLE: &'static str = "Search Slack messages";
    const DESCRIPTION: &'static str = "Search Slack messages, newest first; dates are inclusive.";
    const PERMISSION: &'static str = "slack:messages:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Slack,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let query = args::text("query", a.query.as_deref(), 500)?;
        let channel = a
            .channel
            .as_deref()
            .map(|c| args::channel("channel", c))
            .transpose()?;
        let from = match args::text("from", a.from.as_deref(), 254)? {
            Some(f) if f.eq_ignore_ascii_case("me") => Some(ctx.principal.email.to_lowercase()),
            Some(f) => Some(args::email("from", &f)?),
            None => None,
        };
        let date_from = args::date("date_from", a.date_from.as_deref())?;
        let date_to = args::date("date_to", a.date_to.as_deref())?;
        if let (Some(f), Some(t)) = (date_from, date_to) {
            if f > t {
                return Err(args::bad("date_from", "is after `date_to`"));
            }
        }
        let limit = args::limit(a.limit, 20, 100)?;
        let (page, count) = parse_cursor(a.cursor.as_deref())?.unwrap_or((1, limit));
        if query.is_none()
            && channel.is_none()
            && from.is_none()
            && date_from.is_none()
            && date_to.is_none()
        {
            return Err(ConnectorError::invalid_args(
                "invalid arguments: give at least one of `query`, `channel`, `from`, `date_from`, `date_to`",
            ));
        }
        if !state.client.can_search() {
            return Err(ConnectorError::new(
                ErrorKind::UpstreamDenied,
                "Slack search is not configured: Slack only lets user tokens search, and the gateway has none (set `user_token` in [connectors.slack], a token with the search:read scope). slack_get_channel_history can still read a channel.",
            ));
        }

        let mut terms: Vec<String> = query.into_iter().collect();
        match channel {
            Some(ChannelArg::Name(name)) => terms.push(format!("in:#{name}")),
            Some(ChannelArg::Id(id)) => terms.push(format!("in:<#{id}>")),
            None => {}
        }
        if let Some(email) = from {
            let Some(user) = state.client.user_by_email(ctx, &email).await? else {
                let message = if email == ctx.principal.email.to_lowercase() {
                    format!("You ({email}) are not a member of the Slack workspace")
                } else {
                    format!("No Slack user has the email {email}")
                };
                return Err(ConnectorError::not_found(message));
            };
            terms.push(format!("from:<@{}>", user.user.id));
        }
        // Slack's after:/before: exclude the day named.
        if let Some(d) = date_from.and_then(|d| d.checked_sub_days(Days::new(1))) {
            terms.push(format!("after:{d}"));
        }
        if let Some(d) = date_to.and_then(|d| d.checked_add_days(Days::new(1))) {
            terms.push(format!("before:{d}"));
        }
        let found = state
            .client
            .search(ctx, &terms.join(" "), count, page)
            .await?;
        let results = found.messages;
        let ids = results
            .matches
            .iter()
            .flat_map(|m| m.user.clone().into_iter().chain(mentions(&m.text)))
            .collect();
        let mut names = names(state, ctx, ids).await?;
        for m in &results.matches {
            if let Some(name) = &m.channel.name {
                names.channels.insert(m.channel.id.clone(), name.clone());
            }
        }
        let messages = results
            .matches
            .iter()
            .map(|m| Hit {
                channel: format!("#{}", m.channel.name.as_deref().unwrap_or(&m.channel.id)),
                ts: m.ts.clone(),
                time: time(&m.ts),
                author: match m.user.as_deref().filter(|u| !u.is_empty()) {
                    Some(id) => names
                        .people
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| Person::unknown(id)),
                    None => Person {
                        name: m.username.clone().unwrap_or_else(|| "unknown".into()),
                        email: None,
                    },
                },
                text: names.text(&m.text),
                permalink: m.permalink.clone(),
            })
            .collect();
        // Slack serves at most 100 pages.
        let more = results.paging.page < results.paging.pages.min(100);
        Ok(Output {
            messages,
            total: results.total,
            next_cursor: more.then(|| format!("p{}.{count}", results.paging.page + 1)),
        })
    }
}
