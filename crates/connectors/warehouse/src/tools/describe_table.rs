//! `warehouse_describe_table`: the columns and types of one allowlisted
//! table.

use std::time::Duration;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CachePolicy, CallContext, ConnectorError, Effect, Tool};

use crate::connector::Warehouse;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// From warehouse_list_tables.
    pub table: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ColumnRef {
    pub name: String,
    /// The engine's type name.
    #[serde(rename = "type")]
    pub type_name: String,
    pub nullable: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub table: String,
    pub columns: Vec<ColumnRef>,
}

pub struct DescribeTable;

impl DescribeTable {
    /// The allowlisted name `table` refers to; refused before any I/O.
    pub fn resolve<'a>(state: &'a Warehouse, table: &str) -> Result<&'a str, ConnectorError> {
        state.allow.find(table.trim()).ok_or_else(|| {
            ConnectorError::invalid_args(format!(
                "invalid argument `table`: `{table}` is not an allowed table (see warehouse_list_tables)"
            ))
        })
    }
}

#[async_trait]
impl Tool for DescribeTable {
    type State = Warehouse;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "warehouse_describe_table";
    const TITLE: &'static str = "Describe a warehouse table";
    const DESCRIPTION: &'static str = "A warehouse table's columns: name, type, nullable.";
    const PERMISSION: &'static str = "warehouse:schema:read";
    const EFFECT: Effect = Effect::Read;
    const CACHE: CachePolicy = CachePolicy::SharedByPermission {
        ttl: Duration::from_secs(300),
    };

    async fn call(
        &self,
        state: &Warehouse,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let table = Self::resolve(state, &a.table)?.to_owned();
        let columns = state.backend.describe(ctx, &table).await?.ok_or_else(|| {
            ConnectorError::not_found(format!("the warehouse has no table `{table}`"))
        })?;
        Ok(Output {
            table,
            columns: columns
                .into_iter()
                .map(|c| ColumnRef {
                    name: c.name,
                    type_name: c.type_name,
                    nullable: c.nullable,
                })
                .collect(),
        })
    }
}
