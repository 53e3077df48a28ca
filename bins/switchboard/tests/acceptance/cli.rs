//! The CLI: role-shaped tool lists, config checking, and demo-mode safety.

use std::process::Command;

fn switchboard(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard")).args(args).env("RUST_LOG", "warn").output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn tools_as_a_user_prints_what_that_role_may_use() {
    let (ok, sales, err) = switchboard(&["tools", "--demo", "--as", "sales@demo"]);
    assert!(ok, "{err}");
    let sales: Vec<&str> = sales.lines().collect();
    assert!(sales.contains(&"hubspot_search_deals") && sales.contains(&"hubspot_get_contact"), "{sales:?}");

    let (ok, support, _) = switchboard(&["tools", "--demo", "--as", "support@demo"]);
    assert!(ok);
    let support: Vec<&str> = support.lines().collect();
    assert!(support.contains(&"hubspot_get_contact"), "{support:?}");
    assert!(!support.contains(&"hubspot_search_deals"), "support must not see deals: {support:?}");

    let (ok, hr, _) = switchboard(&["tools", "--demo", "--as", "hr@demo"]);
    assert!(ok);
    assert!(!hr.contains("hubspot_"), "HR sees no CRM tools: {hr}");

    let (ok, _, err) = switchboard(&["tools", "--demo", "--as", "nobody@demo"]);
    assert!(!ok && err.contains("nobody@demo"));
}

#[test]
fn check_validates_the_shipped_example_and_names_bad_keys() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../switchboard.example.toml");
    let (ok, out, err) = switchboard(&["check", "--config", example]);
    assert!(ok, "{err}");
    assert!(out.contains("ok"));

    let bad = std::env::temp_dir().join(format!("sb-bad-{}.toml", std::process::id()));
    std::fs::write(&bad, "version = 1\n[connectors.hubspot]\ntoken = \"pat-literal-secret\"\n").unwrap();
    let (ok, _, err) = switchboard(&["check", "--config", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains(bad.to_str().unwrap()) && err.contains("connectors.hubspot"), "{err}");
    assert!(!err.contains("literal-secret"), "a literal secret was echoed: {err}");
    std::fs::remove_file(bad).unwrap();
}

#[test]
fn demo_mode_refuses_a_public_bind() {
    let (ok, _, err) = switchboard(&["serve", "--demo", "--bind", "0.0.0.0:0"]);
    assert!(!ok);
    assert!(err.contains("loopback"), "{err}");
}
