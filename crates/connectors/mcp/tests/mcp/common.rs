//! Shared helpers: configs, contexts, a recording `ClientRelay`, the stdio
//! fixture binary.

#![allow(dead_code)]

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde_json::{json, Value};
use switchboard_core::{CallContext, ClientRelay, Connector, ConnectorError, ToolOutput};
use switchboard_mcp::{McpConfig, McpConnector};
use switchboard_testkit::mcp_fixture::{spawn_mcp_fixture_with, FixtureHandle, FixtureOptions};

/// Which HTTP revision a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    /// 2026-07-28, stateless (`server/discover`).
    Modern,
    /// 2025-11-25 sessions (the fixture refuses discovery).
    Legacy,
}

pub const BOTH: [Revision; 2] = [Revision::Modern, Revision::Legacy];

pub async fn fixture(revision: Revision) -> FixtureHandle {
    let options = FixtureOptions {
        legacy_only: revision == Revision::Legacy,
        ..FixtureOptions::default()
    };
    spawn_mcp_fixture_with(options, "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

/// A config from JSON (the same serde shape as the TOML).
pub fn config(value: Value) -> McpConfig {
    serde_json::from_value(value).expect("a valid config shape")
}

pub fn http_config(url: &str) -> McpConfig {
    config(json!({
        "id": "conf", "transport": "http", "url": url,
        "permission_default": "conf:tools:read",
        "read_only": ["test_*", "fixture_*", "json_schema_2020_12_tool"],
        "call_timeout_ms": 10_000,
    }))
}

pub async fn connect(config: &McpConfig) -> Arc<McpConnector> {
    McpConnector::build(config)
        .await
        .expect("the connector builds")
}

/// The connector over a fresh fixture of `revision`.
pub async fn connected(revision: Revision) -> (FixtureHandle, Arc<McpConnector>) {
    let fixture = fixture(revision).await;
    let connector = connect(&http_config(&fixture.url)).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let expected = match revision {
        Revision::Modern => "2026-07-28",
        Revision::Legacy => "2025-11-25",
    };
    assert_eq!(connector.protocol_version().as_deref(), Some(expected));
    (fixture, connector)
}

pub fn ctx() -> CallContext {
    CallContext::for_principal(
        switchboard_testkit::principal("sales@demo", &["sales"]),
        Instant::now() + Duration::from_secs(10),
    )
}

pub fn ctx_with(relay: Arc<TestRelay>) -> CallContext {
    let mut ctx = ctx();
    ctx.relay = Some(relay);
    ctx
}

pub async fn call(
    connector: &McpConnector,
    tool: &str,
    args: Value,
) -> Result<ToolOutput, ConnectorError> {
    connector.call(&ctx(), tool, args).await
}

/// Polls `condition` for up to ten seconds.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Like [`wait_until`] for async conditions.
pub async fn wait_until_async<F: Future<Output = bool>>(
    what: &str,
    mut condition: impl FnMut() -> F,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !condition().await {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A calling client that records what reaches it and answers requests.
pub struct TestRelay {
    pub token: Option<Value>,
    pub notifications: Mutex<Vec<(String, Value)>>,
    pub requests: Mutex<Vec<(String, Value)>>,
    /// A 2026-07-28 caller: takes `input_required` rounds itself.
    pub modern: bool,
}

impl TestRelay {
    pub fn new(token: Option<Value>) -> Arc<Self> {
        Arc::new(TestRelay {
            token,
            notifications: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
            modern: false,
        })
    }

    /// A 2026-07-28 caller.
    pub fn modern() -> Arc<Self> {
        Arc::new(TestRelay {
            token: None,
            notifications: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
            modern: true,
        })
    }

    pub fn notifications(&self, method: &str) -> Vec<Value> {
        self.notifications
            .lock()
            .unwrap()
            .iter()
            .filter(|(m, _)| m == method)
            .map(|(_, p)| p.clone())
            .collect()
    }
}

#[async_trait]
impl ClientRelay for TestRelay {
    fn progress_token(&self) -> Option<Value> {
        self.token.clone()
    }

    fn takes_input_required(&self) -> bool {
        self.modern
    }

    async fn notify(&self, method: &str, params: Value) {
        self.notifications
            .lock()
            .unwrap()
            .push((method.to_owned(), params));
    }

    async fn request(&self, method: &str, params: Value) -> Result<Value, ConnectorError> {
        self.requests
            .lock()
            .unwrap()
            .push((method.to_owned(), params.clone()));
        match method {
            "sampling/createMessage" => Ok(json!({
                "role": "assistant", "model": "test-model", "stopReason": "endTurn",
                "content": {"type": "text", "text": "the relay's answer"}})),
            "elicitation/create" => {
                Ok(json!({"action": "accept", "content": {"response": "from the caller"}}))
            }
            "roots/list" => Ok(json!({"roots": []})),
            other => Err(ConnectorError::internal(format!("unexpected {other}"))),
        }
    }
}

/// The `switchboard-mcp-fixture` binary, built once per test process
/// (dev-dependencies' binaries are not built by cargo for tests).
pub fn fixture_binary() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY
        .get_or_init(|| {
            let exe = std::env::current_exe().expect("the test executable");
            // <target>/<profile>/deps/<test>
            let profile_dir = exe
                .parent()
                .and_then(|p| p.parent())
                .expect("a target layout")
                .to_owned();
            let target_dir = profile_dir.parent().expect("a target dir").to_owned();
            let profile = profile_dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("debug")
                .to_owned();
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let mut command = std::process::Command::new(cargo);
            command.args([
                "build",
                "-q",
                "-p",
                "switchboard-testkit",
                "--features",
                "mcp-fixture",
                "--bin",
                "switchboard-mcp-fixture",
            ]);
            if profile != "debug" {
                command.args(["--profile", &profile]);
            }
            let status = command
                .env("CARGO_TARGET_DIR", &target_dir)
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building switchboard-mcp-fixture failed");
            let binary = profile_dir.join("switchboard-mcp-fixture");
            assert!(binary.exists(), "{} is missing", binary.display());
            binary
        })
        .clone()
}

pub fn stdio_config(extra: Value) -> McpConfig {
    let mut value = json!({
        "id": "local", "transport": "stdio",
        "command": fixture_binary().display().to_string(), "args": ["--stdio"],
        "permission_default": "local:tools:read",
        "read_only": ["test_*", "fixture_*"],
        "call_timeout_ms": 10_000,
        "restart_min_ms": 10, "restart_max_ms": 50,
    });
    if let (Some(base), Value::Object(extra)) = (value.as_object_mut(), extra) {
        base.extend(extra);
    }
    config(value)
}
