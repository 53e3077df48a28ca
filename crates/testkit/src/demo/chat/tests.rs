//! Invariants the fake Slack and the connector tests rely on, and the
//! story agreeing with the other systems.

use std::collections::HashSet;

use super::*;
use crate::demo::support::support_desk;
use crate::demo::{Tier, REFERENCE_DATE};

#[test]
fn ids_are_unique_and_slack_shaped() {
    let ws = slack_workspace();
    let mut ids = HashSet::new();
    for id in ws
        .users
        .iter()
        .map(|u| &u.id)
        .chain(ws.channels.iter().map(|c| &c.id))
    {
        assert!(ids.insert(id.clone()), "duplicate {id}");
        assert!(
            id.len() >= 9
                && id
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        );
    }
    let mut stamps = HashSet::new();
    for m in &ws.messages {
        assert!(stamps.insert((&m.channel, &m.ts)), "duplicate ts {}", m.ts);
        let (secs, micro) = m.ts.split_once('.').unwrap();
        assert_eq!((secs.len(), micro.len()), (10, 6), "{}", m.ts);
        assert!(m.epoch() < ws.now as f64);
    }
    assert_eq!(slack_id('U', "x"), slack_id('U', "x"));
    assert_ne!(slack_id('U', "x"), slack_id('U', "y"));
}

#[test]
fn staff_bot_and_slackbot_are_members() {
    let demo = northwind();
    let ws = slack_workspace();
    assert_eq!(ws.users.len(), demo.staff.len() + 2);
    for e in &demo.staff {
        let u = ws.user_by_email(&e.email).unwrap();
        assert_eq!(u.real_name, format!("{} {}", e.first_name, e.last_name));
        assert!(!u.is_bot());
    }
    assert_eq!(
        ws.user_by_email("sales@northwind.example").unwrap().name,
        "sam.carter"
    );
    assert!(
        ws.user_by_email("admin@northwind.example")
            .unwrap()
            .is_admin
    );
    let bot = ws.bot();
    assert_eq!(
        (bot.real_name.as_str(), bot.email.as_str()),
        ("Switchboard", "")
    );
    assert!(ws.user("USLACKBOT").unwrap().is_slackbot);
    assert_eq!(ws.team_name, "Northwind Example");
    assert_eq!(ws.url, "https://northwind-example.slack.com/");
}

#[test]
fn channels_and_membership() {
    let ws = slack_workspace();
    let bot = &ws.bot().id;
    for name in ["general", "sales", "support-escalations", "eng-incidents"] {
        assert!(ws.channel_by_name(name).unwrap().has_member(bot), "{name}");
    }
    assert!(!ws.channel_by_name("#random").unwrap().has_member(bot));
    assert!(ws.channel_by_name("proj-atlas-launch").unwrap().is_archived);
    assert!(ws.channel_by_name("general").unwrap().is_general);
    let acme = ws.channel_by_name("acct-acme-robotics").unwrap();
    assert_eq!(
        acme.customer_domain.as_deref(),
        Some("acme-robotics.example")
    );
    assert_eq!(
        acme.topic,
        "Acme Robotics · acme-robotics.example · owner Sam Carter · renews 15 Dec 2026"
    );
    let sam = ws.user_by_email("sales@northwind.example").unwrap();
    assert_eq!(acme.creator, sam.id);
    assert!(acme.has_member(&sam.id) && acme.has_member(bot));
}

#[test]
fn markup_resolves_and_threads_hang_together() {
    let ws = slack_workspace();
    for m in &ws.messages {
        assert!(
            !m.text.contains("{@") && !m.text.contains("{#"),
            "{}",
            m.text
        );
        for mention in m.text.split("<@").skip(1) {
            let id = &mention[..mention.find('>').unwrap()];
            assert!(ws.user(id).is_some(), "unknown mention {id}");
        }
        for link in m.text.split("<#").skip(1) {
            let id = &link[..link.find('|').unwrap()];
            assert!(ws.channel(id).is_some(), "unknown channel {id}");
        }
        assert!(ws.user(&m.user).is_some());
        if let Some(parent) = m.thread_ts.as_deref() {
            assert!(
                ws.history(&m.channel).any(|p| p.ts == parent),
                "orphan reply"
            );
            assert!(m.ts.as_str() > parent);
        }
    }
    let sales = ws.channel_by_name("sales").unwrap();
    assert!(
        ws.history(&sales.id).count() >= 10,
        "enough to page through"
    );
    let acme = ws
        .history(&sales.id)
        .find(|m| {
            m.text
                .starts_with("Acme Robotics (acme-robotics.example) renewal")
        })
        .unwrap();
    let replies = ws.replies(&sales.id, &acme.ts);
    assert_eq!(replies.len(), 3);
    let erik = ws.user_by_email("engineering@northwind.example").unwrap();
    assert_eq!(replies[0].user, erik.id);
    assert!(acme.text.contains(&format!("<@{}>", erik.id)));
    assert!(replies[0].text.contains("|eng-incidents>"));
    let pinned: Vec<_> = ws.messages.iter().filter(|m| m.pinned.is_some()).collect();
    assert!(pinned.len() >= 3 && pinned.iter().all(|m| !m.is_reply()));
    assert!(ws.messages.iter().any(|m| m.text.contains("&amp;")));
}

#[test]
fn the_story_matches_the_other_systems() {
    let demo = northwind();
    let ws = slack_workspace();
    let (q_start, q_end) = demo.current_quarter();
    let escalations = ws.channel_by_name("support-escalations").unwrap();
    let sales = ws.channel_by_name("sales").unwrap();
    for c in &demo.customers {
        let renews_now = c.tier == Tier::Enterprise
            && (q_start..=q_end).contains(&c.renewal_date)
            && c.renewal_date >= REFERENCE_DATE;
        if renews_now {
            assert!(
                ws.mentioning(&c.domain).any(|m| m.channel == sales.id),
                "{} renews this quarter but #sales never mentions it",
                c.name
            );
            assert!(ws
                .channel_by_name(&format!("acct-{}", c.domain.trim_end_matches(".example")))
                .is_some());
        }
        if support_desk().open_tickets(&c.domain).count() >= 2 {
            assert!(
                ws.mentioning(&c.domain)
                    .any(|m| m.channel == escalations.id),
                "{} has 2+ open tickets but no escalation",
                c.name
            );
        }
    }
    let first = REFERENCE_DATE - chrono::Days::new(40);
    let recent = ws
        .messages
        .iter()
        .filter(|m| m.epoch() as i64 >= first.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp())
        .count();
    assert!(
        recent * 10 >= ws.messages.len() * 9,
        "the last weeks, mostly"
    );
    assert!(ws.mentioning("acme-robotics.example").count() >= 8);
}
