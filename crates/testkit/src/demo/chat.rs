//! Team chat (Slack) for the demo company: Northwind's staff as workspace
//! members, the Switchboard app's bot user, the channels they talk in, and
//! the last five weeks of messages and threads about the customers.
//!
//! Vendor ids are derived from stable keys ([`slack_id`]); every timestamp
//! is fixed relative to [`super::REFERENCE_DATE`]. The story matches the
//! other systems: the Q4 enterprise renewals (Acme Robotics, Globex
//! Logistics, Lion City Bank, Stark Aerospace, Sakura Telecom, Helios
//! Pharma) are discussed in `#sales` and their `#acct-*` channels;
//! escalations of the customers' open support tickets in
//! `#support-escalations`; the incidents behind them in `#eng-incidents`;
//! finance flags the overdue invoices; Oceanic Insurance's lost renewal and
//! Helios Pharma's missing calls come up too. The bot is a member of every
//! channel except `#random`, and `#proj-atlas-launch` is archived.

mod build;
mod channels;
mod members;
mod script;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use super::{northwind, DemoCompany};

/// The workspace (team) the demo company chats in.
#[derive(Debug, Clone)]
pub struct SlackWorkspace {
    /// `T…`.
    pub team_id: String,
    /// "Northwind Example".
    pub team_name: String,
    /// `https://northwind-example.slack.com/`.
    pub url: String,
    /// Slackbot, the Switchboard bot user, then the staff.
    pub users: Vec<SlackUser>,
    pub channels: Vec<SlackChannel>,
    /// Top-level messages and thread replies, oldest first.
    pub messages: Vec<SlackMessage>,
    /// Epoch seconds after every demo message: "now" for new posts.
    pub now: i64,
}

/// The Switchboard Slack app that the gateway's tokens belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackApp {
    /// `A…`.
    pub app_id: String,
    /// `B…`.
    pub bot_id: String,
    pub name: String,
}

/// A workspace member: a Northwind employee, the app's bot, or Slackbot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackUser {
    /// `U…`.
    pub id: String,
    /// The handle, e.g. `sam.carter`.
    pub name: String,
    pub real_name: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    /// Empty for bots.
    pub email: String,
    pub title: String,
    pub tz: &'static str,
    pub tz_label: &'static str,
    pub tz_offset: i64,
    pub is_admin: bool,
    pub is_owner: bool,
    /// Set for the app's bot user.
    pub app: Option<SlackApp>,
    /// Slackbot is neither a person nor an app bot.
    pub is_slackbot: bool,
    /// Six hex digits.
    pub color: String,
    pub avatar_hash: String,
    /// Epoch seconds of the last profile change.
    pub updated: i64,
}

impl SlackUser {
    pub fn is_bot(&self) -> bool {
        self.app.is_some()
    }
}

/// A channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackChannel {
    /// `C…`.
    pub id: String,
    /// Lower-case, without the `#`.
    pub name: String,
    pub topic: String,
    pub purpose: String,
    /// Epoch seconds.
    pub created: i64,
    /// User id.
    pub creator: String,
    pub is_general: bool,
    pub is_archived: bool,
    /// Member user ids (the bot's included where it was invited).
    pub members: Vec<String>,
    /// The customer an `#acct-*` channel is about.
    pub customer_domain: Option<String>,
    pub previous_names: Vec<String>,
}

impl SlackChannel {
    pub fn has_member(&self, user_id: &str) -> bool {
        self.members.iter().any(|m| m == user_id)
    }
}

/// One message: top-level, or a reply when `thread_ts` differs from `ts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackMessage {
    /// Channel id.
    pub channel: String,
    /// `1795564800.000100`: epoch seconds and a unique suffix.
    pub ts: String,
    /// Author user id.
    pub user: String,
    /// Slack mrkdwn: `<@U…>` mentions, `<#C…|name>` channels, `<url|label>`
    /// links, `&amp;`/`&lt;`/`&gt;` escapes.
    pub text: String,
    /// The parent's ts for replies; `None` for top-level messages (a parent
    /// with replies reports its own ts as `thread_ts` on the wire).
    pub thread_ts: Option<String>,
    pub reactions: Vec<SlackReaction>,
    /// Who pinned it to its channel, and when (epoch seconds).
    pub pinned: Option<(String, i64)>,
    /// Domains of the customers the text mentions (by name or domain).
    pub customers: Vec<String>,
}

impl SlackMessage {
    pub fn is_reply(&self) -> bool {
        self.thread_ts.as_deref().is_some_and(|t| t != self.ts)
    }

    /// The ts as seconds since the epoch.
    pub fn epoch(&self) -> f64 {
        self.ts.parse().unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackReaction {
    /// Emoji shortcode without colons, e.g. `+1`.
    pub name: String,
    pub users: Vec<String>,
}

static WORKSPACE: LazyLock<SlackWorkspace> = LazyLock::new(|| SlackWorkspace::build(northwind()));

/// The Northwind Slack workspace, built once per process.
pub fn slack_workspace() -> &'static SlackWorkspace {
    &WORKSPACE
}

/// A Slack-style id: `prefix`, `0`, then nine upper-case base-36 digits of a
/// hash of `key`, so every system derives the same id from the same key.
pub fn slack_id(prefix: char, key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut id = String::with_capacity(11);
    id.push(prefix);
    id.push('0');
    for _ in 0..9 {
        let digit = (hash % 36) as u32;
        id.push(
            char::from_digit(digit, 36)
                .unwrap_or('0')
                .to_ascii_uppercase(),
        );
        hash /= 36;
    }
    id
}

impl SlackWorkspace {
    /// The workspace for `company` (script rows naming unknown customers or
    /// staff are skipped).
    pub fn build(company: &DemoCompany) -> SlackWorkspace {
        build::workspace(company)
    }

    pub fn user(&self, id: &str) -> Option<&SlackUser> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_by_email(&self, email: &str) -> Option<&SlackUser> {
        self.users
            .iter()
            .find(|u| !u.email.is_empty() && u.email.eq_ignore_ascii_case(email))
    }

    /// The app's bot user.
    pub fn bot(&self) -> &SlackUser {
        self.users
            .iter()
            .find(|u| u.is_bot())
            .expect("the workspace has the app's bot user")
    }

    pub fn channel(&self, id: &str) -> Option<&SlackChannel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// By name, with or without the leading `#`.
    pub fn channel_by_name(&self, name: &str) -> Option<&SlackChannel> {
        let name = name.trim_start_matches('#');
        self.channels.iter().find(|c| c.name == name)
    }

    /// A channel's top-level messages, oldest first.
    pub fn history(&self, channel_id: &str) -> impl DoubleEndedIterator<Item = &SlackMessage> {
        let channel_id = channel_id.to_owned();
        self.messages
            .iter()
            .filter(move |m| m.channel == channel_id && !m.is_reply())
    }

    /// The replies to the message `ts` in `channel_id`, oldest first.
    pub fn replies(&self, channel_id: &str, ts: &str) -> Vec<&SlackMessage> {
        self.messages
            .iter()
            .filter(|m| m.channel == channel_id && m.is_reply())
            .filter(|m| m.thread_ts.as_deref() == Some(ts))
            .collect()
    }

    /// Messages (replies included) mentioning the customer with `domain`.
    pub fn mentioning(&self, domain: &str) -> impl Iterator<Item = &SlackMessage> {
        let domain = domain.to_owned();
        self.messages
            .iter()
            .filter(move |m| m.customers.contains(&domain))
    }
}
