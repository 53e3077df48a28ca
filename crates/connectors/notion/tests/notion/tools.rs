//! Search and comments against the fake Notion serving
//! the demo workspace, asserting concrete shaped results.

use serde_json::json;
use switchboard_testkit::demo::docs::{workspace, CommentParent, ACME_QBR, ENGINEERING_SYNC};
use switchboard_testkit::fake::notion::NotionOptions;

use crate::common::{call, column, env_with, page};

#[tokio::test]
async fn search_finds_titles_and_pages_through_results() {
    let env = env_with(NotionOptions {
        max_page_size: Some(3),
    })
    .await;
    let first = call(
        &env.notion,
        "notion_search",
        json!({"query": "account plan", "limit": 5}),
    )
    .await
    .unwrap();
    let titles = column(&first, "results", "title");
    assert_eq!(titles.len(), 5);
    assert!(
        titles.iter().all(|t| t.starts_with("Account plan — ")),
        "{titles:?}"
    );
    assert_eq!(first["results"][0]["kind"], "page");
    assert_eq!(first["results"][0]["parent"], "page");
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = call(
        &env.notion,
        "notion_search",
        json!({"query": "account plan", "cursor": cursor}),
    )
    .await
    .unwrap();
    let more = column(&rest, "results", "title");
    assert_eq!(more.len(), 5, "ten enterprise customers, ten plans");
    assert!(rest.get("next_cursor").is_none());
    assert!(more.iter().all(|t| !titles.contains(t)));
    assert_eq!(env.server.hits.path("/v1/search"), 4, "3 + 2, then 3 + 2");

    let dbs = call(&env.notion, "notion_search", json!({"kind": "database"}))
        .await
        .unwrap();
    let tracker = workspace().tracker();
    assert_eq!(
        dbs["results"],
        json!([{"id": tracker.data_source_id, "kind": "database", "title": "Renewal tracker",
                "last_edited": "2026-11-24", "parent": "page"}])
    );
    let runbooks = call(
        &env.notion,
        "notion_search",
        json!({"query": "Runbook", "kind": "page"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&runbooks, "results", "title"),
        [
            "Runbook — Rotating upstream credentials",
            "Runbook — Production incident response"
        ],
        "newest edit first"
    );
}

#[tokio::test]
async fn comments_name_their_authors_and_threads() {
    let env = env_with(NotionOptions {
        max_page_size: Some(2),
    })
    .await;
    let qbr = page(ACME_QBR);
    let out = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": qbr.id}),
    )
    .await
    .unwrap();
    let comments = out["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 3);
    assert_eq!(
        comments[0]["author"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert_eq!(comments[0]["created"], "2026-11-18 17:05");
    assert_eq!(
        comments[1]["text"],
        "The fix is in review; **December 5** is realistic."
    );
    assert_eq!(comments[0]["discussion_id"], comments[1]["discussion_id"]);
    assert_ne!(comments[1]["discussion_id"], comments[2]["discussion_id"]);
    assert_eq!(comments[2]["author"]["name"], "Fiona Grant");

    let first = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": qbr.id, "limit": 2}),
    )
    .await
    .unwrap();
    assert_eq!(first["comments"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": qbr.id, "cursor": cursor}),
    )
    .await
    .unwrap();
    assert_eq!(
        rest["comments"][0]["author"]["email"],
        "finance@northwind.example"
    );

    let block = workspace()
        .comments
        .iter()
        .find_map(|c| match &c.parent {
            CommentParent::Block { block_id, .. } => Some(block_id.clone()),
            _ => None,
        })
        .unwrap();
    let inline = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": block}),
    )
    .await
    .unwrap();
    assert_eq!(inline["comments"][0]["on_block"], block.as_str());
    assert_eq!(
        inline["comments"][0]["text"],
        "Finance will send the statement of account today."
    );

    let quiet = call(
        &env.notion,
        "notion_list_comments",
        json!({"block_id": page(ENGINEERING_SYNC).id}),
    )
    .await
    .unwrap();
    assert_eq!(quiet, json!({"comments": []}));
}
