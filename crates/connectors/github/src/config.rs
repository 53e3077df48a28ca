//! `[connectors.github]` configuration: checked without I/O, then built
//! (which resolves the token reference).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::config;
use url::Url;

/// GitHub connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GitHubConfig {
    /// API root: `https://api.github.com`, or a GitHub Enterprise
    /// Server's `https://<host>/api/v3` (the path is kept).
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// A secret reference (`env:GITHUB_TOKEN`, `file:/run/secrets/github`),
    /// never the token itself.
    pub token: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
}

fn default_base_url() -> Url {
    Url::parse("https://api.github.com").expect("a valid default URL")
}

impl GitHubConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        config::check_token("github", "token", &self.token)?;
        config::check_base_url("github", &self.base_url)?;
        config::check_timeout("github", self.timeout_ms)
    }

    pub fn timeout(&self) -> Duration {
        config::timeout_or_default(self.timeout_ms)
    }

    /// Validates, resolves the token, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let token = config::resolve_token("github", "token", &self.token)?;
        crate::connector(self.base_url.clone(), token, self.timeout())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: serde_json::Value) -> Result<GitHubConfig, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn defaults_enterprise_and_validation() {
        let c = parse(serde_json::json!({"token": "env:GITHUB_TOKEN"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://api.github.com/");
        assert_eq!(c.timeout(), config::DEFAULT_TIMEOUT);
        assert!(c.validate().is_ok());

        let ghe = parse(serde_json::json!({"token": "file:/run/secrets/github", "base_url": "https://ghe.example.com/api/v3"})).unwrap();
        assert!(ghe.validate().is_ok());
        assert_eq!(ghe.base_url.path(), "/api/v3");

        let literal = parse(serde_json::json!({"token": "ghp_secretvalue123"})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("github.token") && !err.contains("secretvalue"),
            "{err}"
        );

        let c =
            parse(serde_json::json!({"token": "env:X", "base_url": "ftp://x.example"})).unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c = parse(
            serde_json::json!({"token": "env:X", "base_url": "https://u:p@ghe.example.com/api/v3"}),
        )
        .unwrap();
        assert!(c.validate().unwrap_err().contains("credentials"));
        let c = parse(serde_json::json!({"token": "env:X", "timeout_ms": 0})).unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        assert!(parse(serde_json::json!({"token": "env:X", "org": "northwind"})).is_err());
    }

    #[test]
    fn build_resolves_the_reference() {
        let c = parse(serde_json::json!({"token": "env:SWITCHBOARD_GITHUB_TEST_UNSET"})).unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_GITHUB_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_GITHUB_TEST_TOKEN", "ghp_test");
        let c = parse(
            serde_json::json!({"token": "env:SWITCHBOARD_GITHUB_TEST_TOKEN", "timeout_ms": 2000}),
        )
        .unwrap();
        assert_eq!(c.build().unwrap().id(), "github");
    }
}
