//! The fixture's MCP server: rmcp's `ServerHandler` with the conformance
//! suite's server fixtures (tools, resources, prompts, completion,
//! logging) plus a few `fixture_*` tools the federation tests drive.
//!
//! Results are written as JSON and parsed into rmcp's types, so what the
//! wire carries is exactly what is written here.

use std::sync::Arc;
use std::time::Duration;

#[allow(deprecated)]
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CompleteRequestParams, CompleteResult,
    GetPromptRequestParams, GetPromptResponse, InputRequests, InputRequiredResult,
    ListPromptsResult, ListResourceTemplatesResult, ListResourcesResult, ListToolsResult,
    PaginatedRequestParams, ProtocolVersion, ReadResourceRequestParams, ReadResourceResponse,
    ServerConfig, ServerNotification, ServerRequest, SetLevelRequestParams, SubscribeRequestParams,
    SubscriptionFilter, UnsubscribeRequestParams,
};
use rmcp::service::{NotificationContext, RequestContext, SubscriptionContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::{Shared, TEST_AUDIO_BASE64, TEST_IMAGE_BASE64};

/// One handler per session (or stateless request); all share `Shared`.
#[derive(Clone)]
pub struct FixtureServer {
    pub(crate) shared: Arc<Shared>,
}

fn parse<T: DeserializeOwned>(value: Value) -> Result<T, McpError> {
    serde_json::from_value(value)
        .map_err(|e| McpError::internal_error(format!("fixture built a bad value: {e}"), None))
}

fn text_result(text: impl Into<String>) -> Value {
    json!({"content": [{"type": "text", "text": text.into()}]})
}

/// Whether the request negotiated the stateless revision (sampling and
/// elicitation must then go through `input_required` results).
fn is_modern(context: &RequestContext<RoleServer>) -> bool {
    context
        .protocol_version()
        .is_some_and(|v| v.as_str() >= ProtocolVersion::V_2026_07_28.as_str())
}

const ELICIT_DEFAULTS: &str = "test_elicitation_sep1034_defaults";
const ELICIT_ENUMS: &str = "test_elicitation_sep1330_enums";

/// The tool list (static conformance tools, then the test's extras).
pub(crate) fn tool_list(shared: &Shared) -> Vec<Value> {
    let empty = json!({"type": "object", "properties": {}});
    let mut tools = vec![
        json!({"name": "test_simple_text", "description": "Tests simple text content response", "inputSchema": empty}),
        json!({"name": "test_image_content", "description": "Tests image content response", "inputSchema": empty}),
        json!({"name": "test_audio_content", "description": "Tests audio content response", "inputSchema": empty}),
        json!({"name": "test_embedded_resource", "description": "Tests embedded resource content response", "inputSchema": empty}),
        json!({"name": "test_multiple_content_types", "description": "Tests response with multiple content types (text, image, resource)", "inputSchema": empty}),
        json!({"name": "test_tool_with_logging", "description": "Tests tool that emits log messages during execution", "inputSchema": empty}),
        json!({"name": "test_tool_with_progress", "description": "Tests tool that reports progress notifications", "inputSchema": empty}),
        json!({"name": "test_error_handling", "description": "Tests error response handling", "inputSchema": empty}),
        json!({"name": "test_reconnection", "description": "Tests SSE stream disconnection and client reconnection (SEP-1699)", "inputSchema": empty}),
        json!({"name": "test_sampling", "description": "Tests server-initiated sampling (LLM completion request)",
               "inputSchema": {"type": "object", "properties": {"prompt": {"type": "string", "description": "The prompt to send to the LLM"}}, "required": ["prompt"]}}),
        json!({"name": "test_elicitation", "description": "Tests server-initiated elicitation (user input request)",
               "inputSchema": {"type": "object", "properties": {"message": {"type": "string", "description": "The message to show the user"}}, "required": ["message"]}}),
        json!({"name": ELICIT_DEFAULTS, "description": "Tests elicitation with default values per SEP-1034", "inputSchema": empty}),
        json!({"name": ELICIT_ENUMS, "description": "Tests elicitation with enum schema improvements per SEP-1330", "inputSchema": empty}),
        json!({"name": "json_schema_2020_12_tool", "description": "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
               "inputSchema": {
                   "$schema": "https://json-schema.org/draft/2020-12/schema",
                   "type": "object",
                   "$defs": {"address": {"type": "object", "properties": {"street": {"type": "string"}, "city": {"type": "string"}}}},
                   "properties": {"name": {"type": "string"}, "address": {"$ref": "#/$defs/address"}},
                   "additionalProperties": false}}),
        json!({"name": "fixture_echo", "description": "Echoes its text back as text and structured content",
               "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"], "additionalProperties": false},
               "outputSchema": {"type": "object", "properties": {"text": {"type": "string"}}}}),
        json!({"name": "fixture_slow", "description": "Sleeps for `ms` milliseconds; records whether it was cancelled",
               "inputSchema": {"type": "object", "properties": {"ms": {"type": "integer"}}}}),
        json!({"name": "fixture_pid", "description": "The fixture process id", "inputSchema": empty}),
        json!({"name": "delete_everything", "description": "Pretends to delete everything (a write for permission tests)", "inputSchema": empty}),
    ];
    if shared.options.stdio {
        tools.push(json!({"name": "fixture_exit", "description": "Exits the fixture process at once", "inputSchema": empty}));
    }
    let state = shared.lock();
    for (name, description) in &state.extra_tools {
        tools.push(json!({"name": name, "description": description, "inputSchema": empty}));
    }
    for tool in &mut tools {
        if let Some(description) = state
            .descriptions
            .get(tool["name"].as_str().unwrap_or_default())
        {
            tool["description"] = json!(description);
        }
    }
    tools
}

