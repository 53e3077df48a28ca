//! Shared setup: a fake Notion serving the demo workspace and a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
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
    switchboard_testkit::calls::call_as(c, user, &["sales"], deadline, tool, args).await
}

/// A demo page by title.
pub fn page(title: &str) -> &'static DocPage {
    workspace()
        .page_titled(title)
        .unwrap_or_else(|| panic!("no demo page {title}"))
}

pub use switchboard_testkit::calls::column;
