//! The registry of connectors, in one place. Each connector is behind its
//! own Cargo feature; a connector named in config but not compiled in fails
//! with "built without feature X" rather than being silently ignored.

use std::sync::Arc;

use anyhow::anyhow;
use switchboard_core::Connector;
use switchboard_testkit::fake::FakeServer;

/// Every connector this project has, compiled in or not.
/// Policies may name any of them (a per-team build shares the company's
/// policy files); naming anything else fails validation.
pub const KNOWN_CONNECTORS: &[&str] = &[
    "hubspot",
    "intercom",
    "quickbooks",
    "gong",
    "notion",
    "slack",
    "github",
    "warehouse",
    "composite",
    "mcp",
];

#[cfg_attr(feature = "hubspot", allow(dead_code))]
fn not_compiled(id: &str) -> String {
    format!("this switchboard was built without feature `{id}`; rebuild with `--features {id}`")
}

/// Checks a `[connectors.<id>]` table without I/O.
pub fn validate_connector(id: &str, table: &toml::Value) -> Result<(), String> {
    match id {
        "hubspot" => validate_hubspot(table),
        _ => Err(format!(
            "unknown connector (known: {})",
            KNOWN_CONNECTORS.join(", ")
        )),
    }
}

/// Builds a connector from its table (resolves secrets: I/O allowed).
pub fn build_connector(id: &str, table: &toml::Value) -> anyhow::Result<Arc<dyn Connector>> {
    match id {
        "hubspot" => build_hubspot(table),
        _ => Err(anyhow!("connectors.{id}: unknown connector")),
    }
}

/// The connectors a config names, built without secrets or I/O, for
/// `switchboard check` and `policy schema`: their tool lists are all that
/// is needed.
pub fn offline_catalog(ids: &[String]) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    ids.iter().map(|id| offline_connector(id)).collect()
}

fn offline_connector(id: &str) -> anyhow::Result<Arc<dyn Connector>> {
    match id {
        #[cfg(feature = "hubspot")]
        "hubspot" => Ok(switchboard_hubspot::connector(
            "https://api.hubapi.com".parse()?,
            switchboard_upstream::Secret::new("offline"),
            std::time::Duration::from_secs(1),
        )?),
        _ => Err(anyhow!("connectors.{id}: {}", not_compiled(id))),
    }
}

/// Demo mode: every compiled connector against its in-process fake
/// upstream serving the demo company. The fakes live as long as the
/// returned servers.
pub async fn demo_connectors() -> anyhow::Result<(Vec<Arc<dyn Connector>>, Vec<FakeServer>)> {
    #[allow(unused_mut)]
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    #[allow(unused_mut)]
    let mut fakes = Vec::new();
    #[cfg(feature = "hubspot")]
    {
        let token = "demo-hubspot-token";
        let fake =
            switchboard_testkit::fake::spawn_hubspot(switchboard_testkit::demo::northwind(), token)
                .await;
        connectors.push(switchboard_hubspot::connector(
            fake.base_url.clone(),
            switchboard_upstream::Secret::new(token),
            std::time::Duration::from_secs(10),
        )?);
        fakes.push(fake);
    }
    Ok((connectors, fakes))
}

#[cfg(feature = "hubspot")]
fn validate_hubspot(table: &toml::Value) -> Result<(), String> {
    let config: switchboard_hubspot::HubSpotConfig = table
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_owned())?;
    config.validate()
}

#[cfg(feature = "hubspot")]
fn build_hubspot(table: &toml::Value) -> anyhow::Result<Arc<dyn Connector>> {
    let config: switchboard_hubspot::HubSpotConfig = table.clone().try_into()?;
    config
        .build()
        .map_err(|e| anyhow!("connectors.hubspot: {}", e.message))
}

#[cfg(not(feature = "hubspot"))]
fn validate_hubspot(_: &toml::Value) -> Result<(), String> {
    Err(not_compiled("hubspot"))
}

#[cfg(not(feature = "hubspot"))]
fn build_hubspot(_: &toml::Value) -> anyhow::Result<Arc<dyn Connector>> {
    Err(anyhow!("connectors.hubspot: {}", not_compiled("hubspot")))
}
