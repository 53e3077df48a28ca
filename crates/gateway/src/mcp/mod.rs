//! The MCP surface: rmcp's `ServerHandler` over the pipeline. Protocol types
//! stop here; connectors only ever see `switchboard-core` types.

mod convert;
mod handler;
mod relay;
mod sessions;
mod subscriptions;

pub use convert::tool_to_mcp;
pub use handler::McpHandler;
pub use sessions::Sessions;
