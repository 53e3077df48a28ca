//! Shared setup: a fake Gong serving the demo company and a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::gong::{spawn_gong_with, GongOptions};
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;

pub const KEY: &str = "demo-gong-access-key";
pub const SECRET: &str = "demo-gong-access-key-secret";

pub struct Env {
    pub server: FakeServer,
    pub gong: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(GongOptions::default()).await
}

pub async fn env_with(options: GongOptions) -> Env {
    let server = spawn_gong_with(northwind(), KEY, SECRET, options).await;
    let gong = connector_for(&server, KEY, SECRET);
    Env { server, gong }
}

pub fn connector_for(server: &FakeServer, key: &str, secret: &str) -> Arc<dyn Connector> {
    switchboard_gong::connector(
        server.base_url.clone(),
        Secret::new(key),
        Secret::new(secret),
        Duration::from_secs(5),
    )
    .unwrap()
}

/// A connector with a raised request limit, for tests that page through
/// many Gong pages (the default 3/s is tested on its own).
pub fn unthrottled(server: &FakeServer) -> Arc<dyn Connector> {
    switchboard_gong::connector_with_limit(
        server.base_url.clone(),
        Secret::new(KEY),
        Secret::new(SECRET),
        Duration::from_secs(5),
        100,
    )
    .unwrap()
}

/// A call as the demo sales user (`sales@northwind.example`).
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
