//! The durable audit trail (DESIGN.md §7): every `tools/call` and
//! `tools/list` becomes one row, committed before the gateway answers.
//!
//! - [`AuditStore`] implements the gateway's [`AuditSink`]: a bounded queue
//!   feeds one writer task that group-commits (one transaction per batch),
//!   so durability costs one fsync per batch, not per call.
//! - Rows are hash-chained per gateway instance ([`chain`]), so edits and
//!   deletions are caught by [`verify`].
//! - Retention prunes the front of each chain and leaves an anchor.
//! - [`AuditReader`] and [`cli`] query the trail.
//!
//! SQLite (embedded default) and PostgreSQL (replicas) run the same code.
//! This is the only crate that imports sea-orm; its types stay inside.
//!
//! [`AuditSink`]: switchboard_gateway::audit::AuditSink

pub mod chain;
pub mod cli;
mod db;
mod entity;
mod migration;
mod query;
mod retention;
mod row;
mod settings;
mod store;
mod verify;
mod writer;

pub use query::{AuditReader, Follow, QueryFilter};
pub use retention::PruneReport;
pub use row::{cap_arguments, AuditRow, ARGUMENTS_CAP, RESULT_CAP};
pub use settings::{AuditSettings, OnFailure};
pub use store::AuditStore;
pub use verify::{BrokenLink, VerifyReport};

/// Opening, migrating or reading the store failed.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("invalid audit settings: {0}")]
    Config(String),
    #[error("audit database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// Walks every chain in `url` and reports the first broken link of each.
/// `Err` means the database could not be read, not that a chain is broken.
pub async fn verify(url: &str) -> Result<VerifyReport, AuditError> {
    AuditReader::connect(url).await?.verify().await
}
