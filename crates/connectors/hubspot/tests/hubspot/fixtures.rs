//! Every recorded HubSpot payload parses into the model verbatim, and the
//! shaping functions turn the recordings into the expected values.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_hubspot::client::vendor_message;
use switchboard_hubspot::model::*;
use switchboard_hubspot::resolve::{owner_ref, Directory};
use switchboard_hubspot::shape;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below.
fn parse(name: &str, text: &str) -> Result<(), serde_json::Error> {
    use serde_json::from_str;
    match name {
        "crm_v3_associations_batch_create.json" => {
            from_str::<BatchResponse<AssociationLink>>(text).map(drop)
        }
        "crm_v3_objects_companies_get.json"
        | "crm_v3_objects_contacts_get.json"
        | "crm_v3_objects_deals_create.json"
        | "crm_v3_objects_deals_get.json"
        | "crm_v3_objects_deals_update.json"
        | "crm_v3_objects_tickets_get.json"
        | "simple_public_object_spec.json" => from_str::<SimplePublicObject>(text).map(drop),
        "crm_v3_objects_companies_search.json"
        | "crm_v3_objects_deals_search.json"
        | "crm_v3_objects_tickets_search.json" => from_str::<SearchResponse>(text).map(drop),
        "crm_v3_objects_contacts_list.json" | "crm_v3_objects_deals_list.json" => {
            from_str::<ListResponse<SimplePublicObject>>(text).map(drop)
        }
        "crm_v3_owners_get.json" => from_str::<Owner>(text).map(drop),
        "crm_v3_owners_list.json" => from_str::<ListResponse<Owner>>(text).map(drop),
        "crm_v3_pipelines_deals.json" => from_str::<ListResponse<Pipeline>>(text).map(drop),
        "error_400_validation_spec.json" | "error_429_docs.json" => {
            from_str::<ErrorBody>(text).map(drop)
        }
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 18, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "hubspot",
        &dir(),
    );
}

fn directory() -> Directory {
    let owners: ListResponse<Owner> = load("crm_v3_owners_list.json");
    let pipelines: ListResponse<Pipeline> = load("crm_v3_pipelines_deals.json");
    Directory::new(&owners.results, &pipelines.results)
}

#[test]
fn deals_shape_from_recordings() {
    let directory = directory();
    let raw: SimplePublicObject = load("crm_v3_objects_deals_get.json");
    let deal = shape::deal(&raw, &directory);
    assert_eq!(deal.id, "479475667160");
    assert_eq!(deal.name.as_deref(), Some("Test Deal Updated via Action"));
    assert_eq!(deal.stage.as_deref(), Some("Appointment Scheduled"));
    assert_eq!(deal.pipeline.as_deref(), Some("Sales Pipeline"));
    assert_eq!(deal.amount, Some(3000.0));
    assert_eq!(
        (deal.close_date, deal.owner, deal.deal_type),
        (None, None, None)
    );
    let shaped = serde_json::to_string(&shape::deal(&raw, &directory)).unwrap();
    let raw_size = serde_json::to_string(
        &serde_json::from_str::<Value>(&text("crm_v3_objects_deals_get.json")).unwrap(),
    )
    .unwrap()
    .len();
    assert!(
        shaped.len() * 3 < raw_size,
        "shaped {} B vs raw {raw_size} B",
        shaped.len()
    );

    let updated = shape::deal(&load("crm_v3_objects_deals_update.json"), &directory);
    assert_eq!(updated.close_date.as_deref(), Some("2026-12-31"));
    assert_eq!(updated.stage.as_deref(), Some("Qualified To Buy"));
    assert_eq!(updated.amount, Some(15000.0));

    let search: SearchResponse = load("crm_v3_objects_deals_search.json");
    assert_eq!((search.total, search.results.len()), (21, 5));
    assert_eq!(search.next_after().as_deref(), Some("5"));
    assert_eq!(
        shape::deal(&search.results[1], &directory).amount,
        Some(5000.0),
        "\"5000.00\""
    );

    // The recorded owners resolve an owner id to a name and email.
    let mut owned: Value = serde_json::from_str(&text("crm_v3_objects_deals_get.json")).unwrap();
    owned["properties"]["hubspot_owner_id"] = "88842095".into();
    let owned: SimplePublicObject = serde_json::from_value(owned).unwrap();
    let owner = shape::deal(&owned, &directory).owner.unwrap();
    assert_eq!(
        (owner.name.as_str(), owner.email.as_deref()),
        ("Marcin Nango", Some("marcinnango@gmail.com"))
    );
}

