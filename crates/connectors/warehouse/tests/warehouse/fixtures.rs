//! Every recorded payload parses into the model verbatim, and the shaping
//! turns the recordings into the expected values.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_core::ErrorKind;
use switchboard_warehouse::backend::bigquery::cells;
use switchboard_warehouse::backend::bigquery::client::{reason_error, vendor_message};
use switchboard_warehouse::model::bigquery::*;
use switchboard_warehouse::model::starrocks;
use switchboard_warehouse::output::QueryOutput;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below.
fn parse(name: &str, text: &str) -> Result<(), String> {
    use serde_json::from_str;
    let e = |e: serde_json::Error| e.to_string();
    match name {
        "bigquery/datasets_get.json" => from_str::<Dataset>(text).map(drop).map_err(e),
        "bigquery/datasets_list.json" => from_str::<DatasetList>(text).map(drop).map_err(e),
        "bigquery/error_403_quota_docs.json" => from_str::<ErrorBody>(text).map(drop).map_err(e),
        "bigquery/jobs_get.json"
        | "bigquery/jobs_insert.json"
        | "bigquery/jobs_get_error_access_denied.json" => {
            from_str::<Job>(text).map(drop).map_err(e)
        }
        "bigquery/jobs_list_full.json" => from_str::<JobList>(text).map(drop).map_err(e),
        "bigquery/jobs_query.json" => from_str::<QueryResponse>(text).map(drop).map_err(e),
        "bigquery/tabledata_list.json" | "bigquery/tabledata_list_page2.json" => {
            from_str::<TableDataList>(text).map(drop).map_err(e)
        }
        "bigquery/tables_get.json" => from_str::<Table>(text).map(drop).map_err(e),
        "bigquery/tables_list.json" => from_str::<TableList>(text).map(drop).map_err(e),
        "starrocks/http_sql_error_failed_docs.json" => {
            from_str::<starrocks::Line>(text).map(drop).map_err(e)
        }
        "starrocks/http_sql_select_agg.ndjson" | "starrocks/http_sql_select_iceberg.ndjson" => {
            starrocks::parse(text).map(drop)
        }
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

fn names() -> Vec<String> {
    let mut names = Vec::new();
    for service in ["bigquery", "starrocks"] {
        for entry in std::fs::read_dir(dir().join(service)).unwrap() {
            names.push(format!(
                "{service}/{}",
                entry.unwrap().file_name().into_string().unwrap()
            ));
        }
    }
    names.sort();
    names
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = names();
    assert_eq!(names.len(), 15, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/upstream-fixtures");
    if !shared.exists() {
        eprintln!("skipped: {} is not present", shared.display());
        return;
    }
    for name in names() {
        assert_eq!(
            std::fs::read(shared.join(&name)).unwrap(),
            std::fs::read(dir().join(&name)).unwrap(),
            "{name} drifted"
        );
    }
}

#[test]
fn query_results_become_records() {
    let raw: QueryResponse = load("bigquery/jobs_query.json");
    assert!(raw.job_complete);
    assert_eq!(raw.job_reference.job_id, "job_86V_-s5k_EyN3Fuk8ym03nItDrM");
    let result = cells::result_set(raw.schema.as_ref().unwrap(), &raw.rows);
    let out = QueryOutput::from_result(result);
    assert_eq!(
        serde_json::to_value(&out).unwrap(),
        json!({
            "columns": ["f0_"], "rows": [{"f0_": 17}], "row_count": 1, "truncated": false
        })
    );

    let page1: TableDataList = load("bigquery/tabledata_list.json");
    let page2: TableDataList = load("bigquery/tabledata_list_page2.json");
    assert_eq!(page1.total_rows.as_deref(), Some("100"));
    assert_ne!(page1.page_token, page2.page_token);
    let table: Table = load("bigquery/tables_get.json");
    let schema = table.schema.unwrap();
    assert_eq!(
        (
            schema.fields[0].name.as_str(),
            schema.fields[0].type_name.as_str()
        ),
        ("foo", "STRING")
    );
    assert_eq!(
        cells::rows(&schema, &page1.rows),
        vec![vec![json!("1")]],
        "STRING stays a string"
    );
    let list: TableList = load("bigquery/tables_list.json");
    assert_eq!(list.tables[0].table_reference.table_id, "table1");
    assert_eq!(list.next_page_token.as_deref(), Some("table1"));
}

#[test]
fn jobs_and_errors_map_to_error_kinds() {
    let failed: Job = load("bigquery/jobs_get_error_access_denied.json");
    assert_eq!(failed.status.state, "DONE");
    let err = reason_error(failed.status.error_result.as_ref().unwrap());
    assert_eq!(err.kind, ErrorKind::UpstreamDenied);
    assert_eq!(err.message, "BigQuery: Access Denied: Table publicdata:samples.mypersonaltable: CREATE_TABLE [accessDenied]");
    let running: Job = load("bigquery/jobs_insert.json");
    assert_eq!(
        (
            running.status.state.as_str(),
            running.status.error_result.is_none()
        ),
        ("RUNNING", true)
    );
    let done: Job = load("bigquery/jobs_get.json");
    assert_eq!(done.statistics.end_time.as_deref(), Some("1394522713054"));
    let list: JobList = load("bigquery/jobs_list_full.json");
    assert_eq!(
        list.jobs[0].user_email.as_deref(),
        Some("jtigani@gmail.com")
    );

    let quota: ErrorBody = load("bigquery/error_403_quota_docs.json");
    let err = reason_error(&quota.errors[0]);
    assert_eq!(
        (err.kind, err.retry_after.map(|d| d.as_secs())),
        (ErrorKind::RateLimited, Some(600))
    );
    // On the wire the documented body is the value of `error`.
    let wire = json!({"error": serde_json::from_str::<Value>(&text("bigquery/error_403_quota_docs.json")).unwrap()});
    assert_eq!(
        vendor_message(&wire).as_deref(),
        Some("Quota exceeded: ... [quotaExceeded]")
    );

    let dataset: Dataset = load("bigquery/datasets_get.json");
    assert_eq!(dataset.dataset_reference.dataset_id, "scratch");
    let datasets: DatasetList = load("bigquery/datasets_list.json");
    assert_eq!(datasets.datasets[0].id, "bigquery-e2e:application_logs");
}

#[test]
fn starrocks_results_become_records() {
    let agg = starrocks::parse(&text("starrocks/http_sql_select_agg.ndjson")).unwrap();
    let out = QueryOutput::from_result(agg);
    assert_eq!(out.columns, ["no", "k", "v"]);
    assert_eq!(out.row_count, 5);
    assert_eq!(
        Value::Object(out.rows[1].clone()),
        json!({"no": 2, "k": 10.0, "v": 11.0})
    );
    assert_eq!(out.rows[0]["v"], Value::Null);
    let iceberg = starrocks::parse(&text("starrocks/http_sql_select_iceberg.ndjson")).unwrap();
    assert_eq!(
        iceberg.rows,
        vec![vec![json!(1), json!(2)], vec![json!(1), json!(1)]]
    );
    assert_eq!(iceberg.bytes_processed, Some(0));
    let failed = starrocks::parse(&text("starrocks/http_sql_error_failed_docs.json")).unwrap_err();
    assert_eq!(failed, "StarRocks FAILED: xxx");
    let cut = text("starrocks/http_sql_select_iceberg.ndjson")
        .lines()
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        starrocks::parse(&cut).unwrap_err(),
        "the result stream ended early"
    );
}
