//! The catalogue: datasets, tables with their schemas, and
//! `tabledata.list`, served from the demo warehouse's tables.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::render::{page_token, parse_page_token, rows};
use super::{check_project, error, etag, json_response, Shared, PROJECT};
use crate::demo::warehouse::{Cell, Table};

type Params = Query<HashMap<String, String>>;

const SELF: &str = "https://bigquery.googleapis.com/bigquery/v2/projects";

fn datasets_of(s: &Shared) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = s.engine.tables().iter().map(|t| t.dataset).collect();
    names.dedup();
    names
}

fn offset(q: &HashMap<String, String>) -> Result<usize, Box<Response>> {
    match q.get("pageToken") {
        None => Ok(0),
        Some(t) => parse_page_token(t).ok_or_else(|| {
            Box::new(error(
                StatusCode::BAD_REQUEST,
                "invalid",
                "Invalid page token",
            ))
        }),
    }
}

fn dataset_not_found(dataset: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "notFound",
        &format!("Not found: Dataset {PROJECT}:{dataset}"),
    )
}

/// GET `projects/{p}/datasets`, paged by `maxResults` / `pageToken`.
pub(super) async fn datasets(
    State(s): State<Shared>,
    Path(project): Path<String>,
    Query(q): Params,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    let start = match offset(&q) {
        Ok(o) => o,
        Err(r) => return *r,
    };
    let names = datasets_of(&s);
    let size = s.page_size(q.get("maxResults").and_then(|m| m.parse().ok()), 50);
    let page: Vec<Value> = names
        .iter()
        .skip(start)
        .take(size)
        .map(|d| {
            json!({"kind": "bigquery#dataset", "id": format!("{PROJECT}:{d}"),
                        "datasetReference": {"datasetId": d, "projectId": PROJECT}})
        })
        .collect();
    let mut body = json!({"kind": "bigquery#datasetList", "etag": etag(&format!("datasets{start}")), "datasets": page});
    if start + size < names.len() {
        body["nextPageToken"] = json!(page_token(start + size));
    }
    json_response(StatusCode::OK, &body)
}

/// GET `projects/{p}/datasets/{d}`.
pub(super) async fn dataset(
    State(s): State<Shared>,
    Path((project, dataset)): Path<(String, String)>,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    if !datasets_of(&s).contains(&dataset.as_str()) {
        return dataset_not_found(&dataset);
    }
    let created = s.millis(-86_400 * 400);
    json_response(
        StatusCode::OK,
        &json!({
            "kind": "bigquery#dataset",
            "etag": etag(&dataset),
            "id": format!("{PROJECT}:{dataset}"),
            "selfLink": format!("{SELF}/{PROJECT}/datasets/{dataset}"),
            "datasetReference": {"datasetId": dataset, "projectId": PROJECT},
            "access": [
                {"role": "READER", "specialGroup": "projectReaders"},
                {"role": "WRITER", "specialGroup": "projectWriters"},
                {"role": "OWNER", "specialGroup": "projectOwners"}
            ],
            "creationTime": created,
            "lastModifiedTime": created,
        }),
    )
}

fn table_ref(t: &Table) -> Value {
    json!({"projectId": PROJECT, "datasetId": t.dataset, "tableId": t.name})
}

/// GET `projects/{p}/datasets/{d}/tables`, paged.
pub(super) async fn tables(
    State(s): State<Shared>,
    Path((project, dataset)): Path<(String, String)>,
    Query(q): Params,
) -> Response {
    if let Err(r) = check_project(&project) {
        return *r;
    }
    if !datasets_of(&s).contains(&dataset.as_str()) {
        return dataset_not_found(&dataset);
    }
    let start = match offset(&q) {
        Ok(o) => o,
        Err(r) => return *r,
    };
    let all: Vec<&Table> = s
        .engine
        .tables()
        .iter()
        .filter(|t| t.dataset == dataset)
        .collect();
    let size = s.page_size(q.get("maxResults").and_then(|m| m.parse().ok()), 50);
    let page: Vec<Value> = all
        .iter()
        .skip(start)
        .take(size)
        .map(|t| {
            json!({"kind": "bigquery#table", "id": format!("{PROJECT}:{}.{}", t.dataset, t.name),
                        "tableReference": table_ref(t), "type": "TABLE"})
        })
        .collect();
    let mut body = json!({"kind": "bigquery#tableList", "etag": etag(&format!("{dataset}{start}")),
                          "tables": page, "totalItems": all.len()});
    if start + size < all.len() {
        body["nextPageToken"] = json!(page_token(start + size));
    }
    json_response(StatusCode::OK, &body)
}

fn find<'a>(
    s: &'a Shared,
    project: &str,
    dataset: &str,
    table: &str,
) -> Result<&'a Table, Box<Response>> {
    check_project(project)?;
    s.engine.table(dataset, table).ok_or_else(|| {
        Box::new(error(
            StatusCode::NOT_FOUND,
            "notFound",
            &format!("Not found: Table {PROJECT}:{dataset}.{table}"),
        ))
    })
}

/// GET `projects/{p}/datasets/{d}/tables/{t}`: the table with its schema.
pub(super) async fn table(
    State(s): State<Shared>,
    Path((project, dataset, table)): Path<(String, String, String)>,
) -> Response {
    let t = match find(&s, &project, &dataset, &table) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let fields: Vec<Value> = t
        .columns
        .iter()
        .map(|c| json!({"name": c.name, "type": c.ty.bigquery(), "mode": if c.nullable { "NULLABLE" } else { "REQUIRED" }}))
        .collect();
    let created = s.millis(-86_400 * 30);
    json_response(
        StatusCode::OK,
        &json!({
            "kind": "bigquery#table",
            "etag": etag(&format!("{dataset}.{table}")),
            "id": format!("{PROJECT}:{dataset}.{table}"),
            "selfLink": format!("{SELF}/{PROJECT}/datasets/{dataset}/tables/{table}"),
            "tableReference": table_ref(t),
            "schema": {"fields": fields},
            "numBytes": ((t.rows.len() * t.columns.len() * 16) as u64).to_string(),
            "numRows": t.rows.len().to_string(),
            "creationTime": created,
            "lastModifiedTime": created,
            "type": "TABLE",
        }),
    )
}

/// GET `projects/{p}/datasets/{d}/tables/{t}/data` (tabledata.list).
pub(super) async fn table_data(
    State(s): State<Shared>,
    Path((project, dataset, table)): Path<(String, String, String)>,
    Query(q): Params,
) -> Response {
    let t = match find(&s, &project, &dataset, &table) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let start = match q
        .get("startIndex")
        .and_then(|i| i.parse().ok())
        .map_or_else(|| offset(&q), Ok)
    {
        Ok(o) => o,
        Err(r) => return *r,
    };
    let size = s.page_size(q.get("maxResults").and_then(|m| m.parse().ok()), 100_000);
    let cells: Vec<Vec<Option<String>>> = t
        .rows
        .iter()
        .skip(start)
        .take(size)
        .map(|r| r.iter().map(Cell::bigquery_value).collect())
        .collect();
    let mut body = json!({"kind": "bigquery#tableDataList", "etag": etag(&format!("{table}{start}")),
                          "totalRows": t.rows.len().to_string()});
    if start + size < t.rows.len() {
        body["pageToken"] = json!(page_token(start + size));
    }
    body["rows"] = rows(&cells);
    json_response(StatusCode::OK, &body)
}
