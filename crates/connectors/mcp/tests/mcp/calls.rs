//! Calls: content blocks verbatim, structured content, the tool's own
//! errors, argument checks before any I/O.

use serde_json::json;
use switchboard_core::{Connector, ErrorKind};
use switchboard_testkit::mcp_fixture::{TEST_AUDIO_BASE64, TEST_IMAGE_BASE64};

use crate::common::*;

#[tokio::test]
async fn content_blocks_pass_through_verbatim() {
    for revision in BOTH {
        let (_fixture, connector) = connected(revision).await;
        let image = call(&connector, "conf_test_image_content", json!({}))
            .await
            .unwrap();
        assert_eq!(
            image.content.unwrap(),
            vec![json!({"type": "image", "data": TEST_IMAGE_BASE64, "mimeType": "image/png"})]
        );
        assert_eq!(image.text, None);
        let audio = call(&connector, "conf_test_audio_content", json!({}))
            .await
            .unwrap();
        assert_eq!(
            audio.content.unwrap(),
            vec![json!({"type": "audio", "data": TEST_AUDIO_BASE64, "mimeType": "audio/wav"})]
        );
        let resource = call(&connector, "conf_test_embedded_resource", json!({}))
            .await
            .unwrap();
        assert_eq!(
            resource.content.unwrap()[0]["resource"],
            json!({"uri": "test://embedded-resource", "mimeType": "text/plain", "text": "This is an embedded resource content."})
        );
        let mixed = call(&connector, "conf_test_multiple_content_types", json!({}))
            .await
            .unwrap();
        let blocks = mixed.content.unwrap();
        let kinds: Vec<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["text", "image", "resource"], "{revision:?}");
        assert_eq!(mixed.text.as_deref(), Some("Multiple content types test:"));
    }
}

#[tokio::test]
async fn structured_content_and_tool_errors() {
    for revision in BOTH {
        let (_fixture, connector) = connected(revision).await;
        let echo = call(&connector, "conf_fixture_echo", json!({"text": "hello"}))
            .await
            .unwrap();
        assert_eq!(echo.structured, json!({"text": "hello"}));
        assert_eq!(echo.text.as_deref(), Some("hello"));

        let error = call(&connector, "conf_test_error_handling", json!({}))
            .await
            .unwrap_err();
        assert_eq!(error.kind, ErrorKind::Upstream, "{revision:?}");
        assert_eq!(
            error.message,
            "This tool intentionally returns an error for testing"
        );
    }
}

#[tokio::test]
async fn bad_arguments_and_unknown_tools_never_reach_the_upstream() {
    let (fixture, connector) = connected(Revision::Modern).await;
    for bad in [
        json!("text"),
        json!([1]),
        json!({}),
        json!({"text": 1}),
        json!({"text": "x", "extra": 1}),
    ] {
        let e = connector.check_args("conf_fixture_echo", &bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgs, "{bad}");
        let e = call(&connector, "conf_fixture_echo", bad.clone())
            .await
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgs, "{bad}");
    }
    let e = call(&connector, "conf_no_such_tool", json!({}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownTool);
    let e = call(&connector, "test_simple_text", json!({}))
        .await
        .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::UnknownTool,
        "the upstream's name is not the gateway's"
    );
    assert!(
        fixture.seen().calls.is_empty(),
        "{:?}",
        fixture.seen().calls
    );
    // Null arguments are an empty object.
    assert!(
        call(&connector, "conf_test_simple_text", serde_json::Value::Null)
            .await
            .is_ok()
    );
}
