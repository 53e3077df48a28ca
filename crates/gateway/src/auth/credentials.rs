//! The gateway's authenticator: JWTs (when configured) and API keys, told
//! apart by shape.

use std::sync::Arc;

use async_trait::async_trait;
use switchboard_core::Principal;

use super::{ApiKeys, AuthError, Authenticator, JwtAuthenticator};

/// API keys always; JWTs when an issuer is configured.
pub struct Credentials {
    pub api_keys: ApiKeys,
    pub jwt: Option<JwtAuthenticator>,
}

#[async_trait]
impl Authenticator for Credentials {
    async fn authenticate(&self, bearer: &str) -> Result<Arc<Principal>, AuthError> {
        match &self.jwt {
            Some(jwt) if JwtAuthenticator::looks_like_jwt(bearer) => jwt.authenticate(bearer).await,
            _ => self.api_keys.authenticate(bearer).await,
        }
    }
}
