//! `github_search_issues` against the fake GitHub: customer labels,
//! words and helpers, paging by cursor, and `@me` as the caller.

use serde_json::json;
use switchboard_testkit::demo::code::code_host;

use crate::common::{call, column, env};

#[tokio::test]
async fn search_finds_customer_issues_and_resolves_me() {
    let env = env().await;
    let out = call(
        &env.github,
        "github_search_issues",
        json!({"query": "label:customer:acme-robotics", "state": "open"}),
    )
    .await
    .unwrap();
    assert_eq!(out["total"], 4);
    let mut found: Vec<String> = out["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}#{} {}",
                i["repo"].as_str().unwrap(),
                i["number"],
                i["kind"].as_str().unwrap()
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "northwind/edge-agent#57 issue",
            "northwind/edge-agent#58 pull_request",
            "northwind/platform#407 issue",
            "northwind/web#231 issue",
        ]
    );
    let out = call(
        &env.github,
        "github_search_issues",
        json!({"query": "SSO", "type": "issue", "repo": "northwind/web"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&out, "items", "title"),
        ["SSO login loop for Okta users with the plant supervisor role"]
    );

    // `@me` is the caller (erik-lindqvist), not the gateway's own account.
    let erik_open = code_host()
        .issues
        .iter()
        .filter(|i| i.state.is_open() && i.assignees.iter().any(|a| a == "erik-lindqvist"))
        .count();
    assert_eq!(erik_open, 11);
    let mut numbers = Vec::new();
    let mut cursor = None;
    for _ in 0..3 {
        let mut args = json!({"query": "assignee:@me", "state": "open", "limit": 5});
        if let Some(c) = &cursor {
            args["cursor"] = json!(c);
        }
        let out = call(&env.github, "github_search_issues", args)
            .await
            .unwrap();
        assert_eq!(out["total"], 11);
        numbers.extend(column(&out, "items", "number"));
        cursor = out
            .get("next_cursor")
            .and_then(|c| c.as_str())
            .map(str::to_owned);
    }
    assert_eq!((numbers.len(), cursor), (11, None));
    let queries: Vec<String> = env
        .server
        .hits
        .requests()
        .iter()
        .filter(|r| r.path == "/search/issues")
        .filter_map(|r| r.query.clone())
        .collect();
    assert!(
        queries
            .iter()
            .all(|q| q.contains("assignee%3Aerik-lindqvist") || !q.contains("assignee")),
        "{queries:?}"
    );
}

#[tokio::test]
async fn brief_detail_keeps_what_identifies_an_item() {
    let env = env().await;
    let args = json!({"query": "label:customer:acme-robotics", "state": "open", "detail": "brief"});
    let out = call(&env.github, "github_search_issues", args)
        .await
        .unwrap();
    assert_eq!(out["total"], 4);
    for item in out["items"].as_array().unwrap() {
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            ["author", "created", "kind", "number", "repo", "state", "title", "updated"]
        );
    }
}
