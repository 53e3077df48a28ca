//! JSON Schema helpers: tools describe their arguments and outputs with
//! schemars; MCP wants plain JSON objects.
//!
//! The tool-list diet (ARCHITECTURE.md): every `tools/list` carries every
//! visible tool's schemas, so each keyword here must tell the model or the
//! client something it could not know otherwise. The rules, each where it
//! is applied: [`compact`] (noise), [`input_schema`] (the shared paging
//! arguments), [`shallow`] (output schemas).

use std::collections::HashMap;

use schemars::JsonSchema;
use serde_json::{Map, Value};

/// A JSON object (the shape of every MCP schema).
pub type JsonObject = Map<String, Value>;

/// The input schema of a tool: `T`'s schema, compacted (see [`compact`]),
/// with the shared paging arguments reduced to one form (see [`paging`]).
pub fn input_schema<T: JsonSchema>() -> JsonObject {
    let mut schema = compact(schema_object::<T>(), false);
    paging(&mut schema);
    schema
}

/// `limit` and `cursor` recur on every list tool, so they carry no text:
/// `limit` is `{"type": "integer", "maximum": N}` (the tool's own cap: a
/// bigger value is refused; the default and the minimum of 1 go without
/// saying) and `cursor` is `{"type": "string"}` (the output's
/// `next_cursor`, which the shared name says). A tool that means something
/// else by these names must use another name.
pub fn paging(schema: &mut JsonObject) {
    let Some(Value::Object(props)) = schema.get_mut("properties") else {
        return;
    };
    if let Some(Value::Object(limit)) = props.get_mut("limit") {
        limit.retain(|k, _| k == "type" || k == "maximum");
    }
    if let Some(Value::Object(cursor)) = props.get_mut("cursor") {
        cursor.retain(|k, _| k == "type");
    }
}

/// The output schema of a tool: the top level only (each property's JSON
/// type), no descriptions. Every `tools/list` pays for these bytes and the
/// model reads the data, not documentation of it; a shallow schema still
/// names what the tool returns and lets clients check `structuredContent`'s
/// shape, and the full shape is in the connector's Rust types and docs.
pub fn output_schema<T: JsonSchema>() -> JsonObject {
    shallow(&compact(schema_object::<T>(), true))
}

/// Keeps the root's `type` and each property's `type` (`$ref`s and unions
/// become the types they allow). `required` is dropped: it repeats the
/// property names to tell a validator which are always present, which the
/// model learns from the data itself.
pub fn shallow(schema: &JsonObject) -> JsonObject {
    let mut out = JsonObject::new();
    out.insert("type".into(), Value::from("object"));
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
/// `title`s, numeric `format`s (`uint32`: the type and range say it; string
/// formats such as `date` stay, they are the shortest way to say
/// YYYY-MM-DD), `minimum: 0` of unsigned integers, `type: string` next to
/// an `enum` of strings (the values say it), and the `null` alternative of
/// optional properties (absent already means none). Definitions used once
/// are inlined: a `$ref` costs more than the text it points to.
/// `drop_descriptions` also removes every `description`.
pub fn compact(mut schema: JsonObject, drop_descriptions: bool) -> JsonObject {
    schema.remove("$schema");
    inline_single_use_defs(&mut schema);
    let mut value = Value::Object(schema);
    tidy(&mut value, drop_descriptions);
    match value {
        Value::Object(map) => map,
        _ => unreachable!("an object stays an object"),
    }
}

/// String formats JSON Schema defines; any other `format` (schemars'
/// `uint32`, `double`, ...) only restates the type.
const STRING_FORMATS: &[&str] = &[
    "date",
    "date-time",
    "time",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "uuid",
];

fn tidy(value: &mut Value, drop_descriptions: bool) {
    match value {
        Value::Object(map) => {
            map.remove("title");
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_none_or(|f| !STRING_FORMATS.contains(&f))
            {
                map.remove("format");
            }
            if drop_descriptions {
                map.remove("description");
            }
            if map.get("minimum") == Some(&Value::from(0)) {
                map.remove("minimum");
            }
            let string_enum = map
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|values| values.iter().all(Value::is_string));
            if string_enum && map.get("type") == Some(&Value::from("string")) {
                map.remove("type");
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
            // After the children: their numeric formats are gone by now.
            merge_type_alternatives(map);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| tidy(v, drop_descriptions)),
        _ => {}
    }
}

/// Replaces each `$ref` to a definition that is referenced exactly once
/// (and refers to nothing itself) by the definition, merged under the
/// referring schema's own keywords (its `description` wins), and drops the
/// definitions so used. Repeated until nothing changes, so nested
/// single-use definitions are inlined too.
fn inline_single_use_defs(schema: &mut JsonObject) {
    loop {
        let Some(Value::Object(defs)) = schema.get("$defs") else {
            return;
        };
        let mut counts = HashMap::new();
        schema.values().for_each(|v| count_refs(v, &mut counts));
        let inlinable: Vec<(String, Value)> = defs
            .iter()
            .filter(|(name, def)| {
                counts.get(name.as_str()) == Some(&1) && {
                    let mut inner = HashMap::new();
                    count_refs(def, &mut inner);
                    inner.is_empty()
                }
            })
            .map(|(n, d)| (n.clone(), d.clone()))
            .collect();
        if inlinable.is_empty() {
            return;
        }
        if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
            for (name, _) in &inlinable {
                defs.remove(name);
            }
            if defs.is_empty() {
                schema.remove("$defs");
            }
        }
        for (key, child) in schema.iter_mut() {
            if key != "$defs" {
                replace_refs(child, &inlinable);
            }
        }
        if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
            for def in defs.values_mut() {
                replace_refs(def, &inlinable);
            }
        }
    }
}

