//! The connector contract shared by every Switchboard connector and the gateway.
//!
//! This crate does no I/O. It defines what a tool *is* ([`ToolSpec`]), who is
//! calling ([`Principal`], [`CallContext`]), what a call returns
//! ([`ToolOutput`], [`ConnectorError`]), the object-safe [`Connector`] the
//! gateway holds, and the typed [`Tool`] trait connector authors implement,
//! one file per tool, joined by [`ConnectorBuilder`] so that the list of specs
//! and the dispatch table can never drift apart.

pub mod args;
mod builder;
mod connector;
mod context;
mod credentials;
pub mod detail;
mod error;
mod input;
mod naming;
mod output;
mod principal;
mod relay;
mod schema;
mod spec;
mod tool;

pub use builder::ConnectorBuilder;
pub use connector::{Connector, Health, SurfaceChange, SurfacesChanged, ToolsChanged};
pub use context::{CallContext, CallStats, ToolDispatcher, TraceHeaders};
pub use credentials::CallerCredentials;
pub use error::{ConnectorError, ErrorKind};
pub use input::{InputRequired, InputResume};
pub use naming::{validate_permission, validate_tool_name, validate_tool_name_in, NameError};
pub use output::ToolOutput;
pub use principal::{AuthMethod, Principal};
pub use relay::ClientRelay;
pub use schema::{
    compact, input_schema, output_schema, paging, schema_object, shallow, JsonObject,
};
pub use spec::{CachePolicy, Effect, ToolSpec};
pub use tool::Tool;

/// Re-exported so connector crates derive schemas with the exact version the
/// contract uses.
pub use schemars;
pub use serde_json::{json, Value};
