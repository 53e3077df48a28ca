//! Shared helpers: calls as a demo user, the seeded demo connector, and
//! throwaway databases on the local servers.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError};
use switchboard_testkit::demo::warehouse::seed_sql;
use switchboard_warehouse::{connect_with_seed, demo_config};

/// A call as `user` (`<role>@demo` is `<role>@northwind.example`).
pub async fn call_as(
    c: &Arc<dyn Connector>,
    user: &str,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    call_within(c, user, Duration::from_secs(20), tool, args).await
}

pub async fn call_within(
    c: &Arc<dyn Connector>,
    user: &str,
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal(user, &[]),
        Instant::now() + deadline,
    );
    c.call(&ctx, tool, args).await.map(|out| out.structured)
}

/// The `--demo` warehouse: SQLite in memory, seeded.
pub async fn demo() -> Arc<dyn Connector> {
    connect_with_seed(&demo_config(), seed_sql()).await.unwrap()
}

/// A name no other test run uses: `sbwh_<pid>_<nanos>`.
pub fn unique_name() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("sbwh_{}_{nanos}", std::process::id())
}

/// One column of `rows` as strings (numbers rendered).
pub fn column(v: &Value, field: &str) -> Vec<String> {
    v["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows in {v}"))
        .iter()
        .map(|r| match &r[field] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// Sets a process environment variable for a secret reference and returns
/// the reference.
pub fn env_reference(name: &str, value: &str) -> String {
    std::env::set_var(name, value);
    format!("env:{name}")
}
