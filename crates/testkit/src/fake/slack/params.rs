//! Slack takes a method's arguments as query parameters, a form body or
//! (for write methods) a JSON body; this merges them into one map.

use std::collections::HashMap;

use axum::http::{header, HeaderMap};
use serde_json::Value;

/// A request's arguments.
#[derive(Debug, Default)]
pub(super) struct Params(HashMap<String, String>);

impl Params {
    pub fn parse(query: Option<&str>, headers: &HeaderMap, body: &[u8]) -> Params {
        let mut map = HashMap::new();
        if let Some(q) = query {
            map.extend(url::form_urlencoded::parse(q.as_bytes()).into_owned());
        }
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if content_type.starts_with("application/json") {
            if let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) {
                for (k, v) in fields {
                    let v = match v {
                        Value::String(s) => s,
                        Value::Null => continue,
                        other => other.to_string(),
                    };
                    map.insert(k, v);
                }
            }
        } else if !body.is_empty() {
            map.extend(url::form_urlencoded::parse(body).into_owned());
        }
        Params(map)
    }

    /// The trimmed value; empty counts as absent.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// `true` or `1`.
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some("true" | "1"))
    }

    pub fn number(&self, key: &str) -> Option<usize> {
        self.get(key).and_then(|v| v.parse().ok())
    }

    /// A Slack timestamp argument (`oldest`, `latest`): `Ok(None)` when
    /// absent, `Err` when it is not a number.
    pub fn ts(&self, key: &str) -> Result<Option<f64>, ()> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite() && *f >= 0.0)
                .map(Some)
                .ok_or(()),
        }
    }
}
