//! The catalog: every tool of every connector, by name, plus the non-tool
//! MCP surfaces (resources, prompts, logging) that federated connectors
//! offer.
//!
//! A catalog is an immutable snapshot. Federated connectors change their
//! tool lists at run time; the gateway then builds a new catalog and swaps
//! it in whole (see [`crate::refresh`]), so a request sees one snapshot
//! from start to end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::{CachePolicy, CallContext, Connector, Effect, JsonObject, ToolSpec};

/// A tool and the connector that serves it.
#[derive(Clone)]
pub struct CatalogEntry {
    pub spec: ToolSpec,
    pub connector: Arc<dyn Connector>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogError {
    #[error("tool `{tool}` is offered by both `{first}` and `{second}`")]
    DuplicateTool {
        tool: String,
        first: String,
        second: String,
    },
    #[error("connector `{0}` is registered twice")]
    DuplicateConnector(String),
}

/// A non-tool MCP surface a connector can federate. Each is one Cedar
/// `Tool` entity per connector, named `<id>__<surface>`, with the
/// permission `<id>:<surface>:read`, so policies grant it like any tool
/// (by name, by permission, or with `resource in Connector::"<id>"`) and
/// default deny covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    /// `resources/list`, `resources/templates/list`, `resources/read`,
    /// `resources/subscribe`, `resources/unsubscribe`, and
    /// `completion/complete` for a `ref/resource`.
    Resources,
    /// `prompts/list`, `prompts/get`, and `completion/complete` for a
    /// `ref/prompt`.
    Prompts,
    /// `logging/setLevel`.
    Logging,
}

impl Surface {
    pub const ALL: [Surface; 3] = [Surface::Resources, Surface::Prompts, Surface::Logging];

    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Resources => "resources",
            Surface::Prompts => "prompts",
            Surface::Logging => "logging",
        }
    }

    /// The policy entity's name for `connector`'s surface.
    pub fn entity_name(self, connector: &str) -> String {
        format!("{connector}__{}", self.as_str())
    }

    /// The permission policies see on the entity.
    pub fn permission(self, connector: &str) -> String {
        format!("{connector}:{}:read", self.as_str())
    }

    /// The entity as a `ToolSpec` (only ever seen by the policy engine and
    /// the rate limiter; never listed and never callable as a tool).
    fn spec(self, connector: &str) -> ToolSpec {
        let mut schema = JsonObject::new();
        schema.insert("type".into(), json!("object"));
        ToolSpec {
            name: self.entity_name(connector),
            title: format!("{connector} {}", self.as_str()),
            description: format!("The {} of the `{connector}` MCP server.", self.as_str()),
            input_schema: Arc::new(schema),
            output_schema: None,
            permission: self.permission(connector),
            effect: Effect::Read,
            cache: CachePolicy::Never,
            idempotent: true,
            open_world: true,
        }
    }
}

/// What one connector federates besides tools, found by probing
/// [`Connector::forward`] (a `None` answer means "not offered").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offers {
    pub resources: bool,
    pub prompts: bool,
    pub completions: bool,
}

impl Offers {
    /// Any connector that federates a whole server also takes
    /// `logging/setLevel` (its upstream's log messages reach callers through
    /// the relay during calls).
    pub fn logging(&self) -> bool {
        self.resources || self.prompts || self.completions
    }

    pub fn offers(&self, surface: Surface) -> bool {
        match surface {
            Surface::Resources => self.resources,
            Surface::Prompts => self.prompts,
            Surface::Logging => self.logging(),
        }
    }
}

/// A connector's non-tool surface, as the pipeline authorizes it.
#[derive(Clone)]
pub struct SurfaceEntry {
    pub surface: Surface,
    pub spec: ToolSpec,
    pub connector: Arc<dyn Connector>,
}

/// Distinguishes catalog snapshots (memoized per-caller answers name the
/// snapshot they were computed for).
static EPOCH: AtomicU64 = AtomicU64::new(0);

/// How long a probe of one connector's `forward` may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// Tools in a stable order (connector registration order, then the
/// connector's own order), so `tools/list` is deterministic.
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    by_name: HashMap<String, usize>,
    connectors: Vec<Arc<dyn Connector>>,
    offers: HashMap<String, Offers>,
    surfaces: Vec<SurfaceEntry>,
    /// Request headers some connector forwards as the caller's credential.
    caller_headers: Vec<String>,
    epoch: u64,
}

impl Catalog {
    /// A catalog of the connectors' current tools, without non-tool
    /// surfaces (see [`Catalog::discover`]).
    pub fn new(connectors: Vec<Arc<dyn Connector>>) -> Result<Self, CatalogError> {
        Self::with_offers(connectors, HashMap::new())
    }

    /// Like [`Catalog::new`], and asks every connector which non-tool
    /// surfaces it federates. A connector whose probe does not answer in
    /// time keeps what `previous` knew of it.
    pub async fn discover(
        connectors: Vec<Arc<dyn Connector>>,
        previous: Option<&Catalog>,
    ) -> Result<Self, CatalogError> {
        Self::rediscover(connectors, previous, None).await
    }

