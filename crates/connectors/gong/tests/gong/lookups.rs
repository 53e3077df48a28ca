//! `gong_get_call` and `gong_list_users` against the fake Gong serving the
//! demo company.

use serde_json::json;
use switchboard_testkit::demo::calls::call_library;
use switchboard_testkit::fake::gong::GongOptions;

use crate::common::{call, column, env, env_with};

#[tokio::test]
async fn one_call_splits_internal_and_external_people() {
    let env = env().await;
    let lib = call_library();
    let acme = lib.last_call("acme-robotics.example").unwrap();
    let got = call(&env.gong, "gong_get_call", json!({"call_id": acme.id}))
        .await
        .unwrap();
    assert_eq!(got["title"], "Acme Robotics — renewal review");
    assert_eq!(
        (&got["direction"], &got["media"], &got["system"]),
        (&json!("Conference"), &json!("Video"), &json!("Zoom"))
    );
    assert_eq!(
        got["url"],
        format!("https://app.gong.io/call?id={}", acme.id)
    );
    assert_eq!(
        got["internal"],
        json!([{"name": "Sam Carter", "email": "sales@northwind.example", "title": "Account Executive"}])
    );
    assert_eq!(
        column(&got, "external", "title"),
        ["VP Operations", "Procurement Manager"]
    );

    let escalation = lib.calls_with("lioncity-bank.example").nth(1).unwrap();
    let got = call(
        &env.gong,
        "gong_get_call",
        json!({"call_id": escalation.id}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&got, "internal", "name"),
        ["Kenji Watanabe", "Sofia Reyes"]
    );
    assert_eq!(got["host"]["name"], "Kenji Watanabe");

    let phone = lib.calls_with("initech.example").last().unwrap();
    let got = call(&env.gong, "gong_get_call", json!({"call_id": phone.id}))
        .await
        .unwrap();
    assert_eq!(
        (&got["direction"], &got["media"], &got["duration_minutes"]),
        (&json!("Outbound"), &json!("Audio"), &json!(15))
    );
}

#[tokio::test]
async fn users_list_and_page() {
    let env = env_with(GongOptions { page_size: Some(5) }).await;
    let all = call(&env.gong, "gong_list_users", json!({})).await.unwrap();
    assert_eq!(column(&all, "users", "name").len(), 8);
    assert_eq!(
        all["users"][5],
        json!({"name": "Sofia Reyes", "email": "support@northwind.example", "title": "Support Lead", "active": true})
    );
    let first = call(&env.gong, "gong_list_users", json!({"limit": 3}))
        .await
        .unwrap();
    let next = first["next_cursor"].as_str().unwrap().to_owned();
    let rest = call(
        &env.gong,
        "gong_list_users",
        json!({"limit": 10, "cursor": next}),
    )
    .await
    .unwrap();
    let mut names = column(&first, "users", "name");
    names.extend(column(&rest, "users", "name"));
    assert_eq!(names, column(&all, "users", "name"));
    assert!(rest.get("next_cursor").is_none());
}

#[tokio::test]
async fn shaping_cuts_the_payload() {
    let env = env().await;
    let id = &call_library()
        .last_call("lioncity-bank.example")
        .unwrap()
        .id;
    let body = json!({"filter": {"callIds": [id]}, "contentSelector": {"exposedFields": {"parties": true}}});
    let raw = reqwest::Client::new()
        .post(env.server.base_url.join("v2/calls/extensive").unwrap())
        .basic_auth(crate::common::KEY, Some(crate::common::SECRET))
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let shaped = call(&env.gong, "gong_get_call", json!({"call_id": id}))
        .await
        .unwrap()
        .to_string();
    assert!(
        shaped.len() * 2 < raw.len(),
        "shaped {} B vs raw {} B",
        shaped.len(),
        raw.len()
    );
}