fn def_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/$defs/")
}

fn count_refs(value: &Value, counts: &mut HashMap<String, usize>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(r)) => {
                        if let Some(name) = def_name(r) {
                            *counts.entry(name.to_owned()).or_default() += 1;
                        }
                    }
                    _ => count_refs(child, counts),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| count_refs(v, counts)),
        _ => {}
    }
}

fn replace_refs(value: &mut Value, inlinable: &[(String, Value)]) {
    match value {
        Value::Object(map) => {
            let target = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(def_name)
                .and_then(|name| inlinable.iter().find(|(n, _)| n == name))
                .map(|(_, def)| def.clone());
            if let Some(Value::Object(def)) = target {
                map.remove("$ref");
                for (k, v) in def {
                    map.entry(k).or_insert(v);
                }
            }
            map.values_mut().for_each(|v| replace_refs(v, inlinable));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_refs(v, inlinable)),
        _ => {}
    }
}

/// `{"anyOf": [{"type": "boolean"}, {"type": "number"}]}` →
/// `{"type": ["boolean", "number"]}`: alternatives that differ only in
/// their type are one `type` list (what untagged scalar enums produce).
fn merge_type_alternatives(map: &mut JsonObject) {
    let Some(Value::Array(alternatives)) = map.get("anyOf") else {
        return;
    };
    let types: Option<Vec<Value>> = alternatives
        .iter()
        .map(|alt| match alt {
            Value::Object(o) if o.len() == 1 => o.get("type").filter(|t| t.is_string()).cloned(),
            _ => None,
        })
        .collect();
    if let Some(types) = types.filter(|t| t.len() > 1) {
        map.remove("anyOf");
        map.insert("type".into(), Value::Array(types));
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
        // Used once: inlined, its title gone.
        assert_eq!(
            out["properties"]["owner"],
            json!({"type": "object", "description": "d"})
        );
        assert!(out.get("$defs").is_none());
        assert_eq!(out["additionalProperties"], false);
        assert!(out.get("title").is_none() && out.get("$schema").is_none());
        let out = Value::Object(compact(schema.as_object().unwrap().clone(), true));
        assert!(out["properties"]["id"].get("description").is_none());
        let flat = Value::Object(shallow(&compact(schema.as_object().unwrap().clone(), true)));
        assert_eq!(flat["properties"]["owner"], json!({"type": "object"}));
        assert_eq!(flat["properties"]["limit"], json!({"type": "integer"}));
        assert!(flat.get("required").is_none());
    }

    #[test]
    fn string_formats_and_enums_stay_meaningful() {
        let schema = json!({
            "type": "object",
            "properties": {
                "from": {"type": "string", "format": "date"},
                "n": {"type": "integer", "format": "int64"},
                "basis": {"description": "Accrual or cash.", "$ref": "#/$defs/Basis"},
                "mixed": {"enum": ["a", 1]},
            },
            "$defs": {"Basis": {"title": "Basis", "type": "string", "enum": ["Accrual", "Cash"], "description": "d"}}
        });
        let out = Value::Object(compact(schema.as_object().unwrap().clone(), false));
        assert_eq!(out["properties"]["from"]["format"], "date");
        assert!(out["properties"]["n"].get("format").is_none());
        assert_eq!(
            out["properties"]["basis"],
            json!({"description": "Accrual or cash.", "enum": ["Accrual", "Cash"]})
        );
        assert_eq!(out["properties"]["mixed"], json!({"enum": ["a", 1]}));
        let scalar = json!({"type": "object", "properties": {
            "equals": {"anyOf": [{"type": "boolean"}, {"type": "number"}, {"type": "string"}]}
        }});
        let out = Value::Object(compact(scalar.as_object().unwrap().clone(), false));
        assert_eq!(
            out["properties"]["equals"],
            json!({"type": ["boolean", "number", "string"]})
        );
    }

    #[test]
    fn definitions_used_twice_or_recursively_stay() {
        let schema = json!({
            "type": "object",
            "properties": {
                "a": {"$ref": "#/$defs/Pair"},
                "b": {"$ref": "#/$defs/Pair"},
                "tree": {"$ref": "#/$defs/Node"},
            },
            "$defs": {
                "Pair": {"type": "array"},
                "Node": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}
            }
        });
        let out = Value::Object(compact(schema.as_object().unwrap().clone(), false));
        assert_eq!(out["properties"]["a"], json!({"$ref": "#/$defs/Pair"}));
        assert_eq!(out["properties"]["tree"], json!({"$ref": "#/$defs/Node"}));
        assert!(out["$defs"].get("Pair").is_some() && out["$defs"].get("Node").is_some());
    }

    #[test]
    fn paging_arguments_have_one_form() {
        let mut schema = json!({
            "type": "object",
            "properties": {
                "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Max deals (1-200, default 20)."},
                "cursor": {"type": "string", "description": "`next_cursor` of a previous call."},
                "query": {"type": "string", "description": "Words."}
            }
        })
        .as_object()
        .unwrap()
        .clone();
        paging(&mut schema);
        assert_eq!(
            Value::Object(schema),
            json!({"type": "object", "properties": {
                "limit": {"type": "integer", "maximum": 200},
                "cursor": {"type": "string"},
                "query": {"type": "string", "description": "Words."}
            }})
        );
    }
}
