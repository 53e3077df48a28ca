//! Credentials a caller sends for upstream services (header passthrough).

use std::collections::BTreeMap;
use std::fmt;

/// The values of the request headers that connectors forward upstream on
/// the caller's behalf (named in their config, e.g. a federated MCP
/// server's `auth.forward_header`), keyed by lower-case header name.
///
/// A caller's own credentials travel with that caller's request and its
/// composite children only. `Debug` prints the header names, never the
/// values; nothing here is logged or audited.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CallerCredentials {
    headers: BTreeMap<String, String>,
}

impl CallerCredentials {
    /// From `(header name, value)` pairs; names are lower-cased.
    pub fn new<N: AsRef<str>, V: Into<String>>(pairs: impl IntoIterator<Item = (N, V)>) -> Self {
        CallerCredentials {
            headers: pairs
                .into_iter()
                .map(|(n, v)| (n.as_ref().to_ascii_lowercase(), v.into()))
                .collect(),
        }
    }

    /// The value the caller sent in `header` (any case), if any.
    pub fn get(&self, header: &str) -> Option<&str> {
        self.headers
            .get(&header.to_ascii_lowercase())
            .map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.headers.is_empty()
    }

    /// Every `(lower-case name, value)`, in name order (for scoping cache
    /// keys to the exact credentials).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

impl fmt::Debug for CallerCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.headers.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_headers_but_never_values() {
        let creds = CallerCredentials::new([("X-GitHub-Token", "ghp_secret")]);
        let printed = format!("{creds:?}");
        assert!(printed.contains("x-github-token"), "{printed}");
        assert!(!printed.contains("ghp_secret"), "{printed}");
        assert_eq!(creds.get("X-GITHUB-TOKEN"), Some("ghp_secret"));
        assert_eq!(creds.get("x-other"), None);
    }
}
