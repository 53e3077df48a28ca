//! The `[audit]` configuration section. The binary embeds [`AuditSettings`]
//! verbatim, so unknown keys are rejected here rather than silently ignored.

use serde::Deserialize;

use crate::AuditError;

/// What a call does when its audit row cannot be committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnFailure {
    /// Fail closed: the call is answered "audit unavailable" and not run
    /// (or its result is withheld). The default, because an unaudited call
    /// is a liability.
    #[default]
    Deny,
    /// Fail open: the call proceeds, the lost row is logged as an error.
    Allow,
}

/// Where and how the audit trail is stored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSettings {
    /// `sqlite://PATH` (embedded default; the file is created if missing)
    /// or `postgres://...`.
    pub url: String,
    pub on_failure: OnFailure,
    /// Rows older than this are pruned hourly (leaving a chain anchor).
    /// `None` keeps everything.
    pub retention_days: Option<u32>,
    /// Records waiting for the writer. When full, `write` waits: back-pressure
    /// instead of unbounded memory.
    pub queue_capacity: usize,
    /// Most rows committed in one transaction.
    pub max_batch: usize,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            url: "sqlite://switchboard-audit.db".to_owned(),
            on_failure: OnFailure::Deny,
            retention_days: None,
            queue_capacity: 4096,
            max_batch: 512,
        }
    }
}

impl AuditSettings {
    /// Settings for `url` with every other field at its default.
    pub fn with_url(url: impl Into<String>) -> Self {
        AuditSettings {
            url: url.into(),
            ..AuditSettings::default()
        }
    }

    /// Checks the settings without I/O.
    pub fn validate(&self) -> Result<(), AuditError> {
        crate::db::Backend::of(&self.url)?;
        if self.queue_capacity == 0 || self.max_batch == 0 {
            return Err(AuditError::Config(
                "audit.queue_capacity and audit.max_batch must be at least 1".into(),
            ));
        }
        if self.retention_days == Some(0) {
            return Err(AuditError::Config(
                "audit.retention_days must be at least 1 (omit it to keep everything)".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_config_section() {
        let s: AuditSettings =
            toml_like(r#"{"url": "postgres://x/y", "on_failure": "allow", "retention_days": 30}"#);
        assert_eq!(s.on_failure, OnFailure::Allow);
        assert_eq!(s.retention_days, Some(30));
        assert_eq!(s.max_batch, AuditSettings::default().max_batch);
        assert!(serde_json::from_str::<AuditSettings>(r#"{"urll": "x"}"#).is_err());
        assert!(serde_json::from_str::<AuditSettings>(r#"{"on_failure": "maybe"}"#).is_err());
    }

    #[test]
    fn validates_without_io() {
        assert!(AuditSettings::default().validate().is_ok());
        assert!(AuditSettings::with_url("mysql://x").validate().is_err());
        let zero = AuditSettings {
            max_batch: 0,
            ..AuditSettings::default()
        };
        assert!(zero.validate().is_err());
    }

    fn toml_like(json: &str) -> AuditSettings {
        serde_json::from_str(json).expect("valid settings")
    }
}
