//! Step 7: run the connector with a deadline and the client's cancellation,
//! turning a panic into an internal error instead of a dropped connection.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use futures::FutureExt;
use serde_json::Value;
use switchboard_core::{CallContext, Connector, ConnectorError, ErrorKind, ToolOutput};
use tokio_util::sync::CancellationToken;

pub(super) async fn run(
    connector: &Arc<dyn Connector>,
    ctx: &CallContext,
    tool: &str,
    args: Value,
    cancel: &CancellationToken,
) -> Result<ToolOutput, ConnectorError> {
    let call = AssertUnwindSafe(connector.call(ctx, tool, args)).catch_unwind();
    let deadline = tokio::time::Instant::from_std(ctx.deadline);
    tokio::select! {
        result = call => match result {
            Ok(result) => result,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(tool, panic = %what, "connector panicked");
                Err(ConnectorError::internal("the tool failed unexpectedly"))
            }
        },
        _ = tokio::time::sleep_until(deadline) => Err(ConnectorError::new(
            ErrorKind::Timeout,
            format!("{tool} did not finish within the gateway's time limit"),
        )),
        _ = cancel.cancelled() => Err(ConnectorError::new(ErrorKind::Timeout, "the client cancelled the call")),
    }
}
