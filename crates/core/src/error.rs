//! Errors a connector returns: a kind the gateway acts on, a message safe to
//! show the model, and a source that only reaches logs and the audit row.

use std::time::Duration;

/// What went wrong, coarsely enough for the gateway to act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The connector has no tool of that name.
    UnknownTool,
    /// The arguments do not fit the tool's schema or make no sense.
    InvalidArgs,
    /// The object asked for does not exist upstream.
    NotFound,
    /// The upstream refused (401/403): bad credentials or missing scopes.
    UpstreamDenied,
    /// The upstream (or the gateway's own limit) said slow down.
    RateLimited,
    /// The call ran out of time.
    Timeout,
    /// The upstream cannot be reached or is failing (5xx, breaker open).
    Unavailable,
    /// The upstream answered something we could not use.
    Upstream,
    /// A bug on our side.
    Internal,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::UnknownTool => "unknown_tool",
            ErrorKind::InvalidArgs => "invalid_args",
            ErrorKind::NotFound => "not_found",
            ErrorKind::UpstreamDenied => "upstream_denied",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Upstream => "upstream",
            ErrorKind::Internal => "internal",
        }
    }
}

/// A connector's error.
#[derive(Debug, thiserror::Error)]
#[error("{kind:?}: {message}")]
pub struct ConnectorError {
    pub kind: ErrorKind,
    /// Safe to show the model: no secrets, no raw upstream bodies.
    pub message: String,
    /// When the caller may try again (from `Retry-After` and the like).
    pub retry_after: Option<Duration>,
    /// The upstream HTTP status, when there was one.
    pub upstream_status: Option<u16>,
    /// Details for logs and the audit row only.
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl ConnectorError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ConnectorError {
            kind,
            message: message.into(),
            retry_after: None,
            upstream_status: None,
            source: None,
        }
    }

    pub fn unknown_tool(name: &str) -> Self {
        Self::new(ErrorKind::UnknownTool, format!("Unknown tool: {name}"))
    }

    pub fn invalid_args(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidArgs, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    pub fn with_source(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        self.source = Some(source.into());
        self
    }

    pub fn with_retry_after(mut self, after: Duration) -> Self {
        self.retry_after = Some(after);
        self
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.upstream_status = Some(status);
        self
    }
}
