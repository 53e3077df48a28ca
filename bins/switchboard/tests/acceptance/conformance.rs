//! The official MCP conformance suite against the demo gateway. The five
//! scenarios that apply to any server must pass; the others need the
//! suite's own fixtures (test_* tools, test://* resources, prompts,
//! logging, completions) and are pinned by name in
//! `conformance-expected-failures.yml`: the run fails if one of them starts
//! passing or another starts failing.

use super::support::{harness, log_dir, run_script, DemoServer};

const MUST_PASS: &[&str] = &[
    "server-initialize",
    "ping",
    "tools-list",
    "server-sse-multiple-streams",
    "dns-rebinding-protection",
];

#[test]
fn the_conformance_suite_passes_every_scenario_that_applies() {
    let server = DemoServer::start();
    let harness = harness();
    let logs = log_dir(&harness, "conformance");
    let expected = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/acceptance/conformance-expected-failures.yml"
    );
    let (ok, output) = run_script(
        &harness.join("run-conformance.sh"),
        &[
            &server.url,
            "demo-sales",
            "--",
            "--expected-failures",
            expected,
        ],
        &logs,
    );
    assert!(
        ok,
        "conformance differs from the pinned baseline:\n{output}"
    );
    let pinned = std::fs::read_to_string(expected).unwrap();
    for scenario in MUST_PASS {
        assert!(
            !pinned.contains(&format!("- {scenario}\n")),
            "{scenario} must pass, not be pinned as failing"
        );
        assert!(
            output.contains(scenario),
            "{scenario} did not run:\n{output}"
        );
    }
}
