//! A guard in front of rmcp for POST bodies: enforces the size limit and
//! answers malformed input with proper JSON-RPC errors (rmcp alone answers
//! a body that is not JSON with a plain-text 415).
//!
//! - body over the limit → 413 with a JSON-RPC error body
//! - not JSON → 400, `-32700 Parse error`
//! - JSON but not a JSON-RPC 2.0 message → 400, `-32600 Invalid Request`

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{Method, StatusCode};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use serde_json::{json, Value};

/// What the guard enforces.
#[derive(Clone)]
pub struct Guard {
    /// Largest accepted body.
    pub limit: usize,
    /// Legacy sessions and their cap: an `initialize` beyond it gets 503.
    pub sessions: Arc<LocalSessionManager>,
    pub max_sessions: usize,
}

/// Checks and re-attaches the body.
pub async fn jsonrpc_guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let limit = guard.limit;
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                -32600,
                &format!("request body exceeds {limit} bytes"),
            )
        }
    };
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                -32700,
                &format!("Parse error: {e}"),
            )
        }
    };
    if value.get("method") == Some(&Value::from("initialize"))
        && guard.sessions.sessions.read().await.len() >= guard.max_sessions
    {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            -32000,
            "too many open sessions; retry later or use the stateless 2026-07-28 protocol",
        );
    }
    if !is_jsonrpc(&value) {
        return error(
            StatusCode::BAD_REQUEST,
            -32600,
            "Invalid Request: expected a JSON-RPC 2.0 message",
        );
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn is_jsonrpc(value: &Value) -> bool {
    let one = |v: &Value| v.get("jsonrpc") == Some(&Value::String("2.0".into()));
    match value {
        Value::Object(_) => one(value),
        Value::Array(items) => !items.is_empty() && items.iter().all(one),
        _ => false,
    }
}

fn error(status: StatusCode, code: i64, message: &str) -> Response {
    let body = json!({"jsonrpc": "2.0", "id": null, "error": {"code": code, "message": message}});
    (status, axum::Json(body)).into_response()
}
