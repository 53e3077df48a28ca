//! The typed trait connector authors implement, one file per tool.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{de::DeserializeOwned, Serialize};

use crate::{CachePolicy, CallContext, ConnectorError, Effect};

/// One tool of a connector.
///
/// `PERMISSION` and `EFFECT` have no default: a tool that does not say what
/// it needs and what it does does not compile. `Args` is the input schema
/// (its root must be a struct with `#[serde(deny_unknown_fields)]`), and
/// `Output` *is* the shaped response: only the fields that answer the
/// question, never the raw upstream object.
#[async_trait]
pub trait Tool: Send + Sync + 'static {
    /// The connector's shared state (its upstream client, resolved config).
    type State: Send + Sync + 'static;
    type Args: DeserializeOwned + JsonSchema + Send;
    type Output: Serialize + JsonSchema + Send;

    /// `<connector>_<verb>_<noun>`.
    const NAME: &'static str;
    const TITLE: &'static str;
    /// Written for the model: what the tool answers and when to use it.
    const DESCRIPTION: &'static str;
    /// `<connector>:<noun>:<read|write>`.
    const PERMISSION: &'static str;
    const EFFECT: Effect;
    const CACHE: CachePolicy = CachePolicy::default_for(Self::EFFECT);
    const IDEMPOTENT: bool = matches!(Self::EFFECT, Effect::Read);

    async fn call(
        &self,
        state: &Self::State,
        ctx: &CallContext,
        args: Self::Args,
    ) -> Result<Self::Output, ConnectorError>;

    /// An optional text rendering of the output for clients that show only
    /// text; `None` renders the structured value as compact JSON.
    fn render(_output: &Self::Output) -> Option<String> {
        None
    }
}
