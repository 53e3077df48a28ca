//! Every recorded Notion payload parses into the model verbatim, and the
//! shaping turns the recordings into the expected values.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use switchboard_notion::client::vendor_message;
use switchboard_notion::directory::Directory;
use switchboard_notion::model::*;
use switchboard_notion::shape::markdown::{render, Node};
use switchboard_notion::shape::{self, comment::comment};

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
        "block_get.json" => from_str::<Block>(text).map(drop),
        "blocks_children.json"
        | "blocks_children_append.json"
        | "blocks_children_page2.json"
        | "blocks_children_page3.json" => from_str::<List<Block>>(text).map(drop),
        "comments_list.json" => from_str::<List<Comment>>(text).map(drop),
        "data_source_get.json" => from_str::<DataSource>(text).map(drop),
        "data_source_query_empty.json"
        | "search.json"
        | "search_empty.json"
        | "search_query.json" => from_str::<List<Found>>(text).map(drop),
        "error_400_invalid_request_url.json" | "error_401.json" | "error_404.json" => {
            from_str::<ErrorBody>(text).map(drop)
        }
        "page_get.json" => from_str::<Page>(text).map(drop),
        "page_markdown_get.json" => from_str::<PageMarkdown>(text).map(drop),
        "page_property_get.json" => from_str::<List<PropertyItem>>(text).map(drop),
        "users_list.json" => from_str::<List<User>>(text).map(drop),
        "users_me.json" => from_str::<User>(text).map(drop),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 19, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "notion",
        &dir(),
    );
}

#[test]
fn the_recorded_block_pages_chain_and_render_as_markdown() {
    let pages: Vec<List<Block>> = [
        "blocks_children.json",
        "blocks_children_page2.json",
        "blocks_children_page3.json",
    ]
    .iter()
    .map(|n| load(n))
    .collect();
    assert_eq!(
        pages[0].next().as_deref(),
        Some(pages[1].results[0].id.as_str())
    );
    assert_eq!(
        pages[1].next().as_deref(),
        Some(pages[2].results[0].id.as_str())
    );
    assert_eq!(pages[2].next(), None);
    assert_eq!(pages[0].kind.as_deref(), Some("block"));
    let nodes: Vec<Node> = pages
        .into_iter()
        .flat_map(|p| p.results)
        .map(Node::leaf)
        .collect();
    assert_eq!(
        render(&nodes),
        "paragraph 0\n\nparagraph 1\n\nparagraph 2\n\nparagraph 3\n\nparagraph 4"
    );
    let appended: List<Block> = load("blocks_children_append.json");
    assert_eq!(appended.results.len(), 5);
    let one: Block = load("block_get.json");
    assert!(!one.has_children);
    assert!(
        matches!(&one.parent, Parent::PageId { page_id } if page_id == "393abc1e-edcd-81d5-beec-e345d8013f05")
    );
    assert_eq!(render(&[Node::leaf(one)]), "I'm a paragraph.");
}

#[test]
fn pages_search_results_and_data_sources_shape() {
    let page: Page = load("page_get.json");
    assert_eq!(shape::page_title(&page), "Test 2026-07-04 11:08:14.736683");
    assert_eq!(shape::day(&page.created_time), "2026-07-04");
    assert!(
        shape::properties(&page).is_empty(),
        "the title is not repeated"
    );
    assert_eq!(
        shape::person(&page.last_edited_by).name,
        "Notion user 7775f3a3-893f-43fa-b625-460c61094c78"
    );

    let found: List<Found> = load("search_query.json");
    let hit = shape::hit(&found.results[0]).unwrap();
    assert_eq!(
        (
            hit.kind.as_str(),
            hit.title.as_str(),
            hit.last_edited.as_str(),
            hit.parent.as_str()
        ),
        ("page", "Nango Test API", "2026-04-30", "page")
    );
    assert_eq!(
        found.kind.as_deref(),
        Some("page_or_database"),
        "recorded with an older version"
    );
    let found: List<Found> = load("search.json");
    let hit = shape::hit(&found.results[0]).unwrap();
    assert_eq!((hit.title.as_str(), hit.parent.as_str()), ("", "workspace"));
    let empty: List<Found> = load("search_empty.json");
    assert!(empty.results.is_empty() && empty.next().is_none());
    let rows: List<Found> = load("data_source_query_empty.json");
    assert_eq!(
        (rows.results.len(), rows.kind.as_deref()),
        (0, Some("page_or_data_source"))
    );

    let ds: DataSource = load("data_source_get.json");
    assert_eq!(
        shape::plain(&ds.title),
        "Test Data Source - 2026-07-04 11:09:14.284382"
    );
    assert_eq!(
        (
            ds.properties["Name"].kind.as_str(),
            ds.properties["Name"].id.as_str()
        ),
        ("title", "title")
    );
    assert!(ds.properties["Name"].options().is_empty());
    let hit = shape::hit(&Found::DataSource(ds)).unwrap();
    assert_eq!(
        (hit.kind.as_str(), hit.parent.as_str()),
        ("database", "page")
    );

    let md: PageMarkdown = load("page_markdown_get.json");
    assert_eq!((md.markdown.as_str(), md.truncated), ("", false));
    let items: List<PropertyItem> = load("page_property_get.json");
    assert_eq!(
        (items.results[0].kind.as_str(), items.results[0].id.as_str()),
        ("title", "title")
    );
}

#[test]
fn users_and_comments_shape() {
    let users: List<User> = load("users_list.json");
    let directory = Directory::new(&users.results);
    let guillaume = directory.person("a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf");
    assert_eq!(
        (guillaume.name.as_str(), guillaume.email.as_deref()),
        ("Guillaume Gelin", Some("notion@ramnes.eu"))
    );
    assert_eq!(
        directory.id_for_email("Notion@Ramnes.eu"),
        Some("a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf")
    );
    let bot = directory.person("7775f3a3-893f-43fa-b625-460c61094c78");
    assert_eq!((bot.name.as_str(), bot.email), ("notion-sdk-py", None));
    let me: User = load("users_me.json");
    assert_eq!((me.kind.as_deref(), me.bot.is_some()), (Some("bot"), true));

    let comments: List<Comment> = load("comments_list.json");
    let c = comment(&comments.results[0], Some(&directory));
    assert_eq!(c.author.name, "notion-sdk-py", "an integration's comment");
    assert_eq!(c.created, "2026-07-04 09:11");
    assert_eq!(c.text, "This is a test comment.");
    assert_eq!(c.discussion_id, "393abc1e-edcd-81c5-9286-001c039f0a74");
    assert_eq!(c.on_block, None);
}

#[test]
fn error_bodies_give_notions_message_and_code() {
    let e: ErrorBody = load("error_401.json");
    assert_eq!((e.status, e.code.as_str()), (401, "unauthorized"));
    let body = |n: &str| serde_json::from_str::<serde_json::Value>(&text(n)).unwrap();
    assert_eq!(
        vendor_message(&body("error_401.json")).unwrap(),
        "API token is invalid. [unauthorized]"
    );
    let m = vendor_message(&body("error_404.json")).unwrap();
    assert!(
        m.starts_with("Could not find page with ID: 00000000") && m.ends_with("[object_not_found]"),
        "{m}"
    );
    assert_eq!(
        vendor_message(&body("error_400_invalid_request_url.json")).unwrap(),
        "Invalid request URL. [invalid_request_url]"
    );
}
