//! `warehouse_query_<name>`: one tool per saved query, its spec built from
//! config. This is how "run a saved query" is offered: as separate tools,
//! so that each carries its own permission and policy can hide the ones a
//! caller may not run, instead of one tool whose argument picks the query.
//! They take no `detail` argument: the query already chose its columns,
//! and cutting rows to "identifying fields" would drop its answer.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{
    output_schema, CachePolicy, CallContext, ConnectorError, Effect, ToolOutput, ToolSpec,
};

use crate::connector::Warehouse;
use crate::output::QueryOutput;
use crate::saved::SavedQuery;

/// The tool spec of a saved query.
pub fn spec(q: &SavedQuery) -> ToolSpec {
    let title = q
        .tool
        .trim_start_matches("warehouse_query_")
        .replace('_', " ");
    ToolSpec {
        name: q.tool.clone(),
        title: format!("Warehouse query: {title}"),
        description: q.description.clone(),
        input_schema: Arc::new(q.input_schema()),
        output_schema: Some(Arc::new(output_schema::<QueryOutput>())),
        permission: q.permission.clone(),
        effect: Effect::Read,
        // A query that reads the caller's identity answers per caller;
        // the others answer the same to everyone allowed to run them.
        cache: if q.uses_caller {
            CachePolicy::default_for(Effect::Read)
        } else {
            CachePolicy::SharedByPermission {
                ttl: Duration::from_secs(60),
            }
        },
        idempotent: true,
        open_world: true,
    }
}

/// Runs a saved query as the caller in `ctx`.
pub async fn call(
    state: &Warehouse,
    q: &SavedQuery,
    ctx: &CallContext,
    args: Value,
) -> Result<ToolOutput, ConnectorError> {
    let binds = q.binds(&args, Some(&ctx.principal))?;
    let result = state
        .backend
        .query(ctx, &q.prepared, &binds, state.timeout)
        .await?;
    let output = QueryOutput::from_result(result);
    let text = output.render();
    let structured = serde_json::to_value(&output)
        .map_err(|e| ConnectorError::internal("the query output is not JSON").with_source(e))?;
    Ok(ToolOutput {
        structured,
        text: Some(text),
        content: None,
        input_required: None,
    })
}
