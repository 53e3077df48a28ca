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
/// Building one connector may connect (a warehouse opens its pool).
#[allow(dead_code)] // a build with only `mcp` has no one-table connector
pub type OneFuture = Pin<Box<dyn Future<Output = anyhow::Result<Arc<dyn Connector>>> + Send>>;
/// What a config entry builds: one connector for `[connectors.<id>]`, one
/// per table for an array like `[[connectors.mcp]]` (each its own id).
pub type BuildFuture =
    Pin<Box<dyn Future<Output = anyhow::Result<Vec<Arc<dyn Connector>>>> + Send>>;

/// What the binary needs from one compiled-in connector kind.
pub struct Entry {
    pub id: &'static str,
    /// Checks the `[connectors.<id>]` value without I/O.
    pub validate: fn(&toml::Value) -> Result<(), String>,
    /// Builds from the value (resolves secrets, may connect).
    pub build: fn(toml::Value) -> BuildFuture,
    /// Builds without secrets or network I/O, from the value when there is
    /// one: only the tool lists are used (check, policy schema).
    pub offline: fn(Option<toml::Value>) -> BuildFuture,
    /// Demo mode: the connector against its in-process fake upstream
    /// (`None`: the demo company has nothing for this kind).
    pub demo: Option<fn() -> DemoFuture>,
}

/// The usual case: a table builds exactly one connector.
#[allow(dead_code)] // a build with only `mcp` has no one-table connector
pub(crate) fn one(build: OneFuture) -> BuildFuture {
    Box::pin(async move { Ok(vec![build.await?]) })
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
    #[cfg(feature = "mcp")]
    entries.push(mcp::entry());
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

/// Checks a `[connectors.<id>]` table (or `[[connectors.mcp]]`) without I/O.
pub fn validate_connector(id: &str, table: &toml::Value) -> Result<(), String> {
    (entry(id)?.validate)(table)
}

/// Builds the connector(s) of a table (resolves secrets, may connect):
/// one for a native connector, one per server for `[[connectors.mcp]]`.
pub async fn build_connectors(
    id: &str,
    table: &toml::Value,
) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    let entry = entry(id).map_err(|e| anyhow!("connectors.{id}: {e}"))?;
    (entry.build)(table.clone())
        .await
        .map_err(|e| anyhow!("connectors.{id}: {e:#}"))
}

/// The connectors a config names (or every compiled one, without tables),
/// built without secrets or network I/O.
pub async fn offline_catalog(
    connectors: &[(String, Option<toml::Value>)],
) -> anyhow::Result<Vec<Arc<dyn Connector>>> {
    let mut out = Vec::new();
    for (id, table) in connectors {
        let entry = entry(id).map_err(|e| anyhow!("connectors.{id}: {e}"))?;
        let built = (entry.offline)(table.clone()).await;
        out.extend(built.map_err(|e| anyhow!("connectors.{id}: {e:#}"))?);
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
    for demo in entries().into_iter().filter_map(|e| e.demo) {
        let (connector, fake) = demo().await?;
        connectors.push(connector);
        fakes.extend(fake);
    }
    Ok((connectors, fakes))
}

/// Parses a connector's config table into its type, naming the bad key.
#[allow(dead_code)] // a build with no connector at all
pub(crate) fn parse<T: serde::de::DeserializeOwned>(table: &toml::Value) -> Result<T, String> {
    table
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_owned())
}
