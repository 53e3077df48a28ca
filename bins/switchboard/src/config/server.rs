//! The `[server]` section.

use std::net::SocketAddr;
use std::time::Duration;

use serde::Deserialize;
use switchboard_gateway::GatewayOptions;
use switchboard_upstream::config::{check_token, resolve_token};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// The URL clients use (`https://mcp.example.com`); the MCP endpoint is
    /// `<public_url>/mcp`. Defaults to `http://<bind>`.
    pub public_url: Option<String>,
    /// Hosts accepted in `Host` (DNS-rebinding protection).
    pub allowed_hosts: Vec<String>,
    /// Browser origins accepted in `Origin`.
    pub allowed_origins: Vec<String>,
    pub max_body_bytes: usize,
    pub call_timeout_ms: u64,
    pub max_result_bytes: usize,
    /// Sessions for pre-2026-07-28 clients.
    pub legacy_sessions: bool,
    /// Most legacy sessions open at once.
    pub max_sessions: usize,
    /// Secret reference (`env:`/`file:`, at least 32 bytes) sealing
    /// 2026-07-28 callers' `requestState` in `input_required` rounds. Give
    /// every replica behind one load balancer the same; unset: a random
    /// key per process (a retry must then reach the same replica).
    pub request_state_key: Option<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        let d = GatewayOptions::default();
        ServerConfig {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            allowed_hosts: d.allowed_hosts,
            allowed_origins: d.allowed_origins,
            max_body_bytes: d.max_body_bytes,
            call_timeout_ms: d.call_timeout.as_millis() as u64,
            max_result_bytes: d.max_result_bytes,
            legacy_sessions: d.legacy_sessions,
            max_sessions: d.max_sessions,
            request_state_key: None,
        }
    }
}

impl ServerConfig {
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.public_url {
            if !url.starts_with("https://") && !url.starts_with("http://") {
                return Err("public_url: must be an http(s) URL".into());
            }
        }
        if self.max_body_bytes < 1024 {
            return Err("max_body_bytes: must be at least 1024".into());
        }
        if self.call_timeout_ms == 0 {
            return Err("call_timeout_ms: must be positive".into());
        }
        if self.max_result_bytes < 1024 {
            return Err("max_result_bytes: must be at least 1024".into());
        }
        if let Some(reference) = &self.request_state_key {
            check_token("server", "request_state_key", reference)?;
        }
        Ok(())
    }

    /// The gateway's options; reads `request_state_key`'s secret.
    pub fn options(&self) -> Result<GatewayOptions, String> {
        let request_state_key = match &self.request_state_key {
            None => None,
            Some(reference) => {
                let key = resolve_token("server", "request_state_key", reference)
                    .map_err(|e| e.message)?;
                if key.expose().len() < 32 {
                    return Err("server.request_state_key: must be at least 32 bytes".into());
                }
                Some(key.expose().as_bytes().to_vec())
            }
        };
        Ok(GatewayOptions {
            request_state_key,
            allowed_hosts: self.allowed_hosts.clone(),
            allowed_origins: self.allowed_origins.clone(),
            max_body_bytes: self.max_body_bytes,
            call_timeout: Duration::from_millis(self.call_timeout_ms),
            max_result_bytes: self.max_result_bytes,
            legacy_sessions: self.legacy_sessions,
            max_sessions: self.max_sessions,
            ..GatewayOptions::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_state_key_is_a_long_enough_secret_reference() {
        let with = |key: &str| ServerConfig {
            request_state_key: Some(key.into()),
            ..ServerConfig::default()
        };
        assert!(with("a-literal-key-that-is-long-enough-000")
            .validate()
            .unwrap_err()
            .contains("request_state_key"));
        std::env::set_var("SB_TEST_STATE_KEY_SHORT", "short");
        let short = with("env:SB_TEST_STATE_KEY_SHORT");
        short.validate().unwrap();
        assert!(short.options().unwrap_err().contains("at least 32 bytes"));
        std::env::set_var("SB_TEST_STATE_KEY", "k".repeat(32));
        let key = with("env:SB_TEST_STATE_KEY")
            .options()
            .unwrap()
            .request_state_key;
        assert_eq!(key, Some(vec![b'k'; 32]));
        assert_eq!(
            ServerConfig::default().options().unwrap().request_state_key,
            None
        );
    }
}
