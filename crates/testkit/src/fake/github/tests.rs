//! The fake's own rules, over raw HTTP: required headers, the token,
//! `Link` paging in GitHub's `/repositories/{id}` form, the Enterprise
//! prefix, the search window's primary limit, and creating an issue.
//! (The connector's tests check the payload shapes against the fixtures.)

use reqwest::header::HeaderMap;
use serde_json::{json, Value};

use super::*;
use crate::demo::code::code_host;
use crate::demo::northwind;

const TOKEN: &str = "ghp_fake_token";

struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

async fn send(
    base: &str,
    path: &str,
    token: Option<&str>,
    version: bool,
    post: Option<Value>,
) -> Reply {
    let client = reqwest::Client::builder()
        .user_agent("switchboard-test")
        .build()
        .unwrap();
    let url = format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    let mut r = match &post {
        Some(body) => client.post(url).json(body),
        None => client.get(url),
    }
    .header("accept", "application/vnd.github+json");
    if version {
        r = r.header("x-github-api-version", "2022-11-28");
    }
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    Reply {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
    }
}

async fn get(base: &str, path: &str) -> Reply {
    send(base, path, Some(TOKEN), true, None).await
}

#[tokio::test]
async fn headers_and_token_are_checked() {
    let server = spawn_github(northwind(), TOKEN).await;
    let base = server.base_url.as_str();
    let r = send(
        base,
        "repos/northwind/platform/issues",
        Some("ghp_wrong"),
        true,
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.body.clone()),
        (401, json!({"message": "Bad credentials"}))
    );
    let r = send(base, "repos/northwind/platform/issues", None, true, None).await;
    assert_eq!(r.body["message"], "Requires authentication");
    let r = send(
        base,
        "repos/northwind/platform/issues",
        Some(TOKEN),
        false,
        None,
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.body);
    let r = get(base, "repos/northwind/platform").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["x-ratelimit-resource"], "core");
    assert_eq!(r.headers["x-ratelimit-limit"], "5000");
    assert_eq!(r.body["full_name"], "northwind/platform");
    let r = get(base, "repos/northwind/nope/issues/1").await;
    assert_eq!(
        (r.status, r.body["message"].as_str()),
        (404, Some("Not Found"))
    );
}

#[tokio::test]
async fn pages_link_to_the_repository_id_form_under_a_prefix() {
    let options = GitHubOptions {
        path_prefix: Some("/api/v3".into()),
        max_per_page: Some(3),
        ..GitHubOptions::default()
    };
    let server = spawn_github_with(northwind(), TOKEN, options).await;
    let api = server.base_url.join("api/v3").unwrap();
    let r = get(
        api.as_str(),
        "repos/northwind/platform/issues?state=all&per_page=50",
    )
    .await;
    assert_eq!(r.body.as_array().unwrap().len(), 3);
    let link = r.headers["link"].to_str().unwrap();
    let id = code_host().repo("platform").unwrap().id;
    let next =
        format!("<{api}/repositories/{id}/issues?state=all&per_page=50&page=2>; rel=\"next\"");
    assert!(link.starts_with(&next), "{link}");
    let r = get(
        api.as_str(),
        &format!("repositories/{id}/issues?state=all&per_page=50&page=2"),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.headers["link"].to_str().unwrap().contains("rel=\"prev\""));
    let r = get(server.base_url.as_str(), "repos/northwind/platform").await;
    assert_eq!(r.status, 404, "nothing outside the prefix");
}

#[tokio::test]
async fn search_has_its_own_primary_limit() {
    let options = GitHubOptions {
        search_per_minute: 2,
        ..GitHubOptions::default()
    };
    let server = spawn_github_with(northwind(), TOKEN, options).await;
    let base = server.base_url.as_str();
    let q = "search/issues?q=label:customer:acme-robotics+is:open";
    let r = get(base, q).await;
    assert_eq!(
        r.body["total_count"], 4,
        "three issues and the fix PR: {}",
        r.body
    );
    assert_eq!(r.headers["x-ratelimit-resource"], "search");
    get(base, q).await;
    let r = get(base, q).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.headers["x-ratelimit-remaining"], "0");
    assert!(r.body["message"]
        .as_str()
        .unwrap()
        .starts_with("API rate limit exceeded"));
    assert_eq!(
        get(base, "repos/northwind/web").await.status,
        200,
        "core is separate"
    );
}

#[tokio::test]
async fn created_issues_are_recorded_and_served() {
    let options = GitHubOptions::default();
    let created = options.created.clone();
    let server = spawn_github_with(northwind(), TOKEN, options).await;
    let base = server.base_url.as_str();
    let post = |body: Value| {
        send(
            base,
            "repos/northwind/web/issues",
            Some(TOKEN),
            true,
            Some(body),
        )
    };
    let r = post(json!({"title": " "})).await;
    assert_eq!(
        (r.status, r.body["errors"][0]["code"].as_str()),
        (422, Some("missing_field"))
    );
    let r = post(json!({"title": "Export fails", "body": "Details", "labels": ["bug", "customer:acme-robotics"]})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["number"], 236);
    assert_eq!(r.body["user"]["login"], "northwind-switchboard");
    assert!(r.headers["location"]
        .to_str()
        .unwrap()
        .ends_with("/repos/northwind/web/issues/236"));
    assert_eq!(created.len(), 1);
    assert_eq!(
        created.all()[0].customer.as_deref(),
        Some("acme-robotics.example")
    );
    let r = get(base, "repos/northwind/web/issues/236").await;
    assert_eq!(r.body["title"], "Export fails");
}
