//! Shared setup: a fake Notion serving the demo workspace and a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError};
use switchboard_testkit::demo::docs::{workspace, DocPage};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::notion::{spawn_notion_with, NotionOptions};
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;

pub const TOKEN: &str = "ntn_demo_4f2a9c7e1b";

pub struct Env {
    pub server: FakeServer,
    pub notion: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(NotionOptions::default()).await
}

pub async fn env_with(options: NotionOptions) -> Env {
    let server = spawn_notion_with(northwind(), TOKEN, options).await;
    let notion = connector_for(&server, TOKEN);
    Env { server, notion }
}

pub fn connector_for(server: &FakeServer, token: &str) -> Arc<dyn Connector> {
    switchboard_notion::connector(
        server.base_url.clone(),
        Secret::new(token),
        Duration::from_secs(5),
    )
    .unwrap()
}

/// A call as the demo sales user (`sales@northwind.example`).
pub async fn call(
    c: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_as(c, "sales@demo", Duration::from_secs(20), tool, args).await
}

/// A call as `user` (`<name>@demo` maps to `<name>@northwind.example`).
pub async fn call_as(
    c: &Arc<dyn Connector>,
    user: &str,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal(user, &["sales"]),
        Instant::now() + deadline,
    );
    c.call(&ctx, tool, args).await.map(|out| out.structured)
}

/// A demo page by title.
pub fn page(title: &str) -> &'static DocPage {
    workspace()
        .page_titled(title)
        .unwrap_or_else(|| panic!("no demo page {title}"))
}

/// A string field of each item of `v[list]`.
pub fn column(v: &Value, list: &str, field: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("no `{list}` in {v}"))
        .iter()
        .map(|item| item[field].as_str().unwrap_or_default().to_owned())
        .collect()
}
