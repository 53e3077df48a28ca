//! JWT minting for tests and a JWKS server: fixed test keys (RS256, ES256,
//! EdDSA; generated once with openssl, for tests only) and helpers to build
//! the forged tokens a resource server must refuse.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::routing::get;
use axum::{Json, Router};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

const RSA_PRIVATE: &str = include_str!("rsa.pem");
const RSA_PUBLIC: &str = include_str!("rsa_pub.pem");
const EC_PRIVATE: &str = include_str!("ec.pem");
const ED_PRIVATE: &str = include_str!("ed.pem");
const JWKS: &str = include_str!("jwks.json");

/// The signing algorithms the test keys cover, with their key ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestKey {
    Rs256,
    Es256,
    EdDsa,
}

impl TestKey {
    pub fn kid(self) -> &'static str {
        match self {
            TestKey::Rs256 => "rsa-1",
            TestKey::Es256 => "ec-1",
            TestKey::EdDsa => "ed-1",
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            TestKey::Rs256 => Algorithm::RS256,
            TestKey::Es256 => Algorithm::ES256,
            TestKey::EdDsa => Algorithm::EdDSA,
        }
    }

    fn encoding_key(self) -> EncodingKey {
        match self {
            TestKey::Rs256 => EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()),
            TestKey::Es256 => EncodingKey::from_ec_pem(EC_PRIVATE.as_bytes()),
            TestKey::EdDsa => EncodingKey::from_ed_pem(ED_PRIVATE.as_bytes()),
        }
        .expect("the test keys parse")
    }
}

/// Signs `claims` with a test key, putting `kid` in the header.
pub fn mint(key: TestKey, kid: &str, claims: &Value) -> String {
    let mut header = Header::new(key.algorithm());
    header.kid = Some(kid.to_owned());
    encode(&header, claims, &key.encoding_key()).expect("claims serialize")
}

/// An HS256 token whose HMAC secret is the RSA *public* key: the classic
/// algorithm-confusion forgery.
pub fn mint_hs256_with_public_key(claims: &Value) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(TestKey::Rs256.kid().to_owned());
    encode(
        &header,
        claims,
        &EncodingKey::from_secret(RSA_PUBLIC.as_bytes()),
    )
    .expect("claims serialize")
}

/// An unsigned token (`alg: none`).
pub fn mint_unsigned(claims: &Value) -> String {
    let b64 = |v: &Value| base64url(v.to_string().as_bytes());
    format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT", "kid": "rsa-1"})),
        b64(claims)
    )
}

/// A valid token with one signature byte flipped.
pub fn tamper_signature(token: &str) -> String {
    let (head, sig) = token.rsplit_once('.').expect("a JWT");
    let mut bytes: Vec<u8> = sig.bytes().collect();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    format!("{head}.{}", String::from_utf8(bytes).expect("ascii"))
}

fn base64url(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The public keys, as a JWKS document.
pub fn jwks() -> Value {
    serde_json::from_str(JWKS).expect("the test JWKS parses")
}

/// A JWKS endpoint on a loopback port that counts its fetches. `keys` can
/// be swapped to simulate rotation.
pub struct JwksServer {
    pub url: String,
    pub fetches: Arc<AtomicUsize>,
    pub keys: Arc<std::sync::Mutex<Value>>,
}

impl JwksServer {
    pub async fn start(keys: Value) -> JwksServer {
        let fetches = Arc::new(AtomicUsize::new(0));
        let keys = Arc::new(std::sync::Mutex::new(keys));
        let (f, k) = (fetches.clone(), keys.clone());
        let app = Router::new().route(
            "/jwks.json",
            get(move || {
                f.fetch_add(1, Ordering::SeqCst);
                let body = k.lock().unwrap().clone();
                async move { Json(body) }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(async move { axum::serve(listener, app).await.ok() });
        JwksServer {
            url: format!("http://{addr}/jwks.json"),
            fetches,
            keys,
        }
    }

    pub fn fetch_count(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_examples() {
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn every_test_key_signs() {
        for key in [TestKey::Rs256, TestKey::Es256, TestKey::EdDsa] {
            assert_eq!(
                mint(key, key.kid(), &json!({"sub": "x"}))
                    .split('.')
                    .count(),
                3
            );
        }
    }
}
