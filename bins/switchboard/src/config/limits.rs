//! `[limits]` and `[cache]`.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use serde::Deserialize;
use switchboard_gateway::pipeline::{ClassLimits, LimitSettings};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    pub per_user_per_minute: u32,
    pub per_user_tool_per_minute: u32,
    /// Per caller, per connector: reads and writes per minute.
    pub connectors: BTreeMap<String, ConnectorLimits>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectorLimits {
    pub reads_per_minute: u32,
    pub writes_per_minute: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        let d = LimitSettings::default();
        LimitsConfig {
            per_user_per_minute: d.per_user_per_minute,
            per_user_tool_per_minute: d.per_user_tool_per_minute,
            connectors: BTreeMap::new(),
        }
    }
}

impl LimitsConfig {
    pub fn validate(&self) -> Result<(), String> {
        if self.per_user_per_minute == 0 || self.per_user_tool_per_minute == 0 {
            return Err("per_user_per_minute and per_user_tool_per_minute must be positive".into());
        }
        for (id, l) in &self.connectors {
            if l.reads_per_minute == 0 || l.writes_per_minute == 0 {
                return Err(format!("connectors.{id}: limits must be positive"));
            }
        }
        Ok(())
    }

    pub fn settings(&self) -> LimitSettings {
        LimitSettings {
            per_user_per_minute: self.per_user_per_minute,
            per_user_tool_per_minute: self.per_user_tool_per_minute,
            connectors: self
                .connectors
                .iter()
                .map(|(id, l)| {
                    (
                        id.clone(),
                        ClassLimits {
                            reads_per_minute: l.reads_per_minute,
                            writes_per_minute: l.writes_per_minute,
                        },
                    )
                })
                .collect(),
            ..LimitSettings::default()
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CacheConfig {
    /// Upper bound of cached results, in MiB.
    pub max_mb: u64,
    /// Per-tool TTL overrides in seconds; 0 turns caching off for a tool.
    pub ttl_seconds: BTreeMap<String, u64>,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            max_mb: 64,
            ttl_seconds: BTreeMap::new(),
        }
    }
}

impl CacheConfig {
    pub fn ttl_overrides(&self) -> HashMap<String, Duration> {
        self.ttl_seconds
            .iter()
            .map(|(t, s)| (t.clone(), Duration::from_secs(*s)))
            .collect()
    }
}
