//! Turns a list of typed tools into a `Connector`, so that the specs the
//! gateway lists and the table it dispatches through are built from the
//! same values and cannot drift apart.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use serde_json::Value;

use crate::detail;
use crate::naming::{validate_permission, validate_tool_name_in, NameError};
use crate::schema::{input_schema, output_schema};
use crate::{CallContext, Connector, ConnectorError, Health, Tool, ToolOutput, ToolSpec};

#[async_trait]
trait ErasedTool<S>: Send + Sync {
    fn check(&self, args: &Value) -> Result<(), ConnectorError>;
    async fn call(
        &self,
        state: &S,
        ctx: &CallContext,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError>;
}

/// A typed tool; `listing` tools also take `detail: brief | full`.
struct Typed<T> {
    tool: T,
    listing: bool,
}

impl<T: Tool> Typed<T> {
    /// Strips `detail` (listing tools only) and says whether brief was asked.
    fn split(&self, mut args: Value) -> Result<(Value, bool), ConnectorError> {
        if !self.listing {
            return Ok((args, false));
        }
        let brief = detail::take(&mut args).map_err(ConnectorError::invalid_args)?;
        Ok((args, brief))
    }
}

#[async_trait]
impl<T: Tool> ErasedTool<T::State> for Typed<T> {
    fn check(&self, args: &Value) -> Result<(), ConnectorError> {
        let (args, _) = self.split(args.clone())?;
        parse_args::<T::Args>(args).map(drop)
    }

    async fn call(
        &self,
        state: &T::State,
        ctx: &CallContext,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let (args, brief) = self.split(args)?;
        let args = parse_args::<T::Args>(args)?;
        let output = self.tool.call(state, ctx, args).await?;
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
}

/// Deserializes arguments, naming the offending field in the error.
/// A missing or `null` argument object counts as `{}`.
fn parse_args<A: serde::de::DeserializeOwned>(args: Value) -> Result<A, ConnectorError> {
    let args = match args {
        Value::Null => Value::Object(Default::default()),
        Value::Object(map) => Value::Object(map),
        other => {
            return Err(ConnectorError::invalid_args(format!(
                "arguments must be a JSON object, got {}",
                json_type(&other)
            )))
        }
    };
    serde_path_to_error::deserialize(args).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = if path == "." {
            format!("invalid arguments: {inner}")
        } else {
            format!("invalid argument `{path}`: {inner}")
        };
        ConnectorError::invalid_args(message)
    })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Collects tools for one connector; `build()` checks names and permissions.
pub struct ConnectorBuilder<S: Send + Sync + 'static> {
    id: String,
    prefixes: Vec<String>,
    state: Arc<S>,
    specs: Vec<ToolSpec>,
    tools: Vec<Box<dyn ErasedTool<S>>>,
}

impl<S: Send + Sync + 'static> ConnectorBuilder<S> {
    pub fn new(id: impl Into<String>, state: S) -> Self {
        let id = id.into();
        ConnectorBuilder {
            prefixes: vec![format!("{id}_")],
            id,
            state: Arc::new(state),
            specs: Vec::new(),
            tools: Vec::new(),
        }
    }

    /// Tool names start with one of these instead of `<id>_` (tools named
    /// after a business object rather than a system).
    pub fn tool_prefixes(mut self, prefixes: &[&str]) -> Self {
        self.prefixes = prefixes.iter().map(|p| p.to_string()).collect();
        self
    }

    /// Adds one typed tool.
    pub fn tool<T: Tool<State = S>>(mut self, tool: T) -> Self {
        let output = output_schema::<T::Output>();
        let listing = detail::is_listing(T::NAME, &output);
        let mut input = input_schema::<T::Args>();
        if listing {
            detail::add_argument(&mut input);
        }
        self.specs.push(ToolSpec {
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
        });
        self.tools.push(Box::new(Typed { tool, listing }));
        self
    }

    /// Checks every name and permission, then freezes the connector.
    pub fn build(self) -> Result<Arc<dyn Connector>, NameError> {
        let mut index = HashMap::new();
        for (i, spec) in self.specs.iter().enumerate() {
            validate_tool_name_in(&self.prefixes, &spec.name)?;
            validate_permission(&self.id, &spec.permission)?;
            if index.insert(spec.name.clone(), i).is_some() {
                return Err(NameError(format!(
                    "tool `{}` is registered twice",
                    spec.name
                )));
            }
        }
        Ok(Arc::new(BuiltConnector {
            id: self.id,
            prefixes: self.prefixes,
            state: self.state,
            specs: self.specs.into(),
            tools: self.tools,
            index,
        }))
    }
}

struct BuiltConnector<S> {
    id: String,
    prefixes: Vec<String>,
    state: Arc<S>,
    specs: Arc<[ToolSpec]>,
    tools: Vec<Box<dyn ErasedTool<S>>>,
    index: HashMap<String, usize>,
}

#[async_trait]
impl<S: Send + Sync + 'static> Connector for BuiltConnector<S> {
    fn id(&self) -> &str {
        &self.id
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        self.specs.clone()
    }

    fn tool_prefixes(&self) -> Vec<String> {
        self.prefixes.clone()
    }

    async fn call(
        &self,
        ctx: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let Some(&i) = self.index.get(tool) else {
            return Err(ConnectorError::unknown_tool(tool));
        };
        self.tools[i].call(&self.state, ctx, args).await
    }

    fn check_args(&self, tool: &str, args: &Value) -> Result<(), ConnectorError> {
        match self.index.get(tool) {
            Some(&i) => self.tools[i].check(args),
            None => Err(ConnectorError::unknown_tool(tool)),
        }
    }

    async fn health(&self) -> Health {
        Health::Ok
    }
}
