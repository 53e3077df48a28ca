//! Every recorded Intercom payload parses into the model verbatim, and the
//! recorded error bodies give the vendor messages the errors carry.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_intercom::client::vendor_message;
use switchboard_intercom::model::*;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below.
fn parse(name: &str, text: &str) -> Result<(), serde_json::Error> {
    use serde_json::from_str;
    match name {
        "admins_list.json" | "admins_list_spec.json" => from_str::<AdminList>(text).map(drop),
        "companies_get.json" | "companies_get_spec.json" => from_str::<Company>(text).map(drop),
        "contacts_get.json" => from_str::<Contact>(text).map(drop),
        "contacts_list.json"
        | "contacts_list_spec.json"
        | "contacts_search.json"
        | "contacts_search_spec.json" => from_str::<ContactList>(text).map(drop),
        "conversations_close.json"
        | "conversations_get.json"
        | "conversations_reply.json"
        | "conversations_reply_admin_note_spec.json" => from_str::<Conversation>(text).map(drop),
        "conversations_list.json"
        | "conversations_list_spec.json"
        | "conversations_search.json"
        | "conversations_search_spec.json" => from_str::<ConversationList>(text).map(drop),
        "error_401.json"
        | "error_403_api_plan_restricted.json"
        | "error_404_conversation.json"
        | "error_429.json" => from_str::<ErrorList>(text).map(drop),
        "tickets_get_spec.json" => from_str::<Ticket>(text).map(drop),
        "tickets_search_spec.json" => from_str::<TicketList>(text).map(drop),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 23, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "intercom",
        &dir(),
    );
}

#[test]
fn errors_and_admins_from_recordings() {
    let body = |name: &str| serde_json::from_str::<Value>(&text(name)).unwrap();
    assert_eq!(
        vendor_message(&body("error_401.json")).as_deref(),
        Some("Access Token Invalid [unauthorized]")
    );
    assert_eq!(
        vendor_message(&body("error_403_api_plan_restricted.json")).as_deref(),
        Some("Active subscription needed. [api_plan_restricted]")
    );
    assert_eq!(
        vendor_message(&body("error_404_conversation.json")).as_deref(),
        Some("Resource Not Found [not_found]")
    );
    let limited: ErrorList = load("error_429.json");
    assert_eq!(limited.errors[0].code, "rate_limit_exceeded");
    assert_eq!(vendor_message(&serde_json::json!({"message": "x"})), None);
    let admins: AdminList = load("admins_list.json");
    assert_eq!(
        admins
            .admins
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["10553731", "10553732"]
    );
    assert!(!admins.admins[1].has_inbox_seat, "Fin, the bot");
}
