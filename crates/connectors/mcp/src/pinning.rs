//! Tool pinning: an operator approves a tool by the hash of what the model
//! reads (its description and input schema). An upstream that later
//! changes either — a "rug pull" that rewrites instructions to the model —
//! has that tool hidden until the pin is updated.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The pin of a tool: sha256 hex of the canonical JSON
/// `{"description": …, "inputSchema": …}` (keys sorted at every level, no
/// whitespace), so that key order or formatting never changes the hash.
pub fn tool_hash(description: &str, input_schema: &Value) -> String {
    let mut canonical = String::new();
    canonical.push_str("{\"description\":");
    write_canonical(&Value::String(description.to_owned()), &mut canonical);
    canonical.push_str(",\"inputSchema\":");
    write_canonical(input_schema, &mut canonical);
    canonical.push('}');
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// JSON with object keys sorted (independent of serde_json's
/// `preserve_order`, which a workspace member enables).
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// What a pin says about a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    /// No pin configured for it.
    Unpinned,
    Matches,
    /// The upstream changed it since it was approved: hide it.
    Changed,
}

pub fn check(pin: Option<&str>, actual: &str) -> PinCheck {
    match pin {
        None => PinCheck::Unpinned,
        Some(p) if p.eq_ignore_ascii_case(actual) => PinCheck::Matches,
        Some(_) => PinCheck::Changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_does_not_change_the_hash() {
        let a: Value = serde_json::from_str(
            r#"{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"number"}}}"#,
        )
        .unwrap();
        let b: Value = serde_json::from_str(
            r#"{"properties":{"a":{"type":"number"},"b":{"type":"string"}},"type":"object"}"#,
        )
        .unwrap();
        assert_eq!(tool_hash("d", &a), tool_hash("d", &b));
        assert_ne!(tool_hash("d", &a), tool_hash("e", &a));
        assert_ne!(
            tool_hash("d", &a),
            tool_hash("d", &json!({"type": "object"}))
        );
        assert_eq!(tool_hash("d", &a).len(), 64);
    }
}
