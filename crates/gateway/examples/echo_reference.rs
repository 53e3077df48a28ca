//! The benchmark's SDK reference: the smallest rmcp Streamable HTTP server
//! that serves 2026-07-28 stateless requests, with one `echo` tool and none
//! of the gateway (no auth, policy, limits, cache or audit). Its throughput
//! is what the SDK itself costs on this machine; `cargo xtask bench`
//! compares the gateway's W2 against it.
//!
//! It lives here because only this crate may import rmcp. It is configured
//! like the gateway's `/mcp` (JSON responses, loopback Host check) and uses
//! the same listener settings (TCP_NODELAY), so that the comparison is fair.
//!
//! `cargo run --release -p switchboard-gateway --example echo_reference`
//! prints `listening http://127.0.0.1:PORT/mcp` and exits when stdin closes.

use std::io::Write;
use std::sync::Arc;

use axum::serve::ListenerExt;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::json;

/// The handler: stateless, so one value serves every request.
#[derive(Clone)]
struct Echo {
    tools: Arc<[Tool]>,
}

impl Echo {
    fn new() -> Self {
        let schema = json!({
            "type": "object",
            "properties": {"message": {"type": "string"}},
            "required": ["message"],
        });
        let serde_json::Value::Object(schema) = schema else {
            unreachable!("an object literal")
        };
        let tool = Tool::new("echo", "Returns its message.", schema);
        Echo {
            tools: Arc::from(vec![tool]),
        }
    }
}

impl ServerHandler for Echo {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.tools.to_vec()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        if request.name != "echo" {
            return Err(ErrorData::invalid_params("Unknown tool", None));
        }
        let message = request
            .arguments
            .as_ref()
            .and_then(|a| a.get("message"))
            .and_then(|m| m.as_str())
            .ok_or_else(|| ErrorData::invalid_params("message: a string is required", None))?;
        Ok(CallToolResult::success(vec![ContentBlock::text(message.to_owned())]).into())
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true);
    // Built once; the factory clones it for each stateless request.
    let handler = Echo::new();
    let service = StreamableHttpService::new(
        move || Ok(handler.clone()),
        Arc::new(LocalSessionManager::default()),
        config,
    );
    let app = axum::Router::new().route_service("/mcp", service);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    println!("listening http://{addr}/mcp");
    std::io::stdout().flush()?;
    // Exit when the bench closes our stdin (or dies).
    std::thread::spawn(|| {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        std::process::exit(0);
    });
    axum::serve(listener, app).await
}
