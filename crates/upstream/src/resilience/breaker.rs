//! A circuit breaker per connector: after `failure_threshold` consecutive
//! failures it opens and refuses at once for `cooldown`; then one probe is
//! let through (half-open): success closes it, failure opens it again.

use std::sync::Mutex;
use std::time::Duration;

// Tokio's clock, so tests can pause and advance time instead of sleeping;
// outside tests it is the monotonic clock.
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct BreakerSettings {
    pub failure_threshold: u32,
    pub cooldown: Duration,
}

impl Default for BreakerSettings {
    fn default() -> Self {
        BreakerSettings {
            failure_threshold: 5,
            cooldown: Duration::from_secs(15),
        }
    }
}

/// For metrics and health.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

#[derive(Debug)]
enum State {
    Closed { failures: u32 },
    Open { until: Instant },
    HalfOpen { probing: bool },
}

#[derive(Debug)]
pub struct Breaker {
    settings: BreakerSettings,
    state: Mutex<State>,
}

impl Breaker {
    pub fn new(settings: BreakerSettings) -> Self {
        Breaker {
            settings,
            state: Mutex::new(State::Closed { failures: 0 }),
        }
    }

    /// `Err(wait)` while open (or while the half-open probe is out).
    pub fn admit(&self) -> Result<(), Duration> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match *state {
            State::Closed { .. } => Ok(()),
            State::Open { until } => {
                let now = Instant::now();
                if now >= until {
                    *state = State::HalfOpen { probing: true };
                    Ok(())
                } else {
                    Err(until - now)
                }
            }
            State::HalfOpen { probing: true } => Err(Duration::from_millis(100)),
            State::HalfOpen { probing: false } => {
                *state = State::HalfOpen { probing: true };
                Ok(())
            }
        }
    }

    pub fn success(&self) {
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) = State::Closed { failures: 0 };
    }

    /// A failure that says the upstream is unhealthy (5xx, timeouts,
    /// refused connections; never the caller's 4xx).
    pub fn failure(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let open = State::Open {
            until: Instant::now() + self.settings.cooldown,
        };
        *state = match *state {
            State::Closed { failures } if failures + 1 >= self.settings.failure_threshold => open,
            State::Closed { failures } => State::Closed {
                failures: failures + 1,
            },
            State::HalfOpen { .. } | State::Open { .. } => open,
        };
    }

    /// Neither success nor failure (a 4xx): releases a half-open probe.
    pub fn neutral(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let State::HalfOpen { .. } = *state {
            *state = State::HalfOpen { probing: false };
        }
    }

    pub fn state(&self) -> BreakerState {
        match *self.state.lock().unwrap_or_else(|e| e.into_inner()) {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { until } if Instant::now() < until => BreakerState::Open,
            State::Open { .. } | State::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn opens_after_consecutive_failures_and_recovers_through_a_probe() {
        let b = Breaker::new(BreakerSettings {
            failure_threshold: 3,
            cooldown: Duration::from_secs(30),
        });
        for _ in 0..2 {
            b.admit().unwrap();
            b.failure();
        }
        b.admit().unwrap();
        b.success();
        for _ in 0..3 {
            b.admit().unwrap();
            b.failure();
        }
        assert_eq!(b.state(), BreakerState::Open);
        assert_eq!(b.admit(), Err(Duration::from_secs(30)), "open refuses");
        tokio::time::advance(Duration::from_secs(29)).await;
        assert_eq!(b.admit(), Err(Duration::from_secs(1)), "still open");
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(b.state(), BreakerState::HalfOpen);
        b.admit().unwrap();
        assert!(b.admit().is_err(), "one probe at a time");
        b.failure();
        assert_eq!(b.state(), BreakerState::Open, "a failed probe reopens");
        assert!(b.admit().is_err());
        tokio::time::advance(Duration::from_secs(30)).await;
        b.admit().unwrap();
        b.neutral();
        b.admit().unwrap();
        b.success();
        assert_eq!(b.state(), BreakerState::Closed);
        b.admit().unwrap();
    }
}
