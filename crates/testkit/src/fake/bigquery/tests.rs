//! The BigQuery fake over HTTP: auth, real queries over the demo tables
//! with named parameters, `f/v` rows, paging, pending jobs, cancellation
//! and error envelopes. (Key-for-key comparison with the recorded
//! fixtures lives in the warehouse connector's tests, which own the model
//! types.)

use serde_json::{json, Value};

use super::*;
use crate::demo::northwind;

const TOKEN: &str = "ya29.demo-bigquery-token";

struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    async fn start(options: BigQueryOptions) -> Api {
        Api {
            server: spawn_bigquery_with(northwind(), TOKEN, options).await,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, rest: &str) -> url::Url {
        let path = format!("bigquery/v2/projects/{PROJECT}/{rest}");
        self.server.base_url.join(&path).unwrap()
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, Value) {
        let r = r.bearer_auth(TOKEN).send().await.unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    async fn get(&self, rest: &str) -> (u16, Value) {
        self.send(self.http.get(self.url(rest))).await
    }

    async fn query(&self, body: Value) -> (u16, Value) {
        self.send(self.http.post(self.url("queries")).json(&body))
            .await
    }
}

#[tokio::test]
async fn queries_run_over_the_demo_tables_with_named_parameters() {
    let api = Api::start(BigQueryOptions::default()).await;
    let (status, body) = api
        .query(json!({
            "query": "SELECT customer_name, arr, renewal_date FROM `northwind-analytics.finance.arr_by_customer` \
                      WHERE tier = @tier AND arr > @min ORDER BY arr DESC",
            "useLegacySql": false,
            "parameterMode": "NAMED",
            "queryParameters": [
                {"name": "tier", "parameterType": {"type": "STRING"}, "parameterValue": {"value": "enterprise"}},
                {"name": "min", "parameterType": {"type": "INT64"}, "parameterValue": {"value": "400000"}}
            ]
        }))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["kind"], "bigquery#queryResponse");
    assert_eq!(body["jobComplete"], true);
    assert_eq!(body["totalRows"], "3");
    assert_eq!(
        body["schema"]["fields"],
        json!([
            {"name": "customer_name", "type": "STRING", "mode": "NULLABLE"},
            {"name": "arr", "type": "INTEGER", "mode": "NULLABLE"},
            {"name": "renewal_date", "type": "DATE", "mode": "NULLABLE"}
        ])
    );
    assert_eq!(
        body["rows"][0],
        json!({"f": [{"v": "Wayne Financial"}, {"v": "520000"}, {"v": "2027-01-15"}]})
    );
}

#[tokio::test]
async fn results_page_and_pending_jobs_complete_after_polls() {
    let api = Api::start(BigQueryOptions {
        page_size: Some(8),
        pending_polls: 2,
        error_reason: None,
    })
    .await;
    let sql = "SELECT customer_domain FROM finance.invoices_summary ORDER BY customer_domain";
    let (_, first) = api
        .query(json!({"query": sql, "useLegacySql": false}))
        .await;
    assert_eq!(first["jobComplete"], false);
    assert!(first.get("rows").is_none() && first.get("schema").is_none());
    let job = first["jobReference"]["jobId"].as_str().unwrap().to_owned();
    let (_, poll) = api.get(&format!("queries/{job}")).await;
    assert_eq!(poll["jobComplete"], false);
    let (_, page) = api.get(&format!("queries/{job}?maxResults=100")).await;
    assert_eq!(
        (page["jobComplete"].as_bool(), page["totalRows"].as_str()),
        (Some(true), Some("20"))
    );
    assert_eq!(
        page["rows"].as_array().unwrap().len(),
        8,
        "capped page size"
    );
    let token = page["pageToken"].as_str().unwrap();
    let (_, next) = api.get(&format!("queries/{job}?pageToken={token}")).await;
    assert_eq!(next["rows"][0]["f"][0]["v"], "lumiere-hotels.example");

    let (_, got) = api.get(&format!("jobs/{job}")).await;
    assert_eq!(got["status"], json!({"state": "DONE"}));
    let (status, body) = api.get("queries/job_nope").await;
    assert_eq!(
        (status, body["error"]["errors"][0]["reason"].as_str()),
        (404, Some("notFound"))
    );
}

#[tokio::test]
async fn errors_use_googles_envelope() {
    let api = Api::start(BigQueryOptions::default()).await;
    let r = api
        .http
        .get(api.url("datasets"))
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    assert!(r.headers().contains_key("www-authenticate"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["status"], "UNAUTHENTICATED");

    let (status, body) = api
        .query(json!({"query": "SELECT * FROM finance.nope", "useLegacySql": false}))
        .await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["errors"][0]["reason"], "notFound");
    let (status, body) = api
        .query(json!({"query": "SELECT nope FROM finance.revenue_by_month", "useLegacySql": false}))
        .await;
    assert_eq!(
        (status, body["error"]["errors"][0]["reason"].as_str()),
        (400, Some("invalidQuery"))
    );
    let (status, _) = api
        .query(json!({"query": "DELETE FROM finance.revenue_by_month", "useLegacySql": false}))
        .await;
    assert_eq!(status, 400, "the fake's data is read-only");

    let api = Api::start(BigQueryOptions {
        error_reason: Some("quotaExceeded"),
        ..Default::default()
    })
    .await;
    let (status, body) = api
        .query(json!({"query": "SELECT 1", "useLegacySql": false}))
        .await;
    assert_eq!(
        (status, body["error"]["errors"][0]["reason"].as_str()),
        (403, Some("quotaExceeded"))
    );
}

#[tokio::test]
async fn catalogue_lists_datasets_tables_and_rows() {
    let api = Api::start(BigQueryOptions::default()).await;
    let (_, list) = api.get("datasets?maxResults=1").await;
    assert_eq!(
        list["datasets"][0]["datasetReference"]["datasetId"],
        "finance"
    );
    assert!(list["nextPageToken"].is_string());
    let (_, tables) = api.get("datasets/hr/tables").await;
    assert_eq!(tables["totalItems"], 2);
    let (_, table) = api.get("datasets/hr/tables/salaries").await;
    assert_eq!(
        table["schema"]["fields"][1],
        json!({"name": "base_salary", "type": "INTEGER", "mode": "REQUIRED"})
    );
    assert_eq!(table["numRows"], "10");
    let (_, data) = api
        .get("datasets/finance/tables/revenue_by_month/data?maxResults=1")
        .await;
    assert_eq!(data["rows"][0]["f"][0]["v"], "2026-01-01");
    assert!(data["pageToken"].is_string());
    let (status, _) = api.get("datasets/nope/tables").await;
    assert_eq!(status, 404);
}
