//! `GET /query?query=<statement>` and `POST /query` (the statement as a
//! `text/plain` or `application/text` body): a statement run over the
//! books, answered as `{"QueryResponse": {...}, "time"}`.

use std::cmp::Ordering;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use super::compare::{cmp_values, matches};
use super::ledger;
use super::query::parse;
use super::render::{self, Form};
use super::{Qbo, Shared};

/// QuickBooks' default and maximum page sizes.
const DEFAULT_MAX: u64 = 100;
const PAGE_CAP: u64 = 1000;

/// (entity, queryable fields as (name, JSON pointer))
type Table = (&'static str, &'static [(&'static str, &'static str)]);

#[rustfmt::skip]
const TABLES: &[Table] = &[
    ("Customer", &[("Id", "/Id"), ("DisplayName", "/DisplayName"), ("CompanyName", "/CompanyName"),
        ("GivenName", "/GivenName"), ("FamilyName", "/FamilyName"), ("PrimaryEmailAddr", "/PrimaryEmailAddr/Address"),
        ("Active", "/Active"), ("Balance", "/Balance"), ("MetaData.CreateTime", "/MetaData/CreateTime"),
        ("MetaData.LastUpdatedTime", "/MetaData/LastUpdatedTime")]),
    ("Invoice", &[("Id", "/Id"), ("DocNumber", "/DocNumber"), ("TxnDate", "/TxnDate"), ("DueDate", "/DueDate"),
        ("CustomerRef", "/CustomerRef/value"), ("Balance", "/Balance"), ("TotalAmt", "/TotalAmt"),
        ("MetaData.CreateTime", "/MetaData/CreateTime"), ("MetaData.LastUpdatedTime", "/MetaData/LastUpdatedTime")]),
    ("Payment", &[("Id", "/Id"), ("TxnDate", "/TxnDate"), ("CustomerRef", "/CustomerRef/value"), ("TotalAmt", "/TotalAmt")]),
    ("Account", &[("Id", "/Id"), ("Name", "/Name"), ("AccountType", "/AccountType"),
        ("Classification", "/Classification"), ("Active", "/Active")]),
];

pub(super) async fn get(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let statement = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "query")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    run(&s, &statement)
}

pub(super) async fn post(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !(content_type.starts_with("application/text") || content_type.starts_with("text/plain")) {
        return s.fault(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "ValidationFault",
            "4000",
            "Error parsing query",
            "QueryParserError: a query POST must be sent as application/text",
        );
    }
    run(&s, &String::from_utf8_lossy(&body))
}

fn invalid(s: &Qbo, detail: String) -> Response {
    s.fault(
        StatusCode::BAD_REQUEST,
        "ValidationFault",
        "4001",
        "Invalid query",
        &detail,
    )
}

fn run(s: &Qbo, statement: &str) -> Response {
    let st = match parse(statement) {
        Ok(st) => st,
        Err(detail) => {
            return s.fault(
                StatusCode::BAD_REQUEST,
                "ValidationFault",
                "4000",
                "Error parsing query",
                &detail,
            )
        }
    };
    let Some(&(entity, fields)) = TABLES
        .iter()
        .find(|(e, _)| e.eq_ignore_ascii_case(&st.entity))
    else {
        return invalid(
            s,
            format!("QueryValidationError: Unknown entity {}", st.entity),
        );
    };
    let pointer = |name: &str| {
        fields
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(name))
            .map(|(_, p)| *p)
    };
    let mut conds = Vec::new();
    for c in &st.conds {
        match pointer(&c.field) {
            Some(p) => conds.push((p, c)),
            None => {
                return invalid(
                    s,
                    format!(
                        "QueryValidationError: property '{}' is not queryable",
                        c.field
                    ),
                )
            }
        }
    }
    let mut order = Vec::new();
    for (field, desc) in &st.order {
        match pointer(field) {
            Some(p) => order.push((p, *desc)),
            None => {
                return invalid(
                    s,
                    format!("QueryValidationError: property '{field}' is not sortable"),
                )
            }
        }
    }
    let b = &s.books;
    let rows: Vec<Value> = match entity {
        "Customer" => b
            .customers
            .iter()
            .map(|c| render::customer(b, c, Form::Query))
            .collect(),
        "Invoice" => b
            .invoices
            .iter()
            .map(|i| render::invoice(b, i, Form::Query))
            .collect(),
        "Payment" => b.payments.iter().map(|p| ledger::payment(b, p)).collect(),
        _ => b.accounts.iter().map(|a| ledger::account(b, a)).collect(),
    };
    let mut rows: Vec<Value> = rows
        .into_iter()
        .filter(|row| conds.iter().all(|(p, c)| matches(row.pointer(p), c)))
        .collect();
    rows.sort_by(|a, b| {
        for (p, desc) in &order {
            let o = cmp_values(a.pointer(p), b.pointer(p));
            if o != Ordering::Equal {
                return if *desc { o.reverse() } else { o };
            }
        }
        cmp_values(a.pointer("/Id"), b.pointer("/Id"))
    });
    let total = rows.len();
    if st.count {
        return s.json(
            StatusCode::OK,
            &json!({"QueryResponse": {"totalCount": total}, "time": s.time()}),
        );
    }
    let start = st.start.unwrap_or(1).max(1);
    let max = st.max.unwrap_or(DEFAULT_MAX).min(PAGE_CAP);
    let page: Vec<Value> = rows
        .into_iter()
        .skip(start as usize - 1)
        .take(max as usize)
        .collect();
    let mut response = Map::new();
    if !page.is_empty() {
        let shown = page.len();
        response.insert(entity.to_owned(), Value::Array(page));
        response.insert("startPosition".into(), json!(start));
        response.insert("maxResults".into(), json!(shown));
        // The recordings carry `totalCount` only on a page that reaches
        // the last row.
        if start as usize - 1 + shown >= total {
            response.insert("totalCount".into(), json!(total));
        }
    }
    s.json(
        StatusCode::OK,
        &json!({"QueryResponse": response, "time": s.time()}),
    )
}
