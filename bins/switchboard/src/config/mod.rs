//! The config file: TOML, versioned from day one (`version = 1`), parsed
//! strictly (unknown keys are errors) and validated without I/O before
//! anything is built. Errors name the file and the key.

mod auth;
mod keys;
mod limits;
mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

pub use auth::{AuthConfig, JwtConfig};
pub use keys::ApiKeyConfig;
pub use server::ServerConfig;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Format version; only 1 exists.
    pub version: u32,
    #[serde(default)]
    pub server: ServerConfig,
    #[serde(default)]
    pub auth: AuthConfig,
    #[serde(default)]
    pub api_keys: Vec<ApiKeyConfig>,
    #[serde(default)]
    pub policy: PolicyConfig,
    #[serde(default)]
    pub limits: limits::LimitsConfig,
    #[serde(default)]
    pub cache: limits::CacheConfig,
    #[serde(default)]
    pub telemetry: TelemetryConfig,
    /// `[audit]`: url (sqlite:// or postgres://), on_failure, retention_days.
    #[serde(default)]
    pub audit: switchboard_audit::AuditSettings,
    /// One table per connector, parsed by that connector's own config type.
    #[serde(default)]
    pub connectors: BTreeMap<String, toml::Value>,
}

/// `[telemetry]`: OTLP trace export, off by default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetryConfig {
    /// OTLP/HTTP (JSON) traces endpoint, e.g. `http://127.0.0.1:4318/v1/traces`.
    pub otlp_endpoint: Option<String>,
    #[serde(default)]
    pub service_name: Option<String>,
}

impl TelemetryConfig {
    pub fn otlp(&self) -> Option<switchboard_gateway::telemetry::OtlpSettings> {
        self.otlp_endpoint
            .as_ref()
            .map(|endpoint| switchboard_gateway::telemetry::OtlpSettings {
                endpoint: endpoint.clone(),
                service_name: self
                    .service_name
                    .clone()
                    .unwrap_or_else(|| "switchboard".into()),
            })
    }
}

/// `[policy]`: where the Cedar policy files are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicyConfig {
    /// A directory of `*.cedar` files, relative to the config file.
    pub dir: PathBuf,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            dir: PathBuf::from("policies"),
        }
    }
}

/// A loaded file and where it came from (for error messages).
#[derive(Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub file: FileConfig,
}

impl LoadedConfig {
    /// Reads and parses; then validates without I/O.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        let loaded = Self::parse(path, &text)?;
        loaded.validate()?;
        Ok(loaded)
    }

    pub fn parse(path: &Path, text: &str) -> anyhow::Result<Self> {
        let file: FileConfig = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))?;
        if file.version != 1 {
            bail!(
                "{}: version: unsupported config version {} (this build reads version 1)",
                path.display(),
                file.version
            );
        }
        Ok(LoadedConfig {
            path: path.to_owned(),
            file,
        })
    }

    /// The policy directory, resolved against the config file's folder.
    pub fn policy_dir(&self) -> PathBuf {
        let base = self.path.parent().unwrap_or(Path::new("."));
        base.join(&self.file.policy.dir)
    }

    /// Every check that needs no I/O: keys, connector sections.
    pub fn validate(&self) -> anyhow::Result<()> {
        let file = self.path.display();
        self.file
            .server
            .validate()
            .map_err(|e| anyhow::anyhow!("{file}: server.{e}"))?;
        if let Some(jwt) = &self.file.auth.jwt {
            jwt.validate()
                .map_err(|e| anyhow::anyhow!("{file}: auth.jwt.{e}"))?;
        }
        self.file
            .audit
            .validate()
            .map_err(|e| anyhow::anyhow!("{file}: audit: {e}"))?;
        self.file
            .limits
            .validate()
            .map_err(|e| anyhow::anyhow!("{file}: limits.{e}"))?;
        let mut ids = std::collections::HashSet::new();
        for (i, key) in self.file.api_keys.iter().enumerate() {
            key.validate()
                .map_err(|e| anyhow::anyhow!("{file}: api_keys[{i}].{e}"))?;
            if !ids.insert(&key.id) {
                bail!("{file}: api_keys[{i}].id: `{}` is used twice", key.id);
            }
        }
        for (id, table) in &self.file.connectors {
            crate::registry::validate_connector(id, table)
                .map_err(|e| anyhow::anyhow!("{file}: connectors.{id}: {e}"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<LoadedConfig> {
        let c = LoadedConfig::parse(Path::new("test.toml"), text)?;
        c.validate()?;
        Ok(c)
    }

    #[test]
    fn the_shipped_example_is_valid() {
        let text = include_str!("../../../../switchboard.example.toml");
        parse(text).unwrap();
    }

    #[test]
    fn errors_name_the_file_and_the_key() {
        let e = parse("version = 1\n[server]\nbnd = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("test.toml") && e.contains("bnd"), "{e}");
        let e = parse("version = 2\n").unwrap_err().to_string();
        assert!(e.contains("version"), "{e}");
        let e = parse("version = 1\n[[api_keys]]\nid = \"a\"\nsha256 = \"zz\"\nuser_id = \"u\"\nemail = \"e\"\norg = \"o\"\ngroups = []\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("api_keys[0].sha256"), "{e}");
        let e = parse("version = 1\n[connectors.nosuch]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("connectors.nosuch"), "{e}");
        let e = parse("version = 1\n[policy]\nfolder = \"p\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("folder"), "{e}");
    }
}
