//! The CLI: role-shaped tool lists, config checking, and demo-mode safety.

use std::process::Command;

fn switchboard(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn tools_as_a_user_prints_what_that_role_may_use() {
    let (ok, sales, err) = switchboard(&["tools", "--demo", "--as", "sales@demo"]);
    assert!(ok, "{err}");
    let sales: Vec<&str> = sales.lines().collect();
    assert!(
        sales.contains(&"hubspot_search_deals") && sales.contains(&"hubspot_get_contact"),
        "{sales:?}"
    );

    let (ok, finance, _) = switchboard(&["tools", "--demo", "--as", "finance@demo"]);
    assert!(ok);
    let finance: Vec<&str> = finance.lines().collect();
    assert!(finance.contains(&"hubspot_search_deals"), "{finance:?}");
    assert!(
        !finance.contains(&"hubspot_get_contact"),
        "finance does not browse contacts: {finance:?}"
    );

    let (ok, hr, _) = switchboard(&["tools", "--demo", "--as", "hr@demo"]);
    assert!(ok);
    assert!(!hr.contains("hubspot_"), "HR sees no CRM tools: {hr}");

    let (ok, _, err) = switchboard(&["tools", "--demo", "--as", "nobody@demo"]);
    assert!(!ok && err.contains("nobody@demo"));
}

#[test]
fn check_validates_the_shipped_example_and_names_bad_keys() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../switchboard.example.toml"
    );
    let (ok, out, err) = switchboard(&["check", "--config", example]);
    assert!(ok, "{err}");
    assert!(out.contains("ok"));

    let bad = std::env::temp_dir().join(format!("sb-bad-{}.toml", std::process::id()));
    std::fs::write(
        &bad,
        "version = 1\n[connectors.hubspot]\ntoken = \"pat-literal-secret\"\n",
    )
    .unwrap();
    let (ok, _, err) = switchboard(&["check", "--config", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains(bad.to_str().unwrap()) && err.contains("connectors.hubspot"),
        "{err}"
    );
    assert!(
        !err.contains("literal-secret"),
        "a literal secret was echoed: {err}"
    );
    std::fs::remove_file(bad).unwrap();
}

#[test]
fn demo_mode_refuses_a_public_bind() {
    let (ok, _, err) = switchboard(&["serve", "--demo", "--bind", "0.0.0.0:0"]);
    assert!(!ok);
    assert!(err.contains("loopback"), "{err}");
}

#[test]
fn check_rejects_a_policy_naming_a_tool_that_does_not_exist() {
    let dir = std::env::temp_dir().join(format!("sb-policy-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("policies")).unwrap();
    let config = dir.join("switchboard.toml");
    std::fs::write(
        &config,
        "version = 1\n[connectors.hubspot]\ntoken = \"env:HUBSPOT_TOKEN\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("policies/ok.cedar"),
        "permit (principal, action, resource in Connector::\"hubspot\");",
    )
    .unwrap();
    let (ok, out, err) = switchboard(&["check", "--config", config.to_str().unwrap()]);
    assert!(ok, "{out}{err}");
    std::fs::write(
        dir.join("policies/typo.cedar"),
        "permit (principal, action, resource == Tool::\"hubspot_get_dael\");",
    )
    .unwrap();
    let (ok, _, err) = switchboard(&["check", "--config", config.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("typo.cedar") && err.contains("hubspot_get_dael"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn docs_policies_md_holds_the_current_role_by_tool_table() {
    let (ok, table, err) = switchboard(&["policy", "table"]);
    assert!(ok, "{err}");
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/policies.md"
    ))
    .unwrap();
    assert!(
        doc.contains(&table),
        "docs/policies.md is stale: regenerate its table with `cargo run -p switchboard -- policy table`\n{table}"
    );
}

/// Policies reload without a restart when a file changes; an invalid new
/// policy is rejected and the old one stays in force.
#[test]
fn policies_reload_on_change_and_bad_policies_are_refused() {
    let dir = std::env::temp_dir().join(format!("sb-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies")).unwrap()
    {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let server = super::support::DemoServer::start_with(&[
        "--policies",
        dir.to_str().unwrap(),
        "--audit-url",
        &format!("sqlite://{}/audit.db", dir.display()),
    ]);
    let list = |key: &str| -> Vec<String> {
        let body = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {"_meta": {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}}});
        let out = Command::new("curl")
            .args([
                "-s",
                "-X",
                "POST",
                &server.url,
                "-H",
                &format!("authorization: Bearer {key}"),
                "-H",
                "content-type: application/json",
            ])
            .args([
                "-H",
                "accept: application/json, text/event-stream",
                "-H",
                "mcp-protocol-version: 2026-07-28",
                "-H",
                "mcp-method: tools/list",
            ])
            .args(["-d", &body.to_string()])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        v["result"]["tools"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str().map(str::to_owned))
            .collect()
    };
    let wait_for = |key: &str, want: bool| {
        for _ in 0..50 {
            if list(key).iter().any(|t| t == "hubspot_list_pipelines") == want {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        false
    };
    assert!(!list("demo-hr").contains(&"hubspot_list_pipelines".to_string()));
    std::fs::write(dir.join("hr-pipelines.cedar"), "permit (principal in Group::\"hr\", action == Action::\"use\", resource == Tool::\"hubspot_list_pipelines\");").unwrap();
    assert!(
        wait_for("demo-hr", true),
        "the new policy did not take effect without a restart"
    );
    std::fs::write(
        dir.join("broken.cedar"),
        "permit (principal, action, resource == Tool::\"no_such_tool\");",
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert!(
        list("demo-hr").contains(&"hubspot_list_pipelines".to_string()),
        "an invalid policy must leave the old set in force"
    );
    std::fs::remove_file(dir.join("broken.cedar")).unwrap();
    std::fs::remove_file(dir.join("hr-pipelines.cedar")).unwrap();
    assert!(
        wait_for("demo-hr", false),
        "removing the grant takes effect too"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
