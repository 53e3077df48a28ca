//! `[connectors.notion]` configuration: checked without I/O, then built
//! (which resolves the token reference).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::{check_reference, resolve_secret};
use url::Url;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
const MAX_TIMEOUT_MS: u64 = 120_000;

/// Notion connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotionConfig {
    /// API root; `https://api.notion.com` unless testing or proxying.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// A secret reference (`env:NOTION_TOKEN`, `file:/run/secrets/notion`),
    /// never the token itself.
    pub token: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
}

fn default_base_url() -> Url {
    Url::parse("https://api.notion.com").expect("a valid default URL")
}

impl NotionConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        check_reference(&self.token).map_err(|e| format!("notion.token: {e}"))?;
        if !matches!(self.base_url.scheme(), "https" | "http") || self.base_url.host().is_none() {
            return Err(format!(
                "notion.base_url: `{}` must be an http(s) URL with a host",
                self.base_url
            ));
        }
        if self.base_url.query().is_some() || self.base_url.fragment().is_some() {
            return Err("notion.base_url: must not carry a query or fragment".into());
        }
        if let Some(ms) = self.timeout_ms {
            if ms == 0 || ms > MAX_TIMEOUT_MS {
                return Err(format!(
                    "notion.timeout_ms: must be between 1 and {MAX_TIMEOUT_MS}, got {ms}"
                ));
            }
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout_ms
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis)
    }

    /// Validates, resolves the token, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let token = resolve_secret(&self.token)
            .map_err(|e| ConnectorError::internal(format!("notion.token: {e}")).with_source(e))?;
        crate::connector(self.base_url.clone(), token, self.timeout())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_like: serde_json::Value) -> Result<NotionConfig, serde_json::Error> {
        serde_json::from_value(toml_like)
    }

    #[test]
    fn defaults_and_validation() {
        let c = parse(serde_json::json!({"token": "env:NOTION_TOKEN"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://api.notion.com/");
        assert_eq!(c.timeout(), DEFAULT_TIMEOUT);
        assert!(c.validate().is_ok());

        let literal = parse(serde_json::json!({"token": "ntn_secret-value"})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("notion.token") && !err.contains("secret-value"),
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
    }

    #[test]
    fn build_resolves_the_reference() {
        let c = parse(serde_json::json!({"token": "env:SWITCHBOARD_NOTION_TEST_UNSET"})).unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_NOTION_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_NOTION_TEST_TOKEN", "ntn_test");
        let c = parse(
            serde_json::json!({"token": "env:SWITCHBOARD_NOTION_TEST_TOKEN", "timeout_ms": 2000}),
        )
        .unwrap();
        assert_eq!(c.build().unwrap().id(), "notion");
    }
}
