//! The fake Slack answers with payloads of the recorded shapes: the same
//! key sets at every level that matters, the recorded error bodies
//! verbatim, and the same model types parse both (messages:
//! `fake_messages.rs`).

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_slack::model::*;
use switchboard_testkit::fake::slack::api_url;

use crate::common::{env, fixture, ws, Env, BOT, USER};

pub fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

pub async fn get(env: &Env, token: &str, method: &str, query: &[(&str, &str)]) -> Value {
    reqwest::Client::new()
        .get(api_url(&env.server).join(&format!("api/{method}")).unwrap())
        .query(query)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub fn parses<T: DeserializeOwned>(v: &Value) {
    serde_json::from_value::<T>(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
}

pub fn id(name: &str) -> String {
    ws().channel_by_name(name).unwrap().id.clone()
}

#[tokio::test]
async fn users_match_the_recordings() {
    let env = env().await;
    let recorded = fixture("users_list.json");
    let list = get(&env, BOT, "users.list", &[("limit", "200")]).await;
    assert_eq!(keys(&list), keys(&recorded));
    assert_eq!(list["response_metadata"], json!({"next_cursor": ""}));
    parses::<UserList>(&list);
    let members = list["members"].as_array().unwrap();
    // Slackbot, the app's bot user, a person: as recorded, in that order.
    for (fake, rec) in [
        (&members[0], &recorded["members"][0]),
        (&members[1], &recorded["members"][1]),
        (&members[2], &recorded["members"][2]),
    ] {
        assert_eq!(keys(fake), keys(rec), "{}", fake["name"]);
        assert_eq!(
            keys(&fake["profile"]),
            keys(&rec["profile"]),
            "{} profile",
            fake["name"]
        );
    }
    let person = get(
        &env,
        BOT,
        "users.lookupByEmail",
        &[("email", "kenji.watanabe@northwind.example")],
    )
    .await;
    let rec = fixture("users_lookupByEmail.json");
    assert_eq!(
        (keys(&person), keys(&person["user"])),
        (keys(&rec), keys(&rec["user"]))
    );
    assert_eq!(
        keys(&person["user"]["profile"]),
        keys(&rec["user"]["profile"])
    );
    assert_eq!(person["user"]["tz"], "Asia/Tokyo");
    let slackbot = get(&env, BOT, "users.info", &[("user", "USLACKBOT")]).await;
    let rec = fixture("users_info.json");
    assert_eq!(
        (keys(&slackbot["user"]), keys(&slackbot["user"]["profile"])),
        (keys(&rec["user"]), keys(&rec["user"]["profile"]))
    );
    parses::<UserInfo>(&slackbot);
    let me = get(&env, USER, "auth.test", &[]).await;
    assert_eq!(keys(&me), keys(&fixture("auth_test.json")));
    parses::<AuthTest>(&me);
}

#[tokio::test]
async fn channels_match_the_recordings() {
    let env = env().await;
    let recorded = fixture("conversations_list.json");
    let shapes: Vec<BTreeSet<String>> = recorded["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(keys)
        .collect();
    let list = get(
        &env,
        BOT,
        "conversations.list",
        &[("limit", "3"), ("types", "public_channel")],
    )
    .await;
    assert_eq!(keys(&list), keys(&recorded));
    assert!(!list["response_metadata"]["next_cursor"]
        .as_str()
        .unwrap()
        .is_empty());
    for c in list["channels"].as_array().unwrap() {
        assert!(
            shapes.contains(&keys(c)),
            "{} has keys {:?}",
            c["name"],
            keys(c)
        );
        assert_eq!(keys(&c["topic"]), keys(&recorded["channels"][0]["topic"]));
    }
    parses::<ChannelList>(&list);
    let info = get(
        &env,
        BOT,
        "conversations.info",
        &[("channel", &id("general")), ("include_num_members", "true")],
    )
    .await;
    let rec = fixture("conversations_info.json");
    assert_eq!(
        (keys(&info), keys(&info["channel"])),
        (keys(&rec), keys(&rec["channel"]))
    );
    assert_eq!(info["channel"]["properties"], rec["channel"]["properties"]);
    parses::<ChannelInfo>(&info);
}

#[tokio::test]
async fn search_and_errors_match_the_recordings() {
    let env = env().await;
    let recorded = fixture("search_messages.json");
    let found = get(
        &env,
        USER,
        "search.messages",
        &[("query", "Globex"), ("count", "2")],
    )
    .await;
    assert_eq!(keys(&found), keys(&recorded));
    assert_eq!(keys(&found["messages"]), keys(&recorded["messages"]));
    for part in ["pagination", "paging"] {
        assert_eq!(
            keys(&found["messages"][part]),
            keys(&recorded["messages"][part]),
            "{part}"
        );
    }
    let hit = &found["messages"]["matches"][0];
    let rec = &recorded["messages"]["matches"][0];
    assert_eq!(
        (keys(hit), keys(&hit["channel"])),
        (keys(rec), keys(&rec["channel"]))
    );
    parses::<SearchMessages>(&found);

    // Slack's own error bodies, verbatim.
    let cases = [
        (
            get(&env, "xoxb-revoked", "auth.test", &[]).await,
            "error_invalid_auth.json",
        ),
        (
            get(
                &env,
                BOT,
                "conversations.history",
                &[("channel", "C0NOPE0000")],
            )
            .await,
            "error_channel_not_found.json",
        ),
        (
            get(&env, BOT, "users.info", &[("user", "U0NOPE0000")]).await,
            "error_user_not_found.json",
        ),
        (
            get(&env, BOT, "users.list", &[("cursor", "bm9wZQ==")]).await,
            "error_invalid_cursor.json",
        ),
        (
            get(&env, USER, "search.messages", &[]).await,
            "error_search_no_query.json",
        ),
    ];
    for (fake, name) in cases {
        assert_eq!(fake, fixture(name), "{name}");
        parses::<Envelope>(&fake);
    }
}
