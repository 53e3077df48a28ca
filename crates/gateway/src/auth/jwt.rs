//! OAuth 2.1 bearer JWTs: signatures checked against the issuer's JWKS,
//! then issuer, audience, expiry and not-before; claims mapped to the
//! principal.
//!
//! Only asymmetric algorithms are accepted (RS256/384/512, PS256, ES256/384,
//! EdDSA), and the key's own algorithm must match the token's header, so
//! `alg: none` and HMAC-signed-with-the-public-key forgeries fail. Keys are
//! cached; an unknown `kid` triggers a refetch at most once per
//! `refetch_interval` (key rotation without letting junk tokens hammer the
//! IdP).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet};
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};
use switchboard_core::{AuthMethod, Principal};
use tokio::sync::Mutex;

use super::{AuthError, Authenticator};

/// How to validate tokens and read their claims.
#[derive(Debug, Clone)]
pub struct JwtSettings {
    /// Expected `iss`.
    pub issuer: String,
    /// Expected `aud`: this gateway's resource URL.
    pub audience: String,
    pub jwks_url: String,
    /// Clock skew tolerated on `exp` and `nbf`.
    pub leeway: Duration,
    pub email_claim: String,
    pub org_claim: String,
    /// Dotted path to the groups (`groups`, `roles`, `realm_access.roles`).
    pub groups_claim: String,
    /// Least time between two JWKS fetches caused by unknown key ids.
    pub refetch_interval: Duration,
}

struct KeyCache {
    keys: HashMap<String, (DecodingKey, Algorithm)>,
    fetched: Option<Instant>,
}

/// Validates JWTs against a JWKS.
pub struct JwtAuthenticator {
    settings: JwtSettings,
    http: reqwest::Client,
    cache: Mutex<KeyCache>,
}

const ACCEPTED: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

impl JwtAuthenticator {
    pub fn new(settings: JwtSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        JwtAuthenticator {
            settings,
            http,
            cache: Mutex::new(KeyCache {
                keys: HashMap::new(),
                fetched: None,
            }),
        }
    }

    /// True if `token` has the shape of a JWT (three dot-separated parts).
    pub fn looks_like_jwt(token: &str) -> bool {
        token.split('.').count() == 3
    }

    async fn key(&self, kid: &str) -> Option<(DecodingKey, Algorithm)> {
        let mut cache = self.cache.lock().await;
        if let Some(key) = cache.keys.get(kid) {
            return Some(key.clone());
        }
        let due = cache
            .fetched
            .is_none_or(|t| t.elapsed() >= self.settings.refetch_interval);
        if !due {
            return None;
        }
        cache.fetched = Some(Instant::now());
        match self.fetch().await {
            Ok(keys) => cache.keys = keys,
            Err(e) => {
                tracing::warn!(url = %self.settings.jwks_url, error = %e, "cannot fetch the JWKS")
            }
        }
        cache.keys.get(kid).cloned()
    }

    async fn fetch(&self) -> Result<HashMap<String, (DecodingKey, Algorithm)>, String> {
        let set: JwkSet = self
            .http
            .get(&self.settings.jwks_url)
            .send()
            .await
            .map_err(|e| e.without_url().to_string())?
            .error_for_status()
            .map_err(|e| e.without_url().to_string())?
            .json()
            .await
            .map_err(|e| e.without_url().to_string())?;
        Ok(set
            .keys
            .iter()
            .filter_map(|jwk| {
                let kid = jwk.common.key_id.clone()?;
                let alg = key_algorithm(jwk)?;
                Some((kid, (DecodingKey::from_jwk(jwk).ok()?, alg)))
            })
            .collect())
    }

    fn principal(
        &self,
        claims: &Map<String, Value>,
        issuer: &str,
    ) -> Result<Arc<Principal>, AuthError> {
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let user_id = text("sub");
        if user_id.is_empty() {
            return Err(AuthError::Invalid);
        }
        Ok(Arc::new(Principal {
            email: text(&self.settings.email_claim),
            org: text(&self.settings.org_claim),
            groups: groups(claims, &self.settings.groups_claim),
            user_id,
            auth: AuthMethod::Jwt {
                issuer: issuer.to_owned(),
            },
        }))
    }
}

/// The algorithm a key is for: its `alg`, else implied by its type.
fn key_algorithm(jwk: &Jwk) -> Option<Algorithm> {
    if let Some(alg) = jwk.common.key_algorithm {
        return alg
            .to_string()
            .parse()
            .ok()
            .filter(|a| ACCEPTED.contains(a));
    }
    match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => Some(Algorithm::RS256),
        AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P256 => {
            Some(Algorithm::ES256)
        }
        AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P384 => {
            Some(Algorithm::ES384)
        }
        AlgorithmParameters::OctetKeyPair(_) => Some(Algorithm::EdDSA),
        _ => None,
    }
}

/// Groups from a dotted claim path: an array of strings, or one string of
/// space- or comma-separated names. Missing → no groups (no tools, not an
/// error).
fn groups(claims: &Map<String, Value>, path: &str) -> Vec<String> {
    let mut value = claims.get(path.split('.').next().unwrap_or_default());
    for part in path.split('.').skip(1) {
        value = value.and_then(|v| v.get(part));
    }
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(s)) => s
            .split([' ', ','])
            .filter(|g| !g.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

#[async_trait]
impl Authenticator for JwtAuthenticator {
    async fn authenticate(&self, token: &str) -> Result<Arc<Principal>, AuthError> {
        let header = decode_header(token).map_err(|_| AuthError::Invalid)?;
        if !ACCEPTED.contains(&header.alg) {
            return Err(AuthError::Invalid);
        }
        let kid = header.kid.ok_or(AuthError::Invalid)?;
        let (key, key_alg) = self.key(&kid).await.ok_or(AuthError::Invalid)?;
        if key_alg != header.alg {
            return Err(AuthError::Invalid);
        }
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.audience]);
        validation.leeway = self.settings.leeway.as_secs();
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "sub", "iss", "aud"]);
        let data = decode::<Map<String, Value>>(token, &key, &validation).map_err(|e| {
            tracing::debug!(reason = %e, "JWT refused");
            AuthError::Invalid
        })?;
        self.principal(&data.claims, &self.settings.issuer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_from_paths_arrays_and_strings() {
        let claims = serde_json::json!({"groups": ["a", "b"], "scope": "x y", "realm_access": {"roles": ["r"]}});
        let claims = claims.as_object().unwrap();
        assert_eq!(groups(claims, "groups"), ["a", "b"]);
        assert_eq!(groups(claims, "scope"), ["x", "y"]);
        assert_eq!(groups(claims, "realm_access.roles"), ["r"]);
        assert!(groups(claims, "missing").is_empty());
    }
}
