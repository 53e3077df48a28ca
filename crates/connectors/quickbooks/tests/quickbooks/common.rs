//! Shared setup: a fake QuickBooks serving the demo company's books, a
//! connector pointed at it with "today" pinned to the demo's reference
//! date, and calls made as a demo user.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError};
use switchboard_quickbooks::{connector_with, Options, Today, MINOR_VERSION};
use switchboard_testkit::demo::billing::REALM_ID;
use switchboard_testkit::demo::{northwind, REFERENCE_DATE};
use switchboard_testkit::fake::quickbooks::spawn_quickbooks;
use switchboard_testkit::fake::FakeServer;
use switchboard_upstream::Secret;

pub const TOKEN: &str = "qbo-demo-access-token";

pub struct Env {
    pub server: FakeServer,
    pub qbo: Arc<dyn Connector>,
}

pub async fn env() -> Env {
    let server = spawn_quickbooks(northwind(), TOKEN).await;
    let qbo = connector_for(&server, TOKEN, REFERENCE_DATE);
    Env { server, qbo }
}

/// A connector on `server` whose "today" is `today`.
pub fn connector_for(server: &FakeServer, token: &str, today: NaiveDate) -> Arc<dyn Connector> {
    let options = Options {
        today: Today::Fixed(today),
        minor_version: MINOR_VERSION,
    };
    connector_with(
        server.base_url.clone(),
        REALM_ID,
        Secret::new(token),
        Duration::from_secs(5),
        options,
    )
    .unwrap()
}

/// A call as the demo finance user (`finance@northwind.example`).
pub async fn call(
    c: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_within(c, Duration::from_secs(10), tool, args).await
}

pub async fn call_within(
    c: &Arc<dyn Connector>,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal("finance@demo", &["finance"]),
        Instant::now() + deadline,
    );
    c.call(&ctx, tool, args).await.map(|out| out.structured)
}

pub use switchboard_testkit::calls::column;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn fixture(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}
