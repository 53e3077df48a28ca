//! An upstream that dies, hangs, answers garbage or is down at start gives
//! clean errors (never a panic), keeps the last good tool list, and the
//! connector recovers.

use std::time::Duration;

use serde_json::json;
use switchboard_core::{Connector, ErrorKind, Health};
use switchboard_testkit::mcp_fixture::{spawn_mcp_fixture_with, Fault, FixtureOptions};

use crate::common::*;

#[tokio::test]
async fn an_upstream_that_dies_mid_call_gives_a_clean_error_and_the_connector_carries_on() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let before = connector.tools().len();
        fixture.set_fault(Some(Fault::DieMidCall));
        let e = call(&connector, "conf_test_simple_text", json!({}))
            .await
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Unavailable, "{revision:?}: {e:?}");
        assert!(e.message.contains("MCP server `conf`"), "{}", e.message);
        assert_eq!(connector.tools().len(), before, "the tool list survives");
        fixture.set_fault(None);
        let out = call(&connector, "conf_test_simple_text", json!({}))
            .await
            .unwrap();
        assert!(out.text.is_some());
    }
}

#[tokio::test]
async fn garbage_is_an_upstream_error() {
    let (fixture, connector) = connected(Revision::Modern).await;
    fixture.set_fault(Some(Fault::Garbage));
    let e = call(&connector, "conf_test_simple_text", json!({}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Upstream);
    assert_eq!(
        e.message,
        "MCP server `conf` answered something that is not MCP"
    );
}

#[tokio::test]
async fn a_hanging_upstream_times_out() {
    let fixture = fixture(Revision::Modern).await;
    let mut config = http_config(&fixture.url);
    config.call_timeout_ms = Some(500);
    let connector = connect(&config).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    fixture.set_fault(Some(Fault::Hang));
    let e = call(&connector, "conf_test_simple_text", json!({}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout);
}

#[tokio::test]
async fn repeated_failures_open_the_breaker() {
    let (fixture, connector) = connected(Revision::Legacy).await;
    fixture.set_fault(Some(Fault::Unavailable));
    for _ in 0..5 {
        let e = call(&connector, "conf_test_simple_text", json!({}))
            .await
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Unavailable);
    }
    let calls_before = fixture.seen().authorization.len();
    let e = call(&connector, "conf_test_simple_text", json!({}))
        .await
        .unwrap_err();
    assert!(e.message.contains("paused"), "{}", e.message);
    assert!(e.retry_after.is_some());
    assert_eq!(
        fixture.seen().authorization.len(),
        calls_before,
        "the open breaker sends nothing"
    );
    assert!(matches!(connector.health().await, Health::Down(_)));
}

#[tokio::test]
async fn an_upstream_down_at_start_has_no_tools_then_appears() {
    // A free port nobody listens on yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/mcp");
    let mut config = http_config(&url);
    config.call_timeout_ms = Some(2_000);
    let connector = connect(&config).await;
    assert!(connector.tools().is_empty());
    assert!(matches!(
        connector.health().await,
        Health::Down(_) | Health::Degraded(_)
    ));
    let e = call(&connector, "conf_test_simple_text", json!({}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownTool);

    let fixture = spawn_mcp_fixture_with(
        FixtureOptions::default(),
        format!("127.0.0.1:{port}").parse().unwrap(),
    )
    .await
    .unwrap();
    wait_until("the upstream's tools appear", || {
        !connector.tools().is_empty()
    })
    .await;
    let out = call(&connector, "conf_test_simple_text", json!({}))
        .await
        .unwrap();
    assert!(out.text.is_some());
    assert_eq!(connector.health().await, Health::Ok);
    drop(fixture);
}

#[tokio::test]
async fn an_upstream_that_goes_away_keeps_its_last_good_list_and_reports_it() {
    let fixture = fixture(Revision::Legacy).await;
    let mut config = http_config(&fixture.url);
    config.refresh_interval_secs = Some(1);
    config.call_timeout_ms = Some(1_000);
    let connector = connect(&config).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    let count = connector.tools().len();
    drop(fixture);
    let n = connector.refreshes();
    connector.wait_for_refreshes(n + 1).await;
    assert_eq!(connector.tools().len(), count);
    assert!(!matches!(connector.health().await, Health::Ok));
    let e = tokio::time::timeout(
        Duration::from_secs(5),
        call(&connector, "conf_test_simple_text", json!({})),
    )
    .await
    .expect("no hang")
    .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Unavailable | ErrorKind::Timeout),
        "{e:?}"
    );
}
