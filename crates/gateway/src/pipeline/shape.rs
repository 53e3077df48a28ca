//! Step 8: the result as sent. Tools already return shaped outputs; the
//! gateway renders the text and enforces a size cap, trimming the longest
//! top-level list and saying so rather than cutting JSON mid-way.
//!
//! Federated tools may return MCP content blocks (images, audio, embedded
//! resources): those are sent verbatim, and the cap drops whole blocks from
//! the end rather than cutting one.

use serde_json::{json, Value};
use switchboard_core::{InputRequired, ToolOutput};

/// A result ready for the client.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub structured: Value,
    pub text: String,
    /// Set when the cap trimmed the result: what was dropped.
    pub truncated: Option<Value>,
    /// MCP content blocks to send verbatim instead of `text` (federated
    /// servers). `text` then holds their JSON, for the audit row.
    pub content: Option<Vec<Value>>,
    /// The call needs the caller's input first (2026-07-28 callers). The
    /// pipeline replaces `upstream_state` with the caller's sealed
    /// `requestState` before it returns.
    pub input_required: Option<InputRequired>,
}

pub(super) fn shape(output: ToolOutput, max_bytes: usize) -> Shaped {
    if let Some(input) = output.input_required {
        return Shaped {
            structured: Value::Null,
            text: Value::Object(input.requests.clone()).to_string(),
            truncated: None,
            content: None,
            input_required: Some(input),
        };
    }
    if let Some(blocks) = output.content {
        return shape_blocks(blocks, output.structured, max_bytes);
    }
    let text = output.render_text();
    if text.len() <= max_bytes {
        return Shaped {
            structured: output.structured,
            text,
            truncated: None,
            content: None,
            input_required: None,
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
        content: None,
        input_required: None,
    }
}

/// Content blocks in order while they fit under the cap; the first block
/// that does not fit and every later one are dropped, and a text block with
/// the marker says so. `structuredContent` is kept when it fits on its own.
fn shape_blocks(blocks: Vec<Value>, structured: Value, max_bytes: usize) -> Shaped {
    let sizes: Vec<usize> = blocks.iter().map(|b| b.to_string().len()).collect();
    let original_bytes: usize = sizes.iter().sum();
    let structured_bytes = if structured.is_null() {
        0
    } else {
        structured.to_string().len()
    };
    let mut used = 0;
    let keep = sizes
        .iter()
        .take_while(|&&n| {
            used += n;
            used <= max_bytes
        })
        .count();
    let structured_fits = structured_bytes <= max_bytes;
    if keep == blocks.len() && structured_fits {
        return Shaped {
            text: Value::Array(blocks.clone()).to_string(),
            structured,
            truncated: None,
            content: Some(blocks),
            input_required: None,
        };
    }
    let dropped = blocks.len() - keep;
    let mut kept: Vec<Value> = blocks.into_iter().take(keep).collect();
    let marker = json!({
        "original_bytes": original_bytes + structured_bytes,
        "cap_bytes": max_bytes,
        "field": "content",
        "items_dropped": dropped,
        "structured_dropped": !structured_fits,
    });
    kept.push(json!({
        "type": "text",
        "text": format!("[truncated by the gateway: {marker}]"),
    }));
    Shaped {
        text: Value::Array(kept.clone()).to_string(),
        structured: if structured_fits {
            structured
        } else {
            Value::Null
        },
        truncated: Some(marker),
        content: Some(kept),
        input_required: None,
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

    fn with_blocks(blocks: Vec<Value>, structured: Value) -> ToolOutput {
        ToolOutput {
            structured,
            text: None,
            content: Some(blocks),
            input_required: None,
        }
    }

    #[test]
    fn content_blocks_pass_verbatim() {
        let blocks = vec![
            json!({"type": "text", "text": "hi"}),
            json!({"type": "image", "data": "AAAA", "mimeType": "image/png"}),
        ];
        let s = shape(with_blocks(blocks.clone(), json!({"n": 1})), 1000);
        assert_eq!(s.content.as_deref(), Some(&blocks[..]));
        assert_eq!(s.structured, json!({"n": 1}));
        assert!(s.truncated.is_none());
    }

    #[test]
    fn blocks_past_the_cap_are_dropped_with_a_marker() {
        let big = json!({"type": "text", "text": "x".repeat(600)});
        let small = json!({"type": "text", "text": "first"});
        let s = shape(
            with_blocks(vec![small.clone(), big.clone(), small.clone()], Value::Null),
            400,
        );
        let content = s.content.unwrap();
        assert_eq!(content.len(), 2, "{content:?}");
        assert_eq!(content[0], small);
        assert!(content[1]["text"]
            .as_str()
            .unwrap()
            .contains("truncated by the gateway"));
        assert_eq!(s.truncated.unwrap()["items_dropped"], 2);
    }
}
