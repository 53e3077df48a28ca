//! The vendor's published limit, as a token bucket the gateway spends
//! before each real request, so the gateway itself never exceeds it.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `requests` per `per` (HubSpot: 100 per 10 s; Gong: 3 per second).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub requests: u32,
    pub per: Duration,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// A token bucket: capacity `requests`, refilled continuously.
#[derive(Debug)]
pub struct QuotaGate {
    quota: Quota,
    bucket: Mutex<Bucket>,
}

impl QuotaGate {
    pub fn new(quota: Quota) -> Self {
        QuotaGate {
            quota,
            bucket: Mutex::new(Bucket {
                tokens: f64::from(quota.requests),
                last: Instant::now(),
            }),
        }
    }

    /// Takes a token now, or says how long until one is free (a
    /// reservation is made, so waiters queue fairly).
    pub fn reserve(&self) -> Duration {
        let rate = f64::from(self.quota.requests) / self.quota.per.as_secs_f64();
        let mut b = self.bucket.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let refill = now.saturating_duration_since(b.last).as_secs_f64() * rate;
        b.tokens = (b.tokens + refill).min(f64::from(self.quota.requests));
        b.last = now;
        b.tokens -= 1.0;
        if b.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-b.tokens / rate)
        }
    }

    /// Gives back a reservation that will not be used (the caller's
    /// deadline could not wait for it).
    pub fn release(&self) {
        let mut b = self.bucket.lock().unwrap_or_else(|e| e.into_inner());
        b.tokens = (b.tokens + 1.0).min(f64::from(self.quota.requests));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_bucket_then_waits_in_order() {
        let gate = QuotaGate::new(Quota {
            requests: 3,
            per: Duration::from_secs(3),
        });
        for _ in 0..3 {
            assert_eq!(gate.reserve(), Duration::ZERO);
        }
        let first = gate.reserve();
        let second = gate.reserve();
        assert!(
            first > Duration::from_millis(900) && first <= Duration::from_secs(1),
            "{first:?}"
        );
        assert!(second > first);
        gate.release();
        gate.release();
    }
}
