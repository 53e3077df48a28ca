//! `UpstreamClient`: base URL, auth injection, deadline-bounded timeouts,
//! request counting, and vendor errors turned into `ConnectorError`s.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use serde::de::DeserializeOwned;
use serde::Serialize;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use url::Url;

use crate::error_map::{error_for_status, generic_vendor_message, truncate, VendorMessage};
use crate::Secret;

/// How the gateway authenticates to a vendor.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    /// `Authorization: Bearer <token>` (HubSpot, Intercom, Notion, Slack, GitHub).
    Bearer(Secret),
    /// `Authorization: Basic base64(user:pass)` (Gong).
    Basic {
        user: Secret,
        password: Secret,
    },
}

/// What a connector builds its client from.
#[derive(Debug, Clone)]
pub struct UpstreamConfig {
    /// Name used in error messages and logs ("HubSpot").
    pub service: String,
    /// Always configurable: sandboxes, enterprise hosts, fake upstreams.
    pub base_url: Url,
    pub auth: Auth,
    /// Per-request timeout; the call's deadline may shorten it.
    pub timeout: Duration,
    /// Headers every request carries (`Intercom-Version`, `Notion-Version`).
    pub default_headers: Vec<(HeaderName, HeaderValue)>,
    /// Extracts the vendor's message from an error body.
    pub vendor_message: VendorMessage,
}

impl UpstreamConfig {
    pub fn new(service: impl Into<String>, base_url: Url, auth: Auth) -> Self {
        UpstreamConfig {
            service: service.into(),
            base_url,
            auth,
            timeout: Duration::from_secs(15),
            default_headers: Vec::new(),
            vendor_message: generic_vendor_message,
        }
    }
}

/// One outbound request. `idempotent` tells the (coming) retry layer whether
/// the request may be repeated: GETs are; POSTs only when the connector says
/// so (search endpoints).
#[derive(Debug, Clone)]
pub struct UpstreamRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<serde_json::Value>,
    pub idempotent: bool,
}

impl UpstreamRequest {
    pub fn get(path: impl Into<String>) -> Self {
        UpstreamRequest {
            method: Method::GET,
            path: path.into(),
            query: Vec::new(),
            body: None,
            idempotent: true,
        }
    }

    pub fn post(path: impl Into<String>, body: &impl Serialize) -> Self {
        UpstreamRequest {
            method: Method::POST,
            path: path.into(),
            query: Vec::new(),
            body: Some(serde_json::to_value(body).unwrap_or(serde_json::Value::Null)),
            idempotent: false,
        }
    }

    pub fn query(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((key.into(), value.to_string()));
        self
    }

    /// Marks a POST as safe to repeat (a search).
    pub fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }
}

/// A successful (2xx) response.
#[derive(Debug)]
pub struct UpstreamResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl UpstreamResponse {
    /// Parses the body; a body that does not parse is the upstream's fault.
    pub fn json<T: DeserializeOwned>(&self, service: &str) -> Result<T, ConnectorError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            ConnectorError::new(
                ErrorKind::Upstream,
                format!("{service} returned a response the gateway could not read"),
            )
            .with_status(self.status)
            .with_source(e)
        })
    }
}

/// The outbound HTTP client of one connector.
#[derive(Clone, Debug)]
pub struct UpstreamClient {
    http: reqwest::Client,
    config: std::sync::Arc<UpstreamConfig>,
}

impl UpstreamClient {
    pub fn new(config: UpstreamConfig) -> Result<Self, ConnectorError> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(5))
            .pool_idle_timeout(Duration::from_secs(60))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ConnectorError::internal("cannot build the HTTP client").with_source(e))?;
        Ok(UpstreamClient {
            http,
            config: std::sync::Arc::new(config),
        })
    }

    pub fn service(&self) -> &str {
        &self.config.service
    }

    pub fn base_url(&self) -> &Url {
        &self.config.base_url
    }

    /// GET `path` and parse the JSON body.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        request: UpstreamRequest,
    ) -> Result<T, ConnectorError> {
        self.send(ctx, request).await?.json(&self.config.service)
    }

    /// Sends one request within the call's deadline. The seam for retries,
    /// quotas and the circuit breaker (resilience issue) is here.
    pub async fn send(
        &self,
        ctx: &CallContext,
        request: UpstreamRequest,
    ) -> Result<UpstreamResponse, ConnectorError> {
        self.send_once(ctx, &request).await
    }

    async fn send_once(
        &self,
        ctx: &CallContext,
        request: &UpstreamRequest,
    ) -> Result<UpstreamResponse, ConnectorError> {
        let service = &self.config.service;
        let timeout = self.config.timeout.min(ctx.remaining());
        if timeout.is_zero() {
            return Err(ConnectorError::new(
                ErrorKind::Timeout,
                format!("the call's deadline passed before {service} was asked"),
            ));
        }
        let url = self.url(&request.path)?;
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .timeout(timeout)
            .header(http::header::ACCEPT, "application/json");
        for (name, value) in &self.config.default_headers {
            builder = builder.header(name, value);
        }
        builder = match &self.config.auth {
            Auth::None => builder,
            Auth::Bearer(token) => builder.bearer_auth(token.expose()),
            Auth::Basic { user, password } => {
                builder.basic_auth(user.expose(), Some(password.expose()))
            }
        };
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(body) = &request.body {
            builder = builder.json(body);
        }

        ctx.stats.record_upstream_request();
        let started = Instant::now();
        let result = builder.send().await;
        let response = match result {
            Ok(r) => r,
            Err(e) => return Err(self.transport_error(e)),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|e| self.transport_error(e))?;
        tracing::debug!(
            service = %service,
            method = %request.method,
            path = %request.path,
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "upstream request"
        );
        if (200..300).contains(&status) {
            Ok(UpstreamResponse {
                status,
                headers,
                body,
            })
        } else {
            tracing::debug!(service = %service, status, body = %truncate(&String::from_utf8_lossy(&body), 200), "upstream error body");
            Err(error_for_status(
                service,
                status,
                &headers,
                &body,
                self.config.vendor_message,
            ))
        }
    }

    fn url(&self, path: &str) -> Result<Url, ConnectorError> {
        // Join as a relative path so a base with a prefix (GitHub Enterprise's
        // `/api/v3`) keeps it.
        let base = self.config.base_url.as_str().trim_end_matches('/');
        let path = path.trim_start_matches('/');
        Url::parse(&format!("{base}/{path}"))
            .map_err(|e| ConnectorError::internal("bad upstream URL").with_source(e))
    }

    fn transport_error(&self, e: reqwest::Error) -> ConnectorError {
        let service = &self.config.service;
        let (kind, message) = if e.is_timeout() {
            (
                ErrorKind::Timeout,
                format!("{service} did not answer in time"),
            )
        } else if e.is_connect() {
            (
                ErrorKind::Unavailable,
                format!("{service} cannot be reached"),
            )
        } else {
            (
                ErrorKind::Unavailable,
                format!("the connection to {service} failed"),
            )
        };
        // reqwest errors carry the URL, which may hold query values: strip it.
        ConnectorError::new(kind, message).with_source(e.without_url())
    }
}
