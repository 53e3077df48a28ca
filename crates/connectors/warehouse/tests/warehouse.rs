//! The warehouse connector's integration tests: the SQL guard end to end,
//! the embedded SQLite demo, the real MariaDB (MySQL protocol, standing in
//! for StarRocks) and PostgreSQL servers seeded with the demo company's
//! finance and HR tables, BigQuery against the fake with the recorded
//! payload shapes, the fixtures, and the fault paths.

#[path = "warehouse/bigquery.rs"]
mod bigquery;
#[path = "warehouse/bigquery_faults.rs"]
mod bigquery_faults;
#[path = "warehouse/common.rs"]
mod common;
#[path = "warehouse/config.rs"]
mod config;
#[path = "warehouse/engines.rs"]
mod engines;
#[path = "warehouse/fake_catalog.rs"]
mod fake_catalog;
#[path = "warehouse/fake_shapes.rs"]
mod fake_shapes;
#[path = "warehouse/fixtures.rs"]
mod fixtures;
#[path = "warehouse/plan.rs"]
mod plan;
#[path = "warehouse/servers.rs"]
mod servers;
#[path = "warehouse/sqlite.rs"]
mod sqlite;
#[path = "warehouse/suite.rs"]
mod suite;
#[path = "warehouse/suite_saved.rs"]
mod suite_saved;
