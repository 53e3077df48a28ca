//! What counts as a failure: a transport error or timeout, a non-2xx
//! status, a JSON-RPC error, or a tool result with `isError: true`.

use bytes::Bytes;
use http::Request;
use http_body_util::Full;
use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::conn::{Conn, Reply};

/// Sends and insists on a 2xx.
pub async fn send(conn: &mut Conn, request: Request<Full<Bytes>>) -> Result<Reply, String> {
    let reply = conn.send(request).await.map_err(|e| format!("{e:#}"))?;
    if !reply.status.is_success() {
        return Err(format!("HTTP {}: {}", reply.status, excerpt(&reply.body)));
    }
    Ok(reply)
}

#[derive(Deserialize)]
struct RpcReply {
    error: Option<IgnoredAny>,
    result: Option<RpcResult>,
}

#[derive(Deserialize)]
struct RpcResult {
    #[serde(default, rename = "isError")]
    is_error: bool,
}

/// A JSON-RPC success without `isError`. SSE bodies (legacy sessions) are
/// judged by their last `data:` event. Skips the payload without building
/// it, so that checking stays cheap next to the server's work.
pub fn check_rpc(body: &[u8]) -> Result<(), String> {
    let json = if body.first() == Some(&b'{') {
        body
    } else {
        std::str::from_utf8(body)
            .ok()
            .and_then(|t| {
                t.lines()
                    .filter_map(|l| l.strip_prefix("data:"))
                    .next_back()
            })
            .map(|d| d.trim().as_bytes())
            .ok_or_else(|| format!("not JSON-RPC: {}", excerpt(body)))?
    };
    match serde_json::from_slice::<RpcReply>(json) {
        Ok(RpcReply {
            error: None,
            result: Some(r),
        }) if !r.is_error => Ok(()),
        Ok(_) => Err(excerpt(json)),
        Err(e) => Err(format!("unreadable reply ({e}): {}", excerpt(json))),
    }
}

fn excerpt(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned()
}
