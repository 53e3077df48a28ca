//! The fixture's fault switch and recorder, in front of rmcp: faults hit
//! `tools/call` only, so discovery keeps working and a test sees exactly
//! what a failing call does to the client.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use serde_json::Value;

use super::Shared;

/// What a faulty upstream does to a `tools/call`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Starts an event stream, then drops the connection mid-call.
    DieMidCall,
    /// Never answers.
    Hang,
    /// Answers 200 with a body that is not JSON.
    Garbage,
    /// Answers 503.
    Unavailable,
}

const BODY_LIMIT: usize = 8 * 1024 * 1024;

pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let header_value = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let authorization = header_value("authorization");
    let version = header_value("mcp-protocol-version");
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let message: Option<Value> = serde_json::from_slice(&bytes).ok();
    let method = message
        .as_ref()
        .and_then(|m| m.get("method"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let fault = {
        let mut seen = shared.lock();
        seen.requests.push(super::SeenRequest {
            authorization: authorization.clone(),
            session: header_value("mcp-session-id"),
            method: method.clone(),
            verb: parts.method.to_string(),
        });
        seen.authorization.push(authorization.clone());
        if parts.method == http::Method::POST {
            seen.protocol_versions.push(version);
        }
        seen.fault
    };
    if let Some(refused) = &shared.options.refuse_token {
        if authorization.as_deref() == Some(format!("Bearer {refused}").as_str()) {
            return (
                StatusCode::UNAUTHORIZED,
                [("www-authenticate", "Bearer error=\"invalid_token\"")],
                "token revoked",
            )
                .into_response();
        }
    }
    if shared.options.legacy_only && method == "server/discover" {
        let id = message
            .as_ref()
            .and_then(|m| m.get("id"))
            .cloned()
            .unwrap_or(Value::Null);
        let body = serde_json::json!({"jsonrpc": "2.0", "id": id,
            "error": {"code": -32601, "message": "Method not found: server/discover"}});
        return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
    }
    if method == "tools/call" {
        match fault {
            Some(Fault::DieMidCall) => {
                let stream = futures::stream::iter([
                    Ok::<Bytes, std::io::Error>(Bytes::from_static(b": starting\n\n")),
                    Err(std::io::Error::other("the fixture died mid-call")),
                ]);
                return Response::builder()
                    .status(StatusCode::OK)
                    .header(header::CONTENT_TYPE, "text/event-stream")
                    .body(Body::from_stream(stream))
                    .unwrap_or_default();
            }
            Some(Fault::Hang) => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                return StatusCode::GATEWAY_TIMEOUT.into_response();
            }
            Some(Fault::Garbage) => {
                return Response::builder()
                    .status(StatusCode::OK)
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("<html>this is not JSON-RPC{"))
                    .unwrap_or_default();
            }
            Some(Fault::Unavailable) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
            None => {}
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
