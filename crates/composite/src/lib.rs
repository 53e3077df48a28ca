//! Cross-system answers: customer tools that join the CRM, support,
//! billing and call recordings in one call.
//!
//! Composite tools never talk to vendors themselves. Every part is a call to
//! another connector's tool through [`switchboard_core::ToolDispatcher`],
//! i.e. back through the gateway's pipeline *as the caller*: each child is
//! authorized, rate limited, cached and audited on its own (its audit row
//! points at the parent). A part the caller may not see comes back as an
//! unknown tool and is reported `{"omitted": "not permitted"}`; a part whose
//! upstream fails is reported `{"error": "..."}`; neither fails the whole
//! call. Parts are fetched concurrently.
//!
//! Which record in each system is "the same customer" is decided by the
//! [`identity`] map: the CRM company's domain (and its contacts' email
//! domain) by default, with explicit per-system ids in config.

mod config;
pub mod identity;
mod parts;
mod tools;

use std::sync::Arc;

use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};

pub use config::{CompositeConfig, CustomerIds, Today};
pub use identity::IdentityMap;

/// Connector id; permissions are `composite:<noun>:read`.
pub const ID: &str = "composite";

/// What the tools share.
pub struct State {
    pub identity: IdentityMap,
    pub today: Today,
}

/// The composite connector.
pub fn connector(config: &CompositeConfig) -> Result<Arc<dyn Connector>, ConnectorError> {
    let state = State {
        identity: IdentityMap::new(config.customers.clone()),
        today: config.today(),
    };
    ConnectorBuilder::new(ID, state)
        .tool_prefixes(&["customer_", "customers_"])
        .tool(tools::GetProfile)
        .tool(tools::RenewalsAtRisk)
        .tool(tools::GetTimeline)
        .build()
        .map_err(|e| ConnectorError::internal(e.0))
}
