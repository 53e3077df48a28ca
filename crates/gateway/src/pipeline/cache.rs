//! Step 6: the response cache (moka).
//!
//! - Read tools only, TTL from the tool's `CachePolicy` (config may
//!   override per tool).
//! - Key = SHA-256 of tool + canonical arguments (object keys sorted) +
//!   scope + the connector's generation. The scope is always the caller, or,
//!   for tools whose result does not depend on who asks, the caller's
//!   *permission set* (the exact set of tools they may use): nothing is ever
//!   shared between callers who may see different things. A caller who
//!   sends their own upstream credentials (header passthrough) scopes the
//!   key to those exact credentials too.
//! - A successful write bumps its connector's generation, so every cached
//!   read of that connector becomes unreachable at once (coarse, O(1)).
//! - Bounded by bytes (weigher); concurrent identical misses coalesce into
//!   one dispatch (`try_get_with`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use moka::future::Cache;
use moka::Expiry;
use serde_json::Value;
use sha2::{Digest, Sha256};
use switchboard_core::{CachePolicy, CallerCredentials, Principal};

use super::Shaped;

/// Who a cached result belongs to: the principal and the upstream
/// credentials they sent (header passthrough).
#[derive(Clone, Copy)]
pub struct Caller<'a> {
    pub principal: &'a Principal,
    pub credentials: &'a CallerCredentials,
}

/// A cached result and how long it may live.
#[derive(Debug)]
pub struct Cached {
    pub shaped: Shaped,
    ttl: Duration,
}

struct PerEntryTtl;

impl Expiry<String, Arc<Cached>> for PerEntryTtl {
    fn expire_after_create(&self, _: &String, value: &Arc<Cached>, _: Instant) -> Option<Duration> {
        Some(value.ttl)
    }
}

/// The response cache.
pub struct ResponseCache {
    entries: Cache<String, Arc<Cached>>,
    generations: Mutex<HashMap<String, u64>>,
    ttl_overrides: HashMap<String, Duration>,
}

impl ResponseCache {
    /// `max_bytes` bounds the sum of cached result sizes.
    pub fn new(max_bytes: u64, ttl_overrides: HashMap<String, Duration>) -> Self {
        let entries = Cache::builder()
            .max_capacity(max_bytes)
            .weigher(|key: &String, value: &Arc<Cached>| {
                let bytes = key.len() + value.shaped.text.len() * 2;
                u32::try_from(bytes).unwrap_or(u32::MAX)
            })
            .expire_after(PerEntryTtl)
            .build();
        ResponseCache {
            entries,
            generations: Mutex::new(HashMap::new()),
            ttl_overrides,
        }
    }

    /// The TTL for a tool, or `None` when it must not be cached.
    pub fn ttl(&self, tool: &str, policy: CachePolicy) -> Option<Duration> {
        let ttl = match policy {
            CachePolicy::Never => return None,
            CachePolicy::PerCaller { ttl } | CachePolicy::SharedByPermission { ttl } => ttl,
        };
        let ttl = self.ttl_overrides.get(tool).copied().unwrap_or(ttl);
        (!ttl.is_zero()).then_some(ttl)
    }

    /// The cache key. `permission_set` names the tools the caller may use,
    /// in catalog order; it is the scope of `SharedByPermission` tools.
    pub fn key<'a>(
        &self,
        connector: &str,
        tool: &str,
        args: &Value,
        policy: CachePolicy,
        caller: Caller<'_>,
        permission_set: impl Iterator<Item = &'a str>,
    ) -> String {
        let mut h = Sha256::new();
        h.update(tool.as_bytes());
        h.update([0]);
        h.update(canonical(args).as_bytes());
        h.update([0]);
        match policy {
            CachePolicy::SharedByPermission { .. } => {
                h.update(b"perm:");
                for t in permission_set {
                    h.update(t.as_bytes());
                    h.update([0]);
                }
            }
            _ => {
                h.update(b"user:");
                h.update(caller.principal.identity_key().as_bytes());
            }
        }
        h.update([0]);
        for (name, value) in caller.credentials.iter() {
            h.update(b"cred:");
            h.update(name.as_bytes());
            h.update([0]);
            h.update(value.as_bytes());
            h.update([0]);
        }
        h.update(self.generation(connector).to_le_bytes());
        hex::encode(h.finalize())
    }

    /// Returns the cached result or runs `fetch` once for all concurrent
    /// callers with the same key. The bool is true when this caller's own
    /// `fetch` ran (a miss).
    pub async fn get_or_fetch<F, E>(
        &self,
        key: String,
        ttl: Duration,
        fetch: F,
    ) -> Result<(Arc<Cached>, bool), Arc<E>>
    where
        F: std::future::Future<Output = Result<Shaped, E>>,
        E: Send + Sync + 'static,
    {
        let ran = std::sync::atomic::AtomicBool::new(false);
        let value = self
            .entries
            .try_get_with(key, async {
                ran.store(true, std::sync::atomic::Ordering::Relaxed);
                fetch.await.map(|shaped| Arc::new(Cached { shaped, ttl }))
            })
            .await?;
        Ok((value, ran.load(std::sync::atomic::Ordering::Relaxed)))
    }

    /// After a successful write: every cached read of the connector goes.
    pub fn invalidate_connector(&self, connector: &str) {
        let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        *generations.entry(connector.to_owned()).or_default() += 1;
    }

    fn generation(&self, connector: &str) -> u64 {
        let generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        generations.get(connector).copied().unwrap_or(0)
    }

    pub fn entry_count(&self) -> u64 {
        self.entries.entry_count()
    }
}

/// JSON with object keys sorted at every depth, so `{"a":1,"b":2}` and
/// `{"b":2,"a":1}` share a key. A missing argument object and `{}` are the
/// same call.
pub fn canonical(value: &Value) -> String {
    fn sort(v: &Value) -> Value {
        match v {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                Value::Object(
                    keys.into_iter()
                        .map(|k| (k.clone(), sort(&map[k])))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(sort).collect()),
            other => other.clone(),
        }
    }
    match value {
        Value::Null => "{}".to_owned(),
        v => sort(v).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_sorts_keys_at_every_depth() {
        assert_eq!(
            canonical(&json!({"b": 1, "a": {"d": 2, "c": 3}})),
            canonical(&json!({"a": {"c": 3, "d": 2}, "b": 1}))
        );
        assert_eq!(canonical(&Value::Null), canonical(&json!({})));
        assert_ne!(
            canonical(&json!({"a": [1, 2]})),
            canonical(&json!({"a": [2, 1]}))
        );
    }
}