#[test]
fn companies_contacts_owners_pipelines_shape_from_recordings() {
    let company = shape::company(&load("crm_v3_objects_companies_get.json"));
    assert_eq!(company.name.as_deref(), Some("Test Company for Get Action"));
    assert_eq!(company.domain.as_deref(), Some("test-get-action.com"));
    assert_eq!(company.industry.as_deref(), Some("Computer Software"));
    assert_eq!(
        (company.city.as_deref(), company.country.as_deref()),
        (Some("San Francisco"), Some("USA"))
    );
    let search: SearchResponse = load("crm_v3_objects_companies_search.json");
    assert_eq!((search.total, search.paging.is_none()), (55, true));
    let nulls = shape::company(&search.results[1]);
    assert_eq!((nulls.city, nulls.industry), (None, None));

    let contact = shape::contact(&load("crm_v3_objects_contacts_get.json"));
    assert_eq!(contact.name.as_deref(), Some("Updated TestUser"));
    assert_eq!(
        contact.email.as_deref(),
        Some("test-contact-2026@example.com")
    );
    assert_eq!(contact.job_title, None);
    let list: ListResponse<SimplePublicObject> = load("crm_v3_objects_contacts_list.json");
    assert_eq!(list.results.len(), 26);
    assert_eq!(
        shape::contact(&list.results[2]).name.as_deref(),
        Some("Brian Halligan (Sample Contact)")
    );

    let owner: Owner = load("crm_v3_owners_get.json");
    assert_eq!(owner_ref(&owner).name, "Group Grader");
    let pipelines: ListResponse<Pipeline> = load("crm_v3_pipelines_deals.json");
    let shaped = shape::pipeline(&pipelines.results[0]);
    assert_eq!(shaped.label, "Sales Pipeline");
    assert_eq!(shaped.stages.len(), 7);
    assert_eq!(
        (
            shaped.stages[0].label.as_str(),
            shaped.stages[0].probability,
            shaped.stages[0].closed
        ),
        ("Appointment Scheduled", Some(0.2), false)
    );
    assert_eq!(
        (shaped.stages[6].label.as_str(), shaped.stages[6].closed),
        ("Closed Lost", true)
    );
    assert_eq!(
        directory().stage_ids("decision maker bought-in"),
        ["decisionmakerboughtin"]
    );
}

#[test]
fn vendor_messages_from_error_bodies() {
    let body = |name: &str| serde_json::from_str::<Value>(&text(name)).unwrap();
    assert_eq!(
        vendor_message(&body("error_400_validation_spec.json")).as_deref(),
        Some("Invalid input (details will vary based on the error) [VALIDATION_ERROR]")
    );
    assert_eq!(
        vendor_message(&body("error_429_docs.json")).as_deref(),
        Some("You have reached your daily limit. [RATE_LIMIT, DAILY]")
    );
    let detailed = serde_json::json!({"message": "Invalid input", "category": "VALIDATION_ERROR", "errors": [{"message": "limit too large"}]});
    assert_eq!(
        vendor_message(&detailed).as_deref(),
        Some("Invalid input: limit too large [VALIDATION_ERROR]")
    );
    let parsed: ErrorBody = serde_json::from_value(body("error_429_docs.json")).unwrap();
    assert_eq!(parsed.policy_name.as_deref(), Some("DAILY"));
}
