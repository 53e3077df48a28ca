//! Checks every HTTP connector's config shares, so each connector states
//! only what is its own. All of them run without I/O except
//! [`resolve_token`].

use std::time::Duration;

use switchboard_core::ConnectorError;
use url::Url;

use crate::{check_reference, resolve_secret, Secret};

/// The per-request timeout when a connector's config sets none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
/// The largest per-request timeout a config may set.
pub const MAX_TIMEOUT_MS: u64 = 120_000;

/// `<connector>.<field>`: a secret reference (`env:`/`file:`), never a
/// literal, and never echoed back.
pub fn check_token(connector: &str, field: &str, reference: &str) -> Result<(), String> {
    check_reference(reference).map_err(|e| format!("{connector}.{field}: {e}"))
}

/// `<connector>.base_url`: http(s) with a host; no query, fragment or
/// credentials (those belong in the token).
pub fn check_base_url(connector: &str, url: &Url) -> Result<(), String> {
    if !matches!(url.scheme(), "https" | "http") || url.host().is_none() {
        return Err(format!(
            "{connector}.base_url: `{url}` must be an http(s) URL with a host"
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "{connector}.base_url: must not carry a query or fragment"
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "{connector}.base_url: must not carry credentials; use the token"
        ));
    }
    Ok(())
}

/// `<connector>.timeout_ms`: 1 to [`MAX_TIMEOUT_MS`] when set.
pub fn check_timeout(connector: &str, timeout_ms: Option<u64>) -> Result<(), String> {
    match timeout_ms {
        Some(ms) if ms == 0 || ms > MAX_TIMEOUT_MS => Err(format!(
            "{connector}.timeout_ms: must be between 1 and {MAX_TIMEOUT_MS}, got {ms}"
        )),
        _ => Ok(()),
    }
}

/// The configured timeout, or [`DEFAULT_TIMEOUT`].
pub fn timeout_or_default(timeout_ms: Option<u64>) -> Duration {
    timeout_ms.map_or(DEFAULT_TIMEOUT, Duration::from_millis)
}

/// `[connectors.<id>.upstream]`: the vendor quota and concurrency a
/// connector keeps to, when the company's plan differs from the defaults
/// built into the connector (HubSpot's larger plans allow 190 requests per
/// 10 s; a fake upstream in a benchmark allows anything).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpstreamTuning {
    /// Requests allowed per `window_ms` (the vendor's published limit).
    pub requests: Option<u32>,
    /// The quota window in milliseconds.
    pub window_ms: Option<u64>,
    /// Requests in flight to the vendor at once.
    pub max_concurrency: Option<usize>,
}

impl UpstreamTuning {
    /// `requests` and `window_ms` come together, and nothing is zero.
    pub fn validate(&self, connector: &str) -> Result<(), String> {
        let field = |f: &str| format!("{connector}.upstream.{f}");
        match (self.requests, self.window_ms) {
            (Some(0), _) => return Err(format!("{}: must be at least 1", field("requests"))),
            (_, Some(0)) => return Err(format!("{}: must be at least 1", field("window_ms"))),
            (Some(_), None) | (None, Some(_)) => {
                return Err(format!(
                    "{connector}.upstream: `requests` and `window_ms` are set together"
                ))
            }
            _ => {}
        }
        if self.max_concurrency == Some(0) {
            return Err(format!("{}: must be at least 1", field("max_concurrency")));
        }
        Ok(())
    }

    /// Overrides the connector's built-in quota and concurrency cap.
    pub fn apply(&self, config: &mut crate::UpstreamConfig) {
        if let (Some(requests), Some(ms)) = (self.requests, self.window_ms) {
            config.quota = Some(crate::Quota {
                requests,
                per: Duration::from_millis(ms),
            });
        }
        if let Some(n) = self.max_concurrency {
            config.max_concurrency = n;
        }
    }
}

/// Reads the secret a reference names (I/O: the environment or a file).
pub fn resolve_token(
    connector: &str,
    field: &str,
    reference: &str,
) -> Result<Secret, ConnectorError> {
    resolve_secret(reference)
        .map_err(|e| ConnectorError::internal(format!("{connector}.{field}: {e}")).with_source(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_checks() {
        assert!(check_token("x", "token", "env:X").is_ok());
        let e = check_token("x", "token", "pat-na1-hidden-value").unwrap_err();
        assert!(
            e.starts_with("x.token") && !e.contains("hidden-value"),
            "{e}"
        );
        let url = |s: &str| Url::parse(s).unwrap();
        assert!(check_base_url("x", &url("https://api.example/v3")).is_ok());
        assert!(check_base_url("x", &url("ftp://api.example")).is_err());
        assert!(check_base_url("x", &url("https://api.example/?a=1")).is_err());
        assert!(check_base_url("x", &url("https://u:p@api.example/")).is_err());
        assert!(check_timeout("x", Some(0)).is_err());
        assert!(check_timeout("x", Some(MAX_TIMEOUT_MS + 1)).is_err());
        assert_eq!(timeout_or_default(None), DEFAULT_TIMEOUT);
    }

    #[test]
    fn upstream_tuning_is_checked_and_applied() {
        let t = |requests, window_ms, max_concurrency| UpstreamTuning {
            requests,
            window_ms,
            max_concurrency,
        };
        assert!(t(None, None, None).validate("x").is_ok());
        assert!(t(Some(190), Some(10_000), Some(64)).validate("x").is_ok());
        for bad in [
            t(Some(0), Some(1), None),
            t(Some(1), Some(0), None),
            t(Some(1), None, None),
            t(None, Some(1), None),
            t(None, None, Some(0)),
        ] {
            let e = bad.validate("x").unwrap_err();
            assert!(e.starts_with("x.upstream"), "{e}");
        }
        let mut config = crate::UpstreamConfig::new(
            "X",
            Url::parse("https://api.example").unwrap(),
            crate::Auth::None,
        );
        config.quota = Some(crate::Quota {
            requests: 100,
            per: Duration::from_secs(10),
        });
        t(None, None, None).apply(&mut config);
        assert_eq!(config.quota.unwrap().requests, 100);
        assert_eq!(config.max_concurrency, 16);
        t(Some(190), Some(10_000), Some(64)).apply(&mut config);
        assert_eq!(
            config.quota,
            Some(crate::Quota {
                requests: 190,
                per: Duration::from_secs(10)
            })
        );
        assert_eq!(config.max_concurrency, 64);
    }
}
