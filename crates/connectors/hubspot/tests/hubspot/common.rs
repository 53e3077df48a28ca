//! Shared setup: a fake HubSpot serving the demo company and a connector
//! pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError};
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
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal(user, &["sales"]),
        Instant::now() + deadline,
    );
    c.call(&ctx, tool, args).await.map(|out| out.structured)
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
