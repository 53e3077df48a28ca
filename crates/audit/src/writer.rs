//! The group-commit writer: one task owns the chain. It takes everything
//! queued (up to `max_batch`), links the rows in order, inserts them in one
//! transaction, commits, and only then answers the waiting callers. While a
//! commit (an fsync) is in flight the next batch queues up, so throughput
//! grows with load instead of paying one fsync per call.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel, NotSet, QueryFilter,
    QueryOrder, TransactionTrait,
};
use switchboard_gateway::audit::AuditUnavailable;
use tokio::sync::{mpsc, oneshot};

use crate::chain::{self, GENESIS};
use crate::entity::{audit_anchor, audit_log};

/// Rows per INSERT statement, under both backends' bind-parameter limits
/// (29 columns × 500 < 32766 for SQLite, < 65535 for PostgreSQL).
const ROWS_PER_STATEMENT: usize = 500;

/// A batch that has not committed by then fails, so a hung database makes
/// calls fail closed ("audit unavailable") instead of hanging them. Whether
/// it landed is unknown, hence the resync that follows every failure.
const COMMIT_TIMEOUT: Duration = Duration::from_secs(10);

/// A row waiting to be committed, and who to tell.
pub(crate) struct Job {
    pub(crate) row: audit_log::Model,
    pub(crate) done: oneshot::Sender<Result<(), AuditUnavailable>>,
}

/// Counters, for tests, metrics and `/readyz`.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    pub(crate) batches: AtomicU64,
    pub(crate) rows: AtomicU64,
    pub(crate) failed_batches: AtomicU64,
    pub(crate) failed_rows: AtomicU64,
}

pub(crate) struct Writer {
    pub(crate) db: DatabaseConnection,
    pub(crate) chain_id: String,
    pub(crate) max_batch: usize,
    pub(crate) stats: Arc<Stats>,
    /// The next seq and the hash it links to; advanced only after a commit.
    next_seq: i64,
    prev_hash: String,
    /// After a failed batch the commit may in fact have landed (a connection
    /// lost after COMMIT was sent), so the chain head is re-read from the
    /// database before the next batch.
    resync: bool,
}

impl Writer {
    pub(crate) fn new(
        db: DatabaseConnection,
        chain_id: String,
        max_batch: usize,
        stats: Arc<Stats>,
    ) -> Self {
        Writer {
            db,
            chain_id,
            max_batch,
            stats,
            next_seq: 1,
            prev_hash: GENESIS.to_owned(),
            resync: false,
        }
    }

    /// Runs until every sender is gone and the queue is drained.
    pub(crate) async fn run(mut self, mut rx: mpsc::Receiver<Job>) {
        let mut jobs = Vec::with_capacity(self.max_batch);
        while rx.recv_many(&mut jobs, self.max_batch).await > 0 {
            let n = jobs.len() as u64;
            let rows = jobs
                .iter_mut()
                .map(|j| std::mem::take(&mut j.row))
                .collect();
            let committed = tokio::time::timeout(COMMIT_TIMEOUT, self.commit(rows))
                .await
                .unwrap_or_else(|_| {
                    Err(DbErr::Custom(format!(
                        "no commit within {COMMIT_TIMEOUT:?}"
                    )))
                });
            let outcome = match committed {
                Ok(()) => {
                    self.stats.batches.fetch_add(1, Ordering::Relaxed);
                    self.stats.rows.fetch_add(n, Ordering::Relaxed);
                    Ok(())
                }
                Err(e) => {
                    self.resync = true;
                    self.stats.failed_batches.fetch_add(1, Ordering::Relaxed);
                    self.stats.failed_rows.fetch_add(n, Ordering::Relaxed);
                    // The error text only: never the rows' arguments or results.
                    tracing::error!(error = %e, rows = n, chain_id = %self.chain_id, "audit batch not committed");
                    Err(format!("audit store: {e}"))
                }
            };
            for job in jobs.drain(..) {
                // A caller that went away does not need the answer.
                let _ = job.done.send(outcome.clone().map_err(AuditUnavailable));
            }
        }
    }

    async fn commit(&mut self, rows: Vec<audit_log::Model>) -> Result<(), DbErr> {
        if self.resync {
            self.read_head().await?;
            self.resync = false;
        }
        let mut seq = self.next_seq;
        let mut prev = self.prev_hash.clone();
        let mut models = Vec::with_capacity(rows.len());
        for row in rows {
            let row = chain::link(row, &self.chain_id, seq, &prev);
            seq += 1;
            prev.clone_from(&row.row_hash);
            let mut active = row.into_active_model();
            active.id = NotSet;
            models.push(active);
        }
        let txn = self.db.begin().await?;
        while !models.is_empty() {
            let rest = models.split_off(models.len().min(ROWS_PER_STATEMENT));
            audit_log::Entity::insert_many(std::mem::replace(&mut models, rest))
                .exec_without_returning(&txn)
                .await?;
        }
        txn.commit().await?;
        self.next_seq = seq;
        self.prev_hash = prev;
        Ok(())
    }

    /// Re-reads the chain head: the last row, or the anchor if pruning
    /// removed every row, or genesis.
    async fn read_head(&mut self) -> Result<(), DbErr> {
        let last = audit_log::Entity::find()
            .filter(audit_log::Column::ChainId.eq(&self.chain_id))
            .order_by_desc(audit_log::Column::Seq)
            .one(&self.db)
            .await?;
        let anchor = audit_anchor::Entity::find_by_id(self.chain_id.clone())
            .one(&self.db)
            .await?;
        let (seq, hash) = match (last, anchor) {
            (Some(row), Some(a)) if a.seq > row.seq => (a.seq, a.row_hash),
            (Some(row), _) => (row.seq, row.row_hash),
            (None, Some(a)) => (a.seq, a.row_hash),
            (None, None) => (0, GENESIS.to_owned()),
        };
        self.next_seq = seq + 1;
        self.prev_hash = hash;
        Ok(())
    }
}
