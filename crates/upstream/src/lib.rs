//! The one outbound HTTP client. Every connector talks to its vendor through
//! [`UpstreamClient`], so auth injection, deadlines, request counting, error
//! mapping and (with the resilience work) retries, quotas and breakers live
//! in one place.

mod client;
pub mod config;
mod error_map;
mod paging;
mod resilience;
mod secret;

pub use client::{
    http_client, Auth, UpstreamClient, UpstreamConfig, UpstreamRequest, UpstreamResponse,
};
pub use error_map::{generic_vendor_message, parse_retry_after, truncate, VendorMessage};
pub use paging::{collect_pages, Page};
pub use resilience::{
    backoff, Breaker, BreakerSettings, BreakerState, Quota, QuotaGate, RetryPolicy,
};
pub use secret::{check_reference, resolve_secret, Secret, SecretError};

#[cfg(test)]
mod tests;
