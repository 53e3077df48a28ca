//! The Cedar schema, generated from the catalog so that policies are checked
//! against the tools that really exist in this build.

use std::collections::BTreeMap;

use serde_json::Value;
use switchboard_core::ToolSpec;

/// Cedar type of a tool argument that policies may inspect through
/// `context.args`. Arguments of other shapes are not visible to policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArgType {
    Long,
    String,
    Bool,
    SetOfString,
}

impl ArgType {
    fn cedar(&self) -> &'static str {
        match self {
            ArgType::Long => "Long",
            ArgType::String => "String",
            ArgType::Bool => "Bool",
            ArgType::SetOfString => "Set<String>",
        }
    }

    fn of(schema: &Value) -> Option<ArgType> {
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts
                .iter()
                .filter_map(|t| t.as_str())
                .filter(|t| *t != "null")
                .collect(),
            _ => return None,
        };
        match types.as_slice() {
            ["integer"] => Some(ArgType::Long),
            ["string"] => Some(ArgType::String),
            ["boolean"] => Some(ArgType::Bool),
            ["array"] if schema["items"]["type"] == "string" => Some(ArgType::SetOfString),
            _ => None,
        }
    }
}

/// Every argument name used by any tool with one consistent simple type.
/// A name used with two different types is left out (a policy using it
/// fails validation instead of silently comparing the wrong thing).
pub(crate) fn argument_union(tools: &[ToolSpec]) -> BTreeMap<String, ArgType> {
    let mut union: BTreeMap<String, Option<ArgType>> = BTreeMap::new();
    for tool in tools {
        let Some(Value::Object(props)) = tool.input_schema.get("properties") else {
            continue;
        };
        for (name, prop) in props {
            let ty = ArgType::of(prop);
            union
                .entry(name.clone())
                .and_modify(|seen| {
                    if *seen != ty {
                        *seen = None;
                    }
                })
                .or_insert(ty);
        }
    }
    union
        .into_iter()
        .filter_map(|(k, v)| v.map(|t| (k, t)))
        .collect()
}

/// The schema in Cedar's own syntax (`switchboard policy schema` prints it).
pub fn cedar_schema(tools: &[ToolSpec]) -> String {
    let args: Vec<String> = argument_union(tools)
        .iter()
        .map(|(name, ty)| format!("    \"{name}\"?: {},", ty.cedar()))
        .collect();
    format!(
        r#"// Generated from the compiled catalog ({n} tools). Do not edit: run `switchboard policy schema`.
entity Group;
entity Connector;
entity User in [Group] {{
    "email": String,
    "org": String,
}};
entity Tool in [Connector] {{
    "connector": String,
    "permission": String,
    "effect": String,
}};
type Args = {{
{args}
}};
// See the tool in tools/list and call it.
action "use" appliesTo {{
    principal: [User],
    resource: [Tool],
    context: {{}}
}};
// Checked at call time with the call's arguments.
action "invoke" appliesTo {{
    principal: [User],
    resource: [Tool],
    context: {{ "args": Args }}
}};
"#,
        n = tools.len(),
        args = args.join("\n"),
    )
}
