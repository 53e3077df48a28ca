//! The workspace's members: Slackbot, the Switchboard app's bot user, and
//! one account per Northwind employee (handle `first.last`, time zone by
//! office).

use super::build::{epoch, hash};
use super::{slack_id, SlackApp, SlackUser};
use crate::demo::DemoCompany;

const APP_KEY: &str = "app:switchboard";

pub(super) fn users(company: &DemoCompany) -> Vec<SlackUser> {
    let pacific = ("America/Los_Angeles", "Pacific Standard Time", -28_800);
    let person =
        |id: String, name: &str, first: &str, last: &str, tz: (&'static str, &'static str, i64)| {
            SlackUser {
                color: format!("{:06x}", hash(&id) % 0x100_0000),
                avatar_hash: format!("g{:011x}", hash(&format!("avatar:{id}")) % 0x1000_0000_0000),
                id,
                name: name.to_owned(),
                real_name: format!("{first} {last}").trim().to_owned(),
                display_name: first.to_owned(),
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email: String::new(),
                title: String::new(),
                tz: tz.0,
                tz_label: tz.1,
                tz_offset: tz.2,
                is_admin: false,
                is_owner: false,
                app: None,
                is_slackbot: false,
                updated: 0,
            }
        };
    let mut slackbot = person("USLACKBOT".into(), "slackbot", "Slackbot", "", pacific);
    slackbot.is_slackbot = true;
    slackbot.color = "757575".into();
    slackbot.avatar_hash = "sv41d8cd98f0".into();
    let mut bot = person(
        slack_id('U', APP_KEY),
        "switchboard",
        "Switchboard",
        "",
        pacific,
    );
    bot.display_name = String::new();
    bot.app = Some(SlackApp {
        app_id: slack_id('A', APP_KEY),
        bot_id: slack_id('B', APP_KEY),
        name: "Switchboard".into(),
    });
    bot.updated = epoch(300, "10:00");
    let mut users = vec![slackbot, bot];
    for (i, e) in company.staff.iter().enumerate() {
        let local = e.email.split('@').next().unwrap_or_default();
        let tz = match local {
            "kenji.watanabe" => ("Asia/Tokyo", "Japan Standard Time", 32_400),
            "tom.becker" => ("Europe/Berlin", "Central European Time", 3_600),
            "priya.nair" => pacific,
            "maria.lopez" => ("America/Chicago", "Central Standard Time", -21_600),
            _ => ("America/New_York", "Eastern Standard Time", -18_000),
        };
        let handle = format!("{}.{}", e.first_name, e.last_name)
            .to_lowercase()
            .replace(' ', "");
        let mut u = person(
            slack_id('U', &e.email),
            &handle,
            &e.first_name,
            &e.last_name,
            tz,
        );
        u.email = e.email.clone();
        u.title = e.title.clone();
        u.is_admin = e.department == "it";
        u.is_owner = u.is_admin;
        u.updated = epoch(200 - i as u64 * 7, "09:30");
        users.push(u);
    }
    users
}

/// The staff member whose email starts with `local@`.
pub(super) fn staff<'a>(users: &'a [SlackUser], local: &str) -> Option<&'a SlackUser> {
    users.iter().find(|u| {
        u.email
            .split_once('@')
            .is_some_and(|(l, _)| l.eq_ignore_ascii_case(local))
    })
}
