//! Shared setup: a fake GitHub serving the demo company, a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::github::{spawn_github_with, GitHubOptions};
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;
use url::Url;

pub const TOKEN: &str = "ghp_demo_token_for_tests";

pub struct Env {
    pub server: FakeServer,
    /// The API root the connector uses (the server root, or root + prefix).
    pub api: Url,
    pub github: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(GitHubOptions::default()).await
}

pub async fn env_with(options: GitHubOptions) -> Env {
    let prefix = options.path_prefix.clone();
    let server = spawn_github_with(northwind(), TOKEN, options).await;
    let api = match prefix {
        Some(p) => server.base_url.join(p.trim_start_matches('/')).unwrap(),
        None => server.base_url.clone(),
    };
    let github = connector_for(&api, TOKEN);
    Env {
        server,
        api,
        github,
    }
}

pub fn connector_for(api: &Url, token: &str) -> Arc<dyn Connector> {
    switchboard_github::connector(api.clone(), Secret::new(token), Duration::from_secs(5)).unwrap()
}

/// A call as the demo engineering user (`engineering@northwind.example`,
/// GitHub login `erik-lindqvist`).
pub async fn call(
    c: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_as(c, "engineering@demo", Duration::from_secs(10), tool, args).await
}

/// A call as `user` (`<role>@demo` maps to `<role>@northwind.example`).
pub async fn call_as(
    c: &Arc<dyn Connector>,
    user: &str,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    switchboard_testkit::calls::call_as(c, user, &["engineering"], deadline, tool, args).await
}

/// A string field of each item of `v[list]`.
pub fn column(v: &Value, list: &str, field: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("no `{list}` in {v}"))
        .iter()
        .map(|item| match &item[field] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}
