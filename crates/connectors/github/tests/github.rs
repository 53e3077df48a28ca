//! The GitHub connector's integration tests: the recorded fixtures, the
//! fake GitHub's fidelity to them, every tool against the fake serving
//! the demo company (on github.com's layout and under an Enterprise
//! `/api/v3` prefix), and the fault paths.

#[path = "github/common.rs"]
mod common;
#[path = "github/enterprise.rs"]
mod enterprise;
#[path = "github/fake_errors.rs"]
mod fake_errors;
#[path = "github/fake_shapes.rs"]
mod fake_shapes;
#[path = "github/faults.rs"]
mod faults;
#[path = "github/fixtures.rs"]
mod fixtures;
#[path = "github/fixtures_pulls.rs"]
mod fixtures_pulls;
#[path = "github/invalid_args.rs"]
mod invalid_args;
#[path = "github/issues.rs"]
mod issues;
#[path = "github/list_issues.rs"]
mod list_issues;
#[path = "github/pulls.rs"]
mod pulls;
#[path = "github/search_issues.rs"]
mod search_issues;
