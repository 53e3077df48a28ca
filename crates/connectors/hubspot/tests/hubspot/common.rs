//! Shared setup: a fake HubSpot serving the demo company and a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::{spawn_hubspot_with, FakeServer, HubSpotOptions};
use switchboard_upstream::Secret;

pub const TOKEN: &str = "pat-na1-demo-token";

pub struct Env {
    pub server: FakeServer,
    pub hubspot: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(HubSpotOptions::default()).await
}

pub async fn env_with(options: HubSpotOptions) -> Env {
    let server = spawn_hubspot_with(northwind(), TOKEN, options).await;
    let hubspot = connector_for(&server, TOKEN);
    Env { server, hubspot }
}

pub fn connector_for(server: &FakeServer, token: &str) -> Arc<dyn Connector> {
    switchboard_hubspot::connector(
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
