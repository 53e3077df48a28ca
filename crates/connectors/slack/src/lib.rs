//! Slack connector (`slack`): channels, channel history with threads
//! folded in, threads, message search, users, and posting, through Slack's
//! Web API and shaped to who said what, when.
//!
//! Slack answers errors with HTTP 200 and `{"ok": false, "error": code}`;
//! the client turns every such code into the right error kind
//! ([`errors::classify`]). Reads use the app's bot token; search needs a
//! user token, which is optional.
//!
//! Build it from config ([`SlackConfig`]) or directly with [`connector`].
//! `client`, `model`, `shape` and `errors` are public so tests and
//! composite tools can reuse the wire types and shaping.

mod args;
pub mod client;
mod config;
pub mod errors;
pub mod model;
mod resolve;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use config::SlackConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "slack";

/// How long user names and the channel list are reused before refetching.
const DIRECTORY_TTL: Duration = Duration::from_secs(600);

/// The state every tool shares.
pub struct Slack {
    client: client::Client,
    directory: resolve::Directory,
}

/// The Slack connector talking to `base_url` (`https://slack.com/api`)
/// with the app's `bot_token` and, for search, an optional `user_token`;
/// each request is bounded by `timeout` and by the call's deadline.
pub fn connector(
    base_url: Url,
    bot_token: Secret,
    user_token: Option<Secret>,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = Slack {
        client: client::Client::new(base_url, bot_token, user_token, timeout)?,
        directory: resolve::Directory::new(DIRECTORY_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::SearchMessages)
        .tool(tools::GetChannelHistory)
        .tool(tools::GetThread)
        .tool(tools::ListChannels)
        .tool(tools::GetUser)
        .tool(tools::PostMessage)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the Slack connector is malformed: {e}"))
                .with_source(e)
        })
}
