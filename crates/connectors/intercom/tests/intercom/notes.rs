//! The one write: a note authored by the caller's own teammate account,
//! which a later read shows; callers who are not teammates are refused
//! before anything is posted.

use std::time::Duration;

use serde_json::json;
use switchboard_core::{CachePolicy, Effect, ErrorKind};
use switchboard_testkit::demo::support::support_desk;

use crate::common::{call, call_as, env};

#[tokio::test]
async fn a_note_is_posted_as_the_caller_and_reads_back() {
    let env = env().await;
    let spec = env
        .intercom
        .tools()
        .iter()
        .find(|t| t.name == "intercom_add_note")
        .cloned()
        .unwrap();
    assert_eq!(
        (
            spec.permission.as_str(),
            spec.effect,
            spec.cache,
            spec.idempotent
        ),
        (
            "intercom:conversations:write",
            Effect::Write,
            CachePolicy::Never,
            false
        )
    );

    let oceanic = support_desk()
        .conversations
        .iter()
        .find(|c| c.title == "Month-end dashboard timeouts")
        .unwrap();
    let body = "Renewal risk: <3 weeks> to fix month-end & keep them.\n\nSee ticket #138.";
    let posted = call(
        &env.intercom,
        "intercom_add_note",
        json!({"conversation_id": oceanic.id, "body": body}),
    )
    .await
    .unwrap();
    assert_eq!(
        posted["author"],
        json!({"name": "Sofia Reyes", "email": "support@northwind.example"})
    );
    assert_eq!(
        (&posted["conversation_id"], &posted["text"]),
        (&json!(oceanic.id), &json!(body))
    );
    assert_eq!(posted["posted_at"], "2026-11-25T17:00:00Z");
    assert!(posted["note_id"].is_string());

    let read = call(
        &env.intercom,
        "intercom_get_conversation",
        json!({"conversation_id": oceanic.id}),
    )
    .await
    .unwrap();
    let last = read["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["kind"].as_str(),
            last["from"].as_str(),
            last["role"].as_str()
        ),
        (Some("note"), Some("Sofia Reyes"), Some("teammate"))
    );
    assert_eq!(
        last["text"],
        "Renewal risk: <3 weeks> to fix month-end & keep them.\nSee ticket #138."
    );
    assert_eq!(read["updated"], "2026-11-25T17:00:00Z");

    let by_sam = call_as(
        &env.intercom,
        "sales@demo",
        Duration::from_secs(10),
        "intercom_add_note",
        json!({"conversation_id": oceanic.id, "body": "Looping in Maria."}),
    )
    .await
    .unwrap();
    assert_eq!(
        by_sam["author"]["name"], "Sam Carter",
        "the caller, whoever it is"
    );
    assert_eq!(
        env.server
            .hits
            .path(&format!("/conversations/{}/reply", oceanic.id)),
        2
    );
}

#[tokio::test]
async fn callers_who_are_not_teammates_cannot_post() {
    let env = env().await;
    let c = &support_desk().conversations[0];
    let err = call_as(
        &env.intercom,
        "finance@demo",
        Duration::from_secs(10),
        "intercom_add_note",
        json!({"conversation_id": c.id, "body": "Invoice is overdue."}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::UpstreamDenied);
    assert!(
        err.message.contains("finance@northwind.example")
            && err.message.contains("not an Intercom teammate"),
        "{}",
        err.message
    );
    assert_eq!(
        env.server
            .hits
            .path(&format!("/conversations/{}/reply", c.id)),
        0,
        "nothing posted"
    );

    let err = call(
        &env.intercom,
        "intercom_add_note",
        json!({"conversation_id": "99", "body": "x"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "Intercom has no conversation with id 99"
        )
    );
}
