//! `[connectors.intercom]` configuration: checked without I/O, then built
//! (which resolves the token reference).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::config;
use url::Url;

/// Intercom connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntercomConfig {
    /// API root: `https://api.intercom.io` (US, the default),
    /// `https://api.eu.intercom.io` or `https://api.au.intercom.io` by the
    /// workspace's region, or a proxy or test server.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// A secret reference (`env:INTERCOM_TOKEN`, `file:/run/secrets/intercom`),
    /// never the access token itself.
    pub token: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
}

fn default_base_url() -> Url {
    Url::parse("https://api.intercom.io").expect("a valid default URL")
}

impl IntercomConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        config::check_token("intercom", "token", &self.token)?;
        config::check_base_url("intercom", &self.base_url)?;
        config::check_timeout("intercom", self.timeout_ms)
    }

    pub fn timeout(&self) -> Duration {
        config::timeout_or_default(self.timeout_ms)
    }

    /// Validates, resolves the token, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let token = config::resolve_token("intercom", "token", &self.token)?;
        crate::connector(self.base_url.clone(), token, self.timeout())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: serde_json::Value) -> Result<IntercomConfig, serde_json::Error> {
        serde_json::from_value(value)
    }

    #[test]
    fn defaults_and_validation() {
        let c = parse(serde_json::json!({"token": "env:INTERCOM_TOKEN"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://api.intercom.io/");
        assert_eq!(c.timeout(), config::DEFAULT_TIMEOUT);
        assert!(c.validate().is_ok());
        let eu =
            parse(serde_json::json!({"token": "env:X", "base_url": "https://api.eu.intercom.io"}));
        assert!(eu.unwrap().validate().is_ok());

        let literal = parse(serde_json::json!({"token": "dG9rOmFiYzEyMw=="})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("intercom.token") && !err.contains("YWJj"),
            "{err}"
        );

        let c =
            parse(serde_json::json!({"token": "env:X", "base_url": "ftp://x.example"})).unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c = parse(serde_json::json!({"token": "env:X", "base_url": "https://x.example/?a=1"}));
        assert!(c.unwrap().validate().unwrap_err().contains("query"));
        let c = parse(serde_json::json!({"token": "env:X", "timeout_ms": 120_001})).unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        assert!(parse(serde_json::json!({"token": "env:X", "version": "2.14"})).is_err());
    }

    #[test]
    fn build_resolves_the_reference() {
        let c = parse(serde_json::json!({"token": "env:SWITCHBOARD_INTERCOM_TEST_UNSET"})).unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_INTERCOM_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_INTERCOM_TEST_TOKEN", "tok-test");
        let c = parse(
            serde_json::json!({"token": "env:SWITCHBOARD_INTERCOM_TEST_TOKEN", "timeout_ms": 2000}),
        );
        assert_eq!(c.unwrap().build().unwrap().id(), "intercom");
    }
}
