//! A guard in front of rmcp for POST bodies: enforces the size limit and
//! answers malformed input with proper JSON-RPC errors (rmcp alone answers
//! a body that is not JSON with a plain-text 415).
//!
//! - body over the limit → 413 with a JSON-RPC error body
//! - not JSON → 400, `-32700 Parse error`
//! - JSON but not a JSON-RPC 2.0 message → 400, `-32600 Invalid Request`

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{Method, StatusCode};
use serde_json::{json, Value};

/// Checks and re-attaches the body; `limit` is the largest accepted body.
pub async fn jsonrpc_guard(State(limit): State<usize>, request: Request, next: Next) -> Response {
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
