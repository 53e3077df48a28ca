//! A dispatcher that answers tool calls from a script and records them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde_json::Value;
use switchboard_composite::{connector, CompositeConfig};
use switchboard_core::{
    AuthMethod, CallContext, Connector, ConnectorError, ErrorKind, Principal, ToolDispatcher,
    ToolOutput,
};

/// What a scripted tool answers.
pub enum Reply {
    Ok(Value),
    Denied,
    Fails(&'static str),
}

/// How a scripted tool answers, given the arguments.
type Answer = Box<dyn Fn(&Value) -> Reply + Send + Sync>;

#[derive(Default)]
pub struct Script {
    /// tool → its answer.
    pub replies: HashMap<&'static str, Answer>,
    pub calls: Mutex<Vec<(String, Value)>>,
}

impl Script {
    pub fn on(
        mut self,
        tool: &'static str,
        reply: impl Fn(&Value) -> Reply + Send + Sync + 'static,
    ) -> Self {
        self.replies.insert(tool, Box::new(reply));
        self
    }

    pub fn called(&self, tool: &str) -> Vec<Value> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|(t, _)| t == tool)
            .map(|(_, a)| a.clone())
            .collect()
    }
}

#[async_trait]
impl ToolDispatcher for Script {
    async fn call_tool(
        &self,
        _parent: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        self.calls
            .lock()
            .unwrap()
            .push((tool.to_owned(), args.clone()));
        match self.replies.get(tool).map(|f| f(&args)) {
            Some(Reply::Ok(v)) => Ok(ToolOutput::structured(v)),
            Some(Reply::Fails(m)) => Err(ConnectorError::new(ErrorKind::Unavailable, m)),
            Some(Reply::Denied) | None => Err(ConnectorError::unknown_tool(tool)),
        }
    }
}

pub fn composite(config: CompositeConfig) -> Arc<dyn Connector> {
    connector(&config).unwrap()
}

pub fn demo_config() -> CompositeConfig {
    CompositeConfig {
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
        ..CompositeConfig::default()
    }
}

pub async fn run(
    c: &Arc<dyn Connector>,
    script: Arc<Script>,
    tool: &str,
    args: Value,
) -> Result<Value, ConnectorError> {
    let mut ctx = CallContext::for_principal(
        Principal {
            user_id: "sales@demo".into(),
            email: "sales@northwind.example".into(),
            org: "northwind".into(),
            groups: vec!["sales".into()],
            auth: AuthMethod::Internal,
        },
        Instant::now() + Duration::from_secs(5),
    );
    ctx.dispatcher = Some(script);
    c.call(&ctx, tool, args).await.map(|o| o.structured)
}
