//! Matching one customer across systems.

use std::sync::Arc;

use serde_json::json;
use switchboard_composite::{CompositeConfig, CustomerIds};
use switchboard_core::ErrorKind;

use super::dispatcher::{composite, demo_config, run, Reply, Script};

fn acme() -> serde_json::Value {
    json!({"id": "101", "name": "Acme Robotics", "domain": "acme-robotics.example"})
}

fn crm() -> Script {
    Script::default()
        .on("hubspot_search_companies", |args| {
            let all = vec![
                acme(),
                json!({"id": "102", "name": "Acme Foods", "domain": "acme-foods.example"}),
            ];
            let found: Vec<_> = match (args["domain"].as_str(), args["query"].as_str()) {
                (Some(d), _) => all.into_iter().filter(|c| c["domain"] == d).collect(),
                (_, Some(q)) => all
                    .into_iter()
                    .filter(|c| {
                        c["name"]
                            .as_str()
                            .unwrap()
                            .to_lowercase()
                            .contains(&q.to_lowercase())
                    })
                    .collect(),
                _ => vec![],
            };
            Reply::Ok(json!({"companies": found, "total": 0}))
        })
        .on("hubspot_get_company", |args| {
            match args["company_id"].as_str() {
                Some("101") => Reply::Ok(acme()),
                _ => Reply::Fails("HubSpot found nothing (HTTP 404)"),
            }
        })
}

async fn profile_customer(
    script: Script,
    customer: &str,
) -> Result<serde_json::Value, switchboard_core::ConnectorError> {
    let c = composite(demo_config());
    run(
        &c,
        Arc::new(script),
        "customer_get_profile",
        json!({"customer": customer}),
    )
    .await
    .map(|v| v["customer"].clone())
}

#[tokio::test]
async fn a_domain_an_email_or_a_unique_name_finds_the_customer() {
    for given in [
        "acme-robotics.example",
        "jane@acme-robotics.example",
        "https://www.acme-robotics.example/",
        "Acme Robotics",
        "101",
    ] {
        let customer = profile_customer(crm(), given).await.unwrap();
        assert_eq!(customer["crm_id"], "101", "{given}");
        assert_eq!(customer["domain"], "acme-robotics.example", "{given}");
    }
}

#[tokio::test]
async fn an_ambiguous_name_lists_the_candidates_instead_of_guessing() {
    let err = profile_customer(crm(), "Acme").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidArgs);
    assert!(
        err.message.contains("Acme Robotics")
            && err.message.contains("Acme Foods")
            && err.message.contains("domain"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn a_missing_customer_is_not_found() {
    let err = profile_customer(crm(), "Initech").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = profile_customer(crm(), "nobody.example").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn the_explicit_map_overrides_per_system_keys() {
    let mut config: CompositeConfig = demo_config();
    config.customers.insert(
        "acme-robotics.example".into(),
        CustomerIds {
            hubspot_company_id: Some("101".into()),
            quickbooks_customer: Some("61".into()),
            ..CustomerIds::default()
        },
    );
    let script = Arc::new(crm().on("quickbooks_get_customer", |_| {
        Reply::Ok(json!({"status": "overdue"}))
    }));
    let c = composite(config);
    run(
        &c,
        script.clone(),
        "customer_get_profile",
        json!({"customer": "acme-robotics.example"}),
    )
    .await
    .unwrap();
    assert_eq!(
        script.called("hubspot_get_company")[0]["company_id"],
        "101",
        "the mapped CRM id is used, not a search"
    );
    assert!(script.called("hubspot_search_companies").is_empty());
    assert_eq!(
        script.called("quickbooks_get_customer")[0]["customer"],
        "61"
    );
}

#[tokio::test]
async fn without_the_crm_a_domain_still_works_and_a_name_is_refused_clearly() {
    let script = Script::default().on("hubspot_search_companies", |_| Reply::Denied);
    let customer = profile_customer(script, "acme-robotics.example")
        .await
        .unwrap();
    assert_eq!(customer["domain"], "acme-robotics.example");
    let script = Script::default().on("hubspot_search_companies", |_| Reply::Denied);
    let err = profile_customer(script, "Acme Robotics").await.unwrap_err();
    assert!(err.message.contains("domain"), "{}", err.message);
}
