//! The fake's messages, threads and posts have the recorded shapes. The
//! recordings hold only a bot's messages (`bot_id`, `app_id`,
//! `bot_profile`); a person's message carries `client_msg_id` instead, as
//! Slack sends it, and is compared that way.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use switchboard_slack::model::*;
use switchboard_testkit::fake::slack::api_url;

use crate::common::{env, fixture, BOT};
use crate::fake_shapes::{get, id, keys, parses};

#[tokio::test]
async fn messages_threads_and_posts_match_the_recordings() {
    let env = env().await;
    let sales = id("sales");
    let url = api_url(&env.server).join("api/chat.postMessage").unwrap();
    let post = |body: Value| {
        let url = url.clone();
        async move {
            let r = reqwest::Client::new()
                .post(url)
                .bearer_auth(BOT)
                .json(&body)
                .send()
                .await
                .unwrap();
            r.json::<Value>().await.unwrap()
        }
    };
    let posted = post(json!({"channel": sales, "text": "Bot parent"})).await;
    let rec = fixture("chat_postMessage.json");
    assert_eq!(keys(&posted), keys(&rec));
    assert_eq!(keys(&posted["message"]), keys(&rec["message"]));
    assert_eq!(
        keys(&posted["message"]["bot_profile"]),
        keys(&rec["message"]["bot_profile"])
    );
    assert_eq!(
        posted["message"]["blocks"][0]["elements"][0]["elements"][0],
        json!({"type": "text", "text": "Bot parent"})
    );
    parses::<PostMessage>(&posted);
    let parent_ts = posted["ts"].as_str().unwrap().to_owned();
    post(json!({"channel": sales, "text": "Bot reply", "thread_ts": parent_ts})).await;

    let recorded = fixture("conversations_history.json");
    let history = get(
        &env,
        BOT,
        "conversations.history",
        &[("channel", &sales), ("limit", "3")],
    )
    .await;
    assert_eq!(keys(&history), keys(&recorded));
    parses::<History>(&history);
    let messages = history["messages"].as_array().unwrap();
    assert_eq!(
        keys(&messages[0]),
        keys(&recorded["messages"][1]),
        "a bot's thread parent"
    );
    let bot_keys = ["bot_id", "app_id", "bot_profile"];
    let as_person = |rec: &Value| -> BTreeSet<String> {
        let mut k = keys(rec);
        k.retain(|key| !bot_keys.contains(&key.as_str()));
        k.insert("client_msg_id".into());
        k
    };
    assert_eq!(
        keys(&messages[1]),
        as_person(&recorded["messages"][5]),
        "a person's plain message"
    );
    let pinned = get(
        &env,
        BOT,
        "conversations.history",
        &[("channel", &id("eng-incidents"))],
    )
    .await;
    let runbook = pinned["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        keys(&runbook),
        as_person(&recorded["messages"][0]),
        "a pinned message"
    );
    assert_eq!(
        keys(&runbook["pinned_info"]),
        keys(&recorded["messages"][0]["pinned_info"])
    );
    let reacted = get(
        &env,
        BOT,
        "conversations.history",
        &[("channel", &id("sales")), ("limit", "100")],
    )
    .await;
    let with_reactions = reacted["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m.get("reactions").is_some()
                && m.get("reply_count").is_none()
                && m.get("pinned_to").is_none()
        })
        .unwrap()
        .clone();
    assert_eq!(keys(&with_reactions), as_person(&recorded["messages"][3]));
    assert_eq!(
        keys(&with_reactions["reactions"][0]),
        keys(&recorded["messages"][3]["reactions"][0])
    );

    let recorded = fixture("conversations_replies.json");
    let thread = get(
        &env,
        BOT,
        "conversations.replies",
        &[("channel", &sales), ("ts", &parent_ts)],
    )
    .await;
    assert_eq!(keys(&thread), keys(&recorded));
    assert_eq!(keys(&thread["messages"][0]), keys(&recorded["messages"][0]));
    assert_eq!(keys(&thread["messages"][1]), keys(&recorded["messages"][1]));
    parses::<Replies>(&thread);
}
