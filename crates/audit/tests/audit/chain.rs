//! Tamper evidence and retention: edits and deletions are named by seq;
//! pruning leaves an anchor so an honest trail still verifies.

use switchboard_audit::{AuditRow, QueryFilter};
use switchboard_gateway::audit::{AuditSink, Outcome};

use crate::support::{record, TestDb};

async fn write_rows(
    db: &TestDb,
    n: usize,
) -> (std::sync::Arc<switchboard_audit::AuditStore>, Vec<AuditRow>) {
    let store = db.open().await;
    for i in 0..n {
        store
            .write(record(i, Outcome::Ok))
            .await
            .expect("committed");
    }
    let rows = store
        .reader()
        .query(&QueryFilter::default())
        .await
        .expect("rows");
    (store, rows)
}

pub async fn edited_rows_are_named(db: &TestDb) {
    let (store, rows) = write_rows(db, 10).await;
    assert!(store.reader().verify().await.expect("verify").is_ok());

    db.exec("UPDATE audit_log SET result = '{\"deal\":\"forged\"}' WHERE seq = 5")
        .await;
    let report = store.reader().verify().await.expect("verify");
    let broken = report.broken.first().expect("tampering detected");
    assert_eq!(
        (broken.chain_id.as_str(), broken.seq),
        (store.chain_id(), 5)
    );
    assert_eq!(broken.call_id, rows[4].call_id);
    assert!(broken.problem.contains("edited"), "{broken}");

    // Editing arguments earlier in the chain moves the first break there.
    db.exec("UPDATE audit_log SET arguments = '{}' WHERE seq = 2")
        .await;
    assert_eq!(
        store.reader().verify().await.expect("verify").broken[0].seq,
        2
    );

    // Recomputing the edited row's own hash just moves the break to the next link.
    db.exec(&format!(
        "UPDATE audit_log SET arguments = '{}' WHERE seq = 2",
        rows[1].arguments
    ))
    .await;
    db.exec("UPDATE audit_log SET row_hash = 'abc' WHERE seq = 5")
        .await;
    let broken = &store.reader().verify().await.expect("verify").broken[0];
    assert_eq!(broken.seq, 5);

    let mut out = Vec::new();
    let err = switchboard_audit::cli::run_to(
        &db.url,
        switchboard_audit::cli::AuditCommand::Verify,
        &mut out,
    )
    .await
    .expect_err("verify fails");
    assert!(String::from_utf8_lossy(&out).contains("TAMPERED"));
    assert!(err.to_string().contains("seq 5"), "{err}");
}

pub async fn deleted_rows_are_named(db: &TestDb) {
    let (store, rows) = write_rows(db, 10).await;
    db.exec("DELETE FROM audit_log WHERE seq = 4").await;
    let report = store.reader().verify().await.expect("verify");
    let broken = report.broken.first().expect("deletion detected");
    assert_eq!(
        (broken.seq, broken.call_id.as_str()),
        (5, rows[4].call_id.as_str())
    );
    assert!(broken.problem.contains("missing"), "{broken}");

    // Renumbering the rest to hide the gap breaks the hash links instead.
    db.exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4")
        .await;
    let broken = &store.reader().verify().await.expect("verify").broken[0];
    assert_eq!(broken.seq, 4);

    // So does deleting the first row (no anchor vouches for it).
    let fresh = TestDb::new(db.backend).await;
    let (store, _) = write_rows(&fresh, 3).await;
    fresh.exec("DELETE FROM audit_log WHERE seq = 1").await;
    assert_eq!(
        store.reader().verify().await.expect("verify").broken[0].seq,
        2
    );
}

pub async fn prune_leaves_an_anchor_and_verify_passes(db: &TestDb) {
    let store = db.open().await;
    let day_us = 86_400_000_000;
    let now = switchboard_gateway::audit::now_us();
    let at = |days_ago: i64, i: usize| {
        let mut r = record(i, Outcome::Ok);
        r.time_us = now - days_ago * day_us;
        r
    };
    for i in 0..6 {
        store.write(at(40, i)).await.expect("old");
    }
    store.write(at(1, 6)).await.expect("young");
    store
        .write(at(40, 7))
        .await
        .expect("old but after a young row: kept for now");
    store.write(at(0, 8)).await.expect("young");

    let report = store.prune(30).await.expect("prune");
    assert_eq!((report.rows, report.chains), (6, 1));
    let reader = store.reader();
    let left: Vec<i64> = reader
        .query(&QueryFilter::default())
        .await
        .expect("rows")
        .iter()
        .map(|r| r.seq)
        .collect();
    assert_eq!(left, [7, 8, 9]);
    let verified = reader.verify().await.expect("verify");
    assert!(verified.is_ok(), "{:?}", verified.broken);
    assert_eq!(verified.anchored_chains, 1);

    // A second instance whose rows are all old is pruned to an anchor-only
    // chain; its writer carries on from the anchor and the trail verifies.
    let other = db.open().await;
    for i in 0..4 {
        other.write(at(40, 100 + i)).await.expect("old");
    }
    assert_eq!(
        store.prune(30).await.expect("prune"),
        switchboard_audit::PruneReport { rows: 4, chains: 1 }
    );
    other.write(at(0, 104)).await.expect("after full prune");
    store
        .write(at(0, 9))
        .await
        .expect("first chain carries on too");
    let verified = reader.verify().await.expect("verify");
    assert!(verified.is_ok(), "{:?}", verified.broken);
    assert_eq!(
        (verified.rows, verified.chains, verified.anchored_chains),
        (5, 2, 2)
    );
    let rows = reader.query(&QueryFilter::default()).await.expect("rows");
    let resumed = rows
        .iter()
        .find(|r| r.chain_id == other.chain_id())
        .expect("resumed row");
    assert_eq!(resumed.seq, 5);
}

pub async fn prune_moves_the_anchor_forward(db: &TestDb) {
    let store = db.open().await;
    let now = switchboard_gateway::audit::now_us();
    for (i, days_ago) in [40, 40, 20, 20, 20, 0].into_iter().enumerate() {
        let mut r = record(i, Outcome::Ok);
        r.time_us = now - days_ago * 86_400_000_000;
        store.write(r).await.expect("committed");
    }
    assert_eq!(store.prune(30).await.expect("prune").rows, 2);
    assert_eq!(
        store.prune(10).await.expect("prune").rows,
        3,
        "the anchor row is updated in place"
    );
    assert_eq!(store.prune(30).await.expect("prune").rows, 0);
    let report = store.reader().verify().await.expect("verify");
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!((report.rows, report.anchored_chains), (1, 1));
}
