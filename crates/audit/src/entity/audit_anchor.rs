//! Where a chain resumes after retention pruned its oldest rows: the seq and
//! hash of the last pruned row, so the first remaining row still links.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_anchor")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub chain_id: String,
    pub seq: i64,
    pub row_hash: String,
    /// When the anchor last moved, µs since the epoch.
    pub pruned_at_us: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
