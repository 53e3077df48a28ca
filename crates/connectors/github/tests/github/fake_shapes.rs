//! The fake GitHub answers the recorded requests with payloads of the
//! recorded shapes: the same keys at the top level and in the embedded
//! users, labels, branches and repositories, and the same model types
//! parse both. (Pull requests listed as issues add `draft` and
//! `pull_request`, as GitHub's published schema has it; no recording
//! lists one.)

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use switchboard_core::CallContext;
use switchboard_github::model::*;
use switchboard_upstream::{
    Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest, UpstreamResponse,
};

use crate::common::{env, TOKEN};

pub(crate) fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

pub(crate) fn same_keys(fake: &Value, recorded: &Value, what: &str) {
    assert_eq!(keys(fake), keys(recorded), "{what}");
}

/// A plain client with GitHub's headers, to see the fake's raw payloads.
pub(crate) struct Raw {
    client: UpstreamClient,
    ctx: CallContext,
}

impl Raw {
    pub(crate) fn new(api: &url::Url, token: &str) -> Raw {
        let mut config =
            UpstreamConfig::new("GitHub", api.clone(), Auth::Bearer(Secret::new(token)));
        config.retry.max_attempts = 1;
        for (k, v) in [
            ("accept", "application/vnd.github+json"),
            ("x-github-api-version", "2022-11-28"),
        ] {
            config
                .default_headers
                .push((k.parse().unwrap(), v.parse().unwrap()));
        }
        let principal = switchboard_testkit::principal("engineering@demo", &[]);
        Raw {
            client: UpstreamClient::new(config).unwrap(),
            ctx: CallContext::for_principal(principal, Instant::now() + Duration::from_secs(10)),
        }
    }

    pub(crate) async fn get(&self, path: &str) -> (Value, UpstreamResponse) {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let mut request = UpstreamRequest::get(path);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap();
            request = request.query(k, v.replace('+', " "));
        }
        let response = self.client.send(&self.ctx, request).await.unwrap();
        (serde_json::from_slice(&response.body).unwrap(), response)
    }

    /// The kind, status and message of an error answer.
    pub(crate) async fn error(&self, request: UpstreamRequest) -> Value {
        let e = self.client.send(&self.ctx, request).await.unwrap_err();
        json!({"kind": e.kind.as_str(), "status": e.upstream_status, "message": e.message})
    }
}

#[tokio::test]
async fn issues_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.api, TOKEN);
    let recorded_list = fixture("issues_list.json");
    let (list, response) = raw
        .get("/repos/northwind/platform/issues?state=all&per_page=100")
        .await;
    assert!(
        response.headers.get("link").is_none(),
        "one page holds them all"
    );
    let items = list.as_array().unwrap();
    let (pulls, issues): (Vec<&Value>, Vec<&Value>) =
        items.iter().partition(|i| i.get("pull_request").is_some());
    assert_eq!((issues.len(), pulls.len()), (12, 5));
    for item in &issues {
        same_keys(item, &recorded_list[0], "issue in a list");
        same_keys(&item["user"], &recorded_list[0]["user"], "list user");
    }
    let mut with_pr = keys(&recorded_list[0]);
    with_pr.extend(["draft".to_owned(), "pull_request".to_owned()]);
    assert!(pulls.iter().all(|p| keys(p) == with_pr));
    serde_json::from_value::<Vec<Issue>>(list.clone()).unwrap();

    let recorded = fixture("issues_get.json");
    let (one, _) = raw.get("/repos/northwind/platform/issues/412").await;
    same_keys(&one, &recorded, "issue get");
    same_keys(&one["user"], &recorded["user"], "get user");
    same_keys(&one["labels"][0], &recorded["labels"][0], "label");
    same_keys(&one["reactions"], &recorded["reactions"], "reactions");
    assert_eq!(one["labels"].as_array().unwrap().len(), 4);
    assert_eq!(one["user"]["login"], "sofia-reyes");
    serde_json::from_value::<Issue>(one).unwrap();

    let recorded = fixture("issue_comments_list.json");
    let (comments, _) = raw
        .get("/repos/northwind/platform/issues/412/comments")
        .await;
    assert_eq!(comments.as_array().unwrap().len(), 3);
    same_keys(&comments[0], &recorded[0], "comment");
    same_keys(&comments[0]["user"], &recorded[0]["user"], "comment user");
    serde_json::from_value::<Vec<Comment>>(comments).unwrap();

    let recorded = fixture("search_issues.json");
    let (found, response) = raw
        .get("/search/issues?q=label:customer:acme-robotics+is:issue")
        .await;
    assert_eq!(response.headers["x-ratelimit-resource"], "search");
    same_keys(&found, &recorded, "search");
    assert_eq!(found["total_count"], 3);
    same_keys(&found["items"][0], &recorded["items"][0], "search item");
    same_keys(
        &found["items"][0]["user"],
        &recorded["items"][0]["user"],
        "search user",
    );
    serde_json::from_value::<SearchResponse<Issue>>(found).unwrap();
}

