//! The Python SDK, the TypeScript SDK and the Inspector CLI list tools and
//! call `hubspot_search_deals` as the demo sales user.

use super::support::{harness, log_dir, run_script, DemoServer};

#[test]
fn third_party_clients_list_and_call_hubspot_search_deals() {
    let server = DemoServer::start();
    let harness = harness();
    let logs = log_dir(&harness, "clients");
    let (ok, output) = run_script(
        &harness.join("run-clients.sh"),
        &[
            &server.url,
            "demo-sales",
            "hubspot_search_deals",
            r#"{"limit": 3}"#,
        ],
        &logs,
    );
    let mut details = output.clone();
    for entry in std::fs::read_dir(&logs).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "log") {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            details.push_str(&format!(
                "\n--- {}\n{}",
                entry.path().display(),
                text.chars().take(3000).collect::<String>()
            ));
        }
    }
    assert!(ok, "a client failed:\n{details}");
    for client in [
        "python-sdk-legacy",
        "python-sdk-auto",
        "ts-sdk",
        "inspector-list",
        "inspector-call",
        "inspector-call-auto",
    ] {
        assert!(
            output
                .lines()
                .any(|l| l.starts_with("PASS") && l.contains(client)),
            "{client} did not pass:\n{output}"
        );
    }
    // The call really reached the fake HubSpot and came back shaped: the
    // Inspector's JSON output holds the deals with resolved stage labels.
    let call_log = std::fs::read_to_string(logs.join("inspector-call.log")).unwrap();
    assert!(call_log.contains("\"deals\""), "{call_log}");
    assert!(
        !call_log.contains("hs_object_id"),
        "raw HubSpot fields leaked: {call_log}"
    );
}

/// The seed's headline questions, one call each, through real clients:
/// "which customers have an open enterprise renewal this quarter and more
/// than one unresolved support ticket?" and a customer's profile.
#[test]
fn the_seed_questions_are_one_call_each() {
    let server = DemoServer::start();
    let harness = harness();
    for (name, tool, args, expect) in [
        (
            "renewals",
            "customers_find_renewals_at_risk",
            "{}",
            vec!["Acme Robotics", "Globex Logistics", "Lion City Bank"],
        ),
        (
            "profile",
            "customer_get_profile",
            r#"{"customer": "Acme Robotics"}"#,
            vec!["Contract Sent", "open_tickets", "not permitted"],
        ),
    ] {
        let logs = log_dir(&harness, name);
        let (ok, output) = run_script(
            &harness.join("run-clients.sh"),
            &[&server.url, "demo-sales", tool, args],
            &logs,
        );
        assert!(ok, "{tool} failed through a client:\n{output}");
        let answer = std::fs::read_to_string(logs.join("inspector-call.log")).unwrap();
        for needle in expect {
            assert!(
                answer.contains(needle),
                "{tool}: `{needle}` missing from {answer}"
            );
        }
    }
}
