//! The contract check, upstream failures mapped to error kinds, and bad
//! arguments refused before any upstream call.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::conformance::check_connector;
use switchboard_testkit::fake::github::GitHubOptions;
use switchboard_testkit::fake::Fault;

use crate::common::{call, call_as, connector_for, env, env_with};

#[tokio::test]
async fn passes_the_conformance_check_without_calling_github() {
    let env = env().await;
    check_connector(env.github.clone()).await;
    assert_eq!(env.server.hits.total(), 0);
    let specs = env.github.tools();
    let mut names: Vec<(String, String, &str)> = specs
        .iter()
        .map(|s| (s.name.clone(), s.permission.clone(), s.effect.as_str()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            (
                "github_create_issue".into(),
                "github:issues:write".into(),
                "write"
            ),
            (
                "github_get_issue".into(),
                "github:issues:read".into(),
                "read"
            ),
            (
                "github_get_pull_request".into(),
                "github:pulls:read".into(),
                "read"
            ),
            (
                "github_list_issues".into(),
                "github:issues:read".into(),
                "read"
            ),
            (
                "github_list_pull_requests".into(),
                "github:pulls:read".into(),
                "read"
            ),
            (
                "github_search_issues".into(),
                "github:issues:read".into(),
                "read"
            ),
        ]
    );
}

#[tokio::test]
async fn upstream_failures_map_to_error_kinds() {
    let env = env().await;
    let get = json!({"repo": "northwind/platform", "number": 412});

    let wrong = connector_for(&env.api, "ghp_revoked_token");
    let err = call(&wrong, "github_get_issue", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::UpstreamDenied, Some(401))
    );
    assert!(err.message.contains("Bad credentials"), "{}", err.message);
    assert!(!err.message.contains("ghp_"), "never echo the token");

    let err = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/platform", "number": 9999}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::NotFound, Some(404))
    );
    assert_eq!(
        err.message,
        "GitHub has no issue #9999 in northwind/platform (or the gateway's token cannot see it)"
    );
    let err = call(
        &env.github,
        "github_get_pull_request",
        json!({"repo": "northwind/platform", "number": 412}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::NotFound,
        "an issue is not a pull request"
    );
    let err = call(
        &env.github,
        "github_list_issues",
        json!({"repo": "northwind/nope"}),
    )
    .await
    .unwrap_err();
    assert!(
        err.message.contains("repository northwind/nope"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(30),
    });
    let err = call(&env.github, "github_get_issue", get.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.retry_after),
        (ErrorKind::RateLimited, Some(Duration::from_secs(30)))
    );
    assert!(
        err.message.contains("secondary rate limit"),
        "{}",
        err.message
    );

    env.server.faults.inject(Fault::ServerError);
    let err = call(
        &env.github,
        "github_list_pull_requests",
        json!({"repo": "northwind/web"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::Unavailable, Some(500))
    );

    env.server.faults.inject(Fault::MalformedJson);
    let err = call(&env.github, "github_search_issues", json!({"query": "sso"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Upstream);

    env.server.faults.inject(Fault::Hang);
    let started = Instant::now();
    let err = call_as(
        &env.github,
        "engineering@demo",
        Duration::from_millis(300),
        "github_get_pull_request",
        json!({"repo": "northwind/platform", "number": 418}),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "bounded by the call's deadline"
    );

    env.server.faults.clear();
    assert!(
        call(&env.github, "github_get_issue", get).await.is_ok(),
        "recovers once the fault is gone"
    );
}

/// GitHub's primary limit: 403 with `x-ratelimit-remaining: 0` and the
/// reset time, as `error_403_primary_rate_limit.json` was recorded.
#[tokio::test]
async fn the_search_primary_limit_is_rate_limited_with_a_reset() {
    let env = env_with(GitHubOptions {
        search_per_minute: 2,
        ..GitHubOptions::default()
    })
    .await;
    for _ in 0..2 {
        call(&env.github, "github_search_issues", json!({"query": "sso"}))
            .await
            .unwrap();
    }
    let err = call(&env.github, "github_search_issues", json!({"query": "sso"}))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.upstream_status),
        (ErrorKind::RateLimited, Some(403))
    );
    let wait = err.retry_after.expect("the reset time becomes retry_after");
    assert!(
        wait > Duration::from_secs(30) && wait <= Duration::from_secs(60),
        "{wait:?}"
    );
    assert!(
        err.message.contains("API rate limit exceeded"),
        "{}",
        err.message
    );
    assert_eq!(
        env.server.hits.path("/search/issues"),
        3,
        "a wait this long is not retried inside the call"
    );
}
