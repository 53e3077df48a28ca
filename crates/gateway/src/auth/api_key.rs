//! API keys from config, stored as SHA-256 hashes and compared in constant
//! time, so neither the config file nor timing reveals a key.

use std::sync::Arc;

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use switchboard_core::{AuthMethod, Principal};

use super::{AuthError, Authenticator};

/// One configured key: its id (for logs and audit), the SHA-256 of the key,
/// and who it stands for.
#[derive(Debug, Clone)]
pub struct ApiKeyEntry {
    pub key_id: String,
    pub sha256: [u8; 32],
    pub principal: Arc<Principal>,
}

impl ApiKeyEntry {
    pub fn new(
        key_id: &str,
        sha256: [u8; 32],
        user_id: &str,
        email: &str,
        org: &str,
        groups: Vec<String>,
    ) -> Self {
        ApiKeyEntry {
            key_id: key_id.to_owned(),
            sha256,
            principal: Arc::new(Principal {
                user_id: user_id.to_owned(),
                email: email.to_owned(),
                org: org.to_owned(),
                groups,
                auth: AuthMethod::ApiKey {
                    key_id: key_id.to_owned(),
                },
            }),
        }
    }
}

/// SHA-256 of a key, as stored in config (hex).
pub fn hash_api_key(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// The configured keys.
#[derive(Debug, Clone, Default)]
pub struct ApiKeys {
    entries: Vec<ApiKeyEntry>,
}

impl ApiKeys {
    pub fn new(entries: Vec<ApiKeyEntry>) -> Self {
        ApiKeys { entries }
    }

    pub fn principals(&self) -> impl Iterator<Item = &Arc<Principal>> {
        self.entries.iter().map(|e| &e.principal)
    }
}

#[async_trait]
impl Authenticator for ApiKeys {
    async fn authenticate(&self, bearer: &str) -> Result<Arc<Principal>, AuthError> {
        let presented = hash_api_key(bearer);
        // Compare against every entry without stopping early.
        let mut found = None;
        for entry in &self.entries {
            if bool::from(entry.sha256.ct_eq(&presented)) {
                found = Some(entry.principal.clone());
            }
        }
        found.ok_or(AuthError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn matches_only_the_right_key() {
        let keys = ApiKeys::new(vec![ApiKeyEntry::new(
            "k1",
            hash_api_key("demo-sales"),
            "sales@demo",
            "sales@x",
            "demo",
            vec!["sales".into()],
        )]);
        assert_eq!(
            keys.authenticate("demo-sales").await.unwrap().user_id,
            "sales@demo"
        );
        assert_eq!(
            keys.authenticate("demo-sale").await.unwrap_err(),
            AuthError::Invalid
        );
        assert_eq!(keys.authenticate("").await.unwrap_err(), AuthError::Invalid);
    }
}
