//! The fake BigQuery answers with payloads of the recorded shapes: the
//! same keys as each fixture (the 2014 recordings; where today's API adds
//! a documented field, e.g. `status` in error envelopes or `mode` in
//! schema fields, the fake may add it), and the same model types parse
//! both.

use std::collections::BTreeSet;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::bigquery::{spawn_bigquery_with, BigQueryOptions, PROJECT};
use switchboard_testkit::fake::FakeServer;
use switchboard_warehouse::model::bigquery::*;

use crate::bigquery::TOKEN;

pub fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bigquery")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

/// Same keys at the top level and in each listed child object.
pub fn same_keys(fake: &Value, recorded: &Value, children: &[&str], what: &str) {
    assert_eq!(keys(fake), keys(recorded), "{what}: top-level keys");
    for child in children {
        let (f, r) = (
            fake.pointer(child).unwrap(),
            recorded.pointer(child).unwrap(),
        );
        assert_eq!(keys(f), keys(r), "{what}: keys of {child}");
    }
}

pub fn parses<T: DeserializeOwned>(v: &Value) {
    serde_json::from_value::<T>(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
}

pub struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    pub async fn start(options: BigQueryOptions) -> Api {
        Api {
            server: spawn_bigquery_with(northwind(), TOKEN, options).await,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, rest: &str) -> url::Url {
        self.server
            .base_url
            .join(&format!("bigquery/v2/projects/{PROJECT}/{rest}"))
            .unwrap()
    }

    pub async fn get(&self, rest: &str) -> Value {
        let r = self
            .http
            .get(self.url(rest))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        r.json().await.unwrap()
    }

    pub async fn post(&self, rest: &str, body: Value) -> Value {
        let r = self
            .http
            .post(self.url(rest))
            .bearer_auth(TOKEN)
            .json(&body)
            .send()
            .await
            .unwrap();
        r.json().await.unwrap()
    }
}

#[tokio::test]
async fn query_and_job_payloads_match_the_recordings() {
    let api = Api::start(BigQueryOptions::default()).await;
    let query = api
        .post(
            "queries",
            json!({"query": "SELECT 17", "useLegacySql": false}),
        )
        .await;
    let recorded = fixture("jobs_query.json");
    same_keys(
        &query,
        &recorded,
        &[
            "/jobReference",
            "/schema",
            "/schema/fields/0",
            "/rows/0",
            "/rows/0/f/0",
        ],
        "jobs.query",
    );
    parses::<QueryResponse>(&query);
    assert_eq!(
        query["rows"][0]["f"][0]["v"], "17",
        "INT64 travels as a string"
    );

    let id = query["jobReference"]["jobId"].as_str().unwrap();
    let job = api.get(&format!("jobs/{id}")).await;
    same_keys(
        &job,
        &fixture("jobs_get.json"),
        &[
            "/jobReference",
            "/configuration/query",
            "/configuration/query/destinationTable",
            "/status",
            "/statistics",
            "/statistics/query",
        ],
        "jobs.get",
    );
    parses::<Job>(&job);

    let list = api.get("jobs?maxResults=1&projection=full").await;
    assert!(list.get("nextPageToken").is_none(), "one job only");
    api.post(
        "queries",
        json!({"query": "SELECT 18", "useLegacySql": false}),
    )
    .await;
    let list = api.get("jobs?maxResults=1&projection=full").await;
    same_keys(
        &list,
        &fixture("jobs_list_full.json"),
        &["/jobs/0", "/jobs/0/statistics", "/jobs/0/status"],
        "jobs.list",
    );
    parses::<JobList>(&list);

    let pending = Api::start(BigQueryOptions {
        pending_polls: 3,
        ..Default::default()
    })
    .await;
    let inserted = pending
        .post(
            "jobs",
            json!({"configuration": {"query": {"query": "SELECT 17", "useLegacySql": false}}}),
        )
        .await;
    same_keys(
        &inserted,
        &fixture("jobs_insert.json"),
        &["/status", "/statistics", "/configuration/query"],
        "jobs.insert",
    );
    parses::<Job>(&inserted);

    let failed = api.post("jobs", json!({"configuration": {"query": {"query": "SELECT * FROM finance.nope", "useLegacySql": false}}})).await;
    let id = failed["jobReference"]["jobId"].as_str().unwrap();
    let failed = api.get(&format!("jobs/{id}")).await;
    let recorded = fixture("jobs_get_error_access_denied.json");
    assert_eq!(
        keys(&failed["status"]),
        keys(&recorded["status"]),
        "a failed job's status"
    );
    assert_eq!(
        keys(&failed["status"]["errorResult"]),
        keys(&recorded["status"]["errorResult"])
    );
    let parsed: Job = serde_json::from_value(failed).unwrap();
    assert_eq!(
        parsed.status.error_result.unwrap().reason.as_deref(),
        Some("notFound")
    );
}
