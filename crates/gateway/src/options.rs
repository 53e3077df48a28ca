//! Knobs of the HTTP surface and the pipeline, set from the binary's config.

use std::collections::HashMap;
use std::time::Duration;

use crate::pipeline::LimitSettings;

/// Gateway settings with safe defaults.
#[derive(Debug, Clone)]
pub struct GatewayOptions {
    /// Hosts accepted in the `Host` header (DNS-rebinding protection).
    /// Empty disables the check: never do that on a public deployment.
    pub allowed_hosts: Vec<String>,
    /// Browser origins accepted in the `Origin` header; requests without an
    /// `Origin` (non-browser clients) always pass.
    pub allowed_origins: Vec<String>,
    /// Largest accepted request body; larger bodies get 413.
    pub max_body_bytes: usize,
    /// Upper bound on one tool call, retries included.
    pub call_timeout: Duration,
    /// Largest shaped result sent back; larger ones are trimmed with an
    /// explicit marker.
    pub max_result_bytes: usize,
    /// Keep sessions for pre-2026-07-28 clients (initialize +
    /// `Mcp-Session-Id`). 2026-07-28 requests are always stateless.
    pub legacy_sessions: bool,
    /// Most legacy sessions open at once; further `initialize`s get 503.
    pub max_sessions: usize,
    /// A legacy session that has not finished `initialize` by then is
    /// dropped; an idle one after `session_idle`.
    pub session_init_timeout: Duration,
    pub session_idle: Duration,
    /// Per-caller rate limits.
    pub limits: LimitSettings,
    /// Upper bound on the response cache, in bytes of cached results.
    pub cache_max_bytes: u64,
    /// Per-tool TTL overrides (zero disables caching for that tool).
    pub cache_ttl_overrides: HashMap<String, Duration>,
    /// Keep raw upstream bodies per call (the token benchmark only).
    pub capture_upstream_bodies: bool,
    /// Shared (Redis) rate limits for several replicas; local when `None`.
    pub shared_limiter: Option<crate::pipeline::RedisLimiter>,
    /// Seals 2026-07-28 callers' `requestState` (at least 32 bytes). Every
    /// replica behind one load balancer needs the same key, since a retry
    /// may reach another replica; `None`: a random key per process.
    pub request_state_key: Option<Vec<u8>>,
}

impl Default for GatewayOptions {
    fn default() -> Self {
        GatewayOptions {
            allowed_hosts: vec!["localhost".into(), "127.0.0.1".into(), "::1".into()],
            allowed_origins: Vec::new(),
            max_body_bytes: 1024 * 1024,
            call_timeout: Duration::from_secs(30),
            max_result_bytes: 256 * 1024,
            legacy_sessions: true,
            max_sessions: 10_000,
            session_init_timeout: Duration::from_secs(10),
            session_idle: Duration::from_secs(300),
            limits: LimitSettings::default(),
            cache_max_bytes: 64 * 1024 * 1024,
            cache_ttl_overrides: HashMap::new(),
            capture_upstream_bodies: false,
            shared_limiter: None,
            request_state_key: None,
        }
    }
}
