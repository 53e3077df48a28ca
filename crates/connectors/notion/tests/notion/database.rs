//! `notion_query_database` against the fake Notion serving the demo
//! renewal tracker. No public recording of a non-empty data-source query
//! exists (SOURCES.md says so): the fake's rows and the filter JSON the
//! connector sends follow Notion's published schema.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::docs::workspace;
use switchboard_testkit::fake::notion::NotionOptions;

use crate::common::{call, call_as, column, env, env_with};

fn titles(v: &Value) -> Vec<String> {
    column(v, "rows", "title")
}

#[tokio::test]
async fn renewals_this_quarter_come_from_the_tracker() {
    let env = env().await;
    let tracker = workspace().tracker();
    let q4 = json!({
        "database_id": tracker.database_id,
        "where": [
            {"property": "tier", "equals": "enterprise"},
            {"property": "Renewal date", "after": "2026-09-30", "before": "2027-01-01"}
        ],
        "sort": [{"property": "Renewal date"}]
    });
    let out = call(&env.notion, "notion_query_database", q4.clone())
        .await
        .unwrap();
    assert_eq!(out["database"], "Renewal tracker");
    assert_eq!(
        titles(&out),
        [
            "Oceanic Insurance",
            "Sakura Telecom",
            "Acme Robotics",
            "Globex Logistics",
            "Lion City Bank",
            "Helios Pharma",
            "Stark Aerospace"
        ]
    );
    let acme = &out["rows"][2];
    assert_eq!(acme["properties"]["Status"], "At risk");
    assert_eq!(
        acme["properties"]["Owner"],
        json!([{"name": "Sam Carter", "email": "sales@northwind.example"}])
    );
    assert!(acme.get("url").is_none() && acme["properties"].get("Customer").is_none());

    let mut at_risk = q4.clone();
    at_risk["where"]
        .as_array_mut()
        .unwrap()
        .push(json!({"property": "Status", "equals": "At risk"}));
    at_risk["sort"] = json!([{"property": "ARR", "descending": true}]);
    let out = call(&env.notion, "notion_query_database", at_risk)
        .await
        .unwrap();
    assert_eq!(
        titles(&out),
        [
            "Lion City Bank",
            "Helios Pharma",
            "Globex Logistics",
            "Acme Robotics"
        ]
    );

    // The data source id works as well as the database id.
    let by_source = json!({"database_id": tracker.data_source_id, "where": [{"property": "Exec sponsor", "checkbox": true}]});
    let out = call(&env.notion, "notion_query_database", by_source)
        .await
        .unwrap();
    assert_eq!(out["rows"].as_array().unwrap().len(), 6);
    let bank = json!({"database_id": tracker.database_id, "where": [{"property": "Customer", "contains": "bank"}]});
    let out = call(&env.notion, "notion_query_database", bank)
        .await
        .unwrap();
    assert_eq!(titles(&out), ["Lion City Bank"]);
}

#[tokio::test]
async fn owner_me_is_the_caller_never_an_argument() {
    let env = env().await;
    let args = json!({"database_id": workspace().tracker().database_id,
        "where": [{"property": "Owner", "equals": "me"}], "sort": [{"property": "Customer"}]});
    let deadline = Duration::from_secs(20);
    let mine = call(&env.notion, "notion_query_database", args.clone())
        .await
        .unwrap();
    assert_eq!(
        titles(&mine),
        [
            "Acme Robotics",
            "Hooli Cloud",
            "Initech Software",
            "Pied Piper",
            "Vandelay Industries"
        ]
    );
    let tom = call_as(
        &env.notion,
        "tom.becker@demo",
        deadline,
        "notion_query_database",
        args.clone(),
    )
    .await
    .unwrap();
    assert_eq!(
        titles(&tom),
        [
            "Globex Logistics",
            "Lumière Hotels",
            "Nordlicht Energie",
            "Tyrell Biotech"
        ]
    );
    let finance = call_as(
        &env.notion,
        "finance@demo",
        deadline,
        "notion_query_database",
        args.clone(),
    )
    .await
    .unwrap();
    assert_eq!(
        titles(&finance),
        Vec::<String>::new(),
        "a member who owns nothing"
    );
    let err = call_as(
        &env.notion,
        "stranger@demo",
        deadline,
        "notion_query_database",
        args,
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("stranger@northwind.example"),
        "{}",
        err.message
    );

    let by_email = json!({"database_id": workspace().tracker().database_id,
        "where": [{"property": "Owner", "contains": "priya.nair@northwind.example"}]});
    let priya = call(&env.notion, "notion_query_database", by_email)
        .await
        .unwrap();
    assert_eq!(priya["rows"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn queries_page_and_explain_schema_mistakes() {
    let env = env_with(NotionOptions {
        max_page_size: Some(3),
    })
    .await;
    let db = workspace().tracker().database_id.clone();
    let first = call(
        &env.notion,
        "notion_query_database",
        json!({"database_id": db, "limit": 4}),
    )
    .await
    .unwrap();
    assert_eq!(first["rows"].as_array().unwrap().len(), 4);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = call(
        &env.notion,
        "notion_query_database",
        json!({"database_id": db, "cursor": cursor, "limit": 100}),
    )
    .await
    .unwrap();
    assert_eq!(rest["rows"].as_array().unwrap().len(), 16);
    assert!(rest.get("next_cursor").is_none());
    assert!(titles(&rest).iter().all(|t| !titles(&first).contains(t)));

    for (condition, expected) in [
        (
            json!({"property": "Renewal", "after": "2026-10-01"}),
            "properties are: ARR, Customer, Domain",
        ),
        (
            json!({"property": "Tier", "equals": "Platinum"}),
            "options are: Enterprise, Mid-Market, SMB",
        ),
        (
            json!({"property": "Tier", "contains": "Ent"}),
            "`Tier` is a select property; use `equals`",
        ),
        (
            json!({"property": "Owner", "equals": "nobody@northwind.example"}),
            "no Notion user has the email",
        ),
    ] {
        let err = call(
            &env.notion,
            "notion_query_database",
            json!({"database_id": db, "where": [condition]}),
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidArgs, "{}", err.message);
        assert!(
            err.message.contains(expected) && err.message.contains("where[0]"),
            "{}",
            err.message
        );
    }
}
