//! The Notion connector's integration tests: the recorded fixtures, the
//! fake Notion's fidelity to them, every tool against the fake serving the
//! demo workspace, and the fault paths.

#[path = "notion/args.rs"]
mod args;
#[path = "notion/common.rs"]
mod common;
#[path = "notion/database.rs"]
mod database;
#[path = "notion/fake_errors.rs"]
mod fake_errors;
#[path = "notion/fake_shapes.rs"]
mod fake_shapes;
#[path = "notion/faults.rs"]
mod faults;
#[path = "notion/fixtures.rs"]
mod fixtures;
#[path = "notion/pages.rs"]
mod pages;
#[path = "notion/tools.rs"]
mod tools;
