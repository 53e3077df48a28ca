//! `[auth.jwt]`: accept OAuth 2.1 bearer JWTs from one issuer.

use std::time::Duration;

use serde::Deserialize;
use switchboard_gateway::auth::JwtSettings;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub jwt: Option<JwtConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JwtConfig {
    pub issuer: String,
    pub jwks_url: String,
    /// Defaults to `server.public_url` + `/mcp`.
    pub audience: Option<String>,
    #[serde(default = "default_leeway")]
    pub leeway_secs: u64,
    #[serde(default = "email")]
    pub email_claim: String,
    #[serde(default = "org")]
    pub org_claim: String,
    /// Dotted claim path holding the groups: `groups`, `roles`, `realm_access.roles`.
    #[serde(default = "groups")]
    pub groups_claim: String,
    #[serde(default)]
    pub scopes_supported: Vec<String>,
}

fn default_leeway() -> u64 {
    30
}
fn email() -> String {
    "email".into()
}
fn org() -> String {
    "org".into()
}
fn groups() -> String {
    "groups".into()
}

impl JwtConfig {
    pub fn validate(&self) -> Result<(), String> {
        if !self.jwks_url.starts_with("https://")
            && !self.jwks_url.starts_with("http://127.0.0.1")
            && !self.jwks_url.starts_with("http://localhost")
        {
            return Err("jwks_url: must be https (or a loopback http URL for testing)".into());
        }
        if self.issuer.trim().is_empty() {
            return Err("issuer: must not be empty".into());
        }
        if self.leeway_secs > 300 {
            return Err("leeway_secs: at most 300".into());
        }
        Ok(())
    }

    pub fn settings(&self, resource: &str) -> JwtSettings {
        JwtSettings {
            issuer: self.issuer.clone(),
            audience: self.audience.clone().unwrap_or_else(|| resource.to_owned()),
            jwks_url: self.jwks_url.clone(),
            leeway: Duration::from_secs(self.leeway_secs),
            email_claim: self.email_claim.clone(),
            org_claim: self.org_claim.clone(),
            groups_claim: self.groups_claim.clone(),
            refetch_interval: Duration::from_secs(30),
        }
    }
}
