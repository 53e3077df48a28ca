//! Federated MCP servers: `[[connectors.mcp]]`, an array of tables, one
//! connector per upstream server, each under its own id. Unlike the native
//! connectors there is no demo entry (the demo company has no MCP server)
//! and no offline tool list: tools are discovered at run time, so `check`
//! and `policy schema` see each federated connector by id only.

use std::collections::HashSet;
use std::sync::Arc;

use anyhow::anyhow;
use async_trait::async_trait;
use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError, ToolOutput, ToolSpec};
use switchboard_mcp::{McpConfig, McpConnector};

use super::{parse, Entry, KNOWN_CONNECTORS};

/// `[[connectors.mcp]]`: one connector per table.
pub fn entry() -> Entry {
    Entry {
        id: "mcp",
        validate: |value| configs(value).map(|_| ()),
        build: |value| Box::pin(async move { build(&value).await }),
        offline: |value| {
            Box::pin(async move {
                match value {
                    Some(value) => offline(&value),
                    None => Ok(Vec::new()),
                }
            })
        },
        demo: None,
    }
}

/// The tables of `[[connectors.mcp]]`, parsed and checked without I/O: ids
/// unique and not the name of a native connector.
pub fn configs(value: &toml::Value) -> Result<Vec<McpConfig>, String> {
    let toml::Value::Array(tables) = value else {
        return Err("must be an array of tables: write `[[connectors.mcp]]`".into());
    };
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (i, table) in tables.iter().enumerate() {
        let config: McpConfig = parse(table).map_err(|e| format!("[{i}]: {e}"))?;
        config.validate().map_err(|e| format!("[{i}]: {e}"))?;
        if KNOWN_CONNECTORS.contains(&config.id.as_str()) {
            return Err(format!(
                "[{i}].id: `{}` is a native connector's id; choose another",
                config.id
            ));
        }
        if !ids.insert(config.id.clone()) {
            return Err(format!("[{i}].id: `{}` is used twice", config.id));
        }
        out.push(config);
    }
    Ok(out)
}

/// Builds every federated connector. An upstream that is down does not
/// fail the build: its connector starts with no tools and keeps trying.
pub async fn build(value: &toml::Value) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    let mut out: Vec<Arc<dyn Connector>> = Vec::new();
    for config in configs(value).map_err(|e| anyhow!(e))? {
        let connector = McpConnector::build(&config)
            .await
            .map_err(|e| anyhow!("[{}]: {}", config.id, e.message))?;
        out.push(connector);
    }
    Ok(out)
}

/// Offline: each federated connector by id, with no tools, so that
/// policies naming it validate in `check`.
pub fn offline(value: &toml::Value) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    Ok(configs(value)
        .map_err(|e| anyhow!(e))?
        .into_iter()
        .map(|c| Arc::new(Unreached { id: c.id }) as Arc<dyn Connector>)
        .collect())
}

/// A federated connector seen without connecting: an id and no tools.
struct Unreached {
    id: String,
}

#[async_trait]
impl Connector for Unreached {
    fn id(&self) -> &str {
        &self.id
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        Arc::from(Vec::new())
    }

    async fn call(
        &self,
        _ctx: &CallContext,
        tool: &str,
        _args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        Err(ConnectorError::new(
            switchboard_core::ErrorKind::UnknownTool,
            format!("unknown tool {tool}"),
        ))
    }
}
