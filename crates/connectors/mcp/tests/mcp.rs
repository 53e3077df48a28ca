//! The `mcp` connector against a real MCP server (the testkit's rmcp
//! fixture): Streamable HTTP in both revisions and stdio child processes,
//! over real sockets and real processes.

#[path = "mcp/common.rs"]
mod common;

#[path = "mcp/auth.rs"]
mod auth;
#[path = "mcp/calls.rs"]
mod calls;
#[path = "mcp/changes.rs"]
mod changes;
#[path = "mcp/discovery.rs"]
mod discovery;
#[path = "mcp/forward.rs"]
mod forward;
#[path = "mcp/relay.rs"]
mod relay;
#[path = "mcp/resilience.rs"]
mod resilience;
#[path = "mcp/stdio.rs"]
mod stdio;
