//! Retention. Old rows are deleted from the *front* of each chain, in small
//! transactions, and each transaction moves the chain's anchor to the last
//! row it deleted. The first remaining row then links to the anchor, so
//! `verify` still passes, and an interrupted prune leaves a valid state.

use sea_orm::sea_query::{Alias, Expr, OnConflict};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use serde::Serialize;
use switchboard_gateway::audit::now_us;

use crate::entity::{audit_anchor, audit_log};
use crate::AuditError;

/// Rows deleted per transaction: short enough that the writer (which shares
/// SQLite's single write lock) is never held up for long.
const PRUNE_BATCH: i64 = 5_000;

/// What a prune did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PruneReport {
    pub rows: u64,
    pub chains: u64,
}

/// Deletes rows older than `older_than_days`. Rows are removed only as a
/// prefix of their chain: an old row after a newer one (a long call that
/// committed late) waits for the next run rather than leave a hole.
pub(crate) async fn prune(
    db: &DatabaseConnection,
    older_than_days: u32,
) -> Result<PruneReport, AuditError> {
    let cutoff = now_us().saturating_sub(i64::from(older_than_days) * 86_400 * 1_000_000);
    let chains: Vec<String> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::ChainId)
        .distinct()
        .filter(audit_log::Column::TimeUs.lt(cutoff))
        .into_tuple()
        .all(db)
        .await?;
    let mut report = PruneReport::default();
    for chain in chains {
        let rows = prune_chain(db, &chain, cutoff).await?;
        if rows > 0 {
            report.rows += rows;
            report.chains += 1;
        }
    }
    Ok(report)
}

async fn prune_chain(db: &DatabaseConnection, chain: &str, cutoff: i64) -> Result<u64, AuditError> {
    let in_chain = || audit_log::Entity::find().filter(audit_log::Column::ChainId.eq(chain));
    let first_young: Option<i64> = in_chain()
        .filter(audit_log::Column::TimeUs.gte(cutoff))
        .select_only()
        .column(audit_log::Column::Seq)
        .order_by_asc(audit_log::Column::Seq)
        .into_tuple()
        .one(db)
        .await?;
    let bound = match first_young {
        Some(seq) => seq - 1,
        None => i64::MAX,
    };
    let mut deleted = 0;
    loop {
        let lowest: Option<i64> = in_chain()
            .select_only()
            .column(audit_log::Column::Seq)
            .order_by_asc(audit_log::Column::Seq)
            .into_tuple()
            .one(db)
            .await?;
        let Some(lowest) = lowest.filter(|&s| s <= bound) else {
            return Ok(deleted);
        };
        let hi = bound.min(lowest.saturating_add(PRUNE_BATCH - 1));
        let last: Option<(i64, String)> = in_chain()
            .filter(audit_log::Column::Seq.lte(hi))
            .select_only()
            .columns([audit_log::Column::Seq, audit_log::Column::RowHash])
            .order_by_desc(audit_log::Column::Seq)
            .into_tuple()
            .one(db)
            .await?;
        let Some((seq, row_hash)) = last else {
            return Ok(deleted);
        };
        let txn = db.begin().await?;
        let done = audit_log::Entity::delete_many()
            .filter(audit_log::Column::ChainId.eq(chain))
            .filter(audit_log::Column::Seq.lte(seq))
            .exec(&txn)
            .await?;
        if done.rows_affected == 0 {
            // A concurrent prune (another replica) got here first; writing
            // our anchor now could move it backwards.
            txn.rollback().await?;
            return Ok(deleted);
        }
        let anchor = audit_anchor::ActiveModel {
            chain_id: Set(chain.to_owned()),
            seq: Set(seq),
            row_hash: Set(row_hash),
            pruned_at_us: Set(now_us()),
        };
        let excluded = |c: audit_anchor::Column| Expr::col((Alias::new("excluded"), c));
        audit_anchor::Entity::insert(anchor)
            .on_conflict(
                OnConflict::column(audit_anchor::Column::ChainId)
                    .update_columns([
                        audit_anchor::Column::Seq,
                        audit_anchor::Column::RowHash,
                        audit_anchor::Column::PrunedAtUs,
                    ])
                    // Anchors only move forward.
                    .action_and_where(
                        Expr::col((audit_anchor::Entity, audit_anchor::Column::Seq))
                            .lt(excluded(audit_anchor::Column::Seq)),
                    )
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        txn.commit().await?;
        deleted += done.rows_affected;
    }
}
