//! The vendor's published limit, as a token bucket the gateway spends
//! before each real request, so the gateway itself never exceeds it.

use std::sync::Mutex;
use std::time::Duration;

// Tokio's clock, so tests can pause and advance time.
use tokio::time::Instant;

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

    #[tokio::test(start_paused = true)]
    async fn a_full_bucket_then_waits_in_order_and_refills_with_time() {
        let gate = QuotaGate::new(Quota {
            requests: 3,
            per: Duration::from_secs(3),
        });
        for _ in 0..3 {
            assert_eq!(gate.reserve(), Duration::ZERO);
        }
        assert_eq!(gate.reserve(), Duration::from_secs(1), "the next token");
        assert_eq!(gate.reserve(), Duration::from_secs(2), "waiters queue");
        gate.release();
        gate.release();
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(gate.reserve(), Duration::ZERO, "one token refilled");
        assert_eq!(gate.reserve(), Duration::from_secs(1));
        gate.release();
        tokio::time::advance(Duration::from_secs(60)).await;
        for _ in 0..3 {
            assert_eq!(gate.reserve(), Duration::ZERO, "refilled to capacity");
        }
        assert!(gate.reserve() > Duration::ZERO, "never above capacity");
    }
}
