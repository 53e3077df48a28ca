//! Authentication: the HTTP credential becomes a [`Principal`] in the
//! request's extensions before rmcp sees the request. Identity never comes
//! from tool arguments.
//!
//! [`Credentials`] accepts API keys ([`ApiKeys`]) and, when an issuer is
//! configured, OAuth 2.1 bearer JWTs ([`JwtAuthenticator`]). The middleware
//! answers every failure with 401 and `WWW-Authenticate: Bearer
//! resource_metadata="…"` (RFC 9728).

mod api_key;
mod credentials;
mod jwt;
mod middleware;
mod resource;

use std::sync::Arc;

use async_trait::async_trait;
use switchboard_core::Principal;

pub use api_key::{hash_api_key, ApiKeyEntry, ApiKeys};
pub use credentials::Credentials;
pub use jwt::{JwtAuthenticator, JwtSettings};
pub use middleware::{authenticate, AuthState};
pub use resource::ProtectedResource;

/// Why a credential was refused. The message goes to the client, so it
/// never says whether a key exists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("no bearer credential was sent")]
    Missing,
    #[error("the credential is not valid")]
    Invalid,
    #[error("credentials are not accepted in the query string")]
    InQuery,
}

/// Turns a bearer credential into a principal.
#[async_trait]
pub trait Authenticator: Send + Sync {
    async fn authenticate(&self, bearer: &str) -> Result<Arc<Principal>, AuthError>;
}
