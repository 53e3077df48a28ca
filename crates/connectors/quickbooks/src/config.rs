//! `[connectors.quickbooks]` configuration: checked without I/O, then
//! built (which resolves the token reference).
//!
//! QuickBooks access tokens live an hour. The token is read once, at
//! build; keeping it fresh (refresh-token rotation) belongs to whatever
//! writes the referenced secret, and a stale token answers 401, which
//! the tools report as `UpstreamDenied`.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use serde::Deserialize;
use switchboard_core::{Connector, ConnectorError};
use switchboard_upstream::{check_reference, resolve_secret};
use url::Url;

use crate::{Options, Today, MINOR_VERSION};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
/// Intuit times requests out after 120 s.
const MAX_TIMEOUT_MS: u64 = 120_000;

/// QuickBooks Online connector settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickBooksConfig {
    /// API root; `https://quickbooks.api.intuit.com`, or
    /// `https://sandbox-quickbooks.api.intuit.com` for a sandbox company.
    #[serde(default = "default_base_url")]
    pub base_url: Url,
    /// The company id (realm id), digits only.
    pub realm_id: String,
    /// A secret reference (`env:QUICKBOOKS_TOKEN`, `file:/run/secrets/qbo`)
    /// to an OAuth 2.0 access token, never the token itself.
    pub token: String,
    /// Per-request timeout in milliseconds (default 15000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// `minorversion` to request (default 75).
    #[serde(default)]
    pub minor_version: Option<u32>,
    /// Pins "today" (for overdue amounts and default report dates) to a
    /// date; unset means the current UTC date.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

fn default_base_url() -> Url {
    Url::parse("https://quickbooks.api.intuit.com").expect("a valid default URL")
}

/// A realm id: 1 to 32 digits (it goes into every URL path).
pub(crate) fn is_realm_id(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

impl QuickBooksConfig {
    /// Checks the config without reading secrets or touching the network.
    pub fn validate(&self) -> Result<(), String> {
        check_reference(&self.token).map_err(|e| format!("quickbooks.token: {e}"))?;
        if !is_realm_id(&self.realm_id) {
            return Err(format!(
                "quickbooks.realm_id: `{}` must be the company's numeric id",
                self.realm_id
            ));
        }
        if !matches!(self.base_url.scheme(), "https" | "http") || self.base_url.host().is_none() {
            return Err(format!(
                "quickbooks.base_url: `{}` must be an http(s) URL with a host",
                self.base_url
            ));
        }
        if self.base_url.query().is_some() || self.base_url.fragment().is_some() {
            return Err("quickbooks.base_url: must not carry a query or fragment".into());
        }
        if let Some(ms) = self.timeout_ms {
            if ms == 0 || ms > MAX_TIMEOUT_MS {
                return Err(format!(
                    "quickbooks.timeout_ms: must be between 1 and {MAX_TIMEOUT_MS}, got {ms}"
                ));
            }
        }
        if self.minor_version == Some(0) {
            return Err("quickbooks.minor_version: must be 1 or more".into());
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout_ms
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis)
    }

    pub fn options(&self) -> Options {
        Options {
            today: self.as_of.map_or(Today::Utc, Today::Fixed),
            minor_version: self.minor_version.unwrap_or(MINOR_VERSION),
        }
    }

    /// Validates, resolves the token, and builds the connector.
    pub fn build(&self) -> Result<Arc<dyn Connector>, ConnectorError> {
        self.validate().map_err(ConnectorError::internal)?;
        let token = resolve_secret(&self.token).map_err(|e| {
            ConnectorError::internal(format!("quickbooks.token: {e}")).with_source(e)
        })?;
        crate::connector_with(
            self.base_url.clone(),
            &self.realm_id,
            token,
            self.timeout(),
            self.options(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: serde_json::Value) -> Result<QuickBooksConfig, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn defaults_and_validation() {
        let c =
            parse(serde_json::json!({"realm_id": "9341455130788120", "token": "env:QBO"})).unwrap();
        assert_eq!(c.base_url.as_str(), "https://quickbooks.api.intuit.com/");
        assert_eq!(c.timeout(), DEFAULT_TIMEOUT);
        assert_eq!(c.options(), Options::default());
        assert!(c.validate().is_ok());

        let literal =
            parse(serde_json::json!({"realm_id": "1", "token": "eyJhbGciOi-hunter2"})).unwrap();
        let err = literal.validate().unwrap_err();
        assert!(
            err.contains("quickbooks.token") && !err.contains("hunter2"),
            "{err}"
        );
        let c = parse(serde_json::json!({"realm_id": "12/../3", "token": "env:X"})).unwrap();
        assert!(c.validate().unwrap_err().contains("realm_id"));
        let c =
            parse(serde_json::json!({"realm_id": "1", "token": "env:X", "base_url": "ftp://x"}))
                .unwrap();
        assert!(c.validate().unwrap_err().contains("base_url"));
        let c =
            parse(serde_json::json!({"realm_id": "1", "token": "env:X", "timeout_ms": 0})).unwrap();
        assert!(c.validate().unwrap_err().contains("timeout_ms"));
        assert!(
            parse(serde_json::json!({"realm_id": "1", "token": "env:X", "realm": "1"})).is_err()
        );
        assert!(
            parse(serde_json::json!({"realm_id": "1", "token": "env:X", "as_of": "soon"})).is_err()
        );

        let pinned = parse(serde_json::json!({"realm_id": "1", "token": "env:X",
            "as_of": "2026-11-25", "minor_version": 76}))
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(
            pinned.options(),
            Options {
                today: Today::Fixed(day),
                minor_version: 76
            }
        );
    }

    #[test]
    fn build_resolves_the_reference() {
        let c =
            parse(serde_json::json!({"realm_id": "1", "token": "env:SWITCHBOARD_QBO_TEST_UNSET"}))
                .unwrap();
        let err = c.build().err().unwrap();
        assert!(
            err.message.contains("SWITCHBOARD_QBO_TEST_UNSET"),
            "{}",
            err.message
        );
        std::env::set_var("SWITCHBOARD_QBO_TEST_TOKEN", "qbo-test");
        let c =
            parse(serde_json::json!({"realm_id": "1", "token": "env:SWITCHBOARD_QBO_TEST_TOKEN"}))
                .unwrap();
        assert_eq!(c.build().unwrap().id(), "quickbooks");
    }
}
