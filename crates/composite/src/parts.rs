//! One part of a composite answer: the child tool's output, or why it is
//! missing.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};

/// A part of a composite answer.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Part<T> {
    Ok(T),
    /// `{"omitted": "not permitted"}`: the caller may not use the tool.
    Omitted {
        omitted: String,
    },
    /// `{"error": "..."}`: the upstream failed; the rest still answers.
    Failed {
        error: String,
    },
}

impl<T> Part<T> {
    pub fn omitted() -> Self {
        Part::Omitted {
            omitted: "not permitted".into(),
        }
    }

    pub fn from_error(e: &ConnectorError) -> Self {
        if e.kind == ErrorKind::UnknownTool {
            Part::omitted()
        } else {
            Part::Failed {
                error: e.message.clone(),
            }
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Part<U> {
        match self {
            Part::Ok(v) => Part::Ok(f(v)),
            Part::Omitted { omitted } => Part::Omitted { omitted },
            Part::Failed { error } => Part::Failed { error },
        }
    }

    pub fn ok(&self) -> Option<&T> {
        match self {
            Part::Ok(v) => Some(v),
            _ => None,
        }
    }
}

/// Calls `tool` as the caller through the pipeline.
pub async fn call(ctx: &CallContext, tool: &str, args: Value) -> Result<Value, ConnectorError> {
    let dispatcher = ctx
        .dispatcher
        .as_ref()
        .ok_or_else(|| ConnectorError::internal("composite tools run only inside the gateway"))?;
    dispatcher
        .call_tool(ctx, tool, args)
        .await
        .map(|out| out.structured)
}

/// [`call`], with a denied or failing child turned into a [`Part`].
pub async fn part(ctx: &CallContext, tool: &str, args: Value) -> Part<Value> {
    match call(ctx, tool, args).await {
        Ok(v) => Part::Ok(v),
        Err(e) => Part::from_error(&e),
    }
}
