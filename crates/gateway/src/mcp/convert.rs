//! Between `switchboard-core` types and rmcp's protocol types.

use rmcp::model::{CallToolResult, ContentBlock, Tool, ToolAnnotations};
use serde_json::json;
use switchboard_core::{ConnectorError, Effect, ToolSpec};

use crate::pipeline::Shaped;

/// A catalog entry as MCP `Tool`, with annotations and output schema.
pub fn tool_to_mcp(spec: &ToolSpec) -> Tool {
    // The title is on the tool itself; repeating it in the annotations
    // only costs tokens.
    let annotations = ToolAnnotations::new()
        .read_only(spec.effect == Effect::Read)
        .destructive(spec.effect == Effect::Destructive)
        .idempotent(spec.idempotent)
        .open_world(spec.open_world);
    let mut tool = Tool::new(
        spec.name.clone(),
        spec.description.clone(),
        spec.input_schema.clone(),
    )
    .with_title(spec.title.clone())
    .with_annotations(annotations);
    if let Some(out) = &spec.output_schema {
        tool = tool.with_raw_output_schema(out.clone());
    }
    tool
}

/// A successful call: structured content plus its text rendering, or the
/// federated server's own content blocks, verbatim.
pub fn success(shaped: Shaped) -> CallToolResult {
    let content = match shaped.content {
        Some(blocks) => blocks.into_iter().map(block).collect(),
        None => vec![ContentBlock::text(shaped.text)],
    };
    let mut result = CallToolResult::success(content);
    if !shaped.structured.is_null() {
        result.structured_content = Some(shaped.structured);
    }
    if let Some(marker) = shaped.truncated {
        let mut meta = rmcp::model::MetaObject::new();
        meta.0.insert("switchboard/truncated".into(), marker);
        result.meta = Some(meta);
    }
    result
}

/// One pass-through block. A block this rmcp does not know (a newer
/// revision's type) is sent as its JSON text rather than dropped.
fn block(value: serde_json::Value) -> ContentBlock {
    serde_json::from_value(value.clone()).unwrap_or_else(|_| ContentBlock::text(value.to_string()))
}

/// A tool error the model reads: kind, message, and when to retry.
pub fn tool_error(error: &ConnectorError) -> CallToolResult {
    let mut body = json!({"error": error.kind.as_str(), "message": error.message});
    if let Some(after) = error.retry_after {
        body["retry_after_ms"] = json!(after.as_millis() as u64);
    }
    CallToolResult::error(vec![ContentBlock::text(body.to_string())])
}
