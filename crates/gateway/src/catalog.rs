//! The catalog: every tool of every compiled-in connector, by name.

use std::collections::HashMap;
use std::sync::Arc;

use switchboard_core::{Connector, ToolSpec};

/// A tool and the connector that serves it.
#[derive(Clone)]
pub struct CatalogEntry {
    pub spec: ToolSpec,
    pub connector: Arc<dyn Connector>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogError {
    #[error("tool `{tool}` is offered by both `{first}` and `{second}`")]
    DuplicateTool {
        tool: String,
        first: String,
        second: String,
    },
    #[error("connector `{0}` is registered twice")]
    DuplicateConnector(String),
}

/// Tools in a stable order (connector registration order, then the
/// connector's own order), so `tools/list` is deterministic.
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    by_name: HashMap<String, usize>,
    connectors: Vec<Arc<dyn Connector>>,
}

impl Catalog {
    pub fn new(connectors: Vec<Arc<dyn Connector>>) -> Result<Self, CatalogError> {
        let mut entries = Vec::new();
        let mut by_name = HashMap::new();
        let mut ids = std::collections::HashSet::new();
        for connector in &connectors {
            if !ids.insert(connector.id().to_owned()) {
                return Err(CatalogError::DuplicateConnector(connector.id().to_owned()));
            }
            for spec in connector.tools().iter() {
                if let Some(&i) = by_name.get(&spec.name) {
                    let first: &CatalogEntry = &entries[i];
                    return Err(CatalogError::DuplicateTool {
                        tool: spec.name.clone(),
                        first: first.connector.id().to_owned(),
                        second: connector.id().to_owned(),
                    });
                }
                by_name.insert(spec.name.clone(), entries.len());
                entries.push(CatalogEntry {
                    spec: spec.clone(),
                    connector: connector.clone(),
                });
            }
        }
        Ok(Catalog {
            entries,
            by_name,
            connectors,
        })
    }

    pub fn get(&self, name: &str) -> Option<&CatalogEntry> {
        self.by_name.get(name).map(|&i| &self.entries[i])
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    pub fn connectors(&self) -> &[Arc<dyn Connector>] {
        &self.connectors
    }
}
