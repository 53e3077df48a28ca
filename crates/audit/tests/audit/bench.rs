//! Throughput of durable group commit. Ignored by default; run with
//! `cargo test -p switchboard-audit --release --test audit bench -- --ignored --nocapture`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use switchboard_gateway::audit::{AuditSink, Outcome};

use crate::support::{record, Backend, TestDb};

const WRITES: usize = 2_000;

async fn run(backend: Backend) {
    let db = TestDb::new(backend).await;
    let store = db.open().await;
    store.write(record(0, Outcome::Ok)).await.expect("warm up");
    let started = Instant::now();
    let writes: Vec<_> = (0..WRITES)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let t = Instant::now();
                store
                    .write(record(i, Outcome::Ok))
                    .await
                    .expect("committed");
                t.elapsed()
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::with_capacity(WRITES);
    for w in writes {
        latencies.push(w.await.expect("task"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{backend:?}: {WRITES} concurrent durable writes in {elapsed:?} = {:.0} rows/s; {} transactions; write latency p50 {:?} p99 {:?}",
        WRITES as f64 / elapsed.as_secs_f64(),
        store.batches_committed() - 1,
        p(0.50),
        p(0.99),
    );

    // One call at a time: the latency a single durable commit adds to a call.
    let mut alone = Vec::with_capacity(200);
    for i in 0..200 {
        let t = Instant::now();
        store
            .write(record(i, Outcome::Ok))
            .await
            .expect("committed");
        alone.push(t.elapsed());
    }
    alone.sort();
    println!(
        "{backend:?}: sequential writes: p50 {:?} p99 {:?}",
        alone[100], alone[198]
    );
    assert!(store.reader().verify().await.expect("verify").is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_postgres() {
    run(Backend::Postgres).await;
}
