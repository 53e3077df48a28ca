//! Search: filters become Slack modifiers, "me" is the caller, pages are
//! numbered, and without a user token the tool says so without calling
//! Slack (and a bot token given as one is refused by Slack).

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, call_as, column, connector_for, env, hits, ws, BOT};

#[tokio::test]
async fn filters_become_slack_modifiers() {
    let env = env().await;
    let found = call(
        &env.slack,
        "slack_search_messages",
        json!({
            "query": "acme-robotics.example", "channel": "#Sales", "from": "me",
            "date_from": "2026-11-13", "date_to": "2026-11-13",
        }),
    )
    .await
    .unwrap();
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["messages"][0];
    assert_eq!(
        (hit["channel"].as_str(), hit["time"].as_str()),
        (Some("#sales"), Some("2026-11-13T09:30:00Z"))
    );
    assert_eq!(
        hit["author"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert!(
        hit["text"].as_str().unwrap().contains("@Erik Lindqvist"),
        "{}",
        hit["text"]
    );
    assert!(hit["permalink"]
        .as_str()
        .unwrap()
        .starts_with("https://northwind-example.slack.com/archives/"));

    let sam = &ws().user_by_email("sales@northwind.example").unwrap().id;
    let asked = env.server.hits.requests();
    let search = asked
        .iter()
        .find(|r| r.path == "/api/search.messages")
        .unwrap();
    let query = search.query.as_deref().unwrap();
    for part in [
        "in%3A%23sales",
        &format!("from%3A%3C%40{sam}%3E"),
        "after%3A2026-11-12",
        "before%3A2026-11-14",
        "sort=timestamp",
    ] {
        assert!(query.contains(part), "{part} missing from {query}");
    }
}

#[tokio::test]
async fn results_are_newest_first_and_page() {
    let env = env().await;
    let globex: Vec<_> = ws()
        .messages
        .iter()
        .filter(|m| m.text.to_lowercase().contains("globex"))
        .collect();
    let newest = globex.iter().max_by_key(|m| &m.ts).unwrap();
    let expected = globex.len();
    let first = call(
        &env.slack,
        "slack_search_messages",
        json!({"query": "Globex", "limit": 5}),
    )
    .await
    .unwrap();
    assert_eq!(first["total"].as_u64(), Some(expected as u64));
    assert_eq!(first["next_cursor"], "p2.5");
    let times = column(&first, "messages", "time");
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    let newest_channel = format!("#{}", ws().channel(&newest.channel).unwrap().name);
    assert_eq!(
        first["messages"][0]["channel"].as_str(),
        Some(newest_channel.as_str())
    );
    assert_eq!(newest_channel, "#sales", "the forecast call reminder");
    // The builder's brief detail keeps where, when and who, and paging.
    let brief = call(
        &env.slack,
        "slack_search_messages",
        json!({"query": "Globex", "limit": 5, "detail": "brief"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&brief["total"], &brief["next_cursor"]),
        (&first["total"], &first["next_cursor"])
    );
    let item = brief["messages"][0].as_object().unwrap();
    let mut keys: Vec<&String> = item.keys().collect();
    keys.sort();
    assert_eq!(keys, ["author", "channel", "ts"]);
    let second = call(
        &env.slack,
        "slack_search_messages",
        json!({"query": "Globex", "cursor": "p2.5"}),
    )
    .await
    .unwrap();
    let (a, b) = (
        column(&first, "messages", "ts"),
        column(&second, "messages", "ts"),
    );
    assert!(
        b.iter().all(|ts| !a.contains(ts)) && b[0] < a[4],
        "page 2 continues page 1"
    );

    let kenji = call_as(
        &env.slack,
        "kenji.watanabe@demo",
        Duration::from_secs(10),
        "slack_search_messages",
        json!({"from": "me", "channel": "acct-sakura-telecom"}),
    )
    .await
    .unwrap();
    assert_eq!(kenji["total"], 1);
    assert_eq!(kenji["messages"][0]["author"]["name"], "Kenji Watanabe");
    let err = call(
        &env.slack,
        "slack_search_messages",
        json!({"from": "nobody@northwind.example"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "No Slack user has the email nobody@northwind.example"
        )
    );
}

#[tokio::test]
async fn search_needs_a_user_token() {
    let env = env().await;
    let no_user = connector_for(&env.server, BOT, None);
    let tools = no_user.tools();
    assert!(
        tools.iter().any(|t| t.name == "slack_search_messages"),
        "still listed"
    );
    let err = call(
        &no_user,
        "slack_search_messages",
        json!({"query": "renewal"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UpstreamDenied);
    assert!(
        err.message.contains("not configured") && err.message.contains("user_token"),
        "{}",
        err.message
    );
    assert_eq!(env.server.hits.total(), 0, "refused before calling Slack");

    // A bot token configured as the user token: Slack itself refuses.
    let misconfigured = connector_for(&env.server, BOT, Some(BOT));
    let err = call(
        &misconfigured,
        "slack_search_messages",
        json!({"query": "renewal"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(200))
    );
    assert!(
        err.message.contains("not_allowed_token_type") && err.message.contains("user token"),
        "{}",
        err.message
    );
    assert_eq!(hits(&env, "search.messages"), 1);
}
