//! `search.messages`: user tokens only (a bot token gets Slack's
//! `not_allowed_token_type`), page-based (`count`, `page`), with the
//! modifiers the connector sends: `in:#channel` / `in:<#C…>`,
//! `from:<@U…>` / `from:@handle`, `after:` / `before:` / `on:` dates
//! (UTC days, exclusive as in Slack). Every other word must occur in the
//! text (case-insensitively; quoted phrases whole, `-word` excludes).

use axum::response::Response;
use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

use super::params::Params;
use super::{error, ok, render, Caller, Slack};
use crate::demo::chat::SlackMessage;

#[derive(Default)]
struct Query {
    channel: Option<String>,
    from: Option<String>,
    /// Epoch seconds: `from <= ts < to`.
    after: Option<i64>,
    before: Option<i64>,
    words: Vec<String>,
    not: Vec<String>,
}

fn day_start(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp())
}

/// Splits on whitespace, keeping `"quoted phrases"` together.
fn terms(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            out.push(part.to_owned());
        } else {
            out.extend(part.split_whitespace().map(str::to_owned));
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

fn parse(s: &Slack, caller: Caller, q: &str) -> Query {
    let mut query = Query::default();
    let ws = &s.ws;
    let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    for term in terms(q) {
        let (key, value) = term.split_once(':').unwrap_or(("", term.as_str()));
        let handled = match key {
            "in" => {
                let v = value.trim_start_matches("<#").trim_end_matches('>');
                let (id, _) = v.split_once('|').unwrap_or((v, ""));
                let c = ws.channel(id).or_else(|| ws.channel_by_name(value));
                // An unknown channel matches nothing, as in Slack.
                query.channel = Some(c.map_or_else(|| "-".into(), |c| c.id.clone()));
                true
            }
            "from" => {
                let v = value.trim_start_matches("<@").trim_end_matches('>');
                let handle = v.trim_start_matches('@');
                let user = match handle {
                    "me" => ws.user(s.user_of(caller)),
                    _ => ws
                        .user(v)
                        .or_else(|| ws.users.iter().find(|u| u.name == handle)),
                };
                query.from = Some(user.map_or_else(|| "-".into(), |u| u.id.clone()));
                true
            }
            "after" | "before" | "on" => match date(value) {
                None => false,
                Some(d) => {
                    let next = d.checked_add_days(Days::new(1)).map(day_start);
                    match key {
                        "after" => query.after = next,
                        "before" => query.before = Some(day_start(d)),
                        _ => (query.after, query.before) = (Some(day_start(d)), next),
                    }
                    true
                }
            },
            _ => false,
        };
        if !handled {
            match term.strip_prefix('-').filter(|w| !w.is_empty()) {
                Some(w) => query.not.push(w.to_lowercase()),
                None => query.words.push(term.to_lowercase()),
            }
        }
    }
    query
}

impl Query {
    fn matches(&self, m: &SlackMessage) -> bool {
        // What people see: entities unescaped.
        let text = m
            .text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .to_lowercase();
        let t = m.epoch() as i64;
        self.channel.as_ref().is_none_or(|c| *c == m.channel)
            && self.from.as_ref().is_none_or(|u| *u == m.user)
            && self.after.is_none_or(|a| t >= a)
            && self.before.is_none_or(|b| t < b)
            && self.words.iter().all(|w| text.contains(w.as_str()))
            && !self.not.iter().any(|w| text.contains(w.as_str()))
    }
}

pub(super) fn messages(s: &Slack, caller: Caller, p: &Params) -> Response {
    if caller != Caller::User {
        return error("not_allowed_token_type");
    }
    let Some(q) = p.get("query") else {
        // Verbatim from Slack's spec (`error_search_no_query.json`).
        return error("No query passed");
    };
    let query = parse(s, caller, q);
    let me = s.user_of(caller);
    let all = s.messages();
    let mut found: Vec<&SlackMessage> = all
        .iter()
        .filter(|m| s.ws.channel(&m.channel).is_some_and(|c| c.has_member(me)))
        .filter(|m| query.matches(m))
        .collect();
    // Newest first for `score` (the default) too: the fake has no ranking.
    found.sort_by(|a, b| b.ts.cmp(&a.ts));
    if p.get("sort") == Some("timestamp") && p.get("sort_dir") == Some("asc") {
        found.reverse();
    }
    let count = p.number("count").unwrap_or(20).clamp(1, 100);
    let page = p.number("page").unwrap_or(1).clamp(1, 100);
    let total = found.len();
    let pages = total.div_ceil(count).max(1);
    let start = ((page - 1) * count).min(total);
    let end = (start + count).min(total);
    let matches: Vec<Value> = found[start..end].iter().map(|m| hit(s, m)).collect();
    ok(json!({
        "query": q,
        "messages": {
            "matches": matches,
            "pagination": {
                "first": if total == 0 { 0 } else { start + 1 }, "last": end, "page": page,
                "page_count": pages, "per_page": count, "total_count": total,
            },
            "paging": {"count": count, "page": page, "pages": pages, "total": total},
            "total": total,
        },
    }))
}

fn hit(s: &Slack, m: &SlackMessage) -> Value {
    let channel = s.ws.channel(&m.channel);
    let mut permalink = format!(
        "{}archives/{}/p{}",
        s.ws.url,
        m.channel,
        m.ts.replace('.', "")
    );
    if let Some(parent) = m.thread_ts.as_deref().filter(|_| m.is_reply()) {
        permalink.push_str(&format!("?thread_ts={parent}&cid={}", m.channel));
    }
    let h = m.ts.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    json!({
        "channel": channel.map(render::search_channel),
        "iid": format!("{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", h >> 32, (h >> 16) & 0xffff, h & 0xfff, (h >> 20) & 0xfff, h & 0xffff_ffff_ffff),
        "permalink": permalink,
        "team": s.ws.team_id,
        "text": m.text,
        "ts": m.ts,
        "type": "message",
        "user": m.user,
        "username": s.ws.user(&m.user).map(|u| u.name.clone()).unwrap_or_default(),
    })
}
