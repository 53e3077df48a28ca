//! Header passthrough: each caller's own credential for the upstream, sent
//! on one HTTP transport per caller and credential, so that a session
//! opened with one caller's credential never carries another caller's
//! request, and no caller's request ever goes out with the connector's
//! static credential.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use sha2::{Digest, Sha256};
use switchboard_core::{CallerCredentials, ConnectorError, ErrorKind, Principal};
use switchboard_upstream::Secret;

use crate::client::http::HttpTransport;

/// The most per-caller transports kept; the least recently used one goes
/// first (its session upstream is closed).
pub const MAX_CALLER_LINKS: usize = 256;

/// The per-caller transports of one upstream.
pub struct CallerLinks {
    header: String,
    service: String,
    links: Mutex<HashMap<LinkKey, (Arc<HttpTransport>, Instant)>>,
}

/// sha256 of the principal and the credential.
type LinkKey = [u8; 32];

impl CallerLinks {
    /// `header`: the request header callers send their credential in.
    pub fn new(header: &str, service: &str) -> Self {
        CallerLinks {
            header: header.to_ascii_lowercase(),
            service: service.to_owned(),
            links: Mutex::new(HashMap::new()),
        }
    }

    /// The lower-case header name.
    pub fn header(&self) -> &str {
        &self.header
    }

    /// The transport for this caller's request. A caller who sent no
    /// credential is refused: nobody else's credential is used instead.
    pub fn link(
        &self,
        shared: &HttpTransport,
        principal: &Principal,
        credentials: &CallerCredentials,
    ) -> Result<Arc<HttpTransport>, ConnectorError> {
        let token = credentials
            .get(&self.header)
            .map(without_scheme)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ConnectorError::new(
                    ErrorKind::UpstreamDenied,
                    format!(
                        "{} needs the caller's own credential: send it in the `{}` header",
                        self.service, self.header
                    ),
                )
            })?;
        let key = link_key(principal, token);
        let mut links = self.links.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((link, used)) = links.get_mut(&key) {
            *used = Instant::now();
            return Ok(link.clone());
        }
        if links.len() >= MAX_CALLER_LINKS {
            if let Some(oldest) = links
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| *k)
            {
                links.remove(&oldest);
            }
        }
        let link = Arc::new(shared.for_caller(Secret::new(token)));
        links.insert(key, (link.clone(), Instant::now()));
        Ok(link)
    }

    /// Transports kept right now (tests).
    pub fn count(&self) -> usize {
        self.links.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// Callers may send the bare token or `Bearer <token>`.
fn without_scheme(value: &str) -> &str {
    let value = value.trim();
    match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("bearer ") => value[7..].trim_start(),
        _ => value,
    }
}

/// Who the transport belongs to: the principal *and* the credential.
fn link_key(principal: &Principal, token: &str) -> LinkKey {
    let mut h = Sha256::new();
    h.update(principal.identity_key().as_bytes());
    h.update([0]);
    h.update(token.as_bytes());
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_is_optional() {
        assert_eq!(without_scheme("Bearer abc"), "abc");
        assert_eq!(without_scheme("bearer  abc "), "abc");
        assert_eq!(without_scheme("abc"), "abc");
        assert_eq!(without_scheme("Bearer"), "Bearer");
    }
}
