//! What travels back to the caller during a call: progress under the
//! caller's own token, log messages, sampling and elicitation answered by
//! the caller; cancellation sent upstream when the call is dropped.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::Connector;

use crate::common::*;

#[tokio::test]
async fn progress_and_logs_reach_the_caller_with_its_own_token() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let relay = TestRelay::new(Some(json!("caller-token-7")));
        let out = connector
            .call(
                &ctx_with(relay.clone()),
                "conf_test_tool_with_progress",
                json!({}),
            )
            .await
            .unwrap();
        let progress = relay.notifications("notifications/progress");
        assert_eq!(progress.len(), 3, "{revision:?}: {progress:?}");
        for (p, expected) in progress.iter().zip([0, 50, 100]) {
            assert_eq!(p["progressToken"], "caller-token-7");
            assert_eq!(p["progress"].as_f64(), Some(expected as f64));
            assert_eq!(p["total"].as_f64(), Some(100.0));
        }
        // The upstream saw our token, not the caller's.
        let upstream_token = fixture.seen().progress_tokens[0].clone();
        assert_ne!(upstream_token, json!("caller-token-7"));
        assert_eq!(out.text.as_deref(), upstream_token.as_str());

        let out = connector
            .call(
                &ctx_with(relay.clone()),
                "conf_test_tool_with_logging",
                json!({}),
            )
            .await
            .unwrap();
        assert_eq!(
            out.text.as_deref(),
            Some("Tool with logging executed successfully")
        );
        let logs: Vec<Value> = relay
            .notifications("notifications/message")
            .iter()
            .map(|p| p["data"].clone())
            .collect();
        assert_eq!(
            logs,
            vec![
                json!("Tool execution started"),
                json!("Tool processing data"),
                json!("Tool execution completed")
            ],
            "{revision:?}"
        );
    }
}

#[tokio::test]
async fn no_progress_token_upstream_when_the_caller_has_none() {
    let (fixture, connector) = connected(Revision::Legacy).await;
    let relay = TestRelay::new(None);
    connector
        .call(
            &ctx_with(relay.clone()),
            "conf_test_tool_with_progress",
            json!({}),
        )
        .await
        .unwrap();
    assert!(fixture.seen().progress_tokens.is_empty());
    assert!(relay.notifications("notifications/progress").is_empty());
}

#[tokio::test]
async fn sampling_and_elicitation_are_answered_by_the_caller() {
    for revision in BOTH {
        let (_fixture, connector) = connected(revision).await;
        let relay = TestRelay::new(None);
        for (tool, args, expected) in [
            (
                "conf_test_sampling",
                json!({"prompt": "What is 2+2?"}),
                "LLM response: the relay's answer",
            ),
            (
                "conf_test_elicitation",
                json!({"message": "Your name?"}),
                r#"User response: action=accept, content={"response":"from the caller"}"#,
            ),
        ] {
            let out = connector
                .call(&ctx_with(relay.clone()), tool, args)
                .await
                .unwrap();
            assert_eq!(out.text.as_deref(), Some(expected), "{revision:?} {tool}");
        }
        let requests = relay.requests.lock().unwrap().clone();
        assert_eq!(requests[0].0, "sampling/createMessage");
        assert_eq!(
            requests[0].1["messages"][0]["content"]["text"],
            "What is 2+2?"
        );
        assert_eq!(requests[1].0, "elicitation/create");
        assert_eq!(requests[1].1["message"], "Your name?");
    }
}

#[tokio::test]
async fn without_a_relay_the_upstream_is_refused_not_answered() {
    for revision in BOTH {
        let (_fixture, connector) = connected(revision).await;
        let result = call(&connector, "conf_test_sampling", json!({"prompt": "x"})).await;
        match revision {
            // A session upstream gets a JSON-RPC error back and reports it.
            Revision::Legacy => {
                let text = result.unwrap().text.unwrap();
                assert!(
                    text.starts_with("Sampling not supported or error"),
                    "{text}"
                );
            }
            // A stateless upstream's input request cannot be fulfilled.
            Revision::Modern => {
                let e = result.unwrap_err();
                assert!(
                    e.message.contains("sampling/createMessage"),
                    "{}",
                    e.message
                );
            }
        }
    }
}

