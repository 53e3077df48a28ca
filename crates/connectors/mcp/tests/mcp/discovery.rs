//! Discovery: names under the prefix (or unprefixed), permissions by exact
//! name, pattern and default, read-only marking, both revisions.

use serde_json::json;
use switchboard_core::{
    validate_permission, validate_tool_name_in, CachePolicy, Connector, Effect,
};

use crate::common::*;

#[tokio::test]
async fn tools_are_listed_under_the_prefix_in_both_revisions() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let tools = connector.tools();
        let served = fixture.tools();
        assert_eq!(tools.len(), served.len(), "{revision:?}");
        for spec in tools.iter() {
            assert!(spec.name.starts_with("conf_"), "{}", spec.name);
            validate_tool_name_in(&connector.tool_prefixes(), &spec.name).unwrap();
            validate_permission("conf", &spec.permission).unwrap();
            assert_eq!(
                spec.effect.is_read_only(),
                spec.permission.ends_with(":read"),
                "{}",
                spec.name
            );
        }
        let simple = tools
            .iter()
            .find(|t| t.name == "conf_test_simple_text")
            .unwrap();
        assert_eq!(simple.description, "Tests simple text content response");
        assert_eq!(simple.title, "test_simple_text");
        // Calls reach the upstream under its own name.
        let out = call(&connector, "conf_test_simple_text", json!({}))
            .await
            .unwrap();
        assert_eq!(
            out.text.as_deref(),
            Some("This is a simple text response for testing.")
        );
        assert_eq!(fixture.seen().calls, vec!["test_simple_text".to_owned()]);
        // Every request after the handshake names the negotiated revision.
        let versions = fixture.seen().protocol_versions.clone();
        let expected = match revision {
            Revision::Modern => "2026-07-28",
            Revision::Legacy => "2025-11-25",
        };
        let last = versions.last().cloned().flatten();
        assert_eq!(last.as_deref(), Some(expected), "{versions:?}");
    }
}

#[tokio::test]
async fn unprefixed_names_are_the_upstreams_own() {
    let fixture = fixture(Revision::Modern).await;
    let mut config = http_config(&fixture.url);
    config.prefix = Some(String::new());
    let connector = connect(&config).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let names: Vec<String> = connector.tools().iter().map(|t| t.name.clone()).collect();
    assert!(names.contains(&"test_simple_text".to_owned()), "{names:?}");
    assert!(
        names.contains(&"json_schema_2020_12_tool".to_owned()),
        "{names:?}"
    );
    for name in &names {
        validate_tool_name_in(&connector.tool_prefixes(), name).unwrap();
    }
    let out = call(&connector, "test_simple_text", json!({}))
        .await
        .unwrap();
    assert!(out.text.unwrap().contains("simple text"));
}

#[tokio::test]
async fn permissions_by_exact_name_pattern_and_default_and_read_only_marking() {
    let fixture = fixture(Revision::Modern).await;
    let config = config(json!({
        "id": "conf", "transport": "http", "url": fixture.url,
        "permission_default": "conf:tools:read",
        "permissions": {
            "test_simple_text": "conf:simple:read",
            "test_*": "conf:tests:read",
            "test_tool_*": "conf:tooltests:read",
            "delete_*": "conf:danger:write",
        },
        "read_only": ["test_*", "fixture_pid"],
    }));
    let connector = connect(&config).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let tools = connector.tools();
    let get = |name: &str| {
        tools
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };

    let exact = get("conf_test_simple_text");
    assert_eq!(
        (exact.permission.as_str(), exact.effect),
        ("conf:simple:read", Effect::Read)
    );
    assert!(matches!(exact.cache, CachePolicy::PerCaller { .. }));
    // The longest pattern wins.
    assert_eq!(
        get("conf_test_tool_with_logging").permission,
        "conf:tooltests:read"
    );
    assert_eq!(get("conf_test_image_content").permission, "conf:tests:read");
    // Default, and read-only by exact listing.
    let pid = get("conf_fixture_pid");
    assert_eq!(
        (pid.permission.as_str(), pid.effect),
        ("conf:tools:read", Effect::Read)
    );
    // Not listed as read-only: a write, never cached, its read permission raised.
    let echo = get("conf_fixture_echo");
    assert_eq!(
        (echo.permission.as_str(), echo.effect),
        ("conf:tools:write", Effect::Write)
    );
    assert_eq!(echo.cache, CachePolicy::Never);
    let delete = get("conf_delete_everything");
    assert_eq!(
        (delete.permission.as_str(), delete.effect),
        ("conf:danger:write", Effect::Write)
    );
    // What the upstream says about itself does not matter: annotations
    // absent, the config decides.
    assert!(tools.iter().all(|t| t.open_world));
}

#[tokio::test]
async fn schemas_pass_through_unchanged() {
    let (_fixture, connector) = connected(Revision::Modern).await;
    let tools = connector.tools();
    let tool = tools
        .iter()
        .find(|t| t.name == "conf_json_schema_2020_12_tool")
        .unwrap();
    assert_eq!(
        tool.input_schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(tool.input_schema["$defs"]["address"]["type"], "object");
    let echo = tools
        .iter()
        .find(|t| t.name == "conf_fixture_echo")
        .unwrap();
    assert_eq!(echo.output_schema.as_ref().unwrap()["type"], "object");
}
