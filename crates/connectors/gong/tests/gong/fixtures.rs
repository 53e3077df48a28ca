//! Every recorded Gong payload parses into the model verbatim, and the
//! shaping functions turn the recordings into the expected values.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_gong::client::{vendor_message, NO_CALLS};
use switchboard_gong::directory::Directory;
use switchboard_gong::model::*;
use switchboard_gong::shape;

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn text(name: &str) -> String {
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
        "error_400.json"
        | "error_401.json"
        | "error_404_calls_transcript.json"
        | "error_404_no_calls_found.json"
        | "error_409.json" => from_str::<ErrorBody>(text).map(drop),
        "library_folders.json" => from_str::<LibraryFolders>(text).map(drop),
        "users_extensive.json" | "users_list.json" => from_str::<UsersPage>(text).map(drop),
        "users_get.json" => from_str::<UserResponse>(text).map(drop),
        "workspaces_list.json" => from_str::<WorkspacesResponse>(text).map(drop),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 10, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "gong",
        &dir(),
    );
}

#[test]
fn users_shape_from_recordings() {
    let list: UsersPage = load("users_list.json");
    assert_eq!(list.request_id, "6i92pi42nibvos54vv4");
    assert_eq!(
        (list.records.total_records, list.records.current_page_size),
        (4, 4)
    );
    assert_eq!(list.records.cursor, None, "one page: no cursor");
    let shaped: Vec<_> = list.users.iter().map(shape::user).collect();
    assert_eq!(shaped[0].name, "Robin Guldener");
    assert_eq!(shaped[0].email.as_deref(), Some("robin@nango.dev"));
    assert_eq!((shaped[0].title.as_deref(), shaped[0].active), (None, true));
    assert_eq!(shaped[1].name, "API Developer");
    let compact = serde_json::to_string(&shaped[3]).unwrap();
    assert_eq!(
        compact,
        r#"{"name":"Bastien Beurier","email":"bastien@nango.dev","active":true}"#
    );
    assert!(compact.len() * 8 < text("users_get.json").len());

    let extensive: UsersPage = load("users_extensive.json");
    let directory = Directory::new(&extensive.users);
    assert_eq!(
        directory.user_id("Bastien@Nango.dev"),
        Some("7254376376091929519")
    );
    assert_eq!(
        directory.person("413440499764841252").unwrap().name,
        "Robin Guldener"
    );
    assert_eq!(directory.user_id("nobody@nango.dev"), None);

    let one: UserResponse = load("users_get.json");
    assert_eq!(shape::user_person(&one.user).name, "Bastien Beurier");
    assert_eq!(
        one.user.created.as_deref(),
        Some("2023-10-17T21:21:39.277+02:00")
    );
}

#[test]
fn workspaces_and_folders_parse() {
    let w: WorkspacesResponse = load("workspaces_list.json");
    assert_eq!(
        (w.workspaces[0].id.as_str(), w.workspaces[0].name.as_str()),
        ("7273476131570014205", "Initial workspace")
    );
    let f: LibraryFolders = load("library_folders.json");
    assert_eq!(f.folders.len(), 2);
    assert_eq!(
        f.folders[1].parent_folder_id.as_deref(),
        Some("3492543238968030478")
    );
    assert_eq!(f.folders[0].parent_folder_id, None);
}

#[test]
fn vendor_messages_from_error_bodies() {
    let body = |name: &str| serde_json::from_str::<Value>(&text(name)).unwrap();
    assert_eq!(
        vendor_message(&body("error_400.json")).as_deref(),
        Some("Bad request")
    );
    assert_eq!(
        vendor_message(&body("error_401.json")).as_deref(),
        Some("You don't have permission to use 'api:crm:integrations:read' in your app.")
    );
    // The empty-result 404 is recognised by Gong's exact words.
    for name in [
        "error_404_no_calls_found.json",
        "error_404_calls_transcript.json",
    ] {
        assert_eq!(
            vendor_message(&body(name)).as_deref(),
            Some(NO_CALLS),
            "{name}"
        );
    }
    assert_eq!(
        vendor_message(&body("error_409.json")).as_deref(),
        Some("Provider disconnected: Gong was not able to create a Gong meeting link since Google Meet is disconnected from Gong. Contact your Gong Admin.")
    );
    let parsed: ErrorBody = load("error_409.json");
    assert_eq!(parsed.help_url.as_deref(), Some(""));
    assert_eq!(
        vendor_message(&serde_json::json!({"message": "elsewhere"})).as_deref(),
        Some("elsewhere")
    );
}
