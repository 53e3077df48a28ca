//! A fake HubSpot CRM (v3) serving the demo company with the real paths,
//! payload shapes, auth check, error bodies and rate-limit headers (see
//! `upstream-fixtures/hubspot` and its `SOURCES.md` rows).

mod data;
mod filter;
mod limits;
mod objects;
mod owners;
mod schema;
mod search;
mod tokens;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use url::Url;

use super::FakeServer;
use crate::demo::DemoCompany;
use data::Data;

/// Knobs for upstream behaviour tests need to provoke.
#[derive(Debug, Clone, Default)]
pub struct HubSpotOptions {
    /// Serve at most this many results per page, whatever `limit` asks
    /// for, so that paging across several pages can be tested on the
    /// small demo dataset.
    pub max_page_size: Option<usize>,
}

/// Starts a fake HubSpot for `company` on a loopback port, accepting only
/// `Authorization: Bearer <token>`. Point the connector's `base_url` at
/// `server.base_url`; keep the server alive as long as it is used
/// (dropping it stops it). Must run inside a tokio runtime.
pub async fn spawn_hubspot(company: &'static DemoCompany, token: &str) -> FakeServer {
    spawn_hubspot_with(company, token, HubSpotOptions::default()).await
}

/// [`spawn_hubspot`] with options.
pub async fn spawn_hubspot_with(
    company: &'static DemoCompany,
    token: &str,
    options: HubSpotOptions,
) -> FakeServer {
    let token = format!("Bearer {token}");
    FakeServer::start(
        move |base_url| {
            let state = Arc::new(HubSpot {
                company,
                data: Data::build(company),
                base_url: base_url.clone(),
                options,
                correlation: AtomicU64::new(0),
                window: Mutex::new(limits::Windows::default()),
            });
            router(state, token)
        },
        limits::fault_responses(),
    )
    .await
}

/// The HubSpot id of the demo customer with this domain.
pub fn company_id(company: &DemoCompany, domain: &str) -> Option<String> {
    let i = company.customers.iter().position(|c| c.domain == domain)?;
    Some(data::company_id_at(i))
}

/// The HubSpot id of the demo contact with this email.
pub fn contact_id(company: &DemoCompany, email: &str) -> Option<String> {
    let i = company.contacts().position(|(_, p)| p.email == email)?;
    Some(data::contact_id_at(i))
}

/// The HubSpot id of the demo deal with this name.
pub fn deal_id(company: &DemoCompany, name: &str) -> Option<String> {
    let i = company.deals().position(|(_, d)| d.name == name)?;
    Some(data::deal_id_at(i))
}

pub(super) struct HubSpot {
    company: &'static DemoCompany,
    data: Data,
    base_url: Url,
    options: HubSpotOptions,
    correlation: AtomicU64,
    window: Mutex<limits::Windows>,
}

type Shared = Arc<HubSpot>;

impl HubSpot {
    /// Caps a requested page size (see [`HubSpotOptions::max_page_size`]).
    fn page_size(&self, limit: usize) -> usize {
        self.options
            .max_page_size
            .map_or(limit, |cap| limit.min(cap.max(1)))
    }

    fn correlation_id(&self) -> String {
        let n = self.correlation.fetch_add(1, Ordering::Relaxed);
        format!(
            "019ce0f9-{:04x}-7000-8000-{:012x}",
            n >> 48,
            n & 0xffff_ffff_ffff
        )
    }

    /// HubSpot's error body: `{status, message, correlationId, category}`.
    fn error(&self, status: StatusCode, category: &str, message: impl Into<String>) -> Response {
        let body = json!({
            "status": "error",
            "message": message.into(),
            "correlationId": self.correlation_id(),
            "category": category,
        });
        self.json(status, &body)
    }

    fn not_found(&self) -> Response {
        self.error(
            StatusCode::NOT_FOUND,
            "OBJECT_NOT_FOUND",
            "resource not found",
        )
    }

    fn invalid(&self, message: impl Into<String>) -> Response {
        self.error(StatusCode::BAD_REQUEST, "VALIDATION_ERROR", message)
    }

    fn json(&self, status: StatusCode, body: &Value) -> Response {
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Ok(v) = HeaderValue::from_str(&self.correlation_id()) {
            headers.insert("x-hubspot-correlation-id", v);
        }
        response
    }

    fn ok(&self, body: &Value) -> Response {
        self.json(StatusCode::OK, body)
    }
}

const CONTENT_TYPE: &str = "application/json;charset=utf-8";

fn router(state: Shared, token: String) -> Router {
    let auth_state = (state.clone(), Arc::<str>::from(token));
    Router::new()
        .route("/crm/v3/owners", get(owners::list))
        .route("/crm/v3/owners/{id}", get(owners::get_one))
        .route("/crm/v3/pipelines/deals", get(owners::pipelines))
        .route("/crm/v3/objects/{object_type}", get(objects::list))
        .route("/crm/v3/objects/{object_type}/search", post(search::search))
        .route(
            "/crm/v3/objects/{object_type}/batch/read",
            post(objects::batch_read),
        )
        .route("/crm/v3/objects/{object_type}/{id}", get(objects::get_one))
        .fallback(|State(s): State<Shared>| async move { s.not_found() })
        .layer(axum::middleware::from_fn_with_state(
            auth_state,
            authenticate,
        ))
        .with_state(state)
}

/// 401 unless the bearer token matches; rate-limit headers on GETs (the
/// recordings show them on reads, and search responses carry none).
async fn authenticate(
    State((state, expected)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let given = request.headers().get(header::AUTHORIZATION);
    if given.and_then(|v| v.to_str().ok()) != Some(&*expected) {
        return state.error(
            StatusCode::UNAUTHORIZED,
            "INVALID_AUTHENTICATION",
            "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
        );
    }
    let is_get = request.method() == Method::GET;
    let mut response = next.run(request).await;
    if is_get {
        let (remaining, secondly) = state
            .window
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        for (name, value) in limits::rate_headers(remaining, secondly) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// A `limit` parameter within `1..=max` (HubSpot answers 400 otherwise);
/// the error is the VALIDATION_ERROR message.
fn parse_limit(raw: Option<&str>, default: usize, max: usize) -> Result<usize, String> {
    let Some(raw) = raw else { return Ok(default) };
    match raw.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("limit must be between 1 and {max}, got `{raw}`")),
    }
}

#[cfg(test)]
mod tests;
