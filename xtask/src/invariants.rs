//! The architecture invariants of ARCHITECTURE.md, checked from
//! `cargo metadata` so that they cannot rot:
//!
//! - connector crates never depend (even transitively, outside dev
//!   dependencies) on rmcp, sea-orm, moka, governor or the OpenTelemetry SDK;
//! - only `switchboard-gateway` (and `switchboard-testkit`, see
//!   [`RMCP_ALLOWED`]) depends on rmcp directly;
//! - only `switchboard-audit` depends on sea-orm directly;
//! - `switchboard-core` does no I/O: it depends on no runtime, network or
//!   storage crate.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

const FORBIDDEN_IN_CONNECTORS: &[&str] = &[
    "rmcp",
    "sea-orm",
    "moka",
    "governor",
    "opentelemetry_sdk",
    "switchboard-gateway",
];
/// The crates that may import rmcp. The testkit's MCP fixture upstream is
/// a real SDK server, so the federation is tested against a real
/// implementation rather than against our own reading of the protocol.
const RMCP_ALLOWED: &[&str] = &["switchboard-gateway", "switchboard-testkit"];
const CORE_MAY_USE: &[&str] = &[
    "async-trait",
    "schemars",
    "serde",
    "serde_json",
    "serde_path_to_error",
    "thiserror",
];

pub fn metadata() -> Value {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--locked"])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// Returns every broken rule.
pub fn check(metadata: &Value) -> Result<(), Vec<String>> {
    let graph = Graph::new(metadata);
    let mut problems = Vec::new();
    for member in &graph.members {
        let name = graph.names[member].as_str();
        let direct = graph.direct_normal(member);
        if !RMCP_ALLOWED.contains(&name) && direct.contains("rmcp") {
            problems.push(format!(
                "{name} depends on rmcp; only {} may",
                RMCP_ALLOWED.join(" and ")
            ));
        }
        if name != "switchboard-audit" && direct.contains("sea-orm") {
            problems.push(format!(
                "{name} depends on sea-orm; only switchboard-audit may"
            ));
        }
        if name == "switchboard-core" {
            for dep in direct
                .iter()
                .filter(|d| !CORE_MAY_USE.contains(&d.as_str()))
            {
                problems.push(format!(
                    "switchboard-core depends on {dep}; the core does no I/O and stays minimal"
                ));
            }
        }
        if graph.is_connector(member) {
            let closure = graph.normal_closure(member);
            for bad in FORBIDDEN_IN_CONNECTORS
                .iter()
                .filter(|b| closure.contains(**b))
            {
                problems.push(format!(
                    "connector {name} depends on {bad} (directly or transitively)"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

struct Graph {
    members: Vec<String>,
    names: HashMap<String, String>,
    paths: HashMap<String, String>,
    /// Package id → (dependency package id, is a normal dependency).
    edges: HashMap<String, Vec<(String, bool)>>,
}

impl Graph {
    fn new(metadata: &Value) -> Self {
        let mut names = HashMap::new();
        let mut paths = HashMap::new();
        for p in metadata["packages"].as_array().into_iter().flatten() {
            let id = p["id"].as_str().unwrap_or_default().to_owned();
            names.insert(
                id.clone(),
                p["name"].as_str().unwrap_or_default().to_owned(),
            );
            paths.insert(
                id,
                p["manifest_path"].as_str().unwrap_or_default().to_owned(),
            );
        }
        let mut edges = HashMap::new();
        for node in metadata["resolve"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let deps = node["deps"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|d| {
                    let normal = d["dep_kinds"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|k| k["kind"].is_null());
                    (d["pkg"].as_str().unwrap_or_default().to_owned(), normal)
                })
                .collect();
            edges.insert(node["id"].as_str().unwrap_or_default().to_owned(), deps);
        }
        let members = metadata["workspace_members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m.as_str().map(str::to_owned))
            .collect();
        Graph {
            members,
            names,
            paths,
            edges,
        }
    }

    fn is_connector(&self, id: &str) -> bool {
        self.paths[id].contains("/crates/connectors/")
    }

    fn direct_normal(&self, id: &str) -> BTreeSet<String> {
        self.edges[id]
            .iter()
            .filter(|(_, normal)| *normal)
            .map(|(d, _)| self.names[d].clone())
            .collect()
    }

    fn normal_closure(&self, id: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![id.to_owned()];
        while let Some(next) = stack.pop() {
            for (dep, normal) in &self.edges[&next] {
                if *normal && seen.insert(self.names[dep].clone()) {
                    stack.push(dep.clone());
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_keeps_its_architecture_invariants() {
        if let Err(problems) = check(&metadata()) {
            panic!(
                "architecture invariants broken:\n  - {}",
                problems.join("\n  - ")
            );
        }
    }

    #[test]
    fn the_check_catches_a_connector_that_imports_rmcp() {
        let fake = serde_json::json!({
            "packages": [
                {"id": "c", "name": "switchboard-x", "manifest_path": "/r/crates/connectors/x/Cargo.toml"},
                {"id": "m", "name": "moka", "manifest_path": "/reg/moka/Cargo.toml"},
                {"id": "r", "name": "rmcp", "manifest_path": "/reg/rmcp/Cargo.toml"},
            ],
            "workspace_members": ["c"],
            "resolve": {"nodes": [
                {"id": "c", "deps": [{"pkg": "m", "dep_kinds": [{"kind": null}]}, {"pkg": "r", "dep_kinds": [{"kind": "dev"}]}]},
                {"id": "m", "deps": []},
                {"id": "r", "deps": []},
            ]}
        });
        let problems = check(&fake).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("moka"));
    }
}
