//! Slack's error codes turned into `ConnectorError`s. Slack answers almost
//! every failure with HTTP 200 and `{"ok": false, "error": "<code>"}`, so
//! the HTTP status says nothing: the code decides the kind, and the
//! message says in plain words what it means and what to do.

use std::time::Duration;

use serde_json::Value;
use switchboard_core::{ConnectorError, ErrorKind};

use crate::model::Envelope;

/// The kind of error a Slack code stands for, and what it means.
pub fn classify(code: &str) -> (ErrorKind, &'static str) {
    use ErrorKind::*;
    match code {
        "invalid_auth" | "not_authed" | "account_inactive" | "token_revoked" | "token_expired" => (
            UpstreamDenied,
            "the gateway's Slack token is invalid, revoked or expired",
        ),
        "missing_scope" => (UpstreamDenied, "the Slack app lacks a scope this needs"),
        "not_allowed_token_type" => (
            UpstreamDenied,
            "this method does not accept the kind of token used (search needs a user token)",
        ),
        "not_in_channel" => (
            UpstreamDenied,
            "the Slack app is not a member of the channel; someone in it must invite the app",
        ),
        "no_permission"
        | "access_denied"
        | "ekm_access_denied"
        | "team_access_not_granted"
        | "restricted_action"
        | "restricted_action_read_only_channel"
        | "restricted_action_thread_only_channel"
        | "restricted_action_non_threadable_channel" => (
            UpstreamDenied,
            "the workspace does not allow the Slack app to do this",
        ),
        "channel_not_found" => (NotFound, "no such channel is visible to the Slack app"),
        "user_not_found" | "users_not_found" => (NotFound, "no such Slack user"),
        "thread_not_found" => (NotFound, "no such thread in the channel"),
        "message_not_found" => (NotFound, "no such message"),
        "is_archived" => (InvalidArgs, "the channel is archived"),
        "no_text" => (InvalidArgs, "the message has no text"),
        "msg_too_long" => (InvalidArgs, "the message is too long"),
        "invalid_cursor" => (InvalidArgs, "the cursor is not valid (or has expired)"),
        "no_query" | "No query passed" => (InvalidArgs, "the search has no query"),
        "invalid_arguments"
        | "invalid_ts_latest"
        | "invalid_ts_oldest"
        | "invalid_limit"
        | "invalid_types"
        | "invalid_blocks"
        | "too_many_attachments"
        | "invalid_charset"
        | "invalid_form_data"
        | "invalid_array_arg"
        | "cannot_reply_to_message" => (InvalidArgs, "Slack rejected the arguments"),
        "ratelimited" | "rate_limited" | "message_limit_exceeded" => {
            (RateLimited, "Slack is rate limiting the gateway")
        }
        "request_timeout" => (Timeout, "Slack timed out"),
        "fatal_error" | "internal_error" | "service_unavailable" => {
            (Unavailable, "Slack is failing")
        }
        _ => (Upstream, "Slack answered with an error"),
    }
}

/// The error for an `ok: false` answer to `method` (HTTP status `status`).
pub fn from_envelope(
    method: &str,
    envelope: &Envelope,
    status: u16,
    retry_after: Option<Duration>,
) -> ConnectorError {
    let code = envelope.error.as_deref().unwrap_or("unknown_error");
    let (kind, meaning) = classify(code);
    let mut message = format!("Slack {method} failed: {meaning} (`{code}`)");
    if let Some(needed) = envelope.needed.as_deref() {
        message.push_str(&format!("; needed scope: {needed}"));
    }
    let mut err = ConnectorError::new(kind, message).with_status(status);
    if let Some(after) = retry_after {
        err = err.with_retry_after(after);
    }
    err
}

/// The code (and needed scope) of a non-2xx Slack body, for
/// `UpstreamConfig::vendor_message`.
pub fn vendor_message(body: &Value) -> Option<String> {
    let code = body.get("error")?.as_str()?;
    Some(match body.get("needed").and_then(Value::as_str) {
        Some(needed) => format!("{code} (needed scope: {needed})"),
        None => code.to_owned(),
    })
}

/// Whether `e` came from an `ok: false` answer with this code, so a tool
/// can restate it with the names the caller used.
pub fn has_code(e: &ConnectorError, code: &str) -> bool {
    e.message.contains(&format!("(`{code}`)"))
}

/// Rewrites an error's message (keeping kind, status and retry-after),
/// moving the original into the source for the audit row.
pub fn restate(e: ConnectorError, message: impl Into<String>) -> ConnectorError {
    let mut out = ConnectorError::new(e.kind, message);
    out.upstream_status = e.upstream_status;
    out.retry_after = e.retry_after;
    out.with_source(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_kinds() {
        let env = |code: &str| Envelope {
            ok: false,
            error: Some(code.into()),
            needed: None,
            provided: None,
            warning: None,
            response_metadata: None,
        };
        let e = from_envelope(
            "conversations.history",
            &env("channel_not_found"),
            200,
            None,
        );
        assert_eq!(
            (e.kind, e.upstream_status),
            (ErrorKind::NotFound, Some(200))
        );
        assert!(e.message.contains("`channel_not_found`"), "{}", e.message);
        for (code, kind) in [
            ("invalid_auth", ErrorKind::UpstreamDenied),
            ("account_inactive", ErrorKind::UpstreamDenied),
            ("not_in_channel", ErrorKind::UpstreamDenied),
            ("thread_not_found", ErrorKind::NotFound),
            ("users_not_found", ErrorKind::NotFound),
            ("invalid_arguments", ErrorKind::InvalidArgs),
            ("ratelimited", ErrorKind::RateLimited),
            ("fatal_error", ErrorKind::Unavailable),
            ("something_new", ErrorKind::Upstream),
        ] {
            assert_eq!(classify(code).0, kind, "{code}");
        }
        let e = from_envelope(
            "search.messages",
            &env("ratelimited"),
            200,
            Some(Duration::from_secs(3)),
        );
        assert_eq!(e.retry_after, Some(Duration::from_secs(3)));
        assert!(has_code(&e, "ratelimited") && !has_code(&e, "limited"));
        let e = restate(e, "try later");
        assert_eq!(
            (e.kind, e.message.as_str()),
            (ErrorKind::RateLimited, "try later")
        );
    }
}
