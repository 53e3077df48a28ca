//! The static upstream credential: sent on every request, never in logs.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;
use switchboard_core::Connector;

use crate::common::*;

/// A `tracing` writer that keeps everything in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Everything logged at TRACE on this thread until the guard drops.
fn capture_logs() -> (Captured, tracing::subscriber::DefaultGuard) {
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(logs.clone())
        .finish();
    (logs.clone(), tracing::subscriber::set_default(subscriber))
}

// One thread, so every task the connector spawns logs into this
// subscriber.
#[tokio::test(flavor = "current_thread")]
async fn the_static_bearer_is_sent_and_never_logged() {
    const SECRET: &str = "upstream-s3cret-value-31337";
    let (logs, _guard) = capture_logs();

    std::env::set_var("SWITCHBOARD_MCP_TEST_BEARER", SECRET);
    for revision in BOTH {
        let fixture = fixture(revision).await;
        let mut config = http_config(&fixture.url);
        config.auth.bearer = Some("env:SWITCHBOARD_MCP_TEST_BEARER".into());
        let connector = connect(&config).await;
        wait_until("tools are discovered", || !connector.tools().is_empty()).await;
        call(&connector, "conf_test_simple_text", json!({}))
            .await
            .unwrap();
        let _ = connector
            .call(&ctx(), "conf_test_error_handling", json!({}))
            .await;
        let seen = fixture.seen().authorization.clone();
        assert!(!seen.is_empty());
        for header in &seen {
            assert_eq!(
                header.as_deref(),
                Some(format!("Bearer {SECRET}").as_str()),
                "{revision:?}"
            );
        }
        assert!(!format!("{config:?}").contains(SECRET));
    }
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(
        text.contains("connected to MCP upstream"),
        "the capture works: {text}"
    );
    assert!(!text.contains(SECRET), "the secret reached the logs");
}

#[tokio::test]
async fn a_missing_secret_fails_the_build_without_echoing_it() {
    let mut config = http_config("http://127.0.0.1:9/mcp");
    config.auth.bearer = Some("env:SWITCHBOARD_MCP_TEST_UNSET_VARIABLE".into());
    let e = match switchboard_mcp::McpConnector::build(&config).await {
        Err(e) => e,
        Ok(_) => panic!("built without its secret"),
    };
    assert!(
        e.message.contains("SWITCHBOARD_MCP_TEST_UNSET_VARIABLE"),
        "{}",
        e.message
    );
}

/// `ctx()` for another caller, carrying the credential headers they sent.
fn caller(user: &str, headers: &[(&str, &str)]) -> switchboard_core::CallContext {
    let mut ctx = switchboard_core::CallContext::for_principal(
        switchboard_testkit::principal(user, &["sales"]),
        std::time::Instant::now() + std::time::Duration::from_secs(10),
    );
    ctx.credentials = Some(Arc::new(switchboard_core::CallerCredentials::new(
        headers.iter().copied(),
    )));
    ctx
}

/// `conf_test_simple_text` as `user`, sending `token` as their own
/// credential in `x-conf-token`.
async fn simple_text_as(
    connector: &switchboard_mcp::McpConnector,
    user: &str,
    token: &str,
) -> Result<switchboard_core::ToolOutput, switchboard_core::ConnectorError> {
    let ctx = caller(user, &[("x-conf-token", token)]);
    connector
        .call(&ctx, "conf_test_simple_text", json!({}))
        .await
}

fn passthrough_config(url: &str) -> switchboard_mcp::McpConfig {
    let mut config = http_config(url);
    config.auth.bearer = Some("env:SWITCHBOARD_MCP_TEST_HOUSEKEEPING".into());
    config.auth.forward_header = Some("X-Conf-Token".into());
    config
}