impl FixtureServer {
    async fn notify(&self, context: &RequestContext<RoleServer>, method: &str, params: Value) {
        if let Ok(notification) = serde_json::from_value::<ServerNotification>(
            json!({"method": method, "params": params}),
        ) {
            let _ = context.peer.send_notification(notification).await;
        }
    }

    /// A server-to-client request: in-stream for sessions, an
    /// `input_required` round for the stateless revision.
    async fn ask(
        &self,
        request: &CallToolRequestParams,
        context: &RequestContext<RoleServer>,
        method: &str,
        params: Value,
    ) -> Result<Result<Value, String>, CallToolResponse> {
        if is_modern(context) {
            if let Some(answer) = request
                .input_responses
                .as_ref()
                .and_then(|r| r.get("input"))
            {
                // The state this server handed out must come back as it was.
                let expected = format!("{}-round-1", request.name);
                if request.request_state.as_deref() != Some(expected.as_str()) {
                    return Ok(Err(format!(
                        "requestState {:?} is not the one this server gave",
                        request.request_state
                    )));
                }
                return Ok(Ok(answer.clone()));
            }
            let mut requests = InputRequests::new();
            let input = serde_json::from_value(json!({"method": method, "params": params}))
                .map_err(|e| {
                    CallToolResponse::from(rmcp::model::CallToolResult::error(vec![
                        rmcp::model::ContentBlock::text(e.to_string()),
                    ]))
                })?;
            requests.insert("input".to_owned(), input);
            return Err(InputRequiredResult::new(
                Some(requests),
                Some(format!("{}-round-1", request.name)),
            )
            .into());
        }
        let Ok(typed) =
            serde_json::from_value::<ServerRequest>(json!({"method": method, "params": params}))
        else {
            return Ok(Err("the fixture could not build the request".into()));
        };
        match context.peer.send_request(typed).await {
            Ok(result) => Ok(serde_json::to_value(result).map_err(|e| e.to_string())),
            Err(e) => Ok(Err(e.to_string())),
        }
    }

