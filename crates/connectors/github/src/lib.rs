//! GitHub connector (`github`): issues, pull requests with their reviews
//! and CI checks, through GitHub's REST API (version 2022-11-28) on
//! github.com or a GitHub Enterprise Server (`https://ghe.example.com/api/v3`),
//! shaped to the few fields that answer a question.
//!
//! Build it from config ([`GitHubConfig`]) or directly with [`connector`].
//! `client`, `link`, `model`, `people` and `shape` are public so that tests
//! and composite tools can reuse the wire types and shaping.

mod args;
pub mod client;
mod config;
pub mod cursor;
pub mod link;
pub mod model;
pub mod paging;
pub mod people;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use config::GitHubConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "github";

/// How long login ↔ name/email lookups are reused.
const PEOPLE_TTL: Duration = Duration::from_secs(600);

/// The state every tool shares.
pub struct GitHub {
    client: client::Client,
    people: people::People,
}

/// The GitHub connector talking to `base_url` (`https://api.github.com`,
/// or an Enterprise Server's `https://<host>/api/v3`) with a bearer
/// `token` (fine-grained or classic PAT, GitHub App installation or OAuth
/// token); each request is bounded by `timeout` and the call's deadline.
pub fn connector(
    base_url: Url,
    token: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = GitHub {
        client: client::Client::new(base_url, token, timeout)?,
        people: people::People::new(PEOPLE_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::SearchIssues)
        .tool(tools::ListIssues)
        .tool(tools::GetIssue)
        .tool(tools::GetPullRequest)
        .tool(tools::ListPullRequests)
        .tool(tools::CreateIssue)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the GitHub connector is malformed: {e}"))
                .with_source(e)
        })
}
