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

// One thread, so every task the connector spawns logs into this
// subscriber.
#[tokio::test(flavor = "current_thread")]
async fn the_static_bearer_is_sent_and_never_logged() {
    const SECRET: &str = "upstream-s3cret-value-31337";
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

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
