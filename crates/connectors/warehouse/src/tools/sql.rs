//! `warehouse_sql`: ad-hoc read-only SQL for analysts over the allowlisted
//! tables, guarded (see `crate::guard`), row-limited and time-limited.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::backend::Binds;
use crate::connector::Warehouse;
use crate::guard::{check, Rules, Tables};
use crate::output::QueryOutput;
use crate::plan::{prepare, Prepared};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// One SELECT (or WITH … SELECT).
    pub sql: String,
    #[schemars(range(min = 1))]
    pub max_rows: Option<u32>,
}

pub struct Sql;

impl Sql {
    /// Guards and prepares the SQL: no I/O, so the gateway can refuse a
    /// query before rate limits and dispatch.
    pub fn plan(state: &Warehouse, a: &Args) -> Result<Prepared, ConnectorError> {
        let max_rows = match a.max_rows {
            None => state.max_rows,
            Some(0) => {
                return Err(ConnectorError::invalid_args(
                    "invalid argument `max_rows`: must be at least 1",
                ))
            }
            Some(n) => (n as usize).min(state.max_rows),
        };
        let rules = Rules {
            flavor: state.backend.flavor(),
            tables: Tables::Only(&state.allow),
            parameters: false,
        };
        let checked = check(&a.sql, &rules).map_err(|r| r.into_error())?;
        prepare(checked, rules.flavor, max_rows).map_err(|r| r.into_error())
    }
}

#[async_trait]
impl Tool for Sql {
    type State = Warehouse;
    type Args = Args;
    type Output = QueryOutput;

    const NAME: &'static str = "warehouse_sql";
    const TITLE: &'static str = "Run read-only SQL on the warehouse";
    const DESCRIPTION: &'static str = "One read-only SELECT over the tables in \
        warehouse_list_tables; rows and run time are capped.";
    const PERMISSION: &'static str = "warehouse:sql:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Warehouse,
        ctx: &CallContext,
        a: Args,
    ) -> Result<QueryOutput, ConnectorError> {
        let prepared = Self::plan(state, &a)?;
        tracing::debug!(sql = %prepared.sql, "warehouse_sql");
        let result = state
            .backend
            .query(ctx, &prepared, &Binds::new(), state.timeout)
            .await?;
        Ok(QueryOutput::from_result(result))
    }

    fn render(output: &QueryOutput) -> Option<String> {
        Some(output.render())
    }
}
