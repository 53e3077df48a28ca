//! OAuth 2.1 protected-resource metadata (RFC 9728), as the MCP
//! authorization spec asks: clients learn from a 401 where to read which
//! authorization servers issue tokens for this gateway.

use serde::Serialize;

/// What `/.well-known/oauth-protected-resource` describes.
#[derive(Debug, Clone, Serialize)]
pub struct ProtectedResource {
    /// This gateway's MCP URL (`https://mcp.example.com/mcp`); tokens must
    /// carry it as their audience.
    pub resource: String,
    pub authorization_servers: Vec<String>,
    pub scopes_supported: Vec<String>,
    pub bearer_methods_supported: Vec<String>,
    pub resource_name: String,
}

impl ProtectedResource {
    pub fn new(
        resource: String,
        authorization_servers: Vec<String>,
        scopes_supported: Vec<String>,
    ) -> Self {
        ProtectedResource {
            resource,
            authorization_servers,
            scopes_supported,
            bearer_methods_supported: vec!["header".into()],
            resource_name: "Switchboard".into(),
        }
    }

    /// RFC 9728 §3.1: the well-known path inserted between the origin and
    /// the resource's path.
    pub fn metadata_url(&self) -> String {
        let (origin, path) = split_origin(&self.resource);
        format!("{origin}/.well-known/oauth-protected-resource{path}")
    }

    /// The `WWW-Authenticate` value of a 401.
    pub fn challenge(&self) -> String {
        format!("Bearer resource_metadata=\"{}\"", self.metadata_url())
    }
}

fn split_origin(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => url.split_at(after_scheme + i),
        None => (url, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_url_inserts_the_well_known_path() {
        let r = ProtectedResource::new("https://mcp.example.com/mcp".into(), vec![], vec![]);
        assert_eq!(
            r.metadata_url(),
            "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
        );
        assert_eq!(r.challenge(), "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");
    }
}
