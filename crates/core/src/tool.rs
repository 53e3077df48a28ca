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
    /// For people: sent only when it says more than the name.
    const TITLE: &'static str;
    /// Written for the model, and paid for in every `tools/list` (the
    /// tool-list diet, ARCHITECTURE.md): one short sentence that says when
    /// to pick this tool over its neighbours and anything not obvious.
    /// Nothing the name, the schemas or the annotations already say: not
    /// the arguments (the input schema lists them), not the returned
    /// fields (the output schema names them), not "read-only". Argument
    /// doc comments likewise only where the name and type do not say it:
    /// formats prose cannot avoid, accepted forms ("email, or \"me\""),
    /// which id is meant. Dates are `#[schemars(extend("format" = "date"))]`.
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