    /// Like [`Catalog::discover`], but only the connectors in `changed`
    /// (and any `previous` did not know) are asked again; the others keep
    /// what `previous` knew. `None` asks everyone.
    pub async fn rediscover(
        connectors: Vec<Arc<dyn Connector>>,
        previous: Option<&Catalog>,
        changed: Option<&std::collections::HashSet<String>>,
    ) -> Result<Self, CatalogError> {
        let probes = connectors.iter().map(|c| {
            let before = previous.and_then(|p| p.offers.get(c.id()).copied());
            let ask = changed.is_none_or(|ids| ids.contains(c.id())) || before.is_none();
            async move {
                let offers = match before {
                    Some(known) if !ask => known,
                    _ => probe(c, before).await,
                };
                (c.id().to_owned(), offers)
            }
        });
        let offers = futures::future::join_all(probes)
            .await
            .into_iter()
            .collect();
        Self::with_offers(connectors, offers)
    }

    /// The catalog with the given surfaces per connector id.
    pub fn with_offers(
        connectors: Vec<Arc<dyn Connector>>,
        offers: HashMap<String, Offers>,
    ) -> Result<Self, CatalogError> {
        let mut entries = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut owner: HashMap<String, String> = HashMap::new();
        let mut ids = std::collections::HashSet::new();
        let mut surfaces = Vec::new();
        for connector in &connectors {
            if !ids.insert(connector.id().to_owned()) {
                return Err(CatalogError::DuplicateConnector(connector.id().to_owned()));
            }
            for spec in connector.tools().iter() {
                if let Some(first) = owner.get(&spec.name) {
                    return Err(CatalogError::DuplicateTool {
                        tool: spec.name.clone(),
                        first: first.clone(),
                        second: connector.id().to_owned(),
                    });
                }
                owner.insert(spec.name.clone(), connector.id().to_owned());
                by_name.insert(spec.name.clone(), entries.len());
                entries.push(CatalogEntry {
                    spec: spec.clone(),
                    connector: connector.clone(),
                });
            }
            let offered = offers.get(connector.id()).copied().unwrap_or_default();
            for surface in Surface::ALL {
                if offered.offers(surface) {
                    surfaces.push(SurfaceEntry {
                        surface,
                        spec: surface.spec(connector.id()),
                        connector: connector.clone(),
                    });
                }
            }
        }
        // A surface's policy entity shares the namespace of tool names.
        for s in &surfaces {
            if let Some(first) = owner.get(&s.spec.name) {
                return Err(CatalogError::DuplicateTool {
                    tool: s.spec.name.clone(),
                    first: first.clone(),
                    second: s.connector.id().to_owned(),
                });
            }
        }
        let mut caller_headers: Vec<String> = connectors
            .iter()
            .flat_map(|c| c.caller_headers())
            .map(|h| h.to_ascii_lowercase())
            .collect();
        caller_headers.sort();
        caller_headers.dedup();
        Ok(Catalog {
            entries,
            by_name,
            connectors,
            offers,
            surfaces,
            caller_headers,
            epoch: EPOCH.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The entry's position in catalog order (what the visible-tools memo
    /// holds).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub fn get(&self, name: &str) -> Option<&CatalogEntry> {
        self.by_name.get(name).map(|&i| &self.entries[i])
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    pub fn connectors(&self) -> &[Arc<dyn Connector>] {
        &self.connectors
    }

    /// Every federated non-tool surface, in connector order.
    pub fn surfaces(&self) -> &[SurfaceEntry] {
        &self.surfaces
    }

    /// The connectors offering `surface`, in registration order.
    pub fn surface(&self, surface: Surface) -> impl Iterator<Item = &SurfaceEntry> {
        self.surfaces.iter().filter(move |s| s.surface == surface)
    }

    /// What some connector offers, for the server's capabilities.
    pub fn offered(&self) -> Offers {
        self.offers.values().fold(Offers::default(), |a, o| Offers {
            resources: a.resources || o.resources,
            prompts: a.prompts || o.prompts,
            completions: a.completions || o.completions,
        })
    }

    /// What `connector` offers.
    pub fn offers_of(&self, connector: &str) -> Offers {
        self.offers.get(connector).copied().unwrap_or_default()
    }

    /// The request headers the gateway copies into a call's
    /// `CallerCredentials` (lower-case; empty for most deployments).
    pub fn caller_headers(&self) -> &[String] {
        &self.caller_headers
    }

    /// Unique per snapshot.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
}

/// Asks `forward` with side-effect-free requests: a `None` answer means the
/// connector does not federate that surface; any `Some` (even an error: the
/// upstream is down right now) means it does.
async fn probe(connector: &Arc<dyn Connector>, before: Option<Offers>) -> Offers {
    let ctx = CallContext::housekeeping("probe", Instant::now() + PROBE_TIMEOUT);
    let ask = |method: &'static str, params: serde_json::Value| {
        let ctx = ctx.clone();
        async move {
            tokio::time::timeout(PROBE_TIMEOUT, connector.forward(&ctx, method, params))
                .await
                .ok()
                .map(|answer| answer.is_some())
        }
    };
    let (resources, prompts, completions) = futures::join!(
        ask("resources/list", json!({})),
        ask("prompts/list", json!({})),
        // Invalid on purpose: a server that completes answers with an
        // error, one that does not is not asked at all.
        ask("completion/complete", json!({})),
    );
    let before = before.unwrap_or_default();
    let offers = Offers {
        resources: resources.unwrap_or(before.resources),
        prompts: prompts.unwrap_or(before.prompts),
        completions: completions.unwrap_or(before.completions),
    };
    if resources.is_none() || prompts.is_none() || completions.is_none() {
        tracing::warn!(
            connector = connector.id(),
            "the connector did not say in time which MCP surfaces it offers; keeping what was known"
        );
    }
    offers
}
