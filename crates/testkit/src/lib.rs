//! Test and demo support shared by every connector and the gateway:
//!
//! - [`calls`]: calling a connector directly as a demo user, as every
//!   connector's tests do;
//! - [`conformance`]: the contract check every connector's tests call;
//! - [`fake`]: fake upstream servers on ephemeral loopback ports that serve
//!   the vendors' real paths and payload shapes, check auth, paginate like
//!   the vendor and inject faults on demand;
//! - [`jwt`]: test signing keys, token minting (valid and forged), a JWKS server;
//! - `mcp_fixture` (feature `mcp-fixture`): a real MCP server with the
//!   conformance suite's server fixtures, over HTTP and stdio;
//! - [`demo`]: one coherent fictional company that every fake serves, keyed
//!   by domain and email so systems agree on who the customers are.

pub mod calls;
pub mod conformance;
pub mod demo;
pub mod fake;
pub mod fixtures;
pub mod jwt;
#[cfg(feature = "mcp-fixture")]
pub mod mcp_fixture;

/// A principal for tests.
pub fn principal(user_id: &str, groups: &[&str]) -> switchboard_core::Principal {
    switchboard_core::Principal {
        user_id: user_id.to_owned(),
        email: user_id.replace("@demo", "@northwind.example"),
        org: "demo".to_owned(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
        auth: switchboard_core::AuthMethod::Internal,
    }
}
