//! Shared setup: a fake Slack serving the demo workspace and a connector
//! pointed at it, and calls made as a demo user.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
use switchboard_testkit::demo::chat::{slack_workspace, SlackWorkspace};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::slack::{api_url, spawn_slack_with, SlackOptions};
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;

pub const BOT: &str = "xoxb-test-bot-token";
pub const USER: &str = "xoxp-test-user-token";

pub struct Env {
    pub server: FakeServer,
    pub slack: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(SlackOptions::default()).await
}

pub async fn env_with(options: SlackOptions) -> Env {
    let server = spawn_slack_with(northwind(), BOT, USER, options).await;
    let slack = connector_for(&server, BOT, Some(USER));
    Env { server, slack }
}

pub fn connector_for(server: &FakeServer, bot: &str, user: Option<&str>) -> Arc<dyn Connector> {
    switchboard_slack::connector(
        api_url(server),
        Secret::new(bot),
        user.map(Secret::new),
        Duration::from_secs(5),
    )
    .unwrap()
}

pub fn ws() -> &'static SlackWorkspace {
    slack_workspace()
}

/// A call as the demo sales user (`sales@northwind.example`, Sam Carter).
pub async fn call(
    c: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_as(c, "sales@demo", Duration::from_secs(10), tool, args).await
}

/// A call as `user` (`<role>@demo` maps to `<role>@northwind.example`).
pub async fn call_as(
    c: &Arc<dyn Connector>,
    user: &str,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    switchboard_testkit::calls::call_as(c, user, &["sales"], deadline, tool, args).await
}

pub use switchboard_testkit::calls::column;

/// A recorded fixture.
pub fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Requests to a Web API method so far.
pub fn hits(env: &Env, method: &str) -> usize {
    env.server.hits.path(&format!("/api/{method}"))
}

/// The newest message of a channel, as the fake stores it (raw mrkdwn).
pub async fn raw_latest(env: &Env, channel: &str) -> Value {
    let id = ws().channel_by_name(channel).unwrap().id.clone();
    let r = reqwest::Client::new()
        .get(
            api_url(&env.server)
                .join("api/conversations.history")
                .unwrap(),
        )
        .query(&[("channel", id.as_str()), ("limit", "1")])
        .bearer_auth(BOT)
        .send()
        .await
        .unwrap();
    r.json::<Value>().await.unwrap()["messages"][0].clone()
}