#[tokio::test]
async fn pull_requests_and_repositories_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.api, TOKEN);
    let recorded = fixture("pulls_get.json");
    let (pull, _) = raw.get("/repos/northwind/platform/pulls/418").await;
    same_keys(&pull, &recorded, "pull get");
    for side in ["head", "base"] {
        same_keys(&pull[side], &recorded[side], side);
        same_keys(
            &pull[side]["repo"],
            &recorded[side]["repo"],
            "pull get repo",
        );
        same_keys(
            &pull[side]["repo"]["owner"],
            &recorded[side]["repo"]["owner"],
            "repo owner",
        );
    }
    same_keys(&pull["_links"], &recorded["_links"], "_links");
    same_keys(&pull["user"], &recorded["user"], "author");
    assert_eq!(
        (pull["additions"].as_u64(), pull["mergeable_state"].as_str()),
        (Some(212), Some("clean"))
    );
    serde_json::from_value::<PullRequest>(pull).unwrap();

    let recorded = fixture("pulls_list.json");
    let (list, _) = raw.get("/repos/northwind/platform/pulls?state=all").await;
    assert_eq!(list.as_array().unwrap().len(), 5);
    for p in list.as_array().unwrap() {
        same_keys(p, &recorded[0], "pull in a list");
        same_keys(
            &p["head"]["repo"],
            &recorded[0]["head"]["repo"],
            "pull list repo",
        );
    }
    serde_json::from_value::<Vec<PullRequest>>(list).unwrap();

    let recorded = fixture("repos_get.json");
    let (repo, _) = raw
        .get("/repos/northwind/terraform-provider-northwind")
        .await;
    same_keys(&repo, &recorded, "repo get");
    same_keys(&repo["owner"], &recorded["owner"], "repo owner");
    same_keys(
        &repo["organization"],
        &recorded["organization"],
        "organization",
    );
    assert_eq!(
        (
            repo["private"].as_bool(),
            repo["license"]["spdx_id"].as_str()
        ),
        (Some(false), Some("MPL-2.0"))
    );
    serde_json::from_value::<Repository>(repo).unwrap();

    // No recording: the published schema's fields the connector reads.
    let (reviews, _) = raw.get("/repos/northwind/platform/pulls/418/reviews").await;
    let reviews: Vec<Review> = serde_json::from_value(reviews).unwrap();
    assert_eq!(
        reviews.iter().map(|r| r.state.as_str()).collect::<Vec<_>>(),
        ["COMMENTED", "APPROVED"]
    );
    let sha = recorded_sha(&raw, 58).await;
    let (runs, _) = raw
        .get(&format!(
            "/repos/northwind/edge-agent/commits/{sha}/check-runs"
        ))
        .await;
    let runs: CheckRunList = serde_json::from_value(runs).unwrap();
    assert_eq!(runs.total_count, 4);
    assert_eq!(runs.check_runs[3].conclusion.as_deref(), Some("failure"));
    let (me, _) = raw.get("/users/erik-lindqvist").await;
    let me: PublicUser = serde_json::from_value(me).unwrap();
    assert_eq!(me.email.as_deref(), Some("engineering@northwind.example"));
}

async fn recorded_sha(raw: &Raw, number: u64) -> String {
    let (p, _) = raw
        .get(&format!("/repos/northwind/edge-agent/pulls/{number}"))
        .await;
    p["head"]["sha"].as_str().unwrap().to_owned()
}
