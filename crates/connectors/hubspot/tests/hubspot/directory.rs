//! Companies, contacts, owners and pipelines against the fake HubSpot
//! serving the demo company, and the tools' declared cache policies.

use serde_json::{json, Value};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::hubspot;

use crate::common::{call, column, env};

#[tokio::test]
async fn companies_and_contacts() {
    let env = env().await;
    let demo = northwind();
    let id = hubspot::company_id(demo, "globex-logistics.example").unwrap();
    let globex = call(
        &env.hubspot,
        "hubspot_get_company",
        json!({"company_id": id}),
    )
    .await
    .unwrap();
    assert_eq!(
        globex,
        json!({"id": id, "name": "Globex Logistics", "domain": "globex-logistics.example",
               "industry": "Logistics And Supply Chain", "city": "Rotterdam", "country": "Netherlands"})
    );
    let by_domain = call(
        &env.hubspot,
        "hubspot_search_companies",
        json!({"domain": "Initech.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&by_domain, "companies", "name"),
        ["Initech Software"]
    );
    let by_text = call(
        &env.hubspot,
        "hubspot_search_companies",
        json!({"query": "hooli"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&by_text, "companies", "domain"),
        ["hooli-cloud.example"]
    );
    let page = call(
        &env.hubspot,
        "hubspot_search_companies",
        json!({"limit": 5}),
    )
    .await
    .unwrap();
    assert_eq!(
        (&page["total"], &page["next_cursor"]),
        (&json!(20), &json!("5"))
    );
    assert_eq!(page["companies"][0]["name"], "Acme Robotics");

    let dana = hubspot::contact_id(demo, "dana.whitfield@acme-robotics.example").unwrap();
    let contact = call(
        &env.hubspot,
        "hubspot_get_contact",
        json!({"contact_id": dana}),
    )
    .await
    .unwrap();
    assert_eq!(
        contact,
        json!({"id": dana, "name": "Dana Whitfield", "email": "dana.whitfield@acme-robotics.example",
               "job_title": "VP Operations", "company": "Acme Robotics"})
    );
    let bank = call(
        &env.hubspot,
        "hubspot_search_contacts",
        json!({"company_domain": "lioncity-bank.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&bank, "contacts", "name"),
        ["Arjun Menon", "Siti Rahman", "Wei Ling Tan"]
    );
    let one = call(
        &env.hubspot,
        "hubspot_search_contacts",
        json!({"email": "Yui.Nakamura@sakura-telecom.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&one, "contacts", "job_title"),
        ["Procurement Director"]
    );
    let text = call(
        &env.hubspot,
        "hubspot_search_contacts",
        json!({"query": "whitfield"}),
    )
    .await
    .unwrap();
    assert_eq!(text["total"], 1);
}

#[tokio::test]
async fn owners_and_pipelines() {
    let env = env().await;
    let owners = call(&env.hubspot, "hubspot_list_owners", json!({}))
        .await
        .unwrap();
    assert_eq!(
        column(&owners, "owners", "name"),
        [
            "Sam Carter",
            "Maria Lopez",
            "Kenji Watanabe",
            "Priya Nair",
            "Tom Becker"
        ]
    );
    let first = call(&env.hubspot, "hubspot_list_owners", json!({"limit": 2}))
        .await
        .unwrap();
    assert_eq!(first["next_cursor"], "2");
    let next = call(
        &env.hubspot,
        "hubspot_list_owners",
        json!({"limit": 2, "cursor": "2"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&next, "owners", "email"),
        [
            "kenji.watanabe@northwind.example",
            "priya.nair@northwind.example"
        ]
    );

    let pipelines = call(&env.hubspot, "hubspot_list_pipelines", json!({}))
        .await
        .unwrap();
    let stages = &pipelines["pipelines"][0]["stages"];
    assert_eq!(pipelines["pipelines"][0]["label"], "Sales Pipeline");
    assert_eq!(stages.as_array().unwrap().len(), 7);
    assert_eq!(
        stages[5],
        json!({"label": "Closed Won", "probability": 1.0, "closed": true})
    );
    assert_eq!(
        stages[0],
        json!({"label": "Appointment Scheduled", "probability": 0.2, "closed": false})
    );
}

#[tokio::test]
async fn cache_policies_follow_caller_dependence() {
    use switchboard_core::CachePolicy;
    let env = env().await;
    let tools = env.hubspot.tools();
    let policy = |name: &str| tools.iter().find(|t| t.name == name).unwrap().cache;
    assert!(matches!(
        policy("hubspot_list_owners"),
        CachePolicy::SharedByPermission { .. }
    ));
    assert!(matches!(
        policy("hubspot_list_pipelines"),
        CachePolicy::SharedByPermission { .. }
    ));
    assert!(
        matches!(
            policy("hubspot_search_deals"),
            CachePolicy::PerCaller { .. }
        ),
        "\"me\" depends on the caller"
    );
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), 8, "{names:?}");
    let description = |name: &str| -> Value {
        Value::Object((*tools.iter().find(|t| t.name == name).unwrap().input_schema).clone())
    };
    assert_eq!(
        description("hubspot_search_deals")["properties"]["owner"]["description"],
        "Email, or \"me\"."
    );
}
