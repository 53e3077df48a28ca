//! Posting: one spelling per channel (so channel policies hold), the
//! caller named from the credential, threads checked, mass mentions
//! defused, and the message visible where it was posted.

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, call_as, env, hits, raw_latest, ws};

#[tokio::test]
async fn posts_on_behalf_of_the_caller() {
    let env = env().await;
    let out = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#sales", "text": "Acme signed the renewal :tada:"}),
    )
    .await
    .unwrap();
    assert_eq!(out["channel"], "#sales");
    assert_eq!(
        out["text"],
        "Acme signed the renewal :tada:\n_Sent with Switchboard on behalf of @Sam Carter_"
    );
    assert_eq!(
        out["on_behalf_of"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    let sam = &ws().user_by_email("sales@northwind.example").unwrap().id;
    let raw = raw_latest(&env, "sales").await;
    assert_eq!(raw["ts"], out["ts"]);
    assert!(
        raw["text"]
            .as_str()
            .unwrap()
            .ends_with(&format!("on behalf of <@{sam}>_")),
        "{raw}"
    );
    assert_eq!(raw["bot_profile"]["name"], "Switchboard");

    let read = call(
        &env.slack,
        "slack_get_channel_history",
        json!({"channel": "#sales", "limit": 1}),
    )
    .await
    .unwrap();
    assert_eq!(read["messages"][0]["author"]["name"], "Switchboard");

    // Someone without a Slack account is named by email.
    let out = call_as(
        &env.slack,
        "contractor@demo",
        Duration::from_secs(10),
        "slack_post_message",
        json!({"channel": "#general", "text": "Hello"}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["on_behalf_of"],
        json!({"name": "contractor@northwind.example", "email": "contractor@northwind.example"})
    );
    assert!(out["text"]
        .as_str()
        .unwrap()
        .ends_with("on behalf of contractor@northwind.example_"));
}

#[tokio::test]
async fn replies_go_to_the_thread_parent() {
    let env = env().await;
    let sales = ws().channel_by_name("sales").unwrap();
    let acme = ws()
        .history(&sales.id)
        .find(|m| ws().replies(&sales.id, &m.ts).len() == 3 && m.text.contains("Acme"))
        .unwrap();
    let reply_ts = ws().replies(&sales.id, &acme.ts)[1].ts.clone();
    let out = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#sales", "text": "Dana confirmed by phone.", "thread_ts": reply_ts}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["thread_ts"].as_str(),
        Some(acme.ts.as_str()),
        "a reply's ts leads to its parent"
    );
    let thread = call(
        &env.slack,
        "slack_get_thread",
        json!({"channel": "#sales", "thread_ts": acme.ts}),
    )
    .await
    .unwrap();
    assert_eq!(thread["reply_count"], 4);
    assert_eq!(thread["replies"][3]["ts"], out["ts"]);

    let err = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#sales", "text": "x", "thread_ts": "1700000000.000001"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "#sales has no message with ts 1700000000.000001 to reply to"
        )
    );
    assert_eq!(
        hits(&env, "chat.postMessage"),
        1,
        "nothing posted into a missing thread"
    );
}

#[tokio::test]
async fn markup_from_the_model_is_defused() {
    let env = env().await;
    let tom = &ws()
        .user_by_email("tom.becker@northwind.example")
        .unwrap()
        .id;
    let text = format!("<!channel> Q4 & renewals: <@{tom}> owns Globex, see <https://crm.northwind.example/deals?id=1&x=2|the deal>");
    let out = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#sales", "text": text}),
    )
    .await
    .unwrap();
    assert!(out["text"].as_str().unwrap().starts_with("<!channel> Q4 & renewals: @Tom Becker owns Globex, see the deal (https://crm.northwind.example/deals?id=1&x=2)"), "{}", out["text"]);
    let raw = raw_latest(&env, "sales").await;
    let raw = raw["text"].as_str().unwrap();
    assert!(
        raw.starts_with(&format!(
            "&lt;!channel&gt; Q4 &amp; renewals: <@{tom}> owns"
        )),
        "{raw}"
    );
    assert!(
        raw.contains("<https://crm.northwind.example/deals?id=1&amp;x=2|the deal>"),
        "{raw}"
    );
}

#[tokio::test]
async fn channels_are_named_exactly_and_checked() {
    let env = env().await;
    let spec = env
        .slack
        .tools()
        .iter()
        .find(|t| t.name == "slack_post_message")
        .unwrap()
        .clone();
    assert_eq!(
        spec.input_schema["properties"]["channel"]["type"], "string",
        "a top-level string a policy can compare"
    );
    assert_eq!(
        (spec.permission.as_str(), spec.effect.as_str()),
        ("slack:messages:write", "write")
    );

    let sales_id = ws().channel_by_name("sales").unwrap().id.clone();
    for channel in [
        "general",
        "#General",
        "GENERAL",
        sales_id.as_str(),
        " #general",
        "#gen eral",
    ] {
        let err = call(
            &env.slack,
            "slack_post_message",
            json!({"channel": channel, "text": "hi"}),
        )
        .await
        .unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{channel}: {}",
            err.message
        );
    }
    assert_eq!(env.server.hits.total(), 0);

    let err = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#proj-atlas-launch", "text": "hi"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    assert!(err.message.contains("archived"), "{}", err.message);
    let err = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#random", "text": "hi"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UpstreamDenied);
    assert!(
        err.message.contains("not a member of #random"),
        "{}",
        err.message
    );
    let err = call(
        &env.slack,
        "slack_post_message",
        json!({"channel": "#nope", "text": "hi"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(
        hits(&env, "chat.postMessage"),
        1,
        "only #random reached Slack"
    );
}
