//! The group-commit writer: many concurrent calls, few transactions, one
//! gapless chain per instance.

use std::sync::Arc;

use switchboard_audit::QueryFilter;
use switchboard_gateway::audit::{AuditSink, Outcome};

use crate::support::{record, TestDb};

pub async fn concurrent_writes_are_group_committed(db: &TestDb) {
    let store = db.open().await;
    let writes: Vec<_> = (0..200)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.write(record(i, Outcome::Ok)).await })
        })
        .collect();
    for w in writes {
        w.await.expect("task").expect("every write committed");
    }
    assert_eq!(store.rows_committed(), 200);
    let batches = store.batches_committed();
    assert!(
        batches < 200,
        "{batches} transactions for 200 rows: no group commit"
    );
    let reader = store.reader();
    assert_eq!(
        reader.count(&QueryFilter::default()).await.expect("count"),
        200
    );
    let seqs: Vec<i64> = reader
        .query(&QueryFilter::default())
        .await
        .expect("rows")
        .iter()
        .map(|r| r.seq)
        .collect();
    assert_eq!(
        seqs,
        (1..=200).collect::<Vec<_>>(),
        "one gapless chain in commit order"
    );
    let report = reader.verify().await.expect("verify");
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!((report.rows, report.chains), (200, 1));
}

pub async fn chains_per_instance_verify(db: &TestDb) {
    // Two gateway instances on one database (replicas, or a restart).
    let a = db.open().await;
    let b = db.open().await;
    assert_ne!(a.chain_id(), b.chain_id());
    for i in 0..10 {
        a.write(record(i, Outcome::Ok)).await.expect("a");
        b.write(record(i, Outcome::Denied)).await.expect("b");
    }
    drop(a);
    let c = db.open().await;
    c.write(record(0, Outcome::Ok)).await.expect("c");
    let report = switchboard_audit::verify(&db.url).await.expect("verify");
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!((report.rows, report.chains), (21, 3));
}
