//! Bad arguments are refused, naming the field, before any upstream call.

use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, env};

#[tokio::test]
async fn invalid_arguments_never_reach_intercom() {
    let env = env().await;
    let cases = [
        (
            "intercom_search_conversations",
            json!({"state": "pending"}),
            "state",
        ),
        (
            "intercom_search_conversations",
            json!({"created_from": "2026-02-30"}),
            "created_from",
        ),
        (
            "intercom_search_conversations",
            json!({"created_to": "last week"}),
            "created_to",
        ),
        (
            "intercom_search_conversations",
            json!({"created_from": "2026-12-31", "created_to": "2026-10-01"}),
            "created_from",
        ),
        (
            "intercom_search_conversations",
            json!({"limit": 0}),
            "limit",
        ),
        (
            "intercom_search_conversations",
            json!({"limit": 101}),
            "limit",
        ),
        (
            "intercom_search_conversations",
            json!({"contact_email": "dana"}),
            "contact_email",
        ),
        (
            "intercom_search_conversations",
            json!({"company": "https://acme.example/"}),
            "company",
        ),
        (
            "intercom_search_conversations",
            json!({"cursor": "a b"}),
            "cursor",
        ),
        (
            "intercom_search_conversations",
            json!({"assignee": "me"}),
            "assignee",
        ),
        (
            "intercom_get_conversation",
            json!({"conversation_id": "../admins"}),
            "conversation_id",
        ),
        ("intercom_get_conversation", json!({}), "conversation_id"),
        (
            "intercom_search_contacts",
            json!({"email": "not-an-email"}),
            "email",
        ),
        (
            "intercom_search_contacts",
            json!({"query": "x".repeat(201)}),
            "query",
        ),
        (
            "intercom_get_contact",
            json!({"contact_id": "abc/def"}),
            "contact_id",
        ),
        ("intercom_get_company", json!({}), "company_id"),
        (
            "intercom_get_company",
            json!({"company_id": "a1", "name": "Acme"}),
            "company_id",
        ),
        (
            "intercom_search_tickets",
            json!({"state": "closed"}),
            "state",
        ),
        ("intercom_search_tickets", json!({"limit": "ten"}), "limit"),
        (
            "intercom_get_ticket",
            json!({"ticket_id": "T-1"}),
            "ticket_id",
        ),
        (
            "intercom_add_note",
            json!({"conversation_id": "1", "body": "  "}),
            "body",
        ),
        (
            "intercom_add_note",
            json!({"conversation_id": "1", "body": "x".repeat(5_001)}),
            "body",
        ),
        (
            "intercom_add_note",
            json!({"conversation_id": "1", "body": "hi", "admin_id": "7310401"}),
            "admin_id",
        ),
        (
            "intercom_add_note",
            json!({"conversation_id": "x1", "body": "hi"}),
            "conversation_id",
        ),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.intercom, tool, args.clone()).await.unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        assert!(
            err.message.contains(field),
            "{tool} {args}: `{}` should name `{field}`",
            err.message
        );
    }
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
