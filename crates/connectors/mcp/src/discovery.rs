//! From the upstream's `tools/list` to the gateway's `ToolSpec`s: names
//! under the configured prefix and checked against the core naming rules,
//! permission and effect from the operator's rules, pins enforced.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde_json::{json, Map, Value};
use switchboard_core::{validate_tool_name, CachePolicy, Effect, ToolSpec};

use crate::pinning::{self, PinCheck};
use crate::rules::Rules;

/// One upstream tool as the connector needs it at call time.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name the upstream knows it by.
    pub upstream: String,
    pub input_schema: Arc<Map<String, Value>>,
}

/// A tool list, ready to swap in.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    pub specs: Arc<[ToolSpec]>,
    /// Gateway name → upstream tool.
    pub entries: HashMap<String, Entry>,
    /// Changes whenever anything the gateway exposes changes.
    pub signature: String,
    /// Upstream tools hidden because their pin no longer matches.
    pub changed: Vec<String>,
}

/// Turns the gateway-facing name of an upstream tool into a valid one, or
/// `None`: lower-cased, anything outside `[a-z0-9_]` becomes `_`.
pub fn local_name(prefix: &str, upstream: &str) -> Option<String> {
    let cleaned: String = upstream
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = format!("{prefix}{cleaned}");
    // With a prefix the connector's part is the prefix; unprefixed names
    // must still read `<system>_<rest>` like every other tool.
    let stem = if prefix.is_empty() {
        name.split('_').next().unwrap_or_default().to_owned()
    } else {
        prefix.trim_end_matches('_').to_owned()
    };
    if stem.is_empty() {
        return None;
    }
    validate_tool_name(&stem, &name).ok().map(|()| name)
}

/// Builds the tool list from the upstream's raw tools.
pub fn discover(
    connector_id: &str,
    prefix: &str,
    rules: &Rules,
    pins: &BTreeMap<String, String>,
    tools: &[Value],
) -> Discovered {
    let mut specs = Vec::new();
    let mut entries = HashMap::new();
    let mut changed = Vec::new();
    let mut seen = HashSet::new();
    for tool in tools {
        let Some(upstream) = tool.get("name").and_then(Value::as_str) else {
            tracing::warn!(
                connector = connector_id,
                "upstream tool without a name skipped"
            );
            continue;
        };
        let Some(name) = local_name(prefix, upstream) else {
            tracing::warn!(
                connector = connector_id,
                tool = upstream,
                "upstream tool skipped: its name cannot be made a valid tool name"
            );
            continue;
        };
        if !seen.insert(name.clone()) {
            tracing::warn!(
                connector = connector_id,
                tool = upstream,
                name = %name,
                "upstream tool skipped: another tool already has this name"
            );
            continue;
        }
        let description = tool
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let input_schema = match tool.get("inputSchema") {
            Some(Value::Object(schema)) => schema.clone(),
            _ => json!({"type": "object"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        };
        let hash = pinning::tool_hash(&description, &Value::Object(input_schema.clone()));
        match pinning::check(pins.get(upstream).map(String::as_str), &hash) {
            PinCheck::Changed => {
                tracing::warn!(
                    connector = connector_id,
                    tool = upstream,
                    hash = %hash,
                    "upstream tool changed, re-approval needed: hidden until its pin is updated"
                );
                changed.push(upstream.to_owned());
                continue;
            }
            PinCheck::Unpinned => {
                tracing::debug!(connector = connector_id, tool = upstream, hash = %hash, "unpinned upstream tool");
            }
            PinCheck::Matches => {}
        }
        let decision = rules.decide(upstream);
        if decision.raised {
            tracing::info!(
                connector = connector_id,
                tool = upstream,
                permission = %decision.permission,
                "upstream tool is not listed as read-only: treated as a write"
            );
        }
        let annotations = tool.get("annotations");
        let hint = |key: &str| {
            annotations
                .and_then(|a| a.get(key))
                .and_then(Value::as_bool)
        };
        let title = tool
            .get("title")
            .and_then(Value::as_str)
            .or_else(|| {
                annotations
                    .and_then(|a| a.get("title"))
                    .and_then(Value::as_str)
            })
            .unwrap_or(upstream)
            .to_owned();
        let output_schema = match tool.get("outputSchema") {
            Some(Value::Object(schema)) => Some(Arc::new(schema.clone())),
            _ => None,
        };
        let effect = decision.effect;
        let schema = Arc::new(input_schema);
        specs.push(ToolSpec {
            name: name.clone(),
            title,
            description,
            input_schema: schema.clone(),
            output_schema,
            permission: decision.permission,
            effect,
            cache: CachePolicy::default_for(effect),
            idempotent: effect == Effect::Read || hint("idempotentHint").unwrap_or(false),
            open_world: hint("openWorldHint").unwrap_or(true),
        });
        entries.insert(
            name,
            Entry {
                upstream: upstream.to_owned(),
                input_schema: schema,
            },
        );
    }
    let signature = signature(&specs);
    Discovered {
        specs: specs.into(),
        entries,
        signature,
        changed,
    }
}

/// A digest of everything a client or the policy engine sees of the list.
fn signature(specs: &[ToolSpec]) -> String {
    let all: Vec<Value> = specs
        .iter()
        .map(|s| {
            json!({
                "name": s.name, "title": s.title, "permission": s.permission,
                "effect": s.effect.as_str(), "idempotent": s.idempotent, "openWorld": s.open_world,
                "output": s.output_schema.as_deref().cloned().map(Value::Object),
            })
        })
        .collect();
    let mut parts = String::new();
    for (spec, value) in specs.iter().zip(all) {
        parts.push_str(&pinning::tool_hash(
            &spec.description,
            &Value::Object((*spec.input_schema).clone()),
        ));
        parts.push_str(&pinning::tool_hash("", &value));
    }
    pinning::tool_hash(&parts, &Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            local_name("conf_", "test_simple_text").as_deref(),
            Some("conf_test_simple_text")
        );
        assert_eq!(
            local_name("conf_", "Get-User").as_deref(),
            Some("conf_get_user")
        );
        assert_eq!(
            local_name("", "test_simple_text").as_deref(),
            Some("test_simple_text")
        );
        assert_eq!(local_name("", "echo"), None);
        assert_eq!(local_name("", "_x"), None);
        assert_eq!(local_name("conf_", &"x".repeat(70)), None);
    }

    #[test]
    fn pins_hide_changed_tools_and_rules_apply() {
        let rules = Rules::new("c:tools:read", &BTreeMap::new(), &["get_*".into()]);
        let tools = vec![
            json!({"name": "get_a", "description": "reads a", "inputSchema": {"type": "object"}}),
            json!({"name": "set_a", "description": "writes a", "inputSchema": {"type": "object"}}),
        ];
        let mut pins = BTreeMap::new();
        pins.insert("set_a".to_owned(), "0".repeat(64));
        pins.insert(
            "get_a".to_owned(),
            pinning::tool_hash("reads a", &json!({"type": "object"})),
        );
        let d = discover("c", "c_", &rules, &pins, &tools);
        assert_eq!(d.specs.len(), 1);
        assert_eq!(d.specs[0].name, "c_get_a");
        assert_eq!(d.specs[0].effect, Effect::Read);
        assert_eq!(d.changed, vec!["set_a".to_owned()]);
        let again = discover("c", "c_", &rules, &pins, &tools);
        assert_eq!(d.signature, again.signature);
    }
}
