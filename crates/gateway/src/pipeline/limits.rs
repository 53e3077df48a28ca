//! Step 5: per-caller rate limits (governor, GCRA).
//!
//! Three keyed limiters, all per principal: calls per minute overall, per
//! tool, and per connector × effect class (read or write). Cache hits count:
//! the limit protects the gateway and the audit trail as well as the
//! upstream. Upstream quotas (never exceed the vendor's published limit)
//! live in `switchboard-upstream`, where the real requests are made.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use switchboard_core::{Principal, ToolSpec};

use super::shared_limits::RedisLimiter;

/// Limits per connector and effect class, per caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassLimits {
    pub reads_per_minute: u32,
    pub writes_per_minute: u32,
}

/// What the limiter enforces.
#[derive(Debug, Clone)]
pub struct LimitSettings {
    pub per_user_per_minute: u32,
    pub per_user_tool_per_minute: u32,
    /// Default for every connector, per caller.
    pub per_connector: ClassLimits,
    /// Overrides by connector id.
    pub connectors: HashMap<String, ClassLimits>,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            per_user_per_minute: 600,
            per_user_tool_per_minute: 120,
            per_connector: ClassLimits {
                reads_per_minute: 300,
                writes_per_minute: 30,
            },
            connectors: HashMap::new(),
        }
    }
}

/// The keyed limiters: local (governor), or shared through Redis when
/// configured, with the local ones as the fallback.
pub struct Limits {
    settings: LimitSettings,
    shared: Option<RedisLimiter>,
    user: DefaultKeyedRateLimiter<String>,
    user_tool: DefaultKeyedRateLimiter<(String, String)>,
    classes: HashMap<(String, bool), DefaultKeyedRateLimiter<String>>,
    default_reads: DefaultKeyedRateLimiter<(String, String)>,
    default_writes: DefaultKeyedRateLimiter<(String, String)>,
    clock: DefaultClock,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).expect("at least one"))
}

impl Limits {
    pub fn new(settings: &LimitSettings, shared: Option<RedisLimiter>) -> Self {
        let classes = settings
            .connectors
            .iter()
            .flat_map(|(id, l)| {
                [
                    (
                        (id.clone(), false),
                        RateLimiter::keyed(per_minute(l.reads_per_minute)),
                    ),
                    (
                        (id.clone(), true),
                        RateLimiter::keyed(per_minute(l.writes_per_minute)),
                    ),
                ]
            })
            .collect();
        Limits {
            settings: settings.clone(),
            shared,
            user: RateLimiter::keyed(per_minute(settings.per_user_per_minute)),
            user_tool: RateLimiter::keyed(per_minute(settings.per_user_tool_per_minute)),
            classes,
            default_reads: RateLimiter::keyed(per_minute(settings.per_connector.reads_per_minute)),
            default_writes: RateLimiter::keyed(per_minute(
                settings.per_connector.writes_per_minute,
            )),
            clock: DefaultClock::default(),
        }
    }

    /// `Err(wait)` when any limit is exhausted. Checks run in order and stop
    /// at the first refusal.
    pub async fn check(
        &self,
        principal: &Principal,
        connector: &str,
        tool: &ToolSpec,
    ) -> Result<(), Duration> {
        if let Some(redis) = &self.shared {
            match self.check_shared(redis, principal, connector, tool).await {
                Ok(decision) => return decision,
                Err(e) => {
                    tracing::warn!(error = %e, "shared rate limiter unreachable; using this replica's limits")
                }
            }
        }
        self.check_local(principal, connector, tool)
    }

    async fn check_shared(
        &self,
        redis: &RedisLimiter,
        principal: &Principal,
        connector: &str,
        tool: &ToolSpec,
    ) -> Result<Result<(), Duration>, redis::RedisError> {
        let user = &principal.user_id;
        let write = !tool.effect.is_read_only();
        let class = self
            .settings
            .connectors
            .get(connector)
            .copied()
            .unwrap_or(self.settings.per_connector);
        let class_quota = if write {
            class.writes_per_minute
        } else {
            class.reads_per_minute
        };
        let checks = [
            (format!("user:{user}"), self.settings.per_user_per_minute),
            (
                format!("tool:{user}:{}", tool.name),
                self.settings.per_user_tool_per_minute,
            ),
            (
                format!(
                    "class:{user}:{connector}:{}",
                    if write { "write" } else { "read" }
                ),
                class_quota,
            ),
        ];
        for (key, quota) in checks {
            if let Some(wait) = redis.check(&key, quota).await? {
                return Ok(Err(wait));
            }
        }
        Ok(Ok(()))
    }

    fn check_local(
        &self,
        principal: &Principal,
        connector: &str,
        tool: &ToolSpec,
    ) -> Result<(), Duration> {
        let user = principal.user_id.clone();
        let wait = |e: governor::NotUntil<_>| e.wait_time_from(self.clock.now());
        self.user.check_key(&user).map_err(wait)?;
        self.user_tool
            .check_key(&(user.clone(), tool.name.clone()))
            .map_err(wait)?;
        let write = !tool.effect.is_read_only();
        match self.classes.get(&(connector.to_owned(), write)) {
            Some(limiter) => limiter.check_key(&user).map_err(wait)?,
            None if write => self
                .default_writes
                .check_key(&(user, connector.to_owned()))
                .map_err(wait)?,
            None => self
                .default_reads
                .check_key(&(user, connector.to_owned()))
                .map_err(wait)?,
        }
        Ok(())
    }

    /// Drops idle keys so memory stays bounded by active callers.
    pub fn retain_recent(&self) {
        self.user.retain_recent();
        self.user_tool.retain_recent();
        self.default_reads.retain_recent();
        self.default_writes.retain_recent();
        for l in self.classes.values() {
            l.retain_recent();
        }
    }
}
