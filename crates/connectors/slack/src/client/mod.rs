//! A thin Slack layer over `UpstreamClient`: one client per rate-limit
//! tier (Slack limits each method per workspace and app, by tier), the bot
//! token for everything but search, the optional user token for search,
//! and every answer checked for `ok: false` before it is parsed.

mod methods;

use std::time::Duration;

use serde::de::DeserializeOwned;
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::{
    parse_retry_after, Auth, Quota, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest,
};
use url::Url;

use crate::errors;
use crate::model::Envelope;

/// How the gateway names Slack in errors and logs.
pub const SERVICE: &str = "Slack";

/// Slack's documented tiers (requests per minute per workspace and app).
/// `conversations.history`/`.replies` are Tier 3 for internal apps like
/// this one (the 2025 one-per-minute limit applies to commercially
/// distributed apps only). Posting is limited per channel to about one
/// message a second; the gateway keeps a little under that overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// 20+/min: `conversations.list`, `users.list`, `search.messages`.
    Two,
    /// 50+/min: `conversations.history`, `.replies`, `.info`, `users.lookupByEmail`.
    Three,
    /// 100+/min: `users.info`.
    Four,
    /// `chat.postMessage`.
    Post,
}

impl Tier {
    fn quota(self) -> Quota {
        let (requests, secs) = match self {
            Tier::Two => (20, 60),
            Tier::Three => (50, 60),
            Tier::Four => (100, 60),
            Tier::Post => (5, 6),
        };
        Quota {
            requests,
            per: Duration::from_secs(secs),
        }
    }
}

/// The connector's Slack client.
#[derive(Debug, Clone)]
pub struct Client {
    tier2: UpstreamClient,
    tier3: UpstreamClient,
    tier4: UpstreamClient,
    post: UpstreamClient,
    /// Search as the user who granted the user token, if configured.
    user: Option<UpstreamClient>,
}

fn upstream(
    base_url: &Url,
    token: &Secret,
    timeout: Duration,
    tier: Tier,
) -> Result<UpstreamClient, ConnectorError> {
    let mut config = UpstreamConfig::new(SERVICE, base_url.clone(), Auth::Bearer(token.clone()));
    config.timeout = timeout;
    config.vendor_message = errors::vendor_message;
    config.quota = Some(tier.quota());
    UpstreamClient::new(config)
}

impl Client {
    pub fn new(
        base_url: Url,
        bot_token: Secret,
        user_token: Option<Secret>,
        timeout: Duration,
    ) -> Result<Self, ConnectorError> {
        let bot = |tier| upstream(&base_url, &bot_token, timeout, tier);
        Ok(Client {
            tier2: bot(Tier::Two)?,
            tier3: bot(Tier::Three)?,
            tier4: bot(Tier::Four)?,
            post: bot(Tier::Post)?,
            user: user_token
                .map(|t| upstream(&base_url, &t, timeout, Tier::Two))
                .transpose()?,
        })
    }

    /// Whether search can run (a user token is configured).
    pub fn can_search(&self) -> bool {
        self.user.is_some()
    }

    fn bot(&self, tier: Tier) -> &UpstreamClient {
        match tier {
            Tier::Two => &self.tier2,
            Tier::Three => &self.tier3,
            Tier::Four => &self.tier4,
            Tier::Post => &self.post,
        }
    }

    /// Sends `request` and parses the answer, turning `ok: false` into the
    /// error its code stands for.
    async fn call<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        upstream: &UpstreamClient,
        request: UpstreamRequest,
    ) -> Result<T, ConnectorError> {
        let method = request.path.clone();
        let response = upstream.send(ctx, request).await?;
        let envelope: Envelope = response.json(SERVICE)?;
        if !envelope.ok {
            let retry = parse_retry_after(&response.headers);
            return Err(errors::from_envelope(
                &method,
                &envelope,
                response.status,
                retry,
            ));
        }
        if let Some(warning) = envelope.warning.as_deref() {
            tracing::debug!(method = %method, warning, "Slack warning");
        }
        response.json(SERVICE)
    }

    /// A read method with query arguments (skipping absent ones).
    pub async fn get<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        tier: Tier,
        method: &str,
        args: &[(&str, Option<String>)],
    ) -> Result<T, ConnectorError> {
        let mut request = UpstreamRequest::get(method);
        for (key, value) in args {
            if let Some(value) = value {
                request = request.query(*key, value);
            }
        }
        self.call(ctx, self.bot(tier), request).await
    }
}
