//! [`AuditStore`]: the gateway's durable [`AuditSink`].

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sea_orm::DatabaseConnection;
use switchboard_gateway::audit::{AuditRecord, AuditSink, AuditUnavailable};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::writer::{Job, Stats, Writer};
use crate::{db, retention, row, AuditError, AuditReader, AuditSettings, OnFailure, PruneReport};

/// How often retention runs when `retention_days` is set.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// The audit trail of one gateway instance: one hash chain, one writer task.
pub struct AuditStore {
    tx: mpsc::Sender<Job>,
    db: DatabaseConnection,
    chain_id: String,
    on_failure: OnFailure,
    queue_capacity: usize,
    stats: Arc<Stats>,
    retention: Option<JoinHandle<()>>,
}

impl AuditStore {
    /// Connects, runs the migrations, starts the writer (and retention, if
    /// configured) on a new chain. Must be called inside a tokio runtime.
    pub async fn open(settings: &AuditSettings) -> Result<Arc<AuditStore>, AuditError> {
        settings.validate()?;
        let db = db::connect(&settings.url, db::Create::IfMissing).await?;
        db::migrate(&db).await?;
        let chain_id = uuid::Uuid::new_v4().to_string();
        let stats = Arc::new(Stats::default());
        let (tx, rx) = mpsc::channel(settings.queue_capacity);
        let writer = Writer::new(
            db.clone(),
            chain_id.clone(),
            settings.max_batch,
            stats.clone(),
        );
        tokio::spawn(writer.run(rx));
        let retention = settings.retention_days.map(|days| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(PRUNE_EVERY);
                loop {
                    every.tick().await;
                    match retention::prune(&db, days).await {
                        Ok(report) if report.rows > 0 => {
                            tracing::info!(rows = report.rows, "audit rows pruned")
                        }
                        Ok(_) => {}
                        Err(e) => tracing::error!(error = %e, "audit retention failed; will retry"),
                    }
                }
            })
        });
        tracing::info!(chain_id = %chain_id, "audit store open");
        Ok(Arc::new(AuditStore {
            tx,
            db,
            chain_id,
            on_failure: settings.on_failure,
            queue_capacity: settings.queue_capacity,
            stats,
            retention,
        }))
    }

    /// This instance's chain.
    pub fn chain_id(&self) -> &str {
        &self.chain_id
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> bool {
        self.db.ping().await.is_ok()
    }

    /// Records queued and not yet taken by the writer.
    pub fn queue_depth(&self) -> usize {
        self.queue_capacity - self.tx.capacity()
    }

    /// Transactions committed so far (each holds one or more rows).
    pub fn batches_committed(&self) -> u64 {
        self.stats.batches.load(Ordering::Relaxed)
    }

    /// Rows committed so far.
    pub fn rows_committed(&self) -> u64 {
        self.stats.rows.load(Ordering::Relaxed)
    }

    /// Rows whose batch failed (answered "unavailable", or let through and
    /// lost with `on_failure = "allow"`).
    pub fn rows_failed(&self) -> u64 {
        self.stats.failed_rows.load(Ordering::Relaxed)
    }

    /// Deletes rows older than `older_than_days`, keeping chain anchors.
    pub async fn prune(&self, older_than_days: u32) -> Result<PruneReport, AuditError> {
        retention::prune(&self.db, older_than_days).await
    }

    /// Queries and verification over the same pool.
    pub fn reader(&self) -> AuditReader {
        AuditReader::from_db(self.db.clone())
    }

    /// Queues a prepared row and waits for its batch's commit.
    async fn commit(
        tx: mpsc::Sender<Job>,
        row: crate::entity::audit_log::Model,
    ) -> Result<(), AuditUnavailable> {
        let stopped = || AuditUnavailable("audit writer stopped".to_owned());
        let (done, wait) = oneshot::channel();
        tx.send(Job { row, done }).await.map_err(|_| stopped())?;
        wait.await.unwrap_or_else(|_| Err(stopped()))
    }
}

#[async_trait]
impl AuditSink for AuditStore {
    /// Returns once the row is committed (or its batch failed). The wait runs
    /// in its own task, so a caller dropped mid-wait (a cancelled request)
    /// still gets its row written: an attempted call is never lost because
    /// its client went away. The queue is bounded, so callers wait when the
    /// writer falls behind.
    async fn write(&self, record: AuditRecord) -> Result<(), AuditUnavailable> {
        let row = row::to_model(&record);
        let result = match tokio::spawn(Self::commit(self.tx.clone(), row)).await {
            Ok(result) => result,
            Err(e) => Err(AuditUnavailable(format!("audit write task failed: {e}"))),
        };
        match (result, self.on_failure) {
            (Err(e), OnFailure::Allow) => {
                tracing::warn!(call_id = %record.call_id, error = %e, "audit row lost; allowed by audit.on_failure");
                Ok(())
            }
            (result, _) => result,
        }
    }

    async fn ping(&self) -> bool {
        AuditStore::ping(self).await
    }

    fn queue_depth(&self) -> Option<usize> {
        Some(AuditStore::queue_depth(self))
    }
}

impl Drop for AuditStore {
    fn drop(&mut self) {
        if let Some(task) = &self.retention {
            task.abort();
        }
    }
}
