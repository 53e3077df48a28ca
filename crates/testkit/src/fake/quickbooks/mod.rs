//! A fake QuickBooks Online Accounting API (v3) serving the demo company's
//! books (`demo::billing`) with the real paths, query language, payload
//! shapes and `Fault` bodies (see `upstream-fixtures/quickbooks` and its
//! `SOURCES.md` rows). Everything lives under `/v3/company/{realmId}/`;
//! another realm is refused as QuickBooks refuses it.
//!
//! Where QuickBooks' own behaviour is surprising the fake copies it: an
//! unknown invoice id is a 400 with fault code 610 ("Object Not Found"),
//! an unknown customer id a 400 with code 2010, an empty query result is
//! `"QueryResponse": {}`. Reports follow Intuit's published report schema
//! (no recorded report payload exists).

mod compare;
mod errors;
mod ledger;
mod pnl;
mod query;
mod reads;
mod render;
mod reports;
mod select;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::FakeServer;
use crate::demo::billing::Books;
use crate::demo::DemoCompany;

const CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// Starts a fake QuickBooks Online for `company` on a loopback port,
/// serving realm [`crate::demo::billing::REALM_ID`] and accepting only
/// `Authorization: Bearer <token>`. Balances and aging are as of the
/// company's reference date. Keep the server alive while it is used
/// (dropping it stops it). Must run inside a tokio runtime.
pub async fn spawn_quickbooks(company: &'static DemoCompany, token: &str) -> FakeServer {
    let token: Arc<str> = format!("Bearer {token}").into();
    FakeServer::start(
        move |_| {
            let state = Arc::new(Qbo {
                books: Books::build(company),
                clock: AtomicU64::new(0),
            });
            router(state, token)
        },
        errors::fault_responses(),
    )
    .await
}

pub(super) struct Qbo {
    books: Books,
    clock: AtomicU64,
}

type Shared = Arc<Qbo>;

impl Qbo {
    /// The response `time`: the reference day, a little later each call.
    fn time(&self) -> String {
        let n = self.clock.fetch_add(1, Ordering::Relaxed);
        format!(
            "{}T09:{:02}:{:02}.{:03}-08:00",
            self.books.as_of,
            (n / 60) % 60,
            n % 60,
            (n * 137) % 1000
        )
    }

    fn json(&self, status: StatusCode, body: &Value) -> Response {
        let mut response = (status, body.to_string()).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        response
    }

    /// `{"Fault": {"Error": [...], "type"}, "time"}`, Intuit's error body.
    fn fault(
        &self,
        status: StatusCode,
        kind: &str,
        code: &str,
        message: &str,
        detail: &str,
    ) -> Response {
        let body = json!({
            "Fault": {
                "Error": [{"Message": message, "Detail": detail, "code": code, "element": ""}],
                "type": kind,
            },
            "time": self.time(),
        });
        self.json(status, &body)
    }

    /// What QuickBooks answers for an id it does not have.
    fn missing(&self, entity: &str) -> Response {
        if entity == "customer" {
            return self.fault(
                StatusCode::BAD_REQUEST,
                "ValidationFault",
                "2010",
                "Request has invalid or unsupported property",
                "Request has invalid or unsupported property",
            );
        }
        self.fault(
            StatusCode::BAD_REQUEST,
            "ValidationFault",
            "610",
            "Object Not Found",
            "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
        )
    }

    fn not_found(&self, path: &str) -> Response {
        self.fault(
            StatusCode::NOT_FOUND,
            "ValidationFault",
            "500",
            "Unsupported Operation",
            &format!("Operation Could not find resource for relative : {path} is not supported."),
        )
    }

    /// `{"<Entity>": {...}, "time"}`.
    fn entity(&self, name: &str, value: Value) -> Response {
        self.json(StatusCode::OK, &json!({ name: value, "time": self.time() }))
    }
}

fn router(state: Shared, token: Arc<str>) -> Router {
    let company = Router::new()
        .route("/customer/{id}", get(reads::read_customer))
        .route("/invoice/{id}", get(reads::read_invoice))
        .route("/payment/{id}", get(reads::read_payment))
        .route("/account/{id}", get(reads::read_account))
        .route("/query", get(select::get).post(select::post))
        .route("/reports/AgedReceivables", get(reports::aged_receivables))
        .route("/reports/ProfitAndLoss", get(pnl::profit_and_loss));
    Router::new()
        .nest(&format!("/v3/company/{}", state.books.realm_id), company)
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), token),
            authenticate,
        ))
        .with_state(state)
}

/// 401 unless the bearer token matches (Intuit's 3200 fault); then the
/// `Accept: application/json` QuickBooks needs to answer JSON.
async fn authenticate(
    State((state, expected)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) != Some(&*expected) {
        return state.fault(
            StatusCode::UNAUTHORIZED,
            "AuthenticationFault",
            "3200",
            "message=AuthenticationFailed; errorCode=003200; statusCode=401",
            "Token expired or invalid",
        );
    }
    let accept = request.headers().get(header::ACCEPT);
    if !accept
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
    {
        return errors::xml_only(&state);
    }
    next.run(request).await
}

/// Another company's realm is an authorization failure; anything else
/// is an unknown resource.
async fn fallback(State(state): State<Shared>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let realm = path
        .strip_prefix("/v3/company/")
        .and_then(|rest| rest.split('/').next());
    match realm {
        Some(r) if r != state.books.realm_id => state.fault(
            StatusCode::FORBIDDEN,
            "AuthorizationFault",
            "3100",
            "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
            "",
        ),
        _ => state.not_found(&path),
    }
}

#[cfg(test)]
mod tests;
