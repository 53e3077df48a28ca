//! Resources, prompts, completion and logging pass through verbatim.

use serde_json::{json, Value};
use switchboard_core::{Connector, ErrorKind};
use switchboard_testkit::mcp_fixture::TEST_IMAGE_BASE64;

use crate::common::*;

async fn forward(connector: &switchboard_mcp::McpConnector, method: &str, params: Value) -> Value {
    connector
        .forward(&ctx(), method, params)
        .await
        .unwrap_or_else(|| panic!("{method} is not forwarded"))
        .unwrap_or_else(|e| panic!("{method}: {e:?}"))
}

#[tokio::test]
async fn resources_prompts_completion_and_logging_pass_through() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let list = forward(&connector, "resources/list", json!({})).await;
        let uris: Vec<&str> = list["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["uri"].as_str().unwrap())
            .collect();
        assert!(
            uris.contains(&"test://static-text") && uris.contains(&"test://watched-resource"),
            "{uris:?}"
        );

        let text = forward(
            &connector,
            "resources/read",
            json!({"uri": "test://static-text"}),
        )
        .await;
        assert_eq!(
            text["contents"][0]["text"],
            "This is the content of the static text resource."
        );
        let binary = forward(
            &connector,
            "resources/read",
            json!({"uri": "test://static-binary"}),
        )
        .await;
        assert_eq!(binary["contents"][0]["blob"], TEST_IMAGE_BASE64);
        let templated = forward(
            &connector,
            "resources/read",
            json!({"uri": "test://template/42/data"}),
        )
        .await;
        let body: Value =
            serde_json::from_str(templated["contents"][0]["text"].as_str().unwrap()).unwrap();
        assert_eq!(body["id"], "42");
        let templates = forward(&connector, "resources/templates/list", json!({})).await;
        assert_eq!(
            templates["resourceTemplates"][0]["uriTemplate"],
            "test://template/{id}/data"
        );

        let missing = connector
            .forward(&ctx(), "resources/read", json!({"uri": "test://nope"}))
            .await
            .unwrap()
            .unwrap_err();
        // The upstream's own code passes through: -32002 before 2026-07-28,
        // -32602 from it on (SEP-2164).
        let rpc = missing
            .source
            .as_ref()
            .unwrap()
            .downcast_ref::<switchboard_mcp::RpcError>()
            .unwrap();
        match revision {
            Revision::Legacy => assert_eq!((missing.kind, rpc.code), (ErrorKind::NotFound, -32002)),
            Revision::Modern => {
                assert_eq!((missing.kind, rpc.code), (ErrorKind::InvalidArgs, -32602))
            }
        }

        let prompts = forward(&connector, "prompts/list", json!({})).await;
        assert_eq!(prompts["prompts"].as_array().unwrap().len(), 4);
        let prompt = forward(
            &connector,
            "prompts/get",
            json!({"name": "test_prompt_with_arguments", "arguments": {"arg1": "a", "arg2": "b"}}),
        )
        .await;
        assert_eq!(
            prompt["messages"][0]["content"]["text"],
            "Prompt with arguments: arg1='a', arg2='b'"
        );
        let image = forward(
            &connector,
            "prompts/get",
            json!({"name": "test_prompt_with_image"}),
        )
        .await;
        assert_eq!(image["messages"][0]["content"]["type"], "image");

        let completion = forward(
            &connector,
            "completion/complete",
            json!({
            "ref": {"type": "ref/prompt", "name": "test_prompt_with_arguments"},
            "argument": {"name": "arg1", "value": "x"}}),
        )
        .await;
        assert_eq!(completion["completion"]["values"], json!([]));

        if revision == Revision::Legacy {
            forward(&connector, "logging/setLevel", json!({"level": "warning"})).await;
            assert_eq!(fixture.seen().log_level, Some(json!("warning")));
            forward(
                &connector,
                "resources/subscribe",
                json!({"uri": "test://watched-resource"}),
            )
            .await;
            assert!(fixture
                .seen()
                .subscriptions
                .contains("test://watched-resource"));
            forward(
                &connector,
                "resources/unsubscribe",
                json!({"uri": "test://watched-resource"}),
            )
            .await;
            assert!(fixture.seen().subscriptions.is_empty());
        } else {
            forward(&connector, "logging/setLevel", json!({"level": "warning"})).await;
            assert_eq!(fixture.seen().log_level, Some(json!("warning")));
            // 2026-07-28 replaced resources/subscribe with
            // subscriptions/listen: the upstream's refusal passes through.
            let e = connector
                .forward(
                    &ctx(),
                    "resources/subscribe",
                    json!({"uri": "test://watched-resource"}),
                )
                .await
                .unwrap()
                .unwrap_err();
            let rpc = e
                .source
                .as_ref()
                .unwrap()
                .downcast_ref::<switchboard_mcp::RpcError>()
                .unwrap();
            assert_eq!(rpc.code, -32601);
        }
        assert!(connector
            .forward(&ctx(), "tools/list", json!({}))
            .await
            .is_none());
        assert!(connector
            .forward(&ctx(), "sampling/createMessage", json!({}))
            .await
            .is_none());
    }
}
