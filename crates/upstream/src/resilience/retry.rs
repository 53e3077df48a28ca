//! Retry policy: exponential backoff with full jitter.

use std::time::Duration;

/// How often and how patiently to retry idempotent requests.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in total, the first included (1 disables retries).
    pub max_attempts: u32,
    pub base: Duration,
    pub max_backoff: Duration,
    /// The longest `Retry-After` worth waiting for inside one call; longer
    /// waits are returned to the caller as `retry_after` instead.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

/// Full jitter: uniform in `[0, min(max, base · 2^attempt)]`.
pub fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let cap = policy
        .base
        .saturating_mul(1u32 << attempt.min(16))
        .min(policy.max_backoff);
    let nanos = cap.as_nanos() as u64;
    if nanos == 0 {
        return Duration::ZERO;
    }
    Duration::from_nanos(random_u64() % (nanos + 1))
}

/// A cheap, non-cryptographic random number for jitter.
fn random_u64() -> u64 {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new({
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
            t ^ (&t as *const u64 as u64) | 1
        });
    }
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        x
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::default();
        for attempt in 0..20 {
            let cap = p
                .base
                .saturating_mul(1 << attempt.min(16))
                .min(p.max_backoff);
            assert!(backoff(&p, attempt) <= cap);
        }
        let values: std::collections::HashSet<Duration> = (0..20).map(|_| backoff(&p, 3)).collect();
        assert!(values.len() > 1, "jitter varies");
    }
}
