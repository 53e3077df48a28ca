//! A fake Slack Web API serving the demo workspace at the real paths
//! (`/api/<method>`), with bearer bot and user tokens, Slack's in-body
//! errors (HTTP 200 with `{"ok": false, "error": ...}`), cursor paging in
//! `response_metadata.next_cursor`, page-based search, and the payload
//! shapes of `upstream-fixtures/slack` (see its `SOURCES.md` rows).
//!
//! Messages posted with `chat.postMessage` are kept for the server's
//! lifetime, stamped after the demo's last message (never the wall clock).

mod chat;
mod conversations;
mod cursor;
mod params;
mod render;
mod search;
#[cfg(test)]
mod tests;
mod users;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use serde_json::{json, Value};
use url::Url;

use super::{FakeServer, FaultResponses};
use crate::demo::chat::{SlackMessage, SlackWorkspace};
use crate::demo::DemoCompany;
use params::Params;

/// The bot token the demo gateway uses (`xoxb-`: a bot user's token).
pub const DEMO_BOT_TOKEN: &str = "xoxb-northwind-demo-bot";
/// The user token the demo gateway uses for search (`xoxp-`: Alex Morgan,
/// the workspace admin who installed the app).
pub const DEMO_USER_TOKEN: &str = "xoxp-northwind-demo-user";
/// Whose user token it is.
const USER_TOKEN_OWNER: &str = "admin@northwind.example";

/// Knobs tests need to provoke upstream behaviour.
#[derive(Debug, Clone, Default)]
pub struct SlackOptions {
    /// Items per page at most, whatever `limit` asks for, so that paging
    /// can be tested on the small demo workspace.
    pub page_size: Option<usize>,
}

/// Starts a fake Slack for `company` on a loopback port. Requests must
/// carry `Authorization: Bearer <bot_token>` or `<user_token>`; the bot
/// token acts as the Switchboard bot user, the user token as the workspace
/// admin. Point the connector at [`api_url`]. Keep the server alive while
/// it is used (dropping it stops it). Must run inside a tokio runtime.
pub async fn spawn_slack(
    company: &'static DemoCompany,
    bot_token: &str,
    user_token: &str,
) -> FakeServer {
    spawn_slack_with(company, bot_token, user_token, SlackOptions::default()).await
}

/// [`spawn_slack`] with options.
pub async fn spawn_slack_with(
    company: &'static DemoCompany,
    bot_token: &str,
    user_token: &str,
    options: SlackOptions,
) -> FakeServer {
    let (bot_token, user_token) = (bot_token.to_owned(), user_token.to_owned());
    FakeServer::start(
        move |_| {
            let ws = SlackWorkspace::build(company);
            let admin = ws
                .user_by_email(USER_TOKEN_OWNER)
                .map_or_else(|| ws.bot().id.clone(), |u| u.id.clone());
            let state = Arc::new(Slack {
                clock: AtomicI64::new(ws.now),
                messages: Mutex::new(ws.messages.clone()),
                bot_user: ws.bot().id.clone(),
                admin_user: admin,
                ws,
                bot_token,
                user_token,
                page_size: options.page_size,
            });
            Router::new()
                .route("/api/{method}", any(dispatch))
                .fallback(|| async {
                    reply(
                        StatusCode::NOT_FOUND,
                        json!({"ok": false, "error": "unknown_method"}),
                    )
                })
                .with_state(state)
        },
        fault_responses(),
    )
    .await
}

/// The Web API root of a running fake (`<base_url>api`): the connector's
/// `base_url`, as `https://slack.com/api` is in production.
pub fn api_url(server: &FakeServer) -> Url {
    server.base_url.join("api").expect("a valid API URL")
}

/// Which token a request carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Caller {
    Bot,
    User,
}

pub(super) struct Slack {
    ws: SlackWorkspace,
    /// The demo's messages plus everything posted since.
    messages: Mutex<Vec<SlackMessage>>,
    /// Epoch seconds of the last post.
    clock: AtomicI64,
    bot_user: String,
    admin_user: String,
    bot_token: String,
    user_token: String,
    page_size: Option<usize>,
}

type Shared = Arc<Slack>;

impl Slack {
    fn messages(&self) -> MutexGuard<'_, Vec<SlackMessage>> {
        self.messages.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The user id a token acts as.
    fn user_of(&self, caller: Caller) -> &str {
        match caller {
            Caller::Bot => &self.bot_user,
            Caller::User => &self.admin_user,
        }
    }

    /// A page size: what was asked (or `default`), within `1..=max`, and
    /// never more than [`SlackOptions::page_size`].
    fn page(&self, asked: Option<usize>, default: usize, max: usize) -> usize {
        let n = asked.filter(|n| *n > 0).unwrap_or(default).min(max);
        self.page_size.map_or(n, |cap| n.min(cap.max(1))).max(1)
    }

    /// A fresh message ts, after every earlier one.
    fn next_ts(&self) -> String {
        let secs = self.clock.fetch_add(1, Ordering::Relaxed) + 1;
        format!("{secs}.{:06}", (secs % 997) * 1000 + 1)
    }
}

/// Every Web API method goes through here: auth, then the method.
async fn dispatch(
    State(s): State<Shared>,
    Path(method): Path<String>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = Params::parse(uri.query(), &headers, &body);
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| p.get("token"));
    let caller = match token {
        None | Some("") => return error("not_authed"),
        Some(t) if t == s.bot_token => Caller::Bot,
        Some(t) if t == s.user_token => Caller::User,
        Some(_) => return error("invalid_auth"),
    };
    match method.as_str() {
        "auth.test" => users::auth_test(&s, caller),
        "users.list" => users::list(&s, &p),
        "users.info" => users::info(&s, &p),
        "users.lookupByEmail" => users::lookup_by_email(&s, &p),
        "conversations.list" => conversations::list(&s, caller, &p),
        "conversations.info" => conversations::info(&s, caller, &p),
        "conversations.history" => conversations::history(&s, caller, &p),
        "conversations.replies" => conversations::replies(&s, caller, &p),
        "search.messages" => search::messages(&s, caller, &p),
        "chat.postMessage" => chat::post_message(&s, caller, &p, &headers),
        _ => reply(
            StatusCode::NOT_FOUND,
            json!({"ok": false, "error": "unknown_method", "req_method": method}),
        ),
    }
}

const CONTENT_TYPE: &str = "application/json; charset=utf-8";

fn reply(status: StatusCode, body: Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    response
}

/// A success: `body` with `"ok": true`.
fn ok(mut body: Value) -> Response {
    body["ok"] = Value::Bool(true);
    reply(StatusCode::OK, body)
}

/// Slack's error: HTTP 200 and `{"ok": false, "error": code}`.
fn error(code: &str) -> Response {
    reply(StatusCode::OK, json!({"ok": false, "error": code}))
}

/// Throttling as Slack sends it (429, `Retry-After`, `ratelimited`), and a
/// 500 with its `fatal_error` code.
fn fault_responses() -> FaultResponses {
    FaultResponses {
        rate_limited: json!({"ok": false, "error": "ratelimited"}),
        rate_limited_headers: Vec::new(),
        server_error: json!({"ok": false, "error": "fatal_error"}),
        content_type: HeaderValue::from_static(CONTENT_TYPE),
    }
}
