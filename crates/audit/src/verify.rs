//! `audit verify`: walks every chain in seq order and recomputes it. An
//! edited row fails its own hash; a deleted or inserted row breaks seq
//! continuity or the next row's `prev_hash`. Limits: removing whole chains,
//! or rows from the *end* of a chain, leaves no broken link; ship rows or
//! chain heads elsewhere if that matters.

use std::fmt;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::chain::{row_hash, GENESIS};
use crate::entity::{audit_anchor, audit_log};
use crate::AuditError;

const PAGE: u64 = 1_000;

/// The result of walking every chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub chains: u64,
    pub rows: u64,
    /// Chains whose oldest rows were pruned and that start at an anchor.
    pub anchored_chains: u64,
    /// The first broken link of each broken chain, in chain order.
    pub broken: Vec<BrokenLink>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.broken.is_empty()
    }
}

/// Where a chain stops being consistent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenLink {
    pub chain_id: String,
    /// The seq of the first row that does not check out.
    pub seq: i64,
    pub call_id: String,
    pub problem: String,
}

impl fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "chain {} seq {} (call {}): {}",
            self.chain_id, self.seq, self.call_id, self.problem
        )
    }
}

pub(crate) async fn verify(db: &DatabaseConnection) -> Result<VerifyReport, AuditError> {
    let chains: Vec<String> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::ChainId)
        .distinct()
        .order_by_asc(audit_log::Column::ChainId)
        .into_tuple()
        .all(db)
        .await?;
    let mut report = VerifyReport::default();
    for chain in chains {
        report.chains += 1;
        let anchor = audit_anchor::Entity::find_by_id(chain.clone())
            .one(db)
            .await?;
        let (mut seq, mut prev) = match anchor {
            Some(a) => {
                report.anchored_chains += 1;
                (a.seq + 1, a.row_hash)
            }
            None => (1, GENESIS.to_owned()),
        };
        let mut after = i64::MIN;
        'pages: loop {
            let rows = audit_log::Entity::find()
                .filter(audit_log::Column::ChainId.eq(&chain))
                .filter(audit_log::Column::Seq.gt(after))
                .order_by_asc(audit_log::Column::Seq)
                .limit(PAGE)
                .all(db)
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.seq;
            for row in rows {
                report.rows += 1;
                if let Some(problem) = check(&row, seq, &prev) {
                    report.broken.push(BrokenLink {
                        chain_id: chain.clone(),
                        seq: row.seq,
                        call_id: row.call_id,
                        problem,
                    });
                    break 'pages;
                }
                seq = row.seq + 1;
                prev = row.row_hash;
            }
        }
    }
    Ok(report)
}

/// What is wrong with `row`, given the seq and hash it must link to.
fn check(row: &audit_log::Model, seq: i64, prev: &str) -> Option<String> {
    if row.seq != seq {
        return Some(if row.seq > seq {
            format!(
                "expected seq {seq} next: rows {seq}..{} are missing",
                row.seq - 1
            )
        } else {
            format!("expected seq {seq} next, found seq {}", row.seq)
        });
    }
    if row.prev_hash != prev {
        return Some(
            "prev_hash does not match the previous row's hash (a row was removed or replaced)"
                .to_owned(),
        );
    }
    if row_hash(row) != row.row_hash {
        return Some("row_hash does not match the row's content (the row was edited)".to_owned());
    }
    None
}
