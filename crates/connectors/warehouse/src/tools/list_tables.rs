//! `warehouse_list_tables`: the allowlisted tables, and which of them the
//! warehouse does not (or no longer) have.

use std::time::Duration;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::connector::Warehouse;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TableRef {
    /// The name to use in `warehouse_sql` and `warehouse_describe_table`.
    pub name: String,
    /// "table" or "view".
    pub kind: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub tables: Vec<TableRef>,
    /// Allowlisted names the warehouse does not have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

pub struct ListTables;

#[async_trait]
impl Tool for ListTables {
    type State = Warehouse;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "warehouse_list_tables";
    const TITLE: &'static str = "List warehouse tables";
    const DESCRIPTION: &'static str =
        "The warehouse tables and views you may query with warehouse_sql.";
    const PERMISSION: &'static str = "warehouse:schema:read";
    const EFFECT: Effect = Effect::Read;
    /// The same for everyone allowed to ask.
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: Duration::from_secs(300),
    };

    async fn call(
        &self,
        state: &Warehouse,
        ctx: &CallContext,
        _: Args,
    ) -> Result<Output, ConnectorError> {
        let found = state.backend.tables(ctx, &state.allow).await?;
        let missing = state
            .allow
            .names()
            .iter()
            .filter(|n| !found.iter().any(|t| t.name == **n))
            .cloned()
            .collect();
        Ok(Output {
            tables: found
                .into_iter()
                .map(|t| TableRef {
                    name: t.name,
                    kind: t.kind,
                })
                .collect(),
            missing,
        })
    }
}
