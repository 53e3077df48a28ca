//! Bad arguments are refused before any upstream call, each error naming
//! the argument.

use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, env};

#[tokio::test]
async fn invalid_arguments_never_reach_github() {
    let env = env().await;
    let cases = [
        ("github_search_issues", json!({}), "query"),
        (
            "github_search_issues",
            json!({"query": "x".repeat(300)}),
            "query",
        ),
        (
            "github_search_issues",
            json!({"limit": 0, "query": "a"}),
            "limit",
        ),
        (
            "github_search_issues",
            json!({"limit": 101, "query": "a"}),
            "limit",
        ),
        (
            "github_search_issues",
            json!({"query": "a", "type": "discussion"}),
            "type",
        ),
        (
            "github_search_issues",
            json!({"query": "a", "state": "all"}),
            "state",
        ),
        (
            "github_search_issues",
            json!({"query": "a", "repo": "platform"}),
            "repo",
        ),
        (
            "github_search_issues",
            json!({"query": "a", "cursor": "21.50.0"}),
            "cursor",
        ),
        (
            "github_search_issues",
            json!({"query": "a", "cursor": "https://evil.example/?page=2"}),
            "cursor",
        ),
        ("github_list_issues", json!({}), "repo"),
        (
            "github_list_issues",
            json!({"repo": "northwind/../../user"}),
            "repo",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "state": "merged"}),
            "state",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "labels": ["a,b"]}),
            "labels",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "labels": "bug"}),
            "labels",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "assignee": "erik lindqvist"}),
            "assignee",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "since": "last week"}),
            "since",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "cursor": "2.30"}),
            "cursor",
        ),
        (
            "github_list_issues",
            json!({"repo": "northwind/platform", "creator": "me"}),
            "creator",
        ),
        (
            "github_get_issue",
            json!({"repo": "northwind/platform"}),
            "number",
        ),
        (
            "github_get_issue",
            json!({"repo": "northwind/platform", "number": 0}),
            "number",
        ),
        (
            "github_get_issue",
            json!({"repo": "northwind/platform", "number": -3}),
            "number",
        ),
        (
            "github_get_issue",
            json!({"repo": "northwind/platform", "number": "412"}),
            "number",
        ),
        (
            "github_get_issue",
            json!({"repo": "northwind/platform", "number": 412, "comments": 101}),
            "comments",
        ),
        (
            "github_get_pull_request",
            json!({"repo": "north wind/x", "number": 1}),
            "repo",
        ),
        (
            "github_list_pull_requests",
            json!({"repo": "northwind/platform", "limit": 500}),
            "limit",
        ),
        (
            "github_create_issue",
            json!({"repo": "northwind/web", "title": "  "}),
            "title",
        ),
        (
            "github_create_issue",
            json!({"repo": "northwind/web", "title": "a\nb"}),
            "title",
        ),
        (
            "github_create_issue",
            json!({"repo": "northwind/web", "title": "x".repeat(300)}),
            "title",
        ),
        (
            "github_create_issue",
            json!({"repo": "northwind/web", "title": "t", "labels": ["x".repeat(51)]}),
            "labels",
        ),
        (
            "github_create_issue",
            json!({"repo": "northwind/web", "title": "t", "author": "ceo@northwind.example"}),
            "author",
        ),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.github, tool, args.clone()).await.unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        assert!(
            err.message.contains(field),
            "{tool} {args}: `{}` should name `{field}`",
            err.message
        );
    }
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
