//! Reading the trail: filtered queries (keyset-paged, for long exports),
//! the newest rows, and a follow cursor for `tail --follow`.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter as _, QueryOrder,
    QuerySelect, Select,
};

use crate::entity::audit_log::{self, Column};
use crate::{db, retention, verify, AuditError, AuditRow, PruneReport, VerifyReport};

/// Which rows a query returns. `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryFilter {
    pub user: Option<String>,
    pub tool: Option<String>,
    /// An outcome name: `ok`, `denied`, `rate_limited`, ...
    pub outcome: Option<String>,
    /// Rows at or after this time, µs since the epoch.
    pub since: Option<i64>,
    /// Rows with an id above this one (the last id of the previous page).
    pub after_id: Option<i64>,
    pub limit: Option<u64>,
}

/// Read access to an audit database: what the CLI uses.
#[derive(Clone)]
pub struct AuditReader {
    db: DatabaseConnection,
}

impl AuditReader {
    /// Connects without touching the schema, so an auditor can use a
    /// read-only database role. A database the gateway never opened has no
    /// `audit_log` table and reads fail saying so.
    pub async fn connect(url: &str) -> Result<AuditReader, AuditError> {
        Ok(AuditReader {
            db: db::connect(url, db::Create::Never).await?,
        })
    }

    pub(crate) fn from_db(db: DatabaseConnection) -> Self {
        AuditReader { db }
    }

    /// Matching rows, oldest first (by insertion), at most `filter.limit`.
    pub async fn query(&self, filter: &QueryFilter) -> Result<Vec<AuditRow>, AuditError> {
        let mut select = filtered(filter).order_by_asc(Column::Id);
        if let Some(after) = filter.after_id {
            select = select.filter(Column::Id.gt(after));
        }
        if let Some(limit) = filter.limit {
            select = select.limit(limit);
        }
        Ok(select
            .all(&self.db)
            .await?
            .into_iter()
            .map(AuditRow::from)
            .collect())
    }

    /// How many rows match (ignoring `after_id` and `limit`).
    pub async fn count(&self, filter: &QueryFilter) -> Result<u64, AuditError> {
        Ok(filtered(filter).count(&self.db).await?)
    }

    /// The newest `n` rows, oldest first.
    pub async fn tail(&self, n: u64) -> Result<Vec<AuditRow>, AuditError> {
        let rows = audit_log::Entity::find()
            .order_by_desc(Column::Id)
            .limit(n)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().rev().map(AuditRow::from).collect())
    }

    /// Starts following from the current end of the trail.
    pub async fn follow(&self) -> Result<Follow, AuditError> {
        let start_id: Option<i64> = audit_log::Entity::find()
            .select_only()
            .column_as(Column::Id.max(), "m")
            .into_tuple()
            .one(&self.db)
            .await?
            .flatten();
        let start_id = start_id.unwrap_or(0);
        Ok(Follow {
            start_id,
            high_id: start_id,
            cursors: HashMap::new(),
        })
    }

    /// Rows committed since the last poll, in time order. Each chain is read
    /// by seq, which its single writer commits in order, so a slow commit on
    /// one replica is not skipped the way an id or time cursor would skip it.
    pub async fn poll(&self, follow: &mut Follow) -> Result<Vec<AuditRow>, AuditError> {
        let fresh: Vec<String> = audit_log::Entity::find()
            .select_only()
            .column(Column::ChainId)
            .distinct()
            .filter(Column::Id.gt(follow.high_id))
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut chains: Vec<String> = follow.cursors.keys().cloned().collect();
        chains.extend(
            fresh
                .into_iter()
                .filter(|c| !follow.cursors.contains_key(c)),
        );
        let mut out = Vec::new();
        for chain in chains {
            let cursor = match follow.cursors.get(&chain) {
                Some(seq) => *seq,
                None => self
                    .max_seq(&chain, Some(follow.start_id))
                    .await?
                    .unwrap_or(0),
            };
            if self.max_seq(&chain, None).await?.unwrap_or(0) <= cursor {
                follow.cursors.insert(chain, cursor);
                continue;
            }
            let rows = in_chain(&chain)
                .filter(Column::Seq.gt(cursor))
                .order_by_asc(Column::Seq)
                .all(&self.db)
                .await?;
            let last = rows.last().map_or(cursor, |r| r.seq);
            follow.cursors.insert(chain, last);
            out.extend(rows.into_iter().map(AuditRow::from));
        }
        follow.observe(&out);
        out.sort_by_key(|r| (r.time_us, r.id));
        Ok(out)
    }

    async fn max_seq(&self, chain: &str, up_to_id: Option<i64>) -> Result<Option<i64>, AuditError> {
        let mut select = in_chain(chain);
        if let Some(id) = up_to_id {
            select = select.filter(Column::Id.lte(id));
        }
        let max: Option<Option<i64>> = select
            .select_only()
            .column_as(Column::Seq.max(), "m")
            .into_tuple()
            .one(&self.db)
            .await?;
        Ok(max.flatten())
    }

    /// Walks and recomputes every chain.
    pub async fn verify(&self) -> Result<VerifyReport, AuditError> {
        verify::verify(&self.db).await
    }

    /// Deletes rows older than `older_than_days`, keeping chain anchors.
    pub async fn prune(&self, older_than_days: u32) -> Result<PruneReport, AuditError> {
        retention::prune(&self.db, older_than_days).await
    }
}

/// Where `tail --follow` is: the last seq printed per chain.
#[derive(Debug, Clone)]
pub struct Follow {
    start_id: i64,
    high_id: i64,
    cursors: HashMap<String, i64>,
}

impl Follow {
    /// Marks rows as already shown (the initial tail), so polls skip them.
    pub fn observe(&mut self, rows: &[AuditRow]) {
        for row in rows {
            self.high_id = self.high_id.max(row.id);
            let seq = self.cursors.entry(row.chain_id.clone()).or_insert(row.seq);
            *seq = (*seq).max(row.seq);
        }
    }
}

fn in_chain(chain: &str) -> Select<audit_log::Entity> {
    audit_log::Entity::find().filter(Column::ChainId.eq(chain))
}

fn filtered(f: &QueryFilter) -> Select<audit_log::Entity> {
    let mut select = audit_log::Entity::find();
    if let Some(user) = &f.user {
        select = select.filter(Column::UserId.eq(user));
    }
    if let Some(tool) = &f.tool {
        select = select.filter(Column::Tool.eq(tool));
    }
    if let Some(outcome) = &f.outcome {
        select = select.filter(Column::Outcome.eq(outcome));
    }
    if let Some(since) = f.since {
        select = select.filter(Column::TimeUs.gte(since));
    }
    select
}
