//! What stands between a connector and a misbehaving vendor: retries with
//! backoff for idempotent requests, vendor rate-limit signals, a quota so
//! the gateway never exceeds the vendor's published limit, a circuit
//! breaker so a failing upstream answers fast, and a concurrency cap so one
//! slow upstream cannot hold every connection.

mod breaker;
mod quota;
mod retry;

pub use breaker::{Breaker, BreakerSettings, BreakerState};
pub use quota::{Quota, QuotaGate};
pub use retry::{backoff, RetryPolicy};
