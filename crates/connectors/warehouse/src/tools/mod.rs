//! One file per tool. The three fixed tools are typed [`Tool`]s; saved
//! queries are built from config at run time (`saved_query`). The
//! connector (`crate::connector`) dispatches to both.

pub mod describe_table;
pub mod list_tables;
pub mod saved_query;
pub mod sql;

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_core::{
    detail, input_schema, output_schema, CallContext, ConnectorError, Tool, ToolOutput, ToolSpec,
};

pub use describe_table::DescribeTable;
pub use list_tables::ListTables;
pub use sql::Sql;

/// The spec of a typed tool, as `ConnectorBuilder` makes it: compact
/// schemas, and list tools take `detail: brief | full`.
pub(crate) fn spec<T: Tool>() -> ToolSpec {
    let output = output_schema::<T::Output>();
    let mut input = input_schema::<T::Args>();
    if detail::is_listing(T::NAME, &output) {
        detail::add_argument(&mut input);
    }
    ToolSpec {
        name: T::NAME.to_owned(),
        title: T::TITLE.to_owned(),
        description: T::DESCRIPTION.to_owned(),
        input_schema: Arc::new(input),
        output_schema: Some(Arc::new(output)),
        permission: T::PERMISSION.to_owned(),
        effect: T::EFFECT,
        cache: T::CACHE,
        idempotent: T::IDEMPOTENT,
        open_world: true,
    }
}

/// Whether a spec is a list tool that takes `detail`.
pub(crate) fn is_listing(spec: &ToolSpec) -> bool {
    spec.input_schema
        .get("properties")
        .and_then(|p| p.get("detail"))
        .is_some()
}

/// Strips `detail` from a list tool's arguments; true when brief was asked.
pub(crate) fn take_detail(listing: bool, args: &mut Value) -> Result<bool, ConnectorError> {
    if !listing {
        return Ok(false);
    }
    detail::take(args).map_err(ConnectorError::invalid_args)
}

/// Deserializes arguments, naming the offending field; `null` is `{}`.
pub(crate) fn parse_args<A: DeserializeOwned>(args: Value) -> Result<A, ConnectorError> {
    let args = match args {
        Value::Null => Value::Object(Default::default()),
        Value::Object(map) => Value::Object(map),
        _ => {
            return Err(ConnectorError::invalid_args(
                "arguments must be a JSON object",
            ))
        }
    };
    serde_path_to_error::deserialize(args).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            ConnectorError::invalid_args(format!("invalid arguments: {inner}"))
        } else {
            ConnectorError::invalid_args(format!("invalid argument `{path}`: {inner}"))
        }
    })
}

/// Runs a typed tool on raw arguments.
pub(crate) async fn run<T: Tool>(
    tool: &T,
    state: &T::State,
    ctx: &CallContext,
    mut args: Value,
    listing: bool,
) -> Result<ToolOutput, ConnectorError> {
    let brief = take_detail(listing, &mut args)?;
    let args = parse_args::<T::Args>(args)?;
    let output = tool.call(state, ctx, args).await?;
    let structured = serde_json::to_value(&output).map_err(|e| {
        ConnectorError::internal("the tool produced an output that is not JSON").with_source(e)
    })?;
    if brief {
        return Ok(ToolOutput::structured(detail::brief(structured)));
    }
    Ok(ToolOutput {
        structured,
        text: T::render(&output),
        content: None,
        input_required: None,
    })
}
