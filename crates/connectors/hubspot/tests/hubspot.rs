//! The HubSpot connector's integration tests: the recorded fixtures, the
//! fake HubSpot's fidelity to them, every tool against the fake serving
//! the demo company, and the fault paths.

#[path = "hubspot/common.rs"]
mod common;
#[path = "hubspot/directory.rs"]
mod directory;
#[path = "hubspot/fake_shapes.rs"]
mod fake_shapes;
#[path = "hubspot/faults.rs"]
mod faults;
#[path = "hubspot/fixtures.rs"]
mod fixtures;
#[path = "hubspot/tools.rs"]
mod tools;
