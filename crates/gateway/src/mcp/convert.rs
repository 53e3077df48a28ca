//! Between `switchboard-core` types and rmcp's protocol types.

use rmcp::model::{
    CallToolResult, ContentBlock, InputRequests, InputRequiredResult, Tool, ToolAnnotations,
};
use serde_json::json;
use switchboard_core::{ConnectorError, Effect, ErrorKind, InputRequired, ToolSpec};

use crate::pipeline::Shaped;

/// A catalog entry as MCP `Tool`, with annotations and output schema.
///
/// Part of the tool-list diet (ARCHITECTURE.md): every visible tool is in
/// every `tools/list`, so only what tells the model or the client
/// something is sent. The title only when it says more than the name
/// ([`title_adds_words`]); the annotations only where they differ from the
/// protocol's defaults ([`annotations`]).
pub fn tool_to_mcp(spec: &ToolSpec) -> Tool {
    let mut tool = Tool::new(
        spec.name.clone(),
        spec.description.clone(),
        spec.input_schema.clone(),
    );
    let hints = annotations(spec);
    // All defaults (a destructive, non-idempotent tool): no object at all.
    if hints != ToolAnnotations::new() {
        tool = tool.with_annotations(hints);
    }
    if title_adds_words(&spec.name, &spec.title) {
        tool = tool.with_title(spec.title.clone());
    }
    if let Some(out) = &spec.output_schema {
        tool = tool.with_raw_output_schema(out.clone());
    }
    tool
}

/// The MCP annotations of a tool, each hint only where it differs from the
/// default the MCP schema gives it (`readOnlyHint` false, `destructiveHint`
/// true, `idempotentHint` false, `openWorldHint` true): a client reads a
/// missing hint as its default (rmcp's own `is_destructive()` and
/// `is_idempotent()` do), so sending a default says nothing. The
/// destructive and idempotent hints are also left out of read-only tools:
/// the schema says they are "meaningful only when `readOnlyHint == false`"
/// (a tool that changes nothing is trivially safe to repeat). The title is
/// on the tool itself, not repeated here.
///
/// | effect | sent |
/// |---|---|
/// | read | `readOnlyHint: true` |
/// | write | `destructiveHint: false`, plus `idempotentHint: true` if so |
/// | destructive | nothing, plus `idempotentHint: true` if so |
///
/// plus `openWorldHint: false` for a tool that reaches no external system.
pub fn annotations(spec: &ToolSpec) -> ToolAnnotations {
    let mut a = ToolAnnotations::new();
    match spec.effect {
        Effect::Read => a.read_only_hint = Some(true),
        Effect::Write => a.destructive_hint = Some(false),
        Effect::Destructive => {}
    }
    if spec.idempotent && spec.effect != Effect::Read {
        a.idempotent_hint = Some(true);
    }
    if !spec.open_world {
        a.open_world_hint = Some(false);
    }
    a
}

/// Whether a title tells a reader more than the tool's name: false when
/// every word of the title (ignoring case, "a"/"an"/"the", a possessive
/// "'s" and a plural "s") is already one of the name's `_`-separated words,
/// as in "Search HubSpot deals" for `hubspot_search_deals`. MCP makes the
/// title optional and clients show the name instead, so such a title is
/// only the name again, in every `tools/list`. A title that adds words
/// ("Accounts receivable aging" for `quickbooks_get_ar_aging`) is kept.
pub fn title_adds_words(name: &str, title: &str) -> bool {
    fn stem(word: &str) -> String {
        let w = word.to_lowercase();
        let w = w.strip_suffix("'s").unwrap_or(&w);
        w.strip_suffix('s').unwrap_or(w).to_owned()
    }
    let name_words: Vec<String> = name.split('_').map(stem).collect();
    title
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        .any(|w| !name_words.contains(&stem(w)))
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

/// An `input_required` round for a 2026-07-28 caller: the upstream's
/// requests verbatim and the sealed state. A request the revision does not
/// allow in a round (anything but sampling, elicitation, roots) is refused.
pub fn input_required(input: InputRequired) -> Result<InputRequiredResult, ConnectorError> {
    let mut requests = InputRequests::new();
    for (key, request) in input.requests {
        let method = request["method"].as_str().unwrap_or("?").to_owned();
        let typed = serde_json::from_value(request).map_err(|e| {
            ConnectorError::new(
                ErrorKind::Upstream,
                format!("the tool asked the caller for `{method}`, which cannot be passed on: {e}"),
            )
        })?;
        requests.insert(key, typed);
    }
    Ok(InputRequiredResult::new(
        Some(requests),
        input.upstream_state,
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_only_spell_the_name_are_dropped() {
        assert!(!title_adds_words(
            "hubspot_search_deals",
            "Search HubSpot deals"
        ));
        assert!(!title_adds_words("hubspot_get_deal", "Get a HubSpot deal"));
        assert!(!title_adds_words(
            "quickbooks_get_profit_and_loss",
            "Profit and loss"
        ));
        assert!(!title_adds_words("gong_list_users", "List Gong users"));
        assert!(title_adds_words(
            "quickbooks_get_ar_aging",
            "Accounts receivable aging"
        ));
        assert!(title_adds_words(
            "github_list_pull_requests",
            "List a repository's pull requests"
        ));
        assert!(!title_adds_words("x_thing", ""));
    }
}
