//! `github_list_issues` against the fake GitHub: paged across pages up to
//! a limit (pull requests left out), filters, and "me" as the caller.

use std::time::Duration;

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::code::{code_host, Issue};
use switchboard_testkit::fake::github::GitHubOptions;

use crate::common::{call, call_as, column, env, env_with};

/// The demo's open issues in `repo`, most recently updated first.
fn open_issues(repo: &str, keep: impl Fn(&Issue) -> bool) -> Vec<String> {
    let mut issues: Vec<&Issue> = code_host()
        .issues
        .iter()
        .filter(|i| i.repo == repo && i.state.is_open() && keep(i))
        .collect();
    issues.sort_by_key(|i| std::cmp::Reverse((i.updated, i.number)));
    issues.iter().map(|i| i.number.to_string()).collect()
}
#[tokio::test]
async fn list_issues_pages_past_pull_requests_up_to_the_limit() {
    let env = env_with(GitHubOptions {
        max_per_page: Some(3),
        ..GitHubOptions::default()
    })
    .await;
    let expected = open_issues("platform", |_| true);
    assert_eq!(expected.len(), 10);
    let mut seen = Vec::new();
    let mut cursor = None;
    let mut calls = 0;
    loop {
        let mut args = json!({"repo": "northwind/platform", "limit": 4});
        if let Some(c) = &cursor {
            args["cursor"] = json!(c);
        }
        let out = call(&env.github, "github_list_issues", args).await.unwrap();
        assert_eq!(out["repo"], "northwind/platform");
        let page = column(&out, "issues", "number");
        assert!(page.len() <= 4);
        seen.extend(page);
        calls += 1;
        match out.get("next_cursor").and_then(|c| c.as_str()) {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
        assert!(calls < 10, "paging does not end");
    }
    assert_eq!(
        seen, expected,
        "every open issue once, in order, no pull requests"
    );
    assert!(calls >= 3);
    assert!(
        env.server.hits.with_prefix("/repositories/") > 0,
        "followed GitHub's next links"
    );

    let out = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/platform", "labels": ["escalation"]}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&out, "issues", "number"),
        open_issues("platform", |i| i.labels.iter().any(|l| l == "escalation"))
    );
    let first = &out["issues"][0];
    assert_eq!(
        first["author"],
        json!({"login": "sofia-reyes", "name": "Sofia Reyes", "email": "support@northwind.example"})
    );
    assert!(first.get("kind").is_none() && first.get("repo").is_none());

    let since = "2026-11-20";
    let out = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/platform", "state": "all", "since": since}),
    )
    .await
    .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut recent: Vec<&Issue> = code_host()
        .issues
        .iter()
        .filter(|i| i.repo == "platform" && i.updated >= day)
        .collect();
    recent.sort_by_key(|i| std::cmp::Reverse((i.updated, i.number)));
    assert_eq!(
        column(&out, "issues", "number"),
        recent
            .iter()
            .map(|i| i.number.to_string())
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn assignee_me_is_the_caller() {
    let env = env().await;
    let mine = |login: &'static str| {
        open_issues("platform", move |i| i.assignees.iter().any(|a| a == login))
    };
    let out = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/platform", "assignee": "me"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "issues", "number"), mine("erik-lindqvist"));
    assert_eq!(
        out["issues"][0]["assignees"][0]["email"],
        "engineering@northwind.example"
    );
    let out = call_as(
        &env.github,
        "admin@demo",
        Duration::from_secs(10),
        "github_list_issues",
        json!({"repo": "northwind/platform", "assignee": "me"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&out, "issues", "number"), ["411"]);
    let out = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/platform", "assignee": "none"}),
    )
    .await
    .unwrap();
    assert_eq!(
        column(&out, "issues", "number"),
        open_issues("platform", |i| i.assignees.is_empty())
    );
    let err = call_as(
        &env.github,
        "hr@demo",
        Duration::from_secs(10),
        "github_list_issues",
        json!({"repo": "northwind/platform", "assignee": "me"}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message.contains("hr@northwind.example"),
        "{}",
        err.message
    );
}
