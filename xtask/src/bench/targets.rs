//! The targets, checked against the medians (reported, never
//! asserted: they depend on the machine).

use super::plan::SCENARIOS;
use super::report::{field, int, median, mib, ms3, or_dash, pct, Measured};

/// The targets: (target, measured, met).
pub fn targets(m: &Measured) -> Vec<(String, String, bool)> {
    let sub = |a: f64, b: f64| a - b;
    let div = |a: f64, b: f64| a / b;
    let or_nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
    let w2_ratio = or_nan(median(&m.paired("w2", "echo", "rps", div)));
    let w2_cpu = or_nan(median(&m.series("w2", "req_per_cpu_s")));
    let w1 = or_nan(median(&m.series("w1", "rps")));
    let w3_errors = m.errors("w3_rate");
    let add50 = or_nan(median(&m.paired("w3_rate", "up_rate", "p50_ms", sub)));
    let add99 = or_nan(median(&m.paired("w3_rate", "up_rate", "p99_ms", sub)));
    let w3_closed = or_nan(median(&m.paired("w3_closed", "up_closed", "rps", div)));
    let idle = m
        .idle_rss
        .iter()
        .find(|(n, _)| *n == "gateway")
        .and_then(|(_, k)| k.0)
        .map_or(f64::NAN, |k| k as f64);
    let w5_peak = m
        .series("w5", "peak_rss_kib")
        .into_iter()
        .fold(f64::NAN, f64::max);
    // Anonymous memory: the heap the sessions hold, not code pages that
    // happened to be touched first while opening them.
    let per_session = field(&m.sessions, "anon_kib_per_session").unwrap_or(f64::NAN);
    let all_errors: u64 = SCENARIOS.iter().map(|s| m.errors(s.key)).sum::<u64>()
        + m.sessions["errors"].as_u64().unwrap_or(0);
    let with_errors = |text: String, n: u64| {
        if n > 0 {
            format!("{text} ({n} errors)")
        } else {
            text
        }
    };
    vec![
        (
            "W2 ≥ 70% of the rmcp echo server's rps".into(),
            pct(w2_ratio),
            w2_ratio >= 0.70,
        ),
        (
            "W2 ≥ 10,000 requests per server CPU-second".into(),
            int(w2_cpu),
            w2_cpu >= 10_000.0,
        ),
        (
            "W1 ≥ 20,000 rps at 64 connections".into(),
            int(w1),
            w1 >= 20_000.0,
        ),
        (
            "W3 @ 1,000 rps: added latency p50 ≤ 0.3 ms".into(),
            with_errors(format!("{} ms", ms3(add50)), w3_errors),
            add50 <= 0.3 && w3_errors == 0,
        ),
        (
            "W3 @ 1,000 rps: added latency p99 ≤ 1 ms".into(),
            with_errors(format!("{} ms", ms3(add99)), w3_errors),
            add99 <= 1.0 && w3_errors == 0,
        ),
        (
            "W3 closed loop (64 conns) ≥ 97% of direct rps".into(),
            with_errors(pct(w3_closed), m.errors("w3_closed")),
            w3_closed >= 0.97 && m.errors("w3_closed") == 0,
        ),
        (
            "RSS idle ≤ 20 MiB".into(),
            format!("{} MiB", mib(idle)),
            idle <= 20.0 * 1024.0,
        ),
        (
            "RSS ≤ 50 MiB under W5".into(),
            format!("{} MiB", mib(w5_peak)),
            w5_peak <= 50.0 * 1024.0,
        ),
        (
            "≤ 8 KiB per live legacy session".into(),
            format!(
                "{} KiB (anonymous)",
                or_dash(per_session, |k| format!("{k:.1}"))
            ),
            per_session <= 8.0,
        ),
        (
            "errors = 0 in every run".into(),
            all_errors.to_string(),
            all_errors == 0,
        ),
    ]
}

pub fn targets_table(m: &Measured) -> String {
    let mut out = String::from("| target | measured (median) | |\n|---|---|---|\n");
    for (t, v, met) in targets(m) {
        out += &format!(
            "| {t} | {v} | {} |\n",
            if met { "met" } else { "**missed**" }
        );
    }
    out
}
