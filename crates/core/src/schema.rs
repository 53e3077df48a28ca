//! JSON Schema helpers: tools describe their arguments and outputs with
//! schemars; MCP wants plain JSON objects.

use schemars::JsonSchema;
use serde_json::{Map, Value};

/// A JSON object (the shape of every MCP schema).
pub type JsonObject = Map<String, Value>;

/// The input schema of a tool: `T`'s schema, compacted (see [`compact`]).
pub fn input_schema<T: JsonSchema>() -> JsonObject {
    compact(schema_object::<T>(), false)
}

/// The output schema of a tool: the top level only (each property's JSON
/// type and whether it is required), no descriptions. Every `tools/list`
/// pays for these bytes and the model reads the data, not documentation of
/// it; a shallow schema still lets clients check `structuredContent`'s
/// shape, and the full shape is in the connector's Rust types and docs.
pub fn output_schema<T: JsonSchema>() -> JsonObject {
    shallow(&compact(schema_object::<T>(), true))
}

/// Keeps the root's `type`, `required` and each property's `type`
/// (`$ref`s and unions become the types they allow).
pub fn shallow(schema: &JsonObject) -> JsonObject {
    let mut out = JsonObject::new();
    out.insert("type".into(), Value::from("object"));
    if let Some(required) = schema.get("required") {
        out.insert("required".into(), required.clone());
    }
    let mut props = JsonObject::new();
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (name, prop) in properties {
            let mut p = JsonObject::new();
            if let Some(t) = json_type(prop, schema) {
                p.insert("type".into(), t);
            }
            props.insert(name.clone(), Value::Object(p));
        }
    }
    out.insert("properties".into(), Value::Object(props));
    out
}

/// The JSON type(s) a property schema allows, following `$ref`s into the
/// root's `$defs`.
fn json_type(prop: &Value, root: &JsonObject) -> Option<Value> {
    if let Some(t) = prop.get("type") {
        return Some(t.clone());
    }
    if let Some(r) = prop.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next()?;
        return json_type(root.get("$defs")?.get(name)?, root);
    }
    let alternatives = prop.get("anyOf").or(prop.get("oneOf"))?.as_array()?;
    let mut types: Vec<Value> = Vec::new();
    for alt in alternatives {
        match json_type(alt, root)? {
            Value::Array(many) => types.extend(many),
            one => types.push(one),
        }
    }
    types.dedup();
    Some(if types.len() == 1 {
        types.remove(0)
    } else {
        Value::Array(types)
    })
}

/// Removes what costs tokens and tells a client nothing: `$schema`, struct
/// `title`s, numeric `format`s, `minimum: 0` of unsigned integers, and the
/// `null` alternative of optional properties (absent already means none).
/// `drop_descriptions` also removes every `description`.
pub fn compact(mut schema: JsonObject, drop_descriptions: bool) -> JsonObject {
    schema.remove("$schema");
    let mut value = Value::Object(schema);
    tidy(&mut value, drop_descriptions);
    match value {
        Value::Object(map) => map,
        _ => unreachable!("an object stays an object"),
    }
}

fn tidy(value: &mut Value, drop_descriptions: bool) {
    match value {
        Value::Object(map) => {
            map.remove("title");
            map.remove("format");
            if drop_descriptions {
                map.remove("description");
            }
            if map.get("minimum") == Some(&Value::from(0)) {
                map.remove("minimum");
            }
            let required: Vec<String> = map
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if !required.contains(name) {
                        drop_null(prop);
                    }
                }
            }
            for (key, child) in map.iter_mut() {
                // Property names are data, not keywords: never tidy them away.
                if key == "properties" || key == "$defs" {
                    if let Value::Object(children) = child {
                        for c in children.values_mut() {
                            tidy(c, drop_descriptions);
                        }
                    }
                } else {
                    tidy(child, drop_descriptions);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| tidy(v, drop_descriptions)),
        _ => {}
    }
}

/// `{"type": ["string", "null"]}` → `{"type": "string"}`;
/// `{"anyOf": [X, {"type": "null"}]}` → X.
fn drop_null(prop: &mut Value) {
    let Value::Object(map) = prop else { return };
    if let Some(Value::Array(types)) = map.get("type") {
        let rest: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        if rest.len() == 1 {
            map.insert("type".into(), rest[0].clone());
        }
    }
    if let Some(Value::Array(any)) = map.get("anyOf") {
        let rest: Vec<Value> = any
            .iter()
            .filter(|v| v.get("type") != Some(&Value::from("null")))
            .cloned()
            .collect();
        if rest.len() == 1 {
            let only = rest[0].clone();
            map.remove("anyOf");
            if let Value::Object(inner) = only {
                for (k, v) in inner {
                    map.entry(k).or_insert(v);
                }
            }
        }
    }
}

/// The JSON Schema of `T` as a plain object, with the `$schema` marker
/// removed (MCP clients do not need it and it costs tokens in tools/list).
pub fn schema_object<T: JsonSchema>() -> JsonObject {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    match schema.to_value() {
        Value::Object(mut map) => {
            map.remove("$schema");
            map
        }
        // A `true`/`false` schema: normalise to an object schema so that the
        // conformance check reports it instead of the client choking on it.
        other => {
            let mut map = Map::new();
            map.insert("not-an-object-schema".into(), other);
            map
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compaction_keeps_meaning_and_drops_noise() {
        let schema = json!({
            "$schema": "x", "title": "Args", "type": "object", "additionalProperties": false,
            "required": ["id"],
            "properties": {
                "id": {"type": "string", "description": "The id."},
                "title": {"type": ["string", "null"], "description": "A property named title stays."},
                "limit": {"type": ["integer", "null"], "format": "uint32", "minimum": 0},
                "min": {"type": "integer", "minimum": 1},
                "owner": {"anyOf": [{"$ref": "#/$defs/Owner"}, {"type": "null"}]}
            },
            "$defs": {"Owner": {"title": "Owner", "type": "object", "description": "d"}}
        });
        let out = Value::Object(compact(schema.as_object().unwrap().clone(), false));
        assert_eq!(
            out["properties"]["title"],
            json!({"type": "string", "description": "A property named title stays."})
        );
        assert_eq!(out["properties"]["limit"], json!({"type": "integer"}));
        assert_eq!(out["properties"]["min"]["minimum"], 1);
        assert_eq!(out["properties"]["owner"], json!({"$ref": "#/$defs/Owner"}));
        assert_eq!(out["additionalProperties"], false);
        assert!(out.get("title").is_none() && out.get("$schema").is_none());
        assert!(out["$defs"]["Owner"].get("title").is_none());
        let out = Value::Object(compact(schema.as_object().unwrap().clone(), true));
        assert!(out["properties"]["id"].get("description").is_none());
        let flat = Value::Object(shallow(&compact(schema.as_object().unwrap().clone(), true)));
        assert_eq!(flat["properties"]["owner"], json!({"type": "object"}));
        assert_eq!(flat["properties"]["limit"], json!({"type": "integer"}));
        assert_eq!(flat["required"], json!(["id"]));
    }
}
