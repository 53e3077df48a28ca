//! `loadgen run`: one workload against one server, one JSON line out (the
//! loops themselves are in `loops.rs`). The server's CPU seconds and peak
//! RSS are sampled at the edges of the measured window.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::Args;
use hdrhistogram::Histogram;
use serde_json::json;
use tokio::time::{sleep_until, Instant};

use crate::conn::Conn;
use crate::loops::{Lane, Tally, Window};
use crate::procfs;
use crate::workload::{Target, Workload};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// `http://127.0.0.1:PORT/PATH`; only loopback is accepted.
    #[arg(long)]
    pub url: String,
    #[arg(long, value_enum)]
    pub workload: Workload,
    #[arg(long, default_value_t = 64)]
    pub connections: usize,
    /// Measured seconds, after the warm-up.
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    #[arg(long, default_value_t = 2.0)]
    pub warmup: f64,
    /// Offered requests per second over all connections; closed loop without it.
    #[arg(long)]
    pub rate: Option<f64>,
    /// How many API keys (users) to rotate through.
    #[arg(long, default_value_t = 100)]
    pub keys: usize,
    /// Bearer token for `--workload upstream`.
    #[arg(long, default_value = "")]
    pub token: String,
    /// The server's pid, for CPU seconds and peak RSS.
    #[arg(long)]
    pub pid: Option<u32>,
    /// Per-request timeout in seconds (counted as an error).
    #[arg(long, default_value_t = 5.0)]
    pub timeout: f64,
    #[arg(long, default_value = "")]
    pub label: String,
    /// The fake upstream's request counter: reports how many upstream
    /// requests the measured window caused.
    #[arg(long)]
    pub upstream_stats: Option<String>,
}

/// Loopback only: the bench must never load anything else.
pub fn loopback_target(url: &str) -> anyhow::Result<(SocketAddr, String)> {
    let uri: http::Uri = url.parse().with_context(|| format!("bad URL {url}"))?;
    if uri.scheme_str() != Some("http") || uri.host() != Some("127.0.0.1") {
        bail!("{url}: only http://127.0.0.1:PORT/... is allowed");
    }
    let port = uri.port_u16().context("the URL needs a port")?;
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    Ok((SocketAddr::from(([127, 0, 0, 1], port)), path))
}

async fn upstream_count(stats: Option<&str>) -> anyhow::Result<Option<u64>> {
    match stats {
        Some(url) => Ok(Some(crate::coalesce::upstream_requests(url).await?)),
        None => Ok(None),
    }
}

/// A percentile in ms; `None` when nothing succeeded (not a 0 ms latency).
fn ms(hist: &Histogram<u64>, q: f64) -> Option<f64> {
    (!hist.is_empty()).then(|| hist.value_at_quantile(q) as f64 / 1000.0)
}

pub async fn run(args: RunArgs) -> anyhow::Result<()> {
    let (addr, path) = loopback_target(&args.url)?;
    let target = Arc::new(Target::new(addr, &path, args.keys, &args.token)?);
    let n = args.connections.max(1) as u64;
    let begin = Instant::now() + Duration::from_millis(50);
    let t0 = begin + Duration::from_secs_f64(args.warmup);
    let win = Arc::new(Window {
        begin,
        t0,
        t1: t0 + Duration::from_secs_f64(args.duration),
    });
    let timeout = Duration::from_secs_f64(args.timeout);
    let mut tasks = Vec::new();
    for id in 0..n {
        let lane = Lane {
            target: target.clone(),
            workload: args.workload,
            id,
            lanes: n,
            window: win.clone(),
            conn: Conn::new(addr, timeout),
        };
        tasks.push(match args.rate {
            None => tokio::spawn(lane.closed_loop()),
            Some(rate) => tokio::spawn(lane.fixed_rate(rate, win.t1 + timeout)),
        });
    }
    sleep_until(win.t0).await;
    let cpu0 = args.pid.and_then(procfs::cpu_seconds);
    let peak_reset = args.pid.is_some_and(procfs::reset_peak);
    let up0 = upstream_count(args.upstream_stats.as_deref()).await?;
    sleep_until(win.t1).await;
    let cpu1 = args.pid.and_then(procfs::cpu_seconds);
    let up1 = upstream_count(args.upstream_stats.as_deref()).await?;
    let peak = args.pid.and_then(|p| procfs::status_kib(p, "VmHWM"));
    let rss = args.pid.and_then(|p| procfs::status_kib(p, "VmRSS"));
    let mut all = Tally::new();
    for task in tasks {
        all.merge(task.await?)?;
    }
    let ok = all.hist.len();
    let rps = ok as f64 / args.duration;
    let cpu = cpu0.zip(cpu1).map(|(a, b)| b - a);
    let out = json!({
        "label": args.label,
        "workload": format!("{:?}", args.workload).to_lowercase(),
        "mode": if args.rate.is_some() { "rate" } else { "closed" },
        "connections": n,
        "offered_rps": args.rate,
        "duration_s": args.duration,
        "ok": ok,
        "errors": all.errors,
        "rps": rps,
        "p50_ms": ms(&all.hist, 0.5),
        "p90_ms": ms(&all.hist, 0.9),
        "p99_ms": ms(&all.hist, 0.99),
        "p999_ms": ms(&all.hist, 0.999),
        "max_ms": ms(&all.hist, 1.0),
        "cpu_s": cpu,
        "req_per_cpu_s": cpu.filter(|c| *c > 0.0).map(|c| ok as f64 / c),
        "peak_rss_kib": peak,
        "peak_is_per_run": peak_reset,
        "rss_kib": rss,
        "first_error": all.first_error,
        // Requests the upstream received in the window (completions of
        // calls sent during the warm-up may land in it, too).
        "upstream_requests": up0.zip(up1).map(|(a, b)| b - a),
    });
    println!("{out}");
    Ok(())
}
