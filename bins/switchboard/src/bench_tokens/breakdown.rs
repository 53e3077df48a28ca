//! Where a `tools/list` spends its tokens: per tool, each top-level field
//! of the MCP `Tool` counted on its own (as the `"key":value` fragment the
//! list carries), and the input-schema properties that recur across tools.

use std::collections::BTreeMap;

use serde_json::Value;

use super::tokens;

/// The fields of an MCP `Tool`, in the order of the breakdown table.
pub const FIELDS: &[&str] = &[
    "name",
    "title",
    "description",
    "inputSchema",
    "outputSchema",
    "annotations",
];

/// One tool's tokens per field (same order as [`FIELDS`]) and in all.
pub struct ToolCost {
    pub name: String,
    pub fields: Vec<usize>,
    pub total: usize,
}

/// One input-schema property name across the list.
pub struct PropertyCost {
    pub name: String,
    pub tools: usize,
    pub tokens: usize,
}

/// Tokens of `"key":value` as it appears in the list's JSON.
fn fragment(bpe: &tiktoken_rs::CoreBPE, key: &str, value: &Value) -> usize {
    tokens(bpe, &format!("{}:{value}", Value::from(key)))
}

/// Per-tool costs, largest first.
pub fn per_tool(bpe: &tiktoken_rs::CoreBPE, tools: &[Value]) -> Vec<ToolCost> {
    let mut rows: Vec<ToolCost> = tools
        .iter()
        .map(|tool| ToolCost {
            name: tool["name"].as_str().unwrap_or_default().to_owned(),
            fields: FIELDS
                .iter()
                .map(|f| tool.get(*f).map_or(0, |v| fragment(bpe, f, v)))
                .collect(),
            total: tokens(bpe, &tool.to_string()),
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name)));
    rows
}

/// Input-schema properties by total tokens (name, schema and description),
/// largest first: the arguments that repeat across tools show up here.
pub fn properties(bpe: &tiktoken_rs::CoreBPE, tools: &[Value]) -> Vec<PropertyCost> {
    let mut by_name: BTreeMap<String, PropertyCost> = BTreeMap::new();
    for tool in tools {
        let Some(props) = tool["inputSchema"]["properties"].as_object() else {
            continue;
        };
        for (name, schema) in props {
            let cost = by_name.entry(name.clone()).or_insert(PropertyCost {
                name: name.clone(),
                tools: 0,
                tokens: 0,
            });
            cost.tools += 1;
            cost.tokens += fragment(bpe, name, schema);
        }
    }
    let mut rows: Vec<PropertyCost> = by_name.into_values().collect();
    rows.sort_by(|a, b| b.tokens.cmp(&a.tokens).then(a.name.cmp(&b.name)));
    rows
}

/// The tokens `tools` would cost with no words at all: no titles, no
/// descriptions (of tools or arguments) and output schemas cut to
/// `{"type": "object"}`, leaving names, argument names and types, enums
/// and annotations. No diet of the text gets a list below this.
pub fn floor(bpe: &tiktoken_rs::CoreBPE, tools: &[Value]) -> usize {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("description");
                for (key, child) in map.iter_mut() {
                    match (key.as_str(), child) {
                        // Property names are data: keep an argument
                        // called `description`, strip inside it.
                        ("properties", Value::Object(props)) => props.values_mut().for_each(strip),
                        (_, child) => strip(child),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let bare: Vec<Value> = tools
        .iter()
        .map(|t| {
            let mut t = t.clone();
            if let Value::Object(map) = &mut t {
                map.remove("title");
                map.remove("description");
                if map.contains_key("outputSchema") {
                    map.insert("outputSchema".into(), serde_json::json!({"type": "object"}));
                }
                if let Some(input) = map.get_mut("inputSchema") {
                    strip(input);
                }
            }
            t
        })
        .collect();
    tokens(bpe, &serde_json::json!({ "tools": bare }).to_string())
}
