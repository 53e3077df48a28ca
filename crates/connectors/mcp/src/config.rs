//! One federated MCP server's configuration. Validated without I/O (names,
//! permissions, URL, secret *references*); secrets are read only when the
//! connector is built.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;
use switchboard_core::validate_permission;
use switchboard_upstream::config::{check_base_url, check_token};
use url::Url;

use crate::rules::Pattern;

/// The default periodic `tools/list` refresh.
pub const DEFAULT_REFRESH_SECS: u64 = 300;
/// The default bound of one upstream call (the call's deadline may shorten it).
pub const DEFAULT_CALL_TIMEOUT_MS: u64 = 60_000;
/// The longest call timeout a config may set.
pub const MAX_CALL_TIMEOUT_MS: u64 = 600_000;

/// How the gateway reaches the upstream server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    /// Streamable HTTP (2026-07-28 stateless or 2025-11-25 sessions,
    /// detected per upstream).
    Http,
    /// A child process speaking newline-delimited JSON-RPC on stdin/stdout.
    Stdio,
}

/// How the gateway authenticates to the upstream.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// A static secret reference (`env:NAME`, `file:PATH`) sent as
    /// `Authorization: Bearer`. Without `forward_header`: the credential of
    /// every request. With it: only the connector's own housekeeping
    /// (discovery, `tools/list`), never a caller's request.
    #[serde(default)]
    pub bearer: Option<String>,
    /// Header passthrough: the request header in which each caller sends
    /// their *own* credential for this upstream (e.g. `x-github-token`).
    /// Its value goes upstream as `Authorization: Bearer <value>` on that
    /// caller's requests only; a caller who does not send it is refused.
    /// Never the gateway's own `Authorization` header: MCP forbids passing
    /// a token issued for the gateway through to another server.
    #[serde(default)]
    pub forward_header: Option<String>,
}

/// Headers a caller's upstream credential may never be read from: the
/// gateway's own credential, transport and protocol headers, tracing.
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "host",
    "origin",
    "accept",
    "connection",
    "content-length",
    "content-type",
    "te",
    "transfer-encoding",
    "upgrade",
    "user-agent",
    "x-request-id",
    "traceparent",
    "tracestate",
    "baggage",
    "last-event-id",
];

/// Why `name` cannot carry a caller's upstream credential, if it cannot.
fn check_forward_header(name: &str) -> Result<(), String> {
    let lower = name.to_ascii_lowercase();
    let token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if !token {
        return Err(format!("`{name}` is not an HTTP header name"));
    }
    if lower == "authorization" {
        return Err(
            "the gateway's own `Authorization` header is never passed through \
                    (MCP forbids token passthrough); have callers send their upstream \
                    credential in a header of its own, like `x-<service>-token`"
                .into(),
        );
    }
    if RESERVED_HEADERS.contains(&lower.as_str())
        || lower.starts_with("mcp-")
        || lower.starts_with("sec-")
    {
        return Err(format!(
            "`{name}` is a transport, protocol or tracing header"
        ));
    }
    Ok(())
}

/// `[[mcp]]` in the gateway's config: one upstream MCP server.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct McpConfig {
    /// Lower-case id; every permission starts with it, and (by default)
    /// every tool name.
    pub id: String,
    pub transport: TransportKind,
    /// `http`: the MCP endpoint (`https://host/mcp`).
    #[serde(default)]
    pub url: Option<Url>,
    /// `stdio`: the program to run (no shell).
    #[serde(default)]
    pub command: Option<String>,
    #[serde(default)]
    pub args: Vec<String>,
    /// `stdio`: literal environment variables for the child. The child gets
    /// only these (plus `PATH`, `HOME`, `LANG`), never the gateway's own
    /// environment, which holds other upstreams' secrets.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// `stdio`: environment variables whose values are secret references.
    #[serde(default)]
    pub secret_env: BTreeMap<String, String>,
    /// Prepended to every discovered tool name; default `<id>_`. `""` lists
    /// the upstream's names unchanged (for a single upstream).
    #[serde(default)]
    pub prefix: Option<String>,
    /// The permission of tools no entry of `permissions` matches
    /// (`<id>:<noun>:<read|write>`).
    pub permission_default: String,
    /// Upstream tool name or glob (`delete_*`) → permission. An exact name
    /// wins over patterns; among patterns the longest wins.
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
    /// Upstream tool names or globs that only read. Only these are
    /// `Effect::Read` (cacheable); everything else is a write (fail closed).
    #[serde(default)]
    pub read_only: Vec<String>,
    #[serde(default)]
    pub auth: AuthConfig,
    /// Upstream tool name → sha256 hex of its canonical description and
    /// input schema ([`crate::tool_hash`]). A pinned tool whose hash differs
    /// is hidden until re-approved.
    #[serde(default)]
    pub pins: BTreeMap<String, String>,
    /// Periodic `tools/list` refresh, in seconds (default 300).
    #[serde(default)]
    pub refresh_interval_secs: Option<u64>,
    /// Bound of one upstream request, in milliseconds (default 60 000); the
    /// call's own deadline may shorten it.
    #[serde(default)]
    pub call_timeout_ms: Option<u64>,
    /// `stdio`: first restart delay after the child exits (default 500 ms),
    /// doubling per consecutive failure up to `restart_max_ms`.
    #[serde(default)]
    pub restart_min_ms: Option<u64>,
    /// `stdio`: the restart delay cap (default 30 000 ms).
    #[serde(default)]
    pub restart_max_ms: Option<u64>,
}

