//! Counters and histograms, rendered in the Prometheus text format at
//! `/metrics`. Hand-rolled (a few maps behind mutexes): the label sets are
//! small and bounded by the catalog, and it keeps a heavy dependency out.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

/// Latency buckets in seconds.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

/// Everything `/metrics` reports.
#[derive(Default)]
pub struct Metrics {
    calls: Mutex<BTreeMap<(String, String, String), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    cache: Mutex<BTreeMap<String, u64>>,
    upstream_429: Mutex<BTreeMap<String, u64>>,
    lists: Mutex<u64>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Metrics {
    /// One finished `tools/call`.
    pub fn record_call(
        &self,
        tool: &str,
        outcome: &str,
        role: &str,
        cache: &str,
        latency: Duration,
    ) {
        *lock(&self.calls)
            .entry((tool.to_owned(), outcome.to_owned(), role.to_owned()))
            .or_default() += 1;
        *lock(&self.cache).entry(cache.to_owned()).or_default() += 1;
        let mut latency_map = lock(&self.latency);
        let h = latency_map.entry(tool.to_owned()).or_default();
        if h.counts.is_empty() {
            h.counts = vec![0; BUCKETS.len()];
        }
        let secs = latency.as_secs_f64();
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                h.counts[i] += 1;
            }
        }
        h.sum += secs;
        h.count += 1;
    }

    /// A 429 (or equivalent) from a vendor.
    pub fn record_upstream_rate_limited(&self, connector: &str) {
        *lock(&self.upstream_429)
            .entry(connector.to_owned())
            .or_default() += 1;
    }

    pub fn record_list(&self) {
        *lock(&self.lists) += 1;
    }

    /// The Prometheus text exposition. `gauges` are point-in-time values
    /// read by the caller (audit queue depth, open sessions, ...).
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        out.push_str("# HELP switchboard_tool_calls_total Tool calls by tool, outcome and role.\n# TYPE switchboard_tool_calls_total counter\n");
        for ((tool, outcome, role), n) in lock(&self.calls).iter() {
            let _ = writeln!(out, "switchboard_tool_calls_total{{tool=\"{tool}\",outcome=\"{outcome}\",role=\"{role}\"}} {n}");
        }
        out.push_str("# HELP switchboard_tool_call_duration_seconds Tool call latency through the whole pipeline.\n# TYPE switchboard_tool_call_duration_seconds histogram\n");
        for (tool, h) in lock(&self.latency).iter() {
            for (b, c) in BUCKETS.iter().zip(&h.counts) {
                let _ = writeln!(out, "switchboard_tool_call_duration_seconds_bucket{{tool=\"{tool}\",le=\"{b}\"}} {c}");
            }
            let _ = writeln!(
                out,
                "switchboard_tool_call_duration_seconds_bucket{{tool=\"{tool}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "switchboard_tool_call_duration_seconds_sum{{tool=\"{tool}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "switchboard_tool_call_duration_seconds_count{{tool=\"{tool}\"}} {}",
                h.count
            );
        }
        out.push_str("# HELP switchboard_cache_lookups_total Response cache results (hit, miss, bypass).\n# TYPE switchboard_cache_lookups_total counter\n");
        let cache = lock(&self.cache);
        for (result, n) in cache.iter() {
            let _ = writeln!(
                out,
                "switchboard_cache_lookups_total{{result=\"{result}\"}} {n}"
            );
        }
        let (hits, misses) = (
            cache.get("hit").copied().unwrap_or(0),
            cache.get("miss").copied().unwrap_or(0),
        );
        let ratio = if hits + misses == 0 {
            0.0
        } else {
            hits as f64 / (hits + misses) as f64
        };
        let _ = writeln!(out, "# HELP switchboard_cache_hit_ratio Hits over cacheable lookups.\n# TYPE switchboard_cache_hit_ratio gauge\nswitchboard_cache_hit_ratio {ratio}");
        out.push_str("# HELP switchboard_upstream_rate_limited_total Vendor 429s and rate-limit refusals by connector.\n# TYPE switchboard_upstream_rate_limited_total counter\n");
        for (connector, n) in lock(&self.upstream_429).iter() {
            let _ = writeln!(
                out,
                "switchboard_upstream_rate_limited_total{{connector=\"{connector}\"}} {n}"
            );
        }
        let _ = writeln!(out, "# HELP switchboard_tool_lists_total tools/list requests.\n# TYPE switchboard_tool_lists_total counter\nswitchboard_tool_lists_total {}", *lock(&self.lists));
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_histograms_and_the_hit_ratio() {
        let m = Metrics::default();
        m.record_call(
            "hubspot_get_deal",
            "ok",
            "sales",
            "miss",
            Duration::from_millis(3),
        );
        m.record_call(
            "hubspot_get_deal",
            "ok",
            "sales",
            "hit",
            Duration::from_micros(200),
        );
        m.record_upstream_rate_limited("hubspot");
        let text = m.render(&[("switchboard_audit_queue_depth", "Rows waiting.", 2.0)]);
        assert!(text.contains("switchboard_tool_calls_total{tool=\"hubspot_get_deal\",outcome=\"ok\",role=\"sales\"} 2"));
        assert!(text.contains("switchboard_tool_call_duration_seconds_bucket{tool=\"hubspot_get_deal\",le=\"0.001\"} 1"));
        assert!(text
            .contains("switchboard_tool_call_duration_seconds_count{tool=\"hubspot_get_deal\"} 2"));
        assert!(text.contains("switchboard_cache_hit_ratio 0.5"));
        assert!(text.contains("switchboard_upstream_rate_limited_total{connector=\"hubspot\"} 1"));
        assert!(text.contains("switchboard_audit_queue_depth 2"));
    }
}
