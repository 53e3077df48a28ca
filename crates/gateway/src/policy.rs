//! Authorization. One predicate decides both what `tools/list` shows and
//! what `tools/call` may run, so the two can never disagree.
//!
//! [`CedarAuthorizer`] holds the validated Cedar policy set
//! (`switchboard-policy`) behind an atomic pointer, so a reload swaps the
//! whole set at once: a request sees the old policies or the new, never a
//! mix.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arc_swap::ArcSwap;
use serde_json::Value;
use switchboard_core::{Principal, ToolSpec};
use switchboard_policy::PolicyEngine;

use crate::Catalog;

/// Decides whether a principal may use a tool.
pub trait Authorizer: Send + Sync {
    /// Action `use`: see the tool in `tools/list` and call it.
    fn can_use(&self, principal: &Principal, tool: &ToolSpec) -> bool;

    /// Action `invoke`: argument-level rules checked at call time, after
    /// `can_use`.
    fn can_invoke(&self, principal: &Principal, tool: &ToolSpec, args: &Value) -> bool;

    /// Changes whenever the answers may change (a policy reload), so
    /// callers can memoize `can_use` between changes.
    fn generation(&self) -> u64 {
        0
    }
}

/// Cedar policies, swappable at run time.
pub struct CedarAuthorizer {
    engine: ArcSwap<PolicyEngine>,
    generation: AtomicU64,
}

impl CedarAuthorizer {
    pub fn new(engine: PolicyEngine) -> Self {
        CedarAuthorizer {
            engine: ArcSwap::from_pointee(engine),
            generation: AtomicU64::new(0),
        }
    }

    /// Replaces the policy set atomically.
    pub fn replace(&self, engine: PolicyEngine) {
        self.engine.store(Arc::new(engine));
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn engine(&self) -> Arc<PolicyEngine> {
        self.engine.load_full()
    }
}

impl Authorizer for CedarAuthorizer {
    fn can_use(&self, principal: &Principal, tool: &ToolSpec) -> bool {
        self.engine.load().allows_use(principal, &tool.name)
    }

    fn can_invoke(&self, principal: &Principal, tool: &ToolSpec, args: &Value) -> bool {
        self.engine
            .load()
            .allows_invoke(principal, &tool.name, args)
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

/// The catalog as the policy engine needs it: each tool with its connector,
/// then each federated surface's entity (`<id>__resources`, ...; see
/// [`crate::catalog::Surface`]). A name missing here is denied.
pub fn catalog_tools(catalog: &Catalog) -> Vec<(ToolSpec, String)> {
    catalog
        .entries()
        .iter()
        .map(|e| (e.spec.clone(), e.connector.id().to_owned()))
        .chain(
            catalog
                .surfaces()
                .iter()
                .map(|s| (s.spec.clone(), s.connector.id().to_owned())),
        )
        .collect()
}
