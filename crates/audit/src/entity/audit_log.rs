//! One row per audited request. Structured values (`groups`, `arguments`)
//! are stored as JSON *text*, not a JSON column type: the row hash covers the
//! exact stored bytes, and PostgreSQL `jsonb` would reorder keys and break it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// One chain per gateway instance (a uuid chosen at open).
    pub chain_id: String,
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// `row_hash` of the previous row in the chain (or of the anchor, or
    /// [`crate::chain::GENESIS`] for seq 1).
    pub prev_hash: String,
    pub row_hash: String,
    pub time_us: i64,
    pub call_id: String,
    pub parent_call_id: Option<String>,
    pub request_id: String,
    pub trace_id: Option<String>,
    pub session_id: Option<String>,
    pub client: Option<String>,
    pub method: String,
    pub user_id: String,
    pub org: String,
    pub groups: String,
    pub tool: Option<String>,
    pub connector: Option<String>,
    pub arguments: String,
    pub decision: String,
    pub outcome: String,
    pub error_kind: Option<String>,
    pub error_message: Option<String>,
    pub result: Option<String>,
    pub result_sha256: Option<String>,
    pub result_bytes: Option<i64>,
    pub cache: String,
    pub upstream_requests: i64,
    pub latency_us: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
