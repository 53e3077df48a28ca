//! JSON-RPC 2.0 on plain `serde_json::Value`s: a pass-through must not lose
//! fields it does not know, so messages are never forced through typed
//! structs.

use serde_json::{json, Value};
use switchboard_core::{ConnectorError, ErrorKind};

/// JSON-RPC error codes used on the wire.
pub mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const INTERNAL_ERROR: i64 = -32603;
    /// MCP: resource not found.
    pub const RESOURCE_NOT_FOUND: i64 = -32002;
}

/// A JSON-RPC error from (or to) the upstream. Kept as the `source` of the
/// `ConnectorError` so the gateway can pass the exact code through
/// (`err.source.downcast_ref::<RpcError>()`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("JSON-RPC error {code}: {message}")]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

impl RpcError {
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        RpcError {
            code,
            message: message.into(),
            data: None,
        }
    }

    fn from_value(value: &Value) -> Self {
        RpcError {
            code: value
                .get("code")
                .and_then(Value::as_i64)
                .unwrap_or(code::INTERNAL_ERROR),
            message: value
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("error without a message")
                .to_owned(),
            data: value.get("data").cloned(),
        }
    }

    pub fn to_value(&self) -> Value {
        let mut v = json!({"code": self.code, "message": self.message});
        if let Some(data) = &self.data {
            v["data"] = data.clone();
        }
        v
    }

    /// The connector error for a JSON-RPC error the upstream answered.
    pub fn into_connector_error(self, service: &str) -> ConnectorError {
        let kind = match self.code {
            code::INVALID_PARAMS => ErrorKind::InvalidArgs,
            code::RESOURCE_NOT_FOUND => ErrorKind::NotFound,
            _ => ErrorKind::Upstream,
        };
        let message = format!(
            "{service} refused the request: {}",
            truncate(&self.message, 300)
        );
        ConnectorError::new(kind, message).with_source(self)
    }
}

/// One message the upstream sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Response {
        id: Value,
        result: Result<Value, RpcError>,
    },
    Request {
        id: Value,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
}

/// Classifies a message; `None` for anything that is not JSON-RPC.
pub fn classify(message: Value) -> Option<Incoming> {
    let Value::Object(mut map) = message else {
        return None;
    };
    let method = map.get("method").and_then(Value::as_str).map(str::to_owned);
    let params = map.remove("params").unwrap_or(Value::Null);
    match (method, map.remove("id")) {
        (Some(method), Some(id)) if !id.is_null() => Some(Incoming::Request { id, method, params }),
        (Some(method), _) => Some(Incoming::Notification { method, params }),
        (None, Some(id)) => {
            if let Some(error) = map.get("error") {
                Some(Incoming::Response {
                    id,
                    result: Err(RpcError::from_value(error)),
                })
            } else {
                map.remove("result").map(|result| Incoming::Response {
                    id,
                    result: Ok(result),
                })
            }
        }
        (None, None) => map.get("error").map(|error| Incoming::Response {
            id: Value::Null,
            result: Err(RpcError::from_value(error)),
        }),
    }
}

pub fn request(id: u64, method: &str, params: &Value) -> Value {
    let mut v = json!({"jsonrpc": "2.0", "id": id, "method": method});
    if !params.is_null() {
        v["params"] = params.clone();
    }
    v
}

pub fn notification(method: &str, params: Value) -> Value {
    let mut v = json!({"jsonrpc": "2.0", "method": method});
    if !params.is_null() {
        v["params"] = params;
    }
    v
}

pub fn response(id: Value, result: Result<Value, RpcError>) -> Value {
    match result {
        Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        Err(error) => json!({"jsonrpc": "2.0", "id": id, "error": error.to_value()}),
    }
}

/// Ids are numbers we issued; upstreams echo them back, sometimes as strings.
pub fn id_matches(id: &Value, ours: u64) -> bool {
    match id {
        Value::Number(n) => n.as_u64() == Some(ours),
        Value::String(s) => s.parse::<u64>().ok() == Some(ours),
        _ => false,
    }
}

/// Adds `key: value` to `params._meta`, creating both as needed.
pub fn set_meta(params: &mut Value, key: &str, value: Value) {
    if !params.is_object() {
        *params = json!({});
    }
    let meta = params
        .as_object_mut()
        .map(|p| p.entry("_meta").or_insert_with(|| json!({})));
    if let Some(meta) = meta {
        if !meta.is_object() {
            *meta = json!({});
        }
        if let Some(meta) = meta.as_object_mut() {
            meta.insert(key.to_owned(), value);
        }
    }
}

pub use switchboard_upstream::truncate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_kind() {
        assert!(matches!(
            classify(json!({"jsonrpc":"2.0","id":1,"result":{}})),
            Some(Incoming::Response { result: Ok(_), .. })
        ));
        assert!(matches!(
            classify(json!({"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"x"}})),
            Some(Incoming::Response {
                result: Err(RpcError { code: -32602, .. }),
                ..
            })
        ));
        assert!(matches!(
            classify(json!({"jsonrpc":"2.0","id":"a","method":"ping"})),
            Some(Incoming::Request { .. })
        ));
        assert!(matches!(
            classify(json!({"jsonrpc":"2.0","method":"notifications/progress","params":{}})),
            Some(Incoming::Notification { .. })
        ));
        assert_eq!(classify(json!([1, 2])), None);
        assert_eq!(classify(json!({"jsonrpc":"2.0","id":1})), None);
        assert!(
            id_matches(&json!("7"), 7) && id_matches(&json!(7), 7) && !id_matches(&json!(8), 7)
        );
    }

    #[test]
    fn meta_is_merged() {
        let mut p = json!({"name": "x", "_meta": {"a": 1}});
        set_meta(&mut p, "progressToken", json!("t"));
        assert_eq!(p["_meta"], json!({"a": 1, "progressToken": "t"}));
        let mut n = Value::Null;
        set_meta(&mut n, "k", json!(1));
        assert_eq!(n, json!({"_meta": {"k": 1}}));
    }
}
