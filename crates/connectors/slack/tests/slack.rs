//! The Slack connector's integration tests: the recorded fixtures, the
//! fake Slack's fidelity to them, every tool against the fake serving the
//! demo workspace, and the fault paths.

#[path = "slack/common.rs"]
mod common;
#[path = "slack/directory.rs"]
mod directory;
#[path = "slack/fake_messages.rs"]
mod fake_messages;
#[path = "slack/fake_shapes.rs"]
mod fake_shapes;
#[path = "slack/faults.rs"]
mod faults;
#[path = "slack/fixtures.rs"]
mod fixtures;
#[path = "slack/post.rs"]
mod post;
#[path = "slack/reads.rs"]
mod reads;
#[path = "slack/search.rs"]
mod search;
#[path = "slack/shaping.rs"]
mod shaping;
