//! The object-safe connector the gateway holds as `Arc<dyn Connector>`.

use std::sync::Arc;

use async_trait::async_trait;
use serde_json::Value;

use crate::{CallContext, ConnectorError, ToolOutput, ToolSpec};

/// Whether a connector can currently serve calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Ok,
    Degraded(String),
    Down(String),
}

/// A connector as the gateway sees it: an id, its tools, and dispatch.
///
/// `tools()` returns a cheap shared snapshot so that connectors whose tool
/// lists change at run time (federated MCP servers) can swap it.
#[async_trait]
pub trait Connector: Send + Sync + 'static {
    /// Lower-case id; every tool name and permission starts with it.
    fn id(&self) -> &str;

    fn tools(&self) -> Arc<[ToolSpec]>;

    /// Prefixes every tool name starts with; by default `<id>_`.
    fn tool_prefixes(&self) -> Vec<String> {
        vec![format!("{}_", self.id())]
    }

    /// Runs `tool` with raw JSON arguments. Bad arguments give
    /// `ErrorKind::InvalidArgs`, an unknown name `ErrorKind::UnknownTool`;
    /// neither may panic.
    async fn call(
        &self,
        ctx: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError>;

    /// Checks arguments against the tool's schema without doing any I/O,
    /// so the gateway can refuse bad input before rate limits, cache and
    /// dispatch. The default accepts everything and leaves checking to
    /// `call`.
    fn check_args(&self, _tool: &str, _args: &Value) -> Result<(), ConnectorError> {
        Ok(())
    }

    async fn health(&self) -> Health {
        Health::Ok
    }

    /// Called once by the gateway with a callback to run whenever this
    /// connector's tool list changes (a federated server's
    /// `list_changed`, a refresh, a pinned tool that changed). The gateway
    /// then rebuilds its catalog and policy view and tells clients. Static
    /// connectors ignore it.
    fn watch_tools(&self, _changed: ToolsChanged) {}

    /// Called once by the gateway with a callback to run when, outside any
    /// call, a resource this connector subscribed to (`resources/subscribe`
    /// through [`Connector::forward`]) changes upstream, or its resource or
    /// prompt list changes. Only federating connectors have either.
    fn watch_surfaces(&self, _changed: SurfacesChanged) {}

    /// Request headers whose values this connector sends upstream as the
    /// caller's own credential (lower-case names). The gateway copies only
    /// these from the caller's HTTP request into `CallContext::credentials`.
    fn caller_headers(&self) -> Vec<String> {
        Vec::new()
    }

    /// MCP methods other than tools (`resources/*`, `prompts/*`,
    /// `completion/complete`, `logging/setLevel`) for connectors that
    /// federate a whole MCP server. `None`: not offered by this connector.
    async fn forward(
        &self,
        _ctx: &CallContext,
        _method: &str,
        _params: Value,
    ) -> Option<Result<Value, ConnectorError>> {
        None
    }
}

/// The gateway's "my tool list changed" callback (see
/// [`Connector::watch_tools`]).
pub type ToolsChanged = Arc<dyn Fn() + Send + Sync>;

/// What changed on a federated server's non-tool surfaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurfaceChange {
    /// A subscribed resource, by URI.
    ResourceUpdated(String),
    ResourcesListChanged,
    PromptsListChanged,
}

/// The gateway's callback for [`SurfaceChange`]s (see
/// [`Connector::watch_surfaces`]).
pub type SurfacesChanged = Arc<dyn Fn(&SurfaceChange) + Send + Sync>;
