//! The conversation tools against the fake Intercom serving the demo desk.

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::support::support_desk;
use switchboard_testkit::fake::intercom::IntercomOptions;

use crate::common::{call, column, env, env_with};

#[tokio::test]
async fn conversations_by_company_state_and_contact() {
    let env = env().await;
    let open = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"company": "acme-robotics.example", "state": "open"}),
    )
    .await
    .unwrap();
    assert_eq!(open["company"], "Acme Robotics");
    assert_eq!(
        column(&open, "conversations", "title"),
        [
            "Renewal depends on open issues",
            "Telemetry gaps since agent 4.2"
        ]
    );
    assert_eq!(open["total"], 2);
    let renewal = &open["conversations"][0];
    assert_eq!(
        renewal["customer"],
        json!({"name": "Dana Whitfield", "email": "dana.whitfield@acme-robotics.example"})
    );
    assert_eq!(
        renewal["assignee"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert_eq!(
        (&renewal["priority"], &renewal["tags"], &renewal["state"]),
        (&json!(true), &json!(["Renewal"]), &json!("open"))
    );
    assert_eq!(
        renewal["preview"],
        "Before we sign the renewal we need the telemetry & SSO issues fixed."
    );
    assert!(renewal["waiting_since"].is_null(), "Sam answered last");
    assert!(renewal["created"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-23T09:"));

    let by_name = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"company": "Acme Robotics"}),
    )
    .await
    .unwrap();
    assert_eq!(by_name["total"], 3, "closed ones too");
    let marcus = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"contact_email": "Marcus.Chen@acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&marcus, "conversations", "title"),
        ["Telemetry gaps since agent 4.2"]
    );
    assert!(
        marcus["conversations"][0]["waiting_since"].is_string(),
        "Marcus wrote last"
    );
    let nobody = call(&env.intercom, "intercom_search_conversations", json!({"company": "acme-robotics.example", "contact_email": "yui.nakamura@sakura-telecom.example"}))
        .await
        .unwrap();
    assert_eq!(
        (nobody["total"].clone(), nobody["conversations"].clone()),
        (json!(0), json!([]))
    );
    let err = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"company": "Acme Robotix"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("Acme Robotix"), "{}", err.message);
}

#[tokio::test]
async fn conversations_by_date_and_paged() {
    let env = env_with(IntercomOptions {
        max_page_size: Some(3),
    })
    .await;
    let desk = support_desk();
    let november = desk
        .conversations
        .iter()
        .filter(|c| c.created.date().to_string().as_str() >= "2026-11-01")
        .count();
    let found = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"created_from": "2026-11-01", "created_to": "2026-11-30", "limit": 100}),
    )
    .await
    .unwrap();
    assert_eq!(found["total"], november);
    let created = column(&found, "conversations", "created");
    assert!(
        created.iter().all(|c| c.as_str() >= "2026-11-01"),
        "{created:?}"
    );
    assert!(
        created.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {created:?}"
    );

    env.server.hits.reset();
    let first = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"limit": 5}),
    )
    .await
    .unwrap();
    let ids = column(&first, "conversations", "id");
    assert_eq!(
        (ids.len(), first["total"].as_u64()),
        (5, Some(desk.conversations.len() as u64))
    );
    let cursor = first["next_cursor"]
        .as_str()
        .expect("more remain")
        .to_owned();
    let asked = env.server.hits.path("/conversations/search");
    assert_eq!(asked, 2, "3 + 2 from pages capped at 3");
    let rest = call(
        &env.intercom,
        "intercom_search_conversations",
        json!({"limit": 100, "cursor": cursor}),
    )
    .await
    .unwrap();
    let mut all = ids.clone();
    all.extend(column(&rest, "conversations", "id"));
    let expected: Vec<String> = desk.conversations.iter().map(|c| c.id.clone()).collect();
    assert_eq!(all, expected, "pages join without gaps or repeats");
    assert!(rest["next_cursor"].is_null());
}

#[tokio::test]
async fn a_conversation_reads_as_who_said_what_when() {
    let env = env().await;
    let desk = support_desk();
    let telemetry = desk
        .conversations
        .iter()
        .find(|c| c.title == "Telemetry gaps since agent 4.2")
        .unwrap();
    let got = call(
        &env.intercom,
        "intercom_get_conversation",
        json!({"conversation_id": telemetry.id}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&got["id"], &got["title"], &got["state"]),
        (
            &json!(telemetry.id),
            &json!("Telemetry gaps since agent 4.2"),
            &json!("open")
        )
    );
    assert_eq!(got["customer"]["name"], "Marcus Chen");
    assert_eq!(got["assignee"]["email"], "engineering@northwind.example");
    assert!(got.get("preview").is_none(), "the messages say it");
    let messages = got["messages"].as_array().unwrap();
    let who: Vec<(&str, &str, &str)> = messages
        .iter()
        .map(|m| {
            (
                m["from"].as_str().unwrap(),
                m["role"].as_str().unwrap(),
                m["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            ("Marcus Chen", "customer", "message"),
            ("Erik Lindqvist", "teammate", "message"),
            ("Erik Lindqvist", "teammate", "note"),
            ("Marcus Chen", "customer", "message"),
        ]
    );
    assert_eq!(
        messages[0]["text"],
        "Since we rolled out edge agent 4.2, robot telemetry drops out every few hours."
    );
    let times = column(&got, "messages", "at");
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");

    let closed = desk
        .conversations
        .iter()
        .find(|c| c.title == "CSV export encoding")
        .unwrap();
    let got = call(
        &env.intercom,
        "intercom_get_conversation",
        json!({"conversation_id": closed.id}),
    )
    .await
    .unwrap();
    let last = got["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["kind"].as_str(),
            last["from"].as_str(),
            last.get("text")
        ),
        (Some("closed"), Some("Erik Lindqvist"), None)
    );

    let err = call(
        &env.intercom,
        "intercom_get_conversation",
        json!({"conversation_id": "12345"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "Intercom has no conversation with id 12345"
        )
    );
}
