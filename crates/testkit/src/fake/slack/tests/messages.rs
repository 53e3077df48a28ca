//! History and threads with cursors, search modifiers and token types.

use serde_json::json;

use super::{call, channel_id, server, BOT, USER};
use crate::demo::chat::slack_workspace;

#[tokio::test]
async fn history_pages_newest_first_and_folds_replies_away() {
    let s = server().await;
    let sales = channel_id("sales");
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let mut q = vec![("channel", sales.as_str()), ("limit", "100")];
        if !cursor.is_empty() {
            q.push(("cursor", cursor.as_str()));
        }
        let page = call(&s, BOT, "conversations.history", &q).await;
        assert_eq!(page["ok"], true, "{page}");
        let messages = page["messages"].as_array().unwrap();
        assert!(messages.len() <= 4);
        seen.extend(
            messages
                .iter()
                .map(|m| m["ts"].as_str().unwrap().to_owned()),
        );
        match page["response_metadata"]["next_cursor"].as_str() {
            Some(next) => {
                assert_eq!(page["has_more"], true);
                cursor = next.to_owned();
            }
            None => break,
        }
    }
    let expected: Vec<String> = slack_workspace()
        .history(&sales)
        .map(|m| m.ts.clone())
        .rev()
        .collect();
    assert_eq!(seen, expected);
    let bad = call(
        &s,
        BOT,
        "conversations.history",
        &[("channel", &sales), ("cursor", "bm9wZQ==")],
    )
    .await;
    assert_eq!(bad["error"], "invalid_cursor");
    let bad = call(
        &s,
        BOT,
        "conversations.history",
        &[("channel", &sales), ("oldest", "yesterday")],
    )
    .await;
    assert_eq!(bad["error"], "invalid_ts_oldest");
    let by_name = call(&s, BOT, "conversations.history", &[("channel", "sales")]).await;
    assert_eq!(by_name["error"], "channel_not_found");
    let random = call(
        &s,
        BOT,
        "conversations.history",
        &[("channel", &channel_id("random"))],
    )
    .await;
    assert_eq!(random["error"], "not_in_channel");
    let as_admin = call(
        &s,
        USER,
        "conversations.history",
        &[("channel", &channel_id("random"))],
    )
    .await;
    assert_eq!(as_admin["ok"], true);
}

#[tokio::test]
async fn replies_start_with_the_parent_and_page_on() {
    let s = server().await;
    let ws = slack_workspace();
    let sales = channel_id("sales");
    let parent = ws
        .history(&sales)
        .find(|m| ws.replies(&sales, &m.ts).len() == 3)
        .unwrap();
    let first = call(
        &s,
        BOT,
        "conversations.replies",
        &[("channel", &sales), ("ts", &parent.ts), ("limit", "2")],
    )
    .await;
    let messages = first["messages"].as_array().unwrap();
    assert_eq!(messages[0]["ts"], parent.ts.as_str());
    assert_eq!(
        (
            messages[0]["reply_count"].as_u64(),
            first["has_more"].as_bool()
        ),
        (Some(3), Some(true))
    );
    assert_eq!(messages[1]["thread_ts"], parent.ts.as_str());
    assert_eq!(messages[1]["parent_user_id"], parent.user.as_str());
    let cursor = first["response_metadata"]["next_cursor"].as_str().unwrap();
    let rest = call(
        &s,
        BOT,
        "conversations.replies",
        &[("channel", &sales), ("ts", &parent.ts), ("cursor", cursor)],
    )
    .await;
    assert_eq!(rest["messages"].as_array().unwrap().len(), 2);
    assert_eq!(rest["has_more"], false);
    assert!(rest.get("response_metadata").is_none());
    let missing = call(
        &s,
        BOT,
        "conversations.replies",
        &[("channel", &sales), ("ts", "1700000000.000001")],
    )
    .await;
    assert_eq!(missing["error"], "thread_not_found");
}

#[tokio::test]
async fn search_needs_a_user_token_and_honours_modifiers() {
    let s = server().await;
    let denied = call(&s, BOT, "search.messages", &[("query", "acme")]).await;
    assert_eq!(
        denied,
        json!({"ok": false, "error": "not_allowed_token_type"})
    );
    let empty = call(&s, USER, "search.messages", &[("query", " ")]).await;
    assert_eq!(empty["error"], "No query passed");

    let ws = slack_workspace();
    let sam = ws.user_by_email("sales@northwind.example").unwrap();
    let q = format!(
        "acme-robotics.example in:#sales from:<@{}> after:2026-11-01 before:2026-11-30",
        sam.id
    );
    let found = call(
        &s,
        USER,
        "search.messages",
        &[("query", &q), ("count", "2"), ("sort", "timestamp")],
    )
    .await;
    let matches = found["messages"]["matches"].as_array().unwrap();
    assert_eq!(found["messages"]["total"], 1, "{found}");
    assert_eq!(matches[0]["channel"]["name"], "sales");
    assert_eq!(matches[0]["username"], "sam.carter");
    assert!(matches[0]["permalink"]
        .as_str()
        .unwrap()
        .starts_with("https://northwind-example.slack.com/archives/"));

    let all = call(
        &s,
        USER,
        "search.messages",
        &[("query", "Acme"), ("count", "5"), ("page", "2")],
    )
    .await;
    let paging = &all["messages"]["paging"];
    assert_eq!(
        (paging["page"].as_u64(), paging["count"].as_u64()),
        (Some(2), Some(5))
    );
    assert!(all["messages"]["total"].as_u64().unwrap() > 5);
    assert_eq!(all["messages"]["pagination"]["first"], 6);
    let phrase = call(
        &s,
        USER,
        "search.messages",
        &[("query", "\"telemetry & SSO\" -pizza")],
    )
    .await;
    assert_eq!(phrase["messages"]["total"], 1, "{phrase}");
}
