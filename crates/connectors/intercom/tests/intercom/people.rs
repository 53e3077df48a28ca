//! The contact and company tools against the fake Intercom.

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::support::support_desk;

use crate::common::{call, column, env};

#[tokio::test]
async fn contacts_by_company_text_and_email() {
    let env = env().await;
    let acme = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"company": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(acme["company"], "Acme Robotics");
    assert_eq!(
        column(&acme, "contacts", "name"),
        ["Dana Whitfield", "Marcus Chen", "Lena Okafor"]
    );
    assert_eq!(
        column(&acme, "contacts", "title"),
        ["VP Operations", "Director of IT", "Procurement Manager"]
    );
    assert_eq!(column(&acme, "contacts", "company"), ["Acme Robotics"; 3]);
    assert_eq!(acme["contacts"][0]["role"], "user");

    let globex = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"company": "Globex Logistics"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (globex["company"].as_str(), globex["total"].as_u64()),
        (Some("Globex Logistics"), Some(2))
    );
    let text = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"query": "WHITFIELD"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&text, "contacts", "email"),
        ["dana.whitfield@acme-robotics.example"]
    );
    let exact = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"email": "yui.nakamura@sakura-telecom.example"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&exact, "contacts", "name"), ["Yui Nakamura"]);
    let none = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"company": "nobody.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (none["total"].as_u64(), none["company"].as_str()),
        (Some(0), None)
    );

    let paged = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"limit": 7}),
    )
    .await
    .unwrap();
    assert_eq!(
        paged["total"].as_u64(),
        Some(support_desk().contacts.len() as u64)
    );
    let next = paged["next_cursor"].as_str().unwrap();
    let more = call(
        &env.intercom,
        "intercom_search_contacts",
        json!({"limit": 7, "cursor": next}),
    )
    .await
    .unwrap();
    assert_eq!(more["contacts"][0]["name"], support_desk().contacts[7].name);
}

#[tokio::test]
async fn one_contact_with_companies_owner_and_activity() {
    let env = env().await;
    let dana = support_desk()
        .contact("dana.whitfield@acme-robotics.example")
        .unwrap();
    let got = call(
        &env.intercom,
        "intercom_get_contact",
        json!({"contact_id": dana.id}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&got["name"], &got["title"], &got["phone"]),
        (
            &json!("Dana Whitfield"),
            &json!("VP Operations"),
            &json!("+1 555 0101")
        )
    );
    assert_eq!(got["companies"], json!(["Acme Robotics"]));
    assert_eq!(got["location"], "Pittsburgh, United States");
    assert_eq!(
        got["owner"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert_eq!(
        got["last_replied"], "2026-11-23",
        "opened the renewal conversation"
    );
    assert_eq!(got["last_contacted"], "2026-11-23");
    let tom = support_desk()
        .contact("pieter.devries@globex-logistics.example")
        .unwrap();
    let got = call(
        &env.intercom,
        "intercom_get_contact",
        json!({"contact_id": tom.id}),
    )
    .await
    .unwrap();
    assert!(
        got.get("owner").is_none(),
        "Tom Becker owns Globex but is no Intercom teammate"
    );
    let err = call(
        &env.intercom,
        "intercom_get_contact",
        json!({"contact_id": "6a2200000000000000000000"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "Intercom has no contact with id 6a2200000000000000000000"
        )
    );
}

#[tokio::test]
async fn one_company_by_name_or_id() {
    let env = env().await;
    let bank = call(
        &env.intercom,
        "intercom_get_company",
        json!({"name": "Lion City Bank"}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&bank["plan"], &bank["monthly_spend"], &bank["users"]),
        (&json!("Enterprise"), &json!(38_333), &json!(3))
    );
    assert_eq!(bank["external_id"], "lioncity-bank.example");
    assert_eq!(bank["attributes"]["domain"], "lioncity-bank.example");
    assert_eq!(
        column(&bank, "people", "name"),
        ["Wei Ling Tan", "Arjun Menon", "Siti Rahman"]
    );
    let id = bank["id"].as_str().unwrap();
    let again = call(
        &env.intercom,
        "intercom_get_company",
        json!({"company_id": id}),
    )
    .await
    .unwrap();
    assert_eq!(again, bank);
    let err = call(
        &env.intercom,
        "intercom_get_company",
        json!({"name": "Lion City Bnak"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = call(
        &env.intercom,
        "intercom_get_company",
        json!({"company_id": "6a1100000000000000000000"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );
}
