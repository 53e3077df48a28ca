//! The registry of connectors, in one place. Each connector is behind its
//! own Cargo feature and contributes one [`Entry`]; a connector named in
//! config but not compiled in fails with "built without feature X" rather
//! than being silently ignored.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use anyhow::anyhow;
use switchboard_core::Connector;
use switchboard_testkit::fake::FakeServer;

#[cfg(feature = "composite")]
mod composite;
#[cfg(feature = "github")]
mod github;
#[cfg(feature = "gong")]
mod gong;
#[cfg(feature = "hubspot")]
mod hubspot;
#[cfg(feature = "intercom")]
mod intercom;
#[cfg(feature = "mcp")]
mod mcp;
#[cfg(feature = "notion")]
mod notion;
#[cfg(feature = "quickbooks")]
mod quickbooks;
#[cfg(feature = "slack")]
mod slack;
#[cfg(feature = "warehouse")]
mod warehouse;

/// Every connector this project has, compiled in or not. Policies may name
/// any of them (a per-team build shares the company's policy files);
/// naming anything else fails validation.
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

type DemoFuture =
    Pin<Box<dyn Future<Output = anyhow::Result<(Arc<dyn Connector>, Option<FakeServer>)>> + Send>>;
/// Building may connect (a warehouse opens its pool).
pub type BuildFuture = Pin<Box<dyn Future<Output = anyhow::Result<Arc<dyn Connector>>> + Send>>;

/// What the binary needs from one compiled-in connector.
pub struct Entry {
    pub id: &'static str,
    /// Checks the `[connectors.<id>]` table without I/O.
    pub validate: fn(&toml::Value) -> Result<(), String>,
    /// Builds from the table (resolves secrets, may connect).
    pub build: fn(toml::Value) -> BuildFuture,
    /// Builds without secrets or network I/O, from the table when there is
    /// one: only its tool list is used (check, policy schema).
    pub offline: fn(Option<toml::Value>) -> BuildFuture,
    /// Demo mode: the connector against its in-process fake upstream.
    pub demo: fn() -> DemoFuture,
}

/// The compiled-in connectors, in catalog order.
#[allow(clippy::vec_init_then_push)] // each push is behind its own feature
pub fn entries() -> Vec<Entry> {
    #[allow(unused_mut)]
    let mut entries = Vec::new();
    #[cfg(feature = "hubspot")]
    entries.push(hubspot::entry());
    #[cfg(feature = "intercom")]
    entries.push(intercom::entry());
    #[cfg(feature = "quickbooks")]
    entries.push(quickbooks::entry());
    #[cfg(feature = "gong")]
    entries.push(gong::entry());
    #[cfg(feature = "notion")]
    entries.push(notion::entry());
    #[cfg(feature = "slack")]
    entries.push(slack::entry());
    #[cfg(feature = "github")]
    entries.push(github::entry());
    #[cfg(feature = "warehouse")]
    entries.push(warehouse::entry());
    // Last: its tools are built on the others'.
    #[cfg(feature = "composite")]
    entries.push(composite::entry());
    entries
}

fn entry(id: &str) -> Result<Entry, String> {
    entries().into_iter().find(|e| e.id == id).ok_or_else(|| {
        if KNOWN_CONNECTORS.contains(&id) {
            format!(
                "this switchboard was built without feature `{id}`; rebuild with `--features {id}`"
            )
        } else {
            format!("unknown connector (known: {})", KNOWN_CONNECTORS.join(", "))
        }
    })
}

/// `[[connectors.mcp]]` is the one key that is not a connector id: an
/// array of federated MCP servers, each with its own id.
const FEDERATED: &str = "mcp";

#[cfg(not(feature = "mcp"))]
mod mcp {
    use super::*;

    const MISSING: &str =
        "this switchboard was built without feature `mcp`; rebuild with `--features mcp`";

    pub fn configs(_: &toml::Value) -> Result<Vec<()>, String> {
        Err(MISSING.into())
    }

    pub async fn build(_: &toml::Value) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
        Err(anyhow!(MISSING))
    }

    pub fn offline(_: &toml::Value) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
        Err(anyhow!(MISSING))
    }
}

/// Checks a `[connectors.<id>]` table (or `[[connectors.mcp]]`) without I/O.
pub fn validate_connector(id: &str, table: &toml::Value) -> Result<(), String> {
    if id == FEDERATED {
        return mcp::configs(table).map(|_| ());
    }
    (entry(id)?.validate)(table)
}

/// Builds the connector(s) of a table (resolves secrets, may connect):
/// one for a native connector, one per server for `[[connectors.mcp]]`.
pub async fn build_connectors(
    id: &str,
    table: &toml::Value,
) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    if id == FEDERATED {
        return mcp::build(table)
            .await
            .map_err(|e| anyhow!("connectors.{id}{e:#}"));
    }
    let entry = entry(id).map_err(|e| anyhow!("connectors.{id}: {e}"))?;
    let built = (entry.build)(table.clone()).await;
    Ok(vec![built.map_err(|e| anyhow!("connectors.{id}: {e:#}"))?])
}

/// The connectors a config names (or every compiled one, without tables),
/// built without secrets or network I/O.
pub async fn offline_catalog(
    connectors: &[(String, Option<toml::Value>)],
) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    let mut out = Vec::new();
    for (id, table) in connectors {
        if id == FEDERATED {
            if let Some(table) = table {
                out.extend(mcp::offline(table).map_err(|e| anyhow!("connectors.{id}{e:#}"))?);
            }
            continue;
        }
        let entry = entry(id).map_err(|e| anyhow!("connectors.{id}: {e}"))?;
        let built = (entry.offline)(table.clone()).await;
        out.push(built.map_err(|e| anyhow!("connectors.{id}: {e:#}"))?);
    }
    Ok(out)
}

/// Every compiled connector, without config.
pub fn compiled() -> Vec<(String, Option<toml::Value>)> {
    entries().iter().map(|e| (e.id.to_owned(), None)).collect()
}

/// Demo mode: every compiled connector against its fake upstream serving
/// the demo company. The fakes live as long as the returned servers.
pub async fn demo_connectors() -> anyhow::Result<(Vec<Arc<dyn Connector>>, Vec<FakeServer>)> {
    let mut connectors = Vec::new();
    let mut fakes = Vec::new();
    for entry in entries() {
        let (connector, fake) = (entry.demo)().await?;
        connectors.push(connector);
        fakes.extend(fake);
    }
    Ok((connectors, fakes))
}

/// Parses a connector's config table into its type, naming the bad key.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(table: &toml::Value) -> Result<T, String> {
    table
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_owned())
}
