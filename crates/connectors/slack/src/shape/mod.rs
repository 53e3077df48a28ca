//! The shaped outputs: who said what, when, in plain text with names
//! instead of ids; reactions and thread sizes as counts. Never the raw
//! message (about 940 bytes each, mostly `blocks` and `bot_profile`).

mod channel;
pub mod mrkdwn;

use std::collections::HashMap;

use chrono::DateTime;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Message, User};

pub use channel::{channel, ChannelSummary};

/// A person (or app) as the model sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Person {
    /// Someone Slack no longer knows: shown by id.
    pub fn unknown(id: &str) -> Person {
        Person {
            name: id.to_owned(),
            email: None,
        }
    }
}

/// The real name (else display name, else handle) and the email.
pub fn person(u: &User) -> Person {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let name = clean(&u.profile.real_name)
        .or_else(|| clean(&u.real_name))
        .or_else(|| clean(&u.profile.display_name))
        .unwrap_or_else(|| u.name.clone());
    Person {
        name,
        email: clean(&u.profile.email).map(|e| e.to_lowercase()),
    }
}

/// Ids resolved for one answer: people by user id, channel names by id.
#[derive(Debug, Default)]
pub struct Names {
    pub people: HashMap<String, Person>,
    pub channels: HashMap<String, String>,
}

impl Names {
    fn person(&self, id: &str) -> Person {
        self.people
            .get(id)
            .cloned()
            .unwrap_or_else(|| Person::unknown(id))
    }

    /// Plain text with mentions and links resolved.
    pub fn text(&self, text: &str) -> String {
        mrkdwn::render(
            text,
            &|id| self.people.get(id).map(|p| p.name.clone()),
            &|id| self.channels.get(id).cloned(),
        )
    }

    /// Who wrote `m`: its user, else its bot's or username's name.
    pub fn author(&self, m: &Message) -> Person {
        match m.user.as_deref().filter(|u| !u.is_empty()) {
            Some(id) => self.person(id),
            None => Person {
                name: m
                    .bot_profile
                    .as_ref()
                    .map(|b| b.name.clone())
                    .or_else(|| m.username.clone())
                    .unwrap_or_else(|| "unknown".into()),
                email: None,
            },
        }
    }
}

/// Every user id `text` mentions (`<@U…>`).
pub fn mentions(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("<@").skip(1).filter_map(|rest| {
        let end = rest.find(['>', '|'])?;
        Some(rest[..end].to_owned())
    })
}

/// The user ids a shaped message shows: its author and its mentions.
pub fn user_ids(m: &Message) -> impl Iterator<Item = String> + '_ {
    m.user.iter().cloned().chain(mentions(&m.text))
}

/// A ts as an RFC 3339 UTC time, to the second.
pub fn time(ts: &str) -> String {
    let secs = ts.split('.').next().and_then(|s| s.parse::<i64>().ok());
    secs.and_then(|s| DateTime::from_timestamp(s, 0))
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| ts.to_owned())
}

/// One message or reply, shaped.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Line {
    /// The message's id in its channel; pass it as `thread_ts`.
    pub ts: String,
    /// UTC.
    pub time: String,
    pub author: Person,
    pub text: String,
    /// `name×count`, e.g. `+1×3`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

pub fn line(m: &Message, names: &Names) -> Line {
    Line {
        ts: m.ts.clone(),
        time: time(&m.ts),
        author: names.author(m),
        text: names.text(&m.text),
        reactions: m
            .reactions
            .iter()
            .map(|r| format!("{}×{}", r.name, r.count))
            .collect(),
        pinned: !m.pinned_to.is_empty(),
    }
}

/// A channel message with its thread folded in.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Post {
    #[serde(flatten)]
    pub line: Line,
    /// Replies in its thread, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_count: Option<u32>,
    /// The first replies, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Line>,
    /// Replies not shown; `slack_get_thread` reads them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more_replies: Option<u32>,
}

pub fn post(m: &Message, replies: &[Message], names: &Names) -> Post {
    let count = m.reply_count.filter(|n| *n > 0);
    let shown: Vec<Line> = replies.iter().map(|r| line(r, names)).collect();
    let more = count
        .map(|n| n.saturating_sub(shown.len() as u32))
        .filter(|n| *n > 0);
    Post {
        line: line(m, names),
        reply_count: count,
        replies: shown,
        more_replies: more,
    }
}