    async fn run_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        let shared = &self.shared;
        let args = request
            .arguments
            .clone()
            .map(Value::Object)
            .unwrap_or(json!({}));
        shared.lock().calls.push(request.name.to_string());
        let result = match request.name.as_ref() {
            "test_simple_text" => text_result("This is a simple text response for testing."),
            "test_image_content" => {
                json!({"content": [{"type": "image", "data": TEST_IMAGE_BASE64, "mimeType": "image/png"}]})
            }
            "test_audio_content" => {
                json!({"content": [{"type": "audio", "data": TEST_AUDIO_BASE64, "mimeType": "audio/wav"}]})
            }
            "test_embedded_resource" => json!({"content": [{"type": "resource", "resource": {
                "uri": "test://embedded-resource", "mimeType": "text/plain", "text": "This is an embedded resource content."}}]}),
            "test_multiple_content_types" => json!({"content": [
                {"type": "text", "text": "Multiple content types test:"},
                {"type": "image", "data": TEST_IMAGE_BASE64, "mimeType": "image/png"},
                {"type": "resource", "resource": {"uri": "test://mixed-content-resource", "mimeType": "application/json",
                    "text": json!({"test": "data", "value": 123}).to_string()}}]}),
            "test_tool_with_logging" => {
                for (i, data) in [
                    "Tool execution started",
                    "Tool processing data",
                    "Tool execution completed",
                ]
                .iter()
                .enumerate()
                {
                    if i > 0 {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    self.notify(
                        &context,
                        "notifications/message",
                        json!({"level": "info", "logger": "conformance-test-server", "data": data}),
                    )
                    .await;
                }
                text_result("Tool with logging executed successfully")
            }
            "test_tool_with_progress" => {
                let token = context.meta.get("progressToken").cloned();
                if let Some(token) = &token {
                    shared.lock().progress_tokens.push(token.clone());
                }
                for (i, progress) in [0, 50, 100].into_iter().enumerate() {
                    if i > 0 {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    if let Some(token) = &token {
                        self.notify(
                            &context,
                            "notifications/progress",
                            json!({"progressToken": token, "progress": progress, "total": 100,
                            "message": format!("Completed step {progress} of 100")}),
                        )
                        .await;
                    }
                }
                text_result(
                    token
                        .map(|t| match t {
                            Value::String(s) => s,
                            other => other.to_string(),
                        })
                        .unwrap_or_else(|| "0".into()),
                )
            }
            "test_error_handling" => {
                json!({"isError": true, "content": [{"type": "text", "text": "This tool intentionally returns an error for testing"}]})
            }
            "test_reconnection" => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                text_result("Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.")
            }
            "test_sampling" => {
                let prompt = args
                    .get("prompt")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let params = json!({"messages": [{"role": "user", "content": {"type": "text", "text": prompt}}], "maxTokens": 100});
                match self
                    .ask(&request, &context, "sampling/createMessage", params)
                    .await
                {
                    Err(incomplete) => return Ok(incomplete),
                    Ok(Ok(answer)) => {
                        let text = answer
                            .pointer("/content/text")
                            .and_then(Value::as_str)
                            .unwrap_or("No response");
                        text_result(format!("LLM response: {text}"))
                    }
                    Ok(Err(e)) => text_result(format!("Sampling not supported or error: {e}")),
                }
            }
            "test_elicitation" | ELICIT_DEFAULTS | ELICIT_ENUMS => {
                let params = elicitation_params(request.name.as_ref(), &args);
                match self
                    .ask(&request, &context, "elicitation/create", params)
                    .await
                {
                    Err(incomplete) => return Ok(incomplete),
                    Ok(Ok(answer)) => {
                        let action = answer
                            .get("action")
                            .and_then(Value::as_str)
                            .unwrap_or("unknown");
                        let content = answer.get("content").cloned().unwrap_or(json!({}));
                        if request.name == "test_elicitation" {
                            text_result(format!(
                                "User response: action={action}, content={content}"
                            ))
                        } else {
                            text_result(format!(
                                "Elicitation completed: action={action}, content={content}"
                            ))
                        }
                    }
                    Ok(Err(e)) => text_result(format!("Elicitation not supported or error: {e}")),
                }
            }
            "json_schema_2020_12_tool" => {
                text_result(format!("JSON Schema 2020-12 tool called with: {args}"))
            }
            "fixture_echo" => {
                let text = args.get("text").and_then(Value::as_str).unwrap_or_default();
                json!({"content": [{"type": "text", "text": text}], "structuredContent": {"text": text}})
            }
            "fixture_slow" => {
                let ms = args.get("ms").and_then(Value::as_u64).unwrap_or(1000);
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(ms)) => text_result(format!("slept {ms} ms")),
                    _ = context.ct.cancelled() => {
                        shared.lock().cancelled.push(request.name.to_string());
                        shared.changed.notify_waiters();
                        text_result("cancelled")
                    }
                }
            }
            "fixture_pid" => text_result(std::process::id().to_string()),
            "fixture_exit" if shared.options.stdio => std::process::exit(3),
            "delete_everything" => text_result("nothing was deleted"),
            name if shared.lock().extra_tools.contains_key(name) => {
                text_result(format!("{name} ran"))
            }
            name => {
                return Err(McpError::invalid_params(
                    format!("Unknown tool: {name}"),
                    None,
                ))
            }
        };
        Ok(CallToolResponse::Complete(parse(result)?))
    }
}

