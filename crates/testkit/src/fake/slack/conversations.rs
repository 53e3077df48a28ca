//! `conversations.list`, `.info`, `.history` and `.replies`. Channels are
//! addressed by id only, as Slack requires for these methods; a bot must be
//! a member to read a channel (`not_in_channel` otherwise).

use axum::response::Response;
use serde_json::{json, Value};

use super::params::Params;
use super::{cursor, error, ok, render, Caller, Slack};
use crate::demo::chat::{SlackChannel, SlackMessage};

const TYPES: &[&str] = &["public_channel", "private_channel", "mpim", "im"];

/// Channels in creation order (every demo channel is public), `cursor` =
/// `team:<next channel id>`.
pub(super) fn list(s: &Slack, caller: Caller, p: &Params) -> Response {
    let types: Vec<&str> = p
        .get("types")
        .unwrap_or("public_channel")
        .split(',')
        .map(str::trim)
        .collect();
    if types.iter().any(|t| !TYPES.contains(t)) {
        return error("invalid_types");
    }
    let public = types.contains(&"public_channel");
    let channels: Vec<&SlackChannel> =
        s.ws.channels
            .iter()
            .filter(|_| public)
            .filter(|c| !(p.flag("exclude_archived") && c.is_archived))
            .collect();
    let start = match p.get("cursor") {
        None => 0,
        Some(c) => match cursor::decode(c, "team")
            .and_then(|id| channels.iter().position(|ch| ch.id == id))
        {
            Some(i) => i,
            None => return error("invalid_cursor"),
        },
    };
    let end = (start + s.page(p.number("limit"), 100, 1000)).min(channels.len());
    let me = s.user_of(caller);
    let page: Vec<Value> = channels[start..end]
        .iter()
        .map(|c| render::channel(s, c, me, false))
        .collect();
    let next = channels
        .get(end)
        .map(|c| cursor::encode("team", &c.id))
        .unwrap_or_default();
    ok(json!({"channels": page, "response_metadata": {"next_cursor": next}}))
}

pub(super) fn info(s: &Slack, caller: Caller, p: &Params) -> Response {
    let Some(c) = p.get("channel").and_then(|id| s.ws.channel(id)) else {
        return error("channel_not_found");
    };
    let mut channel = render::channel(s, c, s.user_of(caller), true);
    if !p.flag("include_num_members") {
        if let Some(fields) = channel.as_object_mut() {
            fields.remove("num_members");
        }
    }
    ok(json!({"channel": channel}))
}

/// A readable channel, or the code of the error Slack gives.
fn readable<'a>(
    s: &'a Slack,
    caller: Caller,
    p: &Params,
) -> Result<&'a SlackChannel, &'static str> {
    let c = p
        .get("channel")
        .and_then(|id| s.ws.channel(id))
        .ok_or("channel_not_found")?;
    if !c.has_member(s.user_of(caller)) {
        return Err("not_in_channel");
    }
    Ok(c)
}

/// `oldest < ts < latest` (`<=` with `inclusive`), as a filter.
fn window(p: &Params) -> Result<impl Fn(&SlackMessage) -> bool, &'static str> {
    let oldest = p.ts("oldest").map_err(|()| "invalid_ts_oldest")?;
    let latest = p.ts("latest").map_err(|()| "invalid_ts_latest")?;
    let inclusive = p.flag("inclusive");
    Ok(move |m: &SlackMessage| {
        let t = m.epoch();
        let after = oldest.is_none_or(|o| t > o || (inclusive && t == o));
        let before = latest.is_none_or(|l| t < l || (inclusive && t == l));
        after && before
    })
}

/// The position a `next_ts:<digits>` cursor names.
fn cursor_ts(p: &Params) -> Result<Option<String>, &'static str> {
    match p.get("cursor") {
        None => Ok(None),
        Some(c) => cursor::decode(c, "next_ts")
            .and_then(|d| cursor::digits_ts(&d))
            .map(Some)
            .ok_or("invalid_cursor"),
    }
}

/// Top-level messages, newest first.
pub(super) fn history(s: &Slack, caller: Caller, p: &Params) -> Response {
    let (c, within, from) = match (readable(s, caller, p), window(p), cursor_ts(p)) {
        (Ok(c), Ok(w), Ok(from)) => (c, w, from),
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => return error(e),
    };
    let all = s.messages();
    let mut top: Vec<&SlackMessage> = all
        .iter()
        .filter(|m| m.channel == c.id && !m.is_reply() && within(m))
        .collect();
    top.sort_by(|a, b| b.ts.cmp(&a.ts));
    let start = from.map_or(0, |ts| {
        top.iter().position(|m| m.ts <= ts).unwrap_or(top.len())
    });
    let end = (start + s.page(p.number("limit"), 100, 999)).min(top.len());
    let messages: Vec<Value> = top[start..end]
        .iter()
        .map(|m| render::message(s, &all, m))
        .collect();
    let pins = all
        .iter()
        .filter(|m| m.channel == c.id && m.pinned.is_some())
        .count();
    let mut body = json!({
        "messages": messages,
        "has_more": end < top.len(),
        "pin_count": pins,
        "channel_actions_ts": null,
        "channel_actions_count": 0,
    });
    if let Some(next) = top.get(end) {
        body["response_metadata"] =
            json!({"next_cursor": cursor::encode("next_ts", &cursor::ts_digits(&next.ts))});
    }
    ok(body)
}

/// The parent, then its replies oldest first; later pages hold replies only.
pub(super) fn replies(s: &Slack, caller: Caller, p: &Params) -> Response {
    let (c, within, from) = match (readable(s, caller, p), window(p), cursor_ts(p)) {
        (Ok(c), Ok(w), Ok(from)) => (c, w, from),
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => return error(e),
    };
    let all = s.messages();
    let in_channel = |ts: &str| all.iter().find(|m| m.channel == c.id && m.ts == ts);
    let Some(asked) = p.get("ts").and_then(in_channel) else {
        return error("thread_not_found");
    };
    let root_ts = if asked.is_reply() {
        asked.thread_ts.clone().unwrap_or_default()
    } else {
        asked.ts.clone()
    };
    let Some(root) = in_channel(&root_ts) else {
        return error("thread_not_found");
    };
    let mut thread = vec![root];
    thread.extend(all.iter().filter(|r| {
        r.channel == c.id && r.is_reply() && r.thread_ts.as_deref() == Some(&root_ts) && within(r)
    }));
    let start = from.map_or(0, |ts| {
        thread
            .iter()
            .skip(1)
            .position(|m| m.ts >= ts)
            .map_or(thread.len(), |i| i + 1)
    });
    let end = (start + s.page(p.number("limit"), 1000, 1000)).min(thread.len());
    let messages: Vec<Value> = thread[start..end]
        .iter()
        .map(|m| render::message(s, &all, m))
        .collect();
    let mut body = json!({"messages": messages, "has_more": end < thread.len()});
    if let Some(next) = thread.get(end) {
        body["response_metadata"] =
            json!({"next_cursor": cursor::encode("next_ts", &cursor::ts_digits(&next.ts))});
    }
    ok(body)
}
