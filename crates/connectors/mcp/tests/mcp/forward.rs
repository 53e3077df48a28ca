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
            // 2026-07-28 has no resources/subscribe: the connector asks
            // its listener instead (see the subscription test).
            connector
                .forward(
                    &ctx(),
                    "resources/subscribe",
                    json!({"uri": "test://watched-resource"}),
                )
                .await
                .unwrap()
                .unwrap();
            assert_eq!(connector.subscribed(), ["test://watched-resource"]);
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

#[tokio::test]
async fn a_subscribed_resource_reports_its_updates_and_nothing_else_does() {
    const WATCHED: &str = "test://watched-resource";
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let updates = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let sink = updates.clone();
        connector.watch_surfaces(std::sync::Arc::new(move |change| {
            if let switchboard_core::SurfaceChange::ResourceUpdated(uri) = change {
                sink.lock().unwrap().push(uri.clone())
            }
        }));
        let subscription = |method: &'static str, uri: &'static str| {
            let connector = connector.clone();
            async move {
                connector
                    .forward(&ctx(), method, json!({"uri": uri}))
                    .await
                    .expect("forwarded")
            }
        };
        // Two gateway subscriptions to one URI: one upstream subscription.
        for _ in 0..2 {
            subscription("resources/subscribe", WATCHED).await.unwrap();
        }
        assert_eq!(connector.subscribed(), [WATCHED]);
        let listening_for = |uri: &str| {
            fixture.seen().listen_filters.last().is_some_and(|f| {
                f["resourceSubscriptions"]
                    .as_array()
                    .is_some_and(|uris| uris.iter().any(|u| u == uri))
            })
        };
        match revision {
            Revision::Legacy => assert!(fixture.seen().subscriptions.contains(WATCHED)),
            Revision::Modern => {
                wait_until("the listener asks for it", || listening_for(WATCHED)).await
            }
        }
        fixture.touch_resource("test://static-text").await;
        fixture.touch_resource(WATCHED).await;
        wait_until("the update arrives", || !updates.lock().unwrap().is_empty()).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert_eq!(*updates.lock().unwrap(), [WATCHED], "{revision:?}");

        // The first unsubscribe keeps it for the other subscriber.
        subscription("resources/unsubscribe", WATCHED)
            .await
            .unwrap();
        assert_eq!(connector.subscribed(), [WATCHED]);
        subscription("resources/unsubscribe", WATCHED)
            .await
            .unwrap();
        assert!(connector.subscribed().is_empty());
        match revision {
            Revision::Legacy => assert!(!fixture.seen().subscriptions.contains(WATCHED)),
            Revision::Modern => {
                wait_until("the listener lets it go", || !listening_for(WATCHED)).await
            }
        }
        fixture.touch_resource(WATCHED).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert_eq!(
            updates.lock().unwrap().len(),
            1,
            "no update after the last unsubscribe"
        );
        // Unsubscribing again is harmless.
        subscription("resources/unsubscribe", WATCHED)
            .await
            .unwrap();

        // A URI the upstream does not have is refused as not found (the
        // gateway then asks the next connector).
        if revision == Revision::Modern {
            let e = subscription("resources/subscribe", "test://no-such-resource")
                .await
                .unwrap_err();
            // -32602 on 2026-07-28, -32002 before: both a miss.
            assert!(
                matches!(e.kind, ErrorKind::NotFound | ErrorKind::InvalidArgs),
                "{e:?}"
            );
            assert!(connector.subscribed().is_empty());
        }
    }
}

#[tokio::test]
async fn an_upstream_prompt_list_change_is_reported() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let changes = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = changes.clone();
        connector.watch_surfaces(std::sync::Arc::new(move |change| {
            sink.lock().unwrap().push(change.clone())
        }));
        if revision == Revision::Modern {
            wait_until("the listener asks for prompt changes", || {
                fixture
                    .seen()
                    .listen_filters
                    .last()
                    .is_some_and(|f| f["promptsListChanged"] == true)
            })
            .await;
        }
        fixture.announce_prompts_changed().await;
        wait_until("the change is reported", || {
            !changes.lock().unwrap().is_empty()
        })
        .await;
        assert_eq!(
            changes.lock().unwrap()[0],
            switchboard_core::SurfaceChange::PromptsListChanged,
            "{revision:?}"
        );
    }
}
