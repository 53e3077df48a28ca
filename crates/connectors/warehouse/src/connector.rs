//! The warehouse connector: three fixed tools plus one tool per saved
//! query, so its tool list is built from config when it is created.
//! It implements `Connector` directly (the builder takes only typed tools
//! known at compile time) and checks names and permissions the same way.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::Value;
use switchboard_core::{
    validate_permission, validate_tool_name, CallContext, Connector, ConnectorError, Health, Tool,
    ToolOutput, ToolSpec,
};

use crate::backend::Backend;
use crate::guard::Allowlist;
use crate::saved::SavedQuery;
use crate::tools::{self, saved_query, DescribeTable, ListTables, Sql};

/// The state every tool shares.
pub struct Warehouse {
    pub(crate) backend: Arc<dyn Backend>,
    pub(crate) allow: Allowlist,
    pub(crate) max_rows: usize,
    pub(crate) timeout: Duration,
}

enum Entry {
    ListTables,
    DescribeTable,
    Sql,
    Saved(usize),
}

struct WarehouseConnector {
    state: Warehouse,
    saved: Vec<SavedQuery>,
    specs: Arc<[ToolSpec]>,
    /// Each tool's entry and whether it is a list tool (takes `detail`).
    index: HashMap<String, (Entry, bool)>,
}

/// Assembles the connector over a connected backend.
pub fn assemble(
    state: Warehouse,
    saved: Vec<SavedQuery>,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    let mut specs = vec![
        tools::spec::<ListTables>(),
        tools::spec::<DescribeTable>(),
        tools::spec::<Sql>(),
    ];
    let mut entries = vec![Entry::ListTables, Entry::DescribeTable, Entry::Sql];
    for (i, q) in saved.iter().enumerate() {
        specs.push(saved_query::spec(q));
        entries.push(Entry::Saved(i));
    }
    let mut index = HashMap::new();
    for (spec, entry) in specs.iter().zip(entries) {
        let malformed = |e: String| {
            ConnectorError::internal(format!("the warehouse connector is malformed: {e}"))
        };
        validate_tool_name(crate::ID, &spec.name).map_err(|e| malformed(e.0))?;
        validate_permission(crate::ID, &spec.permission).map_err(|e| malformed(e.0))?;
        if index
            .insert(spec.name.clone(), (entry, tools::is_listing(spec)))
            .is_some()
        {
            return Err(malformed(format!(
                "tool `{}` is registered twice",
                spec.name
            )));
        }
    }
    Ok(Arc::new(WarehouseConnector {
        state,
        saved,
        specs: specs.into(),
        index,
    }))
}

#[async_trait]
impl Connector for WarehouseConnector {
    fn id(&self) -> &str {
        crate::ID
    }

    fn tools(&self) -> Arc<[ToolSpec]> {
        self.specs.clone()
    }

    async fn call(
        &self,
        ctx: &CallContext,
        tool: &str,
        args: Value,
    ) -> Result<ToolOutput, ConnectorError> {
        let state = &self.state;
        let Some((entry, listing)) = self.index.get(tool) else {
            return Err(ConnectorError::unknown_tool(tool));
        };
        let listing = *listing;
        match entry {
            Entry::ListTables => tools::run(&ListTables, state, ctx, args, listing).await,
            Entry::DescribeTable => tools::run(&DescribeTable, state, ctx, args, listing).await,
            Entry::Sql => tools::run(&Sql, state, ctx, args, listing).await,
            Entry::Saved(i) => saved_query::call(state, &self.saved[*i], ctx, args).await,
        }
    }

    /// Everything that can be refused without I/O is refused here: bad
    /// arguments, tables outside the allowlist, and SQL the guard rejects.
    fn check_args(&self, tool: &str, args: &Value) -> Result<(), ConnectorError> {
        let state = &self.state;
        let Some((entry, listing)) = self.index.get(tool) else {
            return Err(ConnectorError::unknown_tool(tool));
        };
        let mut args = args.clone();
        tools::take_detail(*listing, &mut args)?;
        match entry {
            Entry::ListTables => tools::parse_args::<<ListTables as Tool>::Args>(args).map(drop),
            Entry::DescribeTable => {
                let a = tools::parse_args::<<DescribeTable as Tool>::Args>(args)?;
                DescribeTable::resolve(state, &a.table).map(drop)
            }
            Entry::Sql => {
                let a = tools::parse_args::<<Sql as Tool>::Args>(args)?;
                Sql::plan(state, &a).map(drop)
            }
            Entry::Saved(i) => self.saved[*i].binds(&args, None).map(drop),
        }
    }

    async fn health(&self) -> Health {
        self.state.backend.health().await
    }
}
