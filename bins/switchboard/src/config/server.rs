//! The `[server]` section.

use std::net::SocketAddr;
use std::time::Duration;

use serde::Deserialize;
use switchboard_gateway::GatewayOptions;

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
        Ok(())
    }

    pub fn options(&self) -> GatewayOptions {
        GatewayOptions {
            allowed_hosts: self.allowed_hosts.clone(),
            allowed_origins: self.allowed_origins.clone(),
            max_body_bytes: self.max_body_bytes,
            call_timeout: Duration::from_millis(self.call_timeout_ms),
            max_result_bytes: self.max_result_bytes,
            legacy_sessions: self.legacy_sessions,
            max_sessions: self.max_sessions,
            ..GatewayOptions::default()
        }
    }
}
