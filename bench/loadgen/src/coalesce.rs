//! `loadgen coalesce`: proof that the response cache coalesces concurrent
//! identical misses. Each burst sends `width` identical `tools/call`s at
//! once, on separate connections, with an argument no earlier burst used
//! (so the burst starts as a cache miss), and the fake upstream's request
//! counter is read before and after. One JSON line out.
//!
//! Without coalescing a burst costs `width` upstream calls; with it, one.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use serde_json::json;

use crate::conn::Conn;
use crate::reply::{check_rpc, send};
use crate::run::loopback_target;
use crate::workload::Target;

/// A cached read tool whose upstream request depends on its argument.
pub const COALESCE_TOOL: &str = "hubspot_search_companies";

#[derive(Debug, Args)]
pub struct CoalesceArgs {
    /// The gateway's `/mcp` URL (loopback only).
    #[arg(long)]
    pub url: String,
    /// The fake upstream's request counter (`listening ... stats URL`).
    #[arg(long)]
    pub stats: String,
    #[arg(long, default_value_t = 50)]
    pub bursts: u32,
    /// Identical calls per burst.
    #[arg(long, default_value_t = 32)]
    pub width: u32,
}

/// The fake upstream's total request count.
pub async fn upstream_requests(stats: &str) -> anyhow::Result<u64> {
    let (addr, path) = loopback_target(stats)?;
    let mut conn = Conn::new(addr, Duration::from_secs(5));
    let request = http::Request::get(path.as_str())
        .header(http::header::HOST, addr.to_string())
        .body(http_body_util::Full::new(bytes::Bytes::new()))?;
    let reply = conn.send(request).await?;
    let text = String::from_utf8_lossy(&reply.body);
    text.trim()
        .parse()
        .with_context(|| format!("stats answered {text:?}"))
}

pub async fn run(args: CoalesceArgs) -> anyhow::Result<()> {
    let (addr, path) = loopback_target(&args.url)?;
    let target = Arc::new(Target::new(addr, &path, 1, "")?);
    let nonce = std::process::id();
    // One lone call first: how many upstream requests one miss costs.
    let before_single = upstream_requests(&args.stats).await?;
    let mut conn = Conn::new(addr, Duration::from_secs(10));
    let reply = send(
        &mut conn,
        target.tool_call(0, COALESCE_TOOL, json!({"query": format!("solo-{nonce}")})),
    )
    .await
    .map_err(anyhow::Error::msg)?;
    check_rpc(&reply.body).map_err(anyhow::Error::msg)?;
    let per_miss = upstream_requests(&args.stats).await? - before_single;

    let mut conns: Vec<Conn> = (0..args.width)
        .map(|_| Conn::new(addr, Duration::from_secs(10)))
        .collect();
    let before = upstream_requests(&args.stats).await?;
    let mut errors = 0u64;
    let mut first_error = None;
    for burst in 0..args.bursts {
        let arguments = json!({"query": format!("burst-{nonce}-{burst}")});
        let calls: Vec<_> = conns
            .drain(..)
            .map(|mut conn| {
                let request = target.tool_call(0, COALESCE_TOOL, arguments.clone());
                tokio::spawn(async move {
                    let result = match send(&mut conn, request).await {
                        Ok(reply) => check_rpc(&reply.body),
                        Err(e) => Err(e),
                    };
                    (conn, result)
                })
            })
            .collect();
        for call in calls {
            let (conn, result) = call.await?;
            if let Err(e) = result {
                errors += 1;
                first_error.get_or_insert(e);
            }
            conns.push(conn);
        }
    }
    let upstream = upstream_requests(&args.stats).await? - before;
    let calls = u64::from(args.bursts) * u64::from(args.width);
    let misses_run = upstream as f64 / per_miss.max(1) as f64;
    let out = json!({
        "tool": COALESCE_TOOL,
        "bursts": args.bursts,
        "width": args.width,
        "calls": calls,
        "errors": errors,
        "upstream_requests": upstream,
        "upstream_requests_per_miss": per_miss,
        "upstream_runs": misses_run,
        "calls_per_upstream_run": calls as f64 / misses_run.max(1.0),
        "first_error": first_error,
    });
    println!("{out}");
    Ok(())
}