impl McpConfig {
    /// The tool-name prefix in effect.
    pub fn prefix(&self) -> String {
        self.prefix
            .clone()
            .unwrap_or_else(|| format!("{}_", self.id))
    }

    pub fn refresh_interval(&self) -> Duration {
        Duration::from_secs(self.refresh_interval_secs.unwrap_or(DEFAULT_REFRESH_SECS))
    }

    pub fn call_timeout(&self) -> Duration {
        Duration::from_millis(self.call_timeout_ms.unwrap_or(DEFAULT_CALL_TIMEOUT_MS))
    }

    pub fn restart_backoff(&self) -> (Duration, Duration) {
        let min = Duration::from_millis(self.restart_min_ms.unwrap_or(500));
        let max = Duration::from_millis(self.restart_max_ms.unwrap_or(30_000));
        (min, max.max(min))
    }

    /// Every rule checkable without I/O; the first problem, prefixed with
    /// `mcp.<id>`.
    pub fn validate(&self) -> Result<(), String> {
        let id = &self.id;
        let at = format!("mcp.{id}");
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            || id.starts_with('_')
            || id.ends_with('_')
        {
            return Err(format!(
                "{at}.id: `{id}` must be lower-case [a-z0-9_] without a leading or trailing `_`"
            ));
        }
        match self.transport {
            TransportKind::Http => {
                let Some(url) = &self.url else {
                    return Err(format!("{at}.url: required for transport = \"http\""));
                };
                check_base_url(&at, url).map_err(|e| e.replace(".base_url", ".url"))?;
                if self.command.is_some()
                    || !self.args.is_empty()
                    || !self.env.is_empty()
                    || !self.secret_env.is_empty()
                {
                    return Err(format!(
                        "{at}: command, args, env and secret_env belong to transport = \"stdio\""
                    ));
                }
            }
            TransportKind::Stdio => {
                match &self.command {
                    Some(c) if !c.trim().is_empty() => {}
                    _ => return Err(format!("{at}.command: required for transport = \"stdio\"")),
                }
                if self.url.is_some() {
                    return Err(format!("{at}.url: belongs to transport = \"http\""));
                }
                for (name, reference) in &self.secret_env {
                    check_token(&at, &format!("secret_env.{name}"), reference)?;
                }
                for name in self.env.keys().chain(self.secret_env.keys()) {
                    if name.is_empty() || name.contains('=') || name.contains('\0') {
                        return Err(format!("{at}.env: `{name}` is not a variable name"));
                    }
                }
                if self.auth.bearer.is_some() || self.auth.forward_header.is_some() {
                    return Err(format!(
                        "{at}.auth: stdio servers take credentials through secret_env"
                    ));
                }
            }
        }
        if let Some(prefix) = &self.prefix {
            let stem = prefix.strip_suffix('_').unwrap_or("");
            let valid = prefix.is_empty()
                || (!stem.is_empty()
                    && !stem.starts_with('_')
                    && stem
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            if !valid {
                return Err(format!(
                    "{at}.prefix: `{prefix}` must be empty or [a-z0-9_] ending in `_` (like `{id}_`)"
                ));
            }
        }
        validate_permission(id, &self.permission_default)
            .map_err(|e| format!("{at}.permission_default: {e}"))?;
        for (pattern, permission) in &self.permissions {
            Pattern::parse(pattern).map_err(|e| format!("{at}.permissions: {e}"))?;
            validate_permission(id, permission)
                .map_err(|e| format!("{at}.permissions.{pattern}: {e}"))?;
        }
        for pattern in &self.read_only {
            Pattern::parse(pattern).map_err(|e| format!("{at}.read_only: {e}"))?;
        }
        for (tool, hash) in &self.pins {
            if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "{at}.pins.{tool}: must be the 64 hex digits of a sha256"
                ));
            }
        }
        if let Some(bearer) = &self.auth.bearer {
            check_token(&at, "auth.bearer", bearer)?;
        }
        if let Some(header) = &self.auth.forward_header {
            check_forward_header(header).map_err(|e| format!("{at}.auth.forward_header: {e}"))?;
        }
        if matches!(self.refresh_interval_secs, Some(0)) {
            return Err(format!("{at}.refresh_interval_secs: must be at least 1"));
        }
        match self.call_timeout_ms {
            Some(ms) if ms == 0 || ms > MAX_CALL_TIMEOUT_MS => {
                return Err(format!(
                    "{at}.call_timeout_ms: must be between 1 and {MAX_CALL_TIMEOUT_MS}, got {ms}"
                ))
            }
            _ => {}
        }
        if matches!(self.restart_min_ms, Some(0)) {
            return Err(format!("{at}.restart_min_ms: must be at least 1"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_text: &str) -> McpConfig {
        let value: serde_json::Value = serde_json::from_str(toml_text).unwrap();
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn http_config_validates() {
        let c = parse(
            r#"{"id":"conf","transport":"http","url":"http://127.0.0.1:1/mcp",
                "permission_default":"conf:tools:read",
                "permissions":{"delete_*":"conf:admin:write"},
                "read_only":["get_*"],"auth":{"bearer":"env:X"}}"#,
        );
        c.validate().unwrap();
        assert_eq!(c.prefix(), "conf_");
    }

    #[test]
    fn bad_configs_are_refused() {
        let base = r#""transport":"http","url":"http://127.0.0.1:1/mcp","permission_default":"conf:tools:read""#;
        for (extra, needle) in [
            (r#""id":"Conf""#, ".id"),
            (r#""id":"conf","prefix":"Other""#, ".prefix"),
            (
                r#""id":"conf","permissions":{"x":"other:a:read"}"#,
                "permissions.x",
            ),
            (
                r#""id":"conf","auth":{"bearer":"literal-secret"}"#,
                "auth.bearer",
            ),
            (
                r#""id":"conf","auth":{"forward_header":"Authorization"}"#,
                "token passthrough",
            ),
            (
                r#""id":"conf","auth":{"forward_header":"mcp-session-id"}"#,
                "forward_header",
            ),
            (
                r#""id":"conf","auth":{"forward_header":"x token"}"#,
                "not an HTTP header name",
            ),
            (r#""id":"conf","pins":{"x":"abc"}"#, "pins.x"),
            (r#""id":"conf","command":"x""#, "stdio"),
        ] {
            let c = parse(&format!("{{{extra},{base}}}"));
            let e = c.validate().unwrap_err();
            assert!(e.contains(needle), "{extra}: {e}");
            assert!(!e.contains("literal-secret"), "{e}");
        }
    }

    #[test]
    fn a_caller_header_is_accepted_for_http_only() {
        let http = parse(
            r#"{"id":"gh","transport":"http","url":"http://127.0.0.1:1/mcp",
                "permission_default":"gh:tools:read","auth":{"forward_header":"X-GitHub-Token"}}"#,
        );
        http.validate().unwrap();
        let stdio = parse(
            r#"{"id":"gh","transport":"stdio","command":"x",
                "permission_default":"gh:tools:read","auth":{"forward_header":"x-github-token"}}"#,
        );
        assert!(stdio.validate().unwrap_err().contains("secret_env"));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"id":"c","transport":"stdio","command":"x","permission_default":"c:t:read","bogus":1}"#,
        )
        .unwrap();
        assert!(serde_json::from_value::<McpConfig>(v).is_err());
    }
}
