//! `auth.test`, `users.list`, `users.info`, `users.lookupByEmail`.

use axum::response::Response;
use serde_json::{json, Value};

use super::params::Params;
use super::{cursor, error, ok, render, Caller, Slack};

/// Who the token is (`auth.test.json`; bot tokens add `bot_id`).
pub(super) fn auth_test(s: &Slack, caller: Caller) -> Response {
    let user = s.ws.user(s.user_of(caller));
    let mut body = json!({
        "url": s.ws.url,
        "team": s.ws.team_name,
        "user": user.map(|u| u.name.clone()),
        "team_id": s.ws.team_id,
        "user_id": s.user_of(caller),
    });
    if let Some(app) = user.and_then(|u| u.app.as_ref()) {
        body["bot_id"] = app.bot_id.clone().into();
    }
    ok(body)
}

/// Every member, Slackbot and the bot first, `cursor` = `user:<next id>`.
pub(super) fn list(s: &Slack, p: &Params) -> Response {
    let users = &s.ws.users;
    let start = match p.get("cursor") {
        None => 0,
        Some(c) => {
            match cursor::decode(c, "user").and_then(|id| users.iter().position(|u| u.id == id)) {
                Some(i) => i,
                None => return error("invalid_cursor"),
            }
        }
    };
    // `limit` 0 or absent: everything (Slack recommends asking for 200).
    let size = s.page(p.number("limit").or(Some(users.len())), users.len(), 1000);
    let end = (start + size).min(users.len());
    let members: Vec<Value> = users[start..end]
        .iter()
        .map(|u| render::user(s, u, true))
        .collect();
    let next = users
        .get(end)
        .map(|u| cursor::encode("user", &u.id))
        .unwrap_or_default();
    ok(json!({
        "members": members,
        "cache_ts": s.ws.now,
        "response_metadata": {"next_cursor": next},
    }))
}

pub(super) fn info(s: &Slack, p: &Params) -> Response {
    let Some(id) = p.get("user") else {
        return error("user_not_found");
    };
    match s.ws.user(id) {
        Some(u) => ok(json!({"user": render::user(s, u, false)})),
        None => error("user_not_found"),
    }
}

/// Slack's code for an unknown email here is `users_not_found`.
pub(super) fn lookup_by_email(s: &Slack, p: &Params) -> Response {
    match p.get("email").and_then(|e| s.ws.user_by_email(e)) {
        Some(u) => ok(json!({"user": render::user(s, u, false)})),
        None => error("users_not_found"),
    }
}
