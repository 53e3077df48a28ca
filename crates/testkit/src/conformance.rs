//! The connector conformance check. Every connector's test suite calls
//! [`check_connector`]; it enforces the written contract (ARCHITECTURE.md,
//! "Connector contract") so that no connector can quietly break it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use switchboard_core::{
    validate_permission, validate_tool_name_in, CallContext, Connector, ErrorKind, ToolSpec,
};

/// Checks names, permissions, schemas, and that bad arguments and unknown
/// tools give their own errors without panicking or reaching the upstream.
/// Panics with every problem found.
pub async fn check_connector(connector: Arc<dyn Connector>) {
    let mut problems = Vec::new();
    let id = connector.id().to_owned();
    let tools = connector.tools();
    if tools.is_empty() {
        problems.push(format!("connector `{id}` has no tools"));
    }
    let mut seen = std::collections::HashSet::new();
    for spec in tools.iter() {
        if !seen.insert(spec.name.clone()) {
            problems.push(format!("tool `{}` is listed twice", spec.name));
        }
        check_spec(&id, &connector.tool_prefixes(), spec, &mut problems);
    }

    for spec in tools.iter() {
        for (label, args) in [
            (
                "an unknown argument",
                json!({"__switchboard_unknown_argument__": 1}),
            ),
            ("a non-object argument", json!("not an object")),
            ("an array argument", json!([1, 2])),
        ] {
            match call(&connector, &spec.name, args).await {
                Ok(Err(e)) if e.kind == ErrorKind::InvalidArgs => {}
                Ok(Err(e)) => problems.push(format!(
                    "{}: {label} gave {:?} ({}), expected InvalidArgs",
                    spec.name, e.kind, e.message
                )),
                Ok(Ok(_)) => problems.push(format!("{}: {label} was accepted", spec.name)),
                Err(panic) => problems.push(format!("{}: {label} panicked: {panic}", spec.name)),
            }
        }
    }

    match call(&connector, "__switchboard_no_such_tool__", json!({})).await {
        Ok(Err(e)) if e.kind == ErrorKind::UnknownTool => {}
        Ok(Err(e)) => problems.push(format!(
            "unknown tool gave {:?}, expected UnknownTool",
            e.kind
        )),
        Ok(Ok(_)) => problems.push("an unknown tool succeeded".into()),
        Err(panic) => problems.push(format!("an unknown tool panicked: {panic}")),
    }

    assert!(
        problems.is_empty(),
        "connector `{id}` breaks the contract:\n  - {}",
        problems.join("\n  - ")
    );
}

fn check_spec(id: &str, prefixes: &[String], spec: &ToolSpec, problems: &mut Vec<String>) {
    if let Err(e) = validate_tool_name_in(prefixes, &spec.name) {
        problems.push(e.0);
    }
    if let Err(e) = validate_permission(id, &spec.permission) {
        problems.push(format!("{}: {}", spec.name, e.0));
    }
    if spec.description.trim().len() < 20 {
        problems.push(format!(
            "{}: the description is too short to choose the tool by",
            spec.name
        ));
    }
    if spec.title.trim().is_empty() {
        problems.push(format!("{}: no title", spec.name));
    }
    let input = &spec.input_schema;
    if input.get("type") != Some(&Value::String("object".into())) {
        problems.push(format!(
            "{}: the input schema's root is not an object",
            spec.name
        ));
    }
    if input.get("additionalProperties") != Some(&Value::Bool(false)) {
        problems.push(format!(
            "{}: the input schema accepts unknown fields (add #[serde(deny_unknown_fields)])",
            spec.name
        ));
    }
    match &spec.output_schema {
        Some(out) if out.get("type") == Some(&Value::String("object".into())) => {}
        _ => problems.push(format!(
            "{}: the output schema's root is not an object",
            spec.name
        )),
    }
    if spec.effect.is_read_only() != (spec.permission.ends_with(":read")) {
        problems.push(format!(
            "{}: effect {:?} does not match permission `{}`",
            spec.name, spec.effect, spec.permission
        ));
    }
}

/// Runs one call on its own task so that a panic is caught and reported.
async fn call(
    connector: &Arc<dyn Connector>,
    tool: &str,
    args: Value,
) -> Result<Result<switchboard_core::ToolOutput, switchboard_core::ConnectorError>, String> {
    let connector = connector.clone();
    let tool = tool.to_owned();
    let ctx = CallContext::for_principal(
        crate::principal("conformance@demo", &[]),
        Instant::now() + Duration::from_secs(2),
    );
    tokio::spawn(async move { connector.call(&ctx, &tool, args).await })
        .await
        .map_err(|e| e.to_string())
}
