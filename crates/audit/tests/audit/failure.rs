//! When the store cannot commit: fail closed by default (the caller gets
//! `AuditUnavailable`), fail open with `on_failure = "allow"`, and in both
//! cases keep the chain consistent for when the store comes back.

use switchboard_audit::{AuditStore, OnFailure, QueryFilter};
use switchboard_gateway::audit::{AuditSink, Outcome};

use crate::support::{record, Backend, TestDb};

const BREAK: &str = "ALTER TABLE audit_log RENAME TO audit_log_away";
const MEND: &str = "ALTER TABLE audit_log_away RENAME TO audit_log";

async fn seqs_after_recovery(store: &AuditStore) -> Vec<i64> {
    let reader = store.reader();
    let report = reader.verify().await.expect("verify");
    assert!(
        report.is_ok(),
        "chain broken by a failed batch: {:?}",
        report.broken
    );
    reader
        .query(&QueryFilter::default())
        .await
        .expect("rows")
        .iter()
        .map(|r| r.seq)
        .collect()
}

pub async fn unavailable_store_denies_then_recovers(db: &TestDb) {
    let store = db.open().await;
    for i in 0..3 {
        store
            .write(record(i, Outcome::Ok))
            .await
            .expect("committed");
    }
    db.exec(BREAK).await;
    let err = store
        .write(record(3, Outcome::Ok))
        .await
        .expect_err("fails closed");
    assert!(err.to_string().contains("audit unavailable"), "{err}");
    assert_eq!(store.rows_failed(), 1);
    db.exec(MEND).await;
    store
        .write(record(4, Outcome::Ok))
        .await
        .expect("recovered");
    assert_eq!(
        seqs_after_recovery(&store).await,
        [1, 2, 3, 4],
        "the failed row took no seq"
    );
}

pub async fn unavailable_store_allows_when_configured(db: &TestDb) {
    let store = AuditStore::open(&db.settings(OnFailure::Allow))
        .await
        .expect("open");
    store
        .write(record(0, Outcome::Ok))
        .await
        .expect("committed");
    db.exec(BREAK).await;
    store
        .write(record(1, Outcome::Ok))
        .await
        .expect("let through, row lost");
    assert_eq!(store.rows_failed(), 1);
    db.exec(MEND).await;
    store
        .write(record(2, Outcome::Ok))
        .await
        .expect("committed");
    assert_eq!(seqs_after_recovery(&store).await, [1, 2]);
}

pub async fn lost_database_fails_closed(db: &TestDb) {
    let deny = db.open().await;
    let allow = AuditStore::open(&db.settings(OnFailure::Allow))
        .await
        .expect("open");
    deny.write(record(0, Outcome::Ok)).await.expect("committed");
    match db.backend {
        Backend::Postgres => db.drop_database().await,
        Backend::Sqlite => db.exec("DROP TABLE audit_log").await,
    }
    assert!(deny.write(record(1, Outcome::Ok)).await.is_err());
    assert!(allow.write(record(2, Outcome::Ok)).await.is_ok());
    assert!(deny.rows_failed() == 1 && allow.rows_failed() == 1);
    if db.backend == Backend::Postgres {
        assert!(!deny.ping().await, "readiness sees the lost database");
    }
}
