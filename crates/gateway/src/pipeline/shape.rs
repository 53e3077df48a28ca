//! Step 8: the result as sent. Tools already return shaped outputs; the
//! gateway renders the text and enforces a size cap, trimming the longest
//! top-level list and saying so rather than cutting JSON mid-way.

use serde_json::{json, Value};
use switchboard_core::ToolOutput;

/// A result ready for the client.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub structured: Value,
    pub text: String,
    /// Set when the cap trimmed the result: what was dropped.
    pub truncated: Option<Value>,
}

pub(super) fn shape(output: ToolOutput, max_bytes: usize) -> Shaped {
    let text = output.render_text();
    if text.len() <= max_bytes {
        return Shaped {
            structured: output.structured,
            text,
            truncated: None,
        };
    }
    let original_bytes = text.len();
    let mut structured = output.structured;
    let mut dropped = 0usize;
    let mut field = None;
    if let Some((key, list_len)) = longest_list(&structured) {
        field = Some(key.clone());
        // Halve until it fits, then the final size is known.
        let mut keep = list_len;
        while keep > 0 && structured.to_string().len() > max_bytes {
            keep /= 2;
            if let Some(Value::Array(items)) = structured.get_mut(&key) {
                dropped += items.len() - keep;
                items.truncate(keep);
            }
        }
    }
    let mut text = structured.to_string();
    if text.len() > max_bytes {
        // Nothing list-like to trim: cut the text and leave structured
        // content out rather than sending a half object.
        let mut end = max_bytes;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        structured = Value::Null;
    }
    let marker = json!({
        "original_bytes": original_bytes,
        "cap_bytes": max_bytes,
        "field": field,
        "items_dropped": dropped,
    });
    text.push_str(&format!("\n[truncated by the gateway: {marker}]"));
    Shaped {
        structured,
        text,
        truncated: Some(marker),
    }
}

fn longest_list(v: &Value) -> Option<(String, usize)> {
    v.as_object()?
        .iter()
        .filter_map(|(k, v)| v.as_array().map(|a| (k.clone(), a.len())))
        .max_by_key(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_results_pass_untouched() {
        let s = shape(ToolOutput::structured(json!({"a": 1})), 100);
        assert_eq!(s.text, r#"{"a":1}"#);
        assert!(s.truncated.is_none());
    }

    #[test]
    fn large_lists_are_trimmed_with_a_marker() {
        let items: Vec<Value> = (0..1000)
            .map(|i| json!({"id": i, "name": "x".repeat(20)}))
            .collect();
        let s = shape(
            ToolOutput::structured(json!({"deals": items, "total": 1000})),
            4096,
        );
        let kept = s.structured["deals"].as_array().unwrap().len();
        assert!(kept > 0 && kept < 1000);
        assert_eq!(s.structured["total"], 1000);
        let marker = s.truncated.unwrap();
        assert_eq!(marker["items_dropped"], 1000 - kept);
        assert!(s.text.contains("truncated by the gateway"));
    }
}
