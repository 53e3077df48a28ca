//! The Intercom connector's integration tests: the recorded fixtures, the
//! fake Intercom's fidelity to them, every tool against the fake serving
//! the demo support desk, the note write, and the fault paths.

#[path = "intercom/args.rs"]
mod args;
#[path = "intercom/common.rs"]
mod common;
#[path = "intercom/conversations.rs"]
mod conversations;
#[path = "intercom/fake_errors.rs"]
mod fake_errors;
#[path = "intercom/fake_shapes.rs"]
mod fake_shapes;
#[path = "intercom/faults.rs"]
mod faults;
#[path = "intercom/fixtures.rs"]
mod fixtures;
#[path = "intercom/notes.rs"]
mod notes;
#[path = "intercom/people.rs"]
mod people;
#[path = "intercom/shaping.rs"]
mod shaping;
#[path = "intercom/tickets.rs"]
mod tickets;
