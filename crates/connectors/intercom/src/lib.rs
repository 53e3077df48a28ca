//! Intercom connector (`intercom`): support conversations, contacts,
//! companies and tickets read through Intercom's REST API (version 2.11,
//! pinned with the `Intercom-Version` header), shaped to the fields that
//! answer a question, plus one write: an internal note on a conversation,
//! authored by the caller's own Intercom teammate account.
//!
//! Build it from config ([`IntercomConfig`]) or directly with
//! [`connector`]. `client`, `model` and `shape` are public so that tests
//! and composite tools can reuse the wire types and shaping.

mod args;
pub mod client;
mod config;
mod directory;
pub mod model;
pub mod query;
mod scope;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use config::IntercomConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "intercom";

/// The API version every request pins. The model types are checked
/// against payloads of this version (tickets: the 2.14 spec examples).
pub const VERSION: &str = "2.11";

/// How long teammate and company names are reused before refetching.
const DIRECTORY_TTL: Duration = Duration::from_secs(300);

/// The state every tool shares.
pub struct Intercom {
    client: client::Client,
    directory: directory::Directory,
}

/// The Intercom connector talking to `base_url` with a bearer `token`
/// (an access token of a private or OAuth app); each request is bounded
/// by `timeout` and by the call's deadline.
pub fn connector(
    base_url: Url,
    token: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = Intercom {
        client: client::Client::new(base_url, token, timeout)?,
        directory: directory::Directory::new(DIRECTORY_TTL),
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::SearchConversations)
        .tool(tools::GetConversation)
        .tool(tools::SearchContacts)
        .tool(tools::GetContact)
        .tool(tools::GetCompany)
        .tool(tools::SearchTickets)
        .tool(tools::GetTicket)
        .tool(tools::AddNote)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the Intercom connector is malformed: {e}"))
                .with_source(e)
        })
}
