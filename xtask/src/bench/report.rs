//! From the runs' JSON lines to the Markdown tables: every cell is the
//! median over the repetitions with the [min–max] range, and paired
//! figures (gateway minus upstream, gateway over reference) are computed
//! per repetition before taking the median, so that a noisy repetition
//! does not get paired with a quiet one.

use serde_json::Value;

use super::plan::{Settings, SCENARIOS};

/// Everything measured in one bench run.
pub struct Measured {
    pub runs: Vec<Value>,
    /// (server, memory) right after start-up, before any load.
    pub idle_rss: Vec<(&'static str, Mem)>,
    /// The gateway's memory after all the load, once idle again.
    pub gateway_rss_after: Mem,
    pub sessions: Value,
    /// `loadgen coalesce`: identical concurrent misses vs upstream requests.
    pub coalesce: Value,
}

/// (`VmRSS`, `RssAnon`) in KiB: all resident pages, and those that are not
/// the mapped executable and libraries (heap, stacks).
pub type Mem = (Option<u64>, Option<u64>);

/// "total (anon)" in MiB.
fn mem(m: &Mem) -> String {
    let f = |k: Option<u64>| k.map_or("–".into(), |k| mib(k as f64));
    format!("{} ({} anonymous)", f(m.0), f(m.1))
}

pub(super) fn field(run: &Value, name: &str) -> Option<f64> {
    run.get(name)?.as_f64()
}

impl Measured {
    /// `field` of every repetition of scenario `key`, in repetition order.
    pub(super) fn series(&self, key: &str, name: &str) -> Vec<f64> {
        self.runs
            .iter()
            .filter(|r| r["label"] == key)
            .filter_map(|r| field(r, name))
            .collect()
    }

    /// `f(a, b)` per repetition for scenarios `a` and `b`.
    pub(super) fn paired(&self, a: &str, b: &str, name: &str, f: fn(f64, f64) -> f64) -> Vec<f64> {
        let (x, y) = (self.series(a, name), self.series(b, name));
        x.iter().zip(&y).map(|(x, y)| f(*x, *y)).collect()
    }

    pub(super) fn errors(&self, key: &str) -> u64 {
        self.series(key, "errors").iter().sum::<f64>() as u64
    }
}

/// (median, min, max).
pub fn spread(v: &[f64]) -> Option<(f64, f64, f64)> {
    let mut v: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some((median, v[0], v[n - 1]))
}

pub(super) fn median(v: &[f64]) -> Option<f64> {
    spread(v).map(|s| s.0)
}

/// "median [min–max]", or the value alone for one repetition.
fn cell(v: &[f64], fmt: fn(f64) -> String) -> String {
    match spread(v) {
        None => "–".into(),
        Some((m, lo, hi)) if v.len() > 1 => format!("{} [{}–{}]", fmt(m), fmt(lo), fmt(hi)),
        Some((m, _, _)) => fmt(m),
    }
}

/// Number formats; a missing value (NaN: no repetition had it) is "–".
pub(super) fn or_dash(x: f64, f: impl Fn(f64) -> String) -> String {
    if x.is_finite() {
        f(x)
    } else {
        "–".into()
    }
}

pub(super) fn int(x: f64) -> String {
    or_dash(x, |x| {
        let s = format!("{:.0}", x.abs());
        let mut out = if x < 0.0 {
            "-".to_owned()
        } else {
            String::new()
        };
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    })
}
fn ms2(x: f64) -> String {
    or_dash(x, |x| format!("{x:.2}"))
}
pub(super) fn ms3(x: f64) -> String {
    or_dash(x, |x| format!("{x:.3}"))
}
pub(super) fn mib(kib: f64) -> String {
    or_dash(kib, |k| format!("{:.1}", k / 1024.0))
}
pub(super) fn pct(x: f64) -> String {
    or_dash(x, |x| format!("{:.0}%", x * 100.0))
}

/// The per-scenario table.
pub fn table(m: &Measured) -> String {
    let mut out = String::from(
        "| scenario | rps | p50 ms | p90 ms | p99 ms | p99.9 ms | errors | req / server CPU-s | peak RSS MiB | upstream requests |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for s in SCENARIOS {
        let col = |name: &str, f: fn(f64) -> String| cell(&m.series(s.key, name), f);
        out += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            s.title,
            col("rps", int),
            col("p50_ms", ms2),
            col("p90_ms", ms2),
            col("p99_ms", ms2),
            col("p999_ms", ms2),
            m.errors(s.key),
            col("req_per_cpu_s", int),
            col("peak_rss_kib", mib),
            col("upstream_requests", int),
        );
    }
    out
}

