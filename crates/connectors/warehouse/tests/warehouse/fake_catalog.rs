//! The fake's catalogue and error payloads against the recordings.

use std::path::Path;

use serde_json::{json, Value};
use switchboard_testkit::fake::bigquery::BigQueryOptions;
use switchboard_warehouse::model::bigquery::*;

use crate::fake_shapes::{fixture, keys, parses, same_keys, Api};

#[tokio::test]
async fn catalogue_payloads_match_the_recordings() {
    let api = Api::start(BigQueryOptions::default()).await;
    let datasets = api.get("datasets?maxResults=1").await;
    same_keys(
        &datasets,
        &fixture("datasets_list.json"),
        &["/datasets/0", "/datasets/0/datasetReference"],
        "datasets.list",
    );
    parses::<DatasetList>(&datasets);
    let dataset = api.get("datasets/finance").await;
    same_keys(
        &dataset,
        &fixture("datasets_get.json"),
        &["/datasetReference", "/access/0"],
        "datasets.get",
    );
    parses::<Dataset>(&dataset);

    let tables = api.get("datasets/finance/tables?maxResults=1").await;
    same_keys(
        &tables,
        &fixture("tables_list.json"),
        &["/tables/0", "/tables/0/tableReference"],
        "tables.list",
    );
    parses::<TableList>(&tables);
    let table = api.get("datasets/finance/tables/revenue_by_month").await;
    let recorded = fixture("tables_get.json");
    same_keys(
        &table,
        &recorded,
        &["/tableReference", "/schema"],
        "tables.get",
    );
    assert!(
        keys(&table["schema"]["fields"][0]).is_superset(&keys(&recorded["schema"]["fields"][0]))
    );
    parses::<Table>(&table);

    let page1 = api
        .get("datasets/finance/tables/revenue_by_month/data?maxResults=1")
        .await;
    same_keys(
        &page1,
        &fixture("tabledata_list.json"),
        &["/rows/0", "/rows/0/f/0"],
        "tabledata.list",
    );
    let token = page1["pageToken"].as_str().unwrap();
    let page2 = api
        .get(&format!(
            "datasets/finance/tables/revenue_by_month/data?maxResults=1&pageToken={token}"
        ))
        .await;
    same_keys(
        &page2,
        &fixture("tabledata_list_page2.json"),
        &["/rows/0"],
        "tabledata.list page 2",
    );
    parses::<TableDataList>(&page2);
    assert_eq!(page2["rows"][0]["f"][0]["v"], "2026-02-01");
}

#[tokio::test]
async fn error_bodies_match_the_documented_shape() {
    let api = Api::start(BigQueryOptions {
        error_reason: Some("quotaExceeded"),
        ..Default::default()
    })
    .await;
    let body = api
        .post(
            "queries",
            json!({"query": "SELECT 1", "useLegacySql": false}),
        )
        .await;
    let documented = Value::Object(
        serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/bigquery/error_403_quota_docs.json"),
            )
            .unwrap(),
        )
        .unwrap(),
    );
    let error = &body["error"];
    assert!(keys(error).is_superset(&keys(&documented)), "{error}");
    assert_eq!(keys(&error["errors"][0]), keys(&documented["errors"][0]));
    assert_eq!(error["errors"][0]["reason"], "quotaExceeded");
    parses::<ErrorEnvelope>(&body);
}
