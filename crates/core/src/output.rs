//! What a tool call returns to the gateway.

use serde_json::Value;

use crate::InputRequired;

/// A shaped result: the structured value (MCP `structuredContent`) and,
/// optionally, a text rendering written by the tool. When `text` is `None`
/// the gateway renders the structured value as compact JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolOutput {
    pub structured: Value,
    pub text: Option<String>,
    /// MCP content blocks passed through verbatim (federated servers:
    /// images, audio, embedded resources). When set, the gateway sends
    /// these instead of a text rendering.
    pub content: Option<Vec<Value>>,
    /// The call cannot finish without the caller's input (2026-07-28
    /// callers only, see [`crate::ClientRelay::takes_input_required`]);
    /// the rest of the output is then empty.
    pub input_required: Option<InputRequired>,
}

impl ToolOutput {
    pub fn structured(value: Value) -> Self {
        ToolOutput {
            structured: value,
            text: None,
            content: None,
            input_required: None,
        }
    }

    /// A call that needs the caller's input first.
    pub fn needs_input(input: InputRequired) -> Self {
        ToolOutput {
            structured: Value::Null,
            text: None,
            content: None,
            input_required: Some(input),
        }
    }

    /// The text a client shows: the tool's own rendering or compact JSON.
    pub fn render_text(&self) -> String {
        match &self.text {
            Some(text) => text.clone(),
            None => self.structured.to_string(),
        }
    }
}