fn elicitation_params(tool: &str, args: &Value) -> Value {
    match tool {
        "test_elicitation" => {
            json!({"mode": "form", "message": args.get("message").and_then(Value::as_str).unwrap_or_default(),
            "requestedSchema": {"type": "object", "properties": {"response": {"type": "string", "description": "User's response"}}, "required": ["response"]}})
        }
        ELICIT_DEFAULTS => {
            json!({"mode": "form", "message": "Please review and update the form fields with defaults",
            "requestedSchema": {"type": "object", "properties": {
                "name": {"type": "string", "description": "User name", "default": "John Doe"},
                "age": {"type": "integer", "description": "User age", "default": 30},
                "score": {"type": "number", "description": "User score", "default": 95.5},
                "status": {"type": "string", "description": "User status", "enum": ["active", "inactive", "pending"], "default": "active"},
                "verified": {"type": "boolean", "description": "Verification status", "default": true}},
                "required": []}})
        }
        _ => json!({"mode": "form", "message": "Please select options from the enum fields",
            "requestedSchema": {"type": "object", "properties": {
                "untitledSingle": {"type": "string", "description": "Select one option", "enum": ["option1", "option2", "option3"]},
                "titledSingle": {"type": "string", "description": "Select one option with titles", "oneOf": [
                    {"const": "value1", "title": "First Option"}, {"const": "value2", "title": "Second Option"}, {"const": "value3", "title": "Third Option"}]},
                "legacyEnum": {"type": "string", "description": "Select one option (legacy)", "enum": ["opt1", "opt2", "opt3"],
                    "enumNames": ["Option One", "Option Two", "Option Three"]},
                "untitledMulti": {"type": "array", "description": "Select multiple options", "minItems": 1, "maxItems": 3,
                    "items": {"type": "string", "enum": ["option1", "option2", "option3"]}},
                "titledMulti": {"type": "array", "description": "Select multiple options with titles", "minItems": 1, "maxItems": 3,
                    "items": {"anyOf": [{"const": "value1", "title": "First Choice"}, {"const": "value2", "title": "Second Choice"}, {"const": "value3", "title": "Third Choice"}]}}},
                "required": []}}),
    }
}

const STATIC_TEXT: &str = "This is the content of the static text resource.";
const WATCHED: &str = "Watched resource content";

