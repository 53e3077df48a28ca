//! Builds the workspace from the company and the script: ids from stable
//! keys, timestamps from the reference date, mentions and channel links
//! in Slack's own markup.

use chrono::{Days, NaiveTime};

use super::channels::{account_channel, ACCOUNTS, ACCOUNT_TEAM, CHANNELS};
use super::members::{staff, users};
use super::script::{posts, Post};
use super::{slack_id, SlackChannel, SlackMessage, SlackReaction, SlackUser, SlackWorkspace};
use crate::demo::{DemoCompany, REFERENCE_DATE};

pub(super) fn workspace(company: &DemoCompany) -> SlackWorkspace {
    let team = company.domain.replace('.', "-");
    let users = users(company);
    let channels = channels(company, &users);
    let mut messages: Vec<SlackMessage> = posts()
        .filter_map(|p| thread(company, &users, &channels, p))
        .flatten()
        .collect();
    messages.sort_by(|a, b| a.ts.cmp(&b.ts));
    let last = messages.last().map_or(0, |m| m.epoch() as i64);
    SlackWorkspace {
        team_id: slack_id('T', &company.domain),
        team_name: company.name.clone(),
        url: format!("https://{team}.slack.com/"),
        users,
        channels,
        messages,
        now: last.max(epoch(0, "12:00")) + 60,
    }
}

/// Seconds since the epoch of `HH:MM` UTC, `day` days before the reference date.
pub(super) fn epoch(day: u64, at: &str) -> i64 {
    let time = NaiveTime::parse_from_str(at, "%H:%M").expect("a demo time is HH:MM");
    (REFERENCE_DATE - Days::new(day))
        .and_time(time)
        .and_utc()
        .timestamp()
}

pub(super) fn hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `secs.micro`, the micro part derived from `key` so timestamps look real
/// and stay unique.
fn ts(secs: i64, key: &str) -> String {
    format!("{secs}.{:06}", hash(key) % 1_000_000)
}

fn channels(company: &DemoCompany, users: &[SlackUser]) -> Vec<SlackChannel> {
    let bot = users.iter().find(|u| u.is_bot()).map(|u| u.id.clone());
    let member_ids = |locals: &[&str], with_bot: bool| -> Vec<String> {
        let mut ids: Vec<String> = if locals.contains(&"*") {
            users
                .iter()
                .filter(|u| !u.email.is_empty())
                .map(|u| u.id.clone())
                .collect()
        } else {
            locals
                .iter()
                .filter_map(|l| staff(users, l))
                .map(|u| u.id.clone())
                .collect()
        };
        ids.dedup();
        ids.extend(bot.clone().filter(|_| with_bot));
        ids
    };
    let at = |(y, m, d): (i32, u32, u32)| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp())
    };
    let mut out: Vec<SlackChannel> = CHANNELS
        .iter()
        .map(|row| SlackChannel {
            id: slack_id('C', &format!("{}#{}", company.domain, row.name)),
            name: row.name.into(),
            topic: row.topic.into(),
            purpose: row.purpose.into(),
            created: at(row.created),
            creator: staff(users, row.creator)
                .map(|u| u.id.clone())
                .unwrap_or_default(),
            is_general: row.general,
            is_archived: row.archived,
            members: member_ids(row.members, row.bot),
            customer_domain: None,
            previous_names: row.previous_names.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    for domain in ACCOUNTS {
        let Some(customer) = company.customer(domain) else {
            continue;
        };
        let owner = customer.owner_email.split('@').next().unwrap_or_default();
        let owner_name = company
            .owner_by_email(&customer.owner_email)
            .map(|o| o.full_name())
            .unwrap_or_default();
        let name = account_channel(domain);
        let mut team = vec![owner];
        team.extend(ACCOUNT_TEAM.iter().filter(|l| **l != owner));
        out.push(SlackChannel {
            id: slack_id('C', &format!("{}#{name}", company.domain)),
            topic: format!(
                "{} · {} · owner {owner_name} · renews {}",
                customer.name,
                customer.domain,
                customer.renewal_date.format("%-d %b %Y")
            ),
            purpose: format!(
                "Everything about {} ({}): renewal, invoices, escalations.",
                customer.name, customer.domain
            ),
            name,
            created: customer
                .customer_since
                .and_hms_opt(9, 0, 0)
                .map_or(0, |t| t.and_utc().timestamp()),
            creator: staff(users, owner)
                .map(|u| u.id.clone())
                .unwrap_or_default(),
            is_general: false,
            is_archived: false,
            members: member_ids(&team, true),
            customer_domain: Some(customer.domain.clone()),
            previous_names: Vec::new(),
        });
    }
    out
}

/// A post and its replies, or `None` when its channel or author is unknown.
fn thread(
    company: &DemoCompany,
    users: &[SlackUser],
    channels: &[SlackChannel],
    post: &Post,
) -> Option<Vec<SlackMessage>> {
    let channel = channels.iter().find(|c| c.name == post.channel)?;
    let author = staff(users, post.by)?;
    let secs = epoch(post.day, post.at);
    let parent_ts = ts(secs, &format!("{}:{}", post.channel, post.text));
    let message = |ts: String, user: &SlackUser, text: &str, thread_ts: Option<String>| {
        let mut customers: Vec<String> = channel.customer_domain.iter().cloned().collect();
        for c in &company.customers {
            if (text.contains(&c.name) || text.contains(&c.domain))
                && !customers.contains(&c.domain)
            {
                customers.push(c.domain.clone());
            }
        }
        SlackMessage {
            channel: channel.id.clone(),
            ts,
            user: user.id.clone(),
            text: markup(text, users, channels),
            thread_ts,
            reactions: Vec::new(),
            pinned: None,
            customers,
        }
    };
    let mut top = message(parent_ts.clone(), author, post.text, None);
    top.reactions = post
        .reactions
        .iter()
        .map(|(name, who)| SlackReaction {
            name: (*name).into(),
            users: who
                .iter()
                .filter_map(|l| staff(users, l))
                .map(|u| u.id.clone())
                .collect(),
        })
        .filter(|r| !r.users.is_empty())
        .collect();
    top.pinned = post.pinned.then(|| (author.id.clone(), secs + 300));
    let mut out = vec![top];
    for (i, (minutes, by, text)) in post.replies.iter().enumerate() {
        let Some(user) = staff(users, by) else {
            continue;
        };
        let at = secs + i64::from(*minutes) * 60 + i as i64;
        out.push(message(
            ts(at, &format!("{parent_ts}:{text}")),
            user,
            text,
            Some(parent_ts.clone()),
        ));
    }
    Some(out)
}

/// Script text to Slack mrkdwn: `&` escaped, `{@local}` and `{#name}`
/// turned into mentions (or plain text when unknown).
fn markup(text: &str, users: &[SlackUser], channels: &[SlackChannel]) -> String {
    let mut out = String::new();
    let mut rest = text.replace('&', "&amp;");
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let token = &rest[start + 1..start + len];
        let rendered = match token.split_at_checked(1).unwrap_or(("", "")) {
            ("@", local) => {
                staff(users, local).map_or(format!("@{local}"), |u| format!("<@{}>", u.id))
            }
            ("#", name) => channels
                .iter()
                .find(|c| c.name == name)
                .map_or(format!("#{name}"), |c| format!("<#{}|{name}>", c.id)),
            _ => format!("{{{token}}}"),
        };
        out.push_str(&rendered);
        rest = rest[start + len + 1..].to_owned();
    }
    out.push_str(&rest);
    out
}
