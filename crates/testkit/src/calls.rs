//! Calling a connector directly (no gateway) the way every connector's
//! tests do, and reading its shaped output.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError};

/// Calls `tool` as demo user `user` (`<role>@demo`, see [`crate::principal`])
/// in `groups`, with `deadline` to finish; the structured result.
pub async fn call_as(
    connector: &Arc<dyn Connector>,
    user: &str,
    groups: &[&str],
    deadline: Duration,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    let ctx = CallContext::for_principal(crate::principal(user, groups), Instant::now() + deadline);
    connector
        .call(&ctx, tool, args)
        .await
        .map(|out| out.structured)
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
