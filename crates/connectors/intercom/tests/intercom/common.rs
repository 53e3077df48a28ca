//! Shared setup: a fake Intercom serving the demo support desk and a
//! connector pointed at it, and calls made as a demo user.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{Connector, ConnectorError};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::intercom::{spawn_intercom_with, IntercomOptions};
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;

pub const TOKEN: &str = "dG9rOmRlbW8taW50ZXJjb20=";

pub struct Env {
    pub server: FakeServer,
    pub intercom: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    env_with(IntercomOptions::default()).await
}

pub async fn env_with(options: IntercomOptions) -> Env {
    let server = spawn_intercom_with(northwind(), TOKEN, options).await;
    let intercom = connector_for(&server, TOKEN);
    Env { server, intercom }
}

pub fn connector_for(server: &FakeServer, token: &str) -> Arc<dyn Connector> {
    switchboard_intercom::connector(
        server.base_url.clone(),
        Secret::new(token),
        Duration::from_secs(5),
    )
    .unwrap()
}

/// A call as the demo support lead (`support@northwind.example`).
pub async fn call(
    c: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_as(c, "support@demo", Duration::from_secs(10), tool, args).await
}

/// A call as `user` (`<role>@demo` maps to `<role>@northwind.example`).
pub async fn call_as(
    c: &Arc<dyn Connector>,
    user: &str,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    switchboard_testkit::calls::call_as(c, user, &["support"], deadline, tool, args).await
}

pub use switchboard_testkit::calls::column;
