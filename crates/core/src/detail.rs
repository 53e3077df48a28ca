//! Output budgets for list and search tools: every such tool takes a
//! `detail` argument, `full` (default) or `brief`. Brief keeps, for each
//! item of the result's lists, only the fields that identify it and say
//! what state it is in, so a model can scan many items cheaply and then
//! ask for one in full. Paging fields (`next_cursor`, `total`) are kept, so
//! nothing is ever cut silently.
//!
//! The builder adds the argument to the schema and strips it before the
//! tool's own argument parsing, so connector authors get it for free.

use serde_json::{json, Map, Value};

use crate::schema::JsonObject;

/// Fields a brief item keeps.
const BRIEF_FIELDS: &[&str] = &[
    "id",
    "key",
    "number",
    "name",
    "title",
    "subject",
    "email",
    "stage",
    "state",
    "status",
    "open",
    "date",
    "created",
    "close_date",
    "started",
    "updated",
    "amount",
    "total",
    "balance",
    "repo",
    "channel",
    "ts",
    "author",
    "kind",
];

/// Whether a tool is a list or search tool: its name says so and its output
/// has a top-level list.
pub fn is_listing(name: &str, output_schema: &JsonObject) -> bool {
    let named = name.contains("_search") || name.contains("_list_") || name.contains("_query_");
    let has_list = output_schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| {
            p.values()
                .any(|v| v.get("type") == Some(&Value::from("array")))
        });
    named && has_list
}

/// Adds the `detail` argument to an input schema: `{"enum": ["brief",
/// "full"]}` and nothing more. It recurs on every list tool, and the two
/// words say what they do; absent means full, as an optional argument's
/// absence should.
pub fn add_argument(schema: &mut JsonObject) {
    if let Some(Value::Object(props)) = schema.get_mut("properties") {
        props.insert("detail".into(), json!({"enum": ["brief", "full"]}));
    }
}

/// Removes `detail` from the arguments; `Ok(true)` when brief was asked.
pub fn take(args: &mut Value) -> Result<bool, String> {
    let Some(map) = args.as_object_mut() else {
        return Ok(false);
    };
    match map.remove("detail") {
        None | Some(Value::Null) => Ok(false),
        Some(Value::String(s)) if s == "full" => Ok(false),
        Some(Value::String(s)) if s == "brief" => Ok(true),
        Some(other) => Err(format!(
            "invalid argument `detail`: expected \"brief\" or \"full\", got {other}"
        )),
    }
}

/// The brief form of a result: list items cut to their identifying fields.
pub fn brief(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| match v {
                    Value::Array(items) => {
                        (k, Value::Array(items.into_iter().map(brief_item).collect()))
                    }
                    other => (k, other),
                })
                .collect(),
        ),
        other => other,
    }
}

fn brief_item(item: Value) -> Value {
    match item {
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .into_iter()
                .filter(|(k, _)| BRIEF_FIELDS.contains(&k.as_str()))
                .collect();
            Value::Object(kept)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_keeps_identity_and_paging() {
        let full = json!({"deals": [{"id": "1", "name": "A", "stage": "Won", "owner": {"name": "x"}, "pipeline": "P"}], "next_cursor": "5", "total": 9});
        assert_eq!(
            brief(full),
            json!({"deals": [{"id": "1", "name": "A", "stage": "Won"}], "next_cursor": "5", "total": 9})
        );
        let mut args = json!({"detail": "brief", "limit": 3});
        assert_eq!(take(&mut args), Ok(true));
        assert_eq!(args, json!({"limit": 3}));
        assert!(take(&mut json!({"detail": "everything"})).is_err());
    }
}
