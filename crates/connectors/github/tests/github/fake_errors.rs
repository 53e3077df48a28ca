//! The fake's error answers have the recorded shapes: 401, the primary
//! and secondary rate limits, 422 validation, and 404.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_github::model::ErrorBody;
use switchboard_testkit::fake::github::GitHubOptions;
use switchboard_testkit::fake::Fault;
use switchboard_upstream::UpstreamRequest;

use crate::common::{env_with, TOKEN};
use crate::fake_shapes::{fixture, same_keys, Raw};

#[tokio::test]
async fn error_bodies_match_the_recorded_shapes() {
    let env = env_with(GitHubOptions {
        search_per_minute: 2,
        ..GitHubOptions::default()
    })
    .await;
    let raw = Raw::new(&env.api, TOKEN);
    let reply = |path: &str, token: &'static str| {
        let client = reqwest::Client::new();
        let url = env.api.join(path.trim_start_matches('/')).unwrap();
        async move {
            let r = client
                .get(url)
                .bearer_auth(token)
                .header("user-agent", "test")
                .header("accept", "application/vnd.github+json")
                .header("x-github-api-version", "2022-11-28")
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap())
        }
    };
    let (status, body) = reply("/repos/northwind/platform/issues", "ghp_revoked").await;
    assert_eq!(status, 401);
    same_keys(&body, &fixture("error_401.json"), "401");
    assert_eq!(body, fixture("error_401.json"));

    let (status, body) = reply("/search/issues?q=", TOKEN).await;
    assert_eq!(status, 422);
    same_keys(&body, &fixture("error_422.json"), "422");
    same_keys(
        &body["errors"][0],
        &fixture("error_422.json")["errors"][0],
        "422 error entry",
    );
    serde_json::from_value::<ErrorBody>(body).unwrap();

    let (status, _) = reply("/search/issues?q=sso", TOKEN).await;
    assert_eq!(status, 200);
    let (status, body) = reply("/search/issues?q=sso", TOKEN).await;
    assert_eq!(status, 403, "the search window holds two requests");
    same_keys(
        &body,
        &fixture("error_403_primary_rate_limit.json"),
        "primary limit",
    );

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(60),
    });
    let (status, body) = reply("/repos/northwind/platform", TOKEN).await;
    assert_eq!(status, 429);
    same_keys(
        &body,
        &fixture("error_403_secondary_rate_limit.json"),
        "secondary limit",
    );
    env.server.faults.clear();

    let e = raw
        .error(UpstreamRequest::get(
            "/repos/northwind/platform/issues/9999",
        ))
        .await;
    assert_eq!(
        e,
        json!({"kind": "not_found", "status": 404, "message": "GitHub found nothing (HTTP 404): Not Found"})
    );
}