#[tokio::test]
async fn a_dropped_call_is_cancelled_upstream() {
    for revision in BOTH {
        let (fixture, connector) = connected(revision).await;
        let ctx = ctx();
        let call = connector.call(&ctx, "conf_fixture_slow", json!({"ms": 30_000}));
        // The gateway drops the future on cancel or deadline.
        let _ = tokio::time::timeout(Duration::from_millis(300), call).await;
        assert!(
            fixture.wait_for_cancellation(Duration::from_secs(5)).await,
            "{revision:?}: the upstream never learned the call was cancelled"
        );
        assert_eq!(fixture.seen().cancelled, vec!["fixture_slow".to_owned()]);
    }
}

#[tokio::test]
async fn a_call_past_its_deadline_times_out_and_is_cancelled() {
    let (fixture, connector) = connected(Revision::Legacy).await;
    let mut ctx = ctx();
    ctx.deadline = std::time::Instant::now() + Duration::from_millis(300);
    let e = connector
        .call(&ctx, "conf_fixture_slow", json!({"ms": 30_000}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, switchboard_core::ErrorKind::Timeout);
    assert!(fixture.wait_for_cancellation(Duration::from_secs(5)).await);
}

#[tokio::test]
async fn a_2026_caller_gets_the_input_round_and_resumes_with_its_answers() {
    let (fixture, connector) = connected(Revision::Modern).await;
    let relay = TestRelay::modern();
    let out = connector
        .call(
            &ctx_with(relay.clone()),
            "conf_test_sampling",
            json!({"prompt": "What is 2+2?"}),
        )
        .await
        .unwrap();
    let round = out
        .input_required
        .expect("the round goes back to the caller");
    assert_eq!(round.requests["input"]["method"], "sampling/createMessage");
    assert_eq!(
        round.requests["input"]["params"]["messages"][0]["content"]["text"],
        "What is 2+2?"
    );
    assert_eq!(
        round.upstream_state.as_deref(),
        Some("test_sampling-round-1")
    );
    assert!(
        relay.requests.lock().unwrap().is_empty(),
        "nobody was asked mid-call"
    );

    // The retry: the caller's answer and the upstream's state go upstream.
    let answer = json!({"role": "assistant", "model": "m", "stopReason": "endTurn",
        "content": {"type": "text", "text": "four"}});
    let resume = |state: &str| {
        let mut ctx = ctx_with(relay.clone());
        ctx.resume = Some(Arc::new(switchboard_core::InputResume {
            responses: json!({"input": answer.clone()})
                .as_object()
                .unwrap()
                .clone(),
            upstream_state: Some(state.to_owned()),
        }));
        ctx
    };
    let done = connector
        .call(
            &resume("test_sampling-round-1"),
            "conf_test_sampling",
            json!({"prompt": "What is 2+2?"}),
        )
        .await
        .unwrap();
    assert!(done.input_required.is_none());
    assert_eq!(done.text.as_deref(), Some("LLM response: four"));
    // The upstream itself checks that its state came back unchanged.
    let wrong = connector
        .call(
            &resume("something-else"),
            "conf_test_sampling",
            json!({"prompt": "What is 2+2?"}),
        )
        .await
        .unwrap();
    assert!(wrong
        .text
        .unwrap()
        .contains("is not the one this server gave"));
    drop(fixture);
}

#[tokio::test]
async fn a_session_upstream_never_produces_a_round() {
    // A session upstream asks during the call, through the relay (which,
    // for a real 2026-07-28 caller, refuses fast); no round is made up.
    let (_fixture, connector) = connected(Revision::Legacy).await;
    let out = connector
        .call(
            &ctx_with(TestRelay::modern()),
            "conf_test_sampling",
            json!({"prompt": "x"}),
        )
        .await
        .unwrap();
    assert!(out.input_required.is_none());
}
