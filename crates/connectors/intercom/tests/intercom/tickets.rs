//! The ticket tools against the fake Intercom, including the facts the
//! "renewals at risk" question needs.

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::support::support_desk;
use switchboard_testkit::fake::intercom::IntercomOptions;

use crate::common::{call, column, env, env_with};

#[tokio::test]
async fn open_tickets_by_company() {
    let env = env().await;
    let acme = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"company": "acme-robotics.example", "state": "open"}),
    )
    .await
    .unwrap();
    assert_eq!(acme["company"], "Acme Robotics");
    assert_eq!(
        column(&acme, "tickets", "title"),
        [
            "Monthly SAP export times out",
            "SSO login loop for plant supervisors",
            "Fleet sync fails after agent 4.2 upgrade",
        ]
    );
    assert_eq!(
        column(&acme, "tickets", "state"),
        ["Submitted", "Waiting on customer", "In progress"]
    );
    let sync = &acme["tickets"][2];
    assert_eq!(
        (&sync["type"], &sync["open"]),
        (&json!("Bug report"), &json!(true))
    );
    assert_eq!(
        sync["requester"],
        json!({"name": "Marcus Chen", "email": "marcus.chen@acme-robotics.example"})
    );
    assert_eq!(
        sync["assignee"],
        json!({"name": "Erik Lindqvist", "email": "engineering@northwind.example"})
    );
    assert!(
        acme["tickets"][0].get("assignee").is_none(),
        "nobody picked it up yet"
    );

    // Q4 enterprise renewals still open, and how many tickets each has open.
    let mut counts = Vec::new();
    for company in [
        "Acme Robotics",
        "globex-logistics.example",
        "Lion City Bank",
        "stark-aerospace.example",
        "Sakura Telecom",
        "helios-pharma.example",
    ] {
        let open = call(
            &env.intercom,
            "intercom_search_tickets",
            json!({"company": company, "state": "open"}),
        )
        .await
        .unwrap();
        counts.push((
            open["company"].as_str().unwrap().to_owned(),
            open["total"].as_u64().unwrap(),
        ));
    }
    let at_risk: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(c, _)| c.as_str())
        .collect();
    assert_eq!(
        at_risk,
        ["Acme Robotics", "Globex Logistics", "Lion City Bank"],
        "{counts:?}"
    );

    let resolved = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"state": "resolved", "company": "Sakura Telecom"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            resolved["total"].as_u64(),
            column(&resolved, "tickets", "state")
        ),
        (Some(2), vec!["Resolved".to_owned(); 2])
    );
    let waiting = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"state": "waiting_on_customer"}),
    )
    .await
    .unwrap();
    let expected = support_desk()
        .tickets
        .iter()
        .filter(|t| t.state.category() == "waiting_on_customer")
        .count();
    assert_eq!(waiting["total"], expected);
}

#[tokio::test]
async fn tickets_page_up_to_the_limit() {
    let env = env_with(IntercomOptions {
        max_page_size: Some(4),
    })
    .await;
    let open = support_desk()
        .tickets
        .iter()
        .filter(|t| t.state.is_open())
        .count();
    let first = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"state": "open", "limit": 10}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            first["tickets"].as_array().unwrap().len(),
            first["total"].as_u64()
        ),
        (10, Some(open as u64))
    );
    assert_eq!(env.server.hits.path("/tickets/search"), 3, "4 + 4 + 2");
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = call(
        &env.intercom,
        "intercom_search_tickets",
        json!({"state": "open", "limit": 100, "cursor": cursor}),
    )
    .await
    .unwrap();
    assert_eq!(rest["tickets"].as_array().unwrap().len(), open - 10);
    assert!(rest.get("next_cursor").is_none());
}

#[tokio::test]
async fn a_ticket_with_its_history() {
    let env = env().await;
    let desk = support_desk();
    let sso = desk
        .tickets
        .iter()
        .find(|t| t.title == "SSO login loop for plant supervisors")
        .unwrap();
    let got = call(
        &env.intercom,
        "intercom_get_ticket",
        json!({"ticket_id": sso.id}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&got["number"], &got["state"], &got["category"]),
        (
            &json!(sso.number),
            &json!("Waiting on customer"),
            &json!("Customer")
        )
    );
    assert_eq!(got["description"], "Supervisors at the Pittsburgh plant are sent back to the Okta sign-in page after logging in.");
    let changes = column(&got, "history", "change");
    assert_eq!(
        changes,
        [
            "Submitted → In progress",
            "In progress → Waiting on customer"
        ]
    );
    assert_eq!(column(&got, "history", "by"), ["Sofia Reyes"; 2]);
    let err = call(
        &env.intercom,
        "intercom_get_ticket",
        json!({"ticket_id": "1"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (ErrorKind::NotFound, "Intercom has no ticket with id 1")
    );
}
