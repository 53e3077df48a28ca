//! A gateway with one counting connector, served on an ephemeral port.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use switchboard_core::{CallContext, Connector, ConnectorBuilder, ConnectorError, Effect, Tool};
use switchboard_gateway::audit::{AuditRecord, AuditSink, AuditUnavailable};
use switchboard_gateway::auth::{
    hash_api_key, ApiKeyEntry, ApiKeys, AuthState, Credentials, JwtAuthenticator, JwtSettings,
    ProtectedResource,
};
use switchboard_gateway::mcp::Sessions;
use switchboard_gateway::policy::{catalog_tools, CedarAuthorizer};
use switchboard_gateway::refresh::Refresher;
use switchboard_gateway::{Catalog, Gateway, GatewayOptions};
use switchboard_policy::{PolicyEngine, PolicyFile};
use switchboard_testkit::jwt::JwksServer;
use tokio_util::sync::CancellationToken;

/// Counts calls that reached the connector.
#[derive(Default)]
pub struct Counter(pub AtomicUsize);

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EchoArgs {
    /// Text to echo.
    pub text: String,
    /// How many times.
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

#[derive(Serialize, JsonSchema)]
pub struct EchoOutput {
    pub echoed: Vec<String>,
    pub caller: String,
    /// The W3C trace context the tool would send upstream, when tracing is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub traceparent: Option<String>,
}

pub struct EchoTool;

#[async_trait]
impl Tool for EchoTool {
    type State = Arc<Counter>;
    type Args = EchoArgs;
    type Output = EchoOutput;
    const NAME: &'static str = "test_echo_text";
    const TITLE: &'static str = "Echo";
    const DESCRIPTION: &'static str = "Echoes the text back, a number of times.";
    const PERMISSION: &'static str = "test:text:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Arc<Counter>,
        ctx: &CallContext,
        args: EchoArgs,
    ) -> Result<EchoOutput, ConnectorError> {
        state.0.fetch_add(1, Ordering::SeqCst);
        if args.text == "slow" {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        if args.text == "panic" {
            panic!("asked to panic");
        }
        if args.text == "fail" {
            return Err(
                ConnectorError::new(switchboard_core::ErrorKind::RateLimited, "slow down")
                    .with_retry_after(std::time::Duration::from_millis(1500)),
            );
        }
        Ok(EchoOutput {
            echoed: (0..args.times).map(|_| args.text.clone()).collect(),
            caller: ctx.principal.user_id.clone(),
            traceparent: ctx.trace.as_ref().and_then(|t| {
                t.current()
                    .into_iter()
                    .find(|(k, _)| k == "traceparent")
                    .map(|(_, v)| v)
            }),
        })
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

#[derive(Serialize, JsonSchema)]
pub struct Done {
    pub done: bool,
}

/// A write tool only admins are granted.
pub struct WipeTool;

#[async_trait]
impl Tool for WipeTool {
    type State = Arc<Counter>;
    type Args = NoArgs;
    type Output = Done;
    const NAME: &'static str = "test_wipe_everything";
    const TITLE: &'static str = "Wipe";
    const DESCRIPTION: &'static str = "Deletes everything; admins only.";
    const PERMISSION: &'static str = "test:everything:write";
    const EFFECT: Effect = Effect::Destructive;

    async fn call(
        &self,
        state: &Arc<Counter>,
        _: &CallContext,
        _: NoArgs,
    ) -> Result<Done, ConnectorError> {
        state.0.fetch_add(1, Ordering::SeqCst);
        Ok(Done { done: true })
    }
}

#[derive(Serialize, JsonSchema)]
pub struct Count {
    pub count: usize,
}

/// A read whose answer does not depend on the caller: cached per
/// permission set.
pub struct CountTool;

#[async_trait]
impl Tool for CountTool {
    type State = Arc<Counter>;
    type Args = NoArgs;
    type Output = Count;
    const NAME: &'static str = "test_count_things";
    const TITLE: &'static str = "Count";
    const DESCRIPTION: &'static str = "Counts the things; the same for everyone.";
    const PERMISSION: &'static str = "test:things:read";
    const EFFECT: Effect = Effect::Read;
    const CACHE: switchboard_core::CachePolicy =
        switchboard_core::CachePolicy::SharedByPermission {
            ttl: std::time::Duration::from_secs(60),
        };

    async fn call(
        &self,
        state: &Arc<Counter>,
        _: &CallContext,
        _: NoArgs,
    ) -> Result<Count, ConnectorError> {
        Ok(Count {
            count: state.0.fetch_add(1, Ordering::SeqCst) + 1,
        })
    }
}

/// Keeps every audit record in memory.
#[derive(Default)]
pub struct MemoryAudit(pub std::sync::Mutex<Vec<AuditRecord>>);

#[async_trait]
impl AuditSink for MemoryAudit {
    async fn write(&self, record: AuditRecord) -> Result<(), AuditUnavailable> {
        self.0.lock().unwrap().push(record);
        Ok(())
    }
}

pub struct TestGateway {
    pub url: String,
    pub calls: Arc<Counter>,
    pub audit: Arc<MemoryAudit>,
    pub http: reqwest::Client,
    pub gateway: Arc<Gateway>,
    pub authorizer: Arc<CedarAuthorizer>,
    pub sessions: Arc<Sessions>,
    pub jwks: JwksServer,
    /// Rebuilds catalog and engine with the policy the gateway started
    /// with (not watching: tests call `watch` or `refresh_catalog`).
    pub refresher: Arc<Refresher>,
}

pub async fn start() -> TestGateway {
    start_with(GatewayOptions {
        max_body_bytes: 4096,
        max_result_bytes: 2048,
        ..GatewayOptions::default()
    })
    .await
}

pub async fn start_with(options: GatewayOptions) -> TestGateway {
    start_full(options, Vec::new(), TEST_POLICY).await
}

/// The test connector plus `extra` connectors (federated fakes), with
/// their surfaces probed, under `policy`.
pub async fn start_full(
    options: GatewayOptions,
    extra: Vec<Arc<dyn Connector>>,
    policy: &'static str,
) -> TestGateway {
    let counter = Arc::new(Counter::default());
    let connector = ConnectorBuilder::new("test", counter.clone())
        .tool(EchoTool)
        .tool(WipeTool)
        .tool(CountTool)
        .build()
        .unwrap();
    let keys = ApiKeys::new(vec![
        ApiKeyEntry::new(
            "k-reader",
            hash_api_key("reader-key"),
            "reader@test",
            "reader@test.example",
            "test",
            vec!["readers".into()],
        ),
        ApiKeyEntry::new(
            "k-reader2",
            hash_api_key("reader2-key"),
            "reader2@test",
            "reader2@test.example",
            "test",
            vec!["readers".into()],
        ),
        ApiKeyEntry::new(
            "k-admin",
            hash_api_key("admin-key"),
            "admin@test",
            "admin@test.example",
            "test",
            vec!["admins".into()],
        ),
    ]);
    let mut connectors = vec![connector];
    connectors.extend(extra);
    let catalog = Catalog::discover(connectors, None).await.unwrap();
    let authorizer = Arc::new(CedarAuthorizer::new(engine(&catalog, policy)));
    let audit = Arc::new(MemoryAudit::default());
    let gateway = Gateway::new(catalog, authorizer.clone(), audit.clone(), options);
    let jwks = JwksServer::start(switchboard_testkit::jwt::jwks()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let resource = format!("http://{addr}/mcp");
    let jwt = JwtAuthenticator::new(JwtSettings {
        issuer: ISSUER.into(),
        audience: resource.clone(),
        jwks_url: jwks.url.clone(),
        leeway: std::time::Duration::from_secs(30),
        email_claim: "email".into(),
        org_claim: "org".into(),
        groups_claim: "groups".into(),
        refetch_interval: std::time::Duration::from_secs(60),
    });
    let auth = AuthState {
        authenticator: Arc::new(Credentials {
            api_keys: keys,
            jwt: Some(jwt),
        }),
        resource: Arc::new(ProtectedResource::new(
            resource,
            vec![ISSUER.into()],
            vec!["mcp".into()],
        )),
    };
    let sessions = Arc::new(Sessions::default());
    let refresher = Refresher::new(
        gateway.clone(),
        authorizer.clone(),
        sessions.clone(),
        Arc::new(move |catalog: &Catalog| {
            let files = [PolicyFile {
                name: "test.cedar".into(),
                text: policy.into(),
            }];
            PolicyEngine::new(&catalog_tools(catalog), &[], &files).map_err(|e| e.to_string())
        }),
    );
    let app = switchboard_gateway::http::router(
        gateway.clone(),
        sessions.clone(),
        auth,
        CancellationToken::new(),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    TestGateway {
        url: format!("http://{addr}/mcp"),
        calls: counter,
        audit,
        http: reqwest::Client::new(),
        gateway,
        authorizer,
        sessions,
        jwks,
        refresher,
    }
}

pub const ISSUER: &str = "https://idp.test.example";

/// Readers may use read tools, admins everything; nobody may echo more
/// than 50 times (an argument-level rule).
pub const TEST_POLICY: &str = r#"
permit (principal in Group::"readers", action == Action::"use", resource) when { resource.effect == "read" };
permit (principal in Group::"admins", action == Action::"use", resource);
permit (principal, action == Action::"invoke", resource);
forbid (principal, action == Action::"invoke", resource) when { context.args has times && context.args.times > 50 };
"#;

pub fn engine(catalog: &Catalog, policy: &str) -> PolicyEngine {
    let files = [PolicyFile {
        name: "test.cedar".into(),
        text: policy.into(),
    }];
    PolicyEngine::new(&catalog_tools(catalog), &[], &files).unwrap()
}

impl TestGateway {
    pub fn calls(&self) -> usize {
        self.calls.0.load(Ordering::SeqCst)
    }

    /// A 2026-07-28 stateless request.
    pub async fn rpc(&self, key: &str, method: &str, params: Value) -> (u16, Value) {
        self.rpc_with_headers(key, method, params, &[]).await
    }

    /// [`TestGateway::rpc`] with extra request headers.
    pub async fn rpc_with_headers(
        &self,
        key: &str,
        method: &str,
        params: Value,
        headers: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut params = params;
        params["_meta"] = json!({
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": {"name": "gateway-test", "version": "1"},
        });
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
        let mut request = self.http.post(&self.url);
        let named = body["params"]["name"]
            .as_str()
            .or(body["params"]["uri"].as_str());
        if let Some(name) = named {
            // SEP-2243: the standard header naming the tool, prompt or
            // resource.
            request = request.header("mcp-name", name);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .header("authorization", format!("Bearer {key}"))
            .header("accept", "application/json, text/event-stream")
            .header("content-type", "application/json")
            .header("mcp-protocol-version", "2026-07-28")
            .header("mcp-method", method)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, parse_body(&text))
    }

    pub async fn call_tool(&self, key: &str, name: &str, arguments: Value) -> Value {
        let (status, body) = self
            .rpc(
                key,
                "tools/call",
                json!({"name": name, "arguments": arguments}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }
}

/// A JSON body, or the last `data:` event of an SSE body.
pub fn parse_body(text: &str) -> Value {
    if let Ok(v) = serde_json::from_str(text) {
        return v;
    }
    text.lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
        .next_back()
        .unwrap_or(Value::String(text.to_owned()))
}
