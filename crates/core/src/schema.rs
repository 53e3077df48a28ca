//! JSON Schema helpers: tools describe their arguments and outputs with
//! schemars; MCP wants plain JSON objects.

use schemars::JsonSchema;
use serde_json::{Map, Value};

/// A JSON object (the shape of every MCP schema).
pub type JsonObject = Map<String, Value>;

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
