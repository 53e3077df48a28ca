//! HubSpot CRM connector (`hubspot`): deals, companies, contacts, owners
//! and pipelines, read through HubSpot's CRM v3 API and shaped to the few
//! fields that answer a question.
//!
//! Build it from config ([`HubSpotConfig`]) or directly with
//! [`connector`]. `client`, `model`, `resolve` and `shape` are public so
//! that tests and composite tools can reuse the wire types and shaping.

mod args;
pub mod client;
mod config;
pub mod model;
pub mod resolve;
mod search;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::config::UpstreamTuning;
use switchboard_upstream::Secret;
use url::Url;

pub use config::HubSpotConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "hubspot";

/// How long owner names and stage labels are reused before refetching.
const DIRECTORY_TTL: Duration = Duration::from_secs(300);

/// The state every tool shares.
pub struct HubSpot {
    client: client::Client,
    resolver: resolve::Resolver,
}

/// The HubSpot connector talking to `base_url` with a bearer `token`
/// (private-app or OAuth access token); each request is bounded by
/// `timeout` and by the call's deadline.
pub fn connector(
    base_url: Url,
    token: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    connector_tuned(base_url, token, timeout, UpstreamTuning::default())
}

/// [`connector`] with the vendor quota and concurrency cap from config.
pub fn connector_tuned(
    base_url: Url,
    token: Secret,
    timeout: Duration,
    tuning: UpstreamTuning,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = HubSpot {
        client: client::Client::new(base_url, token, timeout, tuning)?,
        resolver: resolve::Resolver::new(DIRECTORY_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::SearchDeals)
        .tool(tools::GetDeal)
        .tool(tools::GetCompany)
        .tool(tools::SearchCompanies)
        .tool(tools::GetContact)
        .tool(tools::SearchContacts)
        .tool(tools::ListOwners)
        .tool(tools::ListPipelines)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the HubSpot connector is malformed: {e}"))
                .with_source(e)
        })
}
