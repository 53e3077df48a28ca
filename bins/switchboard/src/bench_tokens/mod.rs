//! `switchboard bench-tokens`: what shaping saves, measured in tokens.
//!
//! Every sample call runs through the real pipeline against the demo's
//! fake upstreams with the raw upstream bodies captured (cache off), and
//! both sides are counted with a real BPE tokenizer (`o200k_base`, a proxy
//! for the model's own tokenizer). Composite tools count the raw bodies of
//! all their children. Also counts each demo role's `tools/list`.

mod breakdown;
mod report;
mod samples;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use anyhow::Context;
use serde_json::Value;
use switchboard_core::{AuthMethod, CallStats, Principal};
use switchboard_gateway::{CallRequest, Catalog, Gateway, GatewayOptions};
use tokio_util::sync::CancellationToken;

use crate::policies::PolicySource;
use crate::{demo, registry};

/// One measured call.
pub struct Measured {
    pub tool: String,
    pub raw_tokens: usize,
    pub shaped_tokens: usize,
    pub upstream_requests: u32,
}

/// A call's answer and what it cost upstream.
struct Called {
    structured: Value,
    text: String,
    stats: Arc<CallStats>,
}

/// One call through the pipeline as `principal`.
async fn call(
    gateway: &Gateway,
    principal: &Arc<Principal>,
    tool: &str,
    args: Value,
) -> Result<Called, String> {
    let stats = Arc::new(OnceLock::new());
    let result = gateway
        .call(CallRequest {
            principal: principal.clone(),
            tool: tool.to_owned(),
            args,
            request_id: "bench-tokens".into(),
            session_id: None,
            client: None,
            parent_call_id: None,
            parent_stats: None,
            stats_out: Some(stats.clone()),
            cancel: CancellationToken::new(),
            relay: None,
            credentials: Default::default(),
            input: None,
        })
        .await;
    match result {
        Ok(Ok(shaped)) => Ok(Called {
            structured: shaped.structured,
            text: shaped.text,
            stats: stats.get().cloned().ok_or("no stats")?,
        }),
        Ok(Err(e)) => Err(e.message),
        Err(e) => Err(e.to_string()),
    }
}

/// Tokens of `text` with `o200k_base`.
pub fn tokens(bpe: &tiktoken_rs::CoreBPE, text: &str) -> usize {
    bpe.encode_with_special_tokens(text).len()
}

/// Raw bodies as compact JSON where they are JSON (fair to the vendor:
/// pretty-printing is not the API's cost).
fn compact(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| body.to_owned())
}

pub async fn run(out: &Path) -> anyhow::Result<()> {
    let bpe = tiktoken_rs::o200k_base().context("loading the o200k_base tokenizer")?;
    let (connectors, _fakes) = registry::demo_connectors().await?;
    let catalog = Catalog::new(connectors)?;
    let authorizer = Arc::new(switchboard_gateway::policy::CedarAuthorizer::new(
        PolicySource::Embedded.engine(&catalog)?,
    ));
    let no_cache = catalog
        .entries()
        .iter()
        .map(|e| (e.spec.name.clone(), std::time::Duration::ZERO))
        .collect();
    let options = GatewayOptions {
        capture_upstream_bodies: true,
        cache_ttl_overrides: no_cache,
        ..GatewayOptions::default()
    };
    // Audit rows are not the subject here; keep them out of the output.
    let gateway = Gateway::new(catalog, authorizer, Arc::new(NoAudit), options);
    let everyone = Arc::new(Principal {
        user_id: "bench@demo".into(),
        email: "sales@northwind.example".into(),
        org: "northwind".into(),
        // Admin sees everything but payroll and GitHub writes; HR and
        // engineering add those.
        groups: ["admin", "hr", "engineering"].map(String::from).to_vec(),
        auth: AuthMethod::Internal,
    });
    let mut measured = Vec::new();
    let mut skipped = Vec::new();
    for sample in samples::all()
        .into_iter()
        .filter(|s| samples::present(&gateway, s.tool))
    {
        let mut args = sample.args.clone();
        if let Some((source, source_args, arg, field)) = &sample.from {
            let answer = call(&gateway, &everyone, source, source_args.clone())
                .await
                .ok();
            match answer
                .as_ref()
                .and_then(|a| samples::first_id(&a.structured, field))
            {
                Some(id) => args[*arg] = id,
                None => {
                    skipped.push((
                        sample.tool.to_owned(),
                        format!("no `{field}` from {source}"),
                    ));
                    continue;
                }
            }
        }
        match call(&gateway, &everyone, sample.tool, args).await {
            Ok(called) if called.stats.upstream_requests() > 0 => {
                let raw: String = called
                    .stats
                    .captured()
                    .iter()
                    .map(|b| compact(b))
                    .collect::<Vec<_>>()
                    .join("\n");
                measured.push(Measured {
                    tool: sample.tool.to_owned(),
                    raw_tokens: tokens(&bpe, &raw),
                    shaped_tokens: tokens(&bpe, &called.text),
                    upstream_requests: called.stats.upstream_requests(),
                });
            }
            Ok(_) => skipped.push((sample.tool.to_owned(), "no upstream request".to_owned())),
            Err(why) => skipped.push((sample.tool.to_owned(), why)),
        }
    }
    let mut largest: (String, Vec<Value>) = Default::default();
    let mut lists: Vec<(String, usize, usize)> = Vec::new();
    for p in demo::api_keys().principals() {
        let tools: Vec<Value> = gateway
            .visible_tools(p)
            .iter()
            .map(switchboard_gateway::mcp::tool_to_mcp)
            .map(|t| serde_json::to_value(t).unwrap_or_default())
            .collect();
        let json = serde_json::json!({"tools": tools}).to_string();
        lists.push((p.user_id.clone(), tools.len(), tokens(&bpe, &json)));
        if tools.len() > largest.1.len() {
            largest = (p.user_id.clone(), tools);
        }
    }
    let breakdown = report::Breakdown {
        floor: breakdown::floor(&bpe, &largest.1),
        user: largest.0,
        tools: breakdown::per_tool(&bpe, &largest.1),
        properties: breakdown::properties(&bpe, &largest.1),
    };
    let text = report::markdown(&measured, &skipped, &lists, &breakdown);
    std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    print!("{text}");
    Ok(())
}

/// Discards audit records: the benchmark measures shaping, not auditing.
struct NoAudit;

#[async_trait::async_trait]
impl switchboard_gateway::audit::AuditSink for NoAudit {
    async fn write(
        &self,
        _: switchboard_gateway::audit::AuditRecord,
    ) -> Result<(), switchboard_gateway::audit::AuditUnavailable> {
        Ok(())
    }
}
