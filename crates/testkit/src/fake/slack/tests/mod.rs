//! The fake Slack over HTTP: auth and in-body errors, users and channels
//! with cursors, posting; history, threads and search in `messages`.

use serde_json::{json, Value};

use super::*;
use crate::demo::chat::slack_workspace;
use crate::demo::northwind;

mod messages;

pub(super) const BOT: &str = "xoxb-test";
pub(super) const USER: &str = "xoxp-test";

pub(super) async fn server() -> FakeServer {
    spawn_slack_with(northwind(), BOT, USER, SlackOptions { page_size: Some(4) }).await
}

pub(super) async fn call(
    server: &FakeServer,
    token: &str,
    method: &str,
    query: &[(&str, &str)],
) -> Value {
    let r = reqwest::Client::new()
        .get(api_url(server).join(&format!("api/{method}")).unwrap())
        .query(query)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], CONTENT_TYPE);
    r.json().await.unwrap()
}

pub(super) fn channel_id(name: &str) -> String {
    slack_workspace().channel_by_name(name).unwrap().id.clone()
}

#[tokio::test]
async fn auth_errors_are_http_200_with_ok_false() {
    let s = server().await;
    assert_eq!(
        call(&s, "xoxb-wrong", "auth.test", &[]).await,
        json!({"ok": false, "error": "invalid_auth"})
    );
    let r = reqwest::get(api_url(&s).join("api/auth.test").unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "not_authed");
    let me = call(&s, BOT, "auth.test", &[]).await;
    assert_eq!(
        (me["user"].as_str(), me["team"].as_str()),
        (Some("switchboard"), Some("Northwind Example"))
    );
    let me = call(&s, USER, "auth.test", &[]).await;
    assert_eq!(me["user"], "alex.morgan");
    let r = reqwest::Client::new()
        .get(api_url(&s).join("api/chat.nothing").unwrap())
        .bearer_auth(BOT)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "unknown_method");
}

#[tokio::test]
async fn users_and_channels_page_with_cursors() {
    let s = server().await;
    let first = call(&s, BOT, "users.list", &[("limit", "200")]).await;
    assert_eq!(first["members"][0]["id"], "USLACKBOT");
    assert_eq!(first["members"].as_array().unwrap().len(), 4);
    let next = first["response_metadata"]["next_cursor"].as_str().unwrap();
    let second = call(&s, BOT, "users.list", &[("cursor", next)]).await;
    assert_eq!(second["members"].as_array().unwrap().len(), 4);
    let info = call(
        &s,
        BOT,
        "users.lookupByEmail",
        &[("email", "support@northwind.example")],
    )
    .await;
    assert_eq!(info["user"]["real_name"], "Sofia Reyes");
    assert_eq!(
        call(&s, BOT, "users.lookupByEmail", &[("email", "x@y.example")]).await["error"],
        "users_not_found"
    );
    assert_eq!(
        call(&s, BOT, "users.info", &[("user", "U000")]).await["error"],
        "user_not_found"
    );

    let channels = call(
        &s,
        BOT,
        "conversations.list",
        &[("exclude_archived", "true")],
    )
    .await;
    assert_eq!(channels["channels"][0]["name"], "general");
    assert_eq!(channels["channels"][0]["is_member"], true);
    let info = call(
        &s,
        BOT,
        "conversations.info",
        &[("channel", &channel_id("random"))],
    )
    .await;
    assert_eq!(
        (
            info["channel"]["is_member"].as_bool(),
            info["channel"].get("num_members")
        ),
        (Some(false), None)
    );
    assert_eq!(
        call(&s, BOT, "conversations.list", &[("types", "dm")]).await["error"],
        "invalid_types"
    );
}

#[tokio::test]
async fn posting_appends_to_the_channel_with_the_bot_shape() {
    let s = server().await;
    let post = |body: Value| {
        reqwest::Client::new()
            .post(api_url(&s).join("api/chat.postMessage").unwrap())
            .bearer_auth(BOT)
            .json(&body)
            .send()
    };
    let r: Value = post(json!({"channel": "#sales", "text": "Hello from a test"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (r["ok"].as_bool(), r["warning"].as_str()),
        (Some(true), Some("missing_charset"))
    );
    let bot = slack_workspace().bot();
    assert_eq!(r["message"]["user"], bot.id.as_str());
    assert_eq!(r["message"]["bot_profile"]["name"], "Switchboard");
    let ts = r["ts"].as_str().unwrap().to_owned();
    assert!(ts.as_str() > slack_workspace().messages.last().unwrap().ts.as_str());
    let history = call(
        &s,
        BOT,
        "conversations.history",
        &[("channel", &channel_id("sales")), ("limit", "1")],
    )
    .await;
    assert_eq!(history["messages"][0]["ts"], ts.as_str());

    let reply: Value =
        post(json!({"channel": channel_id("sales"), "text": "In thread", "thread_ts": ts}))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(reply["message"]["thread_ts"], ts.as_str());
    let thread = call(
        &s,
        BOT,
        "conversations.replies",
        &[("channel", &channel_id("sales")), ("ts", &ts)],
    )
    .await;
    assert_eq!(thread["messages"][0]["reply_count"], 1);

    for (body, code) in [
        (json!({"channel": "#random", "text": "x"}), "not_in_channel"),
        (
            json!({"channel": "#proj-atlas-launch", "text": "x"}),
            "is_archived",
        ),
        (
            json!({"channel": "#nope", "text": "x"}),
            "channel_not_found",
        ),
        (json!({"channel": "#sales"}), "no_text"),
    ] {
        let r: Value = post(body).await.unwrap().json().await.unwrap();
        assert_eq!(r["error"], code);
    }
}
