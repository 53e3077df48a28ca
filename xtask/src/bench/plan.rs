//! What the bench runs: the scenarios (workload × server × mode), in the
//! order one repetition runs them, and how one run is driven.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::procs::Servers;

/// The fake upstream's bearer token (a loopback fake; not a secret).
pub const UPSTREAM_TOKEN: &str = "sb-bench-hubspot-token";
/// The one upstream request a W3 call makes (`hubspot_list_owners`,
/// `limit` 50): the direct measurement sends exactly this.
const UPSTREAM_PATH: &str = "crm/v3/owners?limit=50";
/// W3's fixed offered rate (the target is stated at 1,000 rps).
pub const W3_RATE: u32 = 1000;
/// A low fixed rate: the added latency of a cache miss on an idle
/// gateway. (The bench config lifts the HubSpot connector's quota of 100
/// requests per 10 s under `[connectors.hubspot.upstream]`.)
pub const W3_LOW_RATE: u32 = 8;
pub const CONNECTIONS: u32 = 64;

/// Which server a scenario loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Bare,
    Echo,
    Gateway,
    Upstream,
}

pub struct Scenario {
    /// Stable id used by the report.
    pub key: &'static str,
    pub title: &'static str,
    pub on: On,
    /// `loadgen run --workload`.
    pub workload: &'static str,
    /// Fixed offered rate; closed loop when `None`.
    pub rate: Option<u32>,
}

const fn s(
    key: &'static str,
    title: &'static str,
    on: On,
    workload: &'static str,
    rate: Option<u32>,
) -> Scenario {
    Scenario {
        key,
        title,
        on,
        workload,
        rate,
    }
}

/// One repetition, in order. References first, then the gateway; W3 and
/// its direct-upstream twin run back to back so that they see the same
/// machine state.
pub const SCENARIOS: &[Scenario] = &[
    s("bare", "bare hyper (fixed body)", On::Bare, "bare", None),
    s(
        "echo",
        "rmcp echo reference, tools/call",
        On::Echo,
        "echo",
        None,
    ),
    s("w1", "W1 tools/list, 100 users", On::Gateway, "list", None),
    s(
        "w2",
        "W2 tools/call, cache hit",
        On::Gateway,
        "cached",
        None,
    ),
    s(
        "w3_low",
        "W3 tools/call, cache miss @ 8 rps",
        On::Gateway,
        "miss",
        Some(W3_LOW_RATE),
    ),
    s(
        "up_low",
        "direct upstream @ 8 rps",
        On::Upstream,
        "upstream",
        Some(W3_LOW_RATE),
    ),
    s(
        "w3_rate",
        "W3 tools/call, cache miss @ 1,000 rps",
        On::Gateway,
        "miss",
        Some(W3_RATE),
    ),
    s(
        "up_rate",
        "direct upstream @ 1,000 rps",
        On::Upstream,
        "upstream",
        Some(W3_RATE),
    ),
    s(
        "w3_closed",
        "W3 tools/call, cache miss",
        On::Gateway,
        "miss",
        None,
    ),
    s(
        "up_closed",
        "direct upstream",
        On::Upstream,
        "upstream",
        None,
    ),
    s(
        "w4",
        "W4 legacy session churn (4 requests/job)",
        On::Gateway,
        "session",
        None,
    ),
    s(
        "w5",
        "W5 mix (4 W1 : 5 W2 : 1 W4)",
        On::Gateway,
        "mix",
        None,
    ),
];

/// Durations and sizes: `--quick` or full.
pub struct Settings {
    pub repetitions: usize,
    pub warmup_s: f64,
    pub duration_s: f64,
    pub timeout_s: f64,
    pub sessions: u32,
    /// Coalescing: bursts of identical concurrent calls, and their width.
    pub bursts: u32,
    pub burst_width: u32,
}

impl Settings {
    pub fn new(quick: bool) -> Self {
        if quick {
            Settings {
                repetitions: 1,
                warmup_s: 0.5,
                duration_s: 2.0,
                timeout_s: 3.0,
                sessions: 500,
                bursts: 10,
                burst_width: 32,
            }
        } else {
            Settings {
                repetitions: 3,
                warmup_s: 2.0,
                duration_s: 10.0,
                timeout_s: 5.0,
                sessions: 2000,
                bursts: 50,
                burst_width: 32,
            }
        }
    }
}

/// Runs a loadgen subcommand and parses the JSON line it prints.
pub fn loadgen_json(loadgen: &Path, args: &[String]) -> Result<Value, String> {
    let output = Command::new(loadgen)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run loadgen: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "loadgen {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).map_err(|e| format!("loadgen printed {line:?}: {e}"))
}

/// One run of one scenario.
pub fn run(
    loadgen: &Path,
    scenario: &Scenario,
    servers: &mut Servers,
    set: &Settings,
) -> Result<Value, String> {
    let stats = servers.upstream.stats.clone();
    let server = servers.get(scenario.on);
    server.check_alive()?;
    let url = match scenario.on {
        On::Upstream => format!("{}{UPSTREAM_PATH}", server.url),
        _ => server.url.clone(),
    };
    let mut args: Vec<String> = [
        "run",
        "--label",
        scenario.key,
        "--url",
        &url,
        "--workload",
        scenario.workload,
        "--token",
        UPSTREAM_TOKEN,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend([
        "--connections".into(),
        CONNECTIONS.to_string(),
        "--warmup".into(),
        set.warmup_s.to_string(),
        "--duration".into(),
        set.duration_s.to_string(),
        "--timeout".into(),
        set.timeout_s.to_string(),
        "--pid".into(),
        server.pid().to_string(),
    ]);
    if let Some(rate) = scenario.rate {
        args.extend(["--rate".into(), rate.to_string()]);
    }
    if let Some(stats) = stats {
        args.extend(["--upstream-stats".into(), stats]);
    }
    let result = loadgen_json(loadgen, &args)?;
    server.check_alive()?;
    Ok(result)
}