/// Derived figures: added latency, ratios, memory.
pub fn derived(m: &Measured) -> String {
    let sub = |a: f64, b: f64| a - b;
    let div = |a: f64, b: f64| a / b;
    let mut out = String::from("| figure | value |\n|---|---|\n");
    let mut row = |k: &str, v: String| out += &format!("| {k} | {v} |\n");
    for (gw, up, rate) in [("w3_low", "up_low", "8"), ("w3_rate", "up_rate", "1,000")] {
        // Added latency is computed over the successful calls only.
        let errors = match m.errors(gw) {
            0 => String::new(),
            n => format!(" ({n} W3 errors)"),
        };
        for p in ["p50", "p99"] {
            let name = format!("{p}_ms");
            row(
                &format!("gateway-added latency @ {rate} rps, {p} (W3 − direct upstream), ms"),
                cell(&m.paired(gw, up, &name, sub), ms3) + &errors,
            );
        }
    }
    row(
        "W2 rps / rmcp echo rps",
        cell(&m.paired("w2", "echo", "rps", div), pct),
    );
    row(
        "W2 rps / bare hyper rps",
        cell(&m.paired("w2", "bare", "rps", div), pct),
    );
    row(
        "W3 closed-loop rps / direct upstream rps",
        cell(&m.paired("w3_closed", "up_closed", "rps", div), pct),
    );
    for (name, m) in &m.idle_rss {
        row(&format!("idle RSS after start, {name}, MiB"), mem(m));
    }
    row(
        "gateway RSS after all runs (idle again), MiB",
        mem(&m.gateway_rss_after),
    );
    let s = &m.sessions;
    let kib = |k: &str| field(s, k).map_or("–".into(), |k| format!("{k:.1}"));
    row(
        &format!(
            "memory per live legacy session ({} open), KiB",
            s["sessions"]
        ),
        format!(
            "{} ({} anonymous)",
            kib("kib_per_session"),
            kib("anon_kib_per_session")
        ),
    );
    out
}

/// The response cache's evidence: W2's calls against the requests the
/// fake upstream received in the same windows, and the coalescing bursts.
pub fn cache_evidence(m: &Measured) -> String {
    let total = |key: &str, name: &str| m.series(key, name).iter().sum::<f64>();
    let w2_calls = total("w2", "ok");
    let w2_upstream = total("w2", "upstream_requests");
    let c = &m.coalesce;
    let num = |k: &str| field(c, k).unwrap_or(f64::NAN);
    let mut out = String::from("| figure | value |\n|---|---|\n");
    let mut row = |k: &str, v: String| out += &format!("| {k} | {v} |\n");
    row("W2 calls answered (all repetitions)", int(w2_calls));
    row(
        "upstream requests during those W2 windows",
        int(w2_upstream),
    );
    row(
        &format!(
            "coalescing: {} bursts × {} identical concurrent calls, each burst a new argument",
            c["bursts"], c["width"]
        ),
        format!("{} calls, {} errors", int(num("calls")), int(num("errors"))),
    );
    row(
        "upstream requests for one lone miss",
        int(num("upstream_requests_per_miss")),
    );
    row(
        "upstream requests for all bursts",
        int(num("upstream_requests")),
    );
    row(
        "calls answered per upstream fetch (coalescing ratio; width = perfect)",
        or_dash(num("calls_per_upstream_run"), |x| format!("{x:.1}")),
    );
    out
}

/// One line on how the numbers were taken.
pub fn settings_line(set: &Settings) -> String {
    format!(
        "{} repetition(s), interleaved; {} s warm-up + {} s measured per run; 64 connections; per-request timeout {} s.",
        set.repetitions, set.warmup_s, set.duration_s, set.timeout_s
    )
}
