//! What every request passes before a handler: GitHub's `User-Agent`
//! rule, the API-version and media-type headers, the token, and the
//! primary rate limits (core 5,000 per hour, search 30 per minute), which
//! the fake counts and reports in `x-ratelimit-*` headers on every
//! response. Also the bodies the shared fault layer sends for GitHub.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{Shared, API_VERSIONS};
use crate::fake::FaultResponses;

/// One fixed window of a primary limit.
#[derive(Debug)]
struct Window {
    limit: u64,
    per: Duration,
    /// When the window opened, on both clocks (the reset header is epoch
    /// seconds).
    start: Option<(Instant, SystemTime)>,
    used: u64,
}

/// A request counted against a window.
pub(super) struct Counted {
    limit: u64,
    used: u64,
    reset: u64,
    resource: &'static str,
}

impl Counted {
    fn exceeded(&self) -> bool {
        self.used > self.limit
    }

    fn headers(&self) -> Vec<(HeaderName, HeaderValue)> {
        let remaining = self.limit.saturating_sub(self.used);
        [
            ("x-ratelimit-limit", self.limit.to_string()),
            ("x-ratelimit-remaining", remaining.to_string()),
            ("x-ratelimit-reset", self.reset.to_string()),
            ("x-ratelimit-used", self.used.min(self.limit).to_string()),
            ("x-ratelimit-resource", self.resource.to_owned()),
        ]
        .into_iter()
        .filter_map(|(n, v)| Some((HeaderName::from_static(n), HeaderValue::from_str(&v).ok()?)))
        .collect()
    }
}

impl Window {
    fn take(&mut self, resource: &'static str) -> Counted {
        let now = Instant::now();
        let (opened, wall) = match self.start {
            Some((at, wall)) if now.duration_since(at) < self.per => (at, wall),
            _ => {
                self.used = 0;
                (now, SystemTime::now())
            }
        };
        self.start = Some((opened, wall));
        self.used += 1;
        let reset = (wall + self.per)
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Counted {
            limit: self.limit,
            used: self.used,
            reset,
            resource,
        }
    }
}

/// The core and search windows of the one token the fake accepts.
#[derive(Debug)]
pub(super) struct Windows {
    core: Window,
    search: Window,
}

impl Windows {
    pub fn new(search_per_minute: u64) -> Self {
        let window = |limit, secs| Window {
            limit,
            per: Duration::from_secs(secs),
            start: None,
            used: 0,
        };
        Windows {
            core: window(5_000, 3_600),
            search: window(search_per_minute.max(1), 60),
        }
    }
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, text).into_response()
}

/// Headers, token and rate limit, in that order; then the handler, whose
/// response gets the rate-limit headers.
pub(super) async fn gate(
    State((state, token)): State<(Shared, Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    if headers.get(header::USER_AGENT).is_none() {
        return plain(StatusCode::FORBIDDEN, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.");
    }
    let version = headers
        .get("x-github-api-version")
        .and_then(|v| v.to_str().ok());
    // GitHub answers with the version it used: the one asked for, or its default.
    let selected = API_VERSIONS
        .iter()
        .copied()
        .find(|v| Some(*v) == version)
        .unwrap_or(API_VERSIONS[0]);
    match version {
        Some(v) if !API_VERSIONS.contains(&v) => {
            let message = format!(
                "Invalid API version provided: {v}. Supported versions: {}",
                API_VERSIONS.join(", ")
            );
            return state.error(
                StatusCode::BAD_REQUEST,
                &message,
                "about-the-rest-api/api-versions",
            );
        }
        None if state.options.strict_headers => {
            return state.error(
                StatusCode::BAD_REQUEST,
                "X-GitHub-Api-Version header is required by this server",
                "about-the-rest-api/api-versions",
            );
        }
        _ => {}
    }
    let github_accept = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/vnd.github+json"));
    if state.options.strict_headers && !github_accept {
        return state.error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported 'Accept' header: expected application/vnd.github+json",
            "overview/media-types",
        );
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let authorized = given.is_some_and(|g| {
        [g.strip_prefix("Bearer "), g.strip_prefix("token ")]
            .into_iter()
            .flatten()
            .any(|t| t == &*token)
    });
    if !authorized {
        // `error_401.json`: the body is the message alone.
        let message = if given.is_none() {
            "Requires authentication"
        } else {
            "Bad credentials"
        };
        return state.json(StatusCode::UNAUTHORIZED, &json!({"message": message}));
    }
    let search = request.uri().path().starts_with("/search/");
    let counted = {
        let mut w = state.limits.lock().unwrap_or_else(|e| e.into_inner());
        if search {
            w.search.take("search")
        } else {
            w.core.take("core")
        }
    };
    let mut response = if counted.exceeded() {
        // `error_403_primary_rate_limit.json`: 403, remaining 0, the message alone.
        let message = format!(
            "API rate limit exceeded for user ID {}.",
            state.host.service_account.id
        );
        state.json(StatusCode::FORBIDDEN, &json!({"message": message}))
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    for (name, value) in counted.headers() {
        h.insert(name, value);
    }
    h.insert(
        "x-github-api-version-selected",
        HeaderValue::from_static(selected),
    );
    response
}

/// A secondary rate limit in the shape of `error_403_secondary_rate_limit.json`
/// (current wording), and a 500.
pub(super) fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({
            "documentation_url": "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
        }),
        rate_limited_headers: vec![(
            HeaderName::from_static("x-github-media-type"),
            HeaderValue::from_static("github.v3; format=json"),
        )],
        server_error: json!({"message": "Server Error"}),
        content_type: HeaderValue::from_static("application/json; charset=utf-8"),
    }
}
