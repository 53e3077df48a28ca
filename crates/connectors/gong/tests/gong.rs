//! The Gong connector's integration tests: the recorded fixtures (and, as
//! no public call or transcript payload exists, schema-derived ones), the
//! fake Gong's fidelity to them, every tool against the fake serving the
//! demo company, and the fault paths.

#[path = "gong/common.rs"]
mod common;
#[path = "gong/fake_shapes.rs"]
mod fake_shapes;
#[path = "gong/faults.rs"]
mod faults;
#[path = "gong/fixtures.rs"]
mod fixtures;
#[path = "gong/lookups.rs"]
mod lookups;
#[path = "gong/schema.rs"]
mod schema;
#[path = "gong/tools.rs"]
mod tools;
#[path = "gong/transcripts.rs"]
mod transcripts;
