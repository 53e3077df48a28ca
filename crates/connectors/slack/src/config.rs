//! `[connectors.slack]` configuration: checked without I/O, then built
//! (which resolves the token references).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::{check_reference, resolve_secret, Secret};
use url::Url;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
const MAX_TIMEOUT_MS: u64 = 120_000;

/// Slack connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlackConfig {
    /// Web API root; `https://slack.com/api` unless testing or proxying.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// Reference to the app's bot token (`xoxb-…`; scopes `channels:read`,
    /// `channels:history`, `groups:read`, `groups:history`, `users:read`,
    /// `users:read.email`, `chat:write`), e.g. `env:SLACK_BOT_TOKEN`.
    pub bot_token: String,
    /// Reference to a user token (`xoxp-…`, scope `search:read`). Slack
    /// search accepts only user tokens; without one `slack_search_messages`
    /// explains that it is not configured.
    #[serde(default)]
    pub user_token: Option<String>,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
}

fn default_base_url() -> Url {
    Url::parse("https://slack.com/api").expect("a valid default URL")
}

impl SlackConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        check_reference(&self.bot_token).map_err(|e| format!("slack.bot_token: {e}"))?;
        if let Some(user) = &self.user_token {
            check_reference(user).map_err(|e| format!("slack.user_token: {e}"))?;
        }
        if !matches!(self.base_url.scheme(), "https" | "http") || self.base_url.host().is_none() {
            return Err(format!(
                "slack.base_url: `{}` must be an http(s) URL with a host",
                self.base_url
            ));
        }
        if self.base_url.query().is_some() || self.base_url.fragment().is_some() {
            return Err("slack.base_url: must not carry a query or fragment".into());
        }
        if let Some(ms) = self.timeout_ms {
            if ms == 0 || ms > MAX_TIMEOUT_MS {
                return Err(format!(
                    "slack.timeout_ms: must be between 1 and {MAX_TIMEOUT_MS}, got {ms}"
                ));
            }
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout_ms
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis)
    }

    /// Validates, resolves the tokens, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let resolve = |field: &str, reference: &str| -> Result<Secret, ConnectorError> {
            resolve_secret(reference)
                .map_err(|e| ConnectorError::internal(format!("slack.{field}: {e}")).with_source(e))
        };
        let bot = resolve("bot_token", &self.bot_token)?;
        let user = self
            .user_token
            .as_deref()
            .map(|r| resolve("user_token", r))
            .transpose()?;
        crate::connector(self.base_url.clone(), bot, user, self.timeout())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: serde_json::Value) -> Result<SlackConfig, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn defaults_and_validation() {
        let c = parse(serde_json::json!({"bot_token": "env:SLACK_BOT_TOKEN"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://slack.com/api");
        assert_eq!(
            (c.timeout(), c.user_token.as_deref()),
            (DEFAULT_TIMEOUT, None)
        );
        assert!(c.validate().is_ok());

        let literal = parse(serde_json::json!({"bot_token": "xoxb-123-secret-value"})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("slack.bot_token") && !err.contains("secret-value"),
            "{err}"
        );
        let literal =
            parse(serde_json::json!({"bot_token": "env:X", "user_token": "xoxp-1-hunter2"}))
                .unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("slack.user_token") && !err.contains("hunter2"),
            "{err}"
        );

        let c = parse(serde_json::json!({"bot_token": "env:X", "base_url": "ftp://x.example"}))
            .unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c = parse(serde_json::json!({"bot_token": "env:X", "timeout_ms": 0})).unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        assert!(parse(serde_json::json!({"bot_token": "env:X", "token": "env:Y"})).is_err());
        assert!(
            parse(serde_json::json!({})).is_err(),
            "the bot token is required"
        );
    }

    #[test]
    fn build_resolves_the_references() {
        let c =
            parse(serde_json::json!({"bot_token": "env:SWITCHBOARD_SLACK_TEST_UNSET"})).unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_SLACK_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_SLACK_TEST_BOT", "xoxb-test");
        let c = parse(serde_json::json!({
            "bot_token": "env:SWITCHBOARD_SLACK_TEST_BOT",
            "user_token": "env:SWITCHBOARD_SLACK_TEST_USER_UNSET",
        }))
        .unwrap();
        assert!(c
            .build()
            .err()
            .unwrap()
            .message
            .contains("slack.user_token"));
        let c = parse(
            serde_json::json!({"bot_token": "env:SWITCHBOARD_SLACK_TEST_BOT", "timeout_ms": 2000}),
        )
        .unwrap();
        let built = c.build().unwrap();
        assert_eq!(built.id(), "slack");
        assert_eq!(built.tools().len(), 6);
    }
}
