//! `[connectors.gong]` configuration: checked without I/O, then built
//! (which resolves the two secret references).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::{check_reference, resolve_secret, Secret};
use url::Url;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
const MAX_TIMEOUT_MS: u64 = 120_000;
const MAX_REQUESTS_PER_SECOND: u32 = 100;

/// Gong connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GongConfig {
    /// API root: `https://api.gong.io`, or the customer-specific host
    /// (`https://us-NNNN.api.gong.io`) Gong gives OAuth apps.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// A secret reference to the access key (`env:GONG_ACCESS_KEY`).
    pub access_key: String,
    /// A secret reference to the access key secret
    /// (`file:/run/secrets/gong`), never the value itself.
    pub access_key_secret: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// Gong's request limit for the company (default 3, Gong's documented
    /// default; set it if Gong raised yours).
    #[serde(default)]
    pub requests_per_second: Option<u32>,
}

fn default_base_url() -> Url {
    Url::parse("https://api.gong.io").expect("a valid default URL")
}

impl GongConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        check_reference(&self.access_key).map_err(|e| format!("gong.access_key: {e}"))?;
        check_reference(&self.access_key_secret)
            .map_err(|e| format!("gong.access_key_secret: {e}"))?;
        if !matches!(self.base_url.scheme(), "https" | "http") || self.base_url.host().is_none() {
            return Err(format!(
                "gong.base_url: `{}` must be an http(s) URL with a host",
                self.base_url
            ));
        }
        if self.base_url.query().is_some() || self.base_url.fragment().is_some() {
            return Err("gong.base_url: must not carry a query or fragment".into());
        }
        if let Some(ms) = self.timeout_ms {
            if ms == 0 || ms > MAX_TIMEOUT_MS {
                return Err(format!(
                    "gong.timeout_ms: must be between 1 and {MAX_TIMEOUT_MS}, got {ms}"
                ));
            }
        }
        if let Some(n) = self.requests_per_second {
            if n == 0 || n > MAX_REQUESTS_PER_SECOND {
                return Err(format!(
                    "gong.requests_per_second: must be between 1 and {MAX_REQUESTS_PER_SECOND}, got {n}"
                ));
            }
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout_ms
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis)
    }

    /// Validates, resolves both secrets, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let resolve = |field: &str, reference: &str| -> Result<Secret, ConnectorError> {
            resolve_secret(reference)
                .map_err(|e| ConnectorError::internal(format!("gong.{field}: {e}")).with_source(e))
        };
        let key = resolve("access_key", &self.access_key)?;
        let secret = resolve("access_key_secret", &self.access_key_secret)?;
        let limit = self
            .requests_per_second
            .unwrap_or(crate::DEFAULT_REQUESTS_PER_SECOND);
        crate::connector_with_limit(self.base_url.clone(), key, secret, self.timeout(), limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: serde_json::Value) -> Result<GongConfig, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn defaults_and_validation() {
        let c = parse(serde_json::json!({
            "access_key": "env:GONG_ACCESS_KEY",
            "access_key_secret": "file:/run/secrets/gong"
        }))
        .unwrap();
        assert_eq!(c.base_url.as_str(), "https://api.gong.io/");
        assert_eq!(c.timeout(), DEFAULT_TIMEOUT);
        assert!(c.validate().is_ok());

        let literal = parse(serde_json::json!({
            "access_key": "env:K", "access_key_secret": "very-secret-value"
        }))
        .unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("gong.access_key_secret") && !err.contains("secret-value"),
            "{err}"
        );
        let c = parse(serde_json::json!({
            "access_key": "env:K", "access_key_secret": "env:S", "base_url": "ftp://x.example"
        }))
        .unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c = parse(serde_json::json!({
            "access_key": "env:K", "access_key_secret": "env:S", "timeout_ms": 0
        }))
        .unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        let c = parse(serde_json::json!({
            "access_key": "env:K", "access_key_secret": "env:S", "requests_per_second": 0
        }))
        .unwrap();
        assert!(c.validate().unwrap_err().contains("requests_per_second"));
        assert!(parse(serde_json::json!({"access_key": "env:K"})).is_err());
        assert!(parse(serde_json::json!({
            "access_key": "env:K", "access_key_secret": "env:S", "token": "env:T"
        }))
        .is_err());
    }

    #[test]
    fn build_resolves_both_references() {
        std::env::set_var("SWITCHBOARD_GONG_TEST_KEY", "key");
        let c = parse(serde_json::json!({
            "access_key": "env:SWITCHBOARD_GONG_TEST_KEY",
            "access_key_secret": "env:SWITCHBOARD_GONG_TEST_SECRET_UNSET"
        }))
        .unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("access_key_secret")
                && err.message.contains("SWITCHBOARD_GONG_TEST_SECRET_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_GONG_TEST_SECRET", "secret");
        let c = parse(serde_json::json!({
            "access_key": "env:SWITCHBOARD_GONG_TEST_KEY",
            "access_key_secret": "env:SWITCHBOARD_GONG_TEST_SECRET",
            "timeout_ms": 2000,
            "requests_per_second": 10
        }))
        .unwrap();
        assert_eq!(c.build().unwrap().id(), "gong");
    }
}
