//! What comes back from the upstream, as the gateway's output, and what
//! can be refused before asking it.

use serde_json::{Map, Value};
use switchboard_core::{ConnectorError, ErrorKind, InputRequired, ToolOutput};

use crate::client::{self, jsonrpc};
use crate::discovery::Entry;

/// An upstream `input_required` result as the caller's next round.
pub(crate) fn input_round(service: &str, mut result: Value) -> Result<ToolOutput, ConnectorError> {
    let requests = match result.get_mut("inputRequests").map(Value::take) {
        Some(Value::Object(requests)) if !requests.is_empty() => requests,
        _ => {
            return Err(client::garbage(
                service,
                "an input_required result without inputRequests",
            ))
        }
    };
    let upstream_state = match result.get("requestState") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(client::garbage(
                service,
                "a requestState that is not a string",
            ))
        }
    };
    Ok(ToolOutput::needs_input(InputRequired {
        requests,
        upstream_state,
    }))
}

/// The upstream's result as the gateway's output: content blocks verbatim,
/// `structuredContent` as the structured value, text blocks joined.
/// `isError` is the tool's own error: safe to show, kind `Upstream`.
pub fn to_output(service: &str, result: Value) -> Result<ToolOutput, ConnectorError> {
    let Value::Object(mut result) = result else {
        return Err(client::garbage(
            service,
            "a tools/call result that is not an object",
        ));
    };
    // `input_required` was handled by the rounds; anything but a complete
    // result (a SEP-2663 task) is not something the gateway can return.
    if let Some(kind) = result.get("resultType").and_then(Value::as_str) {
        if kind != "complete" {
            return Err(ConnectorError::new(
                ErrorKind::Upstream,
                format!(
                    "{service} answered with a `{kind}` result, which the gateway does not support"
                ),
            ));
        }
    }
    let content = match result.remove("content") {
        Some(Value::Array(blocks)) => blocks,
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err(client::garbage(service, "tools/call content is not a list")),
    };
    let text: Vec<&str> = content
        .iter()
        .filter(|b| b.get("type").and_then(Value::as_str) == Some("text"))
        .filter_map(|b| b.get("text").and_then(Value::as_str))
        .collect();
    let text = text.join("\n");
    if result.get("isError").and_then(Value::as_bool) == Some(true) {
        let message = if text.trim().is_empty() {
            format!("the tool on {service} failed without a message")
        } else {
            jsonrpc::truncate(&text, 4000)
        };
        return Err(ConnectorError::new(ErrorKind::Upstream, message));
    }
    Ok(ToolOutput {
        structured: result.remove("structuredContent").unwrap_or(Value::Null),
        text: (!text.is_empty()).then_some(text),
        content: Some(content),
        input_required: None,
    })
}

/// What can be refused without asking the upstream: a non-object, missing
/// required arguments, unknown ones when the schema closes the object,
/// and top-level values of the wrong JSON type. The upstream checks the
/// rest.
pub(crate) fn check_arguments(entry: &Entry, args: &Value) -> Result<(), ConnectorError> {
    let empty = Map::new();
    let given = match args {
        Value::Null => &empty,
        Value::Object(map) => map,
        _ => {
            return Err(ConnectorError::invalid_args(
                "arguments must be a JSON object",
            ))
        }
    };
    let schema = &entry.input_schema;
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        for name in required.iter().filter_map(Value::as_str) {
            if !given.contains_key(name) {
                return Err(ConnectorError::invalid_args(format!(
                    "missing required argument `{name}`"
                )));
            }
        }
    }
    let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
    for (name, value) in given {
        let Some(property) = properties.and_then(|p| p.get(name)) else {
            if closed {
                return Err(ConnectorError::invalid_args(format!(
                    "unknown argument `{name}`"
                )));
            }
            continue;
        };
        let allowed: Vec<&str> = match property.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => continue,
        };
        if !allowed.iter().any(|t| type_matches(t, value)) {
            return Err(ConnectorError::invalid_args(format!(
                "argument `{name}` must be of type {}",
                allowed.join(" or ")
            )));
        }
    }
    Ok(())
}

fn type_matches(expected: &str, value: &Value) -> bool {
    match expected {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use serde_json::json;

    #[test]
    fn outputs_keep_content_and_errors_carry_the_tools_text() {
        let out = to_output(
            "s",
            json!({"content": [{"type": "text", "text": "a"}, {"type": "image", "data": "AA==", "mimeType": "image/png"}, {"type": "text", "text": "b"}],
                   "structuredContent": {"x": 1}}),
        )
        .unwrap();
        assert_eq!(out.text.as_deref(), Some("a\nb"));
        assert_eq!(out.content.as_ref().unwrap().len(), 3);
        assert_eq!(out.structured, json!({"x": 1}));
        let err = to_output(
            "s",
            json!({"content": [{"type": "text", "text": "boom"}], "isError": true}),
        )
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::Upstream);
        assert_eq!(err.message, "boom");
        assert!(to_output("s", json!([1])).is_err());
        let task =
            to_output("s", json!({"resultType": "task", "task": {"taskId": "t"}})).unwrap_err();
        assert!(task.message.contains("`task`"), "{}", task.message);
        assert!(to_output("s", json!({"resultType": "complete", "content": []})).is_ok());
    }

    #[test]
    fn argument_checks() {
        let entry = Entry {
            upstream: "t".into(),
            input_schema: Arc::new(
                serde_json::from_value(
                    json!({"type": "object", "required": ["a"], "additionalProperties": false,
                    "properties": {"a": {"type": "string"}, "n": {"type": ["integer", "null"]}}}),
                )
                .unwrap(),
            ),
        };
        assert!(check_arguments(&entry, &json!({"a": "x"})).is_ok());
        assert!(check_arguments(&entry, &json!({"a": "x", "n": 2})).is_ok());
        for bad in [
            json!({}),
            json!({"a": 1}),
            json!({"a": "x", "z": 1}),
            json!({"a": "x", "n": 1.5}),
            json!("s"),
            json!([1]),
        ] {
            assert_eq!(
                check_arguments(&entry, &bad).unwrap_err().kind,
                ErrorKind::InvalidArgs,
                "{bad}"
            );
        }
    }
}
