//! `chat.postMessage`: posts as the token's user (the bot, for a bot
//! token) into a channel given by id or name, optionally in a thread.
//! Like Slack it answers a JSON body sent without a charset with the
//! `missing_charset` warning (see `chat_postMessage.json`).

use axum::http::{header, HeaderMap};
use axum::response::Response;
use serde_json::json;

use super::params::Params;
use super::{error, ok, render, Caller, Slack};
use crate::demo::chat::SlackMessage;

/// Slack truncates longer messages; it refuses past 40,000 characters.
const MAX_TEXT: usize = 40_000;

pub(super) fn post_message(s: &Slack, caller: Caller, p: &Params, headers: &HeaderMap) -> Response {
    let Some(channel) = p
        .get("channel")
        .and_then(|c| s.ws.channel(c).or_else(|| s.ws.channel_by_name(c)))
    else {
        return error("channel_not_found");
    };
    let me = s.user_of(caller);
    if channel.is_archived {
        return error("is_archived");
    }
    if !channel.has_member(me) {
        return error("not_in_channel");
    }
    let Some(text) = p.get("text") else {
        return error("no_text");
    };
    if text.chars().count() > MAX_TEXT {
        return error("msg_too_long");
    }
    let message = SlackMessage {
        channel: channel.id.clone(),
        ts: s.next_ts(),
        user: me.to_owned(),
        text: text.to_owned(),
        // Like Slack, a thread_ts that names no message still posts (the
        // reply is then hidden); the connector checks threads first.
        thread_ts: p.get("thread_ts").map(str::to_owned),
        reactions: Vec::new(),
        pinned: None,
        customers: Vec::new(),
    };
    let mut all = s.messages();
    all.push(message);
    let posted = all.last().expect("just pushed");
    let mut body = json!({
        "channel": posted.channel,
        "ts": posted.ts,
        "message": render::message(s, &all, posted),
    });
    let json_without_charset = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") && !v.contains("charset"));
    if json_without_charset {
        body["warning"] = "missing_charset".into();
        body["response_metadata"] = json!({"warnings": ["missing_charset"]});
    }
    ok(body)
}
