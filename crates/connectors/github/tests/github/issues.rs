//! `github_get_issue` and `github_create_issue` against the fake GitHub:
//! one issue with its comments condensed, and filing an issue for the
//! caller.

use std::time::Duration;

use serde_json::json;
use switchboard_testkit::fake::github::GitHubOptions;

use crate::common::{call, call_as, env, env_with};

#[tokio::test]
async fn get_issue_condenses_the_latest_comments() {
    let env = env().await;
    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/edge-agent", "number": 57, "comments": 2}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["title"],
        "Telemetry sync stops every few hours on agent 4.2"
    );
    assert_eq!(
        (out["state"].as_str(), out["comments"].as_u64()),
        (Some("open"), Some(4))
    );
    assert_eq!(
        out["labels"],
        json!([
            "bug",
            "escalation",
            "priority:high",
            "customer:acme-robotics"
        ])
    );
    assert_eq!(out["assignees"][0]["name"], "Erik Lindqvist");
    assert!(out["body"]
        .as_str()
        .unwrap()
        .starts_with("Acme Robotics (acme-robotics.example) reports"));
    assert_eq!(out["earlier_comments_omitted"], 2);
    let thread = out["thread"].as_array().unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(
        thread[0]["author"],
        json!({"login": "sam-carter", "name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert!(thread[0]["body"]
        .as_str()
        .unwrap()
        .starts_with("Dana Whitfield says the renewal"));
    assert!(thread[0]["at"].as_str().unwrap().ends_with(" UTC"));
    assert_eq!(thread[1]["author"]["login"], "erik-lindqvist");

    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/edge-agent", "number": 57, "comments": 3}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            out["thread"].as_array().unwrap().len(),
            out["earlier_comments_omitted"].as_u64()
        ),
        (3, Some(1))
    );
    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/terraform-provider-northwind", "number": 88}),
    )
    .await
    .unwrap();
    assert_eq!(
        out["author"],
        json!({"login": "ctanaka-hooli", "name": "Chris Tanaka", "email": "chris.tanaka@hooli-cloud.example"})
    );
    assert!(out.get("earlier_comments_omitted").is_none());
    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/platform", "number": 388}),
    )
    .await
    .unwrap();
    assert_eq!(
        (out["state"].as_str(), out["state_reason"].as_str()),
        (Some("closed"), Some("completed"))
    );
    assert_eq!(out["closed_by"]["login"], "erik-lindqvist");
    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/platform", "number": 418, "comments": 0}),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            out["kind"].as_str(),
            out["thread"].as_array().unwrap().len()
        ),
        (Some("pull_request"), 0)
    );
}

#[tokio::test]
async fn create_issue_is_filed_for_the_caller() {
    let options = GitHubOptions::default();
    let created = options.created.clone();
    let env = env_with(options).await;
    let args = json!({"repo": "northwind/web", "title": "Dashboard export fails for Acme", "body": "Export of the fleet dashboard returns a blank file.", "labels": ["bug", "customer:acme-robotics"]});
    let out = call_as(
        &env.github,
        "support@demo",
        Duration::from_secs(10),
        "github_create_issue",
        args,
    )
    .await
    .unwrap();
    assert_eq!(
        (out["number"].as_u64(), out["state"].as_str()),
        (Some(236), Some("open"))
    );
    assert_eq!(out["filed_by"], "support@northwind.example");
    assert_eq!(out["labels"], json!(["bug", "customer:acme-robotics"]));
    assert_eq!(
        (out["created"].as_str(), out["url"].as_str()),
        (
            Some("2026-11-25"),
            Some("https://github.com/northwind/web/issues/236")
        )
    );
    let recorded = created.all();
    assert_eq!(recorded.len(), 1);
    assert!(recorded[0]
        .body
        .starts_with("Export of the fleet dashboard"));
    assert!(recorded[0]
        .body
        .ends_with("_Filed through Switchboard on behalf of support@northwind.example._"));
    assert_eq!(
        recorded[0].customer.as_deref(),
        Some("acme-robotics.example")
    );
    assert_eq!(
        env.server
            .hits
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count(),
        1
    );

    let out = call(
        &env.github,
        "github_get_issue",
        json!({"repo": "northwind/web", "number": 236}),
    )
    .await
    .unwrap();
    assert_eq!(out["author"]["login"], "northwind-switchboard");
    assert!(out["body"]
        .as_str()
        .unwrap()
        .contains("on behalf of support@northwind.example"));
}
