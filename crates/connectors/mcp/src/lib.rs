//! The `mcp` connector: an existing MCP server — a vendor's remote server,
//! an internal one, a local stdio program — behind the gateway's identity,
//! policy, limits, cache and audit.
//!
//! Tools are discovered at run time (`tools/list`, refreshed on
//! `list_changed` and on an interval), renamed under a prefix, and given the
//! permission and effect the operator's config says — never what the
//! upstream claims. Pinned tools whose description or schema changed are
//! hidden. Calls relay progress, log messages, sampling and elicitation to
//! the calling client, and cancellation back upstream.
//!
//! The client is written here on plain JSON-RPC values (no MCP SDK: the
//! architecture keeps SDK churn out of connector crates, and a pass-through
//! must not drop fields it does not know).

mod callers;
pub mod client;
pub mod config;
mod connector;
pub mod discovery;
mod output;
pub mod pinning;
mod relay;
pub mod rules;

pub use callers::MAX_CALLER_LINKS;
pub use client::RpcError;
pub use config::{AuthConfig, McpConfig, TransportKind};
pub use connector::{McpConnector, FORWARDED_METHODS};
pub use output::to_output;
pub use pinning::tool_hash;

/// A mutex that a panicking holder left poisoned is still used: every
/// guarded value here stays valid between statements.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
