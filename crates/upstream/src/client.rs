//! `UpstreamClient`: base URL, auth injection, deadline-bounded timeouts,
//! request counting, and vendor errors turned into `ConnectorError`s.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use serde::de::DeserializeOwned;
use serde::Serialize;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use url::Url;

use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::error_map::{error_for_status, generic_vendor_message, truncate, VendorMessage};
use crate::resilience::{
    backoff, Breaker, BreakerSettings, BreakerState, Quota, QuotaGate, RetryPolicy,
};
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
    pub retry: RetryPolicy,
    /// The vendor's published request limit; `None` trusts the vendor's 429s.
    pub quota: Option<Quota>,
    pub breaker: BreakerSettings,
    /// Requests in flight to this vendor at once.
    pub max_concurrency: usize,
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
            retry: RetryPolicy::default(),
            quota: None,
            breaker: BreakerSettings::default(),
            max_concurrency: 16,
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
    config: Arc<UpstreamConfig>,
    breaker: Arc<Breaker>,
    quota: Option<Arc<QuotaGate>>,
    slots: Arc<Semaphore>,
}

/// The HTTP client every upstream call goes through: our user agent, a
/// connect timeout, pooled connections, and no redirects (a redirect could
/// carry a credential to another host).
pub fn http_client() -> Result<reqwest::Client, ConnectorError> {
    reqwest::Client::builder()
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(5))
        .pool_idle_timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| ConnectorError::internal("cannot build the HTTP client").with_source(e))
}

impl UpstreamClient {
    pub fn new(config: UpstreamConfig) -> Result<Self, ConnectorError> {
        let http = http_client()?;
        Ok(UpstreamClient {
            http,
            breaker: Arc::new(Breaker::new(config.breaker)),
            quota: config.quota.map(|q| Arc::new(QuotaGate::new(q))),
            slots: Arc::new(Semaphore::new(config.max_concurrency.max(1))),
            config: Arc::new(config),
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

    /// The breaker's state, for health and metrics.
    pub fn breaker_state(&self) -> BreakerState {
        self.breaker.state()
    }

    /// Sends a request within the call's deadline: breaker, quota and
    /// concurrency gates first; idempotent requests are retried on 5xx,
    /// timeouts and 429s with backoff (or the vendor's own wait), never past
    /// the deadline.
    pub async fn send(
        &self,
        ctx: &CallContext,
        request: UpstreamRequest,
    ) -> Result<UpstreamResponse, ConnectorError> {
        let service = &self.config.service;
        let mut attempt = 0;
        loop {
            if let Err(wait) = self.breaker.admit() {
                return Err(ConnectorError::new(
                    ErrorKind::Unavailable,
                    format!("{service} is failing; the gateway has paused calls to it"),
                )
                .with_retry_after(wait));
            }
            let result = self.gated(ctx, &request).await;
            match &result {
                Ok(_) => self.breaker.success(),
                Err(e) if matches!(e.kind, ErrorKind::Unavailable | ErrorKind::Timeout) => {
                    self.breaker.failure()
                }
                Err(_) => self.breaker.neutral(),
            }
            let error = match result {
                Ok(response) => return Ok(response),
                Err(e) => e,
            };
            attempt += 1;
            let retryable = matches!(
                error.kind,
                ErrorKind::Unavailable | ErrorKind::Timeout | ErrorKind::RateLimited
            );
            if !request.idempotent || !retryable || attempt >= self.config.retry.max_attempts {
                return Err(error);
            }
            let wait = match (error.kind, error.retry_after) {
                (ErrorKind::RateLimited, Some(after))
                    if after > self.config.retry.max_retry_after =>
                {
                    return Err(error)
                }
                (ErrorKind::RateLimited, Some(after)) => after,
                _ => backoff(&self.config.retry, attempt),
            };
            if wait >= ctx.remaining() {
                return Err(error);
            }
            tracing::debug!(service = %service, attempt, wait_ms = wait.as_millis() as u64, kind = error.kind.as_str(), "retrying upstream request");
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt through the quota and the concurrency cap.
    async fn gated(
        &self,
        ctx: &CallContext,
        request: &UpstreamRequest,
    ) -> Result<UpstreamResponse, ConnectorError> {
        let service = &self.config.service;
        if let Some(quota) = &self.quota {
            let wait = quota.reserve();
            if wait >= ctx.remaining() {
                quota.release();
                return Err(ConnectorError::new(
                    ErrorKind::RateLimited,
                    format!("the gateway's request quota for {service} is spent"),
                )
                .with_retry_after(wait));
            }
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        let permit = tokio::time::timeout(ctx.remaining(), self.slots.acquire()).await;
        let Ok(Ok(_permit)) = permit else {
            return Err(ConnectorError::new(
                ErrorKind::Timeout,
                format!("too many requests to {service} in flight; none finished in time"),
            ));
        };
        self.send_once(ctx, request).await
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

        let span = tracing::info_span!(
            "upstream",
            otel.name = %format!("{} {}", request.method, request.path),
            otel.kind = "client",
            http.request.method = %request.method,
            server.address = self.config.base_url.host_str().unwrap_or_default(),
            url.path = %request.path,
            switchboard.upstream = %service,
            http.response.status_code = tracing::field::Empty,
        );
        if let Some(trace) = &ctx.trace {
            for (name, value) in span.in_scope(|| trace.current()) {
                builder = builder.header(name, value);
            }
        }
        ctx.stats.record_upstream_request();
        let started = Instant::now();
        let result = tracing::Instrument::instrument(builder.send(), span.clone()).await;
        let response = match result {
            Ok(r) => r,
            Err(e) => return Err(self.transport_error(e)),
        };
        let status = response.status().as_u16();
        span.record("http.response.status_code", status);
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|e| self.transport_error(e))?;
        ctx.stats.record_upstream_response(&body);
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
