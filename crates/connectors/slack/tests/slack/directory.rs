//! The directory tools against the fake Slack: channels (name filter,
//! paging, archived) and users (by "me", email and id).

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::fake::slack::SlackOptions;

use crate::common::{call, call_as, column, env, env_with, ws};

#[tokio::test]
async fn channels_list_filters_and_pages() {
    let env = env_with(SlackOptions { page_size: Some(4) }).await;
    let all = call(&env.slack, "slack_list_channels", json!({}))
        .await
        .unwrap();
    let names = column(&all, "channels", "name");
    assert_eq!(
        names.len(),
        ws().channels.len() - 1,
        "archived left out: {names:?}"
    );
    assert!(
        names.contains(&"#general".to_owned()) && !names.contains(&"#proj-atlas-launch".to_owned())
    );
    let random = all["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "#random")
        .unwrap();
    assert_eq!(random["app_is_member"], false);

    let acct = call(
        &env.slack,
        "slack_list_channels",
        json!({"name": "ACCT", "limit": 3}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&acct, "channels", "name"),
        [
            "#acct-acme-robotics",
            "#acct-globex-logistics",
            "#acct-lioncity-bank"
        ]
    );
    assert_eq!(
        acct["channels"][0]["topic"],
        "Acme Robotics · acme-robotics.example · owner Sam Carter · renews 15 Dec 2026"
    );
    assert_eq!(acct["channels"][0]["members"], 6);
    let more = call(
        &env.slack,
        "slack_list_channels",
        json!({"name": "acct", "limit": 3, "cursor": acct["next_cursor"]}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&more, "channels", "name"),
        [
            "#acct-stark-aerospace",
            "#acct-sakura-telecom",
            "#acct-helios-pharma"
        ]
    );
    let last = call(
        &env.slack,
        "slack_list_channels",
        json!({"name": "acct", "cursor": more["next_cursor"]}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&last, "channels", "name"),
        ["#acct-oceanic-insurance"]
    );
    assert!(last.get("next_cursor").is_none());

    let brief = call(
        &env.slack,
        "slack_list_channels",
        json!({"name": "acct", "limit": 1, "detail": "brief"}),
    )
    .await
    .unwrap();
    let item = brief["channels"][0].as_object().unwrap();
    let mut keys: Vec<&String> = item.keys().collect();
    keys.sort();
    assert_eq!(keys, ["created", "id", "name"]);
    assert!(brief["next_cursor"].is_string());

    let archived = call(
        &env.slack,
        "slack_list_channels",
        json!({"name": "atlas", "include_archived": true}),
    )
    .await
    .unwrap();
    assert_eq!(archived["channels"][0]["archived"], true);
}

#[tokio::test]
async fn users_by_me_email_and_id() {
    let env = env().await;
    let me = call(&env.slack, "slack_get_user", json!({"user": "me"}))
        .await
        .unwrap();
    assert_eq!(me["name"], "Sam Carter");
    assert_eq!(
        (me["handle"].as_str(), me["email"].as_str()),
        (Some("sam.carter"), Some("sales@northwind.example"))
    );
    assert_eq!(
        (me["title"].as_str(), me["timezone"].as_str()),
        (
            Some("Account Executive"),
            Some("America/New_York (Eastern Standard Time)")
        )
    );
    let kenji = call_as(
        &env.slack,
        "kenji.watanabe@demo",
        Duration::from_secs(10),
        "slack_get_user",
        json!({"user": "ME"}),
    )
    .await
    .unwrap();
    assert_eq!(kenji["timezone"], "Asia/Tokyo (Japan Standard Time)");
    let alex = call(
        &env.slack,
        "slack_get_user",
        json!({"user": "Admin@Northwind.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (alex["name"].as_str(), alex["admin"].as_bool()),
        (Some("Alex Morgan"), Some(true))
    );
    let bot = call(&env.slack, "slack_get_user", json!({"user": ws().bot().id}))
        .await
        .unwrap();
    assert_eq!(
        (bot["name"].as_str(), bot["bot"].as_bool(), bot.get("email")),
        (Some("Switchboard"), Some(true), None)
    );

    let err = call_as(
        &env.slack,
        "ghost@demo",
        Duration::from_secs(10),
        "slack_get_user",
        json!({"user": "me"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("ghost@northwind.example"),
        "{}",
        err.message
    );
    let err = call(&env.slack, "slack_get_user", json!({"user": "U0NOTTHERE1"}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (ErrorKind::NotFound, "No Slack user has the id U0NOTTHERE1")
    );
}
