//! Durability: every call whose response reached the client has its audit
//! row, even when the gateway is killed with SIGKILL mid-load; and the
//! chain still verifies.

use std::collections::HashSet;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use super::support::DemoServer;

const ACKNOWLEDGED_BEFORE_KILL: usize = 150;

async fn load(
    url: String,
    worker: usize,
    stop: Arc<AtomicBool>,
    acked: Arc<Mutex<Vec<String>>>,
    count: Arc<AtomicUsize>,
) {
    let http = reqwest::Client::new();
    let mut i = 0;
    while !stop.load(Ordering::SeqCst) {
        i += 1;
        let (name, args) = if i % 3 == 0 {
            ("gong_list_users", json!({}))
        } else {
            (
                "hubspot_search_deals",
                json!({"limit": 1 + (worker * 7 + i) % 20}),
            )
        };
        let body = json!({"jsonrpc": "2.0", "id": i, "method": "tools/call", "params": {
            "name": name, "arguments": args,
            "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}}});
        let sent = http
            .post(&url)
            .bearer_auth("demo-admin")
            .header("accept", "application/json, text/event-stream")
            .header("mcp-protocol-version", "2026-07-28")
            .header("mcp-method", "tools/call")
            .header("mcp-name", name)
            .json(&body)
            .send()
            .await;
        let Ok(response) = sent else { break };
        let request_id = response
            .headers()
            .get("x-request-id")
            .map(|v| v.to_str().unwrap().to_owned());
        // Acknowledged = the whole response arrived and it is a result.
        let Ok(text) = response.text().await else {
            break;
        };
        let ok = serde_json::from_str::<Value>(&text)
            .map(|v| v.get("result").is_some())
            .unwrap_or(false);
        if let (true, Some(id)) = (ok, request_id) {
            acked.lock().unwrap().push(id);
            count.fetch_add(1, Ordering::SeqCst);
        }
    }
}

fn audit(url: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["audit", "--url", url])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn every_acknowledged_call_survives_sigkill() {
    let db = std::env::temp_dir().join(format!("sb-sigkill-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&db);
    let audit_url = format!("sqlite://{}", db.display());
    let mut server = DemoServer::start_with(&["--audit-url", &audit_url]);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..8)
            .map(|w| {
                tokio::spawn(load(
                    server.url.clone(),
                    w,
                    stop.clone(),
                    acked.clone(),
                    count.clone(),
                ))
            })
            .collect();
        while count.load(Ordering::SeqCst) < ACKNOWLEDGED_BEFORE_KILL {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        server.kill();
        stop.store(true, Ordering::SeqCst);
        for w in workers {
            let _ = w.await;
        }
    });
    let acked: HashSet<String> = acked.lock().unwrap().iter().cloned().collect();
    assert!(acked.len() >= ACKNOWLEDGED_BEFORE_KILL);

    let (ok, rows) = audit(
        &audit_url,
        &["query", "--format", "json", "--limit", "1000000"],
    );
    assert!(ok, "{rows}");
    let stored: HashSet<String> = rows
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|r| r["method"] == "tools/call")
        .filter_map(|r| r["request_id"].as_str().map(str::to_owned))
        .collect();
    let missing: Vec<&String> = acked.difference(&stored).collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged calls have no audit row: {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );

    let (ok, report) = audit(&audit_url, &["verify"]);
    assert!(ok, "the chain must verify after a SIGKILL: {report}");
    let _ = std::fs::remove_file(&db);
}
