//! A fake GitHub REST API (version 2022-11-28) serving the demo company's
//! organization: the real paths, query parameters, `Link`-header paging,
//! rate-limit headers and error bodies, in the payload shapes of
//! `upstream-fixtures/github` (see its `SOURCES.md` rows). Payloads with
//! no recorded example (reviews, check runs, users) follow GitHub's
//! published schema. Optionally served under a path prefix, as GitHub
//! Enterprise Server serves `/api/v3`.

mod entries;
mod issues;
mod json;
mod json_items;
mod json_repo;
mod json_reviews;
mod limits;
mod paging;
mod pulls;
mod search;
mod users;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::FakeServer;
use crate::demo::code::{CodeHost, Issue};
use crate::demo::DemoCompany;

/// The API versions the fake accepts in `X-GitHub-Api-Version`.
pub const API_VERSIONS: &[&str] = &["2022-11-28", "2026-03-10"];

/// Knobs for behaviour tests need to provoke.
#[derive(Debug, Clone)]
pub struct GitHubOptions {
    /// Serve at most this many items per page whatever `per_page` asks,
    /// so paging can be tested on the small demo dataset.
    pub max_per_page: Option<usize>,
    /// Serve under this path (`/api/v3`, as GitHub Enterprise Server does).
    pub path_prefix: Option<String>,
    /// The search API's primary limit per minute (GitHub's is 30).
    pub search_per_minute: u64,
    /// Require `X-GitHub-Api-Version` and a GitHub `Accept` type. GitHub
    /// defaults both when absent; the fake is stricter so that a connector
    /// that forgets them fails its tests.
    pub strict_headers: bool,
    /// Where created issues are recorded; keep a clone to inspect them.
    pub created: CreatedIssues,
}

impl Default for GitHubOptions {
    fn default() -> Self {
        GitHubOptions {
            max_per_page: None,
            path_prefix: None,
            search_per_minute: 30,
            strict_headers: true,
            created: CreatedIssues::default(),
        }
    }
}

/// Issues created through the fake (`POST /repos/{owner}/{repo}/issues`),
/// oldest first; they are served back like the demo's own.
#[derive(Debug, Clone, Default)]
pub struct CreatedIssues(Arc<Mutex<Vec<Issue>>>);

impl CreatedIssues {
    fn lock(&self) -> MutexGuard<'_, Vec<Issue>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn all(&self) -> Vec<Issue> {
        self.lock().clone()
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }
}

/// Starts a fake GitHub for `company` on a loopback port, accepting only
/// `Authorization: Bearer <token>` (or `token <token>`). Point the
/// connector's `base_url` at `server.base_url`. Must run inside a tokio
/// runtime; dropping the server stops it.
pub async fn spawn_github(company: &'static DemoCompany, token: &str) -> FakeServer {
    spawn_github_with(company, token, GitHubOptions::default()).await
}

/// [`spawn_github`] with options. With a `path_prefix`, the API root is
/// `server.base_url` joined with the prefix.
pub async fn spawn_github_with(
    company: &'static DemoCompany,
    token: &str,
    options: GitHubOptions,
) -> FakeServer {
    let token: Arc<str> = Arc::from(token);
    FakeServer::start(
        move |base_url| {
            let prefix = options
                .path_prefix
                .as_deref()
                .map(|p| format!("/{}", p.trim_matches('/')))
                .filter(|p| p.len() > 1);
            let api = format!(
                "{}{}",
                base_url.as_str().trim_end_matches('/'),
                prefix.as_deref().unwrap_or("")
            );
            let state = Arc::new(GitHub {
                host: CodeHost::build(company),
                api,
                limits: Mutex::new(limits::Windows::new(options.search_per_minute)),
                options,
            });
            let routes = router(state.clone(), token);
            match prefix {
                Some(p) => Router::new().nest(&p, routes).fallback(move || {
                    let state = state.clone();
                    async move { state.not_found("") }
                }),
                None => routes,
            }
        },
        limits::fault_responses(),
    )
    .await
}

pub(super) struct GitHub {
    host: CodeHost,
    /// The API root as clients see it, without a trailing slash.
    api: String,
    options: GitHubOptions,
    limits: Mutex<limits::Windows>,
}

type Shared = Arc<GitHub>;

/// Where GitHub's web pages live (`html_url`).
const HTML: &str = "https://github.com";
const DOCS: &str = "https://docs.github.com/rest";

impl GitHub {
    fn json(&self, status: StatusCode, body: &Value) -> Response {
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        headers.insert(
            "x-github-media-type",
            HeaderValue::from_static("github.v3; format=json"),
        );
        response
    }

    fn ok(&self, body: &Value) -> Response {
        self.json(StatusCode::OK, body)
    }

    /// `{"message", "documentation_url"}`, GitHub's error body.
    fn error(&self, status: StatusCode, message: &str, doc: &str) -> Response {
        let doc = if doc.is_empty() {
            DOCS.to_owned()
        } else {
            format!("{DOCS}/{doc}")
        };
        let body = json!({"message": message, "documentation_url": doc, "status": status.as_u16().to_string()});
        self.json(status, &body)
    }

    fn not_found(&self, doc: &str) -> Response {
        self.error(StatusCode::NOT_FOUND, "Not Found", doc)
    }

    /// 422 `Validation Failed` with its `errors` list (`error_422.json`).
    fn invalid(&self, errors: Value, doc: &str) -> Response {
        let body = json!({
            "message": "Validation Failed",
            "errors": errors,
            "documentation_url": format!("{DOCS}/{doc}"),
        });
        self.json(StatusCode::UNPROCESSABLE_ENTITY, &body)
    }
}

fn router(state: Shared, token: Arc<str>) -> Router {
    let check = (state.clone(), token);
    Router::new()
        .route("/repos/{owner}/{repo}", get(users::repo))
        .route(
            "/repos/{owner}/{repo}/issues",
            get(issues::list).post(issues::create),
        )
        .route("/repositories/{id}/issues", get(issues::list))
        .route(
            "/repos/{owner}/{repo}/issues/{number}",
            get(issues::get_one),
        )
        .route(
            "/repos/{owner}/{repo}/issues/{number}/comments",
            get(issues::comments),
        )
        .route(
            "/repositories/{id}/issues/{number}/comments",
            get(issues::comments),
        )
        .route("/repos/{owner}/{repo}/pulls", get(pulls::list))
        .route("/repositories/{id}/pulls", get(pulls::list))
        .route("/repos/{owner}/{repo}/pulls/{number}", get(pulls::get_one))
        .route(
            "/repos/{owner}/{repo}/pulls/{number}/reviews",
            get(pulls::reviews),
        )
        .route(
            "/repositories/{id}/pulls/{number}/reviews",
            get(pulls::reviews),
        )
        .route(
            "/repos/{owner}/{repo}/commits/{sha}/check-runs",
            get(pulls::check_runs),
        )
        .route(
            "/repositories/{id}/commits/{sha}/check-runs",
            get(pulls::check_runs),
        )
        .route("/search/issues", get(search::issues))
        .route("/search/users", get(users::search))
        .route("/users/{login}", get(users::get_one))
        .route("/user", get(users::me))
        .fallback(
            |axum::extract::State(s): axum::extract::State<Shared>| async move { s.not_found("") },
        )
        .layer(axum::middleware::from_fn_with_state(check, limits::gate))
        .with_state(state)
}
