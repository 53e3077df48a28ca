//! API keys in config: stored as SHA-256 hashes, never as keys.

use serde::Deserialize;
use switchboard_gateway::auth::ApiKeyEntry;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// Names the key in logs and audit rows.
    pub id: String,
    /// Hex SHA-256 of the key (`printf %s KEY | sha256sum`).
    pub sha256: String,
    pub user_id: String,
    pub email: String,
    pub org: String,
    #[serde(default)]
    pub groups: Vec<String>,
}

impl ApiKeyConfig {
    pub fn validate(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("id: must not be empty".into());
        }
        self.digest().map(drop)?;
        if self.user_id.trim().is_empty() {
            return Err("user_id: must not be empty".into());
        }
        Ok(())
    }

    fn digest(&self) -> Result<[u8; 32], String> {
        let bytes = hex::decode(&self.sha256)
            .map_err(|_| "sha256: must be 64 hex characters".to_string())?;
        bytes
            .try_into()
            .map_err(|_| "sha256: must be 64 hex characters".to_string())
    }

    pub fn entry(&self) -> Result<ApiKeyEntry, String> {
        Ok(ApiKeyEntry::new(
            &self.id,
            self.digest()?,
            &self.user_id,
            &self.email,
            &self.org,
            self.groups.clone(),
        ))
    }
}
