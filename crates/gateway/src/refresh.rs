//! Keeping the catalog and the policy engine in step at run time.
//!
//! Federated connectors change their tool lists while the gateway runs
//! (an upstream's `list_changed`, a periodic refresh, a pinned tool that
//! changed). Each tells the gateway through [`Connector::watch_tools`]; the
//! [`Refresher`] then, after a short debounce:
//!
//! 1. builds a new catalog from every connector's current `tools()` and
//!    surfaces (a duplicate name: the old catalog stays, logged);
//! 2. builds the Cedar engine from the *current* policy files for it (a
//!    policy that no longer validates, e.g. it names a tool that went away:
//!    the old engine and catalog stay, logged);
//! 3. swaps the engine, then the catalog. A tool the engine does not know
//!    is denied, so between the two swaps a request may miss a new tool but
//!    never sees one without its policy entity. Both swaps invalidate the
//!    per-caller visible-tools memo;
//! 4. drops cached results of connectors whose tools changed, and tells
//!    open legacy sessions `notifications/tools/list_changed`.
//!
//! Policy reloads go through the same lock, so a reload and a catalog
//! refresh never interleave (each builds from the other's latest state).
//!
//! [`Connector::watch_tools`]: switchboard_core::Connector::watch_tools

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use switchboard_policy::PolicyEngine;

use crate::mcp::Sessions;
use crate::policy::CedarAuthorizer;
use crate::{Catalog, Gateway};

/// Builds the policy engine for a catalog from the policy files as they
/// are now (the binary reads its policy directory).
pub type EngineFor = Arc<dyn Fn(&Catalog) -> Result<PolicyEngine, String> + Send + Sync>;

/// What a refresh did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refreshed {
    /// Nobody's tools or surfaces changed.
    Unchanged,
    Swapped {
        tools: usize,
        sessions_notified: usize,
    },
}

pub struct Refresher {
    gateway: Arc<Gateway>,
    authorizer: Arc<CedarAuthorizer>,
    sessions: Arc<Sessions>,
    engine_for: EngineFor,
    lock: tokio::sync::Mutex<()>,
}

impl Refresher {
    pub fn new(
        gateway: Arc<Gateway>,
        authorizer: Arc<CedarAuthorizer>,
        sessions: Arc<Sessions>,
        engine_for: EngineFor,
    ) -> Arc<Self> {
        Arc::new(Refresher {
            gateway,
            authorizer,
            sessions,
            engine_for,
            lock: tokio::sync::Mutex::new(()),
        })
    }

    /// The policy files changed: a new engine for the current catalog.
    /// Returns the number of policies and of sessions told; on error the
    /// previous policies stay in force.
    pub async fn reload_policies(&self) -> Result<(usize, usize), String> {
        let _one_at_a_time = self.lock.lock().await;
        let engine = (self.engine_for)(&self.gateway.catalog())?;
        let count = engine.policy_count();
        self.authorizer.replace(engine);
        let told = self.sessions.notify_tools_changed().await;
        Ok((count, told))
    }

    /// Some connector's tools changed: rebuild and swap (see the module
    /// docs). On error nothing changed.
    pub async fn refresh_catalog(&self) -> Result<Refreshed, String> {
        self.refresh(None).await
    }

    /// `changed`: the connectors that reported a change (only they are
    /// asked again which surfaces they offer); `None`: all.
    async fn refresh(&self, changed: Option<&HashSet<String>>) -> Result<Refreshed, String> {
        let _one_at_a_time = self.lock.lock().await;
        let current = self.gateway.catalog();
        let catalog = Catalog::rediscover(current.connectors().to_vec(), Some(&*current), changed)
            .await
            .map_err(|e| e.to_string())?;
        let before = fingerprints(&current);
        let after = fingerprints(&catalog);
        if before == after {
            return Ok(Refreshed::Unchanged);
        }
        let engine = (self.engine_for)(&catalog)?;
        let tools = catalog.entries().len();
        // Engine first: a tool absent from the engine is denied.
        self.authorizer.replace(engine);
        self.gateway.replace_catalog(catalog);
        for (id, print) in &after {
            if before.get(id) != Some(print) {
                self.gateway.invalidate_cached(id);
            }
        }
        let sessions_notified = self.sessions.notify_tools_changed().await;
        Ok(Refreshed::Swapped {
            tools,
            sessions_notified,
        })
    }

    /// Registers the change callback with every connector (once: call this
    /// once per gateway) and refreshes after each burst of changes, waiting
    /// `debounce` for the burst to end.
    pub fn watch(self: &Arc<Self>, debounce: Duration) {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        for connector in self.gateway.catalog().connectors() {
            let tx = tx.clone();
            let id = connector.id().to_owned();
            connector.watch_tools(Arc::new(move || {
                let _ = tx.send(id.clone());
            }));
        }
        drop(tx);
        let me = self.clone();
        tokio::spawn(async move {
            // A list that changed between the catalog's build and the
            // callbacks' registration fired no callback: compare once now
            // (without asking anyone again about surfaces).
            if let Err(e) = me.refresh(Some(&HashSet::new())).await {
                tracing::error!(error = %e, "the tool lists changed at start and were rejected; the catalog built at start stays in force");
            }
            while let Some(first) = rx.recv().await {
                tokio::time::sleep(debounce).await;
                let mut changed = HashSet::from([first]);
                while let Ok(id) = rx.try_recv() {
                    changed.insert(id);
                }
                match me.refresh(Some(&changed)).await {
                    Ok(Refreshed::Unchanged) => {
                        tracing::debug!("a connector reported a tool change; nothing changed")
                    }
                    Ok(Refreshed::Swapped {
                        tools,
                        sessions_notified,
                    }) => tracing::info!(tools, sessions_notified, "catalog refreshed"),
                    Err(e) => tracing::error!(
                        error = %e,
                        "the new tool list was rejected; the previous catalog and policies stay in force"
                    ),
                }
            }
        });
    }
}

/// Per connector: everything about its tools and surfaces that callers or
/// policies can see.
fn fingerprints(catalog: &Catalog) -> HashMap<String, String> {
    let mut prints: HashMap<String, String> = catalog
        .connectors()
        .iter()
        .map(|c| {
            (
                c.id().to_owned(),
                format!("{:?}", catalog.offers_of(c.id())),
            )
        })
        .collect();
    for entry in catalog.entries() {
        if let Some(print) = prints.get_mut(entry.connector.id()) {
            print.push_str(&format!("{:?}", entry.spec));
        }
    }
    prints
}
