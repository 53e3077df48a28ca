//! The gateway: everything between an MCP client's HTTP request and a
//! connector's `call`.
//!
//! Ingress (see [`http::router`]): trace → request id → authentication →
//! rmcp's Streamable HTTP service (Host/Origin checks, body limit, sessions
//! for legacy clients) → [`mcp::McpHandler`] → [`Gateway`], the pipeline,
//! whose steps run in one function in a fixed order (see
//! `pipeline/mod.rs`): the order is a security property.
//!
//! This is the only crate that imports rmcp; connectors never see protocol
//! types.

pub mod audit;
pub mod auth;
pub mod catalog;
pub mod http;
mod ingress;
pub mod mcp;
mod options;
pub mod pipeline;
pub mod policy;
pub mod refresh;
pub mod telemetry;

pub use catalog::{Catalog, CatalogError, Offers, Surface};
pub use options::GatewayOptions;
pub use pipeline::{CallError, CallRequest, ForwardError, ForwardRequest, Gateway, VisibleTools};