/// The `tools/call` requests the fixture saw: (credential, session).
fn calls_seen(
    fixture: &switchboard_testkit::mcp_fixture::FixtureHandle,
) -> Vec<(String, Option<String>)> {
    fixture
        .seen()
        .requests
        .iter()
        .filter(|r| r.method == "tools/call")
        .map(|r| {
            (
                r.authorization.clone().unwrap_or_default(),
                r.session.clone(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn each_callers_own_credential_goes_upstream_on_their_requests_only() {
    let (logs, _guard) = capture_logs();
    std::env::set_var("SWITCHBOARD_MCP_TEST_HOUSEKEEPING", "housekeeping-token");
    for revision in BOTH {
        let fixture = fixture(revision).await;
        let connector = connect(&passthrough_config(&fixture.url)).await;
        wait_until("tools are discovered", || !connector.tools().is_empty()).await;
        assert_eq!(connector.caller_headers(), vec!["x-conf-token".to_owned()]);

        let alice = caller("alice@demo", &[("x-conf-token", "alice-token-1")]);
        let bob = caller("bob@demo", &[("X-CONF-TOKEN", "Bearer bob-token-2")]);
        for ctx in [&alice, &bob, &alice] {
            connector
                .call(ctx, "conf_test_simple_text", json!({}))
                .await
                .unwrap();
        }
        let calls = calls_seen(&fixture);
        let credentials: Vec<&str> = calls.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(
            credentials,
            [
                "Bearer alice-token-1",
                "Bearer bob-token-2",
                "Bearer alice-token-1"
            ],
            "{revision:?}"
        );
        // tools/list went out only with the connector's own credential.
        assert!(fixture
            .seen()
            .requests
            .iter()
            .filter(|r| r.method == "tools/list")
            .all(|r| r.authorization.as_deref() == Some("Bearer housekeeping-token")));
        if revision == Revision::Legacy {
            // A session per caller: never one caller's session for another.
            let (alice_1, bob_1, alice_2) = (&calls[0].1, &calls[1].1, &calls[2].1);
            assert!(alice_1.is_some() && bob_1.is_some());
            assert_ne!(alice_1, bob_1);
            assert_eq!(alice_1, alice_2);
            let housekeeping = fixture
                .seen()
                .requests
                .iter()
                .find(|r| r.method == "tools/list")
                .and_then(|r| r.session.clone());
            assert_ne!(&housekeeping, alice_1);
            assert_ne!(&housekeeping, bob_1);
        }
        assert_eq!(connector.caller_links(), 2);

        // The same credential from another principal is another link.
        let carol = caller("carol@demo", &[("x-conf-token", "alice-token-1")]);
        connector
            .call(&carol, "conf_test_simple_text", json!({}))
            .await
            .unwrap();
        assert_eq!(connector.caller_links(), 3, "{revision:?}");
    }
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(
        text.contains("connected to MCP upstream"),
        "the capture works"
    );
    for secret in ["alice-token-1", "bob-token-2", "housekeeping-token"] {
        assert!(!text.contains(secret), "{secret} reached the logs");
    }
}

#[tokio::test]
async fn a_caller_without_their_credential_is_refused_before_the_upstream() {
    std::env::set_var("SWITCHBOARD_MCP_TEST_HOUSEKEEPING", "housekeeping-token");
    for revision in BOTH {
        let fixture = fixture(revision).await;
        let connector = connect(&passthrough_config(&fixture.url)).await;
        wait_until("tools are discovered", || !connector.tools().is_empty()).await;
        for headers in [
            &[][..],
            &[("x-conf-token", "  ")][..],
            &[("x-other", "t")][..],
        ] {
            let e = connector
                .call(
                    &caller("dave@demo", headers),
                    "conf_test_simple_text",
                    json!({}),
                )
                .await
                .unwrap_err();
            assert_eq!(e.kind, switchboard_core::ErrorKind::UpstreamDenied);
            assert!(e.message.contains("`x-conf-token`"), "{}", e.message);
            let e = connector
                .forward(&caller("dave@demo", headers), "resources/list", json!({}))
                .await
                .unwrap()
                .unwrap_err();
            assert_eq!(e.kind, switchboard_core::ErrorKind::UpstreamDenied);
        }
        assert!(calls_seen(&fixture).is_empty(), "{revision:?}");
        assert_eq!(connector.caller_links(), 0);

        // The gateway's own housekeeping (no caller) uses the static one.
        let mut housekeeping = ctx();
        housekeeping.credentials = None;
        connector
            .forward(&housekeeping, "resources/list", json!({}))
            .await
            .unwrap()
            .unwrap();
        let last = fixture.seen().requests.last().cloned().unwrap();
        assert_eq!(last.method, "resources/list");
        assert_eq!(
            last.authorization.as_deref(),
            Some("Bearer housekeeping-token")
        );
    }
}

#[tokio::test]
async fn an_upstream_refusing_the_callers_credential_says_whose_it_was() {
    for revision in BOTH {
        let options = switchboard_testkit::mcp_fixture::FixtureOptions {
            legacy_only: revision == Revision::Legacy,
            refuse_token: Some("revoked-token".into()),
            ..Default::default()
        };
        let fixture = switchboard_testkit::mcp_fixture::spawn_mcp_fixture_with(
            options,
            "127.0.0.1:0".parse().unwrap(),
        )
        .await
        .unwrap();
        let mut config = http_config(&fixture.url);
        config.auth.forward_header = Some("x-conf-token".into());
        let connector = connect(&config).await;
        wait_until("tools are discovered", || !connector.tools().is_empty()).await;
        let e = simple_text_as(&connector, "erin@demo", "revoked-token")
            .await
            .unwrap_err();
        assert_eq!(
            e.kind,
            switchboard_core::ErrorKind::UpstreamDenied,
            "{revision:?}: {e:?}"
        );
        assert!(
            e.message.contains("caller's own credential"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("revoked-token"));
        // The breaker does not count a caller's bad credential.
        simple_text_as(&connector, "erin@demo", "fresh-token")
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn per_caller_links_are_bounded_and_an_evicted_session_is_closed() {
    let fixture = fixture(Revision::Legacy).await;
    let mut config = http_config(&fixture.url);
    config.auth.forward_header = Some("x-conf-token".into());
    let connector = connect(&config).await;
    wait_until("tools are discovered", || !connector.tools().is_empty()).await;
    simple_text_as(&connector, "first@demo", "token-0")
        .await
        .unwrap();
    let first_session = calls_seen(&fixture)[0].1.clone().expect("a session");
    for n in 1..=switchboard_mcp::MAX_CALLER_LINKS {
        simple_text_as(&connector, &format!("user{n}@demo"), &format!("token-{n}"))
            .await
            .unwrap();
    }
    assert_eq!(connector.caller_links(), switchboard_mcp::MAX_CALLER_LINKS);
    // The least recently used (the first) went, and its session was ended.
    wait_until("the evicted session is deleted", || {
        fixture
            .seen()
            .requests
            .iter()
            .any(|r| r.verb == "DELETE" && r.session.as_ref() == Some(&first_session))
    })
    .await;
}
