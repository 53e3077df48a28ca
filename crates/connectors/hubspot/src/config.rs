//! `[connectors.hubspot]` configuration: checked without I/O, then built
//! (which resolves the token reference).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::config::{self, UpstreamTuning};
use url::Url;

/// HubSpot connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HubSpotConfig {
    /// API root; `https://api.hubapi.com` unless testing or proxying.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// A secret reference (`env:HUBSPOT_TOKEN`, `file:/run/secrets/hubspot`),
    /// never the token itself.
    pub token: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// `[connectors.hubspot.upstream]`: the plan's quota (default 100
    /// requests per 10 s) and the concurrency cap (default 16).
    #[serde(default)]
    pub upstream: UpstreamTuning,
}

fn default_base_url() -> Url {
    Url::parse("https://api.hubapi.com").expect("a valid default URL")
}

impl HubSpotConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        config::check_token("hubspot", "token", &self.token)?;
        config::check_base_url("hubspot", &self.base_url)?;
        config::check_timeout("hubspot", self.timeout_ms)?;
        self.upstream.validate("hubspot")
    }

    pub fn timeout(&self) -> Duration {
        config::timeout_or_default(self.timeout_ms)
    }

    /// Validates, resolves the token, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let token = config::resolve_token("hubspot", "token", &self.token)?;
        crate::connector_tuned(self.base_url.clone(), token, self.timeout(), self.upstream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_like: serde_json::Value) -> Result<HubSpotConfig, serde_json::Error> {
        serde_json::from_value(toml_like)
    }

    #[test]
    fn defaults_and_validation() {
        let c = parse(serde_json::json!({"token": "env:HUBSPOT_TOKEN"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://api.hubapi.com/");
        assert_eq!(c.timeout(), config::DEFAULT_TIMEOUT);
        assert!(c.validate().is_ok());

        let literal = parse(serde_json::json!({"token": "pat-na1-secret-value"})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("hubspot.token") && !err.contains("secret-value"),
            "{err}"
        );

        let c = parse(
            serde_json::json!({"token": "env:X", "base_url": "ftp://x.example", "timeout_ms": 5}),
        )
        .unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c = parse(serde_json::json!({"token": "env:X", "timeout_ms": 0})).unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        assert!(parse(serde_json::json!({"token": "env:X", "tokne": 1})).is_err());

        let c = parse(serde_json::json!({"token": "env:X",
            "upstream": {"requests": 190, "window_ms": 10000, "max_concurrency": 64}}))
        .unwrap();
        assert!(c.validate().is_ok());
        assert_eq!(c.upstream.requests, Some(190));
        let c =
            parse(serde_json::json!({"token": "env:X", "upstream": {"requests": 190}})).unwrap();
        assert!(c.validate().unwrap_err().contains("hubspot.upstream"));
        assert!(parse(serde_json::json!({"token": "env:X", "upstream": {"rps": 1}})).is_err());
    }

    #[test]
    fn build_resolves_the_reference() {
        let c = parse(serde_json::json!({"token": "env:SWITCHBOARD_HUBSPOT_TEST_UNSET"})).unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_HUBSPOT_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_HUBSPOT_TEST_TOKEN", "pat-test");
        let c = parse(
            serde_json::json!({"token": "env:SWITCHBOARD_HUBSPOT_TEST_TOKEN", "timeout_ms": 2000}),
        )
        .unwrap();
        assert_eq!(c.build().unwrap().id(), "hubspot");
    }
}
