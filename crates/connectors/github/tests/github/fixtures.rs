//! Every recorded GitHub payload parses into the model verbatim, and the
//! shaping turns the recordings into the expected values. Reviews, check
//! runs and user profiles have no public recording: those tests follow
//! GitHub's published schema instead.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_github::client::vendor_message;
use switchboard_github::model::*;
use switchboard_github::people::Directory;
use switchboard_github::shape::{self, Person};

pub(crate) fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub(crate) fn text_of(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub(crate) fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&text_of(name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below.
fn parse(name: &str, text: &str) -> Result<(), serde_json::Error> {
    use serde_json::from_str;
    match name {
        "error_401.json"
        | "error_403_primary_rate_limit.json"
        | "error_403_secondary_rate_limit.json"
        | "error_422.json" => from_str::<ErrorBody>(text).map(drop),
        "issue_comments_list.json" => from_str::<Vec<Comment>>(text).map(drop),
        "issues_create_201.json" | "issues_get.json" => from_str::<Issue>(text).map(drop),
        "issues_list.json" | "issues_list_page2.json" => from_str::<Vec<Issue>>(text).map(drop),
        "pulls_get.json" => from_str::<PullRequest>(text).map(drop),
        "pulls_list.json" => from_str::<Vec<PullRequest>>(text).map(drop),
        "repos_get.json" => from_str::<Repository>(text).map(drop),
        "search_issues.json" => from_str::<SearchResponse<Issue>>(text).map(drop),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 13, "{names:?}");
    for name in &names {
        parse(name, &text_of(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "github",
        &dir(),
    );
}

fn viictoo() -> Directory {
    Directory::of([Person {
        login: "viictoo".into(),
        name: Some("Victor O.".into()),
        email: None,
    }])
}

#[test]
fn issues_shape_from_recordings() {
    let raw: Issue = load("issues_get.json");
    let issue = shape::issue_summary(&raw, &viictoo(), false);
    assert_eq!(
        (issue.number, issue.title.as_str()),
        (1, "Test update from Nango action")
    );
    assert_eq!(
        (
            issue.state.as_str(),
            issue.kind.as_deref(),
            issue.repo.as_deref()
        ),
        ("open", None, None)
    );
    assert_eq!(issue.labels, ["bug"]);
    assert_eq!(
        (
            issue.comments,
            issue.created.as_str(),
            issue.updated.as_str()
        ),
        (6, "2026-04-29", "2026-04-29")
    );
    assert_eq!(
        issue.author.as_ref().unwrap().name.as_deref(),
        Some("Victor O.")
    );
    assert_eq!(
        issue.url,
        "https://github.com/viictoo/api-playground2/issues/1"
    );
    assert_eq!(
        raw.repo_full_name().as_deref(),
        Some("viictoo/api-playground2")
    );
    let raw_size =
        serde_json::to_string(&serde_json::from_str::<Value>(&text_of("issues_get.json")).unwrap())
            .unwrap()
            .len();
    let shaped = serde_json::to_string(&issue).unwrap().len();
    assert!(
        shaped * 5 < raw_size,
        "shaped {shaped} B vs raw {raw_size} B"
    );

    let page1: Vec<Issue> = load("issues_list.json");
    let page2: Vec<Issue> = load("issues_list_page2.json");
    let numbers: Vec<u64> = page1.iter().chain(&page2).map(|i| i.number).collect();
    assert_eq!(numbers, [13, 12, 11, 10, 9, 8]);
    assert!(page1
        .iter()
        .all(|i| !i.is_pull_request() && i.body.is_none()));

    let search: SearchResponse<Issue> = load("search_issues.json");
    assert_eq!((search.total_count, search.incomplete_results), (2, false));
    let hit = shape::issue_summary(&search.items[0], &Directory::default(), true);
    assert_eq!(
        hit.repo.as_deref(),
        Some("octokit-fixture-org/tmp-scenario-search-issues-20220719044045959-jlcli")
    );
    assert_eq!(
        (hit.kind.as_deref(), hit.number, hit.title.as_str()),
        (Some("issue"), 2, "Sesame seeds split without a pop!")
    );
    assert_eq!(hit.author, Some(Person::login("octokit-fixture-user-b")));

    let created = shape::issue_summary(
        &load("issues_create_201.json"),
        &Directory::default(),
        false,
    );
    assert_eq!(
        (
            created.number,
            created.title.as_str(),
            created.created.as_str()
        ),
        (1, "Test issue 1", "2022-07-19")
    );

    let comments: Vec<Comment> = load("issue_comments_list.json");
    let c = shape::comment(&comments[0], &viictoo(), 600);
    assert_eq!(
        (c.at.as_str(), c.body.as_str()),
        ("2026-04-29 09:28 UTC", "Reproduced locally on Python 3.11.")
    );
    assert_eq!(c.author.unwrap().login, "viictoo");
}

#[test]
fn vendor_messages_from_error_bodies() {
    let body = |name: &str| serde_json::from_str::<Value>(&text_of(name)).unwrap();
    assert_eq!(
        vendor_message(&body("error_401.json")).as_deref(),
        Some("Bad credentials")
    );
    assert_eq!(
        vendor_message(&body("error_422.json")).as_deref(),
        Some("Validation Failed: Label.color is invalid")
    );
    assert_eq!(
        vendor_message(&body("error_403_primary_rate_limit.json")).as_deref(),
        Some("API Rate Limit Exceeded for 92.104.200.119")
    );
    assert!(vendor_message(&body("error_403_secondary_rate_limit.json"))
        .unwrap()
        .starts_with("You have triggered an abuse detection"));
    let detailed = json!({"message": "Validation Failed", "errors": [
        {"value": "ghost", "resource": "Issue", "field": "assignees", "code": "invalid"},
        {"resource": "Issue", "code": "missing_field", "field": "title"},
        {"message": "The search is longer than 256 characters.", "resource": "Search", "field": "q", "code": "invalid"},
        "plain text"]});
    assert_eq!(
        vendor_message(&detailed).as_deref(),
        Some("Validation Failed: Issue.assignees (`ghost`) is invalid; Issue.title is missing field; The search is longer than 256 characters.; plain text")
    );
    let parsed: ErrorBody = serde_json::from_value(body("error_422.json")).unwrap();
    assert_eq!(
        parsed.documentation_url.as_deref(),
        Some("https://docs.github.com/rest/reference/issues#create-a-label")
    );
}
