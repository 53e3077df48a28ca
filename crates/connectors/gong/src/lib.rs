//! Gong connector (`gong`): recorded calls, their participants and
//! transcripts, and Gong's users, read through Gong's v2 API with an
//! access key pair (HTTP Basic) and shaped to what answers a question.
//!
//! Build it from config ([`GongConfig`]) or directly with [`connector`].
//! `client`, `model` and `shape` are public so that tests and composite
//! tools can reuse the wire types and shaping.

mod args;
pub mod client;
mod config;
pub mod directory;
pub mod model;
pub mod paging;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use config::GongConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "gong";

/// How long the user directory is reused before refetching.
const DIRECTORY_TTL: Duration = Duration::from_secs(300);

/// Gong's documented default limit per company.
pub const DEFAULT_REQUESTS_PER_SECOND: u32 = 3;

/// The state every tool shares.
pub struct Gong {
    client: client::Client,
    directory: directory::Resolver,
}

/// The Gong connector talking to `base_url` with an access key and its
/// secret (HTTP Basic); each request is bounded by `timeout` and by the
/// call's deadline, and requests stay within Gong's default 3 per second.
pub fn connector(
    base_url: Url,
    access_key: Secret,
    access_key_secret: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    connector_with_limit(
        base_url,
        access_key,
        access_key_secret,
        timeout,
        DEFAULT_REQUESTS_PER_SECOND,
    )
}

/// [`connector`] for a company whose Gong limit was raised.
pub fn connector_with_limit(
    base_url: Url,
    access_key: Secret,
    access_key_secret: Secret,
    timeout: Duration,
    requests_per_second: u32,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let client = client::Client::new(
        base_url,
        access_key,
        access_key_secret,
        timeout,
        requests_per_second,
    )?;
    let state = Gong {
        client,
        directory: directory::Resolver::new(DIRECTORY_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::ListCalls)
        .tool(tools::GetCall)
        .tool(tools::GetTranscript)
        .tool(tools::ListUsers)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the Gong connector is malformed: {e}")).with_source(e)
        })
}
