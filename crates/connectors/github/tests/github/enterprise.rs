//! GitHub Enterprise Server: the API lives under `/api/v3`, and the
//! connector keeps that prefix on every request and on every next-page
//! link it follows.

use serde_json::json;
use switchboard_testkit::fake::github::GitHubOptions;

use crate::common::{call, column, env_with};

#[tokio::test]
async fn every_request_keeps_the_enterprise_prefix() {
    let options = GitHubOptions {
        path_prefix: Some("/api/v3".into()),
        max_per_page: Some(3),
        ..GitHubOptions::default()
    };
    let env = env_with(options).await;
    assert!(env.api.as_str().ends_with("/api/v3"), "{}", env.api);
    let out = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/platform", "limit": 7}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "issues", "number").len(), 7);
    assert!(out["next_cursor"].is_string());
    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/platform", "number": 418}),
    )
    .await
    .unwrap();
    assert_eq!(out["review"]["decision"], "approved");
    let out = call(
        &env.github,
        "github_search_issues",
        json!({"query": "assignee:@me", "repo": "northwind/web"}),
    )
    .await
    .unwrap();
    assert_eq!(out["total"], 3, "#231, #228 and the closed #219");

    let requests = env.server.hits.requests();
    assert!(requests.len() > 5);
    for r in &requests {
        assert!(r.path.starts_with("/api/v3/"), "{} left the prefix", r.path);
    }
    assert!(
        requests
            .iter()
            .any(|r| r.path.starts_with("/api/v3/repositories/")),
        "followed the next links"
    );
}
