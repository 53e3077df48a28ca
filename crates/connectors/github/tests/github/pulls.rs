//! The pull request tools against the fake GitHub: review state per
//! reviewer, the checks summary, size and mergeability, and lists.

use serde_json::json;
use switchboard_testkit::fake::github::GitHubOptions;

use crate::common::{call, column, env, env_with};

#[tokio::test]
async fn get_pull_request_summarises_reviews_and_checks() {
    let env = env().await;
    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/edge-agent", "number": 58}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["title"],
        "Fix batch flush deadlock when the upload queue is full"
    );
    assert_eq!(
        (out["state"].as_str(), out["draft"].as_bool()),
        (Some("open"), Some(false))
    );
    assert_eq!(
        out["author"],
        json!({"login": "erik-lindqvist", "name": "Erik Lindqvist", "email": "engineering@northwind.example"})
    );
    assert_eq!(
        (out["base"].as_str(), out["head"].as_str()),
        (Some("main"), Some("fix/batch-flush-deadlock"))
    );
    assert_eq!(
        (out["mergeable"].as_bool(), out["merge_state"].as_str()),
        (Some(true), Some("blocked"))
    );
    assert_eq!(
        (
            out["changed_files"].as_u64(),
            out["additions"].as_u64(),
            out["deletions"].as_u64(),
            out["commits"].as_u64()
        ),
        (Some(3), Some(97), Some(23), Some(4))
    );
    assert_eq!(out["review"]["decision"], "changes_requested");
    let reviewer = &out["review"]["reviewers"][0];
    assert_eq!(
        (
            reviewer["reviewer"]["name"].as_str(),
            reviewer["state"].as_str()
        ),
        (Some("Alex Morgan"), Some("changes_requested"))
    );
    assert!(reviewer["comment"]
        .as_str()
        .unwrap()
        .starts_with("Please add a soak test"));
    assert_eq!(
        out["checks"],
        json!({"state": "failing", "total": 4, "passed": 3, "failed": 1, "pending": 0, "failing": ["soak-test"]})
    );
    assert!(
        !out["body"].as_str().unwrap().contains("<!--"),
        "template comments dropped"
    );
    assert_eq!(
        out["url"],
        "https://github.com/northwind/edge-agent/pull/58"
    );
    let fields = out.as_object().unwrap().len();
    assert!(
        (18..=24).contains(&fields),
        "about twenty fields, got {fields}"
    );

    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/platform", "number": 418}),
    )
    .await
    .unwrap();
    assert_eq!(out["review"]["decision"], "approved");
    assert_eq!(
        out["review"]["reviewers"][0]["state"], "approved",
        "the approval outranks the earlier comment"
    );
    assert_eq!(
        (
            out["checks"]["state"].as_str(),
            out["checks"]["passed"].as_u64()
        ),
        (Some("passing"), Some(4))
    );
    assert_eq!(out["merge_state"], "clean");

    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/platform", "number": 419}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["review"],
        json!({"decision": "pending", "reviewers": [{"reviewer": {"login": "alex-morgan", "name": "Alex Morgan", "email": "admin@northwind.example"}, "state": "pending"}]})
    );
    assert_eq!(
        out["checks"],
        json!({"state": "pending", "total": 5, "passed": 3, "failed": 0, "pending": 2})
    );

    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/web", "number": 233}),
    )
    .await
    .unwrap();
    assert_eq!(
        (out["draft"].as_bool(), out["review"]["decision"].as_str()),
        (Some(true), Some("none"))
    );
    assert_eq!(
        out["checks"]["failing"],
        json!(["e2e (chromium)", "e2e (firefox)"])
    );

    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/billing-service", "number": 133}),
    )
    .await
    .unwrap();
    assert_eq!(
        (out["state"].as_str(), out["mergeable"].clone()),
        (Some("merged"), json!(null))
    );
    assert_eq!(out["merged_by"]["login"], "alex-morgan");
    assert_eq!(
        out["review"]["reviewers"][0]["state"], "approved",
        "approved after asking for changes"
    );
    assert!(out["merged"].as_str().unwrap().starts_with("2026-11-1"));

    let out = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/web", "number": 235}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["author"],
        json!({"login": "dependabot[bot]"}),
        "bots are not looked up"
    );
    assert_eq!(out["checks"]["skipped"], 1);
    assert_eq!(
        env.server.hits.path("/users/dependabot[bot]")
            + env.server.hits.path("/users/dependabot%5Bbot%5D"),
        0
    );
}

#[tokio::test]
async fn list_pull_requests_by_state_and_page() {
    let env = env_with(GitHubOptions {
        max_per_page: Some(2),
        ..GitHubOptions::default()
    })
    .await;
    let out = call(
        &env.github,
        "github_list_pull_requests",
        json!({"repo": "northwind/platform", "limit": 3}),
    )
    .await
    .unwrap();
    let first = column(&out, "pull_requests", "number");
    assert_eq!(first.len(), 3);
    let cursor = out["next_cursor"].as_str().unwrap().to_owned();
    let out = call(
        &env.github,
        "github_list_pull_requests",
        json!({"repo": "northwind/platform", "limit": 3, "cursor": cursor}),
    )
    .await
    .unwrap();
    let rest = column(&out, "pull_requests", "number");
    assert!(out.get("next_cursor").is_none());
    let mut all: Vec<String> = first.into_iter().chain(rest).collect();
    all.sort();
    assert_eq!(all, ["418", "419", "420", "421"]);

    let out = call(
        &env.github,
        "github_list_pull_requests",
        json!({"repo": "northwind/platform", "state": "closed"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "pull_requests", "number"), ["390"]);
    assert_eq!(
        (
            out["pull_requests"][0]["state"].as_str(),
            out["pull_requests"][0]["merged"].as_str().is_some()
        ),
        (Some("merged"), true)
    );

    let out = call(
        &env.github,
        "github_list_pull_requests",
        json!({"repo": "northwind/platform", "state": "open", "limit": 10}),
    )
    .await
    .unwrap();
    let by_number = |n: u64| {
        out["pull_requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by_number(421)["draft"], true);
    assert_eq!(
        by_number(419)["requested_reviewers"][0]["login"],
        "alex-morgan"
    );
    assert_eq!(by_number(418)["head"], "fix/ingestion-replay");
}
