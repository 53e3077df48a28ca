//! Notion connector (`notion`): search pages and databases, read a page as
//! Markdown (block children fetched recursively within depth and size
//! budgets), query a database with simple filters, and read comments,
//! through Notion's API version 2025-09-03.
//!
//! Build it from config ([`NotionConfig`]) or directly with [`connector`].
//! `client`, `model`, `shape`, `content`, `filter` and `directory` are
//! public so tests and composite tools can reuse the wire types and the
//! shaping.

mod args;
pub mod client;
mod config;
pub mod content;
pub mod directory;
pub mod filter;
pub mod model;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use client::NOTION_VERSION;
pub use config::NotionConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "notion";

/// How long the workspace's user list is reused before refetching.
const DIRECTORY_TTL: Duration = Duration::from_secs(300);

/// The state every tool shares.
pub struct Notion {
    client: client::Client,
    directory: directory::Resolver,
}

/// The Notion connector talking to `base_url` with an integration `token`
/// (`ntn_…`, or an OAuth access token); each request is bounded by
/// `timeout` and by the call's deadline.
pub fn connector(
    base_url: Url,
    token: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = Notion {
        client: client::Client::new(base_url, token, timeout)?,
        directory: directory::Resolver::new(DIRECTORY_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::Search)
        .tool(tools::GetPage)
        .tool(tools::QueryDatabase)
        .tool(tools::ListComments)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the Notion connector is malformed: {e}"))
                .with_source(e)
        })
}