impl ServerHandler for FixtureServer {
    fn get_info(&self) -> ServerConfig {
        let mut config: ServerConfig = serde_json::from_value(json!({
            "protocolVersion": ProtocolVersion::LATEST_WITH_INITIALIZE.as_str(),
            "capabilities": {
                "tools": {"listChanged": true},
                "resources": {"subscribe": true, "listChanged": true},
                "prompts": {"listChanged": true},
                "logging": {},
                "completions": {}
            },
            "serverInfo": {"name": "mcp-conformance-test-server", "version": "1.0.0"}
        }))
        .expect("the fixture's server info parses");
        config.instructions =
            Some("Switchboard's MCP fixture: the conformance suite's server fixtures.".into());
        config
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        self.shared.lock().peers.push(context.peer);
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        self.shared.lock().list_calls += 1;
        parse(json!({"tools": tool_list(&self.shared)}))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        self.run_tool(request, context).await
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        parse(json!({"resources": [
            {"uri": "test://static-text", "name": "static-text", "title": "Static Text Resource", "description": "A static text resource for testing", "mimeType": "text/plain"},
            {"uri": "test://static-binary", "name": "static-binary", "title": "Static Binary Resource", "description": "A static binary resource (image) for testing", "mimeType": "image/png"},
            {"uri": "test://watched-resource", "name": "watched-resource", "title": "Watched Resource", "description": "A resource that auto-updates every 3 seconds", "mimeType": "text/plain"}
        ]}))
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, McpError> {
        parse(json!({"resourceTemplates": [
            {"uriTemplate": "test://template/{id}/data", "name": "template", "title": "Resource Template",
             "description": "A resource template with parameter substitution", "mimeType": "application/json"}
        ]}))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, McpError> {
        let uri = request.uri.as_str();
        let contents = match uri {
            "test://static-text" => {
                json!([{"uri": uri, "mimeType": "text/plain", "text": STATIC_TEXT}])
            }
            "test://static-binary" => {
                json!([{"uri": uri, "mimeType": "image/png", "blob": TEST_IMAGE_BASE64}])
            }
            "test://watched-resource" => {
                json!([{"uri": uri, "mimeType": "text/plain", "text": WATCHED}])
            }
            _ => match uri
                .strip_prefix("test://template/")
                .and_then(|r| r.strip_suffix("/data"))
            {
                Some(id) if !id.is_empty() && !id.contains('/') => {
                    json!([{"uri": uri, "mimeType": "application/json",
                    "text": json!({"id": id, "templateTest": true, "data": format!("Data for ID: {id}")}).to_string()}])
                }
                _ => {
                    return Err(McpError::resource_not_found(
                        format!("Resource not found: {uri}"),
                        Some(json!({"uri": uri})),
                    ))
                }
            },
        };
        Ok(ReadResourceResponse::Complete(parse(
            json!({"contents": contents}),
        )?))
    }

    #[allow(deprecated)]
    async fn subscribe(
        &self,
        request: SubscribeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let mut state = self.shared.lock();
        state
            .subscribers
            .push((request.uri.clone(), context.peer.clone()));
        state.subscriptions.insert(request.uri);
        Ok(())
    }

    #[allow(deprecated)]
    async fn unsubscribe(
        &self,
        request: UnsubscribeRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let mut state = self.shared.lock();
        state.subscribers.retain(|(uri, _)| *uri != request.uri);
        state.subscriptions.remove(&request.uri);
        Ok(())
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, McpError> {
        parse(json!({"prompts": [
            {"name": "test_simple_prompt", "title": "Simple Test Prompt", "description": "A simple prompt without arguments"},
            {"name": "test_prompt_with_arguments", "title": "Prompt With Arguments", "description": "A prompt with required arguments",
             "arguments": [{"name": "arg1", "description": "First test argument", "required": true},
                           {"name": "arg2", "description": "Second test argument", "required": true}]},
            {"name": "test_prompt_with_embedded_resource", "title": "Prompt With Embedded Resource", "description": "A prompt that includes an embedded resource",
             "arguments": [{"name": "resourceUri", "description": "URI of the resource to embed", "required": true}]},
            {"name": "test_prompt_with_image", "title": "Prompt With Image", "description": "A prompt that includes image content"}
        ]}))
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, McpError> {
        let args = request.arguments.clone().unwrap_or_default();
        let arg = |k: &str| {
            args.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let messages = match request.name.as_str() {
            "test_simple_prompt" => {
                json!([{"role": "user", "content": {"type": "text", "text": "This is a simple prompt for testing."}}])
            }
            "test_prompt_with_arguments" => json!([{"role": "user", "content": {"type": "text",
                "text": format!("Prompt with arguments: arg1='{}', arg2='{}'", arg("arg1"), arg("arg2"))}}]),
            "test_prompt_with_embedded_resource" => json!([
                {"role": "user", "content": {"type": "resource", "resource": {"uri": arg("resourceUri"), "mimeType": "text/plain", "text": "Embedded resource content for testing."}}},
                {"role": "user", "content": {"type": "text", "text": "Please process the embedded resource above."}}]),
            "test_prompt_with_image" => json!([
                {"role": "user", "content": {"type": "image", "data": TEST_IMAGE_BASE64, "mimeType": "image/png"}},
                {"role": "user", "content": {"type": "text", "text": "Please analyze the image above."}}]),
            name => {
                return Err(McpError::invalid_params(
                    format!("Unknown prompt: {name}"),
                    None,
                ))
            }
        };
        Ok(GetPromptResponse::Complete(parse(
            json!({"messages": messages}),
        )?))
    }

    async fn complete(
        &self,
        _request: CompleteRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, McpError> {
        parse(json!({"completion": {"values": [], "total": 0, "hasMore": false}}))
    }

    #[allow(deprecated)]
    async fn set_level(
        &self,
        request: SetLevelRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let level = serde_json::to_value(request.level).unwrap_or(Value::Null);
        self.shared.lock().log_level = Some(level.clone());
        let message = format!("Log level set to: {}", level.as_str().unwrap_or_default());
        self.notify(
            &context,
            "notifications/message",
            json!({"level": "info", "logger": "conformance-test-server", "data": message}),
        )
        .await;
        Ok(())
    }

    fn accepted_subscription_filter(
        &self,
        requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        Some(requested.clone())
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), McpError> {
        let mut changes = self.shared.tools_changed.subscribe();
        let mut touched = self.shared.resource_touched.subscribe();
        let mut prompts = self.shared.prompts_changed.subscribe();
        if let Ok(filter) = serde_json::to_value(context.requested()) {
            self.shared.lock().listen_filters.push(filter);
            self.shared.changed.notify_waiters();
        }
        loop {
            tokio::select! {
                _ = context.cancelled() => return Ok(()),
                changed = prompts.changed() => {
                    if changed.is_err() {
                        return Ok(());
                    }
                    // The sink drops it unless the filter asked for it.
                    let _ = context.sink().notify_prompt_list_changed().await;
                }
                uri = touched.recv() => match uri {
                    // The sink drops URIs the filter does not name.
                    Ok(uri) => {
                        let _ = context.sink().notify_resource_updated(uri).await;
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return Ok(()),
                },
                changed = changes.changed() => {
                    if changed.is_err() {
                        return Ok(());
                    }
                    let _ = context.sink().notify_tool_list_changed().await;
                }
            }
        }
    }
}
