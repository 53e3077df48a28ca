//! The read tools against the fake Slack serving the demo workspace,
//! asserting concrete shaped results.

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::fake::slack::SlackOptions;

use crate::common::{call, column, env, env_with, hits, ws};

#[tokio::test]
async fn channel_history_pages_and_folds_threads() {
    let env = env_with(SlackOptions { page_size: Some(4) }).await;
    let first = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "#sales", "limit": 10}),
    )
    .await
    .unwrap();
    assert_eq!(first["channel"], "#sales");
    assert_eq!(
        hits(&env, "conversations.history"),
        3,
        "4 + 4 + 2 across Slack pages"
    );
    let messages = first["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 10);
    assert_eq!(
        messages[0]["text"],
        "Forecast call at 16:00 UTC today. Bring updates on Acme, Globex, Lion City and Helios."
    );
    assert_eq!(
        messages[0]["author"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert_eq!(messages[0]["time"], "2026-11-25T08:30:00Z");
    let times = column(&first, "messages", "time");
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {times:?}"
    );

    let acme = messages
        .iter()
        .find(|m| {
            m["text"]
                .as_str()
                .unwrap()
                .starts_with("Acme Robotics (acme-robotics.example) renewal")
        })
        .unwrap();
    assert!(
        acme["text"]
            .as_str()
            .unwrap()
            .contains("@Erik Lindqvist can we get an ETA?"),
        "{}",
        acme["text"]
    );
    assert_eq!(
        (acme["reply_count"].as_u64(), acme.get("more_replies")),
        (Some(3), None)
    );
    assert_eq!(acme["reactions"], json!(["eyes×2"]));
    let replies = acme["replies"].as_array().unwrap();
    assert_eq!(replies[0]["author"]["name"], "Erik Lindqvist");
    assert!(
        replies[0]["text"]
            .as_str()
            .unwrap()
            .contains("see #eng-incidents."),
        "{}",
        replies[0]["text"]
    );
    assert_eq!(replies[2]["author"]["email"], "support@northwind.example");

    let rest = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "#sales", "cursor": first["next_cursor"], "replies_per_thread": 1}),
    )
    .await
    .unwrap();
    let expected = ws()
        .history(&ws().channel_by_name("sales").unwrap().id)
        .count();
    assert_eq!(rest["messages"].as_array().unwrap().len(), expected - 10);
    assert!(rest.get("next_cursor").is_none());
    let pinned = rest["messages"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (pinned["pinned"].as_bool(), pinned["time"].as_str()),
        (Some(true), Some("2026-10-29T14:10:00Z"))
    );
    for m in rest["messages"].as_array().unwrap() {
        assert!(m["replies"].as_array().map_or(0, Vec::len) <= 1);
    }
}

#[tokio::test]
async fn history_windows_ids_and_channel_errors() {
    let env = env().await;
    let window = call(&env.slack, "slack_get_channel_history", json!({"channel": "support-escalations", "oldest": "2026-11-19", "latest": "2026-11-20", "replies_per_thread": 0})).await.unwrap();
    let times = column(&window, "messages", "time");
    assert_eq!(
        times,
        [
            "2026-11-20T11:00:00Z",
            "2026-11-19T15:20:00Z",
            "2026-11-19T09:10:00Z"
        ]
    );
    let globex = &window["messages"][2];
    assert_eq!(
        (
            globex["reply_count"].as_u64(),
            globex["more_replies"].as_u64()
        ),
        (Some(3), Some(3))
    );
    assert!(globex.get("replies").is_none());

    let id = ws()
        .channel_by_name("acct-acme-robotics")
        .unwrap()
        .id
        .clone();
    let by_id = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": id}),
    )
    .await
    .unwrap();
    assert_eq!(by_id["channel"], "#acct-acme-robotics");
    assert_eq!(by_id["messages"][0]["text"], "Dana Whitfield: they sign once the telemetry & SSO issues are fixed. I send her the plan on Friday.");

    let err = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "#random"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UpstreamDenied);
    assert!(
        err.message.contains("not a member of #random") && err.message.contains("/invite"),
        "{}",
        err.message
    );
    let err = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "#no-such-channel"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("#no-such-channel"), "{}", err.message);
    assert_eq!(
        hits(&env, "conversations.list"),
        1,
        "the channel directory is cached"
    );
}

#[tokio::test]
async fn threads_read_in_full_and_page() {
    let env = env().await;
    let sales = ws().channel_by_name("sales").unwrap();
    let acme = ws()
        .history(&sales.id)
        .find(|m| ws().replies(&sales.id, &m.ts).len() == 3 && m.text.contains("Acme"))
        .unwrap();
    let first = call(
        &env.slack,
        "slack_get_thread",
        json!({"channel": "#sales", "thread_ts": acme.ts, "limit": 2}),
    )
    .await
    .unwrap();
    assert_eq!(first["parent"]["author"]["name"], "Sam Carter");
    assert_eq!(first["reply_count"], 3);
    assert_eq!(
        column(&first, "replies", "time"),
        ["2026-11-13T10:00:00Z", "2026-11-13T10:25:01Z"]
    );
    let rest = call(
        &env.slack,
        "slack_get_thread",
        json!({"channel": "#sales", "thread_ts": acme.ts, "cursor": first["next_cursor"]}),
    )
    .await
    .unwrap();
    assert!(rest.get("parent").is_none() && rest.get("next_cursor").is_none());
    assert_eq!(
        rest["replies"][0]["text"],
        "I'm tracking all open Acme tickets in #acct-acme-robotics."
    );

    let err = call(
        &env.slack,
        "slack_get_thread",
        json!({"channel": "#sales", "thread_ts": "1700000000.000001"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(
        err.message,
        "#sales has no message with ts 1700000000.000001"
    );
}
