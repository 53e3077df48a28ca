//! Rate limits shared by every replica, in Redis (DESIGN.md §7: several
//! replicas keep one limit per caller). The same GCRA as the local limiter,
//! run atomically in a Lua script on Redis' own clock so replicas with
//! skewed clocks still agree.
//!
//! If Redis cannot be reached the caller falls back to the local limiter
//! (and says so in the log): a limiter outage degrades the limit to
//! per-replica rather than taking every tool down.

use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::Script;

/// GCRA: KEYS[1] the key; ARGV[1] emission interval (µs); ARGV[2] burst
/// tolerance (µs). Returns 0 when allowed, else the wait in µs.
const GCRA: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - tolerance
if now < allow_at then
  return allow_at - now
end
redis.call('SET', KEYS[1], new_tat, 'PX', math.ceil((tolerance + interval) / 1000))
return 0
"#;

/// A connection to the shared limiter.
#[derive(Clone)]
pub struct RedisLimiter {
    connection: ConnectionManager,
    script: Script,
    prefix: String,
}

impl RedisLimiter {
    /// Connects (I/O): `redis://host:port/db`. `prefix` namespaces the keys
    /// (one per deployment).
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, String> {
        let client = redis::Client::open(url).map_err(|e| format!("bad Redis URL: {e}"))?;
        let connection =
            tokio::time::timeout(Duration::from_secs(5), ConnectionManager::new(client))
                .await
                .map_err(|_| "Redis did not answer within 5 s".to_string())?
                .map_err(|e| format!("cannot connect to Redis: {e}"))?;
        Ok(RedisLimiter {
            connection,
            script: Script::new(GCRA),
            prefix: prefix.to_owned(),
        })
    }

    /// One request against `per_minute` for `key`: `Ok(None)` allowed,
    /// `Ok(Some(wait))` refused, `Err` when Redis failed.
    pub async fn check(
        &self,
        key: &str,
        per_minute: u32,
    ) -> Result<Option<Duration>, redis::RedisError> {
        let per_minute = u64::from(per_minute.max(1));
        let interval = 60_000_000 / per_minute;
        let tolerance = interval * per_minute;
        let mut connection = self.connection.clone();
        let wait_us: u64 = self
            .script
            .key(format!("{}:{key}", self.prefix))
            .arg(interval)
            .arg(tolerance)
            .invoke_async(&mut connection)
            .await?;
        Ok((wait_us > 0).then(|| Duration::from_micros(wait_us)))
    }
}

impl std::fmt::Debug for RedisLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisLimiter")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}
