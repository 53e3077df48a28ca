//! Listening outside requests: a session's GET stream, or a 2026-07-28
//! `subscriptions/listen` (tool, resource and prompt list changes, and the
//! subscribed resources' updates), restarted when the subscriptions change.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::super::jsonrpc::{self, classify, code, Incoming, RpcError};
use super::super::{add_modern_meta, sse};
use super::{standard_headers, Conn, Inner, SESSION, VERSION};
use crate::lock;

impl Inner {
    /// Listens for `notifications/tools/list_changed` outside requests:
    /// the session's GET stream, or a 2026-07-28 `subscriptions/listen`.
    pub(super) fn start_listener(self: &Arc<Self>, conn: &Conn) {
        let weak = Arc::downgrade(self);
        let conn = conn.clone();
        let task = tokio::spawn(async move {
            let mut failures = 0u32;
            loop {
                let Some(inner) = weak.upgrade() else { return };
                if *lock(&inner.conn) != conn {
                    return;
                }
                let outcome = inner.listen_once(&conn).await;
                drop(inner);
                match outcome {
                    Listen::Unsupported => return,
                    Listen::Restart => continue,
                    Listen::Ended => failures = 0,
                    Listen::Failed => failures += 1,
                }
                let wait = Duration::from_millis(500 * u64::from(1 + failures.min(20)));
                tokio::time::sleep(wait).await;
            }
        });
        if let Some(old) = lock(&self.listener).replace(task) {
            old.abort();
        }
    }

    async fn listen_once(self: &Arc<Self>, conn: &Conn) -> Listen {
        // A 2026-07-28 listener asks for the subscribed resources, and
        // starts again (`Restart`) when they change.
        let mut subscriptions = self.events.subscriptions();
        let request = match conn {
            Conn::Unknown => return Listen::Unsupported,
            Conn::Legacy { session: None, .. } => return Listen::Unsupported,
            Conn::Legacy {
                version,
                session: Some(session),
            } => {
                let mut r = self
                    .http
                    .get(self.url.clone())
                    .header(ACCEPT, "text/event-stream")
                    .header(SESSION, session)
                    .header(VERSION, version);
                if let Some(token) = &self.bearer {
                    r = r.bearer_auth(token.expose());
                }
                r
            }
            Conn::Modern { version } => {
                let id = self.ids.fetch_add(1, Ordering::Relaxed);
                let mut notifications = json!({"toolsListChanged": true,
                    "resourcesListChanged": true, "promptsListChanged": true});
                let uris: Vec<String> = subscriptions.borrow_and_update().keys().cloned().collect();
                if !uris.is_empty() {
                    notifications["resourceSubscriptions"] = json!(uris);
                }
                let mut params = json!({"notifications": notifications});
                add_modern_meta(&mut params, version);
                let body = jsonrpc::request(id, "subscriptions/listen", &params);
                self.post(conn)
                    .header(VERSION, version.as_str())
                    .headers(standard_headers(conn, &body, None))
                    .json(&body)
            }
        };
        let mut response = match request.send().await {
            Ok(r) => r,
            Err(_) => return Listen::Failed,
        };
        let status = response.status();
        if matches!(status.as_u16(), 400 | 404 | 405 | 406) {
            if status == StatusCode::NOT_FOUND {
                self.forget(conn);
            }
            return Listen::Unsupported;
        }
        if !status.is_success() {
            return Listen::Failed;
        }
        let is_stream = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if !is_stream {
            // A JSON answer to `subscriptions/listen` is an error (not
            // supported) or an immediate end.
            return Listen::Unsupported;
        }
        let modern = matches!(conn, Conn::Modern { .. });
        let mut parser = sse::Parser::new();
        loop {
            let chunk = tokio::select! {
                chunk = response.chunk() => chunk,
                changed = subscriptions.changed(), if modern => {
                    return if changed.is_ok() { Listen::Restart } else { Listen::Ended };
                }
            };
            let Ok(Some(bytes)) = chunk else { break };
            let Ok(events) = parser.feed(&bytes) else {
                return Listen::Failed;
            };
            for event in events {
                let Ok(value) = serde_json::from_str::<Value>(&event.data) else {
                    continue;
                };
                match classify(value) {
                    Some(Incoming::Notification { method, params }) => {
                        self.unscoped_notification(&method, params).await;
                    }
                    Some(Incoming::Response { result: Err(_), .. }) => return Listen::Unsupported,
                    Some(Incoming::Request { id, method, params }) => {
                        let answer = match (method.as_str(), self.sole_caller()) {
                            ("ping", _) => Ok(json!({})),
                            (_, Some(inbound)) => inbound.request(&method, params).await,
                            (_, None) => Err(RpcError::new(
                                code::INVALID_REQUEST,
                                format!(
                                    "{method}: the gateway cannot tell which call this belongs to"
                                ),
                            )),
                        };
                        let _ = self.post_message(conn, jsonrpc::response(id, answer)).await;
                    }
                    _ => {}
                }
            }
        }
        Listen::Ended
    }
}

enum Listen {
    /// The upstream offers no such stream; rely on the periodic refresh.
    Unsupported,
    Ended,
    Failed,
    /// The subscriptions changed: listen again now, with the new ones.
    Restart,
}
